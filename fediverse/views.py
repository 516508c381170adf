"""The fediverse's addresses: WebFinger, NodeInfo, actors, their collections and inboxes.

Nothing here is kept by the page cache (`never_cache`): keys rotate and actors are switched
off without touching anything readers see."""

import json
import logging

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from authors.models import Author
from blog.models import Post

from . import articles, documents
from .delivery import bylines
from .inbox import Refused, authenticate, local_username, receive
from .models import Actor
from .signatures import SignatureRefused, SignedRequest

logger = logging.getLogger(__name__)
ACTIVITY_CONTENT_TYPE = f"{documents.ACTIVITY_JSON}; charset=utf-8"


def activity_json(document: dict) -> JsonResponse:
    return JsonResponse(document, content_type=ACTIVITY_CONTENT_TYPE)


def gone() -> HttpResponse:
    return HttpResponse(status=410)


def actor_or_404(username: str) -> Actor:
    """The actor with this username, federated or not (the caller answers 410), else 404."""
    actor = Actor.objects.named(username)
    if actor is None:
        raise Http404
    return actor


def acct_username(resource: str) -> str:
    user, _at, host = resource.removeprefix("acct:").rpartition("@")
    return user if host == documents.site_host() else ""


@never_cache
@require_safe
def webfinger(request):
    resource = request.GET.get("resource", "")
    if resource.startswith("acct:"):
        username = acct_username(resource)
    else:
        username = local_username(resource) or profile_username(resource)
    actor = Actor.objects.named(username) if username else None
    if actor is None:
        raise Http404
    if not actor.federated:
        return gone()
    return JsonResponse(documents.webfinger(actor), content_type="application/jrd+json")


def profile_username(url: str) -> str:
    """The username of the actor whose profile page is at `url`: an author's, or the site's."""
    if url.rstrip("/") == settings.SITE_URL:
        return settings.FEDIVERSE_SITE_USERNAME
    return local_username(url, view_name="authors:detail", key="slug")


@never_cache
@require_safe
def nodeinfo_links(request):
    return JsonResponse(documents.nodeinfo_links())


@never_cache
@require_safe
def nodeinfo(request):
    authors = Author.objects.active().exclude(fediverse_actor__federated=False).count()
    actors = authors + int(Actor.objects.site().federated)
    document = documents.nodeinfo(actors, Post.objects.published().count())
    profile = f"{documents.NODEINFO_SCHEMA}#"
    return JsonResponse(document, content_type=f'application/json; profile="{profile}"')


@never_cache
@require_safe
def actor(request, username):
    found = actor_or_404(username)
    return activity_json(documents.actor_document(found)) if found.federated else gone()


@never_cache
@require_safe
def followers(request, username):
    found = actor_or_404(username)
    if not found.federated:
        return gone()
    return activity_json(documents.follower_count(found, found.followers.count()))


@never_cache
@require_safe
def outbox(request, username):
    found = actor_or_404(username)
    if not found.federated:
        return gone()
    posts = Post.objects.published().newest_first()
    if found.author_id:
        posts = posts.filter(authors=found.author)
    if "page" not in request.GET:
        return activity_json(documents.outbox(found, posts.count()))
    paginator = Paginator(posts.for_readers(), settings.FEDIVERSE_OUTBOX_PAGE_SIZE)
    try:
        page = paginator.page(request.GET["page"])
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
    creates = [articles.create(post, bylines(post)[0] or [found]) for post in page]
    return activity_json(documents.outbox_page(found, page, creates))


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class InboxView(View):
    """POST only: a signed activity. 202 when taken, 401 when the signature is refused."""

    http_method_names = ["post"]

    def post(self, request, username=None):
        if username is not None and not actor_or_404(username).federated:
            return gone()
        signed = SignedRequest(
            request.method, request.build_absolute_uri(), request.headers, request.body
        )
        try:
            sender = authenticate(signed)
            activity = json.loads(request.body)
            if not isinstance(activity, dict):
                raise ValueError("not an object")
            receive(activity, sender)
        except ValueError:
            return HttpResponse(status=400)
        except SignatureRefused as error:
            logger.info("fediverse inbox refused a request: %s", error)
            return HttpResponse(status=401)
        except Refused as error:
            return HttpResponse(status=error.status)
        return HttpResponse(status=202)


@never_cache
def post_article(request, slug):
    """A published post as an `Article` (the answer to its address asked for ActivityPub)."""
    post = Post.objects.published().for_readers().filter(slug=slug).first()
    if post is None:
        raise Http404
    authors = bylines(post)[0]
    if not authors:
        return gone()
    return activity_json({"@context": documents.CONTEXT, **articles.article(post, authors)})
