"""Every registered admin model × every role (anonymous, author, editor, superuser) × every
admin URL (changelist, add, change, delete, history), guessed URLs and bulk actions: the
server answers exactly what the model admin's permissions allow, nothing is shown or
changed beyond them, and authors never see a subscriber's address.

(The post-level rules — whose drafts an author may edit, who publishes — are tested in
tests/blog/; this is the generic matrix over everything the admin exposes.)
"""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from blog.models import Post, StyleRule
from newsletter.models import Delivery, Follow, Subscriber
from tests.factories import AuthorFactory, DisclaimerFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "author", "editor", "superuser"]
VIEWS = ["changelist", "add", "change", "delete", "history"]
SUBSCRIBER_ADDRESS = "secret.reader@example.org"
NEVER_FOR_AUTHORS = {
    "auth.group",
    "auth.user",
    "otp_totp.totpdevice",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "django_tasks_database.dbtaskresult",
    "newsletter.subscriber",
    "newsletter.delivery",
    "blog.stylerule",
}
NEVER_FOR_EDITORS = {
    "auth.group",
    "auth.user",
    "otp_totp.totpdevice",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "django_tasks_database.dbtaskresult",
}


@pytest.fixture
def desk():
    """A login per role, and at least one object of every model the admin shows."""
    author_user = UserFactory(groups=["Authors"])
    profile = AuthorFactory(user=author_user)
    users = {
        "anonymous": None,
        "author": author_user,
        "editor": UserFactory(groups=["Editors"]),
        "superuser": UserFactory(is_superuser=True),
    }
    own = PostFactory(authors=[profile], status=Post.Status.DRAFT, publish_at=None)
    others = PostFactory(tags=["Belarus"])
    DisclaimerFactory()
    StyleRule.objects.create(preferred="Belarus", variants="Byelorussia")
    subscriber = Subscriber.objects.create(email=SUBSCRIBER_ADDRESS)
    Follow.objects.create(subscriber=subscriber)
    Delivery.objects.create(post=others, subscriber=subscriber)
    TOTPDevice.objects.create(user=users["superuser"], name="phone", confirmed=False)
    AccessAttempt.objects.create(username="olga", ip_address="10.0.0.1", failures_since_start=1)
    AccessLog.objects.create(username="olga", ip_address="10.0.0.1")
    return {"users": users, "own_post": own, "others_post": others}


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def admin_url(model, view, obj):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}"
    args = [] if view in {"changelist", "add"} else [obj.pk if obj else 1]
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    request.user.is_verified = lambda: False
    return request


def allowed(model_admin, view, user, obj):
    request = request_for(user)
    checks = {
        "changelist": lambda: model_admin.has_view_or_change_permission(request),
        "add": lambda: model_admin.has_add_permission(request),
        "change": lambda: model_admin.has_view_or_change_permission(request, obj),
        "delete": lambda: model_admin.has_delete_permission(request, obj),
        "history": lambda: model_admin.has_view_or_change_permission(request, obj),
    }
    if view in {"changelist", "add"}:
        return checks[view]()
    visible = obj is not None and model_admin.get_queryset(request).filter(pk=obj.pk).exists()
    return visible and checks[view]()


def client_for(client, user):
    client.raise_request_exception = False
    if user is not None:
        client.force_login(user)
    return client


def objects_of(model, desk):
    if model is Post:
        return [desk["own_post"], desk["others_post"]]
    return [model._base_manager.order_by("pk").first()]


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_url_answers_what_the_role_may_do(client, desk, role):
    user = desk["users"][role]
    client = client_for(client, user)
    wrong = []
    for model, model_admin in registered():
        for obj in objects_of(model, desk):
            for view in VIEWS:
                url = admin_url(model, view, obj)
                if url is None:
                    continue
                status = client.get(url).status_code
                if not answers_as_allowed(status, user, model_admin, view, obj):
                    wrong.append((model._meta.label, view, obj and obj.pk, status))

    assert wrong == []


