"""Small helpers for the newsletter tests."""

import re

from django.core import mail

SITE = "https://columnist.example"
LINK = re.compile(re.escape(SITE) + r"(/newsletter/(?:confirm|unsubscribe|manage)/[^/\s\"]+/)")


def subscribe(client, email, follow="blog", **extra):
    return client.post("/newsletter/", {"email": email, "follow": follow, "website": ""}, **extra)


def link_in(message, kind):
    """The site path of the first `kind` link (confirm, unsubscribe, manage) in a mail."""
    for match in LINK.finditer(message.body):
        if f"/newsletter/{kind}/" in match.group(1):
            return match.group(1)
    raise AssertionError(f"no {kind} link in {message.body!r}")


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def subscribe_and_confirm(client, address, **extra):
    """Subscribe through the form, then press the button behind the mailed link."""
    subscribe(client, address, **extra)
    return client.post(link_in(mails_to(address)[-1], "confirm"), **extra)
