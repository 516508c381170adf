import json
import logging
import time
from io import StringIO

import pytest
from django.conf import settings
from django.urls import reverse

from security.logs import JsonLinesFormatter, RedactFilter, redact
from tests.factories import PostFactory

SUBSCRIBER = "hanna.k@example.by"


@pytest.fixture
def log_lines():
    """Everything logged while the test runs, as the configured handler writes it."""
    stream = StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLinesFormatter())
    handler.addFilter(RedactFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


def test_the_configured_console_handler_writes_redacted_json_lines():
    handler = settings.LOGGING["handlers"]["console"]

    assert settings.LOGGING["formatters"][handler["formatter"]]["()"].endswith("JsonLinesFormatter")
    assert settings.LOGGING["filters"][handler["filters"][0]]["()"].endswith("RedactFilter")


def test_records_are_one_json_object_per_line_with_their_extra_fields(log_lines):
    logging.getLogger("columnist.test").warning(
        "import of %s failed", "essay.txt", extra={"event": "import_failed", "post_id": 7}
    )

    [entry] = log_lines()
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "columnist.test"
    assert entry["message"] == "import of essay.txt failed"
    assert entry["event"] == "import_failed"
    assert entry["post_id"] == 7
    assert entry["time"].endswith("+00:00")


@pytest.mark.parametrize(
    "leak",
    [
        ("subscribed %s", (SUBSCRIBER,), {}),
        ("subscribed", (), {"email": SUBSCRIBER}),
        ("GET /subscribe/?email=hanna.k%40example.by", (), {}),
        ("login with password=Sup3r-secret-pass!", (), {}),
        ("settings: SECRET_KEY = 's3cr3t-k3y-value'", (), {}),
        ("header Authorization: Bearer abcdef123456", (), {}),
    ],
)
def test_email_addresses_and_secrets_never_reach_the_log(log_lines, leak):
    message, args, extra = leak

    logging.getLogger("columnist.test").info(message, *args, extra=extra)

    written = json.dumps(log_lines())
    for secret in [
        "hanna.k",
        "example.by",
        "Sup3r-secret-pass",
        "s3cr3t-k3y-value",
        "abcdef123456",
    ]:
        assert secret not in written


def test_tracebacks_are_redacted_too(log_lines):
    try:
        raise ValueError(f"duplicate subscriber {SUBSCRIBER}")
    except ValueError:
        logging.getLogger("columnist.test").exception("subscribe failed")

    [entry] = log_lines()
    assert "ValueError: duplicate subscriber [email]" in entry["exception"]
    assert SUBSCRIBER not in json.dumps(entry)


@pytest.mark.django_db
def test_logins_failed_logins_and_publications_are_recorded_without_passwords(
    client, django_user_model, log_lines, django_capture_on_commit_callbacks
):
    django_user_model.objects.create_user(
        "editor@example.org", password="correct-horse-battery", is_staff=True
    )
    login = reverse("admin:login")

    client.post(login, {"username": "editor@example.org", "password": "wrong-password-1"})
    client.post(login, {"username": "editor@example.org", "password": "correct-horse-battery"})
    post = PostFactory(status="draft")
    post.status = "published"
    with django_capture_on_commit_callbacks(execute=True):
        post.save()

    events = {entry.get("event"): entry for entry in log_lines()}
    assert events["login_failed"]["username"] == "[email]"
    assert events["login"]["user_id"]
    assert events["post_published"]["post_id"] == post.pk
    written = json.dumps(log_lines())
    assert "wrong-password-1" not in written
    assert "correct-horse-battery" not in written
    assert "editor@example.org" not in written


@pytest.mark.django_db
def test_server_errors_are_logged_with_their_traceback(client, log_lines, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("blog.views.IndexView.get_queryset", explode)
    client.raise_request_exception = False

    assert client.get("/").status_code == 500
    [error] = [entry for entry in log_lines() if entry["logger"] == "django.request"]
    assert error["status_code"] == 500
    assert "RuntimeError: database went away" in error["exception"]


@pytest.mark.parametrize(
    "hostile", ["x" * 300_000, "password" * 40_000, "hanna@" * 50_000, "a." * 150_000]
)
def test_redaction_keeps_up_with_huge_hostile_input(hostile):
    """A 10 kB Host header is logged as it is; backtracking patterns would take minutes on
    these (quadratic time), the linear ones take milliseconds."""
    started = time.perf_counter()

    redact(hostile)

    assert time.perf_counter() - started < 5
