"""组织关系转接 and 流动党员: a letter out and its receipt inside the district and outside,
the printed 介绍信 with its 存根 and 回执, a member transferred in from outside, and stays
away."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, Organization, PartyMember
from pbc_desktop.domain.enums import AuditAction, Gender, MembershipStatus
from pbc_desktop.domain.member_changes import MemberChangeKind, MemberRoll, TransferState
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
    ValidationError,
)
from pbc_desktop.reports.transfer_letter import build_transfer_letter
from pbc_desktop.services import members
from pbc_desktop.services.member_changes import count_changes
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member, member_changes
from pbc_desktop.services.member_changes.mobile import (
    StayInput,
    end_stay,
    get_stay,
    list_stays,
    start_stay,
    update_stay,
)
from pbc_desktop.services.member_changes.transfers import (
    TransferInput,
    TransferQuery,
    issue_refusal,
    issue_transfer,
    letter_facts,
    list_transfers,
    receive_refusal,
    receive_transfer,
    transfer_in_from_outside,
    withdraw_transfer,
)
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.services.paging import PageRequest
from tests.factories import make_id, make_member
from tests.pdf_helpers import page_texts
from tests.scope_factories import (
    TwoTowns,
    district_actor,
    two_towns,
    viewer_actor,
    village_actor,
)

ISSUED = date(2026, 3, 2)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def roll(db: Database, org: int, **query: object) -> set[str]:
    rows = members.list_members(db, MemberQuery(organization_id=org, **query), PageRequest())  # type: ignore[arg-type]
    return {r.name for r in rows}


def test_a_transfer_within_the_district_out_and_in_with_its_letter(
    db: Database, world: TwoTowns, tmp_path: Path
) -> None:
    member_id = make_member(
        db,
        "陈伟",
        world.jia_two,
        gender=Gender.MALE,
        birth_date=date(1980, 5, 1),
        ethnicity="汉族",
        id_number=make_id("19800501", "131"),
        phone="13812345678",
        joined_on=date(2005, 7, 1),
    )
    sender = village_actor(db, world.jia_two)
    receiver = village_actor(db, world.yi_one)
    db.user = sender
    transfer_id = issue_transfer(
        db,
        member_id,
        TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED, reason="工作调动"),
    )
    # pending: still on the sender's roll, the letter cannot be issued twice
    assert roll(db, world.jia_two) == {"陈伟", "甲二党员"}
    assert issue_refusal(db, member_id) is not None
    [row] = list_transfers(db)
    assert (row.letter_number, row.destination, row.state) == (
        "2026-001",
        "乙一村党支部",
        TransferState.PENDING,
    )
    assert row.can_withdraw and not row.can_receive  # the receiving side confirms

    out = build_transfer_letter(db, transfer_id, tmp_path / "letter.pdf")
    text = "".join(page_texts(out)).replace("\n", "")
    assert "中国共产党党员组织关系介绍信（存根）" in text
    assert "第 2026-001 号" in text
    assert "陈伟同志系中共正式党员，组织关系由中共甲二村党支部转到中共乙一村党支部。" in text
    assert "中共乙一村党支部：" in text
    assert "兹介绍陈伟同志（男，____岁，汉族），系中共正式党员" in text  # see below
    assert "198005011" not in text  # the ID number is masked
    assert "有效期30天" in text
    assert "中共甲二村党支部（盖章）" in text
    assert "2026年3月2日" in text
    assert "中国共产党党员组织关系介绍信回执" in text
    assert "陈伟同志的党员组织关系已转达我处，特此回执。" in text
    assert "接收党组织（盖章）" in text

    with pytest.raises(PermissionDeniedError):  # the sender cannot take the receipt
        receive_transfer(db, transfer_id, ISSUED + timedelta(days=5))
    db.user = receiver
    [incoming] = list_transfers(db)
    assert incoming.can_receive and not incoming.can_withdraw
    with pytest.raises(ValidationError):
        receive_transfer(db, transfer_id, ISSUED - timedelta(days=1))
    receive_transfer(db, transfer_id, date(2026, 3, 9))
    assert roll(db, world.yi_one) == {"陈伟", "乙一党员"}
    assert receive_refusal(db, transfer_id) is not None  # received once

    db.user = district_actor(db)
    assert roll(db, world.jia_two) == {"甲二党员"}
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        assert (member.organization_id, member.status) == (world.yi_one, MembershipStatus.NORMAL)
    # the member's organizations in their history; the rolls at a date before and between
    history = [(c.kind, c.organization_name, c.other) for c in member_changes(db, member_id)]
    assert history == [
        (MemberChangeKind.TRANSFERRED_OUT, "甲二村党支部", "乙一村党支部"),
        (MemberChangeKind.TRANSFERRED_IN, "乙一村党支部", "甲二村党支部"),
    ]
    assert "陈伟" in roll(db, world.jia_two, as_of=date(2026, 3, 1))
    assert "陈伟" not in roll(db, world.yi_one, as_of=date(2026, 3, 1))
    assert "陈伟" in roll(db, world.yi_one, as_of=date(2026, 3, 9))
    # between the letter and its receipt the member stays on the sender's roll only
    between = date(2026, 3, 5)
    assert "陈伟" in roll(db, world.jia_two, as_of=between)
    assert "陈伟" not in roll(db, world.yi_one, as_of=between)
    assert "陈伟" not in roll(db, world.jia_two, as_of=date(2026, 3, 9))
    assert [c.occurred_on for c in member_changes(db, member_id)] == [date(2026, 3, 9)] * 2
    counts = count_changes(db, *YEAR)
    assert (counts[MemberChangeKind.TRANSFERRED_OUT], counts[MemberChangeKind.TRANSFERRED_IN]) == (
        1,
        1,
    )
    assert count_changes(db, *YEAR, town="乙镇")[MemberChangeKind.TRANSFERRED_IN] == 1
    assert count_changes(db, *YEAR, town="乙镇")[MemberChangeKind.TRANSFERRED_OUT] == 0


def test_a_transfer_to_an_outside_unit_ends_with_the_returned_receipt(
    db: Database, world: TwoTowns
) -> None:
    db.user = village_actor(db, world.jia_two)
    transfer_id = issue_transfer(
        db,
        world.member_jia_two,
        TransferInput(to_unit="广州市天河区某街道党工委", issued_on=ISSUED, letter_number="甲二-7"),
    )
    [row] = list_transfers(db)
    assert row.can_receive  # the sender records the 回执 of an outside unit
    receive_transfer(db, transfer_id, date(2026, 3, 20))
    assert roll(db, world.jia_two) == set()
    assert roll(db, world.jia_two, roll=MemberRoll.LEFT) == {"甲二党员"}
    [change] = member_changes(db, world.member_jia_two)
    assert (change.kind, change.occurred_on, change.other) == (
        MemberChangeKind.TRANSFERRED_OUT,
        ISSUED,
        "广州市天河区某街道党工委",
    )
    assert list_transfers(db) == []  # pending ones by default
    [done] = list_transfers(db, TransferQuery(state=None))
    assert (done.state, done.received_on) == (TransferState.RECEIVED, date(2026, 3, 20))


def test_a_masked_letter_leaves_the_age_blank(db: Database, world: TwoTowns) -> None:
    """Beside a masked ID number the roster shows the birth year only; the age on the day of
    issue with it told whether the birthday falls before or after that day (born in 1980,
    45 on 2 March 2026: born after 2 March). A letter with the full ID number says it."""
    member_id = make_member(
        db, "陈伟", world.jia_two, birth_date=date(1980, 5, 1), id_number=make_id("19800501", "131")
    )
    db.user = village_actor(db, world.jia_two)
    transfer_id = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    assert letter_facts(db, transfer_id).age is None
    db.user = district_actor(db)
    assert letter_facts(db, transfer_id, unmasked=True).age == 45


def test_the_letter_shows_the_issuing_phone_as_the_organizations_tab_does(
    db: Database, world: TwoTowns
) -> None:
    """The issuing organization's phone (often its secretary's mobile) is on the letter in
    full for the two sides, masked for the inspector, who sees it so in the organizations
    tab; the member's own numbers are masked for all three."""
    with db.write() as s:
        org = s.get(Organization, world.jia_two)
        assert org is not None
        org.contact_phone = "13912345678"
    member_id = make_member(db, "陈伟", world.jia_two, phone="13812345678")
    db.user = village_actor(db, world.jia_two)
    transfer_id = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    for actor, shown in (
        (village_actor(db, world.jia_two), "13912345678"),
        (village_actor(db, world.yi_one), "13912345678"),
        (viewer_actor(db), "139****5678"),
    ):
        db.user = actor
        facts = letter_facts(db, transfer_id)
        assert (facts.from_phone, facts.member_phone) == (shown, "138****5678")


