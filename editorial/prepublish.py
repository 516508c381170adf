"""What a post needs before readers may see it. Publishing is refused until it has all."""

from html.parser import HTMLParser

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from blog.plaintext import html_lines
from library.body import foreign_images


class _ImagesWithoutAlt(HTMLParser):
    def __init__(self):
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img" and not (dict(attrs).get("alt") or "").strip():
            self.count += 1


def images_without_alt(markup: str) -> int:
    parser = _ImagesWithoutAlt()
    parser.feed(markup or "")
    return parser.count


def _authors(post):
    return None if post.credits.exists() else _("Add at least one author.")


def _section(post):
    return None if post.section_id else _("Choose a section.")


def _lead(post):
    return None if post.lead.strip() else _("Write a lead.")


def _body(post):
    return None if html_lines(post.body) else _("Write the body: it is empty.")


def _image_alt(post):
    missing = images_without_alt(post.body) + bool(post.image and not post.image_alt.strip())
    if not missing:
        return None
    return ngettext(
        "%(count)d image has no alt text: describe it for readers who cannot see it.",
        "%(count)d images have no alt text: describe them for readers who cannot see them.",
        missing,
    ) % {"count": missing}


def _foreign_images(post):
    foreign = foreign_images(post.body)
    if not foreign:
        return None
    return ngettext(
        "%(count)d image in the body is not from the media library (%(addresses)s): "
        "upload it from the editor, so that readers' browsers ask no other site for it.",
        "%(count)d images in the body are not from the media library (%(addresses)s): "
        "upload them from the editor, so that readers' browsers ask no other site for them.",
        len(foreign),
    ) % {"count": len(foreign), "addresses": ", ".join(foreign)}


CHECKS = [_authors, _section, _lead, _body, _image_alt, _foreign_images]


def publication_problems(post) -> list[str]:
    """Why `post` (saved, with its authors) may not be published; empty when it may."""
    return [problem for check in CHECKS if (problem := check(post))]
