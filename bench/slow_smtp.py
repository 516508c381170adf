"""A slow mail server for bench/slow_mail.py: aiosmtpd on 127.0.0.1, in a thread of its own,
taking a set time over every message — and, when told to, holding every message until
released, so that a caller knows the sender is stuck mid-message meanwhile."""

import asyncio
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller

from bench.servers import free_port


@dataclass
class SlowInbox:
    seconds_per_message: float
    held: threading.Event = field(default_factory=threading.Event)
    first_message_started: threading.Event = field(default_factory=threading.Event)
    received: list = field(default_factory=list)  # (monotonic time, recipient)

    async def handle_DATA(self, server, session, envelope):
        self.first_message_started.set()
        await asyncio.sleep(self.seconds_per_message)
        while self.held.is_set():
            await asyncio.sleep(0.05)
        self.received.extend((time.monotonic(), rcpt) for rcpt in envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    def count(self, prefix: str) -> int:
        return sum(rcpt.startswith(prefix) for _at, rcpt in self.received)

    def last_at(self, prefix: str) -> float | None:
        times = [at for at, rcpt in self.received if rcpt.startswith(prefix)]
        return max(times, default=None)

    def wait_for(self, prefix: str, count: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self.count(prefix) < count:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True


@contextmanager
def slow_smtp_server(seconds_per_message: float):
    """Serve until the block ends; yields (the inbox, its port). Set `inbox.held` to hold
    every message until it is cleared."""
    inbox = SlowInbox(seconds_per_message)
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        inbox.held.clear()
        controller.stop()
