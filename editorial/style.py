"""House style: find the variant spellings the style rules flag in a post."""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from blog.models import StyleRule
from blog.plaintext import TAG, html_lines


@dataclass(frozen=True)
class StyleFinding:
    variant: str
    count: int
    preferred: str
    note: str
    rule_id: int | None = None


def post_text(post) -> str:
    """Everything of `post` the house style covers: title, lead, key points and body."""
    key_points = [point.text for point in post.key_points.all()]
    return "\n".join([post.title, post.lead, *key_points, *html_lines(post.body)])


def whole_word(word: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def count_word(word: str, text: str) -> int:
    return len(whole_word(word).findall(text))


def check_text(text: str, rules) -> list[StyleFinding]:
    return [
        StyleFinding(variant, count, rule.preferred, rule.note, rule.pk)
        for rule in rules
        for variant in rule.variant_list
        if (count := count_word(variant, text))
    ]


def check_post(post) -> list[StyleFinding]:
    return check_text(post_text(post), StyleRule.objects.all())


def replace_in_markup(markup: str, variant: str, preferred: str) -> str:
    """`markup` with `variant` changed to `preferred` in its text, never inside a tag (an
    address or an attribute keeps its spelling)."""
    pattern = whole_word(variant)
    pieces, position = [], 0
    for tag in TAG.finditer(markup):
        pieces += [pattern.sub(preferred, markup[position : tag.start()]), tag[0]]
        position = tag.end()
    return "".join([*pieces, pattern.sub(preferred, markup[position:])])


@transaction.atomic
def change_all(post, rule, variant: str, user) -> None:
    """Change every `variant` of `rule` in the post's title, lead, key points and body to the
    preferred form: one save, one new version."""
    if variant not in rule.variant_list:
        raise ValueError(variant)
    pattern = whole_word(variant)
    for point in post.key_points.all():
        if pattern.search(point.text):
            point.text = pattern.sub(rule.preferred, point.text)
            point.save(update_fields=["text"])
    post.title = pattern.sub(rule.preferred, post.title)
    post.lead = pattern.sub(rule.preferred, post.lead)
    post.body = replace_in_markup(post.body, variant, rule.preferred)
    post._history_user = user
    post._change_reason = gettext("House style: “%(variant)s” → “%(preferred)s”") % {
        "variant": variant,
        "preferred": rule.preferred,
    }
    post.save()
