"""What a reader can follow: one columnist, one section, or the whole blog.

A target travels through forms as a short value: "author:<pk>", "section:<pk>" or "blog".
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from authors.models import Author
from blog.models import Section

BLOG = "blog"


@dataclass(frozen=True)
class Target:
    author: Author | None = None
    section: Section | None = None

    @property
    def value(self) -> str:
        if self.author:
            return f"author:{self.author.pk}"
        if self.section:
            return f"section:{self.section.pk}"
        return BLOG

    @property
    def label(self) -> str:
        if self.author:
            return _("Columns by %(name)s") % {"name": self.author.name}
        if self.section:
            return _("Columns in “%(name)s”") % {"name": self.section.name}
        return _("All columns")

    @classmethod
    def parse(cls, value: str) -> "Target | None":
        """The target a form value names, or None when it names nothing that exists."""
        if value == BLOG:
            return cls()
        kind, _colon, pk = value.partition(":")
        candidates = {"author": Author.objects.active(), "section": Section.objects.all()}
        if kind not in candidates or not pk.isdigit():
            return None
        found = candidates[kind].filter(pk=pk).first()
        return cls(**{kind: found}) if found else None


def offered_targets(author: Author | None = None, section: Section | None = None) -> list[Target]:
    """The choices a page offers, most specific first; the whole blog is always among them."""
    specific = [Target(author=author)] if author else []
    specific += [Target(section=section)] if section else []
    return [*specific, Target()]


def all_targets() -> list[Target]:
    """Everything a subscriber can choose on their manage page."""
    authors = [Target(author=author) for author in Author.objects.active()]
    sections = [Target(section=section) for section in Section.objects.all()]
    return [Target(), *authors, *sections]
