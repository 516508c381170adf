"""What our actors look like to the fediverse: WebFinger, actor documents, collections and
NodeInfo, as plain dicts for JsonResponse."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

from blog.links import absolute_url, file_url
from blog.richtext import sanitize_html

ACTIVITY_JSON = "application/activity+json"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
CONTEXT = [
    "https://www.w3.org/ns/activitystreams",
    "https://w3id.org/security/v1",
    {
        "toot": "http://joinmastodon.org/ns#",
        "discoverable": "toot:discoverable",
        "Hashtag": "as:Hashtag",
    },
]
NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.1"


def site_host() -> str:
    return urlsplit(settings.SITE_URL).netloc


def webfinger(actor) -> dict:
    return {
        "subject": f"acct:{actor.username}@{site_host()}",
        "aliases": [actor.uri, actor.profile_url()],
        "links": [
            {"rel": "self", "type": ACTIVITY_JSON, "href": actor.uri},
            {
                "rel": "http://webfinger.net/rel/profile-page",
                "type": "text/html",
                "href": actor.profile_url(),
            },
        ],
    }


def actor_document(actor) -> dict:
    author = actor.author
    document = {
        "@context": CONTEXT,
        "id": actor.uri,
        "type": "Person" if author else "Group",
        "preferredUsername": actor.username,
        "name": actor.display_name,
        "summary": sanitize_html(author.bio, base_url=actor.profile_url()) if author else "",
        "url": actor.profile_url(),
        "inbox": actor.address("fediverse:inbox"),
        "outbox": actor.address("fediverse:outbox"),
        "followers": actor.address("fediverse:followers"),
        "endpoints": {"sharedInbox": absolute_url(reverse("fediverse:shared_inbox"))},
        "discoverable": True,
        "manuallyApprovesFollowers": False,
        "publicKey": {
            "id": actor.key_id,
            "owner": actor.uri,
            "publicKeyPem": actor.public_key(),
        },
    }
    if author and author.photo:
        document["icon"] = {"type": "Image", "url": file_url(author.photo)}
    return document


def follower_count(actor, total: int) -> dict:
    """The followers collection: how many, never who."""
    return {
        "@context": CONTEXT[0],
        "id": actor.address("fediverse:followers"),
        "type": "OrderedCollection",
        "totalItems": total,
    }


def outbox(actor, total: int) -> dict:
    url = actor.address("fediverse:outbox")
    return {
        "@context": CONTEXT[0],
        "id": url,
        "type": "OrderedCollection",
        "totalItems": total,
        "first": f"{url}?page=1",
    }


def outbox_page(actor, page, activities: list[dict]) -> dict:
    url = actor.address("fediverse:outbox")
    document = {
        "@context": CONTEXT,
        "id": f"{url}?page={page.number}",
        "type": "OrderedCollectionPage",
        "partOf": url,
        "orderedItems": activities,
    }
    if page.has_next():
        document["next"] = f"{url}?page={page.next_page_number()}"
    if page.has_previous():
        document["prev"] = f"{url}?page={page.previous_page_number()}"
    return document


def nodeinfo_links() -> dict:
    href = absolute_url(reverse("fediverse:nodeinfo"))
    return {"links": [{"rel": NODEINFO_SCHEMA, "href": href}]}


def nodeinfo(actors: int, posts: int) -> dict:
    return {
        "version": "2.1",
        "software": {"name": "columnist", "version": "0.1.0"},
        "protocols": ["activitypub"],
        "services": {"inbound": [], "outbound": ["atom1.0", "rss2.0"]},
        "openRegistrations": False,
        "usage": {"users": {"total": actors}, "localPosts": posts},
        "metadata": {"nodeName": settings.SITE_NAME},
    }
