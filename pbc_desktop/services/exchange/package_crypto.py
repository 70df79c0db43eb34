"""The encrypted form of a package: a small clear header, then the inner ZIP sealed in chunks.

Layout (integers big-endian)::

    magic        8   b"PBCX-ENC"
    version      2   ENCRYPTED_VERSION
    chunk size   4   plaintext bytes per chunk (1 MiB when written here)
    recipient   20   the recipient office's fingerprint, raw (the digest its card shows)
    ephemeral   32   a fresh X25519 public key, made for this package only
    chunks …         ChaCha20-Poly1305: each chunk's plaintext followed by its 16-byte tag

The key is HKDF-SHA256 over the X25519 secret between the ephemeral key and the
recipient's ``box_key`` (salt: both public keys), so only the recipient's private key
opens the package and the sender keeps no way to open it again. The nonce of chunk *i* is
*i* in 11 bytes followed by a flag byte, 1 for the last chunk and 0 for the others
(the STREAM construction): a chunk moved, dropped or cut off, or bytes added at the end,
fail their tag. Every chunk authenticates the header bytes as associated data, so a
changed header fails too. Chunks have a fixed size, so :class:`OpenedStream` reads the
inner ZIP at any position by decrypting one chunk at a time: memory stays at one chunk
and no plaintext is written to disk.

Anyone can encrypt to a public key: decryption proves nothing about the sender. Trust
comes from the manifest's signature (``package.py``).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from pbc_desktop.domain.offices import FINGERPRINT_BYTES, KEY_BYTES

MAGIC = b"PBCX-ENC"
ENCRYPTED_VERSION = 1
CHUNK_BYTES = 1024 * 1024
#: Chunk sizes a reader accepts (a damaged header must not make it allocate gigabytes).
MIN_CHUNK_BYTES, MAX_CHUNK_BYTES = 4096, 16 * 1024 * 1024
TAG_BYTES = 16
_HEAD = struct.Struct(f">8sHL{FINGERPRINT_BYTES}s{KEY_BYTES}s")
HEADER_BYTES = _HEAD.size
_INFO = b"pbc-package chunk key v1"


class SealError(Exception):
    """The encrypted form is damaged: a tag failed, or the header makes no sense."""


@dataclass(frozen=True)
class Header:
    version: int
    chunk_bytes: int
    recipient: bytes  # raw fingerprint digest, FINGERPRINT_BYTES long
    ephemeral: bytes  # X25519 public key, raw

    def pack(self) -> bytes:
        return _HEAD.pack(MAGIC, self.version, self.chunk_bytes, self.recipient, self.ephemeral)


def read_header(data: bytes) -> Header:
    """The header at the start of ``data`` (which begins with :data:`MAGIC`); its version
    is returned as found, for the caller to refuse a newer one."""
    if len(data) < HEADER_BYTES:
        raise SealError("short header")
    magic, version, chunk, recipient, ephemeral = _HEAD.unpack_from(data)
    if magic != MAGIC:
        raise SealError("not encrypted")
    return Header(version, chunk, recipient, ephemeral)


def _key(secret: bytes, ephemeral: bytes, recipient_box: bytes) -> ChaCha20Poly1305:
    if not any(secret):  # a low-order point: no secret at all
        raise SealError("degenerate key exchange")
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient_box, info=_INFO)
    return ChaCha20Poly1305(kdf.derive(secret))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class SealingWriter:
    """Encrypts what is written to it, chunk by chunk, into ``out`` after the header.

    ``write`` keeps at most one chunk in memory; :meth:`finish` seals the last chunk
    (possibly empty) with the last-chunk flag. ``out`` is any ``write(bytes)`` callable.
    """

    def __init__(
        self,
        out: Callable[[bytes], object],
        recipient_box: bytes,
        recipient_fingerprint: bytes,
        *,
        chunk_bytes: int = CHUNK_BYTES,
    ) -> None:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        secret = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_box))
        self.header = Header(
            ENCRYPTED_VERSION, chunk_bytes, recipient_fingerprint, ephemeral_public
        ).pack()
        self._aead = _key(secret, ephemeral_public, recipient_box)
        self._out = out
        self._chunk = chunk_bytes
        self._buffer = bytearray()
        self._index = 0
        out(self.header)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data).cast("B")
        for at in range(0, len(view), self._chunk):  # a large write: no copy of it all
            self._buffer += view[at : at + self._chunk]
            # Keep the tail: the last chunk is sealed only once more data follows it.
            while len(self._buffer) > self._chunk:
                self._seal(memoryview(self._buffer)[: self._chunk], last=False)
                del self._buffer[: self._chunk]

    def finish(self) -> None:
        self._seal(memoryview(self._buffer), last=True)
        self._buffer = bytearray()

    def _seal(self, plain: memoryview, *, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._index, last), bytes(plain), self.header)
        plain.release()
        self._index += 1
        self._out(sealed)


class OpenedStream(io.RawIOBase):
    """The inner ZIP of an encrypted package, read-only and seekable, decrypted one chunk
    at a time from ``raw`` (which it does not close). A chunk whose tag fails raises
    :class:`SealError`."""

    def __init__(self, raw: BinaryIO, header: Header, header_bytes: bytes, box: X25519PrivateKey):
        super().__init__()
        if not MIN_CHUNK_BYTES <= header.chunk_bytes <= MAX_CHUNK_BYTES:
            raise SealError("chunk size")
        try:
            secret = box.exchange(X25519PublicKey.from_public_bytes(header.ephemeral))
        except ValueError as exc:
            raise SealError("ephemeral key") from exc
        box_public = box.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self._aead = _key(secret, header.ephemeral, box_public)
        self._aad = header_bytes
        self._raw = raw
        self._chunk = header.chunk_bytes
        sealed = raw.seek(0, io.SEEK_END) - HEADER_BYTES
        step = self._chunk + TAG_BYTES
        self._chunks = max(1, -(-sealed // step))
        last = sealed - (self._chunks - 1) * step
        if last < TAG_BYTES:
            raise SealError("truncated")
        self._size = (self._chunks - 1) * self._chunk + last - TAG_BYTES
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    @property
    def size(self) -> int:
        return self._size

    def authenticate(self, on_chunk: Callable[[int], object] | None = None) -> None:
        """Open every chunk once, in order (a damaged or cut-off package fails here,
        before anything reads it); ``on_chunk`` gets the count done, for progress."""
        for index in range(self._chunks):
            self._open(index)
            if on_chunk is not None:
                on_chunk(index + 1)
        self._cached = None

    def _open(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        step = self._chunk + TAG_BYTES
        self._raw.seek(HEADER_BYTES + index * step)
        sealed = self._raw.read(step)
        try:
            plain = self._aead.decrypt(_nonce(index, index == self._chunks - 1), sealed, self._aad)
        except InvalidTag as exc:
            raise SealError(f"chunk {index}") from exc
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise OSError("negative seek position")
        self._pos = base + offset
        return self._pos

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._pos < self._size:
            index, offset = divmod(self._pos, self._chunk)
            plain = self._open(index)
            n = min(len(view) - done, len(plain) - offset)
            view[done : done + n] = plain[offset : offset + n]
            done += n
            self._pos += n
        return done
