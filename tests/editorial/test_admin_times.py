"""Every time the desk is told or asked for is in the site's time zone, and names it."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from tests.editorial.admin_client import (
    TYPED,
    change_url,
    editable_data,
    form_data,
    logged_in,
    messages_of,
)

pytestmark = pytest.mark.django_db
NINE_UTC = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
NOON_IN_MINSK = "May 4, 2026, noon (Europe/Minsk)"


@pytest.fixture(autouse=True)
def minsk(settings):
    settings.TIME_ZONE = "Europe/Minsk"


def test_the_scheduled_message_gives_the_local_time_and_zone(client, desk, draft, time_machine):
    time_machine.move_to(datetime(2026, 5, 1, tzinfo=UTC), tick=False)
    data = editable_data(client, draft, desk.superuser) | {
        "publish_at_0": "2026-05-04",
        "publish_at_1": "12:00:00",
        "_transition": "schedule",
    }

    response = logged_in(client, desk.editor).post(change_url(draft), data, follow=True)

    assert f"“Draft title” is now: Scheduled for {NOON_IN_MINSK}." in messages_of(response)


def test_a_restored_version_is_named_by_its_local_time(client, desk, draft, time_machine):
    editor = logged_in(client, desk.editor)
    for moment, title in [(NINE_UTC, "The noon title"), (NINE_UTC + timedelta(hours=1), "Later")]:
        time_machine.move_to(moment, tick=False)
        edited = editable_data(Client(), draft, desk.superuser) | {"title": title}
        editor.post(change_url(draft), edited)
    noon_version = draft.history.get(title="The noon title")

    editor.post(reverse("admin:blog_post_restore", args=[draft.pk, noon_version.pk]))

    latest = draft.history.order_by("-history_id").first()
    assert latest.history_change_reason == f"Restored the version of {NOON_IN_MINSK}"


def test_the_edit_conflict_names_the_local_time(client, desk, draft, time_machine):
    time_machine.move_to(NINE_UTC, tick=False)
    opened = form_data(logged_in(client, desk.owner).get(change_url(draft)))
    editor_data = editable_data(Client(), draft, desk.superuser) | {"title": "Editor's title"}
    logged_in(Client(), desk.editor).post(change_url(draft), editor_data)

    refused = logged_in(client, desk.owner).post(change_url(draft), opened | TYPED)

    assert f"saved this post at {NOON_IN_MINSK}" in refused.content.decode()


def test_publish_at_says_which_time_zone_it_is_in(client, desk, draft):
    form = logged_in(client, desk.editor).get(change_url(draft)).context["adminform"].form

    assert form.fields["publish_at"].help_text == "Time in Europe/Minsk."
