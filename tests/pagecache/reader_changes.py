"""Changes readers can see on a post page: each makes the change and returns a text the
page then shows."""

from blog.models import Correction, Tag
from tests.factories import DisclaimerFactory, PostFactory


def changeable_post(**fields):
    """A post with every part the changes touch: a tag, a key point and a disclaimer."""
    return PostFactory(
        title="The original title",
        tags=["Original tag"],
        key_points=["The original point"],
        disclaimer=DisclaimerFactory(text="<p>The original disclaimer.</p>"),
        **fields,
    )


def edit_title(post):
    post.title = "The edited title"
    post.save()
    return "The edited title"


def rename_tag(post):
    tag = Tag.objects.get(name="Original tag")
    tag.name = "Renamed tag"
    tag.save()
    return "Renamed tag"


def rename_section(post):
    post.section.name = "The renamed section"
    post.section.save()
    return "The renamed section"


def edit_disclaimer(post):
    post.disclaimer.text = "<p>The new disclaimer.</p>"
    post.disclaimer.save()
    return "The new disclaimer."


def add_correction(post):
    Correction.objects.create(post=post, text="An earlier version misspelt a name.")
    return "An earlier version misspelt a name."
