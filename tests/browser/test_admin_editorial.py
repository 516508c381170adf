"""The editorial workflow in a real browser: an editor writes a post in the rich-text
editor and publishes it; a writer can submit theirs for review but not publish it; editing
a post in the editor keeps every tag the sanitiser allows."""

import pytest

from blog.models import Post
from tests.factories import AuthorFactory, PostFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long test password"


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def write_body(page):
    """A heading, a paragraph, a bulleted list and a link, typed as a writer would."""
    page.locator(".field-body .ProseMirror[contenteditable=true]").click()
    keyboard = page.keyboard
    keyboard.type("## Why they differ")
    keyboard.press("Enter")
    keyboard.type("Both regimes survived thanks to Moscow.")
    keyboard.press("Enter")
    keyboard.type("- Protests")
    keyboard.press("Enter")
    keyboard.type("Reforms")
    keyboard.press("Enter")
    keyboard.press("Enter")
    keyboard.type("Read Svaboda")
    keyboard.press("Shift+Home")
    page.click(".field-body [data-name=link]")
    page.fill("dialog input[name=href]", "https://www.svaboda.org/")
    page.click("dialog button[type=submit]")


def choose_author(page, name):
    page.click(".field-author .select2-selection")
    page.keyboard.type(name.split()[0])
    page.click(f".select2-results__option >> text={name}")


def test_an_editor_writes_a_post_in_the_editor_publishes_it_and_reads_it(page, screenshot_dir):
    UserFactory(username="editor", groups=["Editors"])
    SectionFactory(name="Blogs")
    AuthorFactory(name="Valer Karbalevich")

    log_in(page, "editor")
    page.goto("/admin/blog/post/add/")
    page.fill("#id_title", "Two capitals, two paths")
    page.select_option("#id_section", label="Blogs")
    page.fill("#id_lead", "Minsk and Astana drew different conclusions.")
    write_body(page)
    choose_author(page, "Valer Karbalevich")
    page.click("button[value=publish]")

    assert "is now: Published" in page.locator(".messagelist").inner_text()
    page.goto(Post.objects.get().get_absolute_url())
    page.screenshot(path=str(screenshot_dir / "admin-published-post.png"), full_page=True)
    body = page.locator(".post__body")
    assert page.locator("h1").inner_text() == "Two capitals, two paths"
    assert body.get_by_role("heading", level=2, name="Why they differ").is_visible()
    assert body.locator("ul li").all_inner_texts() == ["Protests", "Reforms"]
    link = body.get_by_role("link", name="Read Svaboda")
    assert link.get_attribute("href") == "https://www.svaboda.org/"


def test_a_writer_submits_a_draft_for_review_but_cannot_publish_it(page):
    writer = UserFactory(username="writer", groups=["Authors"])
    post = PostFactory(
        title="My draft",
        status=Post.Status.DRAFT,
        publish_at=None,
        authors=[AuthorFactory(name="Olga Writer", user=writer)],
    )

    log_in(page, "writer")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    buttons = page.locator("button[name=_transition]").all_inner_texts()
    assert buttons == ["Submit for review"]
    assert page.locator("#id_publish_at_0").count() == 0
    page.click("button[value=submit]")
    assert "is now: In review" in page.locator(".messagelist").inner_text()

    page.goto("/admin/blog/post/")
    actions = page.locator("select[name=action] option").all_inner_texts()
    assert "Publish now" not in actions
    assert "Unpublish" not in actions

    response = page.goto(post.get_absolute_url())
    assert response.status == 404
    post.refresh_from_db()
    assert post.status == Post.Status.REVIEW


def test_an_editor_who_corrects_one_paragraph_keeps_the_subheadings_and_figures(page, settings):
    """The editor rewrites the whole body from its own schema on the first change, so
    whatever the allowlist allows must survive a round trip through it. (The image's host
    is allowed: a published post may show no other third-party image.)"""
    settings.ALLOWED_EMBED_HOSTS = ["example.org"]
    UserFactory(username="editor", groups=["Editors"])
    post = PostFactory(
        body="<p>Intro.</p><h4>In the regions</h4>"
        '<figure><img src="https://example.org/a.jpg" alt="A"><figcaption>Caption</figcaption>'
        "</figure><p>Outro</p>"
    )
    page.route("https://example.org/**", lambda route: route.abort())

    log_in(page, "editor")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    page.locator(".field-body .ProseMirror p", has_text="Outro").click()
    page.keyboard.press("End")
    page.keyboard.type(".")
    page.click("input[name=_save]")

    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    post.refresh_from_db()
    assert "<p>Outro.</p>" in post.body
    assert "<h4>In the regions</h4>" in post.body
    assert '<img src="https://example.org/a.jpg" alt="A">' in post.body
    assert "<figcaption>Caption</figcaption>" in post.body
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    figure = page.locator(".field-body .ProseMirror figure")
    assert figure.locator("img").get_attribute("alt") == "A"
    assert figure.locator("figcaption").inner_text() == "Caption"
