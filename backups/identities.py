"""Who writes under a pen name stays out of an export unless it is asked for.

Without `--include-pen-name-identities`, every author's legal name is left empty, and the login
linked to a pen name is exported under a placeholder name, with no personal names, no e-mail
address, no last login and no usable password: the pen name keeps its posts, versions and
status history (they refer to the login by its number), and after an import someone allowed
to know gives the login back its name and a new password.
"""

from django.contrib.auth.hashers import make_password

PLACEHOLDER_USERNAME = "pen-name-{pk}"


def without_identities(objects) -> list:
    """The serialised `objects` (as from export_site) with no pen-name writer identified."""
    pen_name_logins = {
        entry["fields"]["user"]
        for entry in objects
        if entry["model"] == "authors.author" and entry["fields"]["is_pen_name"]
    } - {None}
    for entry in objects:
        if entry["model"] == "authors.author":
            entry["fields"]["legal_name"] = ""
        elif entry["model"] == "auth.user" and entry["pk"] in pen_name_logins:
            entry["fields"] |= anonymous_login(entry["pk"])
    return objects


def anonymous_login(pk) -> dict:
    return {
        "username": PLACEHOLDER_USERNAME.format(pk=pk),
        "first_name": "",
        "last_name": "",
        "email": "",
        "password": make_password(None),
        "last_login": None,
    }
