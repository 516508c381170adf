import json

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from authors.models import Author
from blog.models import Post
from tests.factories import AuthorFactory, PostFactory, SectionFactory
from tests.seo.page_head import empty_values, link_hrefs, meta, structured_data

pytestmark = pytest.mark.django_db

SITE = "https://columns.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    settings.SITE_NAME = "Калонкі"


@pytest.fixture
def column():
    karbalevich = AuthorFactory(
        name="Валер Карбалевіч",
        position="Палітычны аглядальнік",
        profile_links="https://be.wikipedia.org/wiki/Valer\nhttps://x.com/valer",
    )
    co_author = AuthorFactory(name="Ганна Суаўтарка", position="")
    return PostFactory(
        title="Чаму Беларусь і Казахстан пайшлі рознымі шляхамі",
        lead="Лукашэнка не здолеў выскачыць з каляіны.",
        authors=[karbalevich, co_author],
        tags=["Беларусь", "Казахстан"],
        key_points=["Абодва рэжымы выжылі.", "Казахстан дыверсіфікаваў палітыку."],
        language="be",
        section=SectionFactory(name="Блогі", slug="blogs"),
    )


def test_a_post_page_has_title_description_and_canonical_address(client, column):
    response = client.get(column.get_absolute_url())
    url = SITE + column.get_absolute_url()

    assertContains(response, f"<title>{column.title} — Калонкі</title>")
    assert meta(response, "description") == column.lead
    assert link_hrefs(response, "canonical") == [url]
    assert meta(response, "robots") is None
    assert meta(response, "og:type") == "article"
    assert meta(response, "og:url") == url
    assert meta(response, "og:title") == column.title
    assert meta(response, "og:locale") == "be_BY"
    assert meta(response, "twitter:card") == "summary"
    assert meta(response, "article:section") == "Блогі"


def test_seo_title_and_description_replace_title_and_lead(client, column):
    column.seo_title = "Беларусь і Казахстан: два шляхі"
    column.seo_description = "Чаму дзве краіны абралі розныя шляхі."
    column.save()

    response = client.get(column.get_absolute_url())

    assertContains(response, "<title>Беларусь і Казахстан: два шляхі — Калонкі</title>")
    assert meta(response, "og:title") == "Беларусь і Казахстан: два шляхі"
    assert meta(response, "description") == "Чаму дзве краіны абралі розныя шляхі."
    assert structured_data(response)["OpinionNewsArticle"]["headline"] == column.title


def test_without_a_lead_the_description_comes_from_the_body(client):
    post = PostFactory(lead="", body="<p>Першы абзац цела.</p>")

    assert meta(client.get(post.get_absolute_url()), "description") == "Першы абзац цела."


def test_the_post_image_is_shared_as_a_large_card(client, column):
    Post.objects.filter(pk=column.pk).update(image="posts/2026/05/map.jpg", image_alt="Мапа")

    response = client.get(column.get_absolute_url())

    assert meta(response, "og:image") == f"{SITE}/media/posts/2026/05/map.jpg"
    assert meta(response, "og:image:alt") == "Мапа"
    assert meta(response, "twitter:card") == "summary_large_image"
    assert meta(response, "twitter:image") == f"{SITE}/media/posts/2026/05/map.jpg"
    assert structured_data(response)["OpinionNewsArticle"]["image"] == [
        f"{SITE}/media/posts/2026/05/map.jpg"
    ]


def test_without_a_post_image_the_author_photo_is_shared(client, column):
    Author.objects.filter(name="Ганна Суаўтарка").update(photo="authors/anna.jpg")

    response = client.get(column.get_absolute_url())

    assert meta(response, "og:image") == f"{SITE}/media/authors/anna.jpg"
    assert meta(response, "twitter:card") == "summary"


def test_a_post_is_an_opinion_news_article_with_every_author(client, column):
    response = client.get(column.get_absolute_url())
    column.refresh_from_db()

    article = structured_data(response)["OpinionNewsArticle"]

    assert article["@context"] == "https://schema.org"
    assert article["headline"] == column.title
    assert article["description"] == column.lead
    assert article["url"] == article["mainEntityOfPage"] == SITE + column.get_absolute_url()
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Валер Карбалевіч",
            "url": f"{SITE}/authors/{column.byline[0].slug}/",
            "jobTitle": "Палітычны аглядальнік",
            "sameAs": ["https://be.wikipedia.org/wiki/Valer", "https://x.com/valer"],
        },
        {
            "@type": "Person",
            "name": "Ганна Суаўтарка",
            "url": f"{SITE}/authors/{column.byline[1].slug}/",
        },
    ]
    assert timezone.datetime.fromisoformat(article["datePublished"]) == column.publish_at
    assert timezone.datetime.fromisoformat(article["dateModified"]) == column.updated_at
    assert article["publisher"] == {"@type": "Organization", "name": "Калонкі", "url": f"{SITE}/"}
    assert article["articleSection"] == "Блогі"
    assert article["keywords"] == ["Беларусь", "Казахстан"]
    assert article["inLanguage"] == "be"
    assert article["abstract"] == "Абодва рэжымы выжылі. Казахстан дыверсіфікаваў палітыку."
    assert "image" not in article  # no picture: no empty value
    assert empty_values(article) == []


