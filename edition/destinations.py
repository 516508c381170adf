"""Where the edition is published — a folder, or an S3-compatible bucket through
django-storages — and its manifest: each file's SHA-256 and size, so that a new build
writes only the files whose content changed and deletes the ones that are gone."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage

MANIFEST = "manifest.json"


def destination_storage(destination: str, create: bool = True) -> Storage:
    """`s3://bucket/prefix` (STATIC_EDITION_S3_ENDPOINT_URL for other S3-compatible
    services; boto3 reads the AWS_* credentials), else a folder (made unless not `create`)."""
    if destination.startswith("s3://"):
        from storages.backends.s3 import S3Storage

        parts = urlsplit(destination)
        return S3Storage(
            bucket_name=parts.netloc,
            location=parts.path.strip("/"),
            endpoint_url=settings.STATIC_EDITION_S3_ENDPOINT_URL or None,
            file_overwrite=True,
            querystring_auth=False,
        )
    folder = Path(destination).resolve()
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return FileSystemStorage(location=folder, allow_overwrite=True)


def manifest_of(folder: Path) -> dict:
    """{path: {"sha256", "size"}} of every file under `folder`."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            digest = hashlib.sha256(content).hexdigest()
            files[path.relative_to(folder).as_posix()] = {"sha256": digest, "size": len(content)}
    return files


def published_manifest(storage: Storage) -> dict | None:
    """The files of the edition at `storage`, or None when none was published there."""
    if not storage.exists(MANIFEST):
        return None
    with storage.open(MANIFEST) as manifest:
        return json.loads(manifest.read())["files"]


@dataclass(frozen=True)
class Changes:
    written: frozenset
    deleted: frozenset


def publish_folder(folder: Path, storage: Storage) -> Changes:
    """Make `storage` hold exactly the files of `folder`, writing only what changed; the
    manifest is written last, so it never names a file that is not there yet."""
    old, new = published_manifest(storage) or {}, manifest_of(folder)
    written = {path for path, entry in new.items() if old.get(path) != entry}
    deleted = set(old) - set(new)
    for path in sorted(written):
        storage.save(path, ContentFile((folder / path).read_bytes()))
    for path in sorted(deleted):
        storage.delete(path)
    if written or deleted or not storage.exists(MANIFEST):
        manifest = json.dumps({"version": 1, "files": new}, indent=1, sort_keys=True)
        storage.save(MANIFEST, ContentFile(manifest.encode()))  # both storages overwrite
    return Changes(frozenset(written), frozenset(deleted))
