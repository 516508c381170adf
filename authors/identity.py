"""Who writes under a pen name, and who may know it.

Readers only ever see an author's public fields (name, biography, photo…). In the admin,
the login linked to a pen name and the writer's legal name are shown only to users holding
PERMISSION (the "Pen-name keepers" group and superusers); to everyone else a pen-name writer's
login is named by the pen name.
"""

PERMISSION = "authors.view_pen_name_identity"
IDENTITY_FIELDS = ["user", "legal_name"]


def knows_pen_names(viewer) -> bool:
    return viewer.has_perm(PERMISSION)


def pen_name_of(user) -> str | None:
    """The pen name `user` writes under, if any."""
    profile = getattr(user, "author_profile", None)
    return profile.name if profile is not None and profile.is_pen_name else None


def shown_user(user, viewer) -> str:
    """`user` as the admin names them to `viewer`: by the login, or by the pen name when
    `viewer` may not know who writes under it."""
    pen_name = None if knows_pen_names(viewer) else pen_name_of(user)
    return pen_name or user.get_username()
