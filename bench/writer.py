"""Django side of the benchmark: an editor saving posts through the ORM once a second while
readers load the site; afterwards every edit must be in the database."""

import json
import time
from pathlib import Path

from django.db import DatabaseError
from django.utils import timezone

from bench.synthetic import synthetic_posts
from blog.models import Post
from editorial.demo import ESSAY_TITLE

EDITED_POSTS = 20


def main(seconds: int, report: str):
    posts = [Post.objects.get(title=ESSAY_TITLE), *synthetic_posts()[: EDITED_POSTS - 1]]
    expected, failures = {}, []
    deadline = time.monotonic() + seconds
    turn = 0
    while time.monotonic() < deadline:
        post = posts[turn % len(posts)]
        post.lead = f"Edited by the benchmark at {timezone.now().isoformat()}"
        try:
            post.save()
            expected[post.pk] = post.lead
        except DatabaseError as error:
            failures.append(str(error))
        turn += 1
        time.sleep(1)
    stored = dict(Post.objects.filter(pk__in=expected).values_list("pk", "lead"))
    lost = sum(stored.get(pk) != lead for pk, lead in expected.items())
    result = {"saves": turn - len(failures), "failures": failures, "lost_edits": lost}
    Path(report).write_text(json.dumps(result))
