"""Where a reader without a VPN can read a post: its address on a healthy mirror."""

from blog.links import absolute_url
from mirrors.models import Mirror


def mirror_url(post) -> str:
    """The post's address on the mirror mails offer (the first healthy web mirror), or ""."""
    mirror = Mirror.objects.for_mail()
    return absolute_url(post.get_absolute_url(), mirror.url) if mirror else ""
