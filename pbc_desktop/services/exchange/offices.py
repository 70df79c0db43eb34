"""This database's office and the offices it exchanges packages with.

**This office** is set up once, by an administrator, with its name, level and place in the
organization tree; its two key pairs are made then. The public keys are in the ``office``
table (they go on the office card); the **private keys are in a file beside the database**
(``<database>.office-key``, readable by its owner only), never inside it: a backup, a
copy sent for help or a restored file carries no key that could sign packages in this
office's name. Moving the database to another PC without that file leaves it unable to
sign or open packages until an administrator imports the keys (exported with a
passphrase: :func:`export_keys`, :func:`import_keys`).

**Other offices** are registered from their cards (``domain/offices.py``) after the
clerks have compared the fingerprint by phone or on paper; only registered offices'
packages are accepted.
"""

from __future__ import annotations

import contextlib
import logging
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import Office, Organization
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AuditAction, OrgLevel
from pbc_desktop.domain.offices import (
    CODE_MAX,
    FIELD_LABELS,
    NAME_MAX,
    CardError,
    OfficeCard,
    card_from_json,
    fingerprint,
    keys_missing,
)
from pbc_desktop.domain.validation import text_error
from pbc_desktop.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    PermissionDeniedError,
    UserError,
    ValidationError,
    cannot_read,
    not_regular_file,
    os_reason,
)
from pbc_desktop.files import atomic_output, is_special
from pbc_desktop.lang import t
from pbc_desktop.paths import data_dir
from pbc_desktop.services import audit, versions
from pbc_desktop.services.access import own_office_row
from pbc_desktop.services.exchange import keys
from pbc_desktop.services.exchange.keys import OfficeKeys
from pbc_desktop.services.exchange.office_scope import whole_office_refusal
from pbc_desktop.services.exchange.transfer import LocalOffice
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import from_fields

KEY_SUFFIX = ".office-key"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OfficeSetup:
    name: str
    level: OrgLevel
    code: str = ""
    organization_id: int | None = None
    town: str | None = None
    version: int | None = None  # the version the editor read; None: not checked


@dataclass(frozen=True, kw_only=True)
class OfficeView(OfficeCard):
    """A known office: its card, and whether it is this database's own."""

    local: bool


def key_file(db: Database) -> Path:
    """Where this database's office keeps its private keys: beside a SQLite file, in the
    data folder for a server database.

    Beside the file rather than in the user's data folder or settings, because the keys
    belong to the database, not to the PC: two copies of the program with two data
    folders (or two databases in one) are two offices, each with its own keys, and a
    test's temporary database has its own. Not inside the database, because the database
    is what gets copied: backups (``services/backup.py`` copies the database file alone
    through SQLite's backup API), a copy sent for help, a file on a USB stick. Restoring a
    backup replaces only the database file; the key file beside it stays and still fits,
    the office's keys being made once and never changed."""
    path = db.path
    if path is not None:
        return path.with_name(path.name + KEY_SUFFIX)
    return data_dir() / f"server{KEY_SUFFIX}"


def _card(row: Office) -> OfficeCard:
    return from_fields(OfficeCard, row)


def _view(row: Office) -> OfficeView:
    return from_fields(OfficeView, row)


def local_card(db: Database) -> OfficeCard | None:
    with db.read() as s:
        row = own_office_row(s)
        return None if row is None else _card(row)


def local_setup(db: Database) -> OfficeSetup | None:
    """This office as set up (to change it: :func:`update_local_office`, handing back the
    version read here); its organization by id, None when that organization is not in this
    database's registry."""
    with db.read() as s:
        row = own_office_row(s)
        if row is None:
            return None
        org_id = None
        if row.organization_uuid is not None:
            org_id = s.scalar(
                select(Organization.id).where(Organization.uuid == row.organization_uuid)
            )
        return OfficeSetup(
            row.name,
            row.level,
            row.code,
            organization_id=org_id,
            town=row.town,
            version=row.version,
        )


def local_office(db: Database) -> LocalOffice:
    """This office with its keys (``keys`` None when this PC lacks the key file);
    :class:`NotFoundError` when the office was never set up."""
    card = local_card(db)
    if card is None:
        raise NotFoundError(
            t(
                "本库尚未设置本单位信息，请先由管理员设置本单位"
                "（文件 → 数据交换 → 本单位与登记单位）。",
                "This database has no office yet: an administrator sets it up first "
                "(File → Data exchange → Offices).",
            )
        )
    found = _read_keys(db, card)
    return LocalOffice(card, found, None if found is not None else keys_problem(db))


