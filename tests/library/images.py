"""Library images for tests, stored through the model as an upload would be."""

from library.models import Image
from tests.security.images import image_bytes, photo_with_location, upload


def library_image(size=(2000, 1000), image_format="JPEG", **fields):
    content = image_bytes(image_format, size=size)
    name = f"photo.{image_format.lower()}"
    image = Image(file=upload(content, name), alt=fields.pop("alt", "A square in Minsk"), **fields)
    image.save()
    return image


__all__ = ["library_image", "photo_with_location", "upload"]
