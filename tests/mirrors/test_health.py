"""The mirror health check against real HTTP servers, and /.well-known/mirrors.json (the
bypass-mirrors v2 list of the main domain and its announced alternatives)."""

from datetime import datetime, timedelta
from io import StringIO
from urllib.request import urlopen

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from mirrors.models import Mirror
from newsletter.tasks import tick
from pagecache.generation import current_generation
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

ONION = "http://columnistexampleabcdefghijklmnopqrstuvwxyz234567onion.onion"


@pytest.fixture(autouse=True)
def main_site(settings):
    settings.SITE_URL = "https://www.columnist.example"
    settings.MIRROR_ORIGINS = []
    settings.ONION_ORIGIN = ""


@pytest.fixture
def column():
    """A column published long enough ago that every mirror must show it."""
    return PostFactory(title="Settled column", publish_at=timezone.now() - timedelta(days=1))


def front_page(client) -> str:
    return client.get("/").content.decode()


def check() -> str:
    out = StringIO()
    call_command("check_mirrors", stdout=out)
    return out.getvalue()


def alternatives(client) -> list[dict]:
    document = client.get("/.well-known/mirrors.json").json()
    assert document["version"] == "2.0"
    [site] = document["sites"]
    assert site["main_domain"] == "columnist.example"
    return site["available_alternatives"]


def test_a_mirror_serving_the_current_site_is_announced(client, settings, column, mirror_server):
    server = mirror_server(front_page(client))
    settings.MIRROR_ORIGINS = [server.url]

    assert f"{server.url}: up to date" in check()

    [alternative] = alternatives(client)
    assert {key: alternative[key] for key in ("proto", "type", "url")} == {
        "proto": "http",
        "type": "mirror",
        "url": server.url,
    }
    mirror = Mirror.objects.get()
    assert datetime.fromisoformat(alternative["created_at"]) == mirror.created_at
    assert datetime.fromisoformat(alternative["updated_at"]) == mirror.updated_at
    assert (mirror.result, mirror.http_status, mirror.checked_at is not None) == ("ok", 200, True)


def test_a_stale_copy_and_a_stopped_mirror_are_not_announced(
    client, settings, column, mirror_server
):
    stale = mirror_server(front_page(client).replace(column.get_absolute_url(), "/posts/older/"))
    stopped = mirror_server(front_page(client))
    stopped.stop()
    settings.MIRROR_ORIGINS = [stale.url, stopped.url]

    report = check()

    assert f"{stale.url}: stale (no link to {column.get_absolute_url()})" in report
    assert f"{stopped.url}: down" in report
    assert alternatives(client) == []
    assert dict(Mirror.objects.values_list("url", "result")) == {
        stale.url: "stale",
        stopped.url: "down",
    }


def test_a_mirror_that_stops_drops_out_and_comes_back_when_it_recovers(
    client, settings, column, mirror_server
):
    server = mirror_server(front_page(client))
    settings.MIRROR_ORIGINS = [server.url]
    check()
    assert [a["url"] for a in alternatives(client)] == [server.url]  # now in the page cache

    server.stop()
    check()
    assert alternatives(client) == []

    settings.MIRROR_ORIGINS = [mirror_server(front_page(client)).url]
    check()
    assert [a["url"] for a in alternatives(client)] == settings.MIRROR_ORIGINS


def test_a_copy_with_relative_links_counts_as_current(client, settings, column, mirror_server):
    """A static edition links "posts/<slug>/" from its front page."""
    page = f'<a href="{column.get_absolute_url()[1:]}index.html">{column.title}</a>'
    settings.MIRROR_ORIGINS = [mirror_server(page).url]

    check()

    assert Mirror.objects.get().result == "ok"


def test_a_post_newer_than_the_grace_is_not_yet_required(client, settings, column, mirror_server):
    server = mirror_server(front_page(client))
    PostFactory(title="Just out", publish_at=timezone.now() - timedelta(minutes=1))
    settings.MIRROR_ORIGINS = [server.url]

    check()

    assert Mirror.objects.get().result == "ok"


def test_the_onion_address_is_announced_as_a_tor_alternative(client, settings):
    settings.ONION_ORIGIN = ONION

    check()

    [alternative] = alternatives(client)
    assert (alternative["proto"], alternative["type"], alternative["url"]) == ("tor", "eotk", ONION)


def test_a_withdrawn_mirror_is_not_announced(client, settings, column, mirror_server):
    settings.MIRROR_ORIGINS = [mirror_server(front_page(client)).url]
    check()
    Mirror.objects.update(listed=False)

    check()

    assert Mirror.objects.get().result == "ok"
    assert alternatives(client) == []


def test_hosts_no_longer_configured_are_forgotten(client, settings):
    settings.ONION_ORIGIN = ONION
    check()
    settings.ONION_ORIGIN = ""

    assert "No mirrors configured" in check()
    assert not Mirror.objects.exists()


def test_a_check_that_finds_nothing_new_leaves_cached_pages_alone(
    client, settings, column, mirror_server
):
    settings.MIRROR_ORIGINS = [mirror_server(front_page(client)).url]
    check()
    token = current_generation().token

    check()

    assert current_generation().token == token


def test_the_worker_checks_the_mirrors_every_few_minutes(client, settings, column, mirror_server):
    settings.MIRROR_ORIGINS = [mirror_server(front_page(client)).url]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        tick.call()
        first = Mirror.objects.get().checked_at
        clock.shift(settings.MIRROR_CHECK_INTERVAL / 2)
        tick.call()
        assert Mirror.objects.get().checked_at == first
        clock.shift(settings.MIRROR_CHECK_INTERVAL)
        tick.call()
        assert Mirror.objects.get().checked_at > first


@pytest.mark.django_db(transaction=True)
def test_a_mirror_running_the_app_is_current_and_links_to_itself(live_server, settings):
    """The app itself behind another host name, over real HTTP."""
    PostFactory(title="Served live", publish_at=timezone.now() - timedelta(days=1))
    settings.MIRROR_ORIGINS = [live_server.url]

    check()

    assert Mirror.objects.get().result == "ok"
    with urlopen(f"{live_server.url}/feed/", timeout=10) as response:
        feed = response.read().decode()
    assert f"{live_server.url}/posts/served-live/" in feed
    assert "www.columnist.example/posts/" not in feed
