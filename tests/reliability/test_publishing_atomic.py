"""A failure in the middle of publishing (or importing) leaves no half state: the post,
its parts, its history and its announcement are as they were, and nobody is told of a
publication that did not happen."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from blog.models import Announcement, KeyPoint, Post, PostTransition
from editorial import workflow
from editorial.demo import ESSAY_PATH
from tests.editorial.admin_client import form_data
from tests.factories import AuthorFactory, PostFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db


class Boom(Exception):
    pass


def explode(*args, **kwargs):
    raise Boom("the disk is full")


@pytest.fixture
def draft():
    return PostFactory(status=Post.Status.DRAFT, publish_at=None, key_points=["First point"])


def state_of(post):
    post = Post.objects.get(pk=post.pk)
    return {
        "post": (post.title, post.status, post.publish_at, post.lead),
        "key_points": list(post.key_points.values_list("text", flat=True)),
        "versions": post.history.count(),
        "announced": Announcement.objects.filter(post=post).exists(),
        "transitions": PostTransition.objects.filter(post=post).count(),
    }


def test_a_failure_after_the_save_leaves_the_post_unpublished(
    draft, monkeypatch, django_capture_on_commit_callbacks
):
    before = state_of(draft)
    monkeypatch.setattr(PostTransition.objects, "create", explode)
    editor = UserFactory(groups=["Editors"])

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Boom):
        workflow.apply_transition(draft, workflow.TRANSITIONS["publish"], editor)

    assert state_of(draft) == before
    assert callbacks == []
    assert not Post.objects.published().exists()


def test_a_failure_while_the_admin_publishes_rolls_back_every_change(
    draft, client, monkeypatch, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(is_superuser=True))
    client.raise_request_exception = False
    url = reverse("admin:blog_post_change", args=[draft.pk])
    data = form_data(client.get(url)) | {
        "title": "A new title",
        "key_points-0-text": "A changed point",
        "_transition": "publish",
    }
    before = state_of(draft)
    monkeypatch.setattr("search.index.refresh_search_documents", explode)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, data)

    assert response.status_code == 500
    assert state_of(draft) == before
    assert callbacks == []
    assert mail.outbox == []


def test_a_failure_in_the_middle_of_an_import_creates_nothing(monkeypatch):
    author = AuthorFactory(slug="olga", position="")
    SectionFactory(slug="blogs")
    monkeypatch.setattr("editorial.importing._set_tags", explode)

    with pytest.raises(Boom):
        call_command(
            "import_essay", str(ESSAY_PATH), "--author=olga", "--section=blogs", "--title=T"
        )

    assert not Post.objects.exists()
    assert not KeyPoint.objects.exists()
    author.refresh_from_db()
    assert author.position == ""
