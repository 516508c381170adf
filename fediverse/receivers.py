"""Every new author is an actor, and so is the site once it has an author (federated;
editors may switch either off in the admin).

When the fediverse hears of a post: `Create` on publication (`post_published`), `Update`
when a post it has is saved changed and still visible, `Delete` when it is unpublished or
deleted. Each waits for the commit and reads the post as readers now see it."""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from authors.models import Author
from blog.links import absolute_url
from blog.models import Post
from editorial.publication import post_published

from .delivery import federate, withdraw
from .models import Actor, FederatedPost


def visible(post_id: int) -> Post | None:
    return Post.objects.published().for_readers().filter(pk=post_id).first()


@receiver(post_published, dispatch_uid="fediverse_create")
def create_on_publication(sender, post, **kwargs):
    post = visible(post.pk)
    if post is not None and not FederatedPost.objects.filter(post=post).exists():
        federate(post, "Create")


@receiver(post_save, sender=Post, dispatch_uid="fediverse_update_or_delete")
def follow_the_post(sender, instance: Post, raw=False, **kwargs):
    if not raw:
        post_url = absolute_url(instance.get_absolute_url())
        transaction.on_commit(lambda: update_or_delete(instance.pk, post_url))


def update_or_delete(post_id: int, post_url: str):
    federated = FederatedPost.objects.filter(post=post_id).select_related("post").first()
    if federated is None:
        return
    post = visible(post_id)
    if post is None:
        withdraw(federated.post, post_url)
    elif post.updated_at > federated.sent_version:
        federate(post, "Update")


@receiver(pre_delete, sender=Post, dispatch_uid="fediverse_delete")
def delete_with_the_post(sender, instance: Post, **kwargs):
    post_url = absolute_url(instance.get_absolute_url())
    if FederatedPost.objects.filter(post=instance.pk).exists():
        withdraw(instance, post_url)


@receiver(post_save, sender=Author, dispatch_uid="fediverse_actor_for_author")
def actor_for_new_author(sender, instance: Author, created=False, raw=False, **kwargs):
    if created and not raw:
        Actor.objects.site()
        Actor.objects.of_author(instance)
