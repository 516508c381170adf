"""The forms of a page that only the running app can answer, replaced in the edition.

The subscribe form becomes a note that sends the reader to STATIC_EDITION_SUBSCRIBE_URL —
a host that runs the app (its own page, since the app refuses a form posted from another
site) — or, without one, says how to subscribe by mail. The language switcher is left
out: the edition is written in one language, LANGUAGE_CODE.
"""

import re
from email.utils import parseaddr

from django.conf import settings
from django.template.loader import render_to_string

SUBSCRIBE_FORM = re.compile(r'<form class="subscribe-form".*?</form>', re.DOTALL)
LANGUAGE_SWITCHER = re.compile(r'<form class="language-switcher".*?</form>\s*', re.DOTALL)


def without_app_forms(html: str) -> str:
    html = LANGUAGE_SWITCHER.sub("", html)
    if not SUBSCRIBE_FORM.search(html):
        return html
    note = render_to_string("edition/subscribe_elsewhere.html", subscribe_context()).strip()
    return SUBSCRIBE_FORM.sub(lambda match: note, html)


def subscribe_context() -> dict:
    return {
        "subscribe_url": settings.STATIC_EDITION_SUBSCRIBE_URL,
        "subscribe_email": settings.STATIC_EDITION_SUBSCRIBE_EMAIL
        or parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }
