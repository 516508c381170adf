"""The editorial roles: the "Authors", "Editors" and "Pen-name keepers" groups and their
permissions.

Authors add posts and edit their own drafts (editorial.workflow narrows the model permissions
to the posts that credit them); Editors hold every permission of the blog and authors
apps, publishing included, except knowing who writes under a pen name: that belongs to the
Pen-name keepers alone (and superusers), so the fewest accounts can give a writer away.
Migration blog 0006 creates the first two groups with `grant_roles`, authors 0007 the keepers
with `grant_pen_name_keepers`; library 0002 grants the media library's permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db.models import Q

AUTHORS = "Authors"
EDITORS = "Editors"
PEN_NAME_KEEPERS = "Pen-name keepers"
EDITOR_APPS = ["blog", "authors", "library"]
KEEPER_PERMISSIONS = {"authors": ["view_pen_name_identity"]}
AUTHOR_PERMISSIONS = {
    "blog": [
        "add_post",
        "change_post",
        "view_post",
        "add_postauthor",
        "change_postauthor",
        "delete_postauthor",
        "view_postauthor",
        "add_keypoint",
        "change_keypoint",
        "delete_keypoint",
        "view_keypoint",
        "view_postredirect",
        "view_correction",
        "view_section",
        "view_disclaimer",
        "view_tag",
    ],
    "authors": ["view_author"],
    "library": ["add_image", "view_image"],
}


def grant_roles(group_model, permission_model):
    """Create the Authors and Editors if missing and give them their permissions (which must
    exist). Takes the models as arguments so that a migration can pass its historical ones."""
    authors, _ = group_model.objects.get_or_create(name=AUTHORS)
    authors.permissions.add(*_named(permission_model, AUTHOR_PERMISSIONS))
    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *permission_model.objects.filter(content_type__app_label__in=EDITOR_APPS).exclude(
            pk__in=_named(permission_model, KEEPER_PERMISSIONS)
        )
    )


def grant_pen_name_keepers(group_model, permission_model):
    """Create the Pen-name keepers if missing, holding only what lets them see behind pen
    names; an administrator adds to it the few people who must know."""
    keepers, _ = group_model.objects.get_or_create(name=PEN_NAME_KEEPERS)
    keepers.permissions.add(*_named(permission_model, KEEPER_PERMISSIONS))


def _named(permission_model, codenames_by_app):
    chosen = Q(pk__in=[])
    for app_label, codenames in codenames_by_app.items():
        chosen |= Q(content_type__app_label=app_label, codename__in=codenames)
    return permission_model.objects.filter(chosen)


def create_all_permissions(apps):
    """Permissions are normally created after migrating; a migration granting them needs them
    now. `apps` is the migration's historical registry."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
