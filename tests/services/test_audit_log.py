"""Reading the audit log: newest first, paged, filtered; masked as stored; administrators only."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.errors import PermissionDeniedError
from pbc_desktop.services import organizations
from pbc_desktop.services.audit_log import (
    AuditQuery,
    count_entries,
    list_entries,
    record_type_choices,
    who_choices,
)
from pbc_desktop.services.paging import PageRequest
from tests.audit_factories import add_entries
from tests.factories import make_member, make_org
from tests.scope_factories import district_actor, town_actor, viewer_actor, village_actor


def ids(db: Database, query: AuditQuery, page: PageRequest | None = None) -> list[int]:
    return [r.id for r in list_entries(db, query, page or PageRequest(limit=1000))]


def test_newest_first_page_by_page(db: Database) -> None:
    add_entries(db, 250)
    assert count_entries(db, AuditQuery()) == 250
    first = list_entries(db, AuditQuery(), PageRequest(offset=0, limit=100))
    second = list_entries(db, AuditQuery(), PageRequest(offset=100, limit=100))
    last = list_entries(db, AuditQuery(), PageRequest(offset=200, limit=100))
    assert [len(first), len(second), len(last)] == [100, 100, 50]
    every = [r.id for r in first + second + last]
    assert every == sorted(every, reverse=True) and len(set(every)) == 250
    assert first[0].summary.endswith("#249") and last[-1].summary.endswith("#0")
    oldest_first = list_entries(db, AuditQuery(), PageRequest(limit=3, sort="at"))
    assert [r.summary for r in oldest_first] == ["新建党组织 #0", "修改党员 #1", "删除活动 #2"]


def test_a_row_names_the_action_and_record_type_and_shows_the_facts_as_stored(
    db: Database,
) -> None:
    add_entries(db, 2)
    update, create = list_entries(db, AuditQuery(), PageRequest())
    assert (create.action, create.action_label, create.entity_label) == (
        AuditAction.CREATE,
        "新增",
        "党组织",
    )
    assert (update.action_label, update.entity_label) == ("修改", "党员")
    assert update.actor == db.actor and update.user_id is None and update.username is None
    changes = {c.field: (c.before, c.after, c.changed) for c in update.changes()}
    assert changes == {
        "name": ("旧名1", "新名1", True),
        "phone": ("138****0000", "", True),  # masked when written, shown as it is
    }
    assert [(c.field, c.before, c.after) for c in create.changes()] == [("name", "", "新名0")]


def test_a_real_change_is_logged_masked_and_read_back_masked(db: Database) -> None:
    org = make_org(db, "甲村党支部")
    make_member(db, "张三", org)
    detail = organizations.get_organization(db, org)
    data = replace(organizations.OrgInput.from_detail(detail), contact_phone="13812345678")
    organizations.update_organization(db, org, data)
    (row,) = list_entries(db, AuditQuery(entity="organization"), PageRequest())
    shown = " ".join(f"{c.before} {c.after}" for c in row.changes())
    assert "13812345678" not in shown and "138****5678" in shown
    assert row.entity_label == "党组织" and row.action is AuditAction.UPDATE


def test_filters_by_account_actor_type_action_and_text(db: Database) -> None:
    clerk = district_actor(db)
    add_entries(db, 30)
    add_entries(db, 9, user=clerk)
    assert count_entries(db, AuditQuery(user_id=clerk.user_id)) == 9
    assert all(
        r.username for r in list_entries(db, AuditQuery(user_id=clerk.user_id), PageRequest())
    )
    assert count_entries(db, AuditQuery(actor="测试员")) == 30
    assert count_entries(db, AuditQuery(entity="party_member")) == 13
    assert count_entries(db, AuditQuery(action=AuditAction.DELETE)) == 13
    assert count_entries(db, AuditQuery(entity="activity", action=AuditAction.CREATE)) == 0
    assert count_entries(db, AuditQuery(text="#2")) == 11 + 1  # #2, #20…#29 and the clerk's #2
    assert count_entries(db, AuditQuery(text="修改党员 #25")) == 1
    assert count_entries(db, AuditQuery(text="100%")) == 0  # LIKE wildcards are plain text
    first = ids(db, AuditQuery())[-1]
    assert ids(db, AuditQuery(entry_id=first)) == [first]


def test_filters_by_local_days_both_included(db: Database) -> None:
    start = datetime.combine(date(2026, 3, 1), datetime.min.time()).astimezone()
    add_entries(db, 10, start=start.astimezone(UTC), step=timedelta(days=1))  # 1…10 March
    assert count_entries(db, AuditQuery(date_from=date(2026, 3, 3))) == 8
    assert count_entries(db, AuditQuery(date_to=date(2026, 3, 3))) == 3
    assert count_entries(db, AuditQuery(date_from=date(2026, 3, 4), date_to=date(2026, 3, 4))) == 1
    (row,) = list_entries(
        db, AuditQuery(date_from=date(2026, 3, 4), date_to=date(2026, 3, 4)), PageRequest()
    )
    assert row.at == datetime(2026, 3, 4)  # local time


def test_the_filter_choices(db: Database) -> None:
    clerk = district_actor(db)
    add_entries(db, 3)
    add_entries(db, 1, user=clerk)
    who = who_choices(db)
    assert [w.caption for w in who if w.user_id == clerk.user_id] == [
        f"区管理员（{clerk.username}）"
    ]
    assert [w.actor for w in who if w.user_id is None] == ["测试员"]
    choices = record_type_choices(db)
    assert choices == sorted(
        [("党组织", "organization"), ("党员", "party_member"), ("活动", "activity")]
    )
    assert {entity for _name, entity in record_type_choices(db)} == {
        "organization",
        "party_member",
        "activity",
    }


@pytest.mark.parametrize("kind", ["village", "town", "viewer"])
def test_only_an_account_with_the_permission_reads_the_log(db: Database, kind: str) -> None:
    add_entries(db, 3)
    org = make_org(db, "甲村党支部", town="甲镇")
    db.user = {
        "village": lambda: village_actor(db, org),
        "town": lambda: town_actor(db),
        "viewer": lambda: viewer_actor(db),
    }[kind]()
    for call in (
        lambda: list_entries(db, AuditQuery(), PageRequest()),
        lambda: count_entries(db, AuditQuery()),
        lambda: who_choices(db),
        lambda: record_type_choices(db),
    ):
        with pytest.raises(PermissionDeniedError, match="操作日志"):
            call()
