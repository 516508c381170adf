"""What each page tells search engines and social networks, as one PageMeta per page.

Rules: every page has a title and a description; indexable pages name their canonical
address (without any query string), which — like og:url — is on SITE_URL even when the page
is read through a mirror or the onion address; every other address follows the reader's
host. Search results and every page of a list other than its first are `noindex, follow` —
crawlers follow their links to the posts but do not list the page — and name no canonical
address.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from blog.links import absolute_url, file_url, main_url
from blog.plaintext import html_text

from . import jsonld

NOINDEX = "noindex, follow"
PAGE_PARAMETERS = ("page", "older", "newer")  # numbered pages; keyset pages (blog.pagination)
DESCRIPTION_LENGTH = 300
OPEN_GRAPH_LOCALES = {"be": "be_BY", "ru": "ru_RU", "en": "en_GB"}


@dataclass(frozen=True)
class Image:
    url: str
    alt: str
    large: bool = False  # a wide picture (Twitter's large card) rather than a portrait


@dataclass(frozen=True)
class ArticleMeta:
    """Open Graph's article:* facts."""

    published: object
    modified: object
    section: str
    authors: list[str]
    tags: list[str]


@dataclass(frozen=True)
class Alternate:
    language: str
    url: str


@dataclass
class PageMeta:
    title: str
    description: str
    url: str
    canonical: bool = True
    robots: str = ""
    type: str = "website"
    language: str = field(default_factory=get_language)
    image: Image | None = None
    alternates: list[Alternate] = field(default_factory=list)
    article: ArticleMeta | None = None
    structured_data: list[dict] = field(default_factory=list)
    site_name: str = field(default_factory=lambda: settings.SITE_NAME)

    @property
    def locale(self):
        return OPEN_GRAPH_LOCALES.get(self.language, self.language)

    @property
    def alternate_locales(self):
        """og:locale:alternate: the languages of the other versions."""
        languages = {a.language for a in self.alternates} - {self.language, "x-default"}
        return sorted(OPEN_GRAPH_LOCALES.get(language, language) for language in languages)


def summary(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def site_description() -> str:
    return _("Opinion columns: analysis and commentary by our columnists.")


def post_title(post) -> str:
    return post.seo_title or post.title


def post_description(post) -> str:
    return summary(post.seo_description or post.lead or html_text(post.body))


def post_image(post) -> Image | None:
    if post.image:
        return Image(file_url(post.image), post.image_alt, large=True)
    portrait = next((author for author in post.byline if author.photo), None)
    return Image(file_url(portrait.photo), portrait.photo_alt) if portrait else None


def language_alternates(post) -> list[Alternate]:
    """hreflang alternates: every published version, this one included, when there are
    translations; the original also as x-default."""
    if not post.other_versions:
        return []
    versions = sorted([post, *post.other_versions], key=lambda version: version.language)
    original = next((v for v in versions if v.translation_of_id is None), post)
    return [
        *(Alternate(v.language, absolute_url(v.get_absolute_url())) for v in versions),
        Alternate("x-default", absolute_url(original.get_absolute_url())),
    ]


def for_post(post) -> PageMeta:
    description = post_description(post)
    image = post_image(post)
    section = post.section
    return PageMeta(
        title=post_title(post),
        description=description,
        url=main_url(post.get_absolute_url()),
        type="article",
        language=post.language,
        image=image,
        alternates=language_alternates(post),
        article=ArticleMeta(
            published=post.publish_at,
            modified=post.updated_at,
            section=section.name,
            authors=[absolute_url(author.get_absolute_url()) for author in post.byline],
            tags=[tag.name for tag in post.tags.all()],
        ),
        structured_data=[
            jsonld.opinion_article(post, description, image.url if image else ""),
            jsonld.breadcrumbs(
                [
                    (settings.SITE_NAME, reverse("blog:index")),
                    (section.name, section.get_absolute_url()),
                    (post.title, post.get_absolute_url()),
                ]
            ),
        ],
    )


def is_later_page(request) -> bool:
    """Whether a list is shown from somewhere other than its start (by number or position)."""
    return any(name in request.GET for name in PAGE_PARAMETERS)


def for_listing(request, title, description, trail=(), structured_data=()) -> PageMeta:
    """A list of posts (or of columnists); `trail` holds (name, path) breadcrumbs below home.
    Later pages keep only what a crawler needs to follow their links."""
    if is_later_page(request):
        url = main_url(request.get_full_path())
        return PageMeta(title, summary(description), url, canonical=False, robots=NOINDEX)
    data = list(structured_data)
    if trail:
        data.append(jsonld.breadcrumbs([(settings.SITE_NAME, reverse("blog:index")), *trail]))
    return PageMeta(title, summary(description), main_url(request.path), structured_data=data)


def for_index(request) -> PageMeta:
    return for_listing(
        request, settings.SITE_NAME, site_description(), structured_data=[jsonld.website()]
    )


def for_section(request, section) -> PageMeta:
    description = section.description or _("Columns in the section “%(name)s”.") % {
        "name": section.name
    }
    return for_listing(
        request, section.name, description, [(section.name, section.get_absolute_url())]
    )


def for_tag(request, tag) -> PageMeta:
    description = _("Columns about “%(name)s”.") % {"name": tag.name}
    return for_listing(request, tag.name, description, [(tag.name, tag.get_absolute_url())])


def for_author(request, author) -> PageMeta:
    description = " ".join(filter(None, [author.position, html_text(author.bio)])) or (
        _("Columns by %(name)s.") % {"name": author.name}
    )
    trail = [
        (_("Columnists"), reverse("authors:list")),
        (author.name, author.get_absolute_url()),
    ]
    meta = for_listing(request, author.name, description, trail, [jsonld.profile_page(author)])
    meta.type = "profile"
    meta.image = Image(file_url(author.photo), author.photo_alt) if author.photo else None
    return meta


def for_search(request) -> PageMeta:
    return PageMeta(
        title=_("Search"),
        description=site_description(),
        url=main_url(request.get_full_path()),
        canonical=False,
        robots=NOINDEX,
    )
