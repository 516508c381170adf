"""The static edition (edition/, `manage.py publish_static`): README "Static edition"."""

import os

from .env import VAR_DIR

# Where `publish_static` and the worker publish: a folder, or s3://bucket/prefix.
STATIC_EDITION_DEST = os.environ.get("STATIC_EDITION_DEST", str(VAR_DIR / "edition"))
# The edition's own public address, for the absolute addresses of its feeds, sitemaps and
# robots.txt; empty: they keep SITE_URL (pages link relatively either way).
STATIC_EDITION_URL = os.environ.get("STATIC_EDITION_URL", "").rstrip("/")
# The subscribe page of a host that runs the app (a mirror), which the edition's
# subscribe boxes link to; empty: they say how to subscribe by mail, to this address (the
# address of DEFAULT_FROM_EMAIL when empty).
STATIC_EDITION_SUBSCRIBE_URL = os.environ.get("STATIC_EDITION_SUBSCRIBE_URL", "")
STATIC_EDITION_SUBSCRIBE_EMAIL = os.environ.get("STATIC_EDITION_SUBSCRIBE_EMAIL", "")
# For an S3-compatible service other than AWS (boto3 reads the AWS_* credentials).
STATIC_EDITION_S3_ENDPOINT_URL = os.environ.get("STATIC_EDITION_S3_ENDPOINT_URL", "")
