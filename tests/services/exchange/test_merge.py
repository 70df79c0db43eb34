"""Merging packages: new, changed, unchanged, stale, conflicting and deleted records, by the
rules of ownership (services/exchange/merge.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import FeePayment, Organization, PartyMember, SyncConflict
from pbc_desktop.services.exchange.merge import Change, MergeResult
from pbc_desktop.services.exchange.records import RowError
from tests.factories import make_member, make_org
from tests.services.exchange.helpers import (
    TOWN,
    VILLAGE,
    Parts,
    dump,
    merge_into,
    owned_by,
    relayed_by,
    rows_of,
    send,
)


def _without_origin(parts: Parts) -> Parts:
    """The rows as the sender has them (made there: no origin)."""
    return [(name, [r | {"origin_office": None} for r in rows]) for name, rows in parts]


def _village_with_members(village: Database) -> tuple[int, int]:
    branch = make_org(village, "上底村党支部")
    member = make_member(village, "陈小明", branch, complete=True)
    make_member(village, "李红", branch)
    return branch, member


def _set(db: Database, member_id: int, **values: object) -> None:
    with db.write() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        for key, value in values.items():
            setattr(member, key, value)


def _member(db: Database, name: str) -> PartyMember:
    with db.read() as s:
        member = s.scalars(select(PartyMember).where(PartyMember.name == name)).one()
        s.expunge(member)
        return member


def test_first_package_adds_everything_and_the_same_one_again_changes_nothing(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    package = dump(village)
    first = merge_into(town, package, owned_by(VILLAGE))
    assert first.count("party_member", Change.NEW) == 2
    assert first.count("organization", Change.NEW) == 1
    assert _without_origin(dump(town)) == package  # same rows, same versions
    assert {r["origin_office"] for _n, rows in dump(town) for r in rows} == {VILLAGE}
    again = merge_into(town, package, owned_by(VILLAGE))
    assert again.changes == []
    assert again.count("party_member", Change.UNCHANGED) == 2
    assert _without_origin(dump(town)) == package


def test_a_change_travels_field_by_field(offices: tuple[Database, Database]) -> None:
    village, town = offices
    _branch, member = _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    _set(village, member, work_unit="潮南区峡山街道")
    result = merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    changed = [c for c in result.changes if c.change is Change.CHANGED]
    assert [(c.entity, c.label, c.fields) for c in changed] == [
        ("party_member", "陈小明", ("work_unit",))
    ]
    assert _member(town, "陈小明").work_unit == "潮南区峡山街道"


def test_a_received_change_counts_as_a_change_here(offices: tuple[Database, Database]) -> None:
    """The row version stays in its database (packages do not carry it) and a change that
    comes in counts one more, so a clerk's editor open on the record is refused."""
    village, town = offices
    _branch, member = _village_with_members(village)
    assert all("version" not in row for _name, rows in dump(village) for row in rows)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    before = _member(town, "陈小明").version
    _set(village, member, work_unit="潮南区峡山街道")
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    assert _member(town, "陈小明").version == before + 1


