"""The text of a post's Telegram message, in the Bot API's HTML (parse_mode "HTML").

The title in bold, the "Briefly" points as a list, a link to the column and, when the site
has a mirror, one to read it there without a VPN. Text is escaped for Telegram's HTML
subset (only `&`, `<`, `>` and, in addresses, `"` need it). A message holds at most 4096
characters: the title and links always fit, and the points that would not fit are left
out whole, with a last "…" to say so.
"""

import hashlib
from html import escape

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from blog.links import absolute_url

from .mirrors import mirror_url

MAX_LENGTH = 4096
MORE = "…"


def length(markup: str) -> int:
    """An upper bound of what Telegram counts: UTF-16 units, tags and entities included."""
    return len(markup.encode("utf-16-le")) // 2


def link(url: str, label: str) -> str:
    return f'<a href="{escape(url, quote=True)}">{escape(label, quote=False)}</a>'


def message_text(post) -> str:
    speaks = post.language if post.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(speaks):
        links = [link(absolute_url(post.get_absolute_url()), _("Read the column"))]
        mirror = mirror_url(post)
        if mirror:
            links.append(link(mirror, _("Read without VPN")))
    head = f"<b>{escape(post.title, quote=False)}</b>"
    tail = "\n".join(links)
    room = MAX_LENGTH - length(head) - length(tail) - len("\n\n\n\n")
    points = fitting_points(post, room)
    return "\n\n".join(part for part in [head, "\n".join(points), tail] if part)


def fitting_points(post, room: int) -> list[str]:
    """The post's points as list lines, as many whole ones as `room` holds."""
    texts = [" ".join(point.text.split()) for point in post.key_points.all()]
    lines = [f"• {escape(text, quote=False)}" for text in texts]
    kept = []
    for position, line in enumerate(lines, start=1):
        more_follow = position < len(lines)
        needed = length(line) + 1 + (length(MORE) + 1 if more_follow else 0)
        if needed > room:
            return [*kept, MORE]
        kept.append(line)
        room -= length(line) + 1
    return kept


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
