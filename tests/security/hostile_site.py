"""A site whose every reader-visible field is filled with the XSS corpus.

Fields with a length limit (titles, names, tags…) get the vectors packed into as few
values as fit; text and rich-text fields get the whole corpus. The first post, author and
section carry everything; the others carry the rest of the packed titles and names.
"""

from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from authors.models import Author
from blog.models import Correction, Disclaimer, KeyPoint, Post, PostAuthor, Section, Tag
from blog.pagination import Position

from .xss_vectors import VECTORS

SEARCHES = ["script xss", "img onerror", "svg onload", "javascript"]


def pack(vectors, limit):
    """The vectors joined by spaces into strings of at most `limit` characters."""
    chunks, current = [], ""
    for vector in (vector[:limit] for vector in vectors):
        if current and len(current) + 1 + len(vector) > limit:
            chunks.append(current)
            current = ""
        current = f"{current} {vector}" if current else vector
    return [*chunks, current]


def png(name):
    output = BytesIO()
    Image.new("RGB", (8, 8), "#222").save(output, format="PNG")
    return ContentFile(output.getvalue(), name=name)


@dataclass
class HostileSite:
    posts: list
    authors: list
    sections: list
    tags: list

    def pages(self):
        """The pages that together show every hostile field in every context at least once:
        every post page (titles in <title>, headings and structured data), every listing
        page (every title in a card), two pages of each other kind, and search results that
        highlight the hostile posts."""
        return [*(post.get_absolute_url() for post in self.posts[1:]), *self.sample_pages()]

    def sample_pages(self):
        """The pages above, but for only the first, second and last post."""
        author, section, tag = self.authors[0], self.sections[0], self.tags[0]
        return [
            *(post.get_absolute_url() for post in [self.posts[0], self.posts[1], self.posts[-1]]),
            author.get_absolute_url(),
            self.authors[-1].get_absolute_url(),
            section.get_absolute_url(),
            self.sections[-1].get_absolute_url(),
            tag.get_absolute_url(),
            self.tags[-1].get_absolute_url(),
            *self.listing_pages(),
            reverse("authors:list"),
            reverse("blog:corrections"),
            reverse("blog:archive"),
            *(f"{reverse('blog:search')}?q={query}" for query in SEARCHES),
        ]

    def listing_pages(self):
        """The front page and each older page of it, so every title shows in a card."""
        size = settings.POSTS_PER_PAGE
        return [reverse("blog:index")] + [
            f"{reverse('blog:index')}?older={Position.of(post)}"
            for post in self.posts[size - 1 : -1 : size]
        ]

    def feeds(self):
        section, tag, author = self.sections[0], self.tags[0], self.authors[0]
        return [
            *(reverse(f"blog:feed_{kind}") for kind in ["rss", "atom", "json"]),
            *(
                reverse(f"blog:section_feed_{kind}", args=[section.slug])
                for kind in ["rss", "atom"]
            ),
            *(reverse(f"blog:tag_feed_{kind}", args=[tag.slug]) for kind in ["rss", "atom"]),
            *(
                reverse(f"authors:feed_{kind}", args=[author.slug])
                for kind in ["rss", "atom", "json"]
            ),
        ]


def build_hostile_site(vectors=VECTORS) -> HostileSite:
    everything = "\n\n".join(vectors)
    disclaimer = Disclaimer.objects.create(name="hostile", text=everything, placement="before")
    sections = [
        Section.objects.create(
            name=name, slug=f"hostile-{n}", description=everything, default_disclaimer=disclaimer
        )
        for n, name in enumerate(pack(vectors, 200))
    ]
    authors = _authors(vectors, everything)
    posts = _posts(vectors, everything, sections[0], authors)
    return HostileSite(
        posts=posts, authors=authors, sections=sections, tags=list(posts[0].tags.all())
    )


def _authors(vectors, everything):
    positions = pack(vectors, 200)
    authors = [
        Author.objects.create(
            name=name, slug=f"hostile-{n}", position=positions[n % len(positions)], photo_alt=name
        )
        for n, name in enumerate(pack(vectors, 200))
    ]
    first = authors[0]
    first.education = first.bio = everything
    first.profile_links = "\n".join(vectors)
    first.photo = png("photo.png")
    first.save()
    return authors


def _posts(vectors, everything, section, authors):
    seo_titles, seo_descriptions = pack(vectors, 120), pack(vectors, 300)
    now = timezone.now()
    posts = []
    for n, title in enumerate(pack(vectors, 300)):
        post = Post.objects.create(
            title=title,
            slug=f"hostile-{n}",
            section=section,
            lead=everything if n == 0 else title,
            body=everything if n == 0 else "<p>Body.</p>",
            image=png("image.png"),
            image_alt=title,
            seo_title=seo_titles[n % len(seo_titles)],
            seo_description=seo_descriptions[n % len(seo_descriptions)],
            status=Post.Status.PUBLISHED,
            publish_at=now - timedelta(minutes=n + 1),
        )
        credited = authors if n == 0 else authors[n % len(authors) : n % len(authors) + 1]
        PostAuthor.objects.bulk_create(
            PostAuthor(post=post, author=author, position=p) for p, author in enumerate(credited)
        )
        posts.append(post)
    _showcase_extras(posts[0], vectors)
    return posts


def _showcase_extras(post, vectors):
    KeyPoint.objects.bulk_create(
        KeyPoint(post=post, text=vector, position=n) for n, vector in enumerate(vectors)
    )
    for vector in vectors:
        Correction.objects.create(post=post, text=vector)
    post.tags.set(Tag.objects.resolve([vector[:100] for vector in vectors]))
