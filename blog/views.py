from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import ListView

from .models import Post, PostRedirect, Section, Tag


class PublishedPostList(ListView):
    """A paginated list of what readers may see, newest first."""

    template_name = "blog/post_list.html"
    context_object_name = "posts"
    paginate_by = settings.POSTS_PER_PAGE

    def get_queryset(self):
        return self.filter_posts(Post.objects.published()).for_readers().newest_first()

    def filter_posts(self, posts):
        return posts


class IndexView(PublishedPostList):
    pass


class SectionView(PublishedPostList):
    template_name = "blog/section_detail.html"

    def filter_posts(self, posts):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return posts.filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagView(PublishedPostList):
    template_name = "blog/tag_detail.html"

    def filter_posts(self, posts):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return posts.filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


def post_detail(request, slug):
    post = Post.objects.published().for_readers().filter(slug=slug).first()
    if post is None:
        moved = get_object_or_404(
            PostRedirect.objects.filter(post__in=Post.objects.published()), old_slug=slug
        )
        return redirect(moved.post, permanent=True)
    return render(request, "blog/post_detail.html", {"post": post})
