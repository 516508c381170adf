"""64 readers load a running server while editors save posts through the ORM every second;
any failed request, failed save or lost edit makes the exit status non-zero.

Run it from the repository root with the server's own environment (so the editors write
to the database the server reads), against a server on this machine:

    .venv/bin/python -m bench.load_while_editing --url http://127.0.0.1:8765 [--seconds 30]

The readers come from bench/load.py (wrk when installed, else asyncio); the editors are
threads here, each saving one of the newest published posts every second.
"""

import argparse
import ipaddress
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.load import measure
from bench.servers import ROOT, fetch

EDITORS = 4


@dataclass
class Editor:
    post_id: int
    saved: list = field(default_factory=list)
    failures: list = field(default_factory=list)

    def edit_every_second(self, seconds):
        from django.db import DatabaseError, connection

        from blog.models import Post

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            lead = f"Edited under load: {self.post_id}-{len(self.saved)}"
            try:
                post = Post.objects.get(pk=self.post_id)
                post.lead = lead
                post.save()
                self.saved.append(lead)
            except DatabaseError as error:
                self.failures.append(str(error))
            time.sleep(1)
        connection.close()

    def lost(self):
        from blog.models import Post

        stored = Post.objects.filter(pk=self.post_id).values_list("lead", flat=True).first()
        return int(bool(self.saved) and stored != self.saved[-1])


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def reader_paths(posts):
    return ["/", "/feed/", *(post.get_absolute_url() for post in posts)]


def run(base_url, seconds, readers):
    """Load and edit at once; return (failed requests, failed saves, lost edits, requests)."""
    from blog.models import Post

    posts = list(Post.objects.published().order_by("-publish_at")[: EDITORS * 2])
    if not posts:
        raise SystemExit("The database has no published post to read and edit.")
    editors = [Editor(post.pk) for post in posts[:EDITORS]]
    threads = [
        threading.Thread(target=editor.edit_every_second, args=(seconds,)) for editor in editors
    ]
    for thread in threads:
        thread.start()
    readings = measure(base_url, reader_paths(posts), seconds, readers)
    for thread in threads:
        thread.join()
    failed_saves = sum(len(editor.failures) for editor in editors)
    lost = sum(editor.lost() for editor in editors)
    return readings.errors, failed_saves, lost, readings.requests


def loopback(url):
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="The running server, on 127.0.0.1.")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--readers", type=int, default=64)
    options = parser.parse_args()
    if not loopback(options.url):
        raise SystemExit("Load only a server on this machine (127.0.0.1, localhost or ::1).")
    try:
        fetch(options.url)
    except OSError as error:
        raise SystemExit(f"No server answers at {options.url} ({error}).") from error
    setup_django()
    failed, failed_saves, lost, requests = run(
        options.url.rstrip("/"), options.seconds, options.readers
    )
    print(
        f"{requests} requests by {options.readers} readers in {options.seconds} s: "
        f"{failed} failed; {failed_saves} failed saves; {lost} lost edits."
    )
    sys.exit(1 if failed or failed_saves or lost else 0)


if __name__ == "__main__":
    main()
