"""What a relation field in an admin form offers: the rule of the related model's changelist.

Every foreign key and many-to-many of every house admin form and inline (security.admin_options)
offers what the user may see of the related model in its own changelist — its model admin's
`get_queryset` — and nothing when they may not view that model at all. A value outside the
choices is refused as an invalid choice, so an author can neither read another author's draft
title through a `<select>` nor attach a post to it.

A form also keeps offering what its object already links to (a link an editor made), so that
saving it never drops a link silently.
"""

from django import forms
from django.contrib.admin import widgets
from django.contrib.admin.exceptions import NotRegistered
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q


def visible_choices(admin_site, model, request):
    """The `model` objects the user sees in its admin changelist, in its order; none if they
    may not view it (or it has no admin)."""
    try:
        related_admin = admin_site.get_model_admin(model)
    except NotRegistered:
        return model._default_manager.none()
    if not related_admin.has_view_permission(request):
        return model._default_manager.none()
    choices = model._default_manager.filter(pk__in=related_admin.get_queryset(request).values("pk"))
    ordering = related_admin.get_ordering(request)
    return choices.order_by(*ordering) if ordering else choices


def current_links(instance, name):
    """A condition matching the objects `instance` links to through its field `name`, or None."""
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if field.many_to_many:
        return Q(pk__in=getattr(instance, name).values("pk")) if instance.pk else None
    value = field.value_from_object(instance)
    return None if value is None else Q(**{field.target_field.attname: value})


class KeepsCurrentChoices(forms.ModelForm):
    """Adds what the instance already links to to each relation field's narrowed choices."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                self._keep_current(name, field)

    def _keep_current(self, name, field):
        linked = current_links(self.instance, name)
        if linked is not None:
            field.queryset = widened(field.queryset, linked)


def widened(narrowed, linked):
    manager = narrowed.model._default_manager
    ordering = narrowed.query.order_by or narrowed.model._meta.ordering
    return manager.filter(Q(pk__in=narrowed.values("pk")) | linked).order_by(*ordering)


class ParsedSelection:
    """An autocomplete widget that redisplays only submitted values its model can read: a
    hand-made "abc" for a numeric id is reported by the field as an invalid choice instead
    of failing the page that shows the error."""

    def optgroups(self, name, value, attr=None):
        target = self.field.remote_field.model._meta
        to_field = target.get_field(getattr(self.field.remote_field, "field_name", target.pk.name))
        return super().optgroups(name, [item for item in value if _reads(to_field, item)], attr)


class ReadableMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses values the model cannot read (such as an id beyond the database's integers) as
    invalid choices before asking the database about them."""

    def _check_values(self, value):
        meta = self.queryset.model._meta
        to_field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        for item in value:
            if not _reads(to_field, item):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super()._check_values(value)


def _reads(field, value):
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


class AutocompleteSelect(ParsedSelection, widgets.AutocompleteSelect):
    pass


class AutocompleteSelectMultiple(ParsedSelection, widgets.AutocompleteSelectMultiple):
    pass
