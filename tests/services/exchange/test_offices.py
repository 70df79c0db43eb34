"""This office and the registered ones: set up once with keys beside the database (never
inside it), cards registered after checking, keys moved with a passphrase."""

from __future__ import annotations

import dataclasses
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Office
from pbc_desktop.domain.accounts import SYSTEM, Permission
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    UserError,
    ValidationError,
)
from pbc_desktop.services.exchange import keys, offices
from pbc_desktop.services.exchange.offices import OfficeSetup
from pbc_desktop.services.exchange.package import PackageError, Problem
from pbc_desktop.services.exchange.transfer import preview_package, send_package
from tests.conftest import all_rows_text
from tests.factories import make_org
from tests.scope_factories import town_actor, viewer_actor, village_actor
from tests.services.exchange.package_helpers import Office as KeyedOffice
from tests.services.exchange.package_helpers import office, write_sample

TOWN = office("c0000000-0000-4000-8000-000000000002", "和平镇党委", OrgLevel.TOWN)


def _set_up(db: Database) -> None:
    branch = make_org(db, "上底村党支部")
    offices.create_local_office(
        db, OfficeSetup("上底村党委", OrgLevel.VILLAGE, "440514-1", organization_id=branch)
    )


def test_this_office_is_set_up_once_with_its_keys_beside_the_database(
    db: Database, data_dir: Path
) -> None:
    _set_up(db)
    me = offices.local_office(db)
    assert me.card.name == "上底村党委"
    assert me.card.organization_uuid is not None
    assert me.keys is not None and me.keys.sign_public == me.card.sign_key
    path = offices.key_file(db)
    # Beside a database file; for a server's database, in the data folder.
    assert path.parent == (db.path.parent if db.path is not None else data_dir)
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    if db.path is not None:
        assert b"PRIVATE KEY" not in db.path.read_bytes()
    assert "PRIVATE KEY" not in all_rows_text(db)
    with pytest.raises(ConflictError):
        offices.create_local_office(db, OfficeSetup("又一个", OrgLevel.DISTRICT))


