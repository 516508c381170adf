from django.dispatch import receiver

from editorial.publication import post_published

from .tasks import deliver_post


@receiver(post_published, dispatch_uid="newsletter_deliver_post")
def deliver_on_publish(sender, post, **kwargs):
    deliver_post.enqueue(post.pk)
