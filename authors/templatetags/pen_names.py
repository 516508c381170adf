from django import template

from authors.identity import shown_user

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_user(context, user):
    """The login `user` as the admin shows it to the signed-in viewer ("—" for nobody):
    a pen-name writer's by the pen name, unless the viewer may know who writes under it."""
    return "—" if user is None else shown_user(user, context["request"].user)
