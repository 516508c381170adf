"""`{% frame "includes/site_header.html" %}`: a part of the site's frame (header, footer),
rendered like an include and remembered for this address and language until what it
shows (the sections, the site's name) changes, so pages do not rebuild it every time."""

import hashlib

from django import template
from django.utils.translation import get_language

from blog.caching import remember_until_catalogue_changes

register = template.Library()


@register.simple_tag(takes_context=True)
def frame(context, template_name):
    address = context["request"].get_full_path()
    digest = hashlib.blake2b(f"{template_name}\n{address}".encode(), digest_size=16).hexdigest()
    return remember_until_catalogue_changes(
        f"frame:{get_language()}:{digest}", lambda: render_include(context, template_name)
    )


def render_include(context, template_name):
    included = context.template.engine.get_template(template_name)
    with context.push():
        return included.render(context)
