"""An actor for every author there already is (their keys are made when first needed; the
site's actor is made when first asked for, so that an imported one takes its place)."""

from django.db import migrations


def add_actors(apps, schema_editor):
    actor_model = apps.get_model("fediverse", "Actor")
    authors = apps.get_model("authors", "Author").objects.filter(fediverse_actor=None)
    actor_model.objects.bulk_create(
        [actor_model(kind="person", author=author) for author in authors]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("fediverse", "0002_editor_permissions"),
        ("authors", "0005_normalise_slugs"),
    ]

    operations = [migrations.RunPython(add_actors, migrations.RunPython.noop)]
