"""Small builders for the content model."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from authors.models import Author
from blog.models import Disclaimer, KeyPoint, Post, PostAuthor, Section


class UserFactory(factory.django.DjangoModelFactory):
    """A staff login; `groups=["Editors"]` or `["Authors"]` gives it an editorial role."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("a long test password")
    is_staff = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        self.groups.add(*(Group.objects.get(name=name) for name in names or []))


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    position = "Political commentator"


class DisclaimerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disclaimer

    name = factory.Sequence(lambda n: f"Disclaimer {n}")
    text = "<p>The opinions expressed are the author’s own.</p>"


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    """A published post with one author, unless told otherwise.

    `authors=[…]`, `tags=[…]` and `key_points=[…]` set those relations in order.
    """

    class Meta:
        model = Post
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Column number {n}")
    section = factory.SubFactory(SectionFactory)
    lead = "A lead that tells the reader why this matters."
    body = "<p>First paragraph.</p><h2>1.</h2><p>Second paragraph.</p>"
    status = Post.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def authors(self, create, authors, **kwargs):
        for position, author in enumerate(authors or [AuthorFactory()]):
            PostAuthor.objects.create(post=self, author=author, position=position)

    @factory.post_generation
    def tags(self, create, names, **kwargs):
        if names:
            self.tags.set(names)

    @factory.post_generation
    def key_points(self, create, texts, **kwargs):
        for position, text in enumerate(texts or []):
            KeyPoint.objects.create(post=self, text=text, position=position)
