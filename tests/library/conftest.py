"""Library tests store files in a folder of their own."""

import pytest

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def author_user(db):
    return UserFactory(groups=["Authors"])


@pytest.fixture
def editor_user(db):
    return UserFactory(groups=["Editors"])
