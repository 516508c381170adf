"""Where a reader without a VPN can read a post: its address on a mirror of the site."""

from django.conf import settings

from blog.links import absolute_url


def mirror_url(post) -> str:
    """The post's address on a mirror of the site, or "" when there is none."""
    if not settings.MIRROR_HOSTS:
        return ""
    host = settings.MIRROR_HOSTS[0]
    base = host if "://" in host else f"https://{host}"
    return absolute_url(post.get_absolute_url(), base)