def test_a_letter_is_checked_and_withdrawn_by_its_sender(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_two)
    with pytest.raises(ValidationError) as info:
        issue_transfer(db, world.member_jia_two, TransferInput(issued_on=ISSUED, valid_days=0))
    assert sorted(info.value.fields()) == ["to_organization", "valid_days"]
    with pytest.raises(ValidationError) as info:
        issue_transfer(
            db,
            world.member_jia_two,
            TransferInput(to_organization_id=world.jia_two, issued_on=ISSUED),
        )
    assert info.value.fields() == ["to_organization"]
    with pytest.raises(NotFoundError):  # another village's member
        issue_transfer(db, world.member_yi_one, TransferInput(to_unit="某单位", issued_on=ISSUED))
    transfer_id = issue_transfer(
        db, world.member_jia_two, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    with pytest.raises(ConflictError):  # no leaving while a letter is out
        leave_member(db, world.member_jia_two, LeavingInput(MemberChangeKind.DECEASED, ISSUED))
    db.user = village_actor(db, world.yi_one)
    with pytest.raises(PermissionDeniedError):
        withdraw_transfer(db, transfer_id)
    db.user = village_actor(db, world.jia_two)
    withdraw_transfer(db, transfer_id)
    assert roll(db, world.jia_two) == {"甲二党员"}
    db.user = village_actor(db, world.yi_one)
    with pytest.raises(ConflictError):  # withdrawn: nothing to receive
        receive_transfer(db, transfer_id, ISSUED)
    db.user = village_actor(db, world.jia_one)  # a third organization does not see it
    assert list_transfers(db, TransferQuery(state=None)) == []


def test_a_letter_received_after_its_validity_is_refused(db: Database, world: TwoTowns) -> None:
    """The letter prints 有效期N天 under its date of issue: counted from the next day, the
    N-th day after the issue is the last it may be received on."""
    member_id = make_member(db, "陈伟", world.jia_two, joined_on=date(2005, 7, 1))
    transfer_id = issue_transfer(
        db,
        member_id,
        TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED, valid_days=10),
    )
    with pytest.raises(ValidationError) as info:
        receive_transfer(db, transfer_id, date(2026, 3, 13))
    assert info.value.fields() == ["received_on"]
    assert str(info.value) == (
        "该介绍信有效期至2026-03-12，已过期，请开具党组织撤回该介绍信后重新开具。"
    )
    assert roll(db, world.yi_one) == {"乙一党员"}
    receive_transfer(db, transfer_id, date(2026, 3, 12))
    assert roll(db, world.yi_one) == {"陈伟", "乙一党员"}
    with pytest.raises(ConflictError) as again:  # a second window's receipt
        receive_transfer(db, transfer_id, date(2026, 3, 12))
    assert str(again.value) == "该介绍信已接收，不能再办理。"


