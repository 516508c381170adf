"""Background work of the desk, run by the worker (django-tasks)."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django_tasks import task

from blog.models import PostTransition

from .notifications import kind_of, message, recipients


@task()
def notify_transition(transition_id: int):
    """Mail everyone due a notice of this move, one mail each (no one sees another's address)."""
    move = PostTransition.objects.select_related("post", "user").filter(pk=transition_id).first()
    kind = move and kind_of(move)
    if kind is None:
        return
    with translation.override(settings.LANGUAGE_CODE), get_connection() as connection:
        for reader in recipients(move, kind):
            subject, text = message(move, kind, reader)
            EmailMessage(subject, text, to=[reader.email], connection=connection).send()
