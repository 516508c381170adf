"""What the fediverse reads of us: WebFinger, actors, outboxes, NodeInfo, and a column's own
address answering with its Article — which the page cache never mixes up with the page."""

import json

import pytest

from fediverse.models import Actor, Follower, RemoteActor
from tests.factories import AuthorFactory, DisclaimerFactory, PostFactory
from tests.pagecache.test_serving import wsgi_get

pytestmark = pytest.mark.django_db
ACTIVITY_JSON = "application/activity+json"
LD_JSON = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'


@pytest.fixture
def author():
    return AuthorFactory(
        name="Valer Karbalevich",
        slug="valer-karbalevich",
        bio='<p>Political analyst.</p><script>alert("x")</script>',
    )


def test_webfinger_finds_a_columnist_by_acct_and_by_actor_address(client, author):
    found = client.get("/.well-known/webfinger?resource=acct:valer-karbalevich@testserver")
    actor_uri = "http://testserver/fediverse/actors/valer-karbalevich"
    by_uri = client.get(f"/.well-known/webfinger?resource={actor_uri}")

    assert found["Content-Type"] == "application/jrd+json"
    jrd = found.json()
    assert jrd["subject"] == "acct:valer-karbalevich@testserver"
    assert {"rel": "self", "type": ACTIVITY_JSON, "href": actor_uri} in jrd["links"]
    profile = [link for link in jrd["links"] if link["rel"].endswith("profile-page")]
    assert profile[0]["href"] == "http://testserver/authors/valer-karbalevich/"
    assert by_uri.json() == jrd
    by_profile = client.get(f"/.well-known/webfinger?resource={profile[0]['href']}")
    assert by_profile.json() == jrd


@pytest.mark.parametrize(
    "resource",
    ["acct:nobody@testserver", "acct:valer-karbalevich@elsewhere.example", "", "https://x.y/"],
)
def test_webfinger_answers_404_for_anyone_else(client, author, resource):
    assert client.get("/.well-known/webfinger", {"resource": resource}).status_code == 404


def test_the_site_is_a_group_actor(client, settings):
    jrd = client.get("/.well-known/webfinger?resource=acct:columns@testserver").json()
    document = client.get(jrd["links"][0]["href"]).json()

    assert document["type"] == "Group"
    assert document["name"] == settings.SITE_NAME
    assert document["url"] == "http://testserver/"


def test_the_actor_document(client, author, remote):
    actor = Actor.objects.of_author(author)
    remote_actor = RemoteActor.objects.create(
        uri=f"{remote.url}/users/a", inbox="http://x/i", key_id="http://x/k", public_key_pem="-"
    )
    Follower.objects.create(actor=actor, remote=remote_actor)

    response = client.get("/fediverse/actors/valer-karbalevich")

    assert response["Content-Type"].startswith(ACTIVITY_JSON)
    document = response.json()
    base = "http://testserver/fediverse/actors/valer-karbalevich"
    assert document["id"] == base
    assert document["type"] == "Person"
    assert document["preferredUsername"] == "valer-karbalevich"
    assert document["name"] == "Valer Karbalevich"
    assert document["summary"] == "<p>Political analyst.</p>"
    assert document["url"] == "http://testserver/authors/valer-karbalevich/"
    assert (document["inbox"], document["outbox"]) == (f"{base}/inbox", f"{base}/outbox")
    assert document["endpoints"]["sharedInbox"] == "http://testserver/fediverse/inbox"
    assert document["discoverable"] is True
    key = document["publicKey"]
    assert (key["id"], key["owner"]) == (f"{base}#main-key", base)
    assert key["publicKeyPem"].startswith("-----BEGIN PUBLIC KEY-----")
    followers = client.get(document["followers"]).json()
    assert followers == {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": f"{base}/followers",
        "type": "OrderedCollection",
        "totalItems": 1,
    }


def test_the_outbox_pages_through_recent_columns(client, author, settings):
    settings.FEDIVERSE_OUTBOX_PAGE_SIZE = 2
    posts = [PostFactory(authors=[author]) for _ in range(3)]
    PostFactory()  # someone else's

    outbox = client.get("/fediverse/actors/valer-karbalevich/outbox").json()
    first = client.get(outbox["first"]).json()
    second = client.get(first["next"]).json()

    assert outbox["type"] == "OrderedCollection"
    assert outbox["totalItems"] == 3
    assert first["type"] == "OrderedCollectionPage"
    items = first["orderedItems"] + second["orderedItems"]
    assert [item["type"] for item in items] == ["Create"] * 3
    assert [item["object"]["name"] for item in items] == [p.title for p in reversed(posts)]
    assert "next" not in second
    assert client.get("/fediverse/actors/valer-karbalevich/outbox?page=9").status_code == 404


def test_nodeinfo(client, author):
    PostFactory(authors=[author])
    links = client.get("/.well-known/nodeinfo").json()["links"]

    document = client.get(links[0]["href"]).json()

    assert links[0]["rel"] == "http://nodeinfo.diaspora.software/ns/schema/2.1"
    assert document["version"] == "2.1"
    assert document["protocols"] == ["activitypub"]
    assert document["usage"]["localPosts"] == 1
    assert document["usage"]["users"]["total"] == 2  # the author and the site
    assert document["openRegistrations"] is False


@pytest.mark.parametrize("accept", [ACTIVITY_JSON, LD_JSON])
def test_a_post_address_answers_activity_json_with_its_article(client, author, accept):
    second = AuthorFactory(slug="second")
    post = PostFactory(
        authors=[author, second],
        tags=["Belarus"],
        key_points=["The first point"],
        disclaimer=DisclaimerFactory(text="<p>The author’s own view.</p>"),
        language="be",
    )

    response = client.get(post.get_absolute_url(), headers={"Accept": accept})

    assert response["Content-Type"].startswith(ACTIVITY_JSON)
    article = response.json()
    url = f"http://testserver{post.get_absolute_url()}"
    assert (article["id"], article["url"], article["type"]) == (url, url, "Article")
    assert article["name"] == post.title
    assert article["summary"] == post.lead
    for part in ["The first point", "Second paragraph.", "The author’s own view."]:
        assert part in article["content"]
    assert article["contentMap"] == {"be": article["content"]}
    assert article["attributedTo"] == [
        "http://testserver/fediverse/actors/valer-karbalevich",
        "http://testserver/fediverse/actors/second",
    ]
    assert article["tag"][0]["href"] == "http://testserver/tags/belarus/"
    assert article["published"].endswith("Z")


def test_activity_json_and_the_page_never_get_each_other_from_the_cache(client, author):
    post = PostFactory(authors=[author])
    path = post.get_absolute_url()

    page = client.get(path)
    article = client.get(path, headers={"Accept": ACTIVITY_JSON})
    _status, headers, body = wsgi_get(path, accept=ACTIVITY_JSON)
    page_again = client.get(path)
    _status, _headers, wsgi_page = wsgi_get(path, accept="text/html")

    assert page["Content-Type"].startswith("text/html")
    assert "Accept" in page["Vary"]
    assert article.json()["type"] == "Article"
    assert headers["Content-Type"].startswith(ACTIVITY_JSON)
    assert json.loads(body)["id"].endswith(path)
    assert page_again.content == page.content
    assert wsgi_page == page.content


def test_a_post_not_published_has_no_article(client, author):
    post = PostFactory(authors=[author], status="draft")

    response = client.get(post.get_absolute_url(), headers={"Accept": ACTIVITY_JSON})

    assert response.status_code == 404