def _read_keys(db: Database, card: OfficeCard) -> OfficeKeys | None:
    try:
        data = key_file(db).read_bytes()
    except OSError:
        return None
    try:
        found = keys.from_pem(data)
    except keys.KeyFileError:
        return None
    if (found.sign_public, found.box_public) != (card.sign_key, card.box_key):
        return None  # another office's keys: as good as none
    return found


def keys_problem(db: Database) -> str:
    """Why this PC cannot sign or open packages for this office, in one sentence: no key
    file, or the file beside the database is another office's, a passphrase-protected
    export or damaged (each says what to do)."""
    card = local_card(db)
    path = key_file(db)
    try:
        data = path.read_bytes()
    except OSError:
        return keys_missing()
    try:
        found = keys.from_pem(data)
    except keys.KeyFileError:
        return t(
            f"密钥文件“{path}”已损坏或加了口令（导出的密钥文件不能直接放在这里），"
            "请管理员用“导入密钥”（pbc office import-key）导入本单位的密钥。",
            f"The key file “{path}” is damaged or protected by a passphrase (an exported key "
            "file cannot simply be put there): an administrator imports the office's keys "
            "(Import the keys, or pbc office import-key).",
        )
    if card is not None and (found.sign_public, found.box_public) != (
        card.sign_key,
        card.box_key,
    ):
        other = fingerprint(found.sign_public, found.box_public)
        return t(
            f"密钥文件“{path}”属于另一个单位（指纹 {other}），不是本单位的；"
            "请管理员导入本单位的密钥（pbc office import-key）。",
            f"The key file “{path}” belongs to another office (fingerprint {other}), not "
            "this one: an administrator imports this office's keys (pbc office import-key).",
        )
    return keys_missing()


def check_office(setup: OfficeSetup) -> list[FieldError]:
    """What is wrong with ``setup``, field by field (``name``, ``code``, ``town``), so a
    form can name every refused field at once before anything is written."""
    errors: list[FieldError] = []
    name = setup.name.strip()
    if not name or len(name) > NAME_MAX:
        errors.append(
            FieldError(
                "name",
                t(
                    "请填写单位名称（不超过120字）。",
                    "Enter the office's name (120 characters at most).",
                ),
            )
        )
    if len(setup.code.strip()) > CODE_MAX:
        errors.append(
            FieldError(
                "code", t("单位代码不超过40字。", "The office code is 40 characters at most.")
            )
        )
    if setup.level is OrgLevel.TOWN and not (setup.town or "").strip():
        errors.append(
            FieldError("town", t("镇街单位请填写所在镇街。", "A town office names its town."))
        )
    # A line break or a direction mark travels in the card to every office (see the card).
    for key, value in (("name", setup.name), ("code", setup.code), ("town", setup.town)):
        problem = text_error(value, FIELD_LABELS[key])
        if problem is not None and all(e.field != key for e in errors):
            errors.append(FieldError(key, problem))
    return errors


def create_local_office(db: Database, setup: OfficeSetup) -> OfficeCard:
    """Set up this database's office and make its keys (once). A key file already beside
    the database (left by an earlier database of that name) is kept aside, not replaced."""
    require(db, Permission.MANAGE_ACCOUNTS)
    if errors := check_office(setup):
        raise ValidationError(errors)
    name = setup.name.strip()
    office_keys = keys.generate()
    with db.write() as s:
        # two administrators setting it up at once from two PCs: the second waits, then
        # finds it set up (else the database refused it: two offices of its own)
        lock_groups(s, [("local_office",)])
        if own_office_row(s) is not None:
            raise ConflictError(t("本单位已经设置过。", "This office is set up already."))
        org_uuid = _organization_uuid(s, setup.organization_id)
        row = Office(
            uuid=str(uuid_module.uuid4()),
            name=name,
            level=setup.level,
            code=setup.code.strip(),
            organization_uuid=org_uuid,
            town=(setup.town or "").strip() or None
            if setup.level is not OrgLevel.DISTRICT
            else None,
            sign_key=office_keys.sign_public,
            box_key=office_keys.box_public,
            local=True,
            registered_by=db.user.user_id,
        )
        s.add(row)
        s.flush()
        path = key_file(db)
        _keep_aside(path)
        _write_keys(path, office_keys)  # the database row commits only after this
        _audit(s, AuditAction.CREATE, t(f"设置本单位：{name}", f"Set up this office: {name}"), row)
        return _card(row)


