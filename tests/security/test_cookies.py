"""In production every cookie the site sets is Secure and SameSite: the language switcher's,
the CSRF token's and the messages' (the session's settings: tests/security/test_headers.py)."""

from tests.production import run_in_production

SET_COOKIES = """
import json
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client, RequestFactory

language = Client(HTTP_HOST="columns.example.org").post(
    "/i18n/setlang/", {"language": "be", "next": "/"}, secure=True
)
request = RequestFactory().get("/", secure=True)
token_and_messages = HttpResponse()
get_token(request)
CsrfViewMiddleware(lambda request: token_and_messages).process_response(request, token_and_messages)
messages = CookieStorage(request)
messages.add(20, "Saved.")
messages.update(token_and_messages)
print(json.dumps({
    name: {"secure": morsel["secure"], "samesite": morsel["samesite"]}
    for response in [language, token_and_messages] for name, morsel in response.cookies.items()
}))
"""


def test_every_cookie_is_secure_and_same_site_in_production(tmp_path):
    cookies = run_in_production(tmp_path, SET_COOKIES)

    assert set(cookies) == {"django_language", "csrftoken", "messages"}
    assert cookies == {name: {"secure": True, "samesite": "Lax"} for name in cookies}
