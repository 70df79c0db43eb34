"""The sealed stream under a package: chunk edges, random reads, and every cut or swap."""

from __future__ import annotations

import io
import os
import random

import pytest

from pbc_desktop.services.exchange import keys
from pbc_desktop.services.exchange.package_crypto import (
    HEADER_BYTES,
    MIN_CHUNK_BYTES,
    TAG_BYTES,
    OpenedStream,
    SealError,
    SealingWriter,
    read_header,
)

CHUNK = MIN_CHUNK_BYTES
RECIPIENT = keys.generate()


def _seal(plain: bytes, *, writes: int = 7) -> bytes:
    out = io.BytesIO()
    writer = SealingWriter(out.write, RECIPIENT.box_public, b"\x01" * 20, chunk_bytes=CHUNK)
    step = max(1, len(plain) // writes)
    for i in range(0, len(plain), step):
        writer.write(plain[i : i + step])
    writer.finish()
    return out.getvalue()


def _open(sealed: bytes, box: keys.OfficeKeys = RECIPIENT) -> OpenedStream:
    header = read_header(sealed)
    stream = OpenedStream(io.BytesIO(sealed), header, sealed[:HEADER_BYTES], box.box)
    stream.authenticate()
    return stream


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 5])
def test_round_trip_at_every_chunk_edge(size: int) -> None:
    plain = os.urandom(size)
    sealed = _seal(plain)
    chunks = max(1, -(-size // CHUNK))
    assert len(sealed) == HEADER_BYTES + size + chunks * TAG_BYTES
    stream = _open(sealed)
    assert stream.size == size
    assert stream.read() == plain


def test_random_reads_and_seeks() -> None:
    plain = os.urandom(5 * CHUNK + 333)
    stream = io.BufferedReader(_open(_seal(plain)), 1000)
    rng = random.Random(7)
    for _ in range(200):
        at = rng.randrange(len(plain) + 10)
        n = rng.randrange(3 * CHUNK)
        stream.seek(at)
        assert stream.read(n) == plain[at : at + n]
    assert stream.seek(-10, io.SEEK_END) == len(plain) - 10
    assert stream.read() == plain[-10:]


def test_the_wrong_key_opens_nothing() -> None:
    with pytest.raises(SealError):
        _open(_seal(b"secret"), keys.generate())


@pytest.mark.parametrize("size", [CHUNK, 2 * CHUNK + 10])
def test_cut_at_a_chunk_edge_or_inside_one(size: int) -> None:
    sealed = _seal(os.urandom(size))
    step = CHUNK + TAG_BYTES
    for keep in (HEADER_BYTES + step, HEADER_BYTES + step - 1, len(sealed) - 1, HEADER_BYTES):
        if keep < len(sealed):
            with pytest.raises(SealError):
                _open(sealed[:keep])


def test_chunks_swapped_or_extra_bytes_fail() -> None:
    sealed = _seal(os.urandom(3 * CHUNK + 1))
    step = CHUNK + TAG_BYTES
    head, body = sealed[:HEADER_BYTES], sealed[HEADER_BYTES:]
    swapped = head + body[step : 2 * step] + body[:step] + body[2 * step :]
    with pytest.raises(SealError):
        _open(swapped)
    with pytest.raises(SealError):
        _open(sealed + sealed[-TAG_BYTES:])
    with pytest.raises(SealError):  # the last chunk dropped: the one before is not last
        _open(head + body[: 3 * step])


def test_a_header_of_another_package_fails() -> None:
    one, two = _seal(b"a" * 100), _seal(b"a" * 100)
    with pytest.raises(SealError):
        _open(two[:HEADER_BYTES] + one[HEADER_BYTES:])


def test_absurd_chunk_sizes_are_refused() -> None:
    sealed = bytearray(_seal(b"x"))
    sealed[10:14] = (1 << 31).to_bytes(4, "big")
    with pytest.raises(SealError):
        _open(bytes(sealed))
