"""No typing lost to an ended session: an admin add or change form posted after the session
ended is kept on the server and given back, unsaved, once its editor has logged in again.

Only the editor who opened the form gets it back: the form carries a signed token naming
them, and the kept copy (in the browser's new session) is handed out only to that user, only
on the same admin address and only within `KEPT_FOR`. It can be planted by no one else: the
POST that stores it has passed the CSRF check, and its token must be signed by this site.
"""

import time

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

SESSION_KEY = "admin_form_rescue"
TOKEN_FIELD = "_editor"
SALT = "columnist.security.form-rescue"
KEPT_FOR = 15 * 60  # seconds
NOT_KEPT = {"csrfmiddlewaretoken", TOKEN_FIELD}

KEPT_MESSAGE = _(
    "Your session had ended, so your changes were not saved yet. Log in again within "
    "%(minutes)d minutes and the form comes back with everything you typed."
)
RESTORED_NOTE = _(
    "You were logged out before this form was saved. It is back as you left it: check it "
    "and save again."
)


def editor_token(user) -> str:
    return signing.dumps(user.pk, salt=SALT)


def keep(request) -> bool:
    """Keep the form `request` posts, if it names its editor with a valid token."""
    try:
        editor = signing.loads(request.POST.get(TOKEN_FIELD, ""), salt=SALT)
    except signing.BadSignature:
        return False
    request.session[SESSION_KEY] = {
        "path": request.path,
        "editor": editor,
        "kept_at": time.time(),
        "data": [item for item in request.POST.lists() if is_typed(item[0])],
    }
    messages.warning(request, KEPT_MESSAGE % {"minutes": KEPT_FOR // 60})
    return True


def take(request) -> QueryDict | None:
    """The form kept for this user and address (and forget it), or None."""
    kept = request.session.get(SESSION_KEY)
    if not kept:
        return None
    if time.time() - kept["kept_at"] > KEPT_FOR:
        del request.session[SESSION_KEY]
        return None
    if kept["path"] != request.path or kept["editor"] != request.user.pk:
        return None
    del request.session[SESSION_KEY]
    return as_form_data(kept["data"])


def as_form_data(fields) -> QueryDict:
    """A form's data from its (name, list of values) pairs, as a POST would bring it."""
    data = QueryDict(mutable=True)
    for name, values in fields:
        data.setlist(name, values)
    return data


def is_typed(name):
    """Fields, not the CSRF token, the editor token or the pressed button (`_save`…)."""
    return name not in NOT_KEPT and not name.startswith("_")


def as_posted(request, data, note):
    """Turn `request` into the POST of `data`, with `note` to show as the form's error, so
    that the admin shows the form bound to `data` and saves nothing (see FormRescueMixin)."""
    request.method = "POST"
    request._post, request._files = data, MultiValueDict()
    request.form_rescue_note = note
    return request


def with_note(form_class, note):
    """`form_class`, always invalid with `note` as its first error: shown, never saved."""

    def clean(self):
        self.add_error(None, ValidationError(note, code="rescued"))
        return super(noted, self).clean()

    noted = type(form_class.__name__, (form_class,), {"clean": clean})
    return noted


class FormRescueMixin:
    """For a ModelAdmin whose add and change forms are kept when the session ends (the site,
    security.admin_site, keeps them; this gives them back)."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "GET" and (data := take(request)) is not None:
            request = as_posted(request, data, RESTORED_NOTE)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        note = getattr(request, "form_rescue_note", None)
        return with_note(form, note) if note else form

    def render_change_form(self, request, context, *args, **kwargs):
        context["form_rescue_token"] = editor_token(request.user)
        return super().render_change_form(request, context, *args, **kwargs)


def keeps_forms_of(view) -> bool:
    """Whether `view` is the add or change view of a ModelAdmin with FormRescueMixin."""
    model_admin = getattr(view, "__self__", None)
    return isinstance(model_admin, FormRescueMixin) and view.__name__ in {
        "add_view",
        "change_view",
    }