def test_what_is_missing_is_named_field_by_field(db: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        offices.create_local_office(db, OfficeSetup(" ", OrgLevel.VILLAGE))
    assert refused.value.fields() == ["name"]
    with pytest.raises(ValidationError) as town:
        offices.create_local_office(db, OfficeSetup("镇", OrgLevel.TOWN))
    assert town.value.fields() == ["town"]


@pytest.mark.parametrize(
    ("setup", "field"),
    [
        (OfficeSetup("上底村党委\n错误：伪造", OrgLevel.VILLAGE), "name"),
        (OfficeSetup("上底村党委", OrgLevel.VILLAGE, "440514\u200b"), "code"),
        (OfficeSetup("和平镇党委", OrgLevel.TOWN, town="\u202e镇平和"), "town"),
    ],
)
def test_a_line_break_or_an_invisible_mark_never_reaches_the_card(
    db: Database, setup: OfficeSetup, field: str
) -> None:
    """The office's name travels in its card to every office, printed wherever a package's
    sender is named: a line break there once printed a forged line of its own."""
    with pytest.raises(ValidationError) as caught:
        offices.create_local_office(db, setup)
    assert [e.field for e in caught.value.errors] == [field]
    assert offices.local_card(db) is None


def test_without_its_key_file_the_office_cannot_sign(db: Database) -> None:
    _set_up(db)
    offices.key_file(db).unlink()
    assert offices.local_office(db).keys is None
    with pytest.raises(NotFoundError):
        offices.find_office(db, "和平镇党委")


@pytest.mark.parametrize(
    ("damage", "said"), [(b"", "已损坏"), (b"-----BEGIN PRIVATE KEY-----\nAAAA", "已损坏")]
)
def test_sending_with_a_damaged_key_file_names_it(
    db: Database, tmp_path: Path, damage: bytes, said: str
) -> None:
    """A key file beside the database that cannot be read: sending said there was none."""
    _set_up(db)
    offices.register_card(db, TOWN.card)
    offices.key_file(db).write_bytes(damage)
    me = offices.local_office(db)
    assert me.keys is None
    with pytest.raises(UserError) as refused:
        send_package(db, tmp_path / "p.pbcx", me=me, to=TOWN.card)
    assert said in str(refused.value) and str(offices.key_file(db)) in str(refused.value)
    assert not (tmp_path / "p.pbcx").exists()


def test_receiving_with_a_damaged_key_file_names_it(db: Database, tmp_path: Path) -> None:
    """An encrypted package for this office, its key file beside the database damaged:
    receiving said this PC held no private key, where sending names the damaged file."""
    _set_up(db)
    offices.register_card(db, TOWN.card)
    before = offices.local_office(db)
    assert before.keys is not None
    path = tmp_path / "usb" / "down.pbcx"
    path.parent.mkdir()
    write_sample(path, TOWN, KeyedOffice(before.keys, before.card), encrypt=True, tmp=tmp_path)
    offices.key_file(db).write_bytes(b"-----BEGIN PRIVATE KEY-----\nAAAA")
    me = offices.local_office(db)
    with pytest.raises(PackageError) as refused:
        preview_package(db, path, me=me, lookup_sender=offices.lookup(db))
    said = str(refused.value)
    assert refused.value.problem is Problem.NO_KEY
    assert "已损坏" in said and str(offices.key_file(db)) in said and "down.pbcx" in said
    assert "没有本单位的私钥" not in said


def test_registering_cards(db: Database) -> None:
    _set_up(db)
    assert offices.register_card(db, TOWN.card) is True
    assert offices.register_card(db, TOWN.card) is False  # the same card again
    assert offices.find_office(db, "和平镇党委") == TOWN.card
    assert offices.lookup(db)(TOWN.card.uuid) == TOWN.card
    impostor = office(TOWN.card.uuid, "和平镇党委", OrgLevel.TOWN)
    with pytest.raises(ConflictError) as refused:
        offices.register_card(db, impostor.card)
    assert TOWN.card.fingerprint in str(refused.value)
    assert impostor.card.fingerprint in str(refused.value)
    with pytest.raises(ConflictError, match="本单位自己"):
        offices.register_card(db, offices.local_office(db).card)
    names = [(o.name, o.local) for o in offices.offices(db)]
    assert names == [("上底村党委", True), ("和平镇党委", False)]


def test_two_registered_offices_of_one_name_are_told_apart_by_identifier(db: Database) -> None:
    _set_up(db)
    again = office("c0000000-0000-4000-8000-000000000009", "和平镇党委", OrgLevel.TOWN)
    offices.register_card(db, TOWN.card)
    offices.register_card(db, again.card)  # the town set itself up anew on a new PC
    with pytest.raises(ConflictError) as which:
        offices.find_office(db, "和平镇党委")
    assert TOWN.card.uuid in which.value.message and again.card.uuid in which.value.message
    assert again.card.fingerprint in which.value.message
    assert offices.find_office(db, again.card.uuid) == again.card


def test_clerks_exchange_but_only_an_administrator_sets_up_the_office(db: Database) -> None:
    administrator = db.user
    branch = make_org(db, "下底村党支部")
    for clerk in (village_actor(db, branch), town_actor(db)):
        assert clerk.can(Permission.EXCHANGE) and not clerk.can(Permission.MANAGE_ACCOUNTS)
        db.user = clerk
        with pytest.raises(PermissionDeniedError, match="管理账号"):
            offices.create_local_office(db, OfficeSetup("下底村党委", OrgLevel.VILLAGE))
    assert not viewer_actor(db).can(Permission.EXCHANGE)
    db.user = administrator
    offices.create_local_office(
        db, OfficeSetup("下底村党委", OrgLevel.VILLAGE, organization_id=branch)
    )
    db.user = village_actor(db, branch, name="另一位村书记")  # the village's own office
    assert offices.register_refusal(db) is None
    assert offices.register_card(db, TOWN.card) is True


def test_a_village_account_on_a_towns_database_registers_no_office(db: Database) -> None:
    """Which offices' packages are taken and where a card places an office (so what is
    sent down to it) are the town's to decide: a village clerk on the town's database
    registered cards, and re-registering a known office's keys moved it in the tree."""
    offices.create_local_office(db, OfficeSetup("成田镇党委", OrgLevel.TOWN, town="成田镇"))
    branch = make_org(db, "下底村党支部", town="成田镇")
    db.user = village_actor(db, branch)
    refusal = offices.register_refusal(db)
    assert refusal is not None and "负责本单位的账号" in refusal
    with pytest.raises(PermissionDeniedError) as refused:
        offices.register_card(db, TOWN.card)
    assert refused.value.message == refusal
    with db.read() as s:
        assert s.scalars(select(Office).where(Office.local.is_(False))).first() is None
    db.user = town_actor(db, "成田镇")
    assert offices.register_card(db, TOWN.card) is True


def test_a_viewer_registers_nothing(db: Database) -> None:
    _set_up(db)
    db.user = viewer_actor(db)
    with pytest.raises(PermissionDeniedError):
        offices.register_card(db, TOWN.card)
    with db.read() as s:
        assert s.scalars(select(Office).where(Office.local.is_(False))).first() is None


def test_keys_move_to_another_pc_with_a_passphrase(db: Database, tmp_path: Path) -> None:
    _set_up(db)
    before = offices.local_office(db).keys
    out = offices.export_keys(db, tmp_path / "usb" / "keys.pem", "口令-至少八个字符")
    assert b"ENCRYPTED" in out.read_bytes()
    offices.key_file(db).unlink()
    with pytest.raises(keys.KeyFileError):
        offices.import_keys(db, out, "wrong passphrase")
    offices.import_keys(db, out, "口令-至少八个字符")
    after = offices.local_office(db).keys
    assert before is not None and after is not None
    assert after.sign_public == before.sign_public
    stranger = tmp_path / "other.pem"
    stranger.write_bytes(keys.to_pem(TOWN.keys, "口令-至少八个字符"))
    with pytest.raises(ConflictError):
        offices.import_keys(db, stranger, "口令-至少八个字符")
    with pytest.raises(ValidationError):
        offices.export_keys(db, tmp_path / "k.pem", "short")
    with pytest.raises(UserError):
        offices.import_keys(db, tmp_path / "missing.pem", "口令-至少八个字符")


def test_keys_exported_over_a_key_file_are_refused_and_imported_keys_replace_theirs(
    db: Database, tmp_path: Path
) -> None:
    """An export chosen over the office's own key file (or another office's) once put the
    passphrase-locked copy there: the office could no longer sign."""
    _set_up(db)
    key = offices.key_file(db)
    kept = key.read_bytes()
    with pytest.raises(UserError, match="是密钥文件，不能被覆盖"):
        offices.export_keys(db, key, "口令-至少八个字符")
    assert key.read_bytes() == kept and offices.local_office(db).keys is not None
    out = offices.export_keys(db, tmp_path / "keys.pem", "口令-至少八个字符")
    with pytest.raises(UserError, match="是密钥文件"):
        offices.export_keys(db, out, "口令-至少八个字符")  # nor an earlier export
    offices.import_keys(db, out, "口令-至少八个字符")  # the office's own file: replaced
    assert offices.local_office(db).keys is not None


def test_a_village_office_names_its_organization_once_the_registry_arrived(db: Database) -> None:
    offices.create_local_office(db, OfficeSetup("上底村党委", OrgLevel.VILLAGE))
    before = offices.local_office(db).card
    assert before.organization_uuid is None  # down packages: the registry only
    branch = make_org(db, "上底村党支部")
    after = offices.update_local_office(
        db, OfficeSetup("上底村党委", OrgLevel.VILLAGE, organization_id=branch)
    )
    assert after.organization_uuid is not None
    assert (after.sign_key, after.fingerprint) == (before.sign_key, before.fingerprint)


def test_a_registered_office_sends_its_updated_card(db: Database) -> None:
    _set_up(db)
    offices.register_card(db, TOWN.card)
    moved = dataclasses.replace(TOWN.card, name="和平镇党委(新)", town="和平镇")
    assert offices.register_card(db, moved) is True
    assert offices.find_office(db, "和平镇党委(新)") == moved


def test_the_database_itself_holds_one_office_of_its_own(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    _set_up(db)
    card = TOWN.card
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(
            Office(
                uuid=card.uuid,
                name=card.name,
                level=card.level,
                sign_key=card.sign_key,
                box_key=card.box_key,
                local=True,
            )
        )
    offices.register_card(db, card)  # registered offices are as many as there are
    assert [o.local for o in offices.offices(db)] == [True, False]


def test_a_key_file_found_where_new_keys_go_is_kept_aside(db: Database) -> None:
    path = offices.key_file(db)
    path.write_bytes(keys.to_pem(TOWN.keys))  # left by an earlier database of this name
    _set_up(db)
    aside = path.with_name(path.name + ".1.old")
    assert keys.from_pem(aside.read_bytes()).sign_public == TOWN.card.sign_key
    assert offices.local_office(db).keys is not None  # the new office's own


@pytest.mark.sqlite_only("backups copy the database file")
def test_backups_carry_no_key_and_a_restore_keeps_signing(db: Database, tmp_path: Path) -> None:
    from pbc_desktop.services import backup, backup_restore

    assert db.path is not None
    _set_up(db)
    copy = backup.backup_to(db.path, tmp_path / "usb-copy.sqlite", by=SYSTEM)
    assert b"PRIVATE KEY" not in copy.read_bytes()
    assert not list(tmp_path.glob("usb-copy*.office-key*"))
    db.dispose()
    backup_restore.restore(db.path, copy, folder=tmp_path / "kept")
    assert not list((tmp_path / "kept").glob("*office-key*"))
    again = Database(db.url, actor="测试员")
    try:
        assert offices.local_office(again).keys is not None  # the key file beside still fits
    finally:
        again.dispose()
