"""A roster imported on one PC while clerks save on others (one server database): the
import holds the audit chain's end only for its last moment, so another PC's save goes
in meanwhile instead of waiting for the whole import (a 30,000-member update held it
about 5 s on a test server, and past ``lock_timeout`` (15 s) on a slower one the other
PCs' saves were refused). The chain stays whole and in order."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, PartyMember
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.services import audit_chain, member_editing
from pbc_desktop.services import member_import as mi
from pbc_desktop.services import organization_import as oi
from tests.factories import make_id, make_member, make_org
from tests.import_factories import write_roster
from tests.org_import_factories import org as org_row
from tests.org_import_factories import write_org_list
from tests.services.test_row_versions import client

ORG = "成田镇大寮村党支部"
NEW_ORG = "成田镇新村党支部"
IN_ROSTER = make_id("19850302", "123")


def _row(name: str, number: str, org: str, phone: str) -> tuple[object, ...]:
    return (name, None, number, None, "2010-07-01", "正式党员", phone, org)


@pytest.mark.server_only("two transactions of two clients at the same moment")
@pytest.mark.parametrize("on_duplicate", ["update", "skip"])
def test_another_pcs_save_goes_in_while_a_roster_is_written(
    db: Database, tmp_path: Path, on_duplicate: mi.OnDuplicate
) -> None:
    """``update``: the stored member's audit entries are written a chunk at a time;
    ``skip`` with an organization to create: its entry is written before any member."""
    org = make_org(db, ORG, town="成田镇")
    make_member(db, "张老三", org, id_number=IN_ROSTER, phone="13900000000")
    other_member = make_member(db, "王五", org, complete=True)
    rows = [_row("张老三", IN_ROSTER, ORG, "13811112222")]
    if on_duplicate == "skip":
        rows.append(_row("李新", make_id("19900715", "224"), NEW_ORG, "13811113333"))
    preview = mi.read_members(db, write_roster(tmp_path / "r.xlsx", rows), create_orgs=True)
    other = client(db, "lisi", "李四")
    read = member_editing.get_member_input(other, other_member)
    waited: list[bool] = []

    def save_elsewhere() -> None:
        member_editing.update_member(other, other_member, replace(read, work_unit="新单位"))

    def progress(_percent: int, text: str) -> None:
        if waited or not text.startswith("正在写入"):
            return
        # the import has written members (and audit entries): its transaction is open
        job = threading.Thread(target=save_elsewhere)
        job.start()
        job.join(5)
        waited.append(job.is_alive())

    try:
        result = mi.apply_import(db, preview, on_duplicate=on_duplicate, progress=progress)
    finally:
        other.dispose()
    assert waited == [False], "the other PC's save waited for the import"
    assert (result.updated, result.imported) == ((1, 0) if on_duplicate == "update" else (0, 1))
    assert member_editing.get_member_input(db, other_member).work_unit == "新单位"
    with db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        assert s.scalar(select(PartyMember.phone).where(PartyMember.id_number == IN_ROSTER)) == (
            "13811112222" if on_duplicate == "update" else "13900000000"
        )
    # the other PC's save, then the import's entries, its summary last; the chain is whole
    assert actions[-1] is AuditAction.IMPORT
    assert actions.index(AuditAction.IMPORT) > actions.index(AuditAction.UPDATE)
    assert audit_chain.verify_chain(db).intact


@pytest.mark.server_only("two transactions of two clients at the same moment")
def test_another_pcs_save_goes_in_while_an_organization_list_is_written(
    db: Database, tmp_path: Path
) -> None:
    """Each organization the list changes is audited as it is written."""
    first = make_org(db, "甲一村党支部", town="甲镇", secretary="旧书记")
    make_org(db, "甲二村党支部", town="甲镇", secretary="旧书记")
    other_member = make_member(db, "王五", first, complete=True)
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [org_row(f"甲{n}村党支部", None, secretary="新书记") for n in "一二"],
    )
    preview = oi.read_organizations(db, path)
    other = client(db, "lisi", "李四")
    read = member_editing.get_member_input(other, other_member)
    waited: list[bool] = []

    def progress(_percent: int, text: str) -> None:
        if waited or not text.startswith("正在写入第 2/"):
            return
        # the first organization is written (and audited): the transaction is open
        job = threading.Thread(
            target=lambda: member_editing.update_member(
                other, other_member, replace(read, work_unit="新单位")
            )
        )
        job.start()
        job.join(5)
        waited.append(job.is_alive())

    try:
        result = oi.apply_org_import(db, preview, on_duplicate="update", progress=progress)
    finally:
        other.dispose()
    assert waited == [False], "the other PC's save waited for the import"
    assert result.updated == 2
    assert member_editing.get_member_input(db, other_member).work_unit == "新单位"
    assert audit_chain.verify_chain(db).intact


def _summaries(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.summary).order_by(AuditEntry.id)))


def test_entries_held_to_the_end_keep_their_order_and_an_error_appends_none(
    db: Database,
) -> None:
    from pbc_desktop.services import audit

    before = len(_summaries(db))
    with db.write() as s, audit.appended_at_the_end(s):
        audit.record(s, AuditAction.IMPORT, None, summary="一")
        with audit.appended_at_the_end(s):  # inside another: the outer appends them
            audit.record(s, AuditAction.IMPORT, None, summary="二")
        audit.record(s, AuditAction.IMPORT, None, summary="三")
        with db.read() as other:  # nothing written yet
            assert len(list(other.scalars(select(AuditEntry.id)))) == before
    assert _summaries(db)[before:] == ["一", "二", "三"]

    def fails() -> None:
        with db.write() as s, audit.appended_at_the_end(s):
            audit.record(s, AuditAction.IMPORT, None, summary="四")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fails()
    assert _summaries(db)[before:] == ["一", "二", "三"]
    assert audit_chain.verify_chain(db).intact