def test_a_member_moved_away_is_read_from_the_roll_at_a_date_and_not_changed(
    db: Database, world: TwoTowns
) -> None:
    member_id = make_member(db, "陈伟", world.jia_two, joined_on=date(2005, 7, 1))
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    receive_transfer(db, letter, date(2026, 3, 9))
    db.user = village_actor(db, world.jia_two)
    then = date(2026, 3, 5)
    assert "陈伟" in roll(db, world.jia_two, as_of=then)
    with pytest.raises(NotFoundError):  # today it is another town's member
        members.get_member_detail(db, member_id)
    detail = members.get_member_detail(db, member_id, as_of=then)
    assert (detail.name, detail.organization_name) == ("陈伟", "乙一村党支部")
    assert [c.kind for c in member_changes(db, member_id, then)] == [
        MemberChangeKind.TRANSFERRED_OUT,
        MemberChangeKind.TRANSFERRED_IN,
    ]
    with pytest.raises(NotFoundError):  # not on the village's roll at that date
        members.get_member_detail(db, member_id, as_of=date(2026, 3, 9))
    with pytest.raises(NotFoundError):  # a change still needs the member to be own now
        leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2026, 4, 1)))


def test_a_member_transferred_in_from_outside(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.yi_one)
    data = MemberInput(name="林芳", organization_id=world.yi_one, id_number=make_id(seq=142))
    with pytest.raises(ValidationError) as info:
        transfer_in_from_outside(db, data, from_unit="", received_on=None)
    assert sorted(info.value.fields()) == ["from_unit", "received_on"]
    member_id = transfer_in_from_outside(
        db, data, from_unit="深圳市南山区某社区党委", received_on=date(2026, 4, 1)
    )
    assert roll(db, world.yi_one) == {"林芳", "乙一党员"}
    [change] = member_changes(db, member_id)
    assert (change.kind, change.other) == (
        MemberChangeKind.TRANSFERRED_IN,
        "深圳市南山区某社区党委",
    )
    assert "林芳" not in roll(db, world.yi_one, as_of=date(2026, 3, 31))
    with db.read() as s:
        summaries = s.scalars(
            select(AuditEntry.summary).where(AuditEntry.action == AuditAction.CREATE)
        ).all()
    assert any("转入党员 林芳" in text for text in summaries)


