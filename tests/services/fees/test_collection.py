"""The monthly collection sheet: 应缴/实缴, 补缴 and 预缴, one audit entry, scope."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, FeePayment
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.domain.fees import FeeCategory, PaymentKind
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from pbc_desktop.services.fees.collection import SheetEntry, collection_sheet, save_sheet
from tests.factories import make_member, make_org
from tests.fee_factories import JAN, member_with_basis, pay_months
from tests.scope_factories import town_actor, two_towns, village_actor

MAR, APR, MAY, JUN, JUL = (date(2026, m, 1) for m in (3, 4, 5, 6, 7))


def _audit_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_the_sheet_lists_current_members_with_their_standard(db: Database) -> None:
    org = make_org(db, "甲村党支部")
    member_with_basis(db, "张三", org, income="4000")
    member_with_basis(db, "李四", org, category=FeeCategory.FARMER, income=None)
    make_member(db, "王五", org)  # no basis yet
    make_member(db, "赵六", org, status=MembershipStatus.TRANSFERRED_OUT)
    sheet = collection_sheet(db, org, date(2026, 3, 20))
    assert sheet.month == MAR
    by_name = {r.name: r for r in sheet.rows}
    assert set(by_name) == {"张三", "李四", "王五"}
    assert by_name["张三"].standard == Decimal("40.00")
    assert by_name["李四"].standard == Decimal("0.20")
    assert by_name["王五"].standard is None and by_name["王五"].category is None
    assert by_name["张三"].owed_months == 2  # January and February unpaid
    assert sheet.due_total == Decimal("40.20")


def test_saving_a_sheet_is_one_transaction_with_one_audit_entry(db: Database) -> None:
    org = make_org(db)
    ids = [member_with_basis(db, f"党员{i}", org, income="3000") for i in range(5)]
    before = _audit_count(db)
    saved = save_sheet(
        db, org, JAN, [SheetEntry(i, paid=Decimal("15")) for i in ids], paid_on=date(2026, 1, 20)
    )
    assert saved.payments == 5 and saved.total == Decimal("75.00")
    assert _audit_count(db) == before + 1
    sheet = collection_sheet(db, org, JAN)
    assert all(r.paid == Decimal("15.00") for r in sheet.rows)
    assert sheet.paid_total == Decimal("75.00") and sheet.paid_count == 5
    # saving again changes amounts, not rows
    save_sheet(db, org, JAN, [SheetEntry(ids[0], paid=Decimal("20"))], paid_on=date(2026, 1, 21))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeePayment)) == 5


def test_a_sheet_saved_with_nothing_typed_writes_nothing(db: Database) -> None:
    """保存 clicked twice (or with nothing typed) put "0 笔，金额变化 0.00 元" in the audit
    log each time."""
    org = make_org(db)
    member = member_with_basis(db, "张三", org, income="3000")
    save_sheet(db, org, JAN, [SheetEntry(member, paid=Decimal("15"))], paid_on=date(2026, 1, 20))
    before = _audit_count(db)
    saved = save_sheet(db, org, JAN, [], paid_on=date(2026, 1, 20))
    assert (saved.payments, saved.total) == (0, Decimal("0.00"))
    assert _audit_count(db) == before


def test_a_bad_row_refuses_the_whole_sheet(db: Database) -> None:
    org = make_org(db)
    good = member_with_basis(db, "甲", org)
    bad = member_with_basis(db, "乙", org)
    with pytest.raises(ValidationError, match="乙"):
        save_sheet(
            db,
            org,
            JAN,
            [SheetEntry(good, paid=Decimal("40")), SheetEntry(bad, paid=Decimal("1.234"))],
            paid_on=JAN,
        )
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeePayment)) == 0


def test_a_sheet_of_a_month_to_come_or_before_joining_is_refused(db: Database) -> None:
    """A sheet of December 2099 (887 months "owed") was saved with today's date, and one
    of January 1990 took 40 yuan from a member who joined in 2020."""
    from sqlalchemy import update

    from pbc_desktop.db.models import PartyMember

    org = make_org(db)
    member = member_with_basis(db, "甲", org)
    with db.write() as s:
        s.execute(update(PartyMember).values(joined_on=date(2020, 5, 12)))
    paid = [SheetEntry(member, paid=Decimal("40"))]
    with pytest.raises(ValidationError) as ahead:
        save_sheet(db, org, date(2099, 12, 1), paid, paid_on=date(2026, 3, 18))
    assert ahead.value.fields() == ["month"]
    assert str(ahead.value).startswith("收缴月份（2099-12）不能晚于缴纳日期所在的月份；")
    with pytest.raises(ValidationError) as early:
        save_sheet(db, org, date(1990, 1, 1), paid, paid_on=date(2026, 3, 18))
    assert str(early.value) == "甲于2020-05入党，不能登记1990-01的党费。"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeePayment)) == 0
    save_sheet(db, org, MAR, paid, paid_on=date(2026, 3, 18))  # the month paid in: taken


def test_back_payment_pays_the_oldest_owed_months_and_ahead_the_next(db: Database) -> None:
    org = make_org(db)
    member = member_with_basis(db, "张三", org, income="6000")  # 1.5 %: 90.00
    pay_months(db, org, [member], date(2026, 2, 1))
    save_sheet(
        db,
        org,
        MAY,
        [SheetEntry(member, paid=Decimal("90"), back=2, ahead=2)],
        paid_on=date(2026, 5, 10),
    )
    with db.read() as s:
        kinds = dict(s.execute(select(FeePayment.fee_month, FeePayment.kind)).all())
    assert kinds == {
        JAN: PaymentKind.BACK,
        date(2026, 2, 1): PaymentKind.ON_TIME,
        MAR: PaymentKind.BACK,
        MAY: PaymentKind.ON_TIME,
        JUN: PaymentKind.AHEAD,
        JUL: PaymentKind.AHEAD,
    }
    row = collection_sheet(db, org, MAY).rows[0]
    assert row.owed_months == 1  # April is still owed
    assert row.owed == Decimal("90.00")
    assert row.ahead_months == 2
    # the June sheet shows June as paid ahead
    assert collection_sheet(db, org, JUN).rows[0].paid == Decimal("90.00")


def test_the_sheet_follows_the_account_scope(db: Database) -> None:
    world = two_towns(db)
    member_with_basis(db, "甲二张三", world.jia_two)
    db.user = town_actor(db, "乙镇")
    with pytest.raises(NotFoundError):
        collection_sheet(db, world.jia_two, JAN)
    db.user = village_actor(db, world.jia_one)
    with pytest.raises(NotFoundError):
        save_sheet(db, world.jia_two, JAN, [], paid_on=JAN)
    db.user = town_actor(db, "甲镇")
    assert [r.name for r in collection_sheet(db, world.jia_two, JAN).rows][-1] == "甲二张三"


def test_a_viewer_cannot_save(db: Database) -> None:
    from tests.scope_factories import viewer_actor

    org = make_org(db)
    member = member_with_basis(db, "张三", org)
    db.user = viewer_actor(db)
    with pytest.raises(PermissionDeniedError):
        save_sheet(db, org, JAN, [SheetEntry(member, paid=Decimal("40"))], paid_on=JAN)


@pytest.mark.parametrize("typed", ["1e20", "Infinity", "NaN", "-1e20"])
def test_an_amount_no_column_holds_is_refused_naming_the_member(db: Database, typed: str) -> None:
    """A hostile cell (``1e20``) once reached the database as an integer too large for it:
    an internal error instead of a sentence, after the earlier rows were planned."""
    org = make_org(db, "甲村党支部")
    member = member_with_basis(db, "张三", org)
    with pytest.raises(ValidationError) as caught:
        save_sheet(db, org, JAN, [SheetEntry(member, paid=Decimal(typed))], paid_on=JAN)
    assert "张三" in str(caught.value)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeePayment)) == 0


def test_a_payment_dated_after_today_is_refused(db: Database) -> None:
    org = make_org(db, "甲村党支部")
    member = member_with_basis(db, "张三", org)
    with pytest.raises(ValidationError) as caught:
        save_sheet(db, org, JAN, [SheetEntry(member, paid=Decimal("40"))], paid_on=date(2099, 1, 5))
    assert [e.field for e in caught.value.errors] == ["paid_on"]
    assert "缴纳日期" in str(caught.value)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeePayment)) == 0


def test_a_sheet_read_before_another_save_is_refused(db: Database) -> None:
    from pbc_desktop.errors import StaleEditError

    org = make_org(db, "甲村党支部")
    member = member_with_basis(db, "张三", org)
    sheet = collection_sheet(db, org, JAN)
    save_sheet(db, org, JAN, [SheetEntry(member, paid=Decimal("40"))], paid_on=JAN)
    with pytest.raises(StaleEditError):
        save_sheet(
            db,
            org,
            JAN,
            [SheetEntry(member, paid=Decimal("4"))],
            paid_on=JAN,
            read_stamp=sheet.stamp,
        )
    before_newcomer = collection_sheet(db, org, JAN)
    make_member(db, "李四", org)  # the branch's members changed too
    with pytest.raises(StaleEditError):
        save_sheet(db, org, JAN, [], paid_on=JAN, read_stamp=before_newcomer.stamp)
    fresh = collection_sheet(db, org, JAN)
    assert fresh.stamp != before_newcomer.stamp
    save_sheet(
        db, org, JAN, [SheetEntry(member, paid=Decimal("4"))], paid_on=JAN, read_stamp=fresh.stamp
    )
    assert collection_sheet(db, org, JAN).rows[1].paid == Decimal("4.00")


def test_paying_ahead_needs_a_standard_of_the_month(db: Database) -> None:
    """预缴 of a member not yet 核定 (or 免交) stored the months ahead as paid with 0 yuan,
    and the sheet said 已预缴."""
    org = make_org(db)
    new = make_member(db, "新党员", org, joined_on=date(2025, 1, 1))
    exempt = member_with_basis(db, "免交者", org, category=FeeCategory.FIXED, fixed="0")
    paying = member_with_basis(db, "张三", org, income="6000")
    for member in (new, exempt):
        with pytest.raises(ValidationError) as refused:
            save_sheet(db, org, MAY, [SheetEntry(member, ahead=3)], paid_on=date(2026, 5, 10))
        assert refused.value.fields() == [f"months{member}"]
        assert "2026-05没有缴纳标准（未核定缴纳基数或免交），不能预缴" in str(refused.value)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeePayment)) == 0
    assert [r.ahead_months for r in collection_sheet(db, org, MAY).rows] == [0, 0, 0]
    save_sheet(db, org, MAY, [SheetEntry(paying, ahead=1)], paid_on=date(2026, 5, 10))
    with db.read() as s:
        assert s.execute(select(FeePayment.fee_month, FeePayment.amount_cents)).all() == [
            (JUN, 9000)
        ]


def test_a_months_fee_above_the_largest_standard_is_refused_as_a_typo(db: Database) -> None:
    """实缴 4,000,000 (an income typed in the wrong cell, or zeros too many) was taken as a
    month's Party fee, up to a hundred million yuan."""
    org = make_org(db, "甲村党支部")
    member = member_with_basis(db, "张三", org)
    for typed in ("4000000", "100000.01", "1e7"):
        with pytest.raises(ValidationError) as caught:
            save_sheet(db, org, JAN, [SheetEntry(member, paid=Decimal(typed))], paid_on=JAN)
        assert str(caught.value) == "张三：一个月的实缴金额不能超过100,000元，请核对。"
        assert caught.value.fields() == [f"paid{member}"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeePayment)) == 0
    save_sheet(db, org, JAN, [SheetEntry(member, paid=Decimal("100000"))], paid_on=JAN)


