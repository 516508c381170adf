"""Images in the body, in a real browser: an author drops a photo onto the text, gives its
alt text and caption, an editor publishes, and readers get the library's responsive copies,
none of which keeps the photo's EXIF. Also the media library's screenshots."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PillowImage

from blog.models import Post
from library.models import Image
from tests.factories import AuthorFactory, PostFactory, UserFactory
from tests.library.images import library_image
from tests.security.images import GPS_IFD, image_bytes, photo_with_location

from .test_admin_editorial import log_in

pytestmark = pytest.mark.django_db(transaction=True)

DROP = """([bytes, name]) => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([new Uint8Array(bytes)], name, {type: "image/jpeg"}));
  const target = document.querySelector(".field-body .ProseMirror[contenteditable=true] p");
  const box = target.getBoundingClientRect();
  for (const type of ["dragenter", "dragover", "drop"]) {
    target.dispatchEvent(new DragEvent(type, {
      bubbles: true, cancelable: true, dataTransfer: transfer,
      clientX: box.right - 2, clientY: box.top + box.height / 2,
    }));
  }
}"""


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def photo_from_a_phone():
    exif = PillowImage.open(BytesIO(photo_with_location())).getexif()
    return image_bytes(size=(1200, 800), exif=exif.tobytes())


def test_an_author_drops_a_photo_into_the_body_and_readers_get_its_copies(page):
    writer = UserFactory(username="writer", groups=["Authors"])
    UserFactory(username="editor", groups=["Editors"])
    post = PostFactory(
        title="Two capitals",
        body="<p>Minsk in August.</p>",
        status=Post.Status.DRAFT,
        publish_at=None,
        authors=[AuthorFactory(user=writer)],
    )

    log_in(page, "writer")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    page.locator(".field-body .ProseMirror[contenteditable=true] p").click()
    page.evaluate(DROP, [list(photo_from_a_phone()), "IMG_2020.jpg"])
    page.fill("dialog.library-dialog input[name=alt]", "Protesters on Independence Avenue")
    page.fill("dialog.library-dialog input[name=caption]", "Minsk, 16 August 2020")
    page.click("dialog.library-dialog button[type=submit]")
    page.locator(".field-body .ProseMirror figure img").wait_for()
    page.click("button[value=submit]")
    assert "is now: In review" in page.locator(".messagelist").inner_text()

    page.context.clear_cookies()
    log_in(page, "editor")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    page.click("button[value=publish]")
    assert "is now: Published" in page.locator(".messagelist").inner_text()

    page.goto(post.get_absolute_url())
    image = Image.objects.get()
    shown = page.locator(".post__body figure picture img")
    assert shown.get_attribute("alt") == "Protesters on Independence Avenue"
    assert shown.get_attribute("srcset") == image.srcset("JPEG")
    assert "480w" in shown.get_attribute("srcset")
    assert page.locator(".post__body figure picture source[type='image/webp']").count() == 1
    assert page.locator(".post__body figcaption").inner_text() == "Minsk, 16 August 2020"
    assert image.uploaded_by == writer
    for name in [image.file.name, *(copy["name"] for copy in image.renditions)]:
        with default_storage.open(name, "rb") as file:
            stored = PillowImage.open(BytesIO(file.read()))
        assert not stored.getexif()
        assert not stored.getexif().get_ifd(GPS_IFD)


def test_screenshots_of_the_media_library(page, screenshot_dir):
    UserFactory(username="editor", groups=["Editors"])
    for alt, caption, credit in [
        ("Protesters on Independence Avenue", "Minsk, 16 August 2020", "Hanna K."),
        ("The Svislach at dusk", "Minsk", "Ales M."),
        ("Astana's skyline", "Astana, 2022", ""),
    ]:
        library_image(size=(1600, 900), alt=alt, caption=caption, credit=credit)

    log_in(page, "editor")
    for width in [1280, 375]:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/admin/library/image/")
        assert page.locator("#result_list tbody tr").count() == 3
        page.screenshot(path=str(screenshot_dir / f"media-library-{width}.png"), full_page=True)


PASTE = """([bytes, name]) => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([new Uint8Array(bytes)], name, {type: "image/png"}));
  document.querySelector(".field-body .ProseMirror[contenteditable=true] p").dispatchEvent(
    new ClipboardEvent("paste", {bubbles: true, cancelable: true, clipboardData: transfer}));
}"""


def test_the_toolbar_button_and_pasting_upload_and_cancelling_uploads_nothing(page):
    writer = UserFactory(username="writer", groups=["Authors"])
    post = PostFactory(
        body="<p>Minsk in August.</p>",
        status=Post.Status.DRAFT,
        publish_at=None,
        authors=[AuthorFactory(user=writer)],
    )
    log_in(page, "writer")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    page.locator(".field-body .ProseMirror[contenteditable=true] p").click()

    with page.expect_file_chooser() as chooser:
        page.click(".field-body .library-upload-button")
    chooser.value.set_files(
        files=[{"name": "a.jpg", "mimeType": "image/jpeg", "buffer": image_bytes()}]
    )
    page.click("dialog.library-dialog button[type=button]")  # Cancel
    assert page.locator("dialog.library-dialog").count() == 0
    assert not Image.objects.exists()

    page.evaluate(PASTE, [list(image_bytes("PNG", size=(640, 480))), "screenshot.png"])
    page.fill("dialog.library-dialog input[name=alt]", "A chart of turnout")
    page.click("dialog.library-dialog button[type=submit]")
    figure = page.locator(".field-body .ProseMirror figure img")
    figure.wait_for()
    image = Image.objects.get()
    assert figure.get_attribute("src") == image.file.url
    assert figure.get_attribute("alt") == "A chart of turnout"
    assert image.own_format == "PNG"
