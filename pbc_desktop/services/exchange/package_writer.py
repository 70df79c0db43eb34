"""Writing one ``.pbcx`` package: streamed, signed, optionally encrypted, never half-written.

:class:`PackageWriter` is re-exported by ``package.py``, which describes the format; the
bytes are in ``docs/exchange-format.md``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid as uuid_module
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Self

import pbc_desktop
from pbc_desktop.domain.offices import OfficeCard, grouped_digest
from pbc_desktop.files import atomic_output, write_error
from pbc_desktop.services.exchange import keys as office_keys
from pbc_desktop.services.exchange import package_manifest as pm
from pbc_desktop.services.exchange.package_crypto import SealingWriter
from pbc_desktop.services.exchange.package_manifest import (
    BLOCK,
    MANIFEST,
    SIGNATURE,
    FileInfo,
    Manifest,
    PartInfo,
    RecipientInfo,
    SenderInfo,
)

if TYPE_CHECKING:
    from pbc_desktop.services.exchange.keys import OfficeKeys

#: Rows are encoded and written to the ZIP in batches of about this many bytes.
_BATCH = 256 * 1024


class _Out:
    """The temporary file: hashes what is written (the package's fingerprint) and turns a
    failing write (a full or pulled-out USB stick) into a sentence naming the package."""

    def __init__(self, file: BinaryIO, target: Path) -> None:
        self.file = file
        self.target = target
        self.sha256 = hashlib.sha256()
        self.discard = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self.discard:
            return
        try:
            self.file.write(data)
        except OSError as exc:
            raise write_error(self.target, exc, size=self._written()) from exc
        self.sha256.update(data)

    def _written(self) -> int | None:
        try:
            return self.file.tell()
        except (OSError, ValueError):
            return None


class _ZipSink:
    """What zipfile writes to: it can tell its position but not seek, so zipfile streams
    every member with a data descriptor instead of going back to patch headers."""

    def __init__(self, write: Callable[[bytes | bytearray | memoryview], object]) -> None:
        self._write = write
        self._pos = 0

    def write(self, data: bytes, /) -> int:
        self._write(data)
        n = memoryview(data).nbytes
        self._pos += n
        return n

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


class _DiscardError(Exception):
    """Passed to the temporary file's context to remove it without wording an error."""


class PackageWriter:
    """Write one package; use as a context manager::

        with PackageWriter(path, keys, my_card, their_card, encrypt=True,
                           schema_revision=head) as w:
            w.add_part("party_member", rows)
            w.add_file(sha256, data)
            w.set(scope={...}, since={...}, left_out=[...])
        w.manifest, w.fingerprint  # what the 数据移交单 prints

    The file appears under ``path`` only when the block ends without an error. An error
    while writing a part or a file spoils the package (it cannot be finished), so a caller
    that catches one still writes nothing.
    """

    def __init__(
        self,
        path: Path,
        sender_keys: OfficeKeys,
        sender_card: OfficeCard,
        recipient_card: OfficeCard | None,
        *,
        encrypt: bool,
        schema_revision: str,
        now: datetime | None = None,
    ) -> None:
        if (sender_keys.sign_public, sender_keys.box_public) != (
            sender_card.sign_key,
            sender_card.box_key,
        ):
            raise ValueError("the sender's keys are not those of its card")
        if encrypt and recipient_card is None:
            raise ValueError("an encrypted package needs a recipient")
        self.path = Path(path)
        self._keys = sender_keys
        self._sender = sender_card
        self._recipient = recipient_card
        self._encrypt = encrypt
        self._schema_revision = schema_revision
        self._created_at = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        self._parts: list[PartInfo] = []
        self._files: dict[str, FileInfo] = {}
        self._scope: Mapping[str, Any] = {}
        self._since: Mapping[str, Any] = {}
        self._left_out: tuple[str, ...] = ()
        self._stack: ExitStack | None = None
        self._zip: zipfile.ZipFile | None = None
        self._out: _Out | None = None
        self._sealer: SealingWriter | None = None
        self._spoiled = False
        self.manifest: Manifest | None = None
        self.sha256: str | None = None

    @property
    def fingerprint(self) -> str:
        """The written file's SHA-256, grouped like an office fingerprint."""
        if self.sha256 is None:
            raise RuntimeError("the package is not written yet")
        return grouped_digest(bytes.fromhex(self.sha256))

    def __enter__(self) -> Self:
        stack = ExitStack()
        tmp = stack.enter_context(atomic_output(self.path))
        try:
            file = tmp.open("wb")
        except OSError as exc:
            stack.__exit__(_DiscardError, _DiscardError(), None)
            raise write_error(self.path, exc) from exc
        stack.callback(_close_quietly, file)
        self._stack = stack
        self._out = _Out(file, self.path)
        write: Callable[[bytes | bytearray | memoryview], object] = self._out.write
        try:
            if self._recipient is not None and self._encrypt:
                self._sealer = SealingWriter(
                    self._out.write, self._recipient.box_key, self._recipient.fingerprint_digest
                )
                write = self._sealer.write
            self._zip = zipfile.ZipFile(_ZipSink(write), "w", zipfile.ZIP_DEFLATED)
        except BaseException:
            self._abort()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            try:
                self._finish()
            except BaseException:
                self._abort()
                raise
        else:
            self._abort()

    # -- contents -----------------------------------------------------------------------------
    def add_part(self, name: str, rows: Iterable[Mapping[str, Any]]) -> PartInfo:
        """Write the part ``name`` (a record type, ``[a-z][a-z0-9_]*``), one JSON object per
        row, streamed; returns its size, row count and SHA-256. A name once only."""
        zf = self._open_zip()
        if not pm.PART_NAME.fullmatch(name):
            raise ValueError(f"not a part name: {name!r}")
        if any(p.name == name for p in self._parts):
            raise ValueError(f"part {name!r} added twice")
        sha, size, count = hashlib.sha256(), 0, 0
        batch: list[bytes] = []
        batch_bytes = 0
        info = self._zipinfo(f"parts/{name}.jsonl", zipfile.ZIP_DEFLATED)
        try:
            with zf.open(info, "w", force_zip64=True) as member:
                for row in rows:
                    line = json.dumps(
                        dict(row), ensure_ascii=False, separators=(",", ":"), allow_nan=False
                    ).encode("utf-8")
                    batch.append(line)
                    batch_bytes += len(line) + 1
                    count += 1
                    if batch_bytes >= _BATCH:
                        data = b"\n".join(batch) + b"\n"
                        sha.update(data)
                        member.write(data)
                        size += len(data)
                        batch, batch_bytes = [], 0
                if batch:
                    data = b"\n".join(batch) + b"\n"
                    sha.update(data)
                    member.write(data)
                    size += len(data)
        except BaseException:
            self._spoiled = True
            raise
        part = PartInfo(name, sha.hexdigest(), size, count)
        self._parts.append(part)
        return part

    def add_file(self, sha256: str, data: bytes | bytearray | memoryview | Path) -> FileInfo:
        """Add an attachment's bytes (or the file at a path), named by their SHA-256, which
        is checked: a mismatch is a :class:`PackageError` (the attachment is damaged) and
        the file is left out. The same content twice is stored once."""
        zf = self._open_zip()
        if not pm.SHA256_HEX.fullmatch(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        if sha256 in self._files:
            return self._files[sha256]
        if isinstance(data, Path):
            size = _check_path(data, sha256)
        else:
            size = memoryview(data).nbytes
            if hashlib.sha256(data).hexdigest() != sha256:
                raise pm.bad_file(sha256)
        info = self._zipinfo(f"files/{sha256}", zipfile.ZIP_STORED)
        info.file_size = size  # lets zipfile choose ZIP64 for a file over 2 GiB
        sha = hashlib.sha256()
        try:
            with zf.open(info, "w") as member:
                if isinstance(data, Path):
                    with data.open("rb") as source:
                        while block := source.read(BLOCK):
                            sha.update(block)
                            member.write(block)
                else:
                    sha.update(data)
                    member.write(data)
            if sha.hexdigest() != sha256:  # the file changed since it was checked
                raise pm.bad_file(sha256)
        except BaseException:
            self._spoiled = True
            raise
        self._files[sha256] = FileInfo(sha256, size)
        return self._files[sha256]

    def set(
        self,
        *,
        scope: Mapping[str, Any] | None = None,
        since: Mapping[str, Any] | None = None,
        left_out: Sequence[str] | None = None,
    ) -> None:
        """Describe the package: ``scope`` (what it holds), ``since`` (the watermark it was
        exported from) and ``left_out`` (sentences on personal data withheld). JSON values."""
        for value in (scope, since):
            if value is not None:
                json.dumps(value, allow_nan=False)  # a bug to pass anything else
        if scope is not None:
            self._scope = dict(scope)
        if since is not None:
            self._since = dict(since)
        if left_out is not None:
            if isinstance(left_out, str) or not all(isinstance(s, str) for s in left_out):
                raise TypeError("left_out is a list of sentences")
            self._left_out = tuple(left_out)

    # -- finishing ---------------------------------------------------------------------------
    def _open_zip(self) -> zipfile.ZipFile:
        if self._zip is None or self.manifest is not None:
            raise RuntimeError("use PackageWriter inside a with block")
        if self._spoiled:
            raise RuntimeError("an earlier error spoiled this package")
        return self._zip

    def _zipinfo(self, name: str, compression: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._created_at.timetuple()[:6])
        info.compress_type = compression
        return info

    def _finish(self) -> None:
        zf = self._open_zip()
        assert self._out is not None
        assert self._stack is not None
        manifest = Manifest(
            package_uuid=str(uuid_module.uuid4()),
            created_at=self._created_at,
            app_version=pbc_desktop.__version__,
            schema_revision=self._schema_revision,
            sender=SenderInfo.of(self._sender),
            recipient=None if self._recipient is None else RecipientInfo.of(self._recipient),
            scope=self._scope,
            since=self._since,
            left_out=self._left_out,
            parts=tuple(self._parts),
            files=tuple(sorted(self._files.values(), key=lambda f: f.sha256)),
        )
        text = manifest.to_bytes()
        zf.writestr(self._zipinfo(MANIFEST, zipfile.ZIP_DEFLATED), text)
        zf.writestr(
            self._zipinfo(SIGNATURE, zipfile.ZIP_STORED), office_keys.sign(self._keys, text)
        )
        zf.close()
        if self._sealer is not None:
            self._sealer.finish()
        file = self._out.file
        try:
            file.flush()
            os.fsync(file.fileno())  # on the medium before the name appears
            file.close()
        except OSError as exc:
            raise write_error(self.path, exc) from exc
        self._stack.close()  # renames the temporary file onto self.path
        self._stack = None
        _sync_folder(self.path.parent)
        self.manifest = manifest
        self.sha256 = self._out.sha256.hexdigest()

    def _abort(self) -> None:
        if self._out is not None:
            self._out.discard = True
        if self._zip is not None and self.manifest is None:
            with contextlib.suppress(Exception):
                self._zip.close()  # writes nowhere now; keeps zipfile from writing later
        if self._stack is not None:
            self._stack.__exit__(
                _DiscardError, _DiscardError(), None
            )  # closes and removes the file
            self._stack = None


def _check_path(path: Path, sha256: str) -> int:
    sha, size = hashlib.sha256(), 0
    with path.open("rb") as source:
        while block := source.read(BLOCK):
            sha.update(block)
            size += len(block)
    if sha.hexdigest() != sha256:
        raise pm.bad_file(sha256)
    return size


def _close_quietly(file: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        file.close()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
