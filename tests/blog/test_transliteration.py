import pytest

from blog.slugs import transliterate, unicode_slugify
from tests.factories import PostFactory


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Беларусь", "belarus"),
        ("Святлана Ціханоўская", "svyatlana tsikhanowskaya"),
        ("Яўген", "yawhen"),
        ("Лукашэнка", "lukashenka"),
        ("Ёлка і мёд", "yolka i miod"),
        ("сям’я", "syamya"),
        ("Щука съела", "shchuka syela"),
        ("Kazakhstan 2022", "kazakhstan 2022"),
    ],
)
def test_belarusian_and_russian_letters_become_latin(cyrillic, latin):
    assert transliterate(cyrillic) == latin


def test_slugs_keep_the_title_script_by_default():
    assert unicode_slugify("Чаму Беларусь і Казахстан") == "чаму-беларусь-і-казахстан"


@pytest.mark.django_db
def test_new_slugs_are_latin_when_the_setting_is_on(settings):
    settings.SLUG_TRANSLITERATE = True

    post = PostFactory(title="Чаму Беларусь і Казахстан пайшлі рознымі шляхамі", slug="")

    assert post.slug == "chamu-belarus-i-kazakhstan-payshli-roznymi-shlyakhami"
