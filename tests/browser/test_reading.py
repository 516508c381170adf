import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reader_opens_the_essay_from_the_front_page(page, demo_post):
    page.goto("/")
    page.get_by_role("link", name="Why Belarus and Kazakhstan took different paths").click()

    assert page.locator("h1").inner_text() == "Why Belarus and Kazakhstan took different paths"
    assert page.get_by_role("heading", name="Briefly").is_visible()
    page.get_by_role("link", name="Valer Karbalevich", exact=True).first.click()
    assert page.url.endswith("/authors/valer-karbalevich/")
