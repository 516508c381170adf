from django.db import models


class RevisionSnapshot(models.Model):
    """Base of every historical post: the relations simple-history does not record itself
    (ordered authors, key points, tags), as filled in by editorial.revisions."""

    relations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True
