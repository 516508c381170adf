"""The Telegram admin: editors map channels; a post's page shows where it was posted."""

import pytest
from django.urls import reverse

from telegram.models import Channel, TelegramMessage
from tests.editorial.admin_client import change_url, form_data, messages_of
from tests.factories import AuthorFactory, PostFactory, SectionFactory, UserFactory

from .fake_bot_api import TOKEN

pytestmark = pytest.mark.django_db

ADD_CHANNEL = reverse("admin:telegram_channel_add")
CHANNELS = reverse("admin:telegram_channel_changelist")


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(groups=["Editors"]))
    return client


def test_an_editor_maps_a_channel_to_a_section(editor_client, bot_api):
    section = SectionFactory(name="Politics")

    response = editor_client.post(
        ADD_CHANNEL, {"chat": "@svaboda_politics", "section": section.pk, "is_active": "on"}
    )

    assert response.status_code == 302
    channel = Channel.objects.get()
    assert (channel.chat, channel.section, channel.author) == ("@svaboda_politics", section, None)
    assert "Columns in “Politics”" in editor_client.get(CHANNELS).content.decode()


@pytest.mark.parametrize("chat", ["svaboda", "@ab", "@has space", "-100abc", "@" + "x" * 40])
def test_a_chat_must_be_a_username_or_a_numeric_id(editor_client, chat):
    response = editor_client.post(ADD_CHANNEL, {"chat": chat, "is_active": "on"})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["chat"]
    assert not Channel.objects.exists()


def test_a_channel_takes_a_section_or_an_author_not_both(editor_client):
    data = {"chat": "@both", "section": SectionFactory().pk, "author": AuthorFactory().pk}

    response = editor_client.post(ADD_CHANNEL, data)

    assert response.status_code == 200
    assert "not both" in str(response.context["adminform"].form.non_field_errors())
    assert not Channel.objects.exists()


def test_writers_may_not_map_channels(client):
    client.force_login(UserFactory(groups=["Authors"]))

    assert client.get(CHANNELS).status_code == 403
    assert client.post(ADD_CHANNEL, {"chat": "@mine"}).status_code == 403
    assert not Channel.objects.exists()


def test_the_channel_list_warns_when_no_bot_is_connected(editor_client, settings):
    settings.TELEGRAM_BOT_TOKEN = ""

    response = editor_client.get(CHANNELS)

    assert any("TELEGRAM_BOT_TOKEN" in message for message in messages_of(response))


@pytest.fixture
def posted(bot_api, publish):
    """A post in a public and a private channel, the private one refused."""
    Channel.objects.create(chat="@columns")
    Channel.objects.create(chat="-1001234567890")
    refusal = {"ok": False, "error_code": 403, "description": "Forbidden: bot is not a member"}
    bot_api.refuse("-1001234567890", 403, refusal)
    return publish(PostFactory, title="Out now")


def test_the_post_page_shows_where_it_was_posted_and_what_failed(editor_client, posted):
    page = editor_client.get(change_url(posted)).content.decode()

    assert "Posted to Telegram" in page
    assert 'href="https://t.me/columns/101"' in page
    assert "Forbidden: bot is not a member" in page
    assert TOKEN not in page


def test_the_post_form_saves_with_the_telegram_panel_on_it(editor_client, posted, bot_api):
    data = form_data(editor_client.get(change_url(posted))) | {"title": "Out now, edited"}

    response = editor_client.post(change_url(posted), data)

    assert response.status_code == 302
    assert TelegramMessage.objects.count() == 2
    posted.refresh_from_db()
    assert posted.title == "Out now, edited"


def test_writers_do_not_see_the_telegram_panel(client, posted):
    writer = UserFactory(groups=["Authors"])
    AuthorFactory(user=writer)
    posted.credits.update(author=writer.author_profile)
    client.force_login(writer)

    response = client.get(change_url(posted))

    assert response.status_code == 200
    assert "Posted to Telegram" not in response.content.decode()


def test_the_message_list_is_read_only(editor_client, posted):
    messages = reverse("admin:telegram_telegrammessage_changelist")
    row = TelegramMessage.objects.filter(message_id=101).get()

    listing = editor_client.get(messages).content.decode()
    change = editor_client.post(
        reverse("admin:telegram_telegrammessage_change", args=[row.pk]), {"state": "failed"}
    )

    assert "https://t.me/columns/101" in listing
    assert change.status_code == 403
    row.refresh_from_db()
    assert row.state == TelegramMessage.State.POSTED


def test_an_editor_tries_a_failed_message_again(editor_client, posted, bot_api):
    failed = TelegramMessage.objects.get(state=TelegramMessage.State.FAILED)
    bot_api.refusals.clear()

    response = editor_client.post(
        reverse("admin:telegram_telegrammessage_changelist"),
        {"action": "try_again", "_selected_action": [failed.pk]},
    )

    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.state, failed.error, failed.message_id) == ("posted", "", 102)
    assert bot_api.sent()[-1]["chat_id"] == "-1001234567890"


def test_saving_a_posted_column_someone_deleted_meanwhile_still_recovers_the_form(
    editor_client, posted
):
    url = change_url(posted)
    data = form_data(editor_client.get(url)) | {"title": "Kept title"}
    posted.delete()

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form["title"].value() == "Kept title"
