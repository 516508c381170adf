"""The edition published to an S3-compatible bucket (moto's server on this machine) reads
back file for file as the same edition published to a folder."""

import hashlib
import json

import boto3
import pytest

from .conftest import publish_static

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings, monkeypatch):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    settings.STATIC_EDITION_S3_ENDPOINT_URL = endpoint
    s3 = boto3.client("s3", endpoint_url=endpoint)
    s3.create_bucket(Bucket="edition")
    yield s3
    server.stop()


def objects(s3, prefix) -> dict:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket="edition", Prefix=prefix)
    keys = [item["Key"] for page in pages for item in page.get("Contents", [])]
    return {
        key.removeprefix(prefix): s3.get_object(Bucket="edition", Key=key)["Body"].read()
        for key in keys
    }


def test_the_bucket_holds_the_same_edition_as_a_folder(demo_post, bucket, tmp_path):
    publish_static(tmp_path / "local")
    publish_static("s3://edition/mirror")

    stored = objects(bucket, "mirror/")
    local = {
        path.relative_to(tmp_path / "local").as_posix(): path.read_bytes()
        for path in (tmp_path / "local").rglob("*")
        if path.is_file()
    }
    assert stored.keys() == local.keys()
    assert stored == local
    files = json.loads(stored["manifest.json"])["files"]
    post = "posts/why-belarus-and-kazakhstan-took-different-paths/index.html"
    assert files[post]["sha256"] == hashlib.sha256(stored[post]).hexdigest()
    head = bucket.head_object(Bucket="edition", Key=f"mirror/{post}")
    assert head["ContentType"].startswith("text/html")
    assert "0 files written, 0 deleted" in publish_static("s3://edition/mirror")
