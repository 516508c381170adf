"""The one allowlist for every rich-text field, and the field that applies it on save.

Rich text is also bounded before it is sanitised: the sanitiser's time grows with the square
of the nesting depth, so a text over the size or depth limit (settings RICH_TEXT_MAX_CHARS,
RICH_TEXT_MAX_DEPTH) is refused by one cheap scan and never reaches it.
"""

import re

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from .plaintext import TAG

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


# Elements that never hold others, so never deepen the nesting.
VOID_TAGS = re.compile(r"area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr")
# Elements an opening tag of the same name closes when it is the innermost open one.
SELF_CLOSING_SIBLINGS = frozenset({"p", "li"})


def _grouped(number: int) -> str:
    return number_format(number, force_grouping=True)


def _close(open_tags: list[str], name: str) -> None:
    """Close the innermost open `name` and all opened inside it; a stray end tag closes none."""
    if name in open_tags:
        del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name) :]


def _deepest_nesting_over(html: str, limit: int) -> bool:
    """Whether `html` nests elements more than `limit` deep; stops at the first such tag.
    Tags left open count as open, so a malformed text is judged deeper, never shallower."""
    open_tags: list[str] = []
    for tag in TAG.finditer(html):
        closing, name = tag[1], tag[2].lower()
        if closing:
            _close(open_tags, name)
        elif name.isalnum() and not VOID_TAGS.fullmatch(name):
            if name in SELF_CLOSING_SIBLINGS and open_tags[-1:] == [name]:
                open_tags.pop()
            open_tags.append(name)
            if len(open_tags) > limit:
                return True
    return False


def validate_rich_text_limits(html: str) -> None:
    """Refuse rich text too long or nested too deeply to sanitise in a moment."""
    length, max_chars = len(html or ""), settings.RICH_TEXT_MAX_CHARS
    if length > max_chars:
        raise ValidationError(
            _(
                "This text is %(length)s characters long; the limit is %(limit)s characters. "
                "Please shorten it or split it into more than one post."
            ),
            code="rich_text_too_long",
            params={"length": _grouped(length), "limit": _grouped(max_chars)},
        )
    if _deepest_nesting_over(html or "", settings.RICH_TEXT_MAX_DEPTH):
        raise ValidationError(
            _(
                "This text nests elements (quotes, lists, emphasis …) more than %(limit)s "
                "levels deep, which is the limit. Please flatten it."
            ),
            code="rich_text_too_deep",
            params={"limit": settings.RICH_TEXT_MAX_DEPTH},
        )


def sanitize_html(html: str, *, base_url: str | None = None) -> str:
    """Return `html` reduced to the allowlist: safe to render as it is. With `base_url`,
    relative links and images are made absolute against it (for feeds and mail)."""
    return nh3.clean(
        html or "",
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        url_relative=("rewrite_with_base", base_url) if base_url else "pass_through",
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


class RichTextFormField(ProseEditorFormField):
    """The editor's form field; an editor left empty submits an empty string."""

    EMPTY = re.compile(r"(\s*<p>\s*(<br>)?\s*</p>)*\s*")
    default_validators = [validate_rich_text_limits]

    def to_python(self, value):
        text = super().to_python(value)
        return "" if self.EMPTY.fullmatch(text) else text


class RichTextField(models.TextField):
    """A text field holding HTML that is bounded and sanitised every time the model is saved."""

    def pre_save(self, model_instance, add):
        html = getattr(model_instance, self.attname)
        validate_rich_text_limits(html)
        clean = sanitize_html(html)
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


def clean_rich_text_fields(instance) -> None:
    """Bound and sanitise each rich-text field of `instance`, for saves that skip `pre_save`
    (restoring an export). The field's verbose name is put before a refusal's message."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, RichTextField):
            try:
                field.pre_save(instance, add=False)
            except ValidationError as error:
                raise ValidationError(f"{field.verbose_name}: {error.messages[0]}") from error
