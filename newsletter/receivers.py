from django.dispatch import receiver

from editorial.admin.panels import post_page_panels
from editorial.publication import post_published, post_unpublished

from .mailing import mailing_panel, queue_mailing
from .tasks import deliver_post


@receiver(post_published, dispatch_uid="newsletter_deliver_post")
def deliver_on_publish(sender, post, **kwargs):
    due = queue_mailing(post)
    backend = deliver_post.get_backend()
    task = deliver_post.using(run_after=due) if backend.supports_defer else deliver_post
    task.enqueue(post.pk)


@receiver(post_unpublished, dispatch_uid="newsletter_cancel_on_unpublish")
def cancel_on_unpublish(sender, post, **kwargs):
    post.deliveries.cancel()


@receiver(post_page_panels, dispatch_uid="newsletter_mailing_panel")
def show_mailing(sender, request, post, **kwargs):
    return mailing_panel(request, post)
