"""Sending and receiving one package: the database side of a ``.pbcx`` file.

:func:`send_package` writes what the recipient does not hold yet (``exporting.py``) into a
signed, optionally encrypted package (``package.py``), then, in the same transaction,
remembers the versions sent and logs the package; a package that could not be written
leaves the database as it was. :func:`preview_package` merges a package in a transaction
that is rolled back, so the preview is exactly what :func:`receive_package` then applies
in one transaction, with the attachments' bytes, the exchange log entry and an audit
entry. Receiving a package twice changes nothing.

The offices come in as parameters (this office's card and keys, how to find a registered
sender's card), so this module does not care where they are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.migrate import head_revision, known_revisions
from pbc_desktop.db.models import Attachment, AttachmentContent, ExchangeLogEntry
from pbc_desktop.db.server import LongWrite
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.offices import OfficeCard, keys_missing
from pbc_desktop.errors import PermissionDeniedError, UserError
from pbc_desktop.lang import t
from pbc_desktop.services import audit
from pbc_desktop.services.exchange.exporting import Recipient, select_rows
from pbc_desktop.services.exchange.keys import OfficeKeys
from pbc_desktop.services.exchange.merge import MergeResult, Sender, agree_sent, merge
from pbc_desktop.services.exchange.office_scope import receive_refusal
from pbc_desktop.services.exchange.package import (
    Package,
    PackageError,
    PackageWriter,
    Problem,
    open_package,
    package_fingerprint,
)
from pbc_desktop.services.permissions import require

#: the part holding deletions (``{"entity", "uuid", "owner"}`` rows), after the records
TOMBSTONES = "tombstones"


class AlreadyReceivedError(UserError):
    """The package was received before; receiving it again would change nothing.
    ``log_id``: the exchange log entry of that receipt (its handover sheet)."""

    def __init__(self, message: str, log_id: int) -> None:
        super().__init__(message)
        self.log_id = log_id


class NotThePreviewedError(PackageError):
    """The file is not the package previewed (``previewed`` of :func:`receive_package`):
    ``found`` is the fingerprint it has."""

    def __init__(self, message: str, found: str) -> None:
        super().__init__(Problem.ALTERED, message)
        self.found = found


@dataclass(frozen=True)
class LocalOffice:
    card: OfficeCard
    #: None: this PC lacks the office's private keys (it can neither sign nor decrypt)
    keys: OfficeKeys | None
    #: without keys, why (no key file, a damaged one, another office's), in one sentence
    keys_problem: str | None = None


@dataclass(frozen=True)
class Sent:
    path: Path
    package_uuid: str
    fingerprint: str
    counts: dict[str, int]
    left_out: tuple[str, ...]
    log_id: int


@dataclass(frozen=True)
class Received:
    package_uuid: str
    fingerprint: str
    sender: str
    created_at: datetime
    result: MergeResult
    left_out: tuple[str, ...]
    #: set once applied: the exchange log entry
    log_id: int | None = None


def send_package(
    db: Database,
    path: Path,
    *,
    me: LocalOffice,
    to: OfficeCard,
    everything: bool = False,
    encrypt: bool = False,
) -> Sent:
    require(db, Permission.EXCHANGE)
    if me.keys is None:
        raise UserError(me.keys_problem or keys_missing())
    recipient = Recipient(to.uuid, to.level, to.organization_uuid, to.town)
    with db.write() as s:
        _refuse_replacing_a_sent_package(s, Path(path))
        selection = select_rows(
            s,
            sender_level=me.card.level,
            recipient=recipient,
            everything=everything,
            sender=db.user,
        )
        shas: set[str] = set()
        with PackageWriter(
            path, me.keys, me.card, to, encrypt=encrypt, schema_revision=head_revision()
        ) as writer:
            for name, rows in selection.parts():
                writer.add_part(name, _noting_files(rows, shas) if name == "attachment" else rows)
            writer.add_part(TOMBSTONES, selection.tombstones(me.card.uuid))
            for sha in sorted(shas):
                data = _attachment_bytes(s, sha)
                if data is not None:
                    writer.add_file(sha, data)
            writer.set(
                scope={"direction": selection.direction.value, "everything": everything},
                left_out=selection.left_out,
            )
        manifest = writer.manifest
        assert manifest is not None  # the with block ended without an error
        agree_sent(s, to.uuid, selection.sent)
        counts = {k: v for k, v in manifest.counts.items() if k != TOMBSTONES}
        entry = ExchangeLogEntry(
            direction="sent",
            package_uuid=manifest.package_uuid,
            sender=me.card.uuid,
            sender_name=me.card.name,
            recipient=to.uuid,
            recipient_name=to.name,
            created_at=manifest.created_at,
            by=db.user.user_id,
            fingerprint=writer.fingerprint,
            sender_fingerprint=me.card.fingerprint,
            recipient_fingerprint=to.fingerprint,
            encrypted=encrypt,
            left_out=json.dumps(list(manifest.left_out), ensure_ascii=False),
            counts=json.dumps({k: {"rows": v} for k, v in counts.items()}),
            conflicts=0,
            watermark=max((at for _u, at in selection.sent), default=None),
        )
        s.add(entry)
        s.flush()
        audit.record(
            s,
            AuditAction.EXPORT,
            None,
            summary=t(
                f"向{to.name}发送数据包，共 {sum(counts.values())} 条记录",
                f"Sent a package of {sum(counts.values())} records to {to.name}",
            ),
            entity="exchange_log",
        )
        return Sent(
            path=Path(path),
            package_uuid=manifest.package_uuid,
            fingerprint=writer.fingerprint,
            counts=counts,
            left_out=manifest.left_out,
            log_id=entry.id,
        )


def _refuse_replacing_a_sent_package(s: Session, path: Path) -> None:
    """A package only holds what changed since the last one to its office, so one written
    over an earlier package not yet carried there (a second package the same day, under
    the name the window suggests) would lose the earlier one's records for good."""
    found = package_fingerprint(path) if path.is_file() else None
    if found is None:
        return
    earlier = s.scalars(
        select(ExchangeLogEntry)
        .where(ExchangeLogEntry.direction == "sent", ExchangeLogEntry.fingerprint == found)
        .order_by(ExchangeLogEntry.id.desc())
        .limit(1)
    ).first()
    if earlier is None:
        return
    when = earlier.at.astimezone().strftime("%Y-%m-%d %H:%M")
    to = earlier.recipient_name
    raise UserError(
        t(
            f"“{path.name}”是本单位 {when} 发给{to}的数据包，新数据包只含此后的变化，"
            "覆盖它会使对方尚未接收的记录不再发出，请换一个文件名。",
            f"“{path.name}” is the package this office sent to {to} on {when}; a new one "
            "holds only what changed since, so replacing it would lose the records the "
            "other office has not received yet. Choose another file name.",
        )
    )


