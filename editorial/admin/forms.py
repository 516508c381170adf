"""The forms behind the post admin: edit-conflict refusal, the status comment, credits."""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from authors.identity import pen_name_of
from blog.models import Post
from editorial.prepublish import publication_problems
from editorial.revisions import latest_version
from editorial.times import local_time, zone_name
from security.admin_choices import (
    AutocompleteSelectMultiple,
    KeepsCurrentChoices,
    ReadableMultipleChoiceField,
)


def version_token(post) -> str:
    """Identifies the post's latest saved version ("" before its first)."""
    latest = latest_version(post) if post.pk else None
    return str(latest.history_id) if latest else ""


class PostAdminForm(KeepsCurrentChoices):
    version = forms.CharField(widget=forms.HiddenInput, required=False)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Recorded with a status change, e.g. what to fix before publishing."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["version"] = version_token(self.instance)
        if "publish_at" in self.fields:
            self.fields["publish_at"].help_text = _("Time in %(zone)s.") % {"zone": zone_name()}

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_stale_edit()
        self._keep_untouched_publication_time()
        return cleaned_data

    def changes_relations(self, formsets) -> bool:
        """Whether this save changes the post's tags, authors or key points."""
        return "tags" in self.changed_data or any(formset.has_changed() for formset in formsets)

    def _keep_untouched_publication_time(self):
        """The form shows the time to the second; left as it was, it keeps the stored
        fraction of a second, so that saving an unchanged form changes nothing (Post.save)."""
        untouched = "publish_at" in self.cleaned_data and "publish_at" not in self.changed_data
        if self.instance.pk and untouched:
            self.cleaned_data["publish_at"] = self.instance.publish_at

    def _post_clean(self):
        """A published post must keep passing the pre-publish checks when edited."""
        super()._post_clean()
        if self.instance.status == Post.Status.PUBLISHED:
            for problem in publication_problems(self.instance):
                self.add_error(None, problem)

    def _refuse_stale_edit(self):
        """Refuse to overwrite a version saved after this form was opened. The form is shown
        again with everything typed; saving it again then replaces that version knowingly."""
        current = version_token(self.instance)
        if self.cleaned_data.get("version", "") == current:
            return
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = current
        latest = latest_version(self.instance)
        raise ValidationError(
            _(
                "%(who)s saved this post at %(when)s, after you opened it, so your changes "
                "were not saved. They are all still in the form below. Open the post in "
                "another tab to see what changed; saving this form again replaces that version."
            ),
            code="stale",
            params={
                "who": _display_name(latest.history_user),
                "when": local_time(latest.history_date),
            },
        )


def _display_name(user):
    """Who saved a version, as anyone editing the post may read it: a pen-name writer by the
    pen name, never by the login or the names on it."""
    if user is None:
        return _("Someone")
    return pen_name_of(user) or user.get_full_name() or user.get_username()


class TagChoiceField(ReadableMultipleChoiceField):
    """The post's tags, at most settings.POST_MAX_TAGS of them (counted before any query)."""

    def clean(self, value):
        if isinstance(value, list | tuple) and len(set(value)) > settings.POST_MAX_TAGS:
            raise ValidationError(
                _("A post can have at most %(limit)s tags; chosen: %(count)s."),
                code="too_many_tags",
                params={"limit": settings.POST_MAX_TAGS, "count": len(set(value))},
            )
        return super().clean(value)


def tag_field(db_field, admin_site, request, choices):
    """Tags chosen with the admin's autocomplete among `choices`; who may add tags gets a "+"
    beside it."""
    widget = RelatedFieldWidgetWrapper(
        AutocompleteSelectMultiple(db_field, admin_site),
        db_field.remote_field,
        admin_site,
        can_add_related=request.user.has_perm("blog.add_tag"),
    )
    return TagChoiceField(
        queryset=choices,
        required=False,
        label=db_field.verbose_name.capitalize(),
        widget=widget,
    )


class CreditForm(KeepsCurrentChoices):
    def has_changed(self):
        """A new credit filled in in advance (the writer's own) is saved like a typed one."""
        return super().has_changed() or (self.instance.pk is None and bool(self["author"].value()))


class CreditFormSet(forms.BaseInlineFormSet):
    """At least one author; and a writer who is not an editor stays among them."""

    required_author = None

    def clean(self):
        super().clean()
        chosen = [
            form.cleaned_data["author"]
            for form in self.forms
            if form.cleaned_data.get("author") and not self._should_delete_form(form)
        ]
        if not chosen:
            raise ValidationError(_("A post needs at least one author."))
        if self.required_author and self.required_author not in chosen:
            raise ValidationError(
                _("Keep yourself (%(name)s) among the authors, or the post leaves your hands."),
                params={"name": self.required_author.name},
            )
