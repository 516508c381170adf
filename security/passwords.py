from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class DistinctCharactersValidator:
    """Refuse passwords made of a handful of characters repeated ("aaaaaaaaaaaa", "abababab…")."""

    def __init__(self, min_distinct=6):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        if len(set(password)) < self.min_distinct:
            raise ValidationError(
                _("This password repeats too few different characters."), code="too_repetitive"
            )

    def get_help_text(self):
        return ngettext(
            "Your password must use at least %(count)d different character.",
            "Your password must use at least %(count)d different characters.",
            self.min_distinct,
        ) % {"count": self.min_distinct}
