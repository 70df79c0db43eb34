"""One ``.pbcx`` package file: written signed (and optionally encrypted), read back checked.

The container knows nothing of the database: it carries named *parts* (one JSON object
per line, e.g. ``parts/party_member.jsonl``) and *files* (attachment bytes named by their
SHA-256), described by a manifest that the sending office signs. ``docs/exchange-format.md``
describes the bytes; in short:

* **Inner form**: a ZIP holding ``manifest.json``, ``manifest.sig`` (the sender's Ed25519
  signature over the manifest's exact bytes), ``parts/<name>.jsonl`` (deflated) and
  ``files/<sha256>`` (stored: photos and documents are compressed already). The manifest
  names the sender and recipient, the schema revision, and every part's and file's
  SHA-256 and size (and a part's row count), so the one signature covers everything.
* **Encrypted form** (``package_crypto.py``): a clear header naming the recipient's
  fingerprint, then the inner ZIP sealed in 1 MiB ChaCha20-Poly1305 chunks to the
  recipient's X25519 key. A plain package is the inner ZIP itself.

Writing streams: rows are encoded as they come, files are copied in blocks, encryption
happens chunk by chunk, and nothing but the final file is written: the package appears
under its name only once complete and flushed to the medium (a temporary file beside it,
renamed), and an error leaves nothing behind.

Reading (:func:`open_package`) refuses, with one sentence (:class:`PackageError`), a file
that is not a package, is damaged or cut short, was made by a newer version, is meant for
another office or encrypted to a key this PC lacks, comes from an office not registered
here or does not match its signature, or holds anything unsafe (names outside the layout,
duplicates, sizes beyond the limits or unlike the manifest's). :meth:`Package.verify` then
checks every part's and file's SHA-256 (by default before :func:`open_package` returns),
so a merge never starts on a damaged package; :meth:`Package.iter_part` and
:meth:`Package.open_file` check their bytes again as they stream them. Memory stays
bounded: an encrypted package is decrypted one chunk at a time as the ZIP is read.

Callers import everything from here; the writer is in ``package_writer.py``, the manifest
and the refusal sentences in ``package_manifest.py``.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Self

from pbc_desktop.domain.offices import OfficeCard, fingerprint, grouped_digest
from pbc_desktop.files import file_digest, is_special
from pbc_desktop.services.exchange import keys as office_keys
from pbc_desktop.services.exchange import package_manifest as pm
from pbc_desktop.services.exchange.package_crypto import (
    ENCRYPTED_VERSION,
    HEADER_BYTES,
    MAGIC,
    OpenedStream,
    SealError,
    read_header,
)
from pbc_desktop.services.exchange.package_manifest import (
    BLOCK,
    MANIFEST,
    SIGNATURE,
    FileInfo,
    Manifest,
    PackageError,
    PartInfo,
    Problem,
    RecipientInfo,
    SenderInfo,
)
from pbc_desktop.services.exchange.package_writer import PackageWriter

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

    from pbc_desktop.services.exchange.keys import OfficeKeys

__all__ = [
    "FileInfo",
    "Manifest",
    "Package",
    "PackageError",
    "PackageWriter",
    "PartInfo",
    "Problem",
    "RecipientInfo",
    "SenderInfo",
    "open_package",
    "package_fingerprint",
]

SIGNATURE_BYTES = 64
_MEMBER = re.compile(rf"parts/{pm.PART_NAME.pattern}\.jsonl|files/{pm.SHA256_HEX.pattern}")

# Limits a reader holds any package to (the signed manifest must agree with the ZIP's
# own sizes as well): far above a district's full package, far below a disk-filling bomb.
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_PART_BYTES = 4 * 1024**3
MAX_FILE_BYTES = 1024**3
MAX_TOTAL_BYTES = 64 * 1024**3
MAX_MEMBERS = 200_000
MAX_DIRECTORY_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024

#: What zipfile and the decryption raise for a damaged or cut-off file.
_BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    struct.error,
    NotImplementedError,
    SealError,
)

Progress = Callable[[int, int], object]  # (bytes done, bytes in all)

#: How the inner form (a ZIP) starts: a member, or the end record of an empty archive.
_ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")


class Package:
    """An opened package whose container, manifest and signature were checked; use it as a
    context manager (it holds the file open) or call :meth:`close`."""

    def __init__(
        self,
        *,
        path: Path,
        manifest: Manifest,
        sender: OfficeCard,
        sha256: str,
        encrypted: bool,
        files: ExitStack,
        zf: zipfile.ZipFile,
    ) -> None:
        self.path = path
        self.manifest = manifest
        #: the registered card the signature was checked against
        self.sender = sender
        #: the SHA-256 of the package file as it is on the medium (hex)
        self.sha256 = sha256
        self.encrypted = encrypted
        self._files = files
        self._zip = zf
        self._verified = False

    @property
    def fingerprint(self) -> str:
        """The package file's SHA-256, grouped like an office fingerprint (for the
        数据移交单 both offices sign)."""
        return grouped_digest(bytes.fromhex(self.sha256))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._files.close()

    def verify(self, progress: Progress | None = None) -> None:
        """Check every part's and file's size, SHA-256 (and a part's rows) against the
        signed manifest; :class:`PackageError` names the first that differs."""
        if self._verified:
            return
        members: list[PartInfo | FileInfo] = [*self.manifest.parts, *self.manifest.files]
        total = sum(m.size for m in members)
        done = 0
        for info in members:
            sha, size, rows, last = hashlib.sha256(), 0, 0, b"\n"
            with self._reading(info.member) as stream:
                while block := stream.read(BLOCK):
                    sha.update(block)
                    size += len(block)
                    rows += block.count(b"\n")
                    last = block[-1:]
                    if progress is not None:
                        progress(done + size, total)
            if (size, sha.hexdigest()) != (info.size, info.sha256) or (
                isinstance(info, PartInfo) and (rows, last) != (info.rows, b"\n")
            ):
                raise pm.altered(self.path.name, info.member)
            done += size
        self._verified = True

    def iter_part(self, name: str) -> Iterator[dict[str, Any]]:
        """The rows of the part ``name`` (``KeyError`` if the manifest has none), streamed;
        a line that is not a JSON object is refused with a :class:`PackageError`."""
        part = self.manifest.part(name)
        if part is None:
            raise KeyError(name)
        self.verify()
        return self._rows(part)

    def _rows(self, part: PartInfo) -> Iterator[dict[str, Any]]:
        sha, size, line_no = hashlib.sha256(), 0, 0
        rest = b""
        with self._reading(part.member) as stream:
            while block := stream.read(BLOCK):
                sha.update(block)
                size += len(block)
                lines = (rest + block).split(b"\n")
                rest = lines.pop()
                if len(rest) > MAX_LINE_BYTES:
                    raise pm.bad_row(self.path.name, part.member, line_no + 1)
                for line in lines:
                    line_no += 1
                    yield self._row(part, line, line_no)
        if rest:
            raise pm.bad_row(self.path.name, part.member, line_no + 1)
        if (size, line_no, sha.hexdigest()) != (part.size, part.rows, part.sha256):
            raise pm.altered(self.path.name, part.member)

    def _row(self, part: PartInfo, line: bytes, line_no: int) -> dict[str, Any]:
        try:
            row = json.loads(line, parse_constant=_no_constant)
        except (ValueError, RecursionError):  # not JSON, or nested beyond the parser's depth
            row = None
        if not isinstance(row, dict):
            raise pm.bad_row(self.path.name, part.member, line_no)
        return row

    def open_file(self, sha256: str) -> BinaryIO:
        """The attachment named by ``sha256``, as a stream that checks its bytes against the
        manifest when read to the end (``KeyError`` if the package has no such file)."""
        info = self.manifest.file(sha256)
        if info is None:
            raise KeyError(sha256)
        self.verify()
        stream = self._open_member(info.member)
        return io.BufferedReader(_CheckedReader(stream, info, self.path.name), BLOCK)

    def read_file(self, sha256: str) -> bytes:
        with self.open_file(sha256) as stream:
            return stream.read()

    def _open_member(self, member: str) -> IO[bytes]:
        try:
            return self._zip.open(member)
        except _BROKEN as exc:
            raise pm.altered(self.path.name, member) from exc
        except OSError as exc:
            raise pm.cannot_read(self.path.name, exc) from exc

    @contextlib.contextmanager
    def _reading(self, member: str) -> Iterator[IO[bytes]]:
        """The member's bytes; a ZIP or decryption failure while reading is the member's,
        a failing read (a USB stick pulled out) is said as such."""
        try:
            with self._open_member(member) as stream:
                yield stream
        except _BROKEN as exc:
            raise pm.altered(self.path.name, member) from exc
        except OSError as exc:
            raise pm.cannot_read(self.path.name, exc) from exc


class _CheckedReader(io.RawIOBase):
    """A file's bytes, checked against the manifest when read to the end."""

    def __init__(self, stream: IO[bytes], info: FileInfo, package_name: str) -> None:
        super().__init__()
        self._stream = stream
        self._info = info
        self._package_name = package_name
        self._sha = hashlib.sha256()
        self._size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        try:
            data = self._stream.read(len(view))
        except _BROKEN as exc:
            raise pm.altered(self._package_name, self._info.member) from exc
        except OSError as exc:
            raise pm.cannot_read(self._package_name, exc) from exc
        view[: len(data)] = data
        self._sha.update(data)
        self._size += len(data)
        if not data and (self._size, self._sha.hexdigest()) != (
            self._info.size,
            self._info.sha256,
        ):
            raise pm.altered(self._package_name, self._info.member)
        return len(data)

    def readall(self) -> bytes:
        blocks = []
        while block := self.read(BLOCK):
            blocks.append(block)
        return b"".join(blocks)

    def close(self) -> None:
        self._stream.close()
        super().close()


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON


def _starts_like_package(head: bytes) -> bool:
    return head.startswith(MAGIC) or head[:4] in _ZIP_STARTS


def package_fingerprint(path: Path) -> str | None:
    """The fingerprint (:attr:`Package.fingerprint`) of the file at ``path`` if it starts
    like a package, without opening it (an encrypted one is another office's to open);
    None for any other file, or one that cannot be read."""
    try:
        with Path(path).open("rb") as f:
            head = f.read(HEADER_BYTES)
            if not _starts_like_package(head):
                return None
            return grouped_digest(file_digest(f, head))
    except OSError:
        return None


def open_package(
    path: Path,
    *,
    my_keys: OfficeKeys | None,
    my_uuid: str,
    lookup_sender: Callable[[str], OfficeCard | None],
    verify: bool = True,
    progress: Progress | None = None,
) -> Package:
    """Open the package at ``path`` for this office (``my_uuid``, holding ``my_keys`` if
    this PC has them), checking it against the sender's registered card
    (``lookup_sender(uuid)``, ``None`` when not registered) and, unless ``verify`` is
    false, every part's and file's checksum. :class:`PackageError` says why not."""
    path = Path(path)
    name = path.name
    if is_special(path):
        # A pipe (/dev/stdin) was read as a damaged package, a FIFO waited without end.
        raise pm.not_regular(name)
    files = ExitStack()  # handed to the package, which closes them
    try:
        raw = files.enter_context(path.open("rb"))
    except OSError as exc:
        raise pm.cannot_read(name, exc) from exc
    try:
        try:
            package = _open(
                path=path,
                raw=raw,
                files=files,
                my_keys=my_keys,
                my_uuid=my_uuid,
                lookup_sender=lookup_sender,
            )
        except BaseException:
            files.close()
            raise
    except _BROKEN as exc:
        raise pm.damaged(name) from exc
    except OSError as exc:
        if exc.errno in (errno.EINVAL, None):  # a seek outside the file: damaged offsets
            raise pm.damaged(name) from exc
        raise pm.cannot_read(name, exc) from exc
    if verify:
        try:
            package.verify(progress)
        except BaseException:
            package.close()
            raise
    return package


def _open(
    *,
    path: Path,
    raw: BinaryIO,
    files: ExitStack,
    my_keys: OfficeKeys | None,
    my_uuid: str,
    lookup_sender: Callable[[str], OfficeCard | None],
) -> Package:
    name = path.name
    head = raw.read(HEADER_BYTES)
    if not _starts_like_package(head):
        raise pm.not_package(name)  # before reading it all: a film renamed .pbcx
    sha256 = file_digest(raw, head).hex()
    raw.seek(len(head))
    ours = None if my_keys is None else fingerprint(my_keys.sign_public, my_keys.box_public)
    inner: BinaryIO
    if head.startswith(MAGIC):
        header = read_header(head)
        if header.version > ENCRYPTED_VERSION:
            raise pm.too_new(name)
        if header.version != ENCRYPTED_VERSION:
            raise pm.damaged(name)
        recipient = grouped_digest(header.recipient)
        if my_keys is None:
            raise pm.no_key(name, recipient)
        if recipient != ours:
            raise pm.other_recipient(name, recipient, ours)
        opened = OpenedStream(raw, header, head, my_keys.box)
        opened.authenticate()
        inner = files.enter_context(io.BufferedReader(opened, BLOCK))
    elif head[:4] in _ZIP_STARTS:
        inner = raw
    else:
        raise pm.not_package(name)
    _check_directory(inner, name)
    zf = files.enter_context(zipfile.ZipFile(inner))
    infos = zf.infolist()
    names = Counter(i.filename for i in infos)
    if twice := [n for n, count in names.items() if count > 1]:
        raise pm.unsafe(name, twice[0])
    if MANIFEST not in names:
        raise pm.not_package(name)
    if not _safe(zf.getinfo(MANIFEST)):
        raise pm.unsafe(name, MANIFEST)
    text = _read_small(zf, MANIFEST, MAX_MANIFEST_BYTES, name)
    version = pm.format_version(text)
    if version is None:
        raise pm.not_package(name)
    if version > pm.FORMAT_VERSION:  # before the names: a newer layout may have others
        raise pm.too_new(name)
    for info in infos:
        if not _safe(info):
            raise pm.unsafe(name, info.orig_filename)
    try:
        manifest = pm.manifest_from_bytes(text)
    except pm.ManifestError as exc:
        raise pm.damaged(name) from exc
    if manifest.version != pm.FORMAT_VERSION:
        raise pm.damaged(name)
    if manifest.recipient is not None and manifest.recipient.uuid != my_uuid:
        intended = f"{manifest.recipient.name}，{manifest.recipient.fingerprint}"
        raise pm.other_recipient(name, intended, ours)
    sender = lookup_sender(manifest.sender.uuid)
    if sender is None:
        raise pm.unknown_sender(name, manifest.sender)
    if sender.fingerprint != manifest.sender.fingerprint:
        raise pm.other_keys(name, manifest.sender, sender)
    if SIGNATURE not in names:
        raise pm.bad_signature(name, sender.name)
    signature = _read_small(zf, SIGNATURE, SIGNATURE_BYTES, name)
    if not office_keys.signature_valid(sender.sign_key, signature, text):
        raise pm.bad_signature(name, sender.name)
    _check_members(zf, manifest, name)
    return Package(
        path=path,
        manifest=manifest,
        sender=sender,
        sha256=sha256,
        encrypted=head.startswith(MAGIC),
        files=files,
        zf=zf,
    )


def _safe(info: zipfile.ZipInfo) -> bool:
    """A member name of the layout, as written (no ``\\`` turned into ``/``), without a
    ZIP password and stored or deflated."""
    named = info.filename in (MANIFEST, SIGNATURE) or bool(_MEMBER.fullmatch(info.filename))
    return (
        named
        and info.orig_filename == info.filename
        and not info.flag_bits & 0x1
        and info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
    )


def _read_small(zf: zipfile.ZipFile, member: str, limit: int, name: str) -> bytes:
    if zf.getinfo(member).file_size > limit:
        raise pm.too_large(name)
    with zf.open(member) as stream:
        return stream.read(limit + 1)[:limit]


def _check_members(zf: zipfile.ZipFile, manifest: Manifest, name: str) -> None:
    """The ZIP holds exactly what the signed manifest lists, at the sizes it declares,
    and those sizes stay within the limits."""
    declared = {p.member: p.size for p in manifest.parts}
    declared.update({f.member: f.size for f in manifest.files})
    if (
        any(p.size > MAX_PART_BYTES for p in manifest.parts)
        or any(f.size > MAX_FILE_BYTES for f in manifest.files)
        or sum(declared.values()) > MAX_TOTAL_BYTES
    ):
        raise pm.too_large(name)
    present = {i.filename: i for i in zf.infolist() if i.filename not in (MANIFEST, SIGNATURE)}
    for member in present.keys() - declared.keys():
        raise pm.unsafe(name, member)
    for member, size in declared.items():
        info = present.get(member)
        if info is None or info.file_size != size:
            raise pm.altered(name, member)


_EOCD = struct.Struct("<4s4H2LH")
_EOCD64 = struct.Struct("<4sQ2H2L4Q")
_EOCD64_LOCATOR_BYTES = 20


def _check_directory(stream: BinaryIO, name: str) -> None:
    """Bound the ZIP's central directory before zipfile loads it whole into memory."""
    size = stream.seek(0, io.SEEK_END)
    tail_bytes = min(size, _EOCD.size + 0xFFFF)
    stream.seek(size - tail_bytes)
    tail = stream.read(tail_bytes)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD.size:
        raise pm.damaged(name)
    _, _, _, _, entries, directory, offset, _ = _EOCD.unpack_from(tail, at)
    if entries == 0xFFFF or 0xFFFFFFFF in (directory, offset):
        at64 = at - _EOCD64_LOCATOR_BYTES - _EOCD64.size
        if at64 < 0 or tail[at64 : at64 + 4] != b"PK\x06\x06":
            raise pm.damaged(name)
        fields = _EOCD64.unpack_from(tail, at64)
        entries, directory = fields[7], fields[8]
    if entries > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:
        raise pm.too_large(name)
    stream.seek(0)