def test_a_member_entered_twice_on_one_sheet_is_refused_by_name(db: Database) -> None:
    """Two rows of one member: the second month's payment hit the database's unique index
    (an internal error), or 补缴/预缴 were counted twice."""
    org = make_org(db)
    member = member_with_basis(db, "张三", org, income="4000")
    other = member_with_basis(db, "李四", org, income="4000")
    for twice in (
        [SheetEntry(member, paid=Decimal("40")), SheetEntry(member, paid=Decimal("30"))],
        [SheetEntry(member, back=1), SheetEntry(member, back=1)],
        [SheetEntry(member, paid=Decimal("40"), ahead=2), SheetEntry(member, ahead=2)],
    ):
        before = _audit_count(db)
        with pytest.raises(ValidationError) as info:
            save_sheet(db, org, MAR, [SheetEntry(other, paid=Decimal("40")), *twice], MAR)
        assert info.value.fields() == [f"row{member}"]
        assert "张三 在收缴表中出现了两次" in str(info.value)
        assert _audit_count(db) == before
        with db.read() as s:
            assert s.scalar(select(func.count(FeePayment.id))) == 0


def test_a_months_sheet_lists_a_member_who_left_after_it_began(db: Database) -> None:
    """A member who died in June: June's sheet, entered in July, listed only the living,
    and the payment for June could not be taken (nor that of May, back)."""
    from pbc_desktop.domain.member_changes import MemberChangeKind
    from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member

    org = make_org(db, "甲村党支部")
    other = make_org(db, "乙村党支部")
    living = member_with_basis(db, "张三", org)
    died = member_with_basis(db, "李四", org)
    member_with_basis(db, "王五", other)
    leave_member(db, died, LeavingInput(MemberChangeKind.DECEASED, date(2026, 6, 15)))
    for month in (MAY, JUN):
        assert [r.name for r in collection_sheet(db, org, month).rows] == ["李四", "张三"]
    assert [r.name for r in collection_sheet(db, org, JUL).rows] == ["张三"]
    assert [r.name for r in collection_sheet(db, other, JUN).rows] == ["王五"]
    sheet = collection_sheet(db, org, JUN)
    row = next(r for r in sheet.rows if r.name == "李四")
    assert row.owed_months == 5  # January to May
    with pytest.raises(ValidationError) as ahead:  # months after they died
        save_sheet(
            db, org, JUN, [SheetEntry(died, paid=Decimal("40"), ahead=1)], paid_on=date(2026, 7, 2)
        )
    assert str(ahead.value) == "李四已不在册，不能预缴党费。"
    save_sheet(
        db,
        org,
        JUN,
        [SheetEntry(died, paid=Decimal("40"), back=5), SheetEntry(living, paid=Decimal("40"))],
        paid_on=date(2026, 7, 2),
        read_stamp=sheet.stamp,
    )
    row = next(r for r in collection_sheet(db, org, JUN).rows if r.name == "李四")
    assert (row.paid, row.owed_months) == (Decimal("40.00"), 0)
    with pytest.raises(ValidationError, match=str(died)):  # not on July's sheet
        save_sheet(db, org, JUL, [SheetEntry(died, paid=Decimal("40"))], paid_on=date(2026, 7, 2))


def test_a_branch_whose_last_member_left_keeps_its_past_sheets(db: Database) -> None:
    """Its only member died in June: the branch stays a choice of the fee window (it was
    left out, so June's sheet, with the payment owed from before, could not be opened);
    a branch that never had a member is no choice."""
    from pbc_desktop.domain.member_changes import MemberChangeKind
    from pbc_desktop.services.fees.collection import branch_choices
    from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member

    org = make_org(db, "甲村党支部")
    make_org(db, "乙村党支部")  # no member ever
    died = member_with_basis(db, "李四", org)
    leave_member(db, died, LeavingInput(MemberChangeKind.DECEASED, date(2026, 6, 15)))
    assert [c.name for c in branch_choices(db)] == ["甲村党支部"]
    assert [r.name for r in collection_sheet(db, org, JUN).rows] == ["李四"]
