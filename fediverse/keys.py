"""The actors' RSA keys: 2048-bit, the private half encrypted at rest with a key derived from
SECRET_KEY (so a copy of the database alone signs nothing; changing SECRET_KEY needs
`manage.py rotate_actor_keys`)."""

import hashlib
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings


def at_rest_password() -> bytes:
    return hashlib.sha256(f"fediverse-keys:{settings.SECRET_KEY}".encode()).digest()


def new_key_pair() -> tuple[str, str]:
    """A new (encrypted private, public) pair of PEM texts."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(at_rest_password()),
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem.decode(), public_pem.decode()


class UnreadableKey(Exception):
    """A private key that SECRET_KEY does not decrypt: it was made under another one."""


@lru_cache(maxsize=64)
def load_private_key(pem: str) -> rsa.RSAPrivateKey:
    try:
        return serialization.load_pem_private_key(pem.encode(), password=at_rest_password())
    except ValueError as error:
        raise UnreadableKey from error


@lru_cache(maxsize=256)
def load_public_key(pem: str):
    return serialization.load_pem_public_key(pem.encode())