def update_local_office(db: Database, setup: OfficeSetup) -> OfficeCard:
    """Change this office's name, code or place in the tree (its keys stay): a village
    office names its organization once the district's registry has arrived. Offices that
    registered the old card register the new one (same keys: it replaces the old).

    ``setup.version``: the office's as the editor read it (:func:`local_setup`); a save
    over another administrator's change since then is refused (``StaleEditError``)."""
    require(db, Permission.MANAGE_ACCOUNTS)
    if errors := check_office(setup):
        raise ValidationError(errors)
    name = setup.name.strip()
    with db.write() as s:
        row = own_office_row(s)
        if row is None:
            raise NotFoundError(t("本库尚未设置本单位。", "This database has no office yet."))
        versions.check(s, row, setup.version)
        before = _card(row)
        row.name, row.code, row.level = name, setup.code.strip(), setup.level
        row.organization_uuid = _organization_uuid(s, setup.organization_id)
        row.town = (setup.town or "").strip() or None
        _audit(
            s,
            AuditAction.UPDATE,
            t(
                f"修改本单位信息：{before.name} → {name}",
                f"Changed this office: {before.name} → {name}",
            ),
            row,
        )
        return _card(row)


def _organization_uuid(s: Session, organization_id: int | None) -> str | None:
    if organization_id is None:
        return None
    org = s.get(Organization, organization_id)
    if org is None:
        raise NotFoundError(t("找不到所选党组织。", "The organization was not found."))
    return org.uuid


def _keep_aside(path: Path) -> None:
    """Rename a key file found where a new office's keys go (``….office-key.1.old``, the
    first free number): private keys are never overwritten, in case they are still
    needed, e.g. by a backup of the database they belong to."""
    if not path.exists():
        return
    number = 1
    while (aside := path.with_name(f"{path.name}.{number}.old")).exists():
        number += 1
    try:
        path.rename(aside)
    except OSError as exc:
        raise UserError(
            t(
                f"无法把原有的密钥文件“{path}”改名保留：{os_reason(exc)}",
                f"Cannot keep the existing key file “{path}” aside: {os_reason(exc)}",
            )
        ) from exc
    log.warning("an earlier office key file was kept aside as %s", aside)


def _write_keys(path: Path, office_keys: OfficeKeys, passphrase: str | None = None) -> None:
    """The keys to ``path``: the office's own key file (no ``passphrase``), which may
    replace a key file there, or an export, which may not (it could be an office's keys)."""
    try:
        with atomic_output(path, keys=passphrase is None) as tmp:
            tmp.touch(mode=0o600)  # readable by its owner only, before a key is in it
            with contextlib.suppress(OSError):
                tmp.chmod(0o600)
            tmp.write_bytes(keys.to_pem(office_keys, passphrase))
    except OSError as exc:
        raise UserError(
            t(
                f"无法写入密钥文件“{path}”：{os_reason(exc)}",
                f"Cannot write the key file “{path}”: {os_reason(exc)}",
            )
        ) from exc


def offices(db: Database) -> list[OfficeView]:
    """This office first, then the registered ones by name."""
    with db.read() as s:
        rows = s.scalars(select(Office).order_by(Office.local.desc(), Office.name)).all()
        return [_view(r) for r in rows]


def lookup(db: Database) -> Callable[[str], OfficeCard | None]:
    """A registered office's card by its UUID (for checking a package's sender)."""
    with db.read() as s:
        cards = {r.uuid: _card(r) for r in s.scalars(select(Office).where(Office.local.is_(False)))}
    return cards.get


def find_office(db: Database, name_or_uuid: str) -> OfficeCard:
    """A registered office named (or identified) so; :class:`NotFoundError` otherwise."""
    key = name_or_uuid.strip()
    with db.read() as s:
        rows = s.scalars(
            select(Office).where(
                Office.local.is_(False), (Office.name == key) | (Office.uuid == key)
            )
        ).all()
        if len(rows) == 1:
            return _card(rows[0])
        if rows:  # e.g. an office that set itself up again on a new PC
            which = "；".join(f"{r.uuid}（指纹 {_card(r).fingerprint}）" for r in rows)
            which_en = "; ".join(f"{r.uuid} (fingerprint {_card(r).fingerprint})" for r in rows)
            raise ConflictError(
                t(
                    f"登记了 {len(rows)} 个名为“{key}”的单位，请用单位标识指明是哪一个：{which}。",
                    f"{len(rows)} registered offices are named “{key}”; name one by its "
                    f"identifier: {which_en}.",
                )
            )
    raise NotFoundError(
        t(
            f"没有登记名为“{key}”的单位；请先登记对方单位的名片。",
            f"No office named “{key}” is registered; register its card first.",
        )
    )


def _read_file(path: Path, what_zh: str, what_en: str) -> bytes:
    """The bytes of a file the user chose; a FIFO nobody writes (a pipe, a device) is
    refused before it is opened, as the roster import and restore refuse it: reading it
    waited without end."""
    if is_special(path):
        raise not_regular_file(path, what_zh, what_en)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise cannot_read(path, exc) from exc


