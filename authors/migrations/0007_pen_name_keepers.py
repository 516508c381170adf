"""Create the "Pen-name keepers" group, the only role that sees who writes under a pen name
(see blog.roles). Editors do not get it; superusers hold it implicitly."""

from django.db import migrations

from blog.roles import PEN_NAME_KEEPERS, create_all_permissions, grant_pen_name_keepers


def create_keepers(apps, schema_editor):
    create_all_permissions(apps)
    grant_pen_name_keepers(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_keepers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PEN_NAME_KEEPERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("authors", "0006_pen_names"),
        ("blog", "0006_editorial_groups"),
    ]

    operations = [migrations.RunPython(create_keepers, remove_keepers)]
