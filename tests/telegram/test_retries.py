"""Sending runs in the worker: publishing only queues it; an unreachable or refusing API
is retried later and later, never sooner than Telegram's `retry_after`, then given up."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from telegram.models import Channel, TelegramMessage
from telegram.tasks import follow
from tests.factories import PostFactory

from .fake_bot_api import DUMMY_TASKS, TOKEN, queued_follows

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def too_many_requests(seconds):
    return 429, {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {seconds}",
        "parameters": {"retry_after": seconds},
    }


def run_worker():
    options = {"batch": True, "reload": False, "startup_delay": False, "interval": 0}
    call_command("run_worker", stdout=io.StringIO(), **options)


def waiting_follows():
    return DBTaskResult.objects.filter(task_path=follow.module_path, status="READY")


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_api_neither_delays_nor_fails_publishing(
    bot_api, closed_port_url, settings, client, time_machine
):
    settings.TASKS = DATABASE_TASKS
    time_machine.move_to(timezone.now(), tick=False)
    settings.TELEGRAM_API_URL = closed_port_url
    Channel.objects.create(chat="@all_columns")

    post = PostFactory(title="Out now")

    assert client.get(post.get_absolute_url()).status_code == 200
    assert waiting_follows().count() == 1
    run_worker()
    row = TelegramMessage.objects.get()
    assert (row.state, row.attempts, row.message_id) == ("queued", 1, None)
    assert row.error.startswith("sendMessage: ")
    [retry] = waiting_follows()
    assert retry.run_after == row.next_attempt_at == timezone.now() + timedelta(seconds=30)

    settings.TELEGRAM_API_URL = bot_api.url
    run_worker()
    assert bot_api.calls == []
    time_machine.shift(timedelta(seconds=30))
    run_worker()

    assert bot_api.methods() == ["sendMessage"]
    row.refresh_from_db()
    assert (row.state, row.attempts, row.error, row.message_id) == ("posted", 2, "", 101)


@pytest.mark.django_db(transaction=True)
def test_a_429_is_not_retried_before_its_retry_after(bot_api, settings, time_machine):
    settings.TASKS = DATABASE_TASKS
    time_machine.move_to(timezone.now(), tick=False)
    bot_api.script("sendMessage", too_many_requests(120))
    Channel.objects.create(chat="@all_columns")
    PostFactory()

    run_worker()
    time_machine.shift(timedelta(seconds=119))
    run_worker()
    assert bot_api.methods() == ["sendMessage"]
    assert TelegramMessage.objects.get().error == (
        "sendMessage: Too Many Requests: retry after 120"
    )

    time_machine.shift(timedelta(seconds=1))
    run_worker()

    assert bot_api.methods() == ["sendMessage", "sendMessage"]
    assert TelegramMessage.objects.get().state == TelegramMessage.State.POSTED


@pytest.fixture
def queued_row(bot_api, settings, publish, time_machine):
    """A published post whose message waits in the dummy task backend."""
    settings.TASKS = DUMMY_TASKS
    time_machine.move_to(timezone.now(), tick=False)
    Channel.objects.create(chat="@all_columns")
    publish(PostFactory)
    return TelegramMessage.objects.get()


def test_publishing_only_queues_the_message(bot_api, queued_row):
    assert bot_api.calls == []
    assert [task.args for task in queued_follows()] == [[queued_row.pk]]
    assert queued_row.state == TelegramMessage.State.QUEUED


def test_retry_after_beyond_the_backoff_sets_the_retry_time(bot_api, queued_row):
    bot_api.script("sendMessage", too_many_requests(300))

    follow.call(queued_row.pk)

    retry = queued_follows()[-1]
    queued_row.refresh_from_db()
    assert retry.task.run_after == queued_row.next_attempt_at
    assert retry.task.run_after == timezone.now() + timedelta(seconds=300)


def test_a_failing_api_is_retried_later_and_later_then_given_up(
    bot_api, queued_row, settings, time_machine
):
    settings.TELEGRAM_MAX_ATTEMPTS = 3
    bot_api.script("sendMessage", *[(502, {"ok": False, "description": "Bad Gateway"})] * 3)

    delays = []
    for _attempt in range(3):
        follow.call(queued_row.pk)
        follow.call(queued_row.pk)  # a second task meanwhile waits for the scheduled retry
        queued_row.refresh_from_db()
        if queued_row.next_attempt_at:
            delays.append(queued_row.next_attempt_at - timezone.now())
            time_machine.move_to(queued_row.next_attempt_at, tick=False)

    assert delays == [timedelta(seconds=30), timedelta(seconds=60)]
    assert len([task for task in queued_follows() if task.task.run_after]) == 2
    assert bot_api.methods() == ["sendMessage"] * 3
    assert (queued_row.state, queued_row.attempts) == (TelegramMessage.State.FAILED, 3)
    assert queued_row.error == "sendMessage: Bad Gateway"


def test_a_refused_request_is_not_retried(bot_api, queued_row):
    bot_api.script(
        "sendMessage", (400, {"ok": False, "description": "Bad Request: chat not found"})
    )

    follow.call(queued_row.pk)

    queued_row.refresh_from_db()
    assert queued_row.state == TelegramMessage.State.FAILED
    assert queued_row.error == "sendMessage: Bad Request: chat not found"
    assert not [task for task in queued_follows() if task.task.run_after]


def test_a_message_another_worker_is_sending_waits_for_its_claim(bot_api, queued_row):
    claim_ends = timezone.now() + timedelta(seconds=12)
    TelegramMessage.objects.filter(pk=queued_row.pk).update(claimed_until=claim_ends)

    follow.call(queued_row.pk)

    assert bot_api.calls == []
    assert queued_follows()[-1].task.run_after == claim_ends


def test_the_token_never_reaches_the_record_or_the_log(bot_api, queued_row, caplog):
    echo = {"ok": False, "description": f"proxy failed on /bot{TOKEN}/sendMessage"}
    bot_api.script("sendMessage", (502, echo))

    follow.call(queued_row.pk)

    queued_row.refresh_from_db()
    assert queued_row.error == "sendMessage: proxy failed on /bot<token>/sendMessage"
    assert "telegram call failed" in caplog.text
    assert TOKEN not in caplog.text
