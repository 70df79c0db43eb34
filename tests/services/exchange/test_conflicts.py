"""Deciding conflicts: each field's two versions side by side (personal data masked
without the permission), keep or take the other version, deletions, refusals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Office, Organization, PartyMember
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.privacy import contains_personal_numbers, mask_id_number
from pbc_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError
from pbc_desktop.services.exchange import conflicts
from pbc_desktop.services.exchange.merge import Change
from tests.factories import make_id, make_member, make_org
from tests.scope_factories import town_actor, viewer_actor, village_actor
from tests.services.exchange.helpers import (
    TOWN,
    VILLAGE,
    dump,
    merge_into,
    owned_by,
    relayed_by,
    rows_of,
    send,
)


def _edit(db: Database, who: str, **values: object) -> None:
    with db.write() as s:
        member = s.scalars(select(PartyMember).where(PartyMember.name == who)).one()
        for key, value in values.items():
            setattr(member, key, value)


def _value(db: Database, name: str, column: str) -> object:
    with db.read() as s:
        member = s.scalars(select(PartyMember).where(PartyMember.name == name)).one()
        return getattr(member, column)


def _conflict_at_the_town(village: Database, town: Database) -> conflicts.ConflictView:
    branch = make_org(village, "上底村党支部")
    make_member(village, "陈小明", branch, complete=True)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    _edit(town, "陈小明", work_unit="镇上改的", phone="13900000001")
    _edit(village, "陈小明", work_unit="村里改的", phone="13900000002")
    result = merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    assert result.conflicts == 1
    (view,) = conflicts.open_conflicts(town)
    return view


def test_both_versions_of_each_field_are_shown(offices: tuple[Database, Database]) -> None:
    view = _conflict_at_the_town(*offices)
    assert (view.entity_label, view.label, view.kept_theirs) == ("党员", "陈小明", True)
    shown = {f.name: (f.ours, f.theirs) for f in view.fields}
    assert shown["work_unit"] == ("镇上改的", "村里改的")
    assert shown["phone"] == ("13900000001", "13900000002")  # the district account sees them


def test_phones_are_masked_without_the_permission(offices: tuple[Database, Database]) -> None:
    village, town = offices
    _conflict_at_the_town(village, town)
    make_org(town, "镇党委督查组")
    town.user = viewer_actor(town)
    with pytest.raises(PermissionDeniedError):
        conflicts.open_conflicts(town)


def _town_office(town: Database) -> None:
    with town.write() as s:
        s.add(
            Office(
                uuid=TOWN, name="成田镇党委", level=OrgLevel.TOWN, town="成田镇",
                sign_key=b"s" * 32, box_key=b"b" * 32, local=True,
            )
        )  # fmt: skip


def test_a_town_account_sees_numbers_masked_and_the_birth_date_as_its_year(
    offices: tuple[Database, Database],
) -> None:
    """A corrected ID number changes the birth date too: beside the masked number (its last
    4) the full birth date would give back every hidden digit but the region's. An account
    without the permission sees the year; contact phones are masked as phones are."""
    village, town = offices
    branch = make_org(village, "上底村党支部", contact_phone="0754-87654321")
    make_member(village, "陈小明", branch, complete=True)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    town_id, village_id = make_id("19850302", "416"), make_id("19850412", "416")
    _edit(town, "陈小明", id_number=town_id, birth_date=date(1985, 3, 2), phone="13900000001")
    _edit(village, "陈小明", id_number=village_id, birth_date=date(1985, 4, 12))
    for db, phone in ((town, "0754-87650001"), (village, "0754-87650002")):
        with db.write() as s:
            org = s.scalars(select(Organization).where(Organization.name == "上底村党支部"))
            org.one().contact_phone = phone
    assert merge_into(town, send(village, TOWN), owned_by(VILLAGE)).conflicts == 2
    _town_office(town)
    town.user = town_actor(town, "成田镇")
    shown = {
        (v.entity_label, f.name): (f.ours, f.theirs)
        for v in conflicts.open_conflicts(town)
        for f in v.fields
    }
    assert shown[("党员", "id_number")] == (mask_id_number(town_id), mask_id_number(village_id))
    assert shown[("党员", "birth_date")] == ("1985", "1985")
    assert shown[("党组织", "contact_phone")] == ("075******0001", "075******0002")
    text = repr(shown)
    assert not contains_personal_numbers(text)
    for secret in (town_id, village_id, "0302", "0412", "87650001", "87650002"):
        assert secret not in text


def test_only_an_account_answering_for_the_office_sees_and_decides_them(
    offices: tuple[Database, Database],
) -> None:
    """A conflict may be over any record of the office: a village account on the town's
    database neither reads other villages' records through it nor decides them."""
    village, town = offices
    view = _conflict_at_the_town(village, town)
    with town.write() as s:
        s.add(
            Office(
                uuid=TOWN, name="成田镇党委", level=OrgLevel.TOWN, town="成田镇",
                sign_key=b"s" * 32, box_key=b"b" * 32, local=True,
            )
        )  # fmt: skip
    own = make_org(town, "甲村党支部", town="成田镇")
    town.user = village_actor(town, own)
    for refused in (
        lambda: conflicts.open_conflicts(town),
        lambda: conflicts.resolve(town, view.id, take_other=True),
    ):
        with pytest.raises(PermissionDeniedError, match="负责本单位的账号"):
            refused()
    town.user = town_actor(town, "别的镇")
    with pytest.raises(PermissionDeniedError):
        conflicts.open_conflicts(town)
    town.user = town_actor(town, "成田镇")
    assert [v.id for v in conflicts.open_conflicts(town)] == [view.id]
    conflicts.resolve(town, view.id, take_other=False)


