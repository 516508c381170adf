from django import template

from newsletter.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/subscribe_form.html")
def subscribe_form(author=None, section=None):
    """The subscribe form for a page: follow its author, its section, or all columns."""
    return {"form": SubscribeForm.for_page(author=author, section=section)}
