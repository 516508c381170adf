"""The post form as the desk sees it, in a real browser at 1280 and 375 px: a full-width
title, a body editor of useful height whose toolbar icons render, and the search preview
that follows the title as it is typed. Regenerate var/screenshots/post-form-*.png with
`pytest tests/browser/test_admin_desk.py`."""

import pytest
from django.contrib.auth.models import Group, Permission

from blog.roles import grant_roles
from tests.browser.test_admin_editorial import log_in
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def roles(transactional_db):
    grant_roles(Group, Permission)


@pytest.mark.parametrize("width", [1280, 375])
def test_the_post_form_fits_the_screen_and_its_editor_has_room(page, screenshot_dir, width):
    UserFactory(username="editor", groups=["Editors"])
    post = PostFactory(title="Why Lukashenka and Tokayev differ on Moscow, in one long headline")
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "editor")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    page.screenshot(path=str(screenshot_dir / f"post-form-{width}.png"), full_page=True)
