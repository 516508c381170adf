import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="subscriber",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [("view_subscriber_address", "Can see subscribers' addresses")],
                "verbose_name": "subscriber",
                "verbose_name_plural": "subscribers",
            },
        ),
        migrations.AddField(
            model_name="subscriber",
            name="encrypted_email",
            field=models.TextField(blank=True, editable=False, verbose_name="encrypted address"),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="email_digest",
            field=models.CharField(
                editable=False, max_length=64, null=True, verbose_name="address digest"
            ),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="subscriber",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="deliveries",
                to="newsletter.subscriber",
                verbose_name="subscriber",
            ),
        ),
    ]
