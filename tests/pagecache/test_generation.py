"""One generation says "reader-visible content changed": every change readers can see
renews it, once per transaction, and nothing else does."""

import time
from dataclasses import replace
from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from blog.models import KeyPoint, PostRedirect, StyleRule
from editorial.previews import create_link
from newsletter.models import Subscriber
from pagecache.generation import KEY, current_generation
from tests.editorial.admin_client import change_url, form_data
from tests.factories import AuthorFactory, PostFactory, UserFactory
from tests.pagecache import reader_changes

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    return reader_changes.changeable_post(
        authors=[AuthorFactory(name="First Author"), AuthorFactory(name="Second Author")]
    )


def token() -> str:
    return current_generation().token


def edit_key_point(post):
    KeyPoint.objects.filter(post=post).update(text="unused")  # a bulk update sends nothing
    point = KeyPoint.objects.get(post=post)
    point.text = "The new point"
    point.save()
    return "The new point"


def edit_author(post):
    author = post.byline[0]
    author.name = "Renamed Author"
    author.save()
    return "Renamed Author"


def swap_co_authors(post):
    first, second = post.credits.order_by("position")
    first.position, second.position = 2, 0
    first.save()
    second.save()
    return "Second Author"


def add_redirect(post):
    PostRedirect.objects.create(post=post, old_slug="an-old-address")
    return None


CHANGES = [
    reader_changes.edit_title,
    edit_key_point,
    edit_author,
    swap_co_authors,
    reader_changes.rename_tag,
    reader_changes.rename_section,
    reader_changes.edit_disclaimer,
    reader_changes.add_correction,
    add_redirect,
]


@pytest.mark.parametrize("change", CHANGES)
def test_every_change_readers_can_see_renews_the_generation_and_shows(client, post, change):
    url = post.get_absolute_url()
    old_page = client.get(url)
    before = token()

    expected = change(post)

    assert token() != before
    if expected == "Second Author":
        page = client.get(url).text
        assert page.index("Second Author") < page.index("First Author")
        assert old_page.text.index("First Author") < old_page.text.index("Second Author")
    elif expected is None:
        assert client.get("/posts/an-old-address/").status_code == 301
    else:
        assertContains(client.get(url), expected)


def save_a_style_rule(post):
    StyleRule.objects.create(preferred="Tokayev", variants="Tokaev")


def create_a_share_link(post):
    create_link(post, UserFactory())


def save_a_subscriber(post):
    Subscriber.objects.create(email="reader@example.org")


def save_a_user(post):
    user = UserFactory()
    user.first_name = "Changed"
    user.save()


@pytest.mark.parametrize(
    "change", [save_a_style_rule, create_a_share_link, save_a_subscriber, save_a_user]
)
def test_what_readers_never_see_leaves_the_generation_alone(client, post, change):
    client.get(post.get_absolute_url())
    before = token()

    change(post)

    assert token() == before


def test_one_admin_save_of_a_post_with_inlines_renews_once(client, post, monkeypatch):
    client.force_login(UserFactory(is_superuser=True))
    data = form_data(client.get(change_url(post))) | {"title": "Saved in the admin"}
    shared = caches["shared"]
    writes = []
    write = shared.set
    monkeypatch.setattr(
        shared, "set", lambda key, *args, **kw: (writes.append(key), write(key, *args, **kw))
    )

    assert client.post(change_url(post), data).status_code == 302

    assert writes.count(KEY) == 1
    client.logout()
    assertContains(client.get(post.get_absolute_url()), "Saved in the admin")


def test_a_scheduled_post_coming_due_renews_the_generation_once(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    PostFactory(title="Old news")
    PostFactory(title="Tomorrow's column", publish_at=timezone.now() + timedelta(hours=1))
    assertNotContains(client.get("/"), "Tomorrow’s column")  # typeset on output
    before = token()

    time_machine.shift(timedelta(hours=1, seconds=1))

    assertContains(client.get("/"), "Tomorrow’s column")  # typeset on output
    after = token()
    assert after != before
    client.get("/feed/")
    assert token() == after
    assert current_generation().next_due is None


def test_renew_page_cache_renews_the_generation_after_a_change_no_signal_announced(client, post):
    client.get(post.get_absolute_url())
    before = token()
    type(post).objects.filter(pk=post.pk).update(title="Changed in bulk")

    call_command("renew_page_cache", stdout=StringIO())

    assert token() != before
    assertContains(client.get(post.get_absolute_url()), "Changed in bulk")


def test_this_processs_own_changes_show_at_once_while_it_trusts_its_last_read(
    client, post, settings
):
    settings.GENERATION_RECHECK_SECONDS = 60
    client.get(post.get_absolute_url())

    reader_changes.edit_title(post)

    assertContains(client.get(post.get_absolute_url()), post.title)


def test_another_processs_renewal_is_seen_once_the_recheck_time_has_passed(post, settings):
    settings.GENERATION_RECHECK_SECONDS = 0.2
    trusted = current_generation()
    renewed_elsewhere = replace(trusted, token="renewed-by-another-process")
    caches["shared"].set(KEY, renewed_elsewhere, timeout=None)

    assert current_generation() == trusted
    time.sleep(0.3)
    assert current_generation() == renewed_elsewhere
