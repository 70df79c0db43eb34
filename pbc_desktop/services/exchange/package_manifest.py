"""A package's manifest, what it declares and signs, and the sentences a package is refused with.

The manifest is one JSON object (``manifest.json`` in the package); the sender's Ed25519
signature (``manifest.sig``) covers its exact bytes. See ``docs/exchange-format.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeGuard

from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.offices import OfficeCard
from pbc_desktop.domain.validation import refused_character
from pbc_desktop.errors import UserError, os_reason
from pbc_desktop.lang import t

FORMAT = "pbc-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
#: Bytes read or written at a time when streaming a member.
BLOCK = 1024 * 1024
#: A part's name: a record type such as ``party_member`` (``parts/<name>.jsonl``).
PART_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class Problem(StrEnum):
    """Why a package was refused (for a caller that offers a next step, such as
    registering the sender's card); the sentence is the error's message."""

    CANNOT_READ = "cannot_read"
    NOT_PACKAGE = "not_package"
    DAMAGED = "damaged"
    TOO_NEW = "too_new"
    OTHER_RECIPIENT = "other_recipient"
    NO_KEY = "no_key"
    UNKNOWN_SENDER = "unknown_sender"
    BAD_SIGNATURE = "bad_signature"
    ALTERED = "altered"
    UNSAFE = "unsafe"
    BAD_ROW = "bad_row"
    BAD_FILE = "bad_file"  # writing: an attachment's bytes differ from its checksum


class PackageError(UserError):
    """A package that cannot be written or opened, with one sentence saying why."""

    def __init__(self, problem: Problem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True)
class SenderInfo:
    uuid: str
    name: str
    level: OrgLevel
    code: str
    fingerprint: str

    @classmethod
    def of(cls, card: OfficeCard) -> SenderInfo:
        return cls(card.uuid, card.name, card.level, card.code, card.fingerprint)


@dataclass(frozen=True)
class RecipientInfo:
    uuid: str
    name: str
    fingerprint: str

    @classmethod
    def of(cls, card: OfficeCard) -> RecipientInfo:
        return cls(card.uuid, card.name, card.fingerprint)


@dataclass(frozen=True)
class PartInfo:
    """One ``parts/<name>.jsonl``: its uncompressed bytes' SHA-256 and size, and its rows."""

    name: str
    sha256: str
    size: int
    rows: int

    @property
    def member(self) -> str:
        return f"parts/{self.name}.jsonl"


@dataclass(frozen=True)
class FileInfo:
    """One ``files/<sha256>``: an attachment's bytes, named by their SHA-256."""

    sha256: str
    size: int

    @property
    def member(self) -> str:
        return f"files/{self.sha256}"


@dataclass(frozen=True)
class Manifest:
    package_uuid: str
    created_at: datetime  # aware, UTC
    app_version: str
    schema_revision: str
    sender: SenderInfo
    recipient: RecipientInfo | None
    #: what the package holds, as the exporting step describes it (free JSON)
    scope: Mapping[str, Any] = field(default_factory=dict)
    #: the watermark each record type was exported from (free JSON), for the next package
    since: Mapping[str, Any] = field(default_factory=dict)
    #: sentences naming the personal data left out for this recipient
    left_out: tuple[str, ...] = ()
    parts: tuple[PartInfo, ...] = ()  # in the order they were added
    files: tuple[FileInfo, ...] = ()  # sorted by SHA-256
    version: int = FORMAT_VERSION

    def part(self, name: str) -> PartInfo | None:
        return next((p for p in self.parts if p.name == name), None)

    def file(self, sha256: str) -> FileInfo | None:
        return next((f for f in self.files if f.sha256 == sha256), None)

    @property
    def counts(self) -> dict[str, int]:
        """Rows per part, as the 数据移交单 lists them."""
        return {p.name: p.rows for p in self.parts}

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": self.version,
            "package": self.package_uuid,
            "created_at": self.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "sender": {
                "uuid": self.sender.uuid,
                "name": self.sender.name,
                "level": self.sender.level.value,
                "code": self.sender.code,
                "fingerprint": self.sender.fingerprint,
            },
            "recipient": None
            if self.recipient is None
            else {
                "uuid": self.recipient.uuid,
                "name": self.recipient.name,
                "fingerprint": self.recipient.fingerprint,
            },
            "scope": dict(self.scope),
            "since": dict(self.since),
            "left_out": list(self.left_out),
            "parts": [
                {"name": p.name, "sha256": p.sha256, "size": p.size, "rows": p.rows}
                for p in self.parts
            ],
            "files": [{"sha256": f.sha256, "size": f.size} for f in self.files],
        }
        return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


class ManifestError(ValueError):
    """A manifest that does not parse; the caller words it for the user."""


