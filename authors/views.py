from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from blog.views import PublishedPostList

from .models import Author


class AuthorListView(ListView):
    template_name = "authors/author_list.html"
    context_object_name = "authors"

    def get_queryset(self):
        return Author.objects.active()


class AuthorView(PublishedPostList):
    template_name = "authors/author_detail.html"

    def filter_posts(self, posts):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return posts.filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)
