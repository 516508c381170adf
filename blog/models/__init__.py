from .corrections import Correction
from .posts import Announcement, KeyPoint, Post, PostAuthor, PostRedirect
from .sections import Disclaimer, Section
from .tags import Tag, TaggedPost
from .workflow import PostTransition, PreviewLink, StyleRule

__all__ = [
    "Announcement",
    "Correction",
    "Disclaimer",
    "KeyPoint",
    "Post",
    "PostAuthor",
    "PostRedirect",
    "PostTransition",
    "PreviewLink",
    "Section",
    "StyleRule",
    "Tag",
    "TaggedPost",
]
