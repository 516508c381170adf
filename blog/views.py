from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from .models import Correction, Post, PostRedirect, Section, Tag
from .pagination import PostWindow
from .post_page import find_post, page_context


class PublishedPostList(ListView):
    """A list of what readers may see, newest first, in pages linked "Newer" and "Older"
    (`page_obj` is a `PostWindow`: keyset pagination, fast at any depth)."""

    template_name = "blog/post_list.html"
    context_object_name = "posts"
    paginate_by = settings.POSTS_PER_PAGE

    def get_queryset(self):
        return self.filter_posts(Post.objects.published()).for_readers().newest_first()

    def paginate_queryset(self, queryset, page_size):
        window = PostWindow.of(queryset, self.request.GET, page_size)
        return None, window, window.posts, window.has_neighbours

    def filter_posts(self, posts):
        return posts


class IndexView(PublishedPostList):
    template_name = "blog/index.html"


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
        self.tag = get_object_or_404(Tag.objects.with_reach(), slug=self.kwargs["slug"])
        return posts.tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


@require_safe
def post_detail(request, slug):
    post = find_post(slug)
    if post is None:
        moved = get_object_or_404(
            PostRedirect.objects.filter(post__in=Post.objects.published()), old_slug=slug
        )
        return redirect(moved.post, permanent=True)
    return render(request, "blog/post_detail.html", page_context(post))


class CorrectionListView(ListView):
    """The public corrections log."""

    template_name = "blog/correction_list.html"
    context_object_name = "corrections"
    paginate_by = settings.POSTS_PER_PAGE

    def get_queryset(self):
        return Correction.objects.public().select_related("post").newest_first()
