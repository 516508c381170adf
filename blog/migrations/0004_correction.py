import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0003_post_announcement"),
    ]

    operations = [
        migrations.CreateModel(
            name="Correction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "corrected_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="date"),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="What was wrong and what it now says. Plain text.",
                        verbose_name="text",
                    ),
                ),
                (
                    "post",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="blog.post",
                        verbose_name="post",
                    ),
                ),
            ],
            options={
                "verbose_name": "correction",
                "verbose_name_plural": "corrections",
                "ordering": ["corrected_at", "pk"],
                "indexes": [models.Index(fields=["-corrected_at"], name="correction_newest_idx")],
            },
        ),
    ]
