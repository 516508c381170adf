"""Hostile and odd input through the admin and the reader pages: a clear error or a normal
page, never a server error, and nothing half-saved."""

import pytest
from django.contrib import admin
from django.urls import reverse

from blog.models import KeyPoint, Post
from tests.editorial.admin_client import form_data
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db
TEN_MEGABYTES = 10 * 1024 * 1024
RTL_AND_EMOJI = "\u202eБеларусь\u202c — بيلاروسيا 🇧🇾 👩🏽‍💻 בלארוס"


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    client.raise_request_exception = False
    return client


@pytest.fixture
def add_form(editor_client):
    """The post admin's add form filled in with a valid draft."""
    data = form_data(editor_client.get(reverse("admin:blog_post_add")))
    return data | {
        "title": "A valid column",
        "slug": "",
        "section": SectionFactory().pk,
        "credits-0-author": AuthorFactory().pk,
        "lead": "The lead.",
        "body": "<p>The body.</p>",
    }


def add_post(editor_client, data):
    return editor_client.post(reverse("admin:blog_post_add"), data)


def errors_of(response):
    assert response.status_code == 200, response.status_code
    form = response.context["adminform"].form
    errors = {name: " ".join(messages) for name, messages in form.errors.items()}
    inline_errors = [
        f"{inline.formset.errors} {inline.formset.non_form_errors()}"
        for inline in response.context["inline_admin_formsets"]
    ]
    return errors | {"inline": " ".join(inline_errors)}


def test_a_ten_megabyte_body_is_refused_with_413_and_nothing_saved(editor_client, add_form):
    response = add_post(editor_client, add_form | {"body": "<p>" + "x" * TEN_MEGABYTES + "</p>"})

    assert response.status_code == 413
    assert "Too much data" in response.content.decode()
    assert not Post.objects.exists()


def test_a_ten_megabyte_body_to_a_reader_page_is_refused_too(client):
    client.raise_request_exception = False

    response = client.post("/", {"q": "x" * TEN_MEGABYTES})

    assert response.status_code in {405, 413}


@pytest.mark.parametrize("field", ["title", "lead", "image_alt"])
def test_nul_bytes_are_left_out(editor_client, add_form, field):
    response = add_post(editor_client, add_form | {field: "Bad\x00title"})

    assert response.status_code == 302
    assert getattr(Post.objects.get(), field) == "Badtitle"


def test_lone_surrogates_in_a_form_are_replaced_not_stored(editor_client, add_form):
    body = "title=%ED%A0%80surrogate"
    data = {key: value for key, value in add_form.items() if key != "title"}
    encoded = "&".join(
        f"{key}={value}" for key, value in data.items() if not isinstance(value, list)
    )

    response = editor_client.post(
        reverse("admin:blog_post_add"),
        f"{encoded}&{body}",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in {200, 302}
    for post in Post.objects.all():
        post.title.encode("utf-8")


def test_right_to_left_text_and_emoji_are_kept_and_shown(editor_client, add_form, client):
    response = add_post(
        editor_client,
        add_form | {"title": RTL_AND_EMOJI, "_transition": "publish"},
    )

    assert response.status_code == 302
    post = Post.objects.get()
    without_bidi_controls = RTL_AND_EMOJI.replace("\u202e", "").replace("\u202c", "")
    assert post.title == without_bidi_controls
    assert post.slug
    page = client.get(post.get_absolute_url())
    assert page.status_code == 200
    assert without_bidi_controls in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"slug": "s" * 500}, "slug", "at most 200 characters"),
        ({"title": "t" * 500}, "title", "at most 300 characters"),
        ({"slug": "no spaces/or slashes"}, "slug", "Enter a valid “slug”"),
        ({"publish_at_0": "2026-13-45", "publish_at_1": "25:61"}, "publish_at", "valid"),
        ({"publish_at_0": "yesterday", "publish_at_1": "noon"}, "publish_at", "valid"),
        ({"section": "999999"}, "section", "Select a valid choice"),
        ({"section": "'; DROP TABLE blog_post; --"}, "section", "Select a valid choice"),
        ({"tags": ["not-a-number"]}, "tags", "is not a valid value"),
        ({"tags": ["1", "x'); --"]}, "tags", "is not a valid value"),
        ({"tags": ["99999999999999999999999"]}, "tags", "is not a valid value"),
        ({"section": "99999999999999999999999"}, "section", "Select a valid choice"),
        ({"disclaimer": "abc"}, "disclaimer", "Select a valid choice"),
        ({"credits-0-author": "abc"}, "inline", "Select a valid choice"),
    ],
)
def test_malformed_fields_get_form_errors_and_nothing_is_saved(
    editor_client, add_form, changes, field, message
):
    response = add_post(editor_client, add_form | changes)

    assert message in errors_of(response)[field]
    assert not Post.objects.exists()


def test_a_duplicate_slug_gets_a_form_error(editor_client, add_form):
    PostFactory(slug="taken")

    response = add_post(editor_client, add_form | {"slug": "taken"})

    assert "already exists" in errors_of(response)["slug"]
    assert Post.objects.count() == 1


