"""Existing author slugs in their stored form (lower case, NFC); see blog 0012."""

from django.db import migrations

from blog.slugs import normalise_stored_slugs


def normalise(apps, schema_editor):
    normalise_stored_slugs(apps.get_model("authors", "Author"))


class Migration(migrations.Migration):
    dependencies = [("authors", "0004_plain_text_fields")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
