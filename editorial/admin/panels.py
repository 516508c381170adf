"""Notes that apps above editorial add to a post's admin page, below its workflow buttons.

Editorial imports none of the apps that act on a published post (the newsletter sits above
it). Such an app connects a receiver to `post_page_panels`, which the post's change form
sends with the request and the saved post; a receiver returns a `Panel` to show, or None.
"""

from dataclasses import dataclass, field

from django.dispatch import Signal

post_page_panels = Signal()  # sent with request=<HttpRequest>, post=<Post>


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict = field(default_factory=dict)


def panels_for(request, post) -> list[Panel]:
    answers = post_page_panels.send(sender=type(post), request=request, post=post)
    return [panel for _receiver, panel in answers if panel is not None]
