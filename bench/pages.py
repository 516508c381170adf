"""Django side of the benchmark: what each page type costs when it is rendered (the page
cache is off in this process) — its SQL queries and the median time of a few renders
through Django's test client, from nothing and with its fragments cached — at the
database's full size."""

import json
import statistics
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from blog.models import Post
from blog.pagination import Position
from blog.synthetic import synthetic_posts
from editorial.demo import ESSAY_TITLE

RENDERS = 5


def page_types() -> dict[str, str]:
    demo = Post.objects.get(title=ESSAY_TITLE)
    synthetic = synthetic_posts().order_by("pk").first()
    oldest = Post.objects.published().newest_first().reverse()[10:11].get()
    author = demo.byline[0]
    pages = {"post": demo.get_absolute_url(), "index": "/"}
    if synthetic:
        pages |= {
            "post (synthetic)": synthetic.get_absolute_url(),
            "author (prolific)": synthetic.byline[0].get_absolute_url(),
            "section (synthetic)": synthetic.section.get_absolute_url(),
            "tag (synthetic)": synthetic.tags.first().get_absolute_url(),
        }
    return pages | {
        "index, oldest page": f"/?older={Position.of(oldest)}",
        "section": demo.section.get_absolute_url(),
        "tag": demo.tags.first().get_absolute_url(),
        "author": author.get_absolute_url(),
        "site feed": "/feed/",
        "archive": "/archive/",
        "search": "/search/?q=freedom",
        "admin post list": "/admin/blog/post/",
    }


def main(report: str):
    reader, editor = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    editor.force_login(bench_editor())
    results = {}
    for name, url in page_types().items():
        client = editor if url.startswith("/admin/") else reader
        results[name] = render_cost(client, url)
    Path(report).write_text(json.dumps(results))


def bench_editor():
    user, _created = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def render_cost(client, url) -> dict:
    """Rendered from nothing (no fragment cached), and again with its fragments cached."""
    client.get(url)  # opens the connection and works out the content version
    cold = timed_renders(client, url, before_each=caches["pages"].clear)
    warm = timed_renders(client, url, before_each=lambda: None)
    return {"url": url, "status": cold["status"], "cold": cold, "warm": warm}


def timed_renders(client, url, before_each) -> dict:
    seconds = []
    for _ in range(RENDERS):
        before_each()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - started)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "median_ms": round(statistics.median(seconds) * 1000, 1),
    }
