"""What a feed shows at this moment."""

from dataclasses import dataclass
from datetime import datetime

from .entries import Entry


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    link: str
    feed_url: str  # the feed's own address (rel="self", the WebSub topic)
    icon: str
    hub: str


@dataclass(frozen=True)
class Edition:
    channel: Channel
    entries: tuple[Entry, ...]
    last_modified: datetime
