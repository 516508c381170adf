"""Django's file-based cache, remembering what it decoded.

Every process on the machine shares the files. A read still opens the key's file, but
when its bytes are the ones this process decoded before, the value is returned without
unpickling and decompressing it again. It holds the generation (pagecache.generation),
which every cached page request reads; the memory of what was decoded is kept small.
"""

import io
import pickle
import time
import zlib
from typing import NamedTuple

from django.core.cache.backends.filebased import FileBasedCache

REMEMBERED_FILES = 64


class Decoded(NamedTuple):
    data: bytes
    expiry: float | None
    value: object


class SharedFileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._decoded: dict[str, Decoded] = {}

    def get(self, key, default=None, version=None):
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as file:
                decoded = self._decode(fname, file.read())
        except FileNotFoundError:
            return default
        if decoded.expiry is not None and decoded.expiry < time.time():
            return default
        return decoded.value

    def _decode(self, fname, data: bytes) -> Decoded:
        decoded = self._decoded.get(fname)
        if decoded is None or decoded.data != data:
            stream = io.BytesIO(data)
            expiry = pickle.load(stream)
            value = pickle.loads(zlib.decompress(stream.read()))
            if len(self._decoded) >= REMEMBERED_FILES:
                self._decoded.clear()
            decoded = self._decoded[fname] = Decoded(data, expiry, value)
        return decoded
