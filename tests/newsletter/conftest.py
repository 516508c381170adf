import pytest
from django.utils import timezone

from newsletter.models import Follow, Subscriber
from newsletter.targets import Target

from .helpers import SITE


@pytest.fixture(autouse=True)
def newsletter_settings(settings):
    settings.SITE_URL = SITE
    settings.DEFAULT_FROM_EMAIL = "Columnist <columns@columnist.example>"


@pytest.fixture
def confirmed_subscriber(db):
    """A subscriber who confirmed long ago and follows `targets` (default: all columns)."""

    def make(email, *targets):
        subscriber = Subscriber.objects.create(
            email=email, status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now()
        )
        for target in targets or [Target()]:
            Follow.objects.create(
                subscriber=subscriber,
                author=target.author,
                section=target.section,
                confirmed_at=timezone.now(),
            )
        return subscriber

    return make