def test_a_post_has_breadcrumbs_home_section_post(client, column):
    crumbs = structured_data(client.get(column.get_absolute_url()))["BreadcrumbList"]

    assert [
        (item["position"], item["name"], item["item"]) for item in crumbs["itemListElement"]
    ] == [
        (1, "Калонкі", f"{SITE}/"),
        (2, "Блогі", f"{SITE}/sections/blogs/"),
        (3, column.title, SITE + column.get_absolute_url()),
    ]


def test_structured_data_cannot_break_out_of_its_script_element(client):
    title = '</script><script>alert("x")</script> & <!--'
    post = PostFactory(title=title, lead="</SCRIPT>")

    response = client.get(post.get_absolute_url())

    assertNotContains(response, '<script>alert("x")')
    assertNotContains(response, "</SCRIPT>")
    assert structured_data(response)["OpinionNewsArticle"]["headline"] == title


def test_an_author_page_is_a_profile_page_about_a_person(client, column):
    author = column.byline[0]
    author.birth_year = 1955
    author.bio = "<p>Гісторык і палітолаг.</p>"
    author.save()

    response = client.get(author.get_absolute_url())
    data = structured_data(response)

    profile = data["ProfilePage"]
    assert profile["url"] == SITE + author.get_absolute_url()
    assert profile["mainEntity"] == {
        "@type": "Person",
        "name": "Валер Карбалевіч",
        "url": SITE + author.get_absolute_url(),
        "jobTitle": "Палітычны аглядальнік",
        "sameAs": ["https://be.wikipedia.org/wiki/Valer", "https://x.com/valer"],
        "description": "Гісторык і палітолаг.",
        "birthDate": "1955",
    }
    assert [item["name"] for item in data["BreadcrumbList"]["itemListElement"]] == [
        "Калонкі",
        "Columnists",
        "Валер Карбалевіч",
    ]
    assert meta(response, "og:type") == "profile"
    assert meta(response, "description") == "Палітычны аглядальнік Гісторык і палітолаг."
    assert link_hrefs(response, "canonical") == [SITE + author.get_absolute_url()]


def test_the_home_page_describes_the_website_and_its_search(client, column):
    response = client.get("/")
    website = structured_data(response)["WebSite"]

    assert website["name"] == "Калонкі"
    assert website["url"] == f"{SITE}/"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == {"@type": "EntryPoint", "urlTemplate": f"{SITE}/search/?q={{query}}"}
    assert action["query-input"] == "required name=query"
    assert link_hrefs(response, "canonical") == [f"{SITE}/"]
    assert meta(response, "description")


@pytest.mark.parametrize("kind", ["section", "tag"])
def test_section_and_tag_pages_have_breadcrumbs_and_a_canonical_address(client, column, kind):
    listing = column.section if kind == "section" else column.tags.get(name="Беларусь")

    response = client.get(listing.get_absolute_url() + "?utm_source=telegram")

    crumbs = structured_data(response)["BreadcrumbList"]["itemListElement"]
    assert crumbs[-1]["item"] == SITE + listing.get_absolute_url()
    assert link_hrefs(response, "canonical") == [SITE + listing.get_absolute_url()]
    assert meta(response, "description")


def test_later_pages_of_a_list_are_followed_but_not_indexed(client, settings):
    for _ in range(settings.POSTS_PER_PAGE + 1):
        PostFactory()
    first = client.get("/")
    older = first.context["page_obj"].older_query

    response = client.get("/" + older)

    assert meta(first, "robots") is None
    assert meta(response, "robots") == "noindex, follow"
    assert link_hrefs(response, "canonical") == []
    assert structured_data(response) == {}


@pytest.mark.parametrize(
    "url",
    ["/", "/authors/", "/sections/blogs/", "/tags/беларусь/", "{post}", "{author}", "/search/?q=x"],
)
def test_every_page_has_a_description_and_only_complete_structured_data(client, column, url):
    url = url.format(post=column.get_absolute_url(), author=column.byline[0].get_absolute_url())

    response = client.get(url)

    assert response.status_code == 200
    assert meta(response, "description")
    assert meta(response, "og:title")
    for data in structured_data(response).values():
        assert data["@context"] == "https://schema.org"
        assert empty_values(data) == []
        json.dumps(data)