def test_a_transfer_in_from_outside_names_every_empty_field_at_once(
    db: Database, world: TwoTowns
) -> None:
    """An empty form said only 请填写转出单位; the name, ID number and organization were
    asked for one round later."""
    with pytest.raises(ValidationError) as info:
        transfer_in_from_outside(
            db, MemberInput(name="", organization_id=None), from_unit="", received_on=None
        )
    assert sorted(info.value.fields()) == [
        "from_unit",
        "id_number",
        "name",
        "organization",
        "received_on",
    ]


def test_the_day_of_joining_of_a_member_transferred_in_stays_before_the_transfer(
    db: Database, world: TwoTowns
) -> None:
    """Transferred in on 1 November, then given 20 November (a year typed wrong) as the
    day they joined the Party in the editor: taken without a word."""
    from pbc_desktop.services import member_editing

    data = MemberInput(name="林芳", organization_id=world.yi_one, id_number=make_id(seq=143))
    member_id = transfer_in_from_outside(
        db, data, from_unit="深圳市南山区某社区党委", received_on=date(2026, 4, 1)
    )
    typed = member_editing.get_member_input(db, member_id)
    with pytest.raises(ValidationError) as refused:
        member_editing.update_member(db, member_id, replace(typed, joined_on=date(2026, 4, 20)))
    assert refused.value.fields() == ["joined_on"]
    assert refused.value.message == "入党日期不能晚于该党员的转入日期（2026-04-01）"
    member_editing.update_member(db, member_id, replace(typed, joined_on=date(2016, 4, 20)))
    assert members.get_member_detail(db, member_id).joined_on == date(2016, 4, 20)


def test_stays_away_of_mobile_members(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_two)
    with pytest.raises(ValidationError) as info:
        start_stay(
            db, world.member_jia_two, StayInput(None, "", contact_phone="12", managing_unit="x")
        )
    assert sorted(info.value.fields()) == ["contact_phone", "left_on", "whereabouts"]
    stay_id = start_stay(
        db,
        world.member_jia_two,
        StayInput(
            date(2025, 9, 1),
            "广东省深圳市宝安区",
            contact_phone="13912345678",
            managing_organization_id=world.yi_one,
        ),
    )
    with pytest.raises(ConflictError):
        start_stay(db, world.member_jia_two, StayInput(date(2025, 9, 2), "别处"))
    [row] = list_stays(db)
    assert (row.member_name, row.whereabouts, row.manager, row.contact_phone) == (
        "甲二党员",
        "广东省深圳市宝安区",
        "乙一村党支部",
        "139****5678",
    )
    db.user = village_actor(db, world.yi_one)  # the managing organization sees the stay
    assert [r.member_name for r in list_stays(db)] == ["甲二党员"]
    with pytest.raises(NotFoundError):  # but the member is not its own
        end_stay(db, stay_id, date(2026, 1, 10))
    db.user = village_actor(db, world.jia_two)
    end_stay(db, stay_id, date(2026, 1, 10))
    assert list_stays(db) == []
    assert [r.returned_on for r in list_stays(db, current=False)] == [date(2026, 1, 10)]


def test_a_phone_written_into_the_whereabouts_is_listed_masked(
    db: Database, world: TwoTowns
) -> None:
    """Where a 流动党员 is, as typed (“深圳打工，电话 13812345678”), is listed with its
    numbers masked, as the contact phone beside it is; in full only when asked."""
    db.user = village_actor(db, world.jia_two)
    place = f"深圳打工，电话 13812345678，身份证 {make_id('19850302', '416')}"
    start_stay(db, world.member_jia_two, StayInput(date(2025, 9, 1), place))
    [row] = list_stays(db)
    assert row.whereabouts == "深圳打工，电话 138****5678，身份证 **************" + place[-4:]
    db.user = district_actor(db)
    [row] = list_stays(db, unmasked=True)
    assert row.whereabouts == place


