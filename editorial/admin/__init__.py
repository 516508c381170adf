"""The editorial desk in the admin: posts and their parts (`posts`, with its `forms` and
workflow `views`) and the author profiles (`authors`)."""

from . import authors, notifications, posts  # noqa: F401  (registers their model admins)
