"""The editorial desk and a draft of its owner's, as most admin tests need them."""

import pytest

from tests.editorial.admin_client import make_desk, make_draft


@pytest.fixture
def desk():
    return make_desk()


@pytest.fixture
def draft(desk):
    return make_draft(desk, title="Draft title", key_points=["First point"])
