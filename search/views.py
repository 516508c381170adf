from django.conf import settings
from django.views.generic import ListView

from blog.models import Post

from . import query as search_query
from .text import clean_query, search_terms


class SearchView(ListView):
    """`/search/?q=`: published posts matching every word, best first, in numbered pages.
    Whatever the query string, the answer is a normal page."""

    template_name = "search/results.html"
    context_object_name = "posts"
    paginate_by = settings.POSTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.query = clean_query(request.GET.get("q", ""))
        self.terms = search_terms(self.query)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return search_query.search_posts(Post.objects.published(), self.terms).for_readers()

    def paginate_queryset(self, queryset, page_size):
        """Like ListView's, but a page number out of range shows the nearest page, not 404."""
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query, terms=self.terms, max_results=search_query.MAX_RESULTS, **kwargs
        )
