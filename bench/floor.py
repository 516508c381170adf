"""The floor: a one-view Django project that answers the post page's URL with the post
page's exact bytes (the file named by BENCH_BODY) — no middleware, no apps, no database.

Served by the same gunicorn settings as the site (`bench.floor:application`), it measures
what Django's request handling alone costs, between the bare-WSGI ceiling and the site.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = Path(os.environ["BENCH_BODY"]).read_bytes()


def post_page(request, slug):
    return HttpResponse(BODY, headers={"Content-Length": str(len(BODY))})


settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-floor-serves-no-secret",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
urlpatterns = [path("posts/<str:slug>/", post_page)]
application = get_wsgi_application()
