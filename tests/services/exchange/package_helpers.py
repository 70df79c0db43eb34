"""Offices with keys and cards, a sample package, and ways to alter one as a forger would."""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.offices import OfficeCard
from pbc_desktop.services.exchange import keys
from pbc_desktop.services.exchange.keys import OfficeKeys
from pbc_desktop.services.exchange.package import Package, PackageWriter, open_package
from pbc_desktop.services.exchange.transfer import LocalOffice, send_package

NOW = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
SCHEMA = "0009_offices"


@dataclass(frozen=True)
class Office:
    keys: OfficeKeys
    card: OfficeCard


def office(uuid: str, name: str, level: OrgLevel, code: str = "") -> Office:
    k = keys.generate()
    return Office(k, OfficeCard(uuid, name, level, code, k.sign_public, k.box_public))


def registry(*offices: Office) -> Callable[[str], OfficeCard | None]:
    cards = {o.card.uuid: o.card for o in offices}
    return cards.get


MEMBERS = [
    {"uuid": f"m-{i}", "name": f"党员{i}", "note": "志愿服务 ✓ 🎉\u2028第二行\n第三行"}
    for i in range(25)
]
ACTIVITIES = [{"uuid": f"a-{i}", "title": "主题党日", "hours": 1.5, "ok": True} for i in range(7)]
PHOTO = bytes(range(256)) * 40
DOCUMENT = "会议纪要".encode() * 1000


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_sample(
    path: Path, sender: Office, recipient: Office | None, *, encrypt: bool, tmp: Path
) -> PackageWriter:
    doc_path = tmp / "纪要.docx"
    doc_path.write_bytes(DOCUMENT)
    with PackageWriter(
        path,
        sender.keys,
        sender.card,
        None if recipient is None else recipient.card,
        encrypt=encrypt,
        schema_revision=SCHEMA,
        now=NOW,
    ) as w:
        w.add_part("party_member", iter(MEMBERS))
        w.add_part("activity", ACTIVITIES)
        w.add_part("tombstone", [])
        w.add_file(sha(PHOTO), PHOTO)
        w.add_file(sha(DOCUMENT), doc_path)
        w.add_file(sha(PHOTO), PHOTO)  # the same photo on a second activity
        w.set(
            scope={"kind": "all", "types": ["party_member", "activity"]},
            since={"party_member": "2026-11-01T00:00:00Z"},
            left_out=["身份证号码未发送（收件单位为同级村社区）。"],
        )
    return w


def open_as(path: Path, me: Office | None, senders: Iterable[Office], **kw: Any) -> Package:
    return open_package(
        path,
        my_keys=None if me is None else me.keys,
        my_uuid="" if me is None else me.card.uuid,
        lookup_sender=registry(*senders),
        **kw,
    )


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rewrite(
    path: Path,
    *,
    replace: Mapping[str, bytes | None] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    sign_with: OfficeKeys | None = None,
    extra: Iterable[tuple[str, bytes]] = (),
) -> None:
    """Rebuild the plain package at ``path`` as a forger would: members replaced (or
    dropped with ``None``) and added, the manifest edited, re-signed with ``sign_with``
    (the old signature kept otherwise). Every ZIP checksum is right."""
    members = members_of(path)
    for name, data in (replace or {}).items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    if manifest is not None:
        obj = json.loads(members["manifest.json"])
        manifest(obj)
        members["manifest.json"] = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    if sign_with is not None:
        members["manifest.sig"] = keys.sign(sign_with, members["manifest.json"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of duplicate names
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in [*members.items(), *extra]:
                zf.writestr(name, data)


def part_entry(name: str, data: bytes) -> dict[str, Any]:
    return {"name": name, "sha256": sha(data), "size": len(data), "rows": data.count(b"\n")}


def set_part(obj: dict[str, Any], name: str, data: bytes) -> None:
    obj["parts"] = [p for p in obj["parts"] if p["name"] != name] + [part_entry(name, data)]


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def central_entries(data: bytes) -> Iterator[tuple[int, str]]:
    """(offset of the central directory entry, member name) for each member."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        yield at, data[at + 46 : at + 46 + name_len].decode("utf-8")
        at = data.find(b"PK\x01\x02", at + 46 + name_len)


def declare_size(path: Path, member: str, size: int) -> None:
    """Patch the size the central directory declares for ``member`` (uncompressed)."""
    data = bytearray(path.read_bytes())
    for at, name in central_entries(bytes(data)):
        if name == member:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def sent_parts(db: Database, path: Path, me: Office, to: Office) -> dict[str, list[dict[str, Any]]]:
    """Send ``db``'s package from ``me`` to ``to`` at ``path``; its parts' rows by table."""
    send_package(db, path, me=LocalOffice(me.card, me.keys), to=to.card, encrypt=False)
    return {
        name[len("parts/") : -len(".jsonl")]: [json.loads(line) for line in data.splitlines()]
        for name, data in members_of(path).items()
        if name.startswith("parts/")
    }


def forge_part(path: Path, part: str, rows: list[dict[str, Any]], sign_with: OfficeKeys) -> None:
    """Rewrite one part and sign the manifest again with the sender's own key (a package
    edited by hand at the sending office, or written by a faulty program)."""
    data = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)

    def edit(manifest: dict[str, Any]) -> None:  # the part keeps its place (parents first)
        manifest["parts"] = [
            p if p["name"] != part else part_entry(part, data) for p in manifest["parts"]
        ]

    rewrite(path, replace={f"parts/{part}.jsonl": data}, manifest=edit, sign_with=sign_with)
