import pytest

from blog.demo import load_demo


@pytest.fixture
def demo_post(db):
    """The shipped demo column, loaded as `make run` loads it."""
    return load_demo()
