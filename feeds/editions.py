"""What a feed shows at this moment, and the validators derived from exactly that."""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from .entries import Entry
from .models import FeedVersion


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    link: str
    icon: str
    hub: str


@dataclass(frozen=True)
class Edition:
    channel: Channel
    entries: tuple[Entry, ...]
    etag: str
    last_modified: datetime

    @classmethod
    def observe(cls, key: str, channel: Channel, entries: tuple[Entry, ...]) -> "Edition":
        """The edition of feed `key`; its Last-Modified moves only when its content does."""
        etag = digest(channel, entries)
        return cls(channel, entries, etag, FeedVersion.objects.observe(key, etag))


def digest(channel: Channel, entries: tuple[Entry, ...]) -> str:
    shown = [asdict(channel), [asdict(entry) for entry in entries]]
    return hashlib.sha256(json.dumps(shown, default=str, sort_keys=True).encode()).hexdigest()
