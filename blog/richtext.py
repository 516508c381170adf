"""The one allowlist for every rich-text field, and the field that applies it on save."""

import re

import nh3
from django.db import models
from django_prose_editor.fields import ProseEditorFormField

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

# What the admin's editor offers: every tag of the allowlist above and no other. Its schema
# drops whatever it cannot represent, both in a saved text it loads and in text pasted from
# Word or Google Docs; the extra attributes it writes (an image's width, a figure's class)
# are stripped on save.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": sorted(ALLOWED_URL_SCHEMES)},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Figure": True,
    "Caption": True,
    "Image": True,
}


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


class RichTextFormField(ProseEditorFormField):
    """The editor's form field; an editor left empty submits an empty string."""

    EMPTY = re.compile(r"(\s*<p>\s*(<br>)?\s*</p>)*\s*")

    def to_python(self, value):
        text = super().to_python(value)
        return "" if self.EMPTY.fullmatch(text) else text


class RichTextField(models.TextField):
    """A text field holding HTML that is sanitised every time the model is saved."""

    def pre_save(self, model_instance, add):
        clean = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, clean)
        return clean

    def formfield(self, **kwargs):
        """A rich-text editor; what it submits is still cleaned by `sanitize_html` on save."""
        editor = {
            "form_class": RichTextFormField,
            "config": {"extensions": EDITOR_EXTENSIONS},
            "preset": "configurable",
        }
        return super().formfield(**editor | kwargs)