def read_card(path: Path) -> OfficeCard:
    """The office card in the file at ``path``; :class:`UserError` says why not."""
    data = _read_file(path, "单位名片", "office card")
    try:
        return card_from_json(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UserError(t("该文件不是单位名片。", "The file is not an office card.")) from exc
    except CardError as exc:
        raise UserError(str(exc)) from exc


def register_refusal(db: Database) -> str | None:
    """Why the acting account may not register offices (None: it may). Which offices'
    packages are taken, and where a card places an office (what is sent down to it), are
    the whole office's: decided by an account answering for it (``office_scope``), as
    receiving is; not by a village account on a town's database."""
    return whole_office_refusal(
        db,
        t(
            "登记其他单位决定本单位接收谁的数据包、向谁发送哪些记录，由负责本单位的账号办理，"
            "当前账号不能登记。",
            "Registering an office decides whose packages this office takes and what it sends "
            "them: an account answering for the whole office does it; the signed-in account "
            "may not.",
        ),
    )


def register_card(db: Database, card: OfficeCard) -> bool:
    """Register another office from its card; False when it is registered already with
    these keys. A card with this office's identity, or the same office with other keys,
    is refused with a sentence."""
    refused = register_refusal(db)
    if refused is not None:
        raise PermissionDeniedError(refused)
    with db.write() as s:
        lock_groups(s, [("office", card.uuid)])  # two PCs registering it at once: one does
        existing = s.scalars(select(Office).where(Office.uuid == card.uuid)).first()
        if existing is not None:
            if existing.local:
                raise ConflictError(
                    t("这是本单位自己的名片，无需登记。", "This is this office's own card.")
                )
            known = _card(existing)
            if (known.sign_key, known.box_key) == (card.sign_key, card.box_key):
                if known == card:
                    return False
                # the same office with a new name or place in the tree
                existing.name, existing.level, existing.code = card.name, card.level, card.code
                existing.organization_uuid, existing.town = card.organization_uuid, card.town
                _audit(
                    s,
                    AuditAction.UPDATE,
                    t(f"更新已登记单位：{card.name}", f"Updated registered office {card.name}"),
                )
                return True
            raise ConflictError(
                t(
                    f"“{known.name}”已登记，指纹为 {known.fingerprint}；"
                    f"这张名片的指纹却是 {card.fingerprint}。请与对方核实后再登记。",
                    f"“{known.name}” is registered with fingerprint {known.fingerprint}, "
                    f"but this card's is {card.fingerprint}. Check with that office first.",
                )
            )
        s.add(Office(**asdict(card), local=False, registered_by=db.user.user_id))
        _audit(
            s,
            AuditAction.CREATE,
            t(
                f"登记单位：{card.name}（指纹 {card.fingerprint}）",
                f"Registered office {card.name} (fingerprint {card.fingerprint})",
            ),
        )
        return True


def export_keys(db: Database, out: Path, passphrase: str) -> Path:
    """This office's private keys, encrypted with ``passphrase``, to move them to another PC."""
    require(db, Permission.MANAGE_ACCOUNTS)
    if len(passphrase) < 8:
        raise ValidationError.single(
            "passphrase", t("口令至少8位。", "The passphrase has at least 8 characters.")
        )
    office = local_office(db)
    if office.keys is None:
        raise _keys_missing()
    _write_keys(out, office.keys, passphrase)
    with db.write() as s:
        _audit(s, AuditAction.EXPORT, t("导出本单位密钥", "Exported the office's keys"))
    return out


def import_keys(db: Database, source: Path, passphrase: str | None) -> None:
    """Put the office's keys (from :func:`export_keys`) beside this database."""
    require(db, Permission.MANAGE_ACCOUNTS)
    office = local_office(db)
    data = _read_file(source, "密钥文件", "key file")
    found = keys.from_pem(data, passphrase)
    if (found.sign_public, found.box_public) != (office.card.sign_key, office.card.box_key):
        raise ConflictError(
            t(
                "该密钥文件不属于本单位（指纹不符）。",
                "The key file belongs to another office (the fingerprint differs).",
            )
        )
    _write_keys(key_file(db), found)
    with db.write() as s:
        _audit(s, AuditAction.IMPORT, t("导入本单位密钥", "Imported the office's keys"))


def _audit(s: Session, action: AuditAction, summary: str, office: Office | None = None) -> None:
    """``office``: the row changed, named in the entry (by UUID) so that a refused save
    over its change names who made it (``versions.refusal``)."""
    audit.record(
        s,
        action,
        None,
        summary=summary,
        entity="office",
        entity_uuid=None if office is None else office.uuid,
    )


def _keys_missing() -> UserError:
    return UserError(keys_missing())
