"""What the post body's editor needs to upload images into the library
(static/library/body_images.js): the upload address and the dialog's words."""

import json

from django.urls import reverse
from django.utils.translation import gettext

SCRIPT = "library/body_images.js"


def upload_attributes(user) -> dict[str, str]:
    """The body textarea's attributes that switch image upload on, for a user who may upload."""
    if not user.has_perm("library.add_image"):
        return {}
    words = {
        "button": gettext("Upload an image"),
        "title": gettext("Describe the image"),
        "alt": gettext("Alt text (required): what the image shows"),
        "caption": gettext("Caption"),
        "insert": gettext("Upload and insert"),
        "cancel": gettext("Cancel"),
        "failed": gettext("The image could not be uploaded."),
    }
    return {
        "data-image-upload": reverse("admin:library_image_upload"),
        "data-image-words": json.dumps(words, ensure_ascii=False),
    }
