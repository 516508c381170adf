"""Hostile request details made harmless before any view sees them.

- A NUL character: PostgreSQL refuses it in any query, so a filter, search or lookup built
  from one would fail with a server error. NUL characters are dropped from the query
  string (the page is then the one asked for without them); an address whose path holds
  one gets the 400 page. Form fields answer them with their own validation error.
- An admin bulk action on "selected" rows whose ids are not ids of that model: the admin
  would filter by them and fail with a server error, so the request gets the 400 page.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import BadRequest, ValidationError
from django.http import QueryDict

NUL = "\x00"


def has_nul(query: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in query.lists())


def without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


def check_selected_ids(model, values):
    try:
        for value in values:
            if NUL in value:
                raise ValidationError("NUL")
            model._meta.pk.to_python(value)
    except ValidationError as error:
        raise BadRequest("Selected rows are not ids") from error


class HostileRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path:
            raise BadRequest("NUL character in the address")
        if has_nul(request.GET):
            request.GET = without_nul(request.GET)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is not None and request.method == "POST":
            check_selected_ids(model_admin.model, request.POST.getlist(ACTION_CHECKBOX_NAME))
