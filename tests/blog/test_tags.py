import pytest

from blog.models import Tag
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_tag_names_differing_only_in_cyrillic_case_are_one_tag():
    first = PostFactory(tags=["Беларусь"])
    second = PostFactory(tags=["беларусь", "БЕЛАРУСЬ"])

    assert Tag.objects.count() == 1
    tag = Tag.objects.get()
    assert tag.name == "Беларусь"
    assert tag.slug == "беларусь"
    assert set(tag.tagged_posts.values_list("content_object", flat=True)) == {first.pk, second.pk}


def test_tag_names_are_matched_regardless_of_latin_case_and_spacing():
    PostFactory(tags=["War in Ukraine"])
    PostFactory(tags=["war  in ukraine "])

    assert list(Tag.objects.values_list("name", flat=True)) == ["War in Ukraine"]


def test_renaming_a_tag_onto_another_tags_name_is_refused():
    PostFactory(tags=["Łacinka", "Other"])
    other = Tag.objects.get(name="Other")
    other.name = "ŁACINKA"

    with pytest.raises(Exception, match="already exists"):
        other.full_clean()
