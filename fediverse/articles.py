"""A column as an ActivityStreams `Article`, and the activities that carry it."""

import uuid
from datetime import UTC

from django.template.loader import render_to_string
from django.utils import timezone

from blog.links import absolute_url, file_url
from blog.richtext import sanitize_html

from .documents import CONTEXT, PUBLIC


def post_uri(post) -> str:
    return absolute_url(post.get_absolute_url())


def timestamp(moment) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def article(post, actors) -> dict:
    """`post` fetched with `for_readers()`; `actors` its federated authors in byline order."""
    url = post_uri(post)
    content = sanitize_html(
        render_to_string("blog/includes/column_text.html", {"post": post}), base_url=url
    )
    document = {
        "id": url,
        "type": "Article",
        "name": post.title,
        "summary": post.lead,
        "content": content,
        "contentMap": {post.language: content},
        "url": url,
        "attributedTo": [actor.uri for actor in actors],
        "published": timestamp(post.publish_at),
        "updated": timestamp(max(post.publish_at, post.updated_at)),
        "to": [PUBLIC],
        "cc": [actor.address("fediverse:followers") for actor in actors],
        "tag": [
            {
                "type": "Hashtag",
                "href": absolute_url(tag.get_absolute_url()),
                "name": "#" + "".join(tag.name.split()),
            }
            for tag in post.tags.all()
        ],
    }
    if post.image:
        document["image"] = {"type": "Image", "url": file_url(post.image), "name": post.image_alt}
    return document


def activity(kind: str, actor, thing, audience=None) -> dict:
    """A `kind` activity by `actor` about `thing` (a document or an address)."""
    is_document = isinstance(thing, dict)
    return {
        "@context": CONTEXT,
        "id": f"{actor.uri}#{kind.lower()}-{uuid.uuid4()}",
        "type": kind,
        "actor": actor.uri,
        "object": thing,
        "to": audience or (thing.get("to", [PUBLIC]) if is_document else [PUBLIC]),
        "cc": thing.get("cc", []) if is_document else [],
        "published": timestamp(timezone.now()),
    }


def create(post, actors) -> dict:
    return activity("Create", actors[0], article(post, actors))


def update(post, actors) -> dict:
    return activity("Update", actors[0], article(post, actors))


def delete(post_url: str, actor) -> dict:
    tombstone = {"id": post_url, "type": "Tombstone", "to": [PUBLIC]}
    return activity("Delete", actor, tombstone)
