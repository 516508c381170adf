"""What readers can see: the models whose changes start a new generation.

They are named by label, so that this app imports none of the apps that own them;
`connect()` (from the app's `ready()`) resolves them and listens to their saves, deletes
and many-to-many changes. Anything else — style rules, share links, subscribers,
logins, versions — never makes a page stale.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .generation import renew_after_commit

READER_MODELS = (
    "blog.Post",
    "blog.PostAuthor",
    "blog.KeyPoint",
    "blog.PostRedirect",
    "blog.Correction",
    "blog.Section",
    "blog.Disclaimer",
    "blog.Tag",
    "blog.TaggedPost",
    "blog.SearchDocument",
    "authors.Author",
    "mirrors.Mirror",
    "library.Image",
)
M2M_CHANGES = frozenset({"post_add", "post_remove", "post_clear"})


def connect():
    for label in READER_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache:save:{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache:del:{label}")
        m2m_changed.connect(relation_changed, sender=model, dispatch_uid=f"pagecache:m2m:{label}")


def content_changed(sender, using, **kwargs):
    renew_after_commit(using)


def relation_changed(sender, action, using, pk_set=None, **kwargs):
    """A relation added or removed; adding or removing nothing (taggit reports the unchanged
    tags of a saved form so) changes nothing."""
    if action in M2M_CHANGES and (action == "post_clear" or pk_set):
        renew_after_commit(using)
