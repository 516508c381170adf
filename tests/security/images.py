"""Image files for upload tests, made in memory with Pillow."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
GPS_LATITUDE = 2


def image_bytes(image_format="JPEG", size=(64, 48), mode="RGB", exif=None):
    output = BytesIO()
    image = Image.new(mode, size, "#336699" if mode == "RGB" else 0)
    image.save(output, format=image_format, **({"exif": exif} if exif is not None else {}))
    return output.getvalue()


def photo_with_location():
    """A JPEG whose EXIF says where it was taken (Minsk) and by which camera."""
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif.get_ifd(GPS_IFD)[GPS_LATITUDE] = (53.0, 54.0, 0.0)
    exif.get_ifd(GPS_IFD)[1] = "N"
    return image_bytes(exif=exif.tobytes())


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss(0)">'
    b'<rect width="10" height="10"/></svg>'
)
