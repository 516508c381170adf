"""Django side of the benchmark: its database migrated, with the demo and synthetic posts up
to the target, planner statistics fresh, and the static files collected."""

import json
from pathlib import Path

from django.core.management import call_command

from bench.synthetic import seed_posts, synthetic_posts
from blog.models import Post
from editorial.demo import load_demo


def main(target: int, report: str):
    call_command("migrate", interactive=False, verbosity=0)
    load_demo()
    missing = target - synthetic_posts().count()
    if missing > 0:
        seed_posts(missing)
    call_command("collectstatic", interactive=False, verbosity=0)
    Path(report).write_text(json.dumps({"posts": Post.objects.count()}))
