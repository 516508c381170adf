"""In production every cookie the site sets is Secure and SameSite: the language switcher's,
the CSRF token's and the messages' (the session's settings: tests/security/test_headers.py)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "PATH": "/usr/bin:/bin",
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k3y-" + "x7Qp9Lm2Zr5Tw8Ys1Vb4Nc6Hd0Jf3Gk" * 2,
    "ALLOWED_HOSTS": "columns.example.org",
}
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
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SET_COOKIES],
        cwd=ROOT,
        env={**PRODUCTION, "COLUMNIST_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    cookies = json.loads(result.stdout.strip().splitlines()[-1])

    assert set(cookies) == {"django_language", "csrftoken", "messages"}
    assert cookies == {name: {"secure": True, "samesite": "Lax"} for name in cookies}
