"""Create the editorial roles, the "Authors" and "Editors" groups (see blog.roles)."""

from django.db import migrations

from blog.roles import AUTHORS, EDITORS, create_all_permissions, grant_roles


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
