import django.db.models.deletion
from django.db import migrations, models

TRANSLATION_HELP = (
    "The original post this one translates. The original and all its translations link to "
    "each other."
)


def seo_fields():
    return [
        (
            "seo_title",
            models.CharField(
                blank=True,
                help_text="Shown in search results and when shared. Empty: the title.",
                max_length=120,
                verbose_name="title for search engines",
            ),
        ),
        (
            "seo_description",
            models.TextField(
                blank=True,
                help_text="Shown in search results and when shared. Empty: the lead.",
                max_length=300,
                verbose_name="description for search engines",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0006_editorial_groups"),
    ]

    operations = [
        *(
            migrations.AddField(model_name=model, name=name, field=field)
            for model in ["post", "historicalpost"]
            for name, field in seo_fields()
        ),
        migrations.AddField(
            model_name="post",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                help_text=TRANSLATION_HELP,
                limit_choices_to={"translation_of": None},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="translations",
                to="blog.post",
                verbose_name="translation of",
            ),
        ),
        migrations.AddField(
            model_name="historicalpost",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text=TRANSLATION_HELP,
                limit_choices_to={"translation_of": None},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="blog.post",
                verbose_name="translation of",
            ),
        ),
    ]
