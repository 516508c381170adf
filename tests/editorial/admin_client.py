"""Helpers for driving the post admin over HTTP as a browser would."""

from dataclasses import dataclass

from django import forms
from django.contrib.messages import get_messages
from django.urls import reverse

from blog.models import Post
from tests.factories import AuthorFactory, PostFactory, UserFactory

# What a writer typed into the post form, to be kept whatever happens to the save.
TYPED = {
    "title": "My better title",
    "body": "<p>A paragraph I spent an hour on.</p>",
    "key_points-0-text": "My sharper point",
}


def change_url(post):
    return reverse("admin:blog_post_change", args=[post.pk])


def form_data(response) -> dict:
    """What the admin form on `response` would submit unchanged: fields, inlines and all."""
    data = _bound_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= _bound_values(formset.management_form)
        for form in formset.forms:
            data |= _bound_values(form)
    if token := response.context.get("form_rescue_token"):
        data["_editor"] = token  # the hidden input naming the form's editor
    return data


def _bound_values(form):
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False or isinstance(bound.field, forms.FileField):
            continue
        if isinstance(bound.field.widget, forms.MultiWidget):
            parts = bound.field.widget.get_context(bound.html_name, value, {})["widget"]
            data |= {
                part["name"]: part["value"]
                for part in parts["subwidgets"]
                if part["value"] is not None
            }
        else:
            data[bound.html_name] = _submitted(value)
    return data


def _submitted(value):
    if value is True:
        return "on"
    if isinstance(value, list | tuple):
        return [getattr(item, "pk", item) for item in value]
    return getattr(value, "pk", value)


@dataclass
class Desk:
    """The people of an editorial desk: a writer who owns the posts, another writer, an
    editor and a superuser."""

    owner: object
    owner_author: object
    other: object
    editor: object
    superuser: object

    def user(self, role):
        return None if role == "anonymous" else getattr(self, role)


def make_desk() -> Desk:
    owner = UserFactory(groups=["Authors"], first_name="Olga", last_name="Writer")
    other = UserFactory(groups=["Authors"])
    AuthorFactory(user=other)
    return Desk(
        owner=owner,
        owner_author=AuthorFactory(user=owner, name="Olga Writer"),
        other=other,
        editor=UserFactory(groups=["Editors"], first_name="Ed", last_name="Itor"),
        superuser=UserFactory(is_superuser=True),
    )


def make_draft(desk, **fields):
    """An unscheduled draft by the desk's owner."""
    return PostFactory(
        status=Post.Status.DRAFT, publish_at=None, authors=[desk.owner_author], **fields
    )


def logged_in(client, user):
    if user is not None:
        client.force_login(user)
    return client


def editable_data(client, post, superuser) -> dict:
    """The post's unchanged change form, as a superuser sees it."""
    client.force_login(superuser)
    data = form_data(client.get(change_url(post)))
    client.logout()
    return data


def move(client, user, post, transition, superuser, **changes):
    """Press a transition button on the post's change form; return the response."""
    data = editable_data(client, post, superuser) | changes | {"_transition": transition}
    return logged_in(client, user).post(change_url(post), data)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]
