"""The whole site as one versioned JSON document, and its restoration into an empty database.

`export_site()` serialises every model of `contents.PARTS` (readers' data only on request,
their addresses as the database holds them: encrypted under the subscriber key; who writes
under a pen name only on request, see `identities`) with the files its image fields point
to; `import_site()` checks the format and version, refuses a database that already has
content, and restores everything in one transaction, primary keys, timestamps and history
included, then rebuilds what is derived (search).
"""

import base64
import json
from datetime import datetime, time
from itertools import chain

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from blog.models import Post
from blog.richtext import clean_rich_text_fields
from newsletter.custody import unreadable_addresses
from newsletter.tasks import tick
from search.index import refresh_search_documents

from .contents import PARTS
from .identities import without_identities

FORMAT = "columnist-site-export"
FORMAT_VERSION = 1


class ArchiveError(Exception):
    """What is wrong with an export or the database, in one line."""


def exported_parts(include_private):
    return [
        (part, apps.get_model(part.label)) for part in PARTS if include_private or not part.private
    ]


def export_site(*, include_subscribers=False, include_pen_name_identities=False) -> dict:
    objects = list(
        chain.from_iterable(
            _serialize(part, model) for part, model in exported_parts(include_subscribers)
        )
    )
    if not include_pen_name_identities:
        objects = without_identities(objects)
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "subscribers_included": include_subscribers,
        "pen_name_identities_included": include_pen_name_identities,
        "objects": objects,
        "files": _files_of(objects),
    }


def pending_tasks() -> int:
    """How many queued background tasks (mails waiting to go out…) an export leaves behind. The
    worker's minute tick is not counted: every worker queues it again when it starts."""
    waiting = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    return waiting.exclude(task_path=tick.module_path).count()


class ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def dumps(document) -> str:
    return json.dumps(document, cls=ExactJSONEncoder, ensure_ascii=False, indent=1)


def _serialize(part, model):
    return serializers.serialize(
        "python",
        model._base_manager.order_by("pk"),
        use_natural_foreign_keys=part.natural_foreign_keys,
        use_natural_primary_keys=part.merges,
    )


def _file_fields(label):
    model = apps.get_model(label)
    return [field.name for field in model._meta.fields if isinstance(field, models.FileField)]


def _files_of(objects):
    names = {name for entry in objects for name in _stored_names(entry)}
    return {
        name: base64.b64encode(_read(name)).decode("ascii")
        for name in sorted(names)
        if default_storage.exists(name)
    }


def _stored_names(entry):
    """The files a serialised row points at: its file fields, and a library image's copies."""
    fields = entry["fields"]
    names = [fields[name] for name in _file_fields(entry["model"]) if fields.get(name)]
    return names + [copy["name"] for copy in fields.get("renditions") or []]


def _read(name):
    with default_storage.open(name, "rb") as file:
        return file.read()


def loads(text: str) -> dict:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ArchiveError(f"This is not a site export: it is not JSON ({error}).") from error
    check_format(document)
    return document


def check_format(document):
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ArchiveError("This is not a Columnist site export (no “format” field saying so).")
    if document.get("version") != FORMAT_VERSION:
        raise ArchiveError(
            f"This export has format version {document.get('version')}; "
            f"this site reads version {FORMAT_VERSION}."
        )


def import_site(document) -> int:
    """Restore `document` into this (empty) database; return how many objects it held."""
    check_format(document)
    try:
        with transaction.atomic():
            _refuse_content()
            count = _restore_objects(document["objects"])
            _refuse_foreign_subscriber_key()
            _restore_files(document.get("files", {}))
    except (DeserializationError, DatabaseError, ValidationError, ObjectDoesNotExist) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise ArchiveError(f"The export could not be restored: {first_line}") from error
    refresh_search_documents(Post.objects.values_list("pk", flat=True))
    return count


def _refuse_content():
    found = [
        f"{model._base_manager.count()} {model._meta.verbose_name_plural}"
        for part, model in exported_parts(include_private=True)
        if not part.merges and model._base_manager.exists()
    ]
    if found:
        raise ArchiveError(
            f"The database already has content ({', '.join(found)}); "
            "import_site only restores into an empty, migrated database."
        )


def _refuse_foreign_subscriber_key():
    """Subscribers' addresses travel encrypted: they restore only under the key they were
    encrypted with (SUBSCRIBER_KEY or the key file of the site they came from)."""
    unreadable = unreadable_addresses()
    if unreadable:
        raise ArchiveError(
            f"{unreadable} subscribers' addresses in this export are encrypted under another "
            "subscriber key: give this site the key of the site they came from, or export "
            "without --include-subscribers."
        )


def _restore_objects(objects) -> int:
    restored = []
    with connection.constraint_checks_disabled():
        for item in serializers.deserialize("python", objects, handle_forward_references=True):
            _clean_rich_text(item.object)
            item.save()
            restored.append(type(item.object))
    models_restored = set(restored)
    connection.check_constraints(table_names=[model._meta.db_table for model in models_restored])
    _reset_sequences(models_restored)
    return len(restored)


def _clean_rich_text(obj):
    """A restored object is saved raw, skipping the sanitiser: the limits and the allowlist the
    editor applies are applied here, so a crafted export stores no markup the editor could not."""
    try:
        clean_rich_text_fields(obj)
    except ValidationError as error:
        raise ArchiveError(f"{obj._meta.label} {obj.pk}: {error.messages[0]}") from error


def _reset_sequences(restored_models):
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(restored_models)):
            cursor.execute(statement)


def _restore_files(files):
    for name, content in files.items():
        if not default_storage.exists(name):
            stored = default_storage.save(name, ContentFile(base64.b64decode(content)))
            if stored != name:
                raise ArchiveError(f"The file {name} could not be restored under its own name.")
