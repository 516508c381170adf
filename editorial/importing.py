"""Turn a parsed plain-text essay into a Post, updating it in place on re-import."""

from django.db import transaction

from authors.models import Author
from blog.models import KeyPoint, Post, PostAuthor, Section
from blog.models.tags import tag_key
from blog.slugs import unicode_slugify
from search.index import refresh_search_documents

from .essay_format import AuthorCard, ParsedEssay
from .revisions import record_relations


@transaction.atomic
def import_essay(
    essay: ParsedEssay,
    *,
    title: str,
    author: Author,
    section: Section,
    tags: list[str] = (),
    status: str | None = None,
    publish_at=None,
) -> tuple[Post, bool]:
    """Create or update the post with this title's slug. Returns (post, created)."""
    slug = unicode_slugify(title)
    post = Post.objects.filter(slug=slug).first()
    created = post is None
    post = post or Post(slug=slug, status=Post.Status.DRAFT)
    wanted = {
        "title": title,
        "section": section,
        "lead": essay.lead,
        "body": essay.body_html,
        "status": status or post.status,
        "publish_at": publish_at or post.publish_at,
    }
    if created or any(getattr(post, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(post, name, value)
        post.save()
    _set_sole_author(post, author)
    _set_key_points(post, essay.key_points)
    _set_tags(post, tags)
    record_relations(post)
    _complete_author_profile(author, essay.author_card)
    refresh_search_documents([post.pk])  # key points were bulk-created, without signals
    return post, created


def _set_sole_author(post, author):
    post.credits.exclude(author=author).delete()
    PostAuthor.objects.update_or_create(post=post, author=author, defaults={"position": 0})


def _set_key_points(post, texts):
    if [point.text for point in post.key_points.all()] == list(texts):
        return
    post.key_points.all().delete()
    KeyPoint.objects.bulk_create(
        KeyPoint(post=post, text=text, position=position) for position, text in enumerate(texts)
    )


def _set_tags(post, names):
    if sorted(tag.key for tag in post.tags.all()) != sorted({tag_key(name) for name in names}):
        post.tags.set(names, clear=True)


def _complete_author_profile(author: Author, card: AuthorCard | None):
    """Fill the author's empty profile fields from the essay's author card."""
    if card is None:
        return
    facts = {
        "birth_year": card.birth_year,
        "education": card.education,
        "position": card.position,
        "email": card.email,
    }
    missing = {name: value for name, value in facts.items() if value and not getattr(author, name)}
    if missing:
        for name, value in missing.items():
            setattr(author, name, value)
        author.save(update_fields=list(missing))
