"""An actor for every author there already is, and for the site if it has any (their keys
are made when first needed). An empty database gets none, so that import_site can restore
the actors of an exported site."""

from django.db import migrations


def add_actors(apps, schema_editor):
    actor_model = apps.get_model("fediverse", "Actor")
    authors = apps.get_model("authors", "Author").objects.filter(fediverse_actor=None)
    if authors.exists():
        actor_model.objects.get_or_create(kind="site")
    actor_model.objects.bulk_create(
        [actor_model(kind="person", author=author) for author in authors]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("fediverse", "0002_editor_permissions"),
        ("authors", "0005_normalise_slugs"),
    ]

    operations = [migrations.RunPython(add_actors, migrations.RunPython.noop)]
