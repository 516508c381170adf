from datetime import timedelta

import pytest
from django.core.management import call_command

from tests.factories import AuthorFactory, PostFactory

SITE = "https://columnist.example"


@pytest.fixture(autouse=True)
def main_site(settings, tmp_path):
    """The main site on a host of its own, so that any address on it stands out."""
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "columnist.example"]
    settings.STATIC_EDITION_DEST = str(tmp_path / "edition")


@pytest.fixture
def columns(demo_post):
    """The demo column and two more in its section: one by another author on other tags,
    and an older one on the demo's tags."""
    other = PostFactory(
        title="What the sanctions changed in Minsk",
        slug="what-the-sanctions-changed",
        section=demo_post.section,
        authors=[AuthorFactory(name="Ina Studzinskaja", slug="ina-studzinskaja")],
        tags=["Sanctions"],
        publish_at=demo_post.publish_at - timedelta(days=3),
    )
    older = PostFactory(
        title="The long winter of 2020",
        slug="the-long-winter",
        section=demo_post.section,
        authors=list(demo_post.authors.all()),
        tags=["Belarus"],
        publish_at=demo_post.publish_at - timedelta(days=40),
    )
    return demo_post, other, older


def publish_static(dest) -> str:
    return call_command_output("publish_static", "--dest", str(dest))


def call_command_output(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
