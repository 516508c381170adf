"""The editorial roles: the "Authors" and "Editors" groups and their permissions.

Authors add posts and edit their own drafts (editorial.workflow narrows the model permissions
to the posts that credit them); Editors hold every permission of the blog and authors
apps, publishing included. Migration blog 0006 creates the groups with `grant_roles`.
"""

AUTHORS = "Authors"
EDITORS = "Editors"
EDITOR_APPS = ["blog", "authors"]
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
}


def grant_roles(group_model, permission_model):
    """Create both groups if missing and give them their permissions (which must exist).
    Takes the models as arguments so that a migration can pass its historical ones."""
    authors, _ = group_model.objects.get_or_create(name=AUTHORS)
    for app_label, codenames in AUTHOR_PERMISSIONS.items():
        authors.permissions.add(
            *permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *permission_model.objects.filter(content_type__app_label__in=EDITOR_APPS)
    )
