from django.db import migrations


class Migration(migrations.Migration):
    """Feeds take their validators from the page cache's generation and write nothing."""

    dependencies = [
        ("feeds", "0001_feed_version"),
    ]

    operations = [
        migrations.DeleteModel(name="FeedVersion"),
    ]
