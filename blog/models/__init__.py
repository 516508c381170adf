from .posts import Announcement, KeyPoint, Post, PostAuthor, PostRedirect
from .sections import Disclaimer, Section
from .tags import Tag, TaggedPost

__all__ = [
    "Announcement",
    "Disclaimer",
    "KeyPoint",
    "Post",
    "PostAuthor",
    "PostRedirect",
    "Section",
    "Tag",
    "TaggedPost",
]
