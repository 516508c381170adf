from django import template

from blog.models import Post
from editorial.workflow import is_editor

register = template.Library()

DASHBOARD_ROWS = 10


@register.inclusion_tag("admin/includes/editorial_dashboard.html", takes_context=True)
def editorial_dashboard(context):
    """Posts waiting for review and the next scheduled posts that the user may see."""
    user = context["request"].user
    posts = Post.objects.all() if is_editor(user) else Post.objects.owned_by(user)
    posts = posts.prefetch_related("credits__author")
    return {
        "in_review": posts.in_review().order_by("-updated_at")[:DASHBOARD_ROWS],
        "scheduled": posts.scheduled().order_by("publish_at")[:DASHBOARD_ROWS],
    }
