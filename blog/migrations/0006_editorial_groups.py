"""Create the editorial roles, the "Authors" and "Editors" groups (see blog.roles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from blog.roles import AUTHORS, EDITORS, grant_roles


def create_all_permissions(apps):
    """Permissions are normally created after migrating; the groups need them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    create_all_permissions(apps)
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[AUTHORS, EDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0005_editorial_workflow"),
        ("authors", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
