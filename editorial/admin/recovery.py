"""Saving a post that is gone (another editor deleted it, or it is no longer the writer's)
loses nothing: the add form comes back filled with everything that was sent, unsaved, and
saving it keeps the text as a new draft."""

import re

from django.contrib.admin.utils import unquote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from security import form_rescue

MISSING_NOTE = _(
    "The post you were editing no longer exists (someone may have deleted it), so nothing "
    "was saved. Everything you sent is in the form below: save it to keep it as a new draft."
)


class MissingPostRecovery:
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if self.saves_a_missing_post(request, object_id):
            data = self.as_new_post(request, request.POST)
            request = form_rescue.as_posted(request, data, MISSING_NOTE)
            object_id, form_url = None, reverse("admin:blog_post_add")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def saves_a_missing_post(self, request, object_id):
        return (
            request.method == "POST"
            and object_id is not None
            and self.has_add_permission(request)
            and self.get_object(request, unquote(object_id)) is None
        )

    def as_new_post(self, request, posted):
        """`posted` without what tied it to the missing post: its version, its inline rows'
        ids and their links to it."""
        data = posted.copy()
        data["version"] = ""
        for formset, _inline in self.get_formsets_with_inlines(request):
            prefix = formset.get_default_prefix()
            data[f"{prefix}-INITIAL_FORMS"] = "0"
            links = {formset.fk.name, formset.model._meta.pk.name}
            link = re.compile(rf"{re.escape(prefix)}-\d+-({'|'.join(map(re.escape, links))})")
            for name in [name for name in data if link.fullmatch(name)]:
                del data[name]
        return data
