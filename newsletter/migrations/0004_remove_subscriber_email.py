from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_encrypt_subscriber_addresses"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="subscriber",
            name="email",
        ),
        migrations.AlterField(
            model_name="subscriber",
            name="email_digest",
            field=models.CharField(
                editable=False, max_length=64, unique=True, verbose_name="address digest"
            ),
        ),
    ]