def test_a_stay_away_is_corrected_by_its_member_s_organization(
    db: Database, world: TwoTowns
) -> None:
    db.user = village_actor(db, world.jia_two)
    stay_id = start_stay(db, world.member_jia_two, StayInput(date(2025, 9, 1), "深圳"))
    data, version = get_stay(db, stay_id)
    assert (data.left_on, data.whereabouts, data.contact_phone) == (date(2025, 9, 1), "深圳", None)
    update_stay(
        db,
        stay_id,
        StayInput(
            date(2025, 8, 20),
            "广东省深圳市宝安区",
            contact_phone="13912345678",
            managing_organization_id=world.yi_one,
            remark="务工",
        ),
        version,
    )
    [row] = list_stays(db)
    assert (row.left_on, row.whereabouts, row.manager, row.contact_phone) == (
        date(2025, 8, 20),
        "广东省深圳市宝安区",
        "乙一村党支部",
        "139****5678",
    )
    with pytest.raises(StaleEditError):  # read before the change just saved
        update_stay(db, stay_id, StayInput(date(2025, 8, 21), "广州"), version)
    with pytest.raises(ValidationError) as info:
        update_stay(db, stay_id, StayInput(None, " ", contact_phone="12"), None)
    assert sorted(info.value.fields()) == ["contact_phone", "left_on", "whereabouts"]
    end_stay(db, stay_id, date(2026, 1, 10))
    with pytest.raises(ValidationError) as info:  # it may not start after it ended
        update_stay(db, stay_id, StayInput(date(2026, 2, 1), "广州"), None)
    assert "外出日期不能晚于返回日期（2026-01-10）" in str(info.value)
    update_stay(db, stay_id, StayInput(date(2025, 8, 19), "广州"), None)
    [ended] = list_stays(db, current=False)
    assert (ended.left_on, ended.whereabouts, ended.returned_on) == (
        date(2025, 8, 19),
        "广州",
        date(2026, 1, 10),
    )
    with db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.summary.contains("修改流动党员")).limit(1)
        ).one()
    assert "13912345678" not in f"{entry.before} {entry.after}"
    db.user = village_actor(db, world.yi_one)  # the managing organization may not change it
    with pytest.raises(NotFoundError):
        update_stay(db, stay_id, StayInput(date(2025, 8, 19), "广州"), None)


def test_a_letter_for_a_member_changed_meanwhile_is_refused(db: Database, world: TwoTowns) -> None:
    """The letter dialog hands back the member's version as it read it; the service
    ignored it, so a letter went out for a member someone else had just changed."""
    from dataclasses import replace

    from pbc_desktop.services import member_editing

    member_id = make_member(db, "陈伟", world.jia_two, complete=True, joined_on=date(2000, 7, 1))
    read = member_editing.get_member_input(db, member_id)
    # another window saves the member meanwhile
    member_editing.update_member(db, member_id, replace(read, name="陈伟强"))
    changed = member_editing.get_member_input(db, member_id)
    assert changed.version != read.version
    with pytest.raises(StaleEditError):
        issue_transfer(
            db, member_id, TransferInput(to_unit="外区单位", issued_on=ISSUED, version=read.version)
        )
    assert list_transfers(db, TransferQuery(state=None)) == []
    issue_transfer(
        db, member_id, TransferInput(to_unit="外区单位", issued_on=ISSUED, version=changed.version)
    )


def test_a_letter_dated_before_the_member_came_in_is_refused(db: Database, world: TwoTowns) -> None:
    member_id = make_member(db, "陈伟", world.jia_two, joined_on=date(2000, 7, 1))
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    receive_transfer(db, letter, date(2026, 3, 10))
    with pytest.raises(ValidationError) as caught:
        issue_transfer(db, member_id, TransferInput(to_unit="外区单位", issued_on=date(2026, 3, 5)))
    assert caught.value.fields() == ["occurred_on"]
    assert "2026-03-10" in str(caught.value)
    assert [t.state for t in list_transfers(db, TransferQuery(state=None))] == [
        TransferState.RECEIVED
    ]


def test_a_transfer_in_dated_before_joining_the_party_is_refused(
    db: Database, world: TwoTowns
) -> None:
    data = MemberInput(
        name="林芳",
        organization_id=world.yi_one,
        id_number=make_id(seq=142),
        joined_on=date(2026, 5, 1),
    )
    with pytest.raises(ValidationError) as info:
        transfer_in_from_outside(
            db, data, from_unit="深圳市南山区某社区党委", received_on=date(2026, 4, 1)
        )
    assert info.value.fields() == ["received_on"] and "2026-05-01" in str(info.value)
    assert roll(db, world.yi_one, roll=MemberRoll.ALL) == {"乙一党员"}


@pytest.mark.parametrize(
    ("born", "received_on"),
    [("20200101", date(2026, 4, 1)), ("20000101", date(1990, 1, 1))],
    ids=["a child", "before the birth"],
)
def test_a_transfer_in_of_someone_under_18_then_is_refused(
    db: Database, world: TwoTowns, born: str, received_on: date
) -> None:
    """A member of six (an ID number typed wrong), or received ten years before their
    birth, was entered on the roll."""
    data = MemberInput(name="林芳", organization_id=world.yi_one, id_number=make_id(born, 142))
    with pytest.raises(ValidationError) as info:
        transfer_in_from_outside(db, data, from_unit="外地党委", received_on=received_on)
    assert info.value.fields() == ["received_on"]
    assert str(info.value) == (
        f"按身份证号，该党员出生于{born[:4]}-01-01，转入日期时未满18周岁，请核对身份证号和转入日期"
    )
    assert roll(db, world.yi_one, roll=MemberRoll.ALL) == {"乙一党员"}