def test_taking_our_version_back_makes_it_a_change_made_here(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    view = _conflict_at_the_town(village, town)
    assert _value(town, "陈小明", "work_unit") == "村里改的"  # the owner's, as merged
    conflicts.resolve(town, view.id, take_other=True)
    assert _value(town, "陈小明", "work_unit") == "镇上改的"
    assert conflicts.open_conflicts(town) == []
    with pytest.raises(NotFoundError):
        conflicts.resolve(town, view.id, take_other=False)
    # the town's decision travels back to the village as a change of the town's
    back = merge_into(village, send(town, VILLAGE), relayed_by(TOWN, VILLAGE, local=VILLAGE))
    assert back.count("party_member", Change.CONFLICT) == 1  # the village owns it: it decides


def test_keeping_the_merged_version_closes_the_conflict(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    view = _conflict_at_the_town(village, town)
    conflicts.resolve(town, view.id, take_other=False)
    assert _value(town, "陈小明", "work_unit") == "村里改的"
    assert conflicts.open_conflicts(town) == []


def test_a_deletion_still_used_here_cannot_be_taken(offices: tuple[Database, Database]) -> None:
    village, town = offices
    branch = make_org(village, "上底村党支部")
    make_member(village, "陈小明", branch)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    org = rows_of(dump(village), "organization")[0]
    merge_into(
        town, [], owned_by(VILLAGE), tombstones=[{"entity": "organization", "uuid": org["uuid"]}]
    )
    (view,) = conflicts.open_conflicts(town)
    assert view.deletion
    with pytest.raises(ConflictError, match="仍被"):
        conflicts.resolve(town, view.id, take_other=True)
    with town.read() as s:
        assert s.scalar(select(Organization.id).where(Organization.uuid == org["uuid"]))
    assert len(conflicts.open_conflicts(town)) == 1  # nothing half-done


def test_another_version_whose_id_number_another_record_holds_cannot_be_taken(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    branch = make_org(village, "上底村党支部")
    make_member(village, "陈小明", branch, complete=True)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))
    taken = "11010519491231002X"
    make_member(town, "王五", int(str(_value(town, "陈小明", "organization_id"))), id_number=taken)
    _edit(village, "陈小明", id_number=taken)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))
    (view,) = conflicts.open_conflicts(town)
    with pytest.raises(ConflictError, match="身份证号码"):
        conflicts.resolve(town, view.id, take_other=True)
    assert _value(town, "王五", "id_number") == taken
    assert conflicts.open_conflicts(town)  # still waiting for a decision


def test_a_name_taken_from_either_version_brings_its_pinyin(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    branch = make_org(village, "上底村党支部")
    make_member(village, "陈小明", branch, complete=True)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    _edit(town, "陈小明", name="程晓明")
    _edit(village, "陈小明", name="曾小明")
    assert merge_into(town, send(village, TOWN), owned_by(VILLAGE)).conflicts == 1
    assert _value(town, "曾小明", "name_pinyin") == "zengxiaoming"  # the owner's, as merged
    (view,) = conflicts.open_conflicts(town)
    conflicts.resolve(town, view.id, take_other=True)
    assert _value(town, "程晓明", "name_pinyin") == "chengxiaoming"
    assert _value(town, "程晓明", "name_initials") == "cxm"


def test_a_record_without_a_name_is_listed_by_its_member_and_month(
    offices: tuple[Database, Database],
) -> None:
    """A fee payment has no name: its conflict was listed with an empty label."""
    from datetime import date

    from pbc_desktop.db.models import AuditEntry, FeePayment
    from tests.fee_factories import member_with_basis, pay_months

    village, town = offices
    branch = make_org(village, "上底村党支部")
    member = member_with_basis(village, "陈小明", branch)
    pay_months(village, branch, [member], date(2026, 3, 1))
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    for db, cents in ((town, 1000), (village, 2000)):
        with db.write() as s:
            s.scalars(select(FeePayment)).one().amount_cents = cents
    assert merge_into(town, send(village, TOWN), owned_by(VILLAGE)).conflicts == 1
    (view,) = conflicts.open_conflicts(town)
    assert (view.entity_label, view.label) == ("党费收缴", "陈小明 2026-03")
    conflicts.resolve(town, view.id, take_other=False)
    with town.read() as s:
        summary = s.scalars(select(AuditEntry.summary).order_by(AuditEntry.id.desc())).first()
    assert summary == "处理数据交换冲突：党费收缴 陈小明 2026-03，保留当前版本"
