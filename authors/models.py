from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from blog.plaintext import NormalSlugField, OneLineField, PlainTextField
from blog.richtext import RichTextField
from security.uploads import RandomName, SafeImageField


def validate_links(text):
    """One http(s) address per line."""
    for line in text.split():
        URLValidator(schemes=["http", "https"])(line)


class AuthorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Author(models.Model):
    name = OneLineField(_("name"), max_length=200)
    is_pen_name = models.BooleanField(
        _("pen name"),
        default=False,
        help_text=_(
            "The name is a pseudonym. Readers, feeds, mails and exports see only this "
            "profile’s public fields (leave out anything that could identify the writer); the "
            "linked login and the legal name are shown only to those allowed to know who "
            "writes under a pen name."
        ),
    )
    slug = NormalSlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    photo = SafeImageField(_("photo"), upload_to=RandomName("authors"), blank=True)
    photo_alt = OneLineField(
        _("photo alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describe the photo for readers who cannot see it."),
    )
    position = OneLineField(
        _("position"),
        max_length=200,
        blank=True,
        help_text=_("For example: Radio Svaboda political commentator."),
    )
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    education = PlainTextField(
        _("education and academic degrees"), blank=True, help_text=_("Plain text.")
    )
    bio = RichTextField(_("biography"), blank=True)
    email = models.EmailField(_("public email"), blank=True)
    profile_links = models.TextField(
        _("profiles elsewhere"),
        blank=True,
        validators=[validate_links],
        help_text=_(
            "Addresses of the author’s pages on other sites (Wikipedia, social networks), "
            "one per line. Search engines use them to tell who the author is."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
    )
    legal_name = OneLineField(
        _("legal name"),
        max_length=200,
        blank=True,
        help_text=_(
            "The writer’s real name. Never shown to readers; in the admin only to those allowed "
            "to know who writes under a pen name."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        permissions = [
            ("view_pen_name_identity", _("Can see who writes under a pen name")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("authors:detail", kwargs={"slug": self.slug})

    @property
    def profile_urls(self):
        return self.profile_links.split()

    @property
    def initials(self):
        return "".join(word[0] for word in self.name.split()[:2]).upper()
