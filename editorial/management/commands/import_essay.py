from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from authors.models import Author
from blog.models import Post, Section
from blog.slugs import unicode_slugify
from editorial.essay_format import EssayFormatError, parse_essay
from editorial.importing import import_essay
from security.text import UNSTORABLE


class Command(BaseCommand):
    help = "Import a plain-text essay (lead, “Briefly:” points, numbered sections) as a post."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--author", required=True, help="The author's slug.")
        parser.add_argument("--section", required=True, help="The section's slug.")
        parser.add_argument("--title", required=True)
        parser.add_argument("--tag", action="append", default=[], dest="tags")
        parser.add_argument(
            "--status",
            choices=Post.Status.values,
            help="Status to set (new posts default to draft; re-imports keep theirs).",
        )
        parser.add_argument("--publish-at", help="ISO 8601 date and time, e.g. 2026-11-27T09:00")

    def handle(self, *args, **options):
        essay = parse_file(options["path"])
        try:
            post, created = import_essay(
                essay,
                title=checked_title(options["title"]),
                author=find(Author, options["author"], "author"),
                section=find(Section, options["section"], "section"),
                tags=[storable(tag, "--tag") for tag in options["tags"]],
                status=options["status"],
                publish_at=parse_moment(options["publish_at"]),
            )
        except ValidationError as error:
            fail(f"{options['path']}: the essay's body is refused. {error.messages[0]}")
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} “{post.title}” ({post.status}) at {post.get_absolute_url()}")


def fail(message):
    raise CommandError(message)


def storable(text, label):
    if UNSTORABLE.search(text):
        fail(f"{label}: contains a NUL character or broken Unicode that cannot be stored.")
    return text


def checked_title(text):
    title = storable(text, "--title").strip() or fail("The title must not be empty.")
    if not unicode_slugify(title):
        fail("The title has no letters or digits to make the post's address of.")
    return title


def parse_file(path: Path):
    try:
        return parse_essay(storable(read_text(path), str(path)))
    except EssayFormatError as error:
        raise CommandError(f"{path}: {error}") from error


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"{path}: no such file.")
    except IsADirectoryError:
        fail(f"{path}: is a directory, not an essay file.")
    except UnicodeDecodeError:
        fail(f"{path}: not UTF-8 text.")
    except OSError as error:
        fail(f"{path}: cannot be read ({error.strerror}).")


def find(model, slug, label):
    try:
        return model.objects.get(slug=slug)
    except model.DoesNotExist:
        fail(f"No {label} with the slug “{slug}”.")


def parse_moment(text):
    if not text:
        return None
    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None:
        fail(f"--publish-at: “{text}” is not an ISO 8601 date and time.")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)
