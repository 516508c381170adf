"""Relation choices in admin forms: an author is never offered, and cannot submit, another
author's unpublished post or anything else they may not see — in the post form, its inlines
and every other admin form they can open."""

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse

from blog.models import Post
from newsletter.models import Delivery, Subscriber
from tests.editorial.admin_client import change_url, editable_data, form_data
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    author_user = UserFactory(groups=["Authors"])
    profile = AuthorFactory(user=author_user)
    other_profile = AuthorFactory(user=UserFactory(groups=["Authors"]))
    own = PostFactory(
        title="My own draft", authors=[profile], status=Post.Status.DRAFT, publish_at=None
    )
    secret = PostFactory(
        title="Their secret draft",
        authors=[other_profile],
        status=Post.Status.DRAFT,
        publish_at=None,
    )
    subscriber = Subscriber.objects.create(email="reader@example.org")
    Delivery.objects.create(post=PostFactory(authors=[other_profile]), subscriber=subscriber)
    return {
        "author": author_user,
        "editor": UserFactory(groups=["Editors"]),
        "superuser": UserFactory(is_superuser=True),
        "own": own,
        "secret": secret,
    }


def test_an_author_cannot_attach_their_post_to_another_authors_draft(client, desk):
    own, secret = desk["own"], desk["secret"]
    data = editable_data(client, own, desk["superuser"])
    client.force_login(desk["author"])

    probe = client.post(change_url(own), data | {"translation_of": secret.pk, "title": "Probed"})
    own.refresh_from_db()
    reloaded = client.get(change_url(own)).content.decode()

    assert probe.status_code == 200
    assert "translation_of" in probe.context["adminform"].form.errors
    assert secret.title not in probe.content.decode()
    assert (own.title, own.translation_of) == ("My own draft", None)
    assert secret.title not in reloaded


def test_a_translation_link_an_editor_made_survives_the_authors_save(client, desk):
    own = desk["own"]
    original = PostFactory(title="The original", status=Post.Status.PUBLISHED)
    own.translation_of = original
    own.save()
    client.force_login(desk["author"])

    page = client.get(change_url(own))
    client.post(change_url(own), form_data(page) | {"title": "Saved by the author"})
    own.refresh_from_db()

    assert (own.title, own.translation_of) == ("Saved by the author", original)


def forbidden(desk, role):
    """What each role may not see, by model (independent of the admin's own rules)."""
    if role == "superuser":
        return {}
    users = get_user_model().objects.exclude(pk=desk[role].pk)
    hidden = {
        get_user_model(): set(users),
        Subscriber: set(Subscriber.objects.all()),
        Delivery: set(Delivery.objects.all()),
    }
    if role == "author":
        hidden[Post] = set(Post.objects.exclude(pk__in=Post.objects.owned_by(desk["author"])))
    return hidden


def pages_to_open():
    """The add page of every registered model and the change page of each of its objects."""
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        views = [("add", []), *(("change", [obj.pk]) for obj in model._base_manager.all())]
        for view, args in views:
            try:
                yield reverse(f"{name}_{view}", args=args)
            except NoReverseMatch:
                continue


def relation_fields(response):
    """Every relation field of the page's form and of each of its inlines' forms."""
    form_list = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        form_list += [*inline.formset.forms, inline.formset.empty_form]
    for form in form_list:
        for name, field in form.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                yield form, name, field


def already_linked(form, name):
    """What the form's object links to already (someone allowed to chose it): kept on offer."""
    if form.instance.pk is None:
        return set()
    value = form.initial.get(name)
    return {getattr(item, "pk", item) for item in value} if isinstance(value, list) else {value}


@pytest.mark.parametrize("role", ["author", "editor", "superuser"])
def test_no_admin_form_offers_what_its_user_may_not_see(client, desk, role):
    hidden = forbidden(desk, role)
    client.force_login(desk[role])
    offered, opened = [], 0
    for url in pages_to_open():
        response = client.get(url)
        if response.status_code != 200 or "adminform" not in (response.context or {}):
            continue
        opened += 1
        for form, name, field in relation_fields(response):
            kept = already_linked(form, name)
            leaked = set(field.queryset) & hidden.get(field.queryset.model, set())
            offered += [(url, form.prefix, name, str(obj)) for obj in leaked if obj.pk not in kept]
        assert desk["secret"].title not in response.content.decode() or role != "author", url

    assert opened >= 3
    assert offered == []
