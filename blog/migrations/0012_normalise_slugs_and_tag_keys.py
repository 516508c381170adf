"""Existing slugs in their stored form (lower case, NFC) and tag names and keys as tags now
make them (no control characters; NFC and case-folded keys). Tags whose keys now coincide
are merged into the oldest; colliding slugs get a numbered suffix."""

from django.db import migrations

from blog.models.tags import tag_key, tag_name
from blog.slugs import normalise_stored_slugs


def merge_into(keeper, duplicate, TaggedPost):
    tagged = TaggedPost.objects.filter(tag=keeper).values("content_object")
    TaggedPost.objects.filter(tag=duplicate).exclude(content_object__in=tagged).update(tag=keeper)
    duplicate.delete()


def normalise_tags(Tag, TaggedPost):
    groups = {}
    for tag in Tag.objects.order_by("pk"):
        name = tag_name(tag.name) or tag.slug
        groups.setdefault(tag_key(name), []).append((tag, name))
    for [(keeper, _name), *duplicates] in groups.values():
        for duplicate, _name in duplicates:
            merge_into(keeper, duplicate, TaggedPost)
    # Keys and names move in two steps, so that no row ever holds another's new value.
    for tag in Tag.objects.all():
        Tag.objects.filter(pk=tag.pk).update(name=f"#{tag.pk}", key=f"#{tag.pk}")
    for key, [(keeper, name), *_duplicates] in groups.items():
        Tag.objects.filter(pk=keeper.pk).update(name=name, key=key)


def normalise(apps, schema_editor):
    Tag, TaggedPost = apps.get_model("blog", "Tag"), apps.get_model("blog", "TaggedPost")
    normalise_tags(Tag, TaggedPost)
    for name in ["Post", "Section", "Tag"]:
        normalise_stored_slugs(apps.get_model("blog", name))


class Migration(migrations.Migration):
    dependencies = [("blog", "0011_plain_text_fields")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
