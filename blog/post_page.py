"""What the column page shows around the post itself: contents, sharing, corrections
and where to read next."""

from .caching import remember
from .models import Post
from .seo.links import absolute_url
from .sharing import share_links
from .toc import table_of_contents

RELATED_POSTS = 3


def find_post(slug):
    """The published post at `slug`, with everything its page shows, or None."""
    return Post.objects.published().for_readers().with_neighbours().filter(slug=slug).first()


def post_page_context(post):
    share_url = absolute_url(post.get_absolute_url())
    return {
        "post": post,
        "contents": table_of_contents(post.body),
        "share_url": share_url,
        "share_links": share_links(share_url, post.title),
        "corrections": post.corrections.all(),
        # Ranking them reads many rows; the result holds until the content changes.
        "related_posts": remember(f"related-posts:{post.pk}", lambda: list(related_posts(post))),
    }


def related_posts(post):
    neighbours = [slug for slug in (post.previous_slug, post.next_slug) if slug]
    return (
        Post.objects.published()
        .related_to(post)
        .exclude(slug__in=neighbours)
        .select_related("section")[:RELATED_POSTS]
    )
