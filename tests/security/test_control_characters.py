"""Control and bidi characters sent in a crafted admin POST are left out of titles, names and
plain text when saved, so the news sitemap stays valid XML and the publication mail goes out."""

import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from authors.models import Author
from blog.models import KeyPoint, Post, Section, Tag
from newsletter.models import Follow, Subscriber
from tests.editorial.admin_client import form_data
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db
CRAFTED = "Evil\x00\x01\x1b\x7f\x85\u2028\u2029\r\nBcc: all@example.org\u202e\u2066 title\t"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def subscriber(settings):
    settings.DEFAULT_FROM_EMAIL = "Columnist <columns@columnist.example>"
    subscriber = Subscriber.objects.create(
        email="reader@example.org", status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    Follow.objects.create(subscriber=subscriber, confirmed_at=timezone.now())
    return subscriber


def publish_through_admin(editor_client, **fields):
    data = form_data(editor_client.get(reverse("admin:blog_post_add")))
    data |= {
        "slug": "",
        "section": SectionFactory().pk,
        "credits-0-author": AuthorFactory().pk,
        "lead": "The lead.",
        "body": "<p>The body.</p>",
        "_transition": "publish",
        **fields,
    }
    return editor_client.post(reverse("admin:blog_post_add"), data)


def test_a_crafted_title_keeps_the_news_sitemap_valid_and_the_mail_delivered(
    editor_client, subscriber, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_through_admin(editor_client, title=CRAFTED, seo_title=CRAFTED)

    assert response.status_code == 302
    post = Post.objects.get()
    assert post.title == post.seo_title == "Evil Bcc: all@example.org title"
    news = ET.fromstring(client.get("/sitemap-news.xml").content)
    assert [title.text for title in news.iter(f"{NEWS}title")] == [post.title]
    assert [message.subject for message in mail.outbox] == [post.title]
    assert mail.outbox[0].to == ["reader@example.org"]


def test_a_title_of_nothing_but_control_characters_is_required_again(editor_client):
    response = publish_through_admin(editor_client, title="\x01\u202e\u2028")

    assert response.status_code == 200
    assert "title" in response.context["adminform"].form.errors
    assert not Post.objects.exists()


def test_every_plain_text_field_is_cleaned_on_any_save():
    author = AuthorFactory(name="Anna\u202e\x07 Lee\n", position="A\x1b\u2066 critic")
    section = SectionFactory(name="Blogs\u200f\r\n", description="One\u2028two\x7f\r\nthree")
    post = PostFactory(
        authors=[author],
        section=section,
        title="A\x0b title",
        lead="First\x00 line\u2029second\u202d line",
        key_points=["Point\x1f one\r\nmore"],
        tags=["Tag\u2067 name\x01"],
    )

    assert Author.objects.values_list("name", "position").get() == ("Anna Lee", "A critic")
    assert Section.objects.values_list("name", "description").get() == (
        "Blogs",
        "One\ntwo\nthree",
    )
    assert Post.objects.values_list("title", "lead").get(pk=post.pk) == (
        "A title",
        "First line\nsecond line",
    )
    assert KeyPoint.objects.get().text == "Point one\nmore"
    assert Tag.objects.get().name == "Tag name"


def test_joining_marks_and_emoji_sequences_are_kept():
    title = "Бе\u0301ларусь 👩🏽\u200d💻 café\u200c"

    assert PostFactory(title=title).title == title
