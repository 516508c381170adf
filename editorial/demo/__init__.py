"""The demo content: one real column, its author, its section and its disclaimer."""

from pathlib import Path

from django.db import transaction

from authors.models import Author
from blog.models import Disclaimer, Post, Section, StyleRule
from editorial.essay_format import parse_essay
from editorial.importing import import_essay

ESSAY_PATH = Path(__file__).resolve().parent / "essay.txt"
ESSAY_TITLE = "Why Belarus and Kazakhstan took different paths"
ESSAY_TAGS = [
    "Belarus",
    "Kazakhstan",
    "Russia",
    "CSTO",
    "War in Ukraine",
    "Lukashenka",
    "Tokayev",
]
# The essay spells both presidents' names more than one way; the house style settles them.
STYLE_RULES = {"Tokayev": ["Tokaev", "Takaev"], "Lukashenka": ["Lukashenko"]}
EDITORIAL_POSITION = (
    "The opinions expressed in the blogs represent the views of the authors themselves "
    "and do not necessarily reflect the editorial position."
)


@transaction.atomic
def load_demo() -> Post:
    disclaimer, _ = Disclaimer.objects.get_or_create(
        name="Editorial position (blogs)",
        defaults={"text": f"<p>{EDITORIAL_POSITION}</p>"},
    )
    section, _ = Section.objects.get_or_create(
        slug="blogs", defaults={"name": "Blogs", "default_disclaimer": disclaimer}
    )
    author, _ = Author.objects.get_or_create(
        slug="valer-karbalevich",
        defaults={
            "name": "Valer Karbalevich",
            "birth_year": 1955,
            "education": (
                "Graduated from the history faculty of BSU, candidate of historical sciences, "
                "associate professor."
            ),
            "position": "Radio Svaboda political commentator",
            "email": "karbalevich@gmail.com",
        },
    )
    post, _ = import_essay(
        parse_essay(ESSAY_PATH.read_text(encoding="utf-8")),
        title=ESSAY_TITLE,
        author=author,
        section=section,
        tags=ESSAY_TAGS,
        status=Post.Status.PUBLISHED,
    )
    for preferred, variants in STYLE_RULES.items():
        StyleRule.objects.get_or_create(
            preferred=preferred, defaults={"variants": "\n".join(variants)}
        )
    return post
