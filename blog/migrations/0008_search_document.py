"""Search documents, with a GIN index on the full-text vector on PostgreSQL only (other
databases match the text columns and need no such index)."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

INDEX = GinIndex(fields=["vector"], name="search_document_vector_idx")


def add_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("blog", "SearchDocument"), INDEX)


def remove_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("blog", "SearchDocument"), INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0007_post_translations_and_seo"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "post",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="blog.post",
                    ),
                ),
                ("title", models.TextField(blank=True)),
                ("summary", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
            },
        ),
        migrations.RunPython(add_vector_index, remove_vector_index, elidable=False),
    ]
