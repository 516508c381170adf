"""Requests no view should see, answered with the 400 page before they reach one.

- A NUL character in the address or query string: no page needs one, and PostgreSQL
  refuses it in any query, so a filter, search or lookup built from it would fail with a
  server error. (Form fields answer NUL characters with their own validation error.)
- An admin bulk action on "selected" rows whose ids are not ids of that model: the admin
  would filter by them and fail with a server error.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import BadRequest, ValidationError


def has_nul(request):
    return "\x00" in request.path or any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )


def check_selected_ids(model, values):
    try:
        for value in values:
            if "\x00" in value:
                raise ValidationError("NUL")
            model._meta.pk.to_python(value)
    except ValidationError as error:
        raise BadRequest("Selected rows are not ids") from error


class HostileRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            raise BadRequest("NUL character in the address")
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is not None and request.method == "POST":
            check_selected_ids(model_admin.model, request.POST.getlist(ACTION_CHECKBOX_NAME))
