"""Admin searches use their first MAX_SEARCH_TERMS words (or quoted phrases).

Each word of an admin search becomes an OR over the search fields, and the words are ANDed:
a thousand words build an SQL expression deeper than SQLite allows (a 500). Beyond a dozen
words a search finds nothing more anyway.
"""

from django.contrib import messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.utils.text import smart_split
from django.utils.translation import ngettext

MAX_SEARCH_TERMS = 12


def capped_search(search_term):
    """The first MAX_SEARCH_TERMS terms of `search_term`, and how many were left out."""
    terms = list(smart_split(search_term))
    return " ".join(terms[:MAX_SEARCH_TERMS]), max(len(terms) - MAX_SEARCH_TERMS, 0)


class CappedSearch:
    """For a ModelAdmin: its changelist and the autocomplete it serves search the capped terms;
    the changelist says how many words it left out."""

    def get_search_results(self, request, queryset, search_term):
        kept, _left_out = capped_search(search_term)
        return super().get_search_results(request, queryset, kept)

    def changelist_view(self, request, extra_context=None):
        _kept, left_out = capped_search(request.GET.get(SEARCH_VAR, ""))
        if left_out:
            messages.warning(
                request,
                ngettext(
                    "Only the first %(limit)d words were searched for; %(count)d word was "
                    "left out.",
                    "Only the first %(limit)d words were searched for; %(count)d words were "
                    "left out.",
                    left_out,
                )
                % {"limit": MAX_SEARCH_TERMS, "count": left_out},
            )
        return super().changelist_view(request, extra_context)
