"""Publishing posts each column to its Telegram channels once; edits and unpublishing
follow it — against a fake Bot API on 127.0.0.1."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import KeyPoint, Post
from editorial.publication import announce_due_posts
from mirrors.models import Mirror
from telegram.models import Channel, TelegramMessage
from tests.factories import AuthorFactory, PostFactory, SectionFactory

from .fake_bot_api import SITE

pytestmark = pytest.mark.django_db

HTML_TAG = re.compile(r"</?[a-z]+[^>]*>")


def unpublish(post):
    post.status = Post.Status.DRAFT
    post.save()


def test_each_channel_gets_one_message_however_often_the_post_is_saved(bot_api, publish):
    Channel.objects.create(chat="@all_columns")
    Channel.objects.create(chat="-1001234567890")

    post = publish(PostFactory, title="Why Belarus and Kazakhstan took different paths")
    publish(post.save)
    publish(announce_due_posts)
    publish(post.save)

    assert sorted(message["chat_id"] for message in bot_api.sent()) == [
        "-1001234567890",
        "@all_columns",
    ]
    assert all(call.token == "123456:test-secret-token" for call in bot_api.calls)
    rows = TelegramMessage.objects.filter(post=post)
    assert [(row.state, row.chat_id, row.attempts) for row in rows] == [
        ("posted", "-100", 1),
        ("posted", "-100", 1),
    ]
    assert sorted(row.message_id for row in rows) == [101, 102]


def test_the_message_holds_the_title_the_points_and_the_link(bot_api, publish):
    Channel.objects.create(chat="@all_columns")

    post = publish(PostFactory, title="Two paths", key_points=["First point", "Second point"])

    [message] = bot_api.sent()
    assert message["parse_mode"] == "HTML"
    assert message["text"] == (
        "<b>Two paths</b>\n\n• First point\n• Second point\n\n"
        f'<a href="{SITE}/posts/{post.slug}/">Read the column</a>'
    )
    assert message["link_preview_options"] == {"url": f"{SITE}/posts/{post.slug}/"}


def test_html_special_characters_are_escaped(bot_api, publish):
    Channel.objects.create(chat="@all_columns")

    publish(
        PostFactory,
        title='Tom & Jerry <script>alert("x")</script>',
        key_points=["a < b > c & <b>not bold</b>"],
    )

    text = bot_api.sent()[0]["text"]
    assert text.startswith(
        '<b>Tom &amp; Jerry &lt;script&gt;alert("x")&lt;/script&gt;</b>\n\n'
        "• a &lt; b &gt; c &amp; &lt;b&gt;not bold&lt;/b&gt;\n\n"
    )
    assert {tag.split()[0].strip("<>/") for tag in HTML_TAG.findall(text)} == {"a", "b"}


def healthy_mirror(url, result=Mirror.Result.OK):
    return Mirror.objects.create(url=url, kind=Mirror.Kind.MIRROR, result=result)


def test_a_healthy_mirror_adds_a_link_to_read_without_vpn(bot_api, publish):
    healthy_mirror("https://down.example.net", Mirror.Result.DOWN)
    healthy_mirror("https://mirror.example.net")
    healthy_mirror("https://second.example.net")
    Channel.objects.create(chat="@all_columns")

    post = publish(PostFactory)

    assert bot_api.sent()[0]["text"].endswith(
        f'<a href="https://mirror.example.net/posts/{post.slug}/">Read without VPN</a>'
    )


def test_the_message_speaks_the_language_of_the_column(bot_api, publish):
    Channel.objects.create(chat="@all_columns")

    publish(PostFactory, language="be")

    assert ">Чытаць калёнку</a>" in bot_api.sent()[0]["text"]


def test_a_long_list_of_points_is_cut_at_a_whole_point_within_4096_characters(bot_api, publish):
    healthy_mirror("https://mirror.example.net")
    Channel.objects.create(chat="@all_columns")
    points = [f"Point {n}: " + "ў" * 200 for n in range(40)]

    publish(PostFactory, title="A long column", key_points=points)

    text = bot_api.sent()[0]["text"]
    lines = text.split("\n")
    kept = [line for line in lines if line.startswith("• Point")]
    assert len(text) <= 4096
    assert 10 < len(kept) < 40
    assert kept == [f"• {point}" for point in points[: len(kept)]]
    assert lines[lines.index(kept[-1]) + 1] == "…"
    assert "Read the column" in text
    assert text.endswith("Read without VPN</a>")


def test_channels_carry_their_site_section_or_author(bot_api, publish):
    politics, culture = SectionFactory(), SectionFactory()
    anna, boris, other = AuthorFactory(), AuthorFactory(), AuthorFactory()
    Channel.objects.create(chat="@everything")
    Channel.objects.create(chat="@politics", section=politics)
    Channel.objects.create(chat="@culture", section=culture)
    Channel.objects.create(chat="@anna", author=anna)
    Channel.objects.create(chat="@boris", author=boris)
    Channel.objects.create(chat="@other", author=other)
    Channel.objects.create(chat="@paused", is_active=False)

    publish(PostFactory, section=politics, authors=[anna, boris])

    assert sorted(message["chat_id"] for message in bot_api.sent()) == [
        "@anna",
        "@boris",
        "@everything",
        "@politics",
    ]


def test_an_edit_edits_the_message_and_an_unchanged_save_calls_nothing(bot_api, publish):
    Channel.objects.create(chat="@all_columns")
    post = publish(PostFactory, title="First title", key_points=["A point"])

    post.title = "Better title"
    publish(post.save)
    publish(post.save)
    publish(KeyPoint.objects.create, post=post, text="A new point", position=1)

    assert bot_api.methods() == ["sendMessage", "editMessageText", "editMessageText"]
    first_edit, second_edit = bot_api.sent("editMessageText")
    assert (first_edit["chat_id"], first_edit["message_id"]) == ("-100", 101)
    assert first_edit["text"].startswith("<b>Better title</b>\n\n• A point\n\n")
    assert "• A point\n• A new point\n\n" in second_edit["text"]


def test_an_edit_telegram_finds_unchanged_counts_as_made(bot_api, publish):
    Channel.objects.create(chat="@all_columns")
    post = publish(PostFactory, title="First title")
    unchanged = "Bad Request: message is not modified: specified new message content is the same"
    bot_api.script("editMessageText", (400, {"ok": False, "description": unchanged}))

    post.title = "Second title"
    publish(post.save)
    publish(post.save)

    assert bot_api.methods() == ["sendMessage", "editMessageText"]
    row = TelegramMessage.objects.get()
    assert (row.state, row.error) == (TelegramMessage.State.POSTED, "")


def test_edits_after_48_hours_are_left_out(bot_api, publish, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    Channel.objects.create(chat="@all_columns")
    post = publish(PostFactory, title="First title")
    time_machine.shift(timedelta(hours=49))

    post.title = "Too late"
    publish(post.save)

    assert bot_api.methods() == ["sendMessage"]
    row = TelegramMessage.objects.get()
    assert row.state == TelegramMessage.State.POSTED
    assert "48 hours" in row.error


def test_unpublishing_deletes_the_message_and_publishing_again_sends_a_new_one(bot_api, publish):
    Channel.objects.create(chat="@all_columns")
    post = publish(PostFactory)

    publish(unpublish, post)
    row = TelegramMessage.objects.get()
    assert (row.state, row.message_id) == (TelegramMessage.State.REMOVED, None)

    post.status = Post.Status.PUBLISHED
    publish(post.save)

    assert bot_api.methods() == ["sendMessage", "deleteMessage", "sendMessage"]
    assert bot_api.sent("deleteMessage") == [{"chat_id": "-100", "message_id": 101}]
    row.refresh_from_db()
    assert (row.state, row.message_id) == (TelegramMessage.State.POSTED, 102)


def test_unpublishing_after_48_hours_records_telegrams_refusal(bot_api, publish, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    Channel.objects.create(chat="@all_columns")
    post = publish(PostFactory)
    time_machine.shift(timedelta(hours=49))
    refusal = {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: message can't be deleted for everyone",
    }
    bot_api.script("deleteMessage", (400, refusal))

    publish(unpublish, post)

    row = TelegramMessage.objects.get()
    assert row.state == TelegramMessage.State.FAILED
    assert row.error == "deleteMessage: Bad Request: message can't be deleted for everyone"
    assert (row.message_id, row.next_attempt_at) == (101, None)


def test_a_message_deleted_by_hand_counts_as_deleted(bot_api, publish):
    Channel.objects.create(chat="@all_columns")
    post = publish(PostFactory)
    gone = {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: message to delete not found",
    }
    bot_api.script("deleteMessage", (400, gone))

    publish(unpublish, post)

    row = TelegramMessage.objects.get()
    assert (row.state, row.error) == (TelegramMessage.State.REMOVED, "")


def test_deleting_a_post_deletes_its_messages(bot_api, publish):
    Channel.objects.create(chat="@all_columns")
    post = publish(PostFactory)

    publish(post.delete)

    assert bot_api.sent("deleteMessage") == [{"chat_id": "-100", "message_id": 101}]


def test_a_scheduled_post_is_posted_when_it_comes_due(bot_api, publish, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    Channel.objects.create(chat="@all_columns")
    publish(PostFactory, publish_at=timezone.now() + timedelta(minutes=30))
    assert bot_api.calls == []

    time_machine.shift(timedelta(minutes=31))
    publish(announce_due_posts)

    assert bot_api.methods() == ["sendMessage"]


def test_without_a_bot_token_nothing_is_posted(bot_api, publish, settings):
    settings.TELEGRAM_BOT_TOKEN = ""
    Channel.objects.create(chat="@all_columns")

    publish(PostFactory)

    assert bot_api.calls == []
    assert not TelegramMessage.objects.exists()