def test_an_older_package_after_a_newer_one_never_rolls_back(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _branch, member = _village_with_members(village)
    old = dump(village)
    _set(village, member, work_unit="新单位")
    new = dump(village)
    merge_into(town, new, owned_by(VILLAGE))
    late = merge_into(town, old, owned_by(VILLAGE))
    assert late.changes == []
    assert _member(town, "陈小明").work_unit == "新单位"


def test_edited_at_both_ends_the_owner_wins_and_ours_is_kept_in_the_conflict(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _branch, member = _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    town_copy = _member(town, "陈小明").id
    _set(town, town_copy, work_unit="镇上改的")
    _set(village, member, work_unit="村里改的")
    result = merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    assert result.conflicts == 1
    (conflict,) = [c for c in result.changes if c.change is Change.CONFLICT]
    assert (conflict.kept, conflict.fields) == ("theirs", ("work_unit",))
    assert _member(town, "陈小明").work_unit == "村里改的"
    with town.read() as s:
        stored = s.scalars(select(SyncConflict)).one()
        assert "镇上改的" in stored.other
        assert stored.kept == "theirs"


def test_a_record_of_ours_edited_elsewhere_stays_ours(offices: tuple[Database, Database]) -> None:
    village, town = offices
    _branch, member = _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    # the town changes the village's record and sends it back down
    _set(town, _member(town, "陈小明").id, work_unit="镇上改的")
    _set(village, member, phone="13900001111")
    back = merge_into(village, send(town, VILLAGE), relayed_by(TOWN, VILLAGE, local=VILLAGE))
    assert back.conflicts == 1
    assert _member(village, "陈小明").work_unit != "镇上改的"
    again = merge_into(village, send(town, VILLAGE), relayed_by(TOWN, VILLAGE, local=VILLAGE))
    assert again.conflicts == 0  # seen once, not asked again


def test_an_unchanged_echo_of_our_own_records_is_nothing(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    echo = merge_into(village, send(town, VILLAGE), relayed_by(TOWN, VILLAGE, local=VILLAGE))
    assert echo.changes == []


def test_a_deletion_travels_as_a_tombstone(offices: tuple[Database, Database]) -> None:
    village, town = offices
    _branch, _member_id = _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    gone = rows_of(dump(village), "party_member")[1]
    result = merge_into(
        town, [], owned_by(VILLAGE), tombstones=[{"entity": "party_member", "uuid": gone["uuid"]}]
    )
    assert result.count("party_member", Change.DELETED) == 1
    with town.read() as s:
        assert s.scalar(select(PartyMember.id).where(PartyMember.uuid == gone["uuid"])) is None


def test_another_office_deleting_one_of_our_records_waits_for_us(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))
    ours = rows_of(dump(village), "party_member")[1]
    # the town deleted the village's member; its tombstone names the village as the owner
    stone = {"entity": "party_member", "uuid": ours["uuid"], "owner": VILLAGE}
    result = merge_into(village, [], relayed_by(TOWN, VILLAGE, local=VILLAGE), [stone])
    assert result.count("party_member", Change.CONFLICT) == 1
    with village.read() as s:
        assert s.scalar(select(PartyMember.id).where(PartyMember.uuid == ours["uuid"]))
        conflict = s.scalars(select(SyncConflict)).one()
        assert (conflict.kept, conflict.fields) == ("mine", '["deleted"]')


def test_a_tombstone_for_a_record_still_used_here_is_a_conflict(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    branch = rows_of(dump(village), "organization")[0]
    result = merge_into(
        town, [], owned_by(VILLAGE), tombstones=[{"entity": "organization", "uuid": branch["uuid"]}]
    )
    assert result.conflicts == 1
    with town.read() as s:
        assert s.scalar(select(Organization.id).where(Organization.uuid == branch["uuid"]))


def test_newest_version_is_reported_for_the_next_watermark(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    result = merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    assert result.newest is not None
    assert result.newest <= datetime.now(UTC)


def test_a_record_made_at_both_ends_under_one_name_becomes_one(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    make_org(town, "上底村党支部")  # the town's registry entry, never exchanged
    result = merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    assert result.count("organization", Change.NEW) == 0
    assert result.count("party_member", Change.NEW) == 2
    with town.read() as s:
        (org,) = s.scalars(select(Organization)).all()
        village_uuid = rows_of(dump(village), "organization")[0]["uuid"]
        assert org.uuid == village_uuid  # both offices now name it alike
        assert {m.organization_id for m in s.scalars(select(PartyMember))} == {org.id}


def test_the_same_id_number_under_another_exchanged_record_is_a_conflict_not_a_crash(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    number = _member(village, "陈小明").id_number
    town_branch = make_org(town, "镇机关党支部")
    make_member(town, "陈晓明", town_branch, id_number=number)
    send(town, "district-office")  # the town's record has been exchanged under its UUID
    result = merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    conflicts = [c for c in result.changes if c.change is Change.CONFLICT]
    assert [(c.entity, c.label, c.fields) for c in conflicts] == [
        ("party_member", "陈小明", ("uuid",))
    ]
    assert result.count("party_member", Change.NEW) == 1  # 李红
    assert _member(town, "陈晓明").id_number == number


def test_a_change_to_our_record_made_elsewhere_waits_for_us_even_untouched_here(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    _set(town, _member(town, "陈小明").id, work_unit="镇上改的")
    back = merge_into(village, send(town, VILLAGE), relayed_by(TOWN, VILLAGE, local=VILLAGE))
    assert [(c.change, c.kept) for c in back.changes] == [(Change.CONFLICT, "mine")]
    assert _member(village, "陈小明").work_unit != "镇上改的"


ID_OF_ANOTHER = "11010519491231002X"


def _id_number_corrected_to_another_members(village: Database, town: Database) -> MergeResult:
    """The village corrects a member's ID number to one the town holds on another member."""
    _branch, member = _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))
    make_member(town, "王五", _member(town, "陈小明").organization_id, id_number=ID_OF_ANOTHER)
    _set(village, member, id_number=ID_OF_ANOTHER)
    return merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))


def test_a_changed_id_number_another_record_holds_is_a_conflict(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    result = _id_number_corrected_to_another_members(village, town)
    assert result.count("party_member", Change.CONFLICT) == 1
    (change,) = [c for c in result.changes if c.change is Change.CONFLICT]
    assert (change.label, change.fields, change.kept) == ("陈小明", ("id_number",), "mine")
    assert _member(town, "陈小明").id_number != ID_OF_ANOTHER  # ours stays
    assert _member(town, "王五").id_number == ID_OF_ANOTHER
    again = merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))
    assert again.conflicts == 0  # seen once, not asked again


def test_two_package_records_with_one_id_number_refuse_the_package(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    parts = dump(village)
    for row in rows_of(parts, "party_member"):
        row["id_number"] = ID_OF_ANOTHER
    with pytest.raises(RowError, match="党员"):
        merge_into(town, parts, owned_by(VILLAGE, local=TOWN))
    with town.read() as s:
        assert s.scalars(select(PartyMember)).all() == []


def test_a_package_cannot_claim_one_of_our_records_for_its_sender(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    branch = make_org(town, "镇机关党支部")
    make_member(town, "镇干部", branch, work_unit="镇党委")
    merge_into(village, send(town, VILLAGE), owned_by(TOWN, local=VILLAGE))
    with village.write() as s:
        s.scalars(select(PartyMember)).one().work_unit = "村里改的"
    # the package says the village owns every row it sends, the town's member too
    result = merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))
    assert result.count("party_member", Change.CONFLICT) == 1
    member = _member(town, "镇干部")
    assert (member.work_unit, member.origin_office) == ("镇党委", None)  # still ours


def test_a_tombstone_cannot_claim_one_of_our_records_for_its_sender(
    offices: tuple[Database, Database],
) -> None:
    village, town = offices
    _village_with_members(village)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE, local=TOWN))
    ours = rows_of(dump(village), "party_member")[1]
    stone = {"entity": "party_member", "uuid": ours["uuid"], "owner": TOWN}  # says: the town's
    result = merge_into(village, [], relayed_by(TOWN, TOWN, local=VILLAGE), [stone])
    assert result.count("party_member", Change.CONFLICT) == 1
    with village.read() as s:
        assert s.scalar(select(PartyMember.id).where(PartyMember.uuid == ours["uuid"]))


