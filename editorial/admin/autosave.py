"""No lost work on the post form: its fields are autosaved as the writer types (by
static/js/post_form.js) without touching the post, and offered back when the form is opened
again with an autosave newer than the post's last save. Restoring shows the form filled with
the autosaved fields, unsaved (as security.form_rescue does after a lost login); saving the
form then goes through its usual checks and sanitising, and deletes the autosave."""

import json
import re
import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from editorial.models import Autosave
from editorial.times import local_time
from security import form_rescue

DRAFT_FIELD = "_autosave_draft"
DRAFT_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
RESTORED_NOTE = _(
    "This is the text autosaved while you were typing, not saved yet: check it and save."
)


class AutosaveViews:
    def get_urls(self):
        view = self.admin_site.admin_view
        autosave, discard = require_POST(self.autosave_view), require_POST(self.discard_view)
        urls = [
            path("autosave/", view(autosave), name="blog_post_autosave_new"),
            path("autosave/discard/", view(discard), name="blog_post_discard_new"),
            path("<path:object_id>/autosave/", view(autosave), name="blog_post_autosave"),
            path("<path:object_id>/autosave/discard/", view(discard), name="blog_post_discard"),
        ]
        return urls + super().get_urls()

    def autosave_view(self, request, object_id=None):
        if len(request.body) > settings.AUTOSAVE_MAX_BYTES:
            return JsonResponse(
                {"error": gettext("The form is too large to autosave.")}, status=413
            )
        post, draft = self.autosaved_form(request, object_id, request.GET.get("draft", ""))
        fields = _posted_fields(request.body)
        if fields is None:
            return JsonResponse({"error": gettext("Not a form to autosave.")}, status=400)
        saved = Autosave.objects.store(request.user, fields, post, draft)
        return JsonResponse({"saved_at": saved.saved_at.isoformat()})

    def discard_view(self, request, object_id=None):
        post, draft = self.autosaved_form(request, object_id, request.POST.get(DRAFT_FIELD, ""))
        Autosave.objects.of(request.user, post, draft).delete()
        messages.info(request, gettext("The autosaved text is discarded."))
        if post is None:
            return redirect("admin:blog_post_add")
        return redirect("admin:blog_post_change", post.pk)

    def autosaved_form(self, request, object_id, draft):
        """The post whose form is autosaved (None for the add form) and the add form's token;
        only for a user who may save that form."""
        if object_id is None:
            if not self.has_add_permission(request) or not DRAFT_TOKEN.fullmatch(draft):
                raise Http404
            return None, draft
        post = self.get_object(request, unquote(object_id))
        if post is None or not self.has_change_permission(request, post):
            raise Http404
        return post, ""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        restoring = request.method == "GET" and request.GET.get("autosave") == "restore"
        if restoring and (kept := self.offered_autosave(request, object_id)):
            data = form_rescue.as_form_data(kept.data.items())
            data[DRAFT_FIELD] = kept.draft
            request = form_rescue.as_posted(request, data, RESTORED_NOTE)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def offered_autosave(self, request, object_id):
        """The autosave to offer on this form: the user's newer than the post's last save, or
        for the add form the user's latest unsaved new post."""
        if object_id is None:
            return (
                Autosave.objects.filter(user=request.user, post=None).order_by("-saved_at").first()
            )
        post = self.get_object(request, unquote(object_id))
        if post is None or not self.has_change_permission(request, post):
            return None
        return Autosave.objects.newer_than_save(request.user, post)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        Autosave.objects.of(request.user, obj).delete()
        if draft := request.POST.get(DRAFT_FIELD):
            Autosave.objects.of(request.user, None, draft).delete()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        posted = request.method == "POST"
        draft = request.POST.get(DRAFT_FIELD, "") if posted else ""
        if add and not DRAFT_TOKEN.fullmatch(draft):
            draft = secrets.token_urlsafe(24)
        offer = None if posted else self.offered_autosave(request, obj and str(obj.pk))
        context |= {
            "autosave_url": _autosave_url(obj, draft),
            "autosave_draft": draft,
            "autosave_offer": offer,
            "autosave_offer_time": offer and local_time(offer.saved_at),
            "words_per_minute": settings.WORDS_PER_MINUTE,
        }
        return super().render_change_form(request, context, add, change, form_url, obj)


def _autosave_url(post, draft):
    if post is None:
        return f"{reverse('admin:blog_post_autosave_new')}?draft={draft}"
    return reverse("admin:blog_post_autosave", args=[post.pk])


def _posted_fields(body):
    """The fields of an autosave request ({"fields": {name: [values]}}), typed fields only;
    None if it is not that."""
    try:
        fields = json.loads(body).get("fields")
    except (ValueError, AttributeError):
        return None
    if not isinstance(fields, dict) or not all(
        isinstance(values, list) and all(isinstance(value, str) for value in values)
        for values in fields.values()
    ):
        return None
    return {name: values for name, values in fields.items() if form_rescue.is_typed(name)}
