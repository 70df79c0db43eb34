"""The audit log keeps no full ID number or phone (services/audit.py), of any record."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db.base import utcnow
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import AuditEntry
from pbc_desktop.domain import privacy
from pbc_desktop.domain.enums import AuditAction, OrgField, OrgKind, OrgLevel
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.services import audit
from pbc_desktop.services import member_editing as editing
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.member_export import export_members
from pbc_desktop.services.members import MemberQuery
from tests.conftest import assert_audit_log_private, empty_sqlite_at_head
from tests.factories import make_id, make_org, make_post_report

ID_NUMBER = make_id("19850302", "416")
NEW_ID = make_id("19900101", "123")
PHONE = "13812345678"
NEW_PHONE = "0754-87654321"


def audit_text(db: Database) -> list[str]:
    """Every column of every audit entry, as text."""
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    return [
        " | ".join(str(v) for v in (e.actor, e.entity, e.entity_uuid, e.summary, e.before, e.after))
        for e in entries
    ]


def assert_no_personal_numbers(db: Database, *secrets: str) -> None:
    texts = audit_text(db)
    assert texts
    for text in texts:
        assert not privacy.contains_personal_numbers(text), text
        for secret in secrets:
            assert secret not in text


def test_member_created_updated_and_deleted_leaves_no_full_id_or_phone(db: Database) -> None:
    org = make_org(db, "文光村党支部", town="陈店镇")
    to_org = make_org(db, "东山社区党支部", town="陈店镇")
    member = MemberInput(name="陈伟", organization_id=org, id_number=ID_NUMBER, phone=PHONE)
    member_id = editing.create_member(db, member)
    editing.update_member(
        db, member_id, dataclasses.replace(member, id_number=NEW_ID, phone=NEW_PHONE)
    )
    make_post_report(db, member_id, to_org, services=(2.0,))
    editing.delete_member(db, member_id, with_reports=True)

    assert_no_personal_numbers(db, ID_NUMBER, NEW_ID, PHONE, "87654321", "19850302")
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    created, updated, deleted = (json.loads(e.after or e.before or "{}") for e in entries)
    assert created["id_number"] == "**************" + ID_NUMBER[-4:]
    assert created["phone"] == "138****5678"
    assert created["birth_date"] == "1985"
    assert updated["id_number"] == "**************" + NEW_ID[-4:]
    assert updated["id_number_changed"] is True
    assert deleted["name"] == "陈伟"
    assert deleted["phone"] == "075******4321"


def test_a_change_hidden_by_the_mask_is_stored_and_noted(db: Database) -> None:
    """Only the birth date digits of the ID number change: the masks are alike, yet the
    update is written and the log says the ID number changed."""
    org = make_org(db, "文光村党支部", town="陈店镇")
    first = make_id("19850302", "416")
    second = next(
        n for day in range(10, 29) if (n := make_id(f"198503{day:02d}", "416"))[-4:] == first[-4:]
    )
    member = MemberInput(name="陈伟", organization_id=org, id_number=first)
    member_id = editing.create_member(db, member)
    editing.update_member(db, member_id, dataclasses.replace(member, id_number=second))

    assert editing.get_member_input(db, member_id).id_number == second
    with db.read() as s:
        update = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert update is not None
    before, after = json.loads(update.before or "{}"), json.loads(update.after or "{}")
    assert before["id_number"] == after["id_number"] == "**************" + first[-4:]
    assert after["id_number_changed"] is True
    assert_no_personal_numbers(db, first, second)


def test_organization_contact_phone_is_masked_in_the_log(db: Database) -> None:
    data = orgs.OrgInput(
        name="陈店镇文光村党支部",
        kind=OrgKind.BRANCH,
        field=OrgField.RURAL,
        level=OrgLevel.VILLAGE,
        town="陈店镇",
        contact_phone=PHONE,
    )
    org_id = orgs.create_organization(db, data)
    orgs.update_organization(db, org_id, dataclasses.replace(data, contact_phone=NEW_PHONE))
    orgs.delete_organization(db, org_id)
    assert_no_personal_numbers(db, PHONE, "87654321")


def test_an_unmasked_export_searched_by_phone_logs_the_search_masked(
    db: Database, tmp_path: Path
) -> None:
    org = make_org(db, "文光村党支部", town="陈店镇")
    editing.create_member(
        db, MemberInput(name="陈伟", organization_id=org, id_number=ID_NUMBER, phone=PHONE)
    )
    result = export_members(db, MemberQuery(text=PHONE), tmp_path / "out.xlsx", unmasked=True)
    assert result.count == 1
    assert_no_personal_numbers(db, PHONE)
    assert any("138****5678" in text for text in audit_text(db)[1:])


def test_the_suite_wide_guard_finds_a_number_written_around_the_masks(tmp_path: Path) -> None:
    """Every test's database is read by ``conftest.assert_audit_log_private`` when the test
    ends: an entry holding a full phone, written around the masks, is caught."""
    path = empty_sqlite_at_head(tmp_path / "other.sqlite")
    other = open_database(sqlite_url(path), actor="测试员", backup_dir=tmp_path / "backups")
    try:
        assert_audit_log_private(other)  # an empty log
        with other.write() as s:
            audit.append(
                s,
                [{"at": utcnow(), "action": AuditAction.UPDATE, "entity": "-", "summary": PHONE}],
            )
        with pytest.raises(AssertionError, match="audit entry"):
            assert_audit_log_private(other)
    finally:
        other.dispose()


def test_a_digest_is_kept_as_it_is_and_a_short_id_number_in_a_remark_masked() -> None:
    digest = "1234567890123456" + "ab" * 24  # an attachment's SHA-256 may open with digits
    facts = audit.mask_facts({"sha256": digest, "remark": "身份证 44051419850302416"})
    assert facts == {"sha256": digest, "remark": "身份证 *************2416"}
