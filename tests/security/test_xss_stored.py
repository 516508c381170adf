"""Every vector of the corpus, stored through every rich-text field, leaves HTML with no
event handler, no script-bearing URL and nothing outside the allowlist."""

import pytest

from authors.models import Author
from blog.models import Disclaimer, Post
from blog.richtext import ALLOWED_TAGS, sanitize_html
from tests.factories import AuthorFactory, DisclaimerFactory, PostFactory

from .html_audit import audit
from .xss_vectors import VECTORS


def test_the_corpus_is_large_and_every_vector_calls_the_marker():
    assert len(VECTORS) >= 150
    assert len(set(VECTORS)) == len(VECTORS)


@pytest.mark.parametrize("vector", VECTORS)
def test_sanitising_leaves_nothing_that_runs(vector):
    clean = sanitize_html(vector)

    result = audit(clean)
    assert result.problems == []
    assert result.tags <= ALLOWED_TAGS
    assert sanitize_html(clean) == clean


@pytest.mark.django_db
def test_stored_rich_text_keeps_no_handler_or_script_url():
    stores = [
        (PostFactory(), "body", Post),
        (AuthorFactory(), "bio", Author),
        (DisclaimerFactory(), "text", Disclaimer),
    ]
    failures = []
    for instance, field, model in stores:
        for vector in VECTORS:
            setattr(instance, field, vector)
            instance.save()
            stored = model.objects.values_list(field, flat=True).get(pk=instance.pk)
            result = audit(stored)
            if result.problems or not result.tags <= ALLOWED_TAGS:
                failures.append((model.__name__, field, vector, stored))

    assert failures == []
