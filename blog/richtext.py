"""The one allowlist for every rich-text field, and the field that applies it on save."""

import nh3
from django.db import models

ALLOWED_TAGS = frozenset(
    {
        "p",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "blockquote",
        "a",
        "strong",
        "em",
        "figure",
        "figcaption",
        "img",
        "br",
        "hr",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitize_html(html: str) -> str:
    """Return `html` reduced to the allowlist: safe to render as it is."""
    return nh3.clean(
        html or "",
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


class RichTextField(models.TextField):
    """A text field holding HTML that is sanitised every time the model is saved."""

    def pre_save(self, model_instance, add):
        clean = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, clean)
        return clean
