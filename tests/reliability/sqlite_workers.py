"""Processes for the SQLite concurrency test: each sets Django up on its own against the
shared database file (with the project's SQLite options) and reads or writes for a while,
then puts (role, id, failures, saved edits) on the results queue — whatever happens.

Kept free of Django imports at module level: the processes are spawned, and each imports
this module before it has configured Django.
"""

import os
import time
import traceback


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["LOG_LEVEL"] = "CRITICAL"
    import django

    django.setup()


def seed(database_url, writers):
    """Migrate the database and give every writer a published post of its own."""
    setup_django(database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from authors.models import Author
    from blog.models import Post, PostAuthor, Section

    section = Section.objects.create(name="Opinion", slug="opinion")
    author = Author.objects.create(name="Olga", slug="olga")
    for number in range(writers):
        post = Post.objects.create(
            title=f"Column {number}", section=section, body="<p>Text.</p>", status="published"
        )
        PostAuthor.objects.create(post=post, author=author)


def run(role, number, database_url, seconds, results):
    failures, done = [], []
    try:
        setup_django(database_url)
        work = {"reader": read, "writer": write}[role]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            work(number, failures, done)
    except Exception:
        failures.append(traceback.format_exc(limit=2))
    finally:
        results.put((role, number, failures, done))


def read(number, failures, pages):
    """Load the pages a reader would, through the whole request stack."""
    from django.test import Client

    for url in ["/", "/posts/column-0/", "/search/?q=column"]:
        try:
            status = Client().get(url).status_code
        except Exception:
            failures.append(traceback.format_exc(limit=1))
        else:
            pages.append(url)
            if status != 200:
                failures.append(f"{url}: {status}")


def write(number, failures, saved):
    """Edit this writer's own post, recording each edit that was saved."""
    from blog.models import KeyPoint, Post

    edit = f"Edit {number}-{len(saved)}"
    try:
        post = Post.objects.get(slug=f"column-{number}")
        post.lead = edit
        post.save()
        KeyPoint.objects.create(post=post, text=edit, position=len(saved))
    except Exception:
        failures.append(traceback.format_exc(limit=1))
    else:
        saved.append(edit)


def final_state(database_url, writers, results):
    setup_django(database_url)
    from blog.models import KeyPoint, Post

    results.put(
        {
            number: (
                Post.objects.get(slug=f"column-{number}").lead,
                list(
                    KeyPoint.objects.filter(post__slug=f"column-{number}")
                    .order_by("position")
                    .values_list("text", flat=True)
                ),
            )
            for number in range(writers)
        }
    )
