"""Pages are kept per host: a page cached on the main host, which links there, is never
served on a mirror, and the other way round — by the middleware or the WSGI front."""

import pytest

from tests.factories import PostFactory
from tests.mirrors.hosts import MAIN, MIRROR, get, own_hosts_linked

from .test_serving import wsgi_get

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("hosts")]


@pytest.fixture
def post():
    return PostFactory(title="Read anywhere")


@pytest.mark.parametrize(("first", "then"), [(MAIN, MIRROR), (MIRROR, MAIN)])
def test_a_page_cached_on_one_host_is_not_served_on_another(client, post, first, then):
    path = post.get_absolute_url()
    get(client, path, first)

    page = get(client, path, then).content.decode()

    assert own_hosts_linked(page) == {then.removeprefix("https://")}


@pytest.mark.parametrize(("first", "then"), [(MAIN, MIRROR), (MIRROR, MAIN)])
def test_the_wsgi_front_keeps_hosts_apart_too(client, post, first, then):
    path = post.get_absolute_url()
    first_host, then_host = (origin.removeprefix("https://") for origin in (first, then))
    wsgi_get(path, host=first_host)
    assert own_hosts_linked(wsgi_get(path, host=first_host)[2].decode()) == {first_host}

    status, _, body = wsgi_get(path, host=then_host)

    assert status.startswith("200")
    assert own_hosts_linked(body.decode()) == {then_host}