def answers_as_allowed(status, user, model_admin, view, obj):
    if user is None:
        return status == 302
    if allowed(model_admin, view, user, obj):
        return status == 200
    return status in {302, 403}


@pytest.mark.parametrize(
    ("role", "forbidden"), [("author", NEVER_FOR_AUTHORS), ("editor", NEVER_FOR_EDITORS)]
)
def test_roles_never_reach_accounts_secrets_logs_or_their_forbidden_models(
    client, desk, role, forbidden
):
    client = client_for(client, desk["users"][role])
    for label in forbidden:
        model = next(model for model, _admin in registered() if model._meta.label_lower == label)
        for view in VIEWS:
            url = admin_url(model, view, model._base_manager.first())
            if url:
                assert client.get(url).status_code in {302, 403}, (label, view)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/newsletter/subscriber/?q=example.org",
        "/admin/newsletter/subscriber/1/change/",
        "/admin/newsletter/follow/",
        "/admin/autocomplete/?app_label=newsletter&model_name=follow&field_name=subscriber",
        "/admin/autocomplete/?app_label=blog&model_name=post&field_name=authors&term=a",
        "/admin/auth/user/1/password/",
        "/admin/auth/user/add/",
        "/admin/blog/post/?authors__id__exact=1&_popup=1",
        "/admin/r/1/1/",
        "/admin/jsi18n/",
        "/admin/two-factor/",
        "/admin/blog/post/1/history/1/",
        "/admin/blog/historicalpost/",
        "/admin/../admin/newsletter/subscriber/",
        "/admin/newsletter/subscriber/1/delete/",
        "/admin/newsletter/subscriber/export/",
    ],
)
def test_guessed_admin_urls_never_show_a_subscriber_address_to_an_author(client, desk, url):
    client = client_for(client, desk["users"]["author"])

    response = client.get(url, follow=True)

    assert response.status_code in {200, 403, 404}
    assert SUBSCRIBER_ADDRESS not in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "author"])
def test_no_page_an_author_can_reach_mentions_a_subscriber(client, desk, role):
    client = client_for(client, desk["users"][role])
    pages = [reverse("admin:index")] + [
        url
        for model, _admin in registered()
        for view in VIEWS
        for obj in objects_of(model, desk)
        if (url := admin_url(model, view, obj))
    ]

    for url in pages:
        assert SUBSCRIBER_ADDRESS not in client.get(url, follow=True).content.decode(), url


def rows(model):
    return list(model._base_manager.order_by("pk").values())


@pytest.mark.parametrize("role", ["anonymous", "author", "editor"])
def test_bulk_actions_a_role_is_not_offered_change_nothing(client, desk, role):
    user = desk["users"][role]
    client = client_for(client, user)
    superuser_request = request_for(desk["users"]["superuser"])
    changed = []
    for model, model_admin in registered():
        offered = set(model_admin.get_actions(request_for(user))) if user else set()
        every_action = set(model_admin.get_actions(superuser_request))
        for action in sorted(every_action - offered):
            before = rows(model)
            client.post(
                admin_url(model, "changelist", None),
                {
                    "action": action,
                    "_selected_action": [obj.pk for obj in model._base_manager.all()],
                },
            )
            if rows(model) != before:
                changed.append((model._meta.label, action))

    assert changed == []


def test_an_author_cannot_publish_or_delete_in_bulk(client, desk):
    client = client_for(client, desk["users"]["author"])
    own = desk["own_post"]
    changelist = reverse("admin:blog_post_changelist")

    for action in ["publish_now", "delete_selected"]:
        client.post(changelist, {"action": action, "_selected_action": [own.pk], "post": "yes"})

    own.refresh_from_db()
    assert own.status == Post.Status.DRAFT
    assert Group.objects.filter(name="Authors").exists()