def test_pinyin_keys_do_not_travel_and_are_computed_on_receive(
    offices: tuple[Database, Database],
) -> None:
    """A name's pinyin keys (derived here) are no part of a package; the receiving office
    computes them for new records and for a name changed there."""
    village, town = offices
    _branch, member = _village_with_members(village)
    package = dump(village)
    for _name, rows in package:
        for row in rows:
            assert not {"name_sort", "name_initials", "name_pinyin"} & set(row)
    merge_into(town, package, owned_by(VILLAGE))
    received = _member(town, "陈小明")
    assert (received.name_initials, received.name_pinyin) == ("cxm", "chenxiaoming")
    _set(village, member, name="曾小明")
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    renamed = _member(town, "曾小明")
    assert (renamed.name_initials, renamed.name_pinyin) == ("zxm", "zengxiaoming")
    assert renamed.name_sort.startswith("zeng")


def test_a_fee_month_paid_at_both_ends_is_a_conflict_not_a_crash(
    offices: tuple[Database, Database],
) -> None:
    """党费 of one member and month recorded at the village and, before its package came,
    at the town: the two rows share the natural key (member, month)."""
    from tests.fee_factories import JAN, member_with_basis, pay_months

    village, town = offices
    branch = make_org(village, "上底村党支部")
    member_with_basis(village, "陈小明", branch)
    merge_into(town, send(village, TOWN), owned_by(VILLAGE))  # the town has the member
    pay_months(village, branch, [_member(village, "陈小明").id], JAN)
    with town.read() as s:
        town_branch = s.scalars(select(Organization.id)).one()
    pay_months(town, town_branch, [_member(town, "陈小明").id], JAN)
    send(town, "district-office")  # the town's payment has been exchanged under its UUID
    result = merge_into(town, send(village, TOWN), owned_by(VILLAGE))
    assert [(c.entity, c.change, c.fields) for c in result.changes] == [
        ("fee_payment", Change.CONFLICT, ("uuid",))
    ]
    with town.read() as s:  # the town's own row stays, one row for the month
        assert s.scalar(select(func.count(FeePayment.id))) == 1
