"""House style: the rules flag every variant spelling with its count, without blocking."""

import pytest

from blog.models import StyleRule
from editorial.demo import load_demo
from editorial.style import check_post
from tests.editorial.admin_client import change_url, editable_data, logged_in, messages_of
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

# Counted by hand in editorial/demo/essay.txt: all in the body, which keeps the author's text
# (the title, lead and "Briefly" points follow the house style).
DEMO_ESSAY_VARIANTS = {"Tokaev": 5, "Takaev": 5, "Lukashenko": 3}


def test_the_demo_rules_find_every_variant_in_the_demo_essay(demo_post):
    findings = {finding.variant: finding for finding in check_post(demo_post)}

    assert {variant: finding.count for variant, finding in findings.items()} == (
        DEMO_ESSAY_VARIANTS
    )
    assert findings["Takaev"].preferred == "Tokayev"
    assert findings["Lukashenko"].preferred == "Lukashenka"


def test_loading_the_demo_again_keeps_one_copy_of_each_rule(demo_post):
    load_demo()

    assert sorted(StyleRule.objects.values_list("preferred", flat=True)) == [
        "Lukashenka",
        "Tokayev",
    ]


def test_saving_the_demo_essay_warns_with_each_variant_count_and_still_saves(
    client, demo_post, desk
):
    data = editable_data(client, demo_post, desk.superuser) | {"title": "Two paths"}

    response = logged_in(client, desk.editor).post(change_url(demo_post), data)
    demo_post.refresh_from_db()
    [warning] = [text for text in messages_of(response) if text.startswith("House style")]

    assert demo_post.title == "Two paths"
    assert "“Tokaev” ×5 → “Tokayev”" in warning
    assert "“Takaev” ×5 → “Tokayev”" in warning
    assert "“Lukashenko” ×3 → “Lukashenka”" in warning


def test_variants_are_matched_as_whole_words_in_title_lead_key_points_and_body():
    StyleRule.objects.create(preferred="Lukashenka", variants="Lukashenko\n\n")
    post = PostFactory(
        title="Lukashenko again",
        lead="What Lukashenko said.",
        body="<p>Lukashenkos and <em>Lukashenko</em>.</p><p>Lukashenko</p>",
        key_points=["Lukashenko, twice: Lukashenko"],
    )

    [finding] = check_post(post)

    assert finding.count == 6


def test_a_post_without_variants_has_no_findings():
    StyleRule.objects.create(preferred="Tokayev", variants="Tokaev")

    assert check_post(PostFactory(title="Tokayev", body="<p>Tokayev.</p>")) == []