def test_a_stay_away_before_joining_or_before_the_last_return_is_refused(
    db: Database, world: TwoTowns
) -> None:
    member_id = make_member(db, "陈伟", world.jia_two, joined_on=date(2020, 7, 1))
    with pytest.raises(ValidationError) as info:
        start_stay(db, member_id, StayInput(date(2019, 1, 1), "深圳"))
    assert info.value.fields() == ["left_on"] and "入党日期" in str(info.value)
    stay = start_stay(db, member_id, StayInput(date(2025, 1, 1), "深圳"))
    end_stay(db, stay, date(2025, 6, 1))
    with pytest.raises(ValidationError) as info:
        start_stay(db, member_id, StayInput(date(2025, 3, 1), "广州"))
    assert info.value.fields() == ["left_on"] and "2025-06-01" in str(info.value)
    data, version = get_stay(db, stay)
    with pytest.raises(ValidationError, match="入党日期"):
        update_stay(db, stay, replace(data, left_on=date(2019, 1, 1)), version)
    assert [row.whereabouts for row in list_stays(db, current=False)] == ["深圳"]


def test_a_corrected_stay_away_does_not_overlap_the_member_s_other_stays(
    db: Database, world: TwoTowns
) -> None:
    member_id = make_member(db, "陈伟", world.jia_two, joined_on=date(2020, 7, 1))
    first = start_stay(db, member_id, StayInput(date(2025, 1, 1), "深圳"))
    end_stay(db, first, date(2025, 6, 1))
    second = start_stay(db, member_id, StayInput(date(2025, 7, 1), "广州"))
    data, version = get_stay(db, second)
    with pytest.raises(ValidationError) as info:
        update_stay(db, second, replace(data, left_on=date(2025, 3, 1)), version)
    assert info.value.fields() == ["left_on"] and "上次外出的返回日期（2025-06-01）" in str(
        info.value
    )
    update_stay(db, second, replace(data, left_on=date(2025, 6, 1)), version)
    # the earlier stay may not start after the next one began either
    data, version = get_stay(db, first)
    with pytest.raises(ValidationError) as info:
        update_stay(db, first, replace(data, left_on=date(2025, 6, 2)), version)
    assert "下次外出的外出日期（2025-06-01）" in str(info.value)
    update_stay(db, first, replace(data, left_on=date(2024, 12, 1)), version)
    assert [(r.left_on, r.returned_on) for r in list_stays(db, current=False)] == [
        (date(2025, 6, 1), None),
        (date(2024, 12, 1), date(2025, 6, 1)),
    ]


def test_a_member_with_a_pending_letter_is_not_moved_by_the_editor(
    db: Database, world: TwoTowns
) -> None:
    """The editor moved the member to a third organization while the letter was on its
    way; the receipt then wrote 转出 from the sender the member was no longer in."""
    from pbc_desktop.services import member_editing

    member_id = make_member(db, "陈伟", world.jia_two, complete=True, joined_on=date(2000, 7, 1))
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    data = member_editing.get_member_input(db, member_id)
    with pytest.raises(ValidationError) as info:
        member_editing.update_member(db, member_id, replace(data, organization_id=world.jia_one))
    assert info.value.fields() == ["organization"] and "介绍信" in str(info.value)
    member_editing.update_member(db, member_id, replace(data, name="陈伟强"))  # other fields
    receive_transfer(db, letter, date(2026, 3, 10))
    assert roll(db, world.yi_one) == {"陈伟强", "乙一党员"}
    assert roll(db, world.jia_one) == {"甲一党员"}


def test_a_member_with_a_pending_letter_is_not_deleted_as_a_mistake(
    db: Database, world: TwoTowns
) -> None:
    """The letter addressed to 乙一村 vanished from its list with the member."""
    from pbc_desktop.services import member_editing

    member_id = make_member(db, "陈伟", world.jia_two, joined_on=date(2000, 7, 1))
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    refusal = member_editing.deletion_refusal(db, member_id)
    assert refusal is not None and "介绍信" in refusal
    with pytest.raises(ConflictError, match="介绍信"):
        member_editing.delete_member(db, member_id)
    db.user = village_actor(db, world.yi_one)
    assert [row.id for row in list_transfers(db)] == [letter]
    db.user = district_actor(db)
    withdraw_transfer(db, letter)
    member_editing.delete_member(db, member_id)  # entered by mistake after all