def test_a_title_whose_slug_is_taken_gets_a_form_error(editor_client, add_form):
    PostFactory(title="Same title")

    response = add_post(editor_client, add_form | {"title": "Same title", "slug": ""})

    assert "already exists" in errors_of(response)["slug"]
    assert Post.objects.count() == 1


def test_a_title_without_letters_or_digits_needs_a_slug(editor_client, add_form):
    response = add_post(editor_client, add_form | {"title": "🔥🔥🔥 !!!", "slug": ""})

    assert "slug" in errors_of(response)
    assert not Post.objects.exists()


def test_a_bad_inline_row_saves_nothing_of_the_post(editor_client, add_form):
    data = add_form | {
        "key_points-TOTAL_FORMS": "2",
        "key_points-0-text": "A fine point",
        "key_points-0-position": "0",
        "key_points-1-text": "A point",
        "key_points-1-position": "not a number",
    }

    response = add_post(editor_client, data)

    assert "Enter a whole number" in errors_of(response)["inline"]
    assert not Post.objects.exists()
    assert not KeyPoint.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/?page=%00",
        "/?page=-1",
        "/?page=99999999999999999999999",
        "/?page=1e3",
        "/posts/%00/",
        "/posts/%ED%A0%80/",
        "/posts/" + "a" * 500 + "/",
        "/tags/%F0%9F%87%A7%F0%9F%87%BE/",
        "/sections/%E2%80%AE%D8%A8/",
        "/authors/..%2F..%2Fetc%2Fpasswd/",
        "/?" + "&".join(f"f{n}=" + "x" * 100 for n in range(900)),
        "/?q=" + "%00%ED%A0%80" * 2000,
        "/search/?q=" + "%F0%9F%A6%8A" * 3000,
        "/archive/9999/13/",
        "/newsletter/confirm/" + "x" * 5000 + "/",
        "/newsletter/unsubscribe/%ED%A0%80/",
        "/newsletter/manage/..%2F..%2F/",
        "/preview/" + "a.b:c" * 1000 + "/",
        "/feed/?format=%00",
    ],
)
def test_odd_addresses_get_a_page_or_a_clear_error(client, url):
    PostFactory()
    client.raise_request_exception = False

    response = client.get(url)

    assert response.status_code < 500, url[:100]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_X_PADDING": "x" * 100_000},
        {"HTTP_ACCEPT_LANGUAGE": "be;q=0.9," * 5000},
        {"HTTP_ACCEPT_LANGUAGE": "\x00\ud800"},
        {"HTTP_COOKIE": "sessionid=" + "%00" * 5000 + "; csrftoken=<script>"},
        {"HTTP_HOST": "evil.example.com"},
        {"HTTP_HOST": "x" * 10_000},
        {"HTTP_USER_AGENT": "🦊" * 10_000},
        {"HTTP_IF_MODIFIED_SINCE": "not a date at all"},
        {"HTTP_IF_NONE_MATCH": '"' * 5000},
    ],
)
def test_odd_headers_get_a_page_or_a_clear_error(client, headers):
    post = PostFactory()
    client.raise_request_exception = False

    response = client.get(post.get_absolute_url(), **headers)

    assert response.status_code in {200, 304, 400}


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=%ED%A0%80",
        "q=" + "x" * 5000,
        "o=99.-5.abc",
        "p=abc",
        "p=99999999",
        "status__exact=%00",
        "publish_at__year=abc&publish_at__month=13",
        "id__gt=%00",
        "section__id__exact=notanumber",
        "_to_field=password",
        "all=",
    ],
)
def test_odd_admin_list_queries_never_fail(editor_client, query):
    PostFactory(tags=["Belarus"])
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

        response = editor_client.get(f"{url}?{query}")

        assert response.status_code in {200, 302, 400}, (url, query)


@pytest.mark.parametrize("term", ["%00", "%ED%A0%80", "x" * 3000])
def test_odd_admin_autocomplete_terms_never_fail(editor_client, term):
    url = reverse("admin:autocomplete")

    response = editor_client.get(
        f"{url}?app_label=blog&model_name=post&field_name=tags&term={term}"
    )

    assert response.status_code in {200, 400, 403}


@pytest.mark.parametrize("object_id", ["%00", "abc", "99999999999999999999999", "1;DROP"])
def test_odd_admin_object_ids_never_fail(editor_client, object_id):
    response = editor_client.get(f"/admin/blog/post/{object_id}/change/")

    assert response.status_code in {302, 400, 404}


def test_a_nul_in_the_path_gets_the_bad_request_page(client):
    client.raise_request_exception = False

    response = client.get("/authors/olga%00/")

    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_nul_characters_are_dropped_from_the_query(client):
    PostFactory(title="Minsk in spring")

    response = client.get("/search/?q=Min%00sk&page=%001")

    assert response.status_code == 200
    assert response.context["query"] == "Minsk"
    assert response.context["posts"]


@pytest.mark.parametrize("selected", ["%00", "abc", "1%00"])
def test_odd_bulk_action_selections_never_fail(editor_client, selected):
    post = PostFactory(status=Post.Status.DRAFT, publish_at=None)
    url = reverse("admin:blog_post_changelist")

    response = editor_client.post(
        url,
        f"action=publish_now&_selected_action={selected}&_selected_action={post.pk}",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT
