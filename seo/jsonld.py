"""schema.org structured data, built as plain dicts with every empty value dropped."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language

from blog.links import absolute_url, file_url
from blog.plaintext import html_text

CONTEXT = "https://schema.org"
EMPTY = ("", None, [], {})
DESCRIPTION_LENGTH = 300


def prune(value):
    """`value` without empty strings, lists, dicts or None, at any depth."""
    if isinstance(value, dict):
        pruned = {key: prune(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if item not in EMPTY}
    if isinstance(value, list):
        return [item for item in map(prune, value) if item not in EMPTY]
    return value


def document(data: dict) -> dict:
    return prune({"@context": CONTEXT, **data})


def timestamp(moment) -> str:
    return timezone.localtime(moment).isoformat() if moment else ""


def publisher() -> dict:
    return {"@type": "Organization", "name": settings.SITE_NAME, "url": absolute_url("/")}


def person(author, *, full=False) -> dict:
    """An author as a Person; `full` adds what only their profile page shows."""
    data = {
        "@type": "Person",
        "name": author.name,
        "url": absolute_url(author.get_absolute_url()),
        "jobTitle": author.position,
        "image": file_url(author.photo),
        "sameAs": author.profile_urls,
    }
    if full:
        data |= {
            "description": Truncator(html_text(author.bio)).chars(DESCRIPTION_LENGTH),
            "birthDate": str(author.birth_year or ""),
            "email": author.email,
        }
    return data


def work(post) -> dict:
    """A short reference to another language version of a post."""
    return {
        "@type": "OpinionNewsArticle",
        "url": absolute_url(post.get_absolute_url()),
        "headline": post.title,
        "inLanguage": post.language,
    }


def opinion_article(post, description: str, image: str) -> dict:
    url = absolute_url(post.get_absolute_url())
    return document(
        {
            "@type": "OpinionNewsArticle",
            "@id": f"{url}#article",
            "url": url,
            "mainEntityOfPage": url,
            "headline": post.title,
            "description": description,
            "abstract": " ".join(point.text for point in post.key_points.all()),
            "author": [person(author) for author in post.byline],
            "publisher": publisher(),
            "datePublished": timestamp(post.publish_at),
            "dateModified": timestamp(post.updated_at),
            "image": [image],
            "articleSection": post.section.name,
            "keywords": [tag.name for tag in post.tags.all()],
            "inLanguage": post.language,
            "wordCount": post.word_count,
            "translationOfWork": [
                work(v) for v in post.other_versions if v.pk == post.translation_of_id
            ],
            "workTranslation": [
                work(v) for v in post.other_versions if v.translation_of_id == post.pk
            ],
        }
    )


def profile_page(author) -> dict:
    return document(
        {
            "@type": "ProfilePage",
            "url": absolute_url(author.get_absolute_url()),
            "inLanguage": get_language(),
            "mainEntity": person(author, full=True),
        }
    )


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList from (name, path) pairs, the home page first."""
    return document(
        {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": name,
                    "item": absolute_url(path),
                }
                for position, (name, path) in enumerate(trail, start=1)
            ],
        }
    )


def website() -> dict:
    search_url = absolute_url(reverse("blog:search"))
    return document(
        {
            "@type": "WebSite",
            "name": settings.SITE_NAME,
            "url": absolute_url("/"),
            "inLanguage": get_language(),
            "publisher": publisher(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{query}}"},
                "query-input": "required name=query",
            },
        }
    )
