from django.apps import apps

from backups.contents import NOT_EXPORTED, PARTS

PROJECT_APPS = {
    "authors",
    "backups",
    "blog",
    "editorial",
    "feeds",
    "fediverse",
    "library",
    "mirrors",
    "newsletter",
    "security",
    "telegram",
}


def test_every_project_model_is_exported_or_left_out_on_purpose():
    decided = {part.label for part in PARTS} | set(NOT_EXPORTED)
    project_models = {
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and not model._meta.proxy
    }

    assert project_models - decided == set()


def test_every_part_names_an_installed_model():
    for part in PARTS:
        assert apps.get_model(part.label)


def test_readers_data_is_private():
    private = {part.label for part in PARTS if part.private}

    assert private == {
        "newsletter.subscriber",
        "newsletter.follow",
        "newsletter.delivery",
        "fediverse.remoteactor",
        "fediverse.follower",
    }