def test_a_letter_of_a_member_an_imported_roster_says_died_is_not_received(
    db: Database, world: TwoTowns, tmp_path: Path
) -> None:
    """The roster's 已故 took the member off the roll while the letter was on its way; the
    receipt then put the dead member back on the receiving roll (正常)."""
    from pbc_desktop.services import member_import
    from tests.import_factories import TEMPLATE, write_roster

    number = make_id("19850302", "123")
    line = ("陈伟", None, number, None, "2010-07-01", "正式党员", "13812345678", "甲二村党支部")
    first = write_roster(tmp_path / "名册.xlsx", [line])
    member_import.apply_import(db, member_import.read_members(db, first))
    with db.read() as s:
        member_id = s.scalars(select(PartyMember.id).where(PartyMember.id_number == number)).one()
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    again = write_roster(
        tmp_path / "名册2.xlsx", [(*line, "已故")], headers=(*TEMPLATE, "党籍状态")
    )
    member_import.apply_import(db, member_import.read_members(db, again), on_duplicate="update")
    refusal = receive_refusal(db, letter)
    assert refusal is not None and "已不在册（已故）" in refusal and number not in refusal
    with pytest.raises(ConflictError, match="请由开具党组织撤回该介绍信"):
        receive_transfer(db, letter, date(2026, 3, 10))
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        assert (member.status, member.organization_id) == (
            MembershipStatus.DECEASED,
            world.jia_two,
        )
    withdraw_transfer(db, letter)  # what the sentence asks for


def test_a_member_who_left_the_district_comes_back_on_their_own_record(
    db: Database, world: TwoTowns
) -> None:
    """Transferred out to 广州, then back with a letter from there: the ID number was
    refused as the same person entered twice, and nothing else put them on a roll."""
    number = make_id(seq=142)
    data = MemberInput(
        name="林芳", organization_id=world.yi_one, id_number=number, joined_on=date(2010, 7, 1)
    )
    member_id = transfer_in_from_outside(
        db, data, from_unit="深圳市某社区党委", received_on=date(2026, 4, 1)
    )
    letter = issue_transfer(
        db, member_id, TransferInput(to_unit="广州市某街道党工委", issued_on=date(2026, 5, 1))
    )
    receive_transfer(db, letter, date(2026, 5, 5))
    assert "林芳" not in roll(db, world.yi_one)
    db.user = village_actor(db, world.jia_two)  # back to another organization of the district
    back = replace(data, organization_id=world.jia_two)
    with pytest.raises(
        ValidationError, match=r"转入日期不能早于该党员上一次变动的日期（2026-05-01"
    ):
        transfer_in_from_outside(
            db, back, from_unit="广州市某街道党工委", received_on=date(2026, 4, 20)
        )
    again = transfer_in_from_outside(
        db, back, from_unit="广州市某街道党工委", received_on=date(2026, 8, 1)
    )
    assert again == member_id
    assert "林芳" in roll(db, world.jia_two)
    assert "林芳" not in roll(db, world.jia_two, as_of=date(2026, 7, 31))
    kinds = [(c.kind, c.other) for c in member_changes(db, member_id)]
    assert kinds[-1] == (MemberChangeKind.TRANSFERRED_IN, "广州市某街道党工委")
    with db.read() as s:
        assert (
            s.scalar(select(func.count(PartyMember.id)).where(PartyMember.id_number == number)) == 1
        )
    # one on the roll is still one person entered twice
    with pytest.raises(ValidationError, match="同一人不能重复登记"):
        transfer_in_from_outside(db, back, from_unit="深圳", received_on=date(2026, 9, 1))


