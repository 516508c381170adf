"""The column page: the post's article, what surrounds it (other languages, neighbours in
its section, related posts) and the site's frame.

The article and its surroundings are rendered separately and cached separately: the
article until the post or what it shows changes (`remember_article`), the surroundings
until any content changes (`remember`). A page rendered after an edit elsewhere then
reuses its article and needs no SQL for it; a page nobody has read since the post
changed needs at most six queries.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .caching import remember, remember_article
from .links import absolute_url, share_links
from .models import Post
from .toc import table_of_contents

RELATED_POSTS = 3


@dataclass(frozen=True)
class Article:
    title: str
    head: SafeString
    heading: SafeString
    body: SafeString


@dataclass(frozen=True)
class Surroundings:
    translations: SafeString
    after: SafeString


class PostPage:
    """The page of the published post at `slug`; `exists` is False when there is none.
    Signed-in staff get it freshly rendered, readers from the caches."""

    def __init__(self, request, slug):
        self.request = request
        self.slug = slug

    @cached_property
    def post(self):
        return find_post(self.slug)

    @cached_property
    def article(self) -> Article | None:
        return self._cached(remember_article, self.slug, render_article)

    @cached_property
    def exists(self) -> bool:
        return self.article is not None

    def context(self) -> dict:
        name = f"post-surroundings:{self.slug}:{get_language()}"
        return {
            "article": self.article,
            "surroundings": self._cached(remember, name, render_surroundings),
        }

    def _cached(self, cache, name, render):
        def compute():
            return self.post and render(self.request, self.post)

        if self.request.user.is_authenticated:
            return compute()
        return cache(name, compute)


def find_post(slug):
    """The published post at `slug`, with everything its page shows, or None."""
    return Post.objects.published().for_readers().with_neighbours().filter(slug=slug).first()


def render_article(request, post) -> Article:
    share_url = absolute_url(post.get_absolute_url())
    context = {
        "post": post,
        "contents": table_of_contents(post.body),
        "share_url": share_url,
        "share_links": share_links(share_url, post.title),
        "corrections": post.corrections.all(),
    }
    return Article(
        title=post.seo_title or post.title,
        **{
            part: render_to_string(f"blog/post/{part}.html", context, request)
            for part in ("head", "heading", "body")
        },
    )


def render_surroundings(request, post) -> Surroundings:
    context = {"post": post, "related_posts": related_posts(post)}
    return Surroundings(
        translations=render_to_string("blog/includes/translations.html", context, request),
        after=render_to_string("blog/post/after.html", context, request),
    )


def related_posts(post):
    neighbours = [slug for slug in (post.previous_slug, post.next_slug) if slug]
    return list(
        Post.objects.published()
        .related_to(post)
        .exclude(slug__in=neighbours)
        .select_related("section")[:RELATED_POSTS]
    )
