"""The column page: the post's article and what surrounds it (other languages, neighbours
in its section, related posts), from one read of the post with everything it shows, in at
most six queries whatever the number of its tags, authors, key points, corrections and
translations."""

from .links import absolute_url, share_links
from .models import Correction, Post
from .toc import table_of_contents

RELATED_POSTS = 3


def find_post(slug):
    """The published post at `slug`, with everything its page shows, or None."""
    return Post.objects.published().for_post_page().filter(slug=slug).first()


def page_context(post) -> dict:
    """What templates/blog/post_detail.html shows of a post read by `find_post`."""
    share_url = absolute_url(post.get_absolute_url())
    return {
        "post": post,
        "contents": table_of_contents(post.body),
        "share_url": share_url,
        "share_links": share_links(share_url, post.title),
        "corrections": Correction.from_rows(post),
        "related_posts": related_posts(post),
    }


def related_posts(post):
    neighbours = [slug for slug in (post.previous_slug, post.next_slug) if slug]
    return list(
        Post.objects.published()
        .related_to(post)
        .exclude(slug__in=neighbours)
        .select_related("section")[:RELATED_POSTS]
    )
