"""Subscribers' addresses at rest: sealed with Fernet (AES-CBC with HMAC-SHA256, authenticated),
found through a keyed digest.

The keys are Fernet keys (32 random bytes, url-safe base64), newest first: from the setting
SUBSCRIBER_KEY (comma-separated) or, when it is empty, from the file SUBSCRIBER_KEY_FILE (one a
line), which is created with a new key on first use (production refuses to start without
either: config/settings_mail.py). The first key seals new addresses and makes digests; every
key opens addresses and is tried in lookups, so a site can be given a new key first and
re-seal everything under it afterwards (`manage.py rotate_subscriber_key`).

Addresses are padded to one length before sealing. A digest is HMAC-SHA256 of the
normalised address under a key derived from the Fernet key (HKDF), never the Fernet key
itself: it keeps addresses unique and countable (rate limits) without being one.
"""

import base64
import hashlib
import hmac
import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DIGEST_CONTEXT = b"columnist.newsletter.address-digest"
# Every address is padded to this many bytes before sealing (RFC 5321 allows 254), so the
# sealed text does not tell how long the address is.
SEALED_LENGTH = 256


class UnreadableAddress(Exception):
    """An address sealed under a key the site no longer has."""


class Keyring:
    def __init__(self, keys: list[str]):
        if not keys:
            raise ImproperlyConfigured("The subscriber key is empty.")
        try:
            self.fernets = [Fernet(key) for key in keys]
        except ValueError as error:
            raise ImproperlyConfigured(
                "The subscriber key is not a Fernet key (32 url-safe base64-encoded bytes)."
            ) from error
        self.keys = keys
        self.cipher = MultiFernet(self.fernets)
        self.digest_keys = [derive_digest_key(key) for key in keys]

    def seal(self, address: str) -> str:
        return self.cipher.encrypt(address.encode().ljust(SEALED_LENGTH, b"\0")).decode()

    def open(self, sealed: str) -> str:
        try:
            return self.cipher.decrypt(sealed.encode()).rstrip(b"\0").decode()
        except InvalidToken as error:
            raise UnreadableAddress(
                "An address is sealed under a key the site does not have."
            ) from error

    def digest(self, address: str) -> str:
        return self.digests(address)[0]

    def digests(self, address: str) -> list[str]:
        """The address's digest under each key, the current one first."""
        return [
            hmac.new(key, address.encode(), hashlib.sha256).hexdigest() for key in self.digest_keys
        ]

    @property
    def primary_only(self) -> "Keyring":
        return keyring_of((self.keys[0],))


def derive_digest_key(key: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=DIGEST_CONTEXT)
    return hkdf.derive(base64.urlsafe_b64decode(key))


def split_keys(text: str) -> tuple[str, ...]:
    return tuple(key.strip() for key in text.replace(",", "\n").splitlines() if key.strip())


@lru_cache(maxsize=8)
def keyring_of(keys: tuple[str, ...]) -> Keyring:
    return Keyring(list(keys))


def keys_from_environment() -> bool:
    return bool(settings.SUBSCRIBER_KEY)


def key_file() -> Path:
    return Path(settings.SUBSCRIBER_KEY_FILE)


def keyring() -> Keyring:
    """The site's keys, read afresh each time (a rotation or purge takes effect at once)."""
    if keys_from_environment():
        return keyring_of(split_keys(settings.SUBSCRIBER_KEY))
    path = key_file()
    if not path.exists():
        create_key_file(path)
    return keyring_of(split_keys(path.read_text()))


def new_key() -> str:
    return Fernet.generate_key().decode()


def create_key_file(path: Path):
    """A key file with a new key, unless another process made one first."""
    temporary = write_private(path.with_name(f"{path.name}.{os.getpid()}.new"), [new_key()])
    try:
        os.link(temporary, path)  # atomic, and fails if the file appeared meanwhile
    except FileExistsError:
        pass
    finally:
        temporary.unlink()


def replace_key_file(keys: list[str]):
    """Put `keys` in the key file at once, then overwrite the old file's bytes (readers see
    the old keys or the new ones, never a half-written file)."""
    path = key_file()
    replacement = write_private(path.with_name(f"{path.name}.new"), keys)
    if not path.exists():
        os.replace(replacement, path)
        return
    with path.open("r+b") as old:
        os.replace(replacement, path)
        old.write(os.urandom(max(os.fstat(old.fileno()).st_size, 1)))
        old.flush()
        os.fsync(old.fileno())


def write_private(path: Path, keys: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write("\n".join(keys) + "\n")
        file.flush()
        os.fsync(file.fileno())
    return path
