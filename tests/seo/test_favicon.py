"""The site's icon: linked from every page and found at /favicon.ico, where browsers and feed
readers look without reading the page."""

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_a_shipped_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.ico"
    with Image.open(finders.find("img/favicon.ico")) as icon:
        assert icon.format == "ICO"
        assert (32, 32) in icon.info["sizes"]


def test_every_page_links_its_icons(client):
    page = client.get("/").content.decode()

    for icon in ("img/favicon.ico", "img/favicon.svg", "img/apple-touch-icon.png"):
        assert f'href="/static/{icon}"' in page
        assert finders.find(icon)
