"""After the first build, each reader-visible change rewrites exactly the files it changed:
the worker's refresh is queued when the change commits (here the tests' immediate task
backend runs it at once) and writes only the files whose SHA-256 changed.

Every feed states when the site last changed (`lastBuildDate`, Atom's `updated`: the page
cache's generation, feeds/views.py), so every feed file changes with any change; the
assertions below name the other files one by one."""

import json
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from blog.models import Post
from tests.factories import PostFactory

from .conftest import publish_static

pytestmark = pytest.mark.django_db
SEARCH_INDEX = "pagefind/"


def manifest(folder) -> dict:
    return json.loads(Path(folder, "manifest.json").read_text())["files"]


def commit():
    """What committing the test's transaction would run (it never commits)."""
    connection = transaction.get_connection()
    callbacks, connection.run_on_commit[:] = list(connection.run_on_commit), []
    for _, callback, _ in callbacks:
        callback()


class Edition:
    """The published edition, and what the last change did to it."""

    def __init__(self, folder):
        self.folder = folder
        commit()
        publish_static(folder)
        self.files = manifest(folder)

    def after(self, change):
        changed = change()
        commit()
        before, self.files = self.files, manifest(self.folder)
        differ = {
            path
            for path in before.keys() | self.files.keys()
            if before.get(path) != self.files.get(path)
        }
        pages = {
            path for path in before.keys() | self.files.keys() if not path.startswith(SEARCH_INDEX)
        }
        self.deleted = pages & (before.keys() - self.files.keys())
        self.added = pages & (self.files.keys() - before.keys())
        self.search_changed = any(path.startswith(SEARCH_INDEX) for path in differ)
        self.changed = {
            path
            for path in differ
            if not path.startswith(SEARCH_INDEX) and "/feed/" not in f"/{path}"
        }
        return changed


def month_page(post) -> str:
    return timezone.localtime(post.publish_at).strftime("archive/%Y/%m/index.html")


@pytest.fixture
def edition(columns, settings):
    return Edition(settings.STATIC_EDITION_DEST)


def test_editing_unpublishing_and_publishing_rewrite_exactly_the_affected_files(
    edition, columns, settings
):
    demo, other, _older = columns
    section_pages = {
        "index.html",
        "sections/blogs/index.html",
        "posts/why-belarus-and-kazakhstan-took-different-paths/index.html",  # a neighbour
        "posts/the-long-winter/index.html",  # a neighbour, and shows related columns
    }

    def retitle():
        other.title = "What the sanctions changed in Hrodna"
        other.save()

    edition.after(retitle)
    assert edition.changed == section_pages | {
        "posts/what-the-sanctions-changed/index.html",
        "authors/ina-studzinskaja/index.html",
        "tags/sanctions/index.html",
        "archive/2026/index.html",
        month_page(other),
        "sitemap.xml",  # the posts sitemap's lastmod
    }
    assert edition.deleted == set()
    assert edition.search_changed
    assert "Hrodna" in Path(edition.folder, "index.html").read_text()

    def unpublish():
        other.status = Post.Status.DRAFT
        other.save()

    edition.after(unpublish)
    gone = {
        "posts/what-the-sanctions-changed/index.html",
        "tags/sanctions/index.html",  # no other column on the tag
        month_page(other),  # nor in the month
    }
    assert edition.deleted == gone | {
        "tags/sanctions/feed/index.xml",
        "tags/sanctions/feed/atom/index.xml",
    }
    assert edition.changed == section_pages | gone | {
        "authors/ina-studzinskaja/index.html",  # now without columns
        "archive/index.html",
        "archive/2026/index.html",
        "sitemap.xml",
        "sitemap-posts.xml",
        "sitemap-authors.xml",
        "sitemap-tags.xml",
    }

    def publish():
        return PostFactory(
            title="Tokayev's second term",
            slug="tokayevs-second-term",
            section=demo.section,
            authors=list(demo.authors.all()),
            tags=["Tokayev"],
        )

    new = edition.after(publish)
    assert edition.added == {"posts/tokayevs-second-term/index.html"}
    assert edition.changed == section_pages | edition.added | {
        "authors/valer-karbalevich/index.html",
        "tags/tokayev/index.html",
        "archive/index.html",
        "archive/2026/index.html",
        month_page(new),
        "sitemap.xml",
        "sitemap-posts.xml",
        "sitemap-news.xml",
    }
    assert edition.deleted == set()
    assert edition.search_changed
    # What the refreshes left is what a full build writes now.
    fresh = Path(settings.STATIC_EDITION_DEST).with_name("fresh")
    publish_static(fresh)
    assert manifest(fresh) == edition.files


def test_nothing_is_written_when_nothing_changed(edition, settings):
    assert "0 files written, 0 deleted" in publish_static(settings.STATIC_EDITION_DEST)