def format_version(data: bytes) -> int | None:
    """The manifest's format version, or ``None`` when ``data`` is not a package manifest
    (checked before the rest, so a newer package is refused as newer, not as damaged)."""
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError):  # not JSON, or nested beyond the parser's depth
        return None
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        return None
    version = obj.get("version")
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def manifest_from_bytes(data: bytes) -> Manifest:
    """Parse a manifest of :data:`FORMAT_VERSION`; :class:`ManifestError` when any field
    is missing or of the wrong kind."""
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise ManifestError("json") from exc
    top = _obj(obj, "manifest")
    sender = _obj(top.get("sender"), "sender")
    recipient = top.get("recipient")
    code = _str(sender, "level")
    level = next((lv for lv in OrgLevel if lv.value == code), None)
    if level is None:
        raise ManifestError("sender.level")
    created = _str(top, "created_at")
    try:
        created_at = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError as exc:
        raise ManifestError("created_at") from exc
    parts = tuple(_part(_obj(p, "part")) for p in _list(top, "parts"))
    files = tuple(_file(_obj(f, "file")) for f in _list(top, "files"))
    if len({p.name for p in parts}) != len(parts) or len({f.sha256 for f in files}) != len(files):
        raise ManifestError("duplicate")
    left_out = _list(top, "left_out")
    if not all(_one_line(s) for s in left_out):
        raise ManifestError("left_out")
    return Manifest(
        version=_int(top, "version"),
        package_uuid=_str(top, "package", _UUID),
        created_at=created_at,
        app_version=_str(top, "app_version"),
        schema_revision=_str(top, "schema_revision"),
        sender=SenderInfo(
            _str(sender, "uuid", _UUID),
            _str(sender, "name"),
            level,
            _str(sender, "code"),
            _str(sender, "fingerprint"),
        ),
        recipient=None if recipient is None else _recipient(_obj(recipient, "recipient")),
        scope=_obj(top.get("scope"), "scope"),
        since=_obj(top.get("since"), "since"),
        left_out=tuple(left_out),
        parts=parts,
        files=files,
    )


def _part(obj: dict[str, Any]) -> PartInfo:
    return PartInfo(
        _str(obj, "name", PART_NAME),
        _str(obj, "sha256", SHA256_HEX),
        _int(obj, "size"),
        _int(obj, "rows"),
    )


def _file(obj: dict[str, Any]) -> FileInfo:
    return FileInfo(_str(obj, "sha256", SHA256_HEX), _int(obj, "size"))


def _recipient(obj: dict[str, Any]) -> RecipientInfo:
    return RecipientInfo(_str(obj, "uuid", _UUID), _str(obj, "name"), _str(obj, "fingerprint"))


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ManifestError(what)
    return value


def _list(obj: dict[str, Any], key: str) -> Sequence[Any]:
    value = obj.get(key)
    if not isinstance(value, list):
        raise ManifestError(key)
    return value


def _str(obj: dict[str, Any], key: str, pattern: re.Pattern[str] | None = None) -> str:
    value = obj.get(key)
    if not _one_line(value) or (pattern is not None and not pattern.fullmatch(value)):
        raise ManifestError(key)
    return value


def _one_line(value: object) -> TypeGuard[str]:
    """A text as a sound program writes it: the manifest's names are shown in the preview
    and the log and printed on the 数据移交单, so no control character, bidi override or
    line break (``domain.validation.refused_character``)."""
    return isinstance(value, str) and refused_character(value) is None