def test_a_transfer_in_of_another_name_on_the_id_number_of_one_who_left_is_refused(
    db: Database, world: TwoTowns
) -> None:
    """The ID number of a member transferred out before, typed with another name (or
    another day of joining): the stored record was taken back silently under its own
    name, the name typed dropped. The clerk is told whose record it is, never the number."""
    number = make_id(seq=142)
    data = MemberInput(
        name="林芳", organization_id=world.yi_one, id_number=number, joined_on=date(2010, 7, 1)
    )
    member_id = transfer_in_from_outside(
        db, data, from_unit="深圳市某社区党委", received_on=date(2026, 4, 1)
    )
    letter = issue_transfer(
        db, member_id, TransferInput(to_unit="广州市某街道党工委", issued_on=date(2026, 5, 1))
    )
    receive_transfer(db, letter, date(2026, 5, 5))
    # the district's account, which sees 乙一村 they left: told whose record it is
    other = replace(data, name="陈丽", organization_id=world.jia_two, joined_on=None)
    with pytest.raises(ValidationError) as info:
        transfer_in_from_outside(db, other, from_unit="广州", received_on=date(2026, 8, 1))
    assert info.value.fields() == ["id_number"]
    assert str(info.value) == (
        "该身份证号登记的是曾转出本区的党员林芳，与填写的姓名“陈丽”不符，请核对身份证号"
    )
    assert number not in str(info.value)
    later = replace(data, organization_id=world.jia_two, joined_on=date(2012, 7, 1))
    with pytest.raises(ValidationError) as info:
        transfer_in_from_outside(db, later, from_unit="广州", received_on=date(2026, 8, 1))
    assert info.value.fields() == ["joined_on"]
    assert str(info.value) == (
        "曾转出本区的党员林芳登记的入党日期为2010-07-01，与填写的入党日期（2012-07-01）不符，"
        "请核对身份证号和入党日期"
    )
    # 甲二村's account does not see 乙一村: told the same, but not whose record, nor its date
    db.user = village_actor(db, world.jia_two)
    with pytest.raises(ValidationError) as info:
        transfer_in_from_outside(db, other, from_unit="广州", received_on=date(2026, 8, 1))
    assert str(info.value) == (
        "该身份证号登记的是曾转出本区的另一位党员，与填写的姓名“陈丽”不符，请核对身份证号"
    )
    with pytest.raises(ValidationError) as info:
        transfer_in_from_outside(db, later, from_unit="广州", received_on=date(2026, 8, 1))
    assert info.value.fields() == ["joined_on"]
    assert "林芳" not in str(info.value) and "2010" not in str(info.value)
    # nor, by the date of the transfer, the day they joined or left (another's record)
    for day in (date(2009, 1, 1), date(2026, 4, 15)):
        with pytest.raises(ValidationError) as info:
            transfer_in_from_outside(db, other, from_unit="广州", received_on=day)
        assert info.value.fields() == ["id_number"], str(info.value)
        assert "2010" not in str(info.value) and "2026" not in str(info.value)
    assert "林芳" not in roll(db, world.jia_two, roll=MemberRoll.ALL)
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        assert (member.name, member.status) == ("林芳", MembershipStatus.TRANSFERRED_OUT)
    # the same person, the name typed with a space as registers pad it: back on their record
    same = replace(data, name="林 芳", organization_id=world.jia_two, joined_on=None)
    assert (
        transfer_in_from_outside(db, same, from_unit="广州", received_on=date(2026, 8, 1))
        == member_id
    )
    assert "林芳" in roll(db, world.jia_two)


def test_a_letter_to_an_organization_that_ended_or_was_not_yet_founded_is_refused(
    db: Database, world: TwoTowns
) -> None:
    """A temporary branch dissolved in 2020 took members onto its roll, and a branch
    founded in November received one in March."""
    from pbc_desktop.domain.enums import OrgKind
    from tests.factories import make_org

    ended = make_org(
        db,
        "防汛抢险临时党支部",
        kind=OrgKind.TEMPORARY_BRANCH,
        start_date=date(2020, 6, 1),
        end_date=date(2020, 9, 1),
    )
    with pytest.raises(ValidationError) as info:
        issue_transfer(
            db,
            world.member_jia_two,
            TransferInput(to_organization_id=ended, issued_on=ISSUED),
        )
    assert info.value.fields() == ["to_organization"]
    assert "防汛抢险临时党支部已于2020-09-01结束" in str(info.value)
    new = make_org(db, "乙一村第二党支部", town="乙镇", founded_on=date(2026, 3, 20))
    letter = issue_transfer(
        db, world.member_jia_two, TransferInput(to_organization_id=new, issued_on=ISSUED)
    )
    with pytest.raises(ValidationError, match="成立于2026-03-20，接收日期不能早于成立日期"):
        receive_transfer(db, letter, date(2026, 3, 10))
    assert roll(db, world.jia_two) == {"甲二党员"}
    receive_transfer(db, letter, date(2026, 3, 20))
    assert roll(db, new) == {"甲二党员"}


def test_the_listing_says_a_letter_of_a_member_off_the_roll_cannot_be_received(
    db: Database, world: TwoTowns
) -> None:
    """The 接收 button stayed enabled for it: the refusal came only on saving."""
    letter = issue_transfer(
        db, world.member_jia_two, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    db.user = village_actor(db, world.yi_one)
    [row] = list_transfers(db)
    assert row.can_receive and row.receive_refused is None
    with db.write() as s:  # died meanwhile (an imported roster, say)
        member = s.get(PartyMember, world.member_jia_two)
        assert member is not None
        member.status = MembershipStatus.DECEASED
    [row] = list_transfers(db)
    assert row.id == letter and not row.can_receive
    assert row.receive_refused == receive_refusal(db, letter)
    assert row.receive_refused is not None and "已不在册（已故）" in row.receive_refused
