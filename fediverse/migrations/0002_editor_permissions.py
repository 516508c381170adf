"""Editors may see the fediverse actors and deliveries and switch federation off or on."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from blog.roles import EDITORS

EDITOR_PERMISSIONS = ["view_actor", "change_actor", "view_delivery"]


def grant_editors(apps, schema_editor):
    app_config = apps.get_app_config("fediverse")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS)
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="fediverse", codename__in=EDITOR_PERMISSIONS
    )
    editors.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("fediverse", "0001_initial"),
        ("blog", "0006_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
