import authors.models
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("authors", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="profile_links",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Addresses of the author’s pages on other sites (Wikipedia, social "
                    "networks), one per line. Search engines use them to tell who the author is."
                ),
                validators=[authors.models.validate_links],
                verbose_name="profiles elsewhere",
            ),
        ),
    ]
