"""The audit log's hash chain: intact after ordinary work, and an entry edited or removed
with a database tool is named."""

from __future__ import annotations

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.errors import PermissionDeniedError
from pbc_desktop.services import organizations
from pbc_desktop.services.audit_chain import verify_chain
from tests.conftest import sql_by_hand
from tests.factories import make_org


def some_work(db: Database) -> None:
    for name in ("甲村党支部", "乙村党支部", "丙村党支部", "丁村党支部"):
        org = make_org(db, name)
        organizations.delete_organization(db, org)


def test_an_untouched_log_is_intact(db: Database) -> None:
    some_work(db)
    check = verify_chain(db)
    assert check.intact and check.entries == 4
    assert "完整" in check.message


def test_an_edited_entry_is_named(db: Database) -> None:
    some_work(db)
    sql_by_hand(db, "UPDATE audit_log SET summary = '什么也没删' WHERE id = 2")
    check = verify_chain(db)
    assert not check.intact and check.broken_at == 2
    assert "第 2 条记录被改动过" in check.message


def test_a_removed_entry_is_found(db: Database) -> None:
    some_work(db)
    sql_by_hand(db, "DELETE FROM audit_log WHERE id = 2")
    check = verify_chain(db)
    assert check.broken_at == 3 and "第 3 条之前" in check.message


def test_removing_the_newest_entries_shows_at_the_head(db: Database) -> None:
    some_work(db)
    sql_by_hand(db, "DELETE FROM audit_log WHERE id >= 3")
    check = verify_chain(db)
    assert check.broken_at == 2 and "第 2 条之后" in check.message


def test_an_empty_log_is_intact(db: Database) -> None:
    assert verify_chain(db).intact


def test_only_an_administrator_checks_the_chain(db: Database) -> None:
    from dataclasses import replace

    from pbc_desktop.domain.enums import UserRole

    db.user = replace(db.user, role=UserRole.VILLAGE)
    with pytest.raises(PermissionDeniedError):
        verify_chain(db)


def test_a_log_removed_whole_or_its_end_removed_is_said_so(db: Database) -> None:
    some_work(db)
    sql_by_hand(db, "DELETE FROM audit_head")
    check = verify_chain(db)
    assert check.broken_at == 4 and "audit_head" in check.message and "删除" in check.message
    sql_by_hand(db, "INSERT INTO audit_head (id, last_id, last_hash, entries) VALUES (1, 0, '', 4)")
    sql_by_hand(db, "DELETE FROM audit_log")  # truncated: the head still counts 4
    check = verify_chain(db)
    assert not check.intact and "全部 4 条记录都被删除了" in check.message
    assert "第 0 条" not in check.message


def test_the_last_entry_renumbered_is_found(db: Database) -> None:
    some_work(db)
    sql_by_hand(db, "UPDATE audit_log SET id = 100 WHERE id = 4")
    check = verify_chain(db)
    assert check.broken_at == 100 and "原为第 4 条" in check.message
