"""The column page: the post's article and what surrounds it (other languages, neighbours
in its section, related posts), rendered from one read of the post with everything it
shows, in at most six queries whatever the number of its tags and authors."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

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


def find_post(slug):
    """The published post at `slug`, with everything its page shows, or None."""
    return Post.objects.published().for_readers().with_neighbours().filter(slug=slug).first()


def page_context(request, post) -> dict:
    return {
        "article": render_article(request, post),
        "surroundings": render_surroundings(request, post),
    }


def render_article(request, post) -> Article:
    share_url = absolute_url(post.get_absolute_url())
    context = {
        "post": post,
        "contents": table_of_contents(post.body),
        "share_url": share_url,
        "share_links": share_links(share_url, post.title),
        "corrections": post.corrections.all() if post.has_corrections else [],
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