def _int(obj: dict[str, Any], key: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ManifestError(key)
    return value


# -- sentences ------------------------------------------------------------------------------
def cannot_read(name: str, exc: OSError) -> PackageError:
    return PackageError(
        Problem.CANNOT_READ,
        t(
            f"无法读取数据包“{name}”：{os_reason(exc)}",
            f"Cannot read the package “{name}”: {os_reason(exc)}",
        ),
    )


def not_regular(name: str) -> PackageError:
    return PackageError(
        Problem.CANNOT_READ,
        t(
            f"无法读取数据包“{name}”：它不是普通文件（例如管道或设备）。请先把数据包保存为文件。",
            f"Cannot read the package “{name}”: it is not a regular file (a pipe or a "
            "device, say). Save the package as a file first.",
        ),
    )


def not_package(name: str) -> PackageError:
    return PackageError(
        Problem.NOT_PACKAGE,
        t(
            f"“{name}”不是本程序的数据交换包（.pbcx 文件）。",
            f"“{name}” is not a data exchange package (.pbcx file) of this program.",
        ),
    )


def damaged(name: str) -> PackageError:
    return PackageError(
        Problem.DAMAGED,
        t(
            f"数据包“{name}”已损坏或不完整（可能没有复制完整）。请让发出单位重新导出后再复制一次。",
            f"The package “{name}” is damaged or incomplete (perhaps not copied completely). "
            "Ask the sending office to export it again and copy it once more.",
        ),
    )


def too_new(name: str) -> PackageError:
    return PackageError(
        Problem.TOO_NEW,
        t(
            f"数据包“{name}”由更新版本的程序生成，请先升级本程序再导入。",
            f"The package “{name}” was made by a newer version of the program; upgrade this "
            "program before importing it.",
        ),
    )


def other_recipient(name: str, recipient: str, ours: str | None) -> PackageError:
    """``recipient``: the intended office's name and fingerprint, or its fingerprint alone."""
    return PackageError(
        Problem.OTHER_RECIPIENT,
        t(
            f"数据包“{name}”是发给另一个单位的（收件单位：{recipient}）"
            + (f"，本单位的指纹是 {ours}" if ours else "")
            + "。请交给收件单位导入。",
            f"The package “{name}” is for another office ({recipient})"
            + (f"; this office's fingerprint is {ours}" if ours else "")
            + ". Give it to that office to import.",
        ),
    )


def no_key(name: str, recipient: str) -> PackageError:
    return PackageError(
        Problem.NO_KEY,
        t(
            f"数据包“{name}”已加密（收件单位指纹 {recipient}），但本机没有本单位的私钥，"
            "无法打开。请先导入本单位的密钥文件。",
            f"The package “{name}” is encrypted (to the office with fingerprint {recipient}) "
            "but this computer does not hold this office's private key. Import the office's "
            "key file first.",
        ),
    )


def unknown_sender(name: str, sender: SenderInfo) -> PackageError:
    return PackageError(
        Problem.UNKNOWN_SENDER,
        t(
            f"数据包“{name}”来自未登记的单位“{sender.name}”（指纹 {sender.fingerprint}）。"
            "请先核对并登记该单位的名片，再导入。",
            f"The package “{name}” comes from “{sender.name}” (fingerprint "
            f"{sender.fingerprint}), an office not registered here. Check and register its "
            "office card first, then import.",
        ),
    )


def other_keys(name: str, sender: SenderInfo, registered: OfficeCard) -> PackageError:
    return PackageError(
        Problem.BAD_SIGNATURE,
        t(
            f"数据包“{name}”自称来自“{registered.name}”，但它的密钥（指纹 {sender.fingerprint}）"
            f"与已登记的名片（指纹 {registered.fingerprint}）不符，已拒绝。",
            f"The package “{name}” claims to come from “{registered.name}” but its keys "
            f"(fingerprint {sender.fingerprint}) are not those of the registered card "
            f"(fingerprint {registered.fingerprint}); it was refused.",
        ),
    )


def bad_signature(name: str, sender: str) -> PackageError:
    return PackageError(
        Problem.BAD_SIGNATURE,
        t(
            f"数据包“{name}”的签名无效：它在“{sender}”发出后被改动过，或并非由该单位签发，已拒绝。",
            f"The package “{name}” has an invalid signature: it was altered after “{sender}” "
            "sent it, or that office did not sign it. It was refused.",
        ),
    )


def altered(name: str, member: str) -> PackageError:
    return PackageError(
        Problem.ALTERED,
        t(
            f"数据包“{name}”中的“{member}”与其清单不符（被改动或已损坏），已拒绝。",
            f"“{member}” in the package “{name}” does not match its manifest (altered or "
            "damaged); the package was refused.",
        ),
    )


def unsafe(name: str, member: str) -> PackageError:
    shown = member.encode("unicode_escape").decode("ascii")[:80]
    return PackageError(
        Problem.UNSAFE,
        t(
            f"数据包“{name}”含有不应有的内容（“{shown}”），已拒绝。",
            f"The package “{name}” holds something a package must not (“{shown}”); it was refused.",
        ),
    )


def too_large(name: str) -> PackageError:
    return PackageError(
        Problem.UNSAFE,
        t(
            f"数据包“{name}”声明的内容大小超出限制，已拒绝。",
            f"The package “{name}” declares contents larger than allowed; it was refused.",
        ),
    )


def bad_row(name: str, part: str, line: int) -> PackageError:
    return PackageError(
        Problem.BAD_ROW,
        t(
            f"数据包“{name}”中“{part}”的第 {line} 行不是一条记录，已拒绝。",
            f"Line {line} of “{part}” in the package “{name}” is not a record; the package "
            "was refused.",
        ),
    )


def bad_file(sha256: str) -> PackageError:
    return PackageError(
        Problem.BAD_FILE,
        t(
            f"附件（校验值 {sha256[:12]}…）的内容与其校验值不符，附件已损坏，数据包未生成。",
            f"An attachment (checksum {sha256[:12]}…) does not match its checksum: it is "
            "damaged, and no package was written.",
        ),
    )
