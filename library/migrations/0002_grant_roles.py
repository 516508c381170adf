"""Give the editorial roles the media library's permissions (see blog.roles)."""

from django.db import migrations

from blog.roles import create_all_permissions, grant_roles


def grant(apps, schema_editor):
    create_all_permissions(apps)
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("blog", "0006_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
