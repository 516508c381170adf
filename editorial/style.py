"""House style: find the variant spellings the style rules flag in a post."""

import re
from dataclasses import dataclass

from blog.models import StyleRule
from blog.plaintext import html_lines


@dataclass(frozen=True)
class StyleFinding:
    variant: str
    count: int
    preferred: str
    note: str


def post_text(post) -> str:
    """Everything of `post` the house style covers: title, lead, key points and body."""
    key_points = [point.text for point in post.key_points.all()]
    return "\n".join([post.title, post.lead, *key_points, *html_lines(post.body)])


def count_word(word: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def check_text(text: str, rules) -> list[StyleFinding]:
    return [
        StyleFinding(variant, count, rule.preferred, rule.note)
        for rule in rules
        for variant in rule.variant_list
        if (count := count_word(variant, text))
    ]


def check_post(post) -> list[StyleFinding]:
    return check_text(post_text(post), StyleRule.objects.all())
