"""A fake fediverse server on 127.0.0.1: actors with their own keys, documents served as
Mastodon serves them, one shared inbox recording every delivery, and requests signed the
way other servers sign them — with independent libraries, not our code."""

import base64
import hashlib
import json
import threading
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import httpsig.sign
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.utils.http import http_date
from http_message_signatures import HTTPMessageSigner, algorithms
from http_message_signatures.resolvers import HTTPSignatureKeyResolver


@dataclass
class RemoteUser:
    uri: str
    inbox: str
    shared_inbox: str
    private_pem: bytes
    public_pem: str

    @property
    def key_id(self):
        return f"{self.uri}#main-key"

    def document(self):
        return {
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": self.uri,
            "type": "Person",
            "preferredUsername": self.uri.rsplit("/", 1)[-1],
            "inbox": self.inbox,
            "endpoints": {"sharedInbox": self.shared_inbox},
            "publicKey": {"id": self.key_id, "owner": self.uri, "publicKeyPem": self.public_pem},
        }


def new_private_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def private_pem(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def public_pem(key) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


class FakeServer:
    """Serves its users' documents; its inboxes record deliveries and answer with the next
    scripted status (202 once the script runs out)."""

    def __init__(self):
        self.users: dict[str, RemoteUser] = {}
        self.received: list[dict] = []
        self.statuses = deque()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                user = server.users.get(self.path)
                body = json.dumps(user.document()).encode() if user else b""
                self.send_response(200 if user else 404)
                self.send_header("Content-Type", "application/activity+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                server.received.append(
                    {"path": self.path, "headers": dict(self.headers), "body": body}
                )
                self.send_response(server.statuses.popleft() if server.statuses else 202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def user(self, name: str) -> RemoteUser:
        key = new_private_key()
        user = RemoteUser(
            uri=f"{self.url}/users/{name}",
            inbox=f"{self.url}/users/{name}/inbox",
            shared_inbox=f"{self.url}/inbox",
            private_pem=private_pem(key),
            public_pem=public_pem(key),
        )
        self.users[f"/users/{name}"] = user
        return user

    def activities(self) -> list[dict]:
        return [json.loads(request["body"]) for request in self.received]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.httpd.shutdown()
        self.httpd.server_close()


def digest(body: bytes) -> str:
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def cavage_headers(user: RemoteUser, path: str, body: bytes, host="testserver", date=None):
    """Headers signed as Mastodon signs them, by PyPI `httpsig`."""
    headers = {"Host": host, "Date": date or http_date(), "Digest": digest(body)}
    signer = httpsig.sign.HeaderSigner(
        user.key_id,
        user.private_pem,
        algorithm="rsa-sha256",
        headers=["(request-target)", "host", "date", "digest"],
        sign_header="signature",
    )
    signed = signer.sign(headers, host=host, method="POST", path=path)
    return {name.title(): value for name, value in signed.items()}


class OneKey(HTTPSignatureKeyResolver):
    def __init__(self, key):
        self.key = key

    def resolve_private_key(self, key_id):
        return self.key


@dataclass
class Message:
    method: str
    url: str
    headers: dict


def rfc9421_headers(user: RemoteUser, path: str, body: bytes, host="testserver", created=None):
    """Headers signed with RFC 9421 HTTP Message Signatures, by PyPI `http-message-signatures`."""
    key = serialization.load_pem_private_key(user.private_pem, password=None)
    message = Message("POST", f"http://{host}{path}", {})
    signer = HTTPMessageSigner(
        signature_algorithm=algorithms.RSA_V1_5_SHA256, key_resolver=OneKey(key)
    )
    signer.sign(
        message,
        key_id=user.key_id,
        covered_component_ids=("@method", "@target-uri", "content-digest"),
        created=created or datetime.now(UTC),
        body=body,
    )
    return {**message.headers, "Host": host}


def host_of(url: str) -> str:
    return urlsplit(url).netloc