def _noting_files(rows: Iterator[dict[str, Any]], shas: set[str]) -> Iterator[dict[str, Any]]:
    for row in rows:
        if row.get("sha256"):
            shas.add(str(row["sha256"]))
        yield row


def _attachment_bytes(s: Session, sha: str) -> bytes | None:
    return s.scalar(
        select(AttachmentContent.data)
        .join(Attachment, Attachment.id == AttachmentContent.attachment_id)
        .where(Attachment.sha256 == sha)
        .limit(1)
    )


class _Preview(Exception):  # noqa: N818 (a signal, not an error)
    def __init__(self, received: Received) -> None:
        super().__init__()
        self.received = received


def preview_package(
    db: Database,
    path: Path,
    *,
    me: LocalOffice,
    lookup_sender: Callable[[str], OfficeCard | None],
) -> Received:
    """What receiving the package would do, record by record; nothing is written."""
    _require_the_office(db)
    with _opened(db, path, me, lookup_sender) as package:
        try:
            with db.write() as s:
                raise _Preview(_merge(s, package, me, dry=True))
        except _Preview as preview:
            return preview.received


def receive_package(
    db: Database,
    path: Path,
    *,
    me: LocalOffice,
    lookup_sender: Callable[[str], OfficeCard | None],
    previewed: str | None = None,
) -> Received:
    """Merge the package into the database in one transaction (all of it or nothing).

    ``previewed``: the fingerprint of the package the user looked at (:func:`preview_package`);
    a file replaced by another package since (the sender's next package saved under the same
    name) is refused: what would be merged is not what was shown.
    """
    _require_the_office(db)
    receiving = db.write(long_write=LongWrite.RECEIVING)  # other PCs' saves told so
    with _opened(db, path, me, lookup_sender) as package, receiving as s:
        if previewed is not None and package.fingerprint != previewed:
            raise _replaced_since_preview(path, package.fingerprint)
        _refuse_if_received(s, package.manifest.package_uuid)
        received = _merge(s, package, me)
        _store_files(s, package, received.result)
        m = package.manifest
        entry = ExchangeLogEntry(
            direction="received",
            package_uuid=m.package_uuid,
            sender=m.sender.uuid,
            sender_name=m.sender.name,
            recipient=me.card.uuid,
            recipient_name=me.card.name,
            created_at=m.created_at,
            by=db.user.user_id,
            fingerprint=package.fingerprint,
            sender_fingerprint=m.sender.fingerprint,
            recipient_fingerprint=me.card.fingerprint,
            encrypted=package.encrypted,
            left_out=json.dumps(list(m.left_out), ensure_ascii=False),
            counts=json.dumps(
                {k: {c.value: n for c, n in v.items()} for k, v in received.result.counts.items()}
            ),
            conflicts=received.result.conflicts,
            watermark=received.result.newest,
        )
        s.add(entry)
        s.flush()
        changed = sum(
            n for v in received.result.counts.values() for c, n in v.items() if c != "unchanged"
        )
        audit.record(
            s,
            AuditAction.IMPORT,
            None,
            summary=t(
                f"接收{m.sender.name}的数据包：{changed} 条记录有变化，"
                f"{received.result.conflicts} 条冲突",
                f"Received a package from {m.sender.name}: {changed} records changed, "
                f"{received.result.conflicts} conflicts",
            ),
            entity="exchange_log",
        )
        return Received(**{**received.__dict__, "log_id": entry.id})


