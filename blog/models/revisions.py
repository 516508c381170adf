from django.db import models


class RevisionSnapshot(models.Model):
    """Base of every historical post: the relations simple-history does not record itself
    (ordered authors, key points, tags), as filled in by editorial.revisions."""

    relations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True


class KnowsItsChanges:
    """A model that remembers the values it was read (or last saved) with, so that a save
    can tell whether it changes anything. `updated_at` is not a change of its own."""

    UNTRACKED = frozenset({"updated_at"})

    def field_values(self) -> dict:
        """The loaded fields' values (files by name)."""
        return {
            field.attname: self.__dict__[field.attname]
            for field in self._meta.concrete_fields
            if field.attname in self.__dict__ and field.attname not in self.UNTRACKED
        }

    def remember_stored_values(self):
        self._stored = self.field_values()

    def changed_fields(self) -> set[str]:
        """The fields whose value differs from the stored row's; all of them for a row not
        read from the database."""
        stored = getattr(self, "_stored", None)
        if stored is None or self._state.adding:
            return {field.attname for field in self._meta.concrete_fields}
        return {
            name
            for name, value in self.field_values().items()
            if name not in stored or value != stored[name]
        }

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using, fields, from_queryset)
        reread = {
            name: value
            for name, value in self.field_values().items()
            if fields is None or name in fields or name.removesuffix("_id") in fields
        }
        self._stored = {**getattr(self, "_stored", {}), **reread}
