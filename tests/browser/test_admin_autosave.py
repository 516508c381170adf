"""No lost work in a real browser: a tab closed mid-sentence comes back with its text, and
leaving a form with unsaved changes asks first."""

import pytest

from blog.models import Post, Tag
from blog.plaintext import html_text
from editorial.models import Autosave
from tests.browser.test_admin_editorial import log_in
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BODY_EDITOR = ".field-body .ProseMirror[contenteditable=true]"


@pytest.fixture
def own_draft(transactional_db):
    writer = UserFactory(username="writer", groups=["Authors"])
    author = AuthorFactory(user=writer, name="Olga Writer")
    return PostFactory(
        title="Old title",
        body="<p>Old text.</p>",
        status=Post.Status.DRAFT,
        publish_at=None,
        authors=[author],
    )


def test_a_tab_closed_mid_sentence_offers_the_autosaved_text(page, own_draft):
    change_url = f"/admin/blog/post/{own_draft.pk}/change/"
    log_in(page, "writer")
    page.goto(change_url)
    page.fill("#id_title", "A new title half")
    page.locator(BODY_EDITOR).click()
    page.keyboard.press("End")
    page.keyboard.type(" And then I was in the middle of a sent")
    page.wait_for_selector("form[data-autosaved]", state="attached", timeout=15_000)
    typed = f"{page.input_value('#id_lead')} {html_text(page.input_value('#id_body'))}"
    assert f"Words: {len(typed.split())} " in page.locator(".word-count").inner_text()
    second = page.context.new_page()
    page.close()

    second.goto(change_url)
    second.click(".autosave-offer >> text=Restore")

    assert second.input_value("#id_title") == "A new title half"
    assert "in the middle of a sent" in second.locator(BODY_EDITOR).inner_text()
    assert Post.objects.get().title == "Old title"
    second.click("input[name=_save]")
    assert Post.objects.get().title == "A new title half"
    assert not Autosave.objects.exists()


def test_leaving_with_unsaved_changes_asks_first(page, own_draft):
    log_in(page, "writer")
    page.goto(f"/admin/blog/post/{own_draft.pk}/change/")
    dialogs = []

    def refuse(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", refuse)
    page.locator(BODY_EDITOR).click()
    page.keyboard.type("Unsaved words")
    page.click("#site-name a")

    assert dialogs == ["beforeunload"]
    assert page.url.endswith("/change/")


def test_an_unchanged_form_and_a_submitted_one_leave_without_asking(page, own_draft):
    log_in(page, "writer")
    dialogs = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.type) or dialog.accept())
    page.goto(f"/admin/blog/post/{own_draft.pk}/change/")
    page.click("#site-name a")
    page.goto(f"/admin/blog/post/{own_draft.pk}/change/")
    page.fill("#id_title", "Saved on purpose")
    page.click("input[name=_save]")

    assert dialogs == []
    assert Post.objects.get().title == "Saved on purpose"


def test_a_change_made_with_the_toolbar_alone_is_autosaved(page, own_draft):
    log_in(page, "writer")
    page.goto(f"/admin/blog/post/{own_draft.pk}/change/")
    page.locator(BODY_EDITOR).click()
    page.keyboard.press("Control+A")
    page.click(".field-body [data-name=bold]")

    page.wait_for_selector("form[data-autosaved]", state="attached", timeout=15_000)
    assert "<strong>" in Autosave.objects.get().data["body"][0]


def test_a_tag_picked_in_the_autocomplete_alone_is_autosaved(page, own_draft):
    tag = Tag.objects.create(name="Belarus", slug="belarus")
    log_in(page, "writer")
    page.goto(f"/admin/blog/post/{own_draft.pk}/change/")
    page.click(".field-tags .select2-selection")
    page.click(".select2-results__option >> text=Belarus")

    page.wait_for_selector("form[data-autosaved]", state="attached", timeout=15_000)
    assert Autosave.objects.get().data["tags"] == [str(tag.pk)]
