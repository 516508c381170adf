"""Previews of unpublished posts, exactly as readers will see them, marked and not indexed.

Editors and the post's own authors preview from the admin. A share-preview link lets
someone without an account read the draft: its token is signed (and expires after
PREVIEW_LINK_LIFETIME) and names a PreviewLink row, so deleting the row revokes it.
"""

from django.core import signing
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from blog.models import Post, PreviewLink
from blog.models.workflow import PREVIEW_LINK_LIFETIME
from blog.post_page import page_context

SALT = "blog.previews.share-link"


def create_link(post, user) -> PreviewLink:
    link = PreviewLink(post=post, created_by=user)
    link.token = signing.dumps(link.nonce, salt=SALT)
    link.save()
    return link


def post_for_link(token: str):
    """The post a share-preview token opens, or None if it is forged, expired or revoked."""
    try:
        nonce = signing.loads(token, salt=SALT, max_age=PREVIEW_LINK_LIFETIME)
    except signing.BadSignature:
        return None
    link = PreviewLink.objects.active().filter(nonce=nonce).first()
    return link and link.post


def render_preview(request, post, **context):
    """The reader's page for `post`, whatever its status, marked as a preview."""
    post = Post.objects.for_post_page().get(pk=post.pk)
    response = render(request, "blog/post_preview.html", page_context(post) | context)
    return never_indexed(response)


def never_indexed(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
def shared_preview(request, token):
    post = post_for_link(token)
    if post is None:
        response = render(request, "blog/preview_link_gone.html", status=410)
        return never_indexed(response)
    return render_preview(request, post, shared=True)
