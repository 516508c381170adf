"""A writer who publishes under a pen name, with a login and a legal name nothing public may
print, and a check for any trace of them."""

from dataclasses import dataclass

from blog.models import Post, PostTransition
from editorial.previews import create_link
from tests.factories import AuthorFactory, PostFactory, UserFactory

LOGIN = "realperson_login_x1"
LEGAL_NAME = "Realname Hiddenov"
PEN_NAME = "Ales Pen"
# The login, and each part of the legal name: the login's first and last names and the local
# part of its e-mail address are the legal name too.
TRACES = [LOGIN, "realperson", "Realname", "Hiddenov"]


@dataclass
class PenNameWriter:
    user: object
    author: object
    post: object
    share_token: str


def make_pen_name_writer(**post_fields) -> PenNameWriter:
    """The writer's login (in the Authors role), their pen-name profile, and a published post
    that the writer saved, submitted and shared, so that it carries their login everywhere
    the admin records who did what."""
    user = UserFactory(
        username=LOGIN,
        first_name="Realname",
        last_name="Hiddenov",
        email="realname.hiddenov@example.org",
        groups=["Authors"],
    )
    author = AuthorFactory(
        name=PEN_NAME,
        slug="ales-pen",
        is_pen_name=True,
        legal_name=LEGAL_NAME,
        user=user,
        bio="<p>Writes from inside the country.</p>",
        position="Columnist",
    )
    post = PostFactory(authors=[author], title="Letters from home", **post_fields)
    post._history_user = user
    post.lead += " Revised by the writer."
    post.save()
    PostTransition.objects.create(
        post=post, user=user, from_status=Post.Status.DRAFT, to_status=Post.Status.REVIEW
    )
    return PenNameWriter(user, author, post, create_link(post, user).token)


def traces_in(text: str) -> list[str]:
    """Which traces of the writer's identity `text` holds (case-insensitively)."""
    folded = text.casefold()
    return [trace for trace in TRACES if trace.casefold() in folded]
