"""Editors manage the Telegram channels and see where posts were posted (blog.roles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from blog.roles import EDITORS

EDITOR_PERMISSIONS = [
    "add_channel",
    "change_channel",
    "delete_channel",
    "view_channel",
    "view_telegrammessage",
]


def grant_editors(apps, schema_editor):
    app_config = apps.get_app_config("telegram")
    app_config.models_module = True  # permissions are normally created after migrating
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="telegram", codename__in=EDITOR_PERMISSIONS
        )
    )


def revoke_editors(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITORS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="telegram"))


class Migration(migrations.Migration):
    dependencies = [
        ("telegram", "0001_initial"),
        ("blog", "0006_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant_editors, revoke_editors)]