def _require_the_office(db: Database) -> None:
    refused = receive_refusal(db)
    if refused is not None:
        raise PermissionDeniedError(refused)


def _replaced_since_preview(path: Path, found: str) -> NotThePreviewedError:
    name = Path(path).name
    return NotThePreviewedError(
        t(
            f"数据包“{name}”在预览之后被换成了另一个数据包（指纹不同），没有接收。"
            "请重新选择它，看过预览后再接收。",
            f"The package “{name}” was replaced by another one after its preview (its "
            "fingerprint differs); nothing was received. Choose it again and look at its "
            "preview before receiving it.",
        ),
        found,
    )


class _Opened:
    def __init__(self, package: Package) -> None:
        self.package = package

    def __enter__(self) -> Package:
        return self.package

    def __exit__(self, *exc: object) -> None:
        self.package.close()


def _opened(
    db: Database,
    path: Path,
    me: LocalOffice,
    lookup_sender: Callable[[str], OfficeCard | None],
) -> _Opened:
    try:
        package = open_package(
            path, my_keys=me.keys, my_uuid=me.card.uuid, lookup_sender=lookup_sender
        )
    except PackageError as exc:
        if exc.problem is not Problem.NO_KEY or me.keys_problem in (None, keys_missing()):
            raise
        # A damaged key file (or another office's) beside the database: named as sending
        # names it, not "this PC has no private key".
        raise PackageError(
            Problem.NO_KEY,
            t(
                f"数据包“{Path(path).name}”已加密，本机无法打开：{me.keys_problem}",
                f"The package “{Path(path).name}” is encrypted and this computer cannot "
                f"open it: {me.keys_problem}",
            ),
        ) from exc
    try:
        m = package.manifest
        if m.schema_revision not in known_revisions():
            raise PackageError(
                Problem.TOO_NEW,
                t(
                    f"数据包“{Path(path).name}”由更新版本的程序生成，请先升级本程序。",
                    f"The package “{Path(path).name}” was made by a newer version of the "
                    "program; upgrade this one first.",
                ),
            )
        with db.read() as s:
            _refuse_if_received(s, m.package_uuid)
    except BaseException:
        package.close()
        raise
    return _Opened(package)


def _refuse_if_received(s: Session, package_uuid: str) -> None:
    """Receiving a package twice changes nothing: say so (asked again under the write lock,
    so that two copies of the program receiving the same package at once apply it once)."""
    before = s.execute(
        select(ExchangeLogEntry.id, ExchangeLogEntry.at).where(
            ExchangeLogEntry.package_uuid == package_uuid,
            ExchangeLogEntry.direction == "received",
        )
    ).first()
    if before is not None:
        when = before.at.astimezone().strftime("%Y-%m-%d %H:%M")
        raise AlreadyReceivedError(
            t(
                f"该数据包已于 {when} 接收过，再次接收不会有任何变化。",
                f"This package was received on {when}; receiving it again changes nothing.",
            ),
            before.id,
        )


def _merge(s: Session, package: Package, me: LocalOffice, *, dry: bool = False) -> Received:
    m = package.manifest
    sender_uuid = m.sender.uuid

    def owner_of(_shape: Any, row: Mapping[str, Any]) -> str:
        return str(row.get("origin_office") or sender_uuid)

    parts = [(p.name, package.iter_part(p.name)) for p in m.parts if p.name != TOMBSTONES]
    tombstones = package.iter_part(TOMBSTONES) if m.part(TOMBSTONES) else iter(())
    result = merge(
        s,
        parts,
        tombstones,
        Sender(sender_uuid, m.package_uuid, owner_of, local_office=me.card.uuid),
        dry=dry,
    )
    return Received(
        package_uuid=m.package_uuid,
        fingerprint=package.fingerprint,
        sender=m.sender.name,
        created_at=m.created_at,
        result=result,
        left_out=m.left_out,
    )


def _store_files(s: Session, package: Package, result: MergeResult) -> None:
    """The bytes of every attachment the merge added or changed whose content is here."""
    touched = [
        c.uuid
        for c in result.changes
        if c.entity == "attachment" and c.change.value in {"new", "changed", "conflict"}
    ]
    for attachment in s.scalars(select(Attachment).where(Attachment.uuid.in_(touched))):
        sha = attachment.sha256
        if sha is None or package.manifest.file(sha) is None:
            continue
        content = s.get(AttachmentContent, attachment.id)
        data = package.read_file(sha)
        if content is None:
            s.add(AttachmentContent(attachment_id=attachment.id, data=data))
        else:
            content.data = data
