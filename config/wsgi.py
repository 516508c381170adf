import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_wsgi_application()

from pagecache.wsgi import CachedPagesFirst  # noqa: E402  (needs the settings loaded)

application = CachedPagesFirst(django_application)
