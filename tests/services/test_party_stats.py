"""党内统计: every table equals the same count made independently from the demo district."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization
from pbc_desktop.domain import party_stats as rules
from pbc_desktop.domain.enums import OrgKind
from pbc_desktop.errors import NotFoundError, ValidationError
from pbc_desktop.reports.party_stats import build_party_stats_pdf
from pbc_desktop.services.accounts.sign_in import sign_in
from pbc_desktop.services.demo.builder import DEMO_PASSWORD
from pbc_desktop.services.party_stats.tables import (
    PartyStatistics,
    StatRow,
    StatTable,
    party_statistics,
)
from tests.demo_cache import demo_into
from tests.member_move_helpers import assert_transfer_counted, members_and_net, net_change
from tests.party_stats_recount import recount
from tests.pdf_helpers import signed_page

TODAY = date(2026, 6, 15)
YEAR = 2025
CHANGE_LABELS = ("发展", "转入", "恢复党籍", "其他增加", "转出", "死亡", "出党", "停止党籍")
MEMBER_TABLES = ("sex", "ethnicity", "age", "education", "joined", "category", "field")


@pytest.fixture
def demo(db: Database) -> Database:
    demo_into(db, today=TODAY)
    return db


def _nonzero(table: StatTable, column: int = 0) -> Counter[str]:
    return Counter({r.label: r.values[column] for r in table.rows if r.values[column]})


def _check(stats: PartyStatistics, expected: dict[str, Counter[str]]) -> None:
    for key in MEMBER_TABLES:
        assert _nonzero(stats.table(key)) == expected[key], key
        assert sum(r.values[0] for r in stats.table(key).rows) == stats.members, key
    orgs = stats.table("organizations")
    kinds = {k.zh: orgs.value("合计", i) for i, k in enumerate(OrgKind) if orgs.value("合计", i)}
    assert kinds == dict(expected["kinds"])
    assert orgs.value("合计", len(OrgKind)) == stats.organizations
    changes = {k: v for k, v in expected["changes"].items() if k in CHANGE_LABELS}
    assert _nonzero(stats.table("changes")) == Counter(changes)


def test_district_tables_match_an_independent_count(demo: Database) -> None:
    stats = party_statistics(demo, YEAR)
    expected = recount(demo, YEAR)
    assert stats.members == sum(expected["sex"].values()) > 700
    assert stats.area == "全区"
    assert stats.as_of == date(YEAR, 12, 31)
    _check(stats, expected)
    # the demo's members are of every age band the forms know but the oldest ones
    assert stats.table("age").value("30岁及以下") > 0
    assert stats.table("category").value("预备党员") > 0
    # the demo's history has changes of last year
    assert sum(r.values[0] for r in stats.table("changes").rows) > 0
    assert [r.label for r in stats.table("changes").rows] == list(CHANGE_LABELS)


def test_an_earlier_year_leaves_out_later_members(demo: Database) -> None:
    stats = party_statistics(demo, 2010)
    expected = recount(demo, 2010)
    _check(stats, expected)
    assert stats.members < party_statistics(demo, YEAR).members


def test_a_town_and_an_organization(demo: Database) -> None:
    with demo.read() as s:
        town = s.scalars(select(Organization.town).where(Organization.town.is_not(None))).first()
        committee = s.scalars(
            select(Organization).where(
                Organization.town == town, Organization.kind == OrgKind.COMMITTEE
            )
        ).first()
        assert committee is not None
        children: dict[int | None, list[int]] = {}
        for org in s.scalars(select(Organization)):
            children.setdefault(org.parent_id, []).append(org.id)
        committee_id = committee.id
    below = {committee_id}
    todo = [committee_id]
    while todo:
        for child in children.get(todo.pop(), []):
            below.add(child)
            todo.append(child)
    assert town is not None
    by_town = party_statistics(demo, YEAR, town=town)
    assert by_town.area == town
    _check(by_town, recount(demo, YEAR, town=town))
    by_org = party_statistics(demo, YEAR, organization_id=committee_id)
    _check(by_org, recount(demo, YEAR, org_ids=below))
    assert 0 < by_org.members <= by_town.members


def test_scoped_by_the_account(demo: Database) -> None:
    whole = party_statistics(demo, YEAR)
    demo.user = sign_in(demo, "zhen", DEMO_PASSWORD).actor
    town = demo.user.town
    stats = party_statistics(demo, YEAR)
    assert stats.area == town
    _check(stats, recount(demo, YEAR, town=town))
    assert stats.members < whole.members
    with demo.read() as s:
        elsewhere = s.scalars(select(Organization.id).where(Organization.town != town)).first()
    assert elsewhere is not None
    with pytest.raises(NotFoundError):
        party_statistics(demo, YEAR, organization_id=elsewhere)


def test_bands_of_the_forms() -> None:
    day = date(2025, 12, 31)
    assert rules.age_band(date(1995, 12, 31), day) == "30岁及以下"
    assert rules.age_band(date(1994, 12, 31), day) == "31至35岁"
    assert rules.age_band(date(1964, 12, 31), day) == "61岁及以上"
    assert rules.age_band(None, day) == rules.UNKNOWN
    assert rules.education_band("硕士研究生") == "研究生"
    assert rules.education_band("大专") == "大学专科"
    assert rules.education_band("小学") == "初中及以下"
    assert rules.education_band("其他") == rules.UNKNOWN
    assert rules.joined_band(date(1949, 9, 30)) == "建国前"
    assert rules.joined_band(date(1978, 12, 31)) == "建国后至十一届三中全会前"
    assert rules.joined_band(date(2022, 10, 16)) == "党的二十大以来"
    assert rules.ethnic_band("畲族") == "少数民族"


def test_a_year_out_of_range_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="统计年度"):
        party_statistics(db, 1800)


def test_a_member_counts_until_the_change_that_takes_them_off_the_roll(db: Database) -> None:
    from pbc_desktop.db.models import PartyMember
    from pbc_desktop.domain.member_changes import MemberChangeKind
    from pbc_desktop.services.member_changes import record_change
    from tests.factories import make_member, make_org

    org = make_org(db, "上底村党支部")
    leaving = make_member(db, "张三", org, joined_on=date(2000, 7, 1))
    make_member(db, "李四", org, joined_on=date(2000, 7, 1))
    with db.write() as s:
        member = s.get(PartyMember, leaving)
        assert member is not None
        record_change(s, member, MemberChangeKind.DECEASED, date(2026, 3, 1))
    assert party_statistics(db, 2025, organization_id=org).members == 2
    stats = party_statistics(db, 2026, organization_id=org)
    assert stats.members == 1
    assert stats.table("changes").value("死亡") == 1
    assert party_statistics(db, 2025, organization_id=org).table("changes").value("死亡") == 0


def test_the_changes_of_the_year_explain_the_count(db: Database) -> None:
    """Last year's members with the year's increases added and decreases taken away are
    this year's: a 停止党籍 (and a 恢复党籍) changed the count with no change shown."""
    from pbc_desktop.domain.member_changes import MemberChangeKind
    from pbc_desktop.services.member_changes.leaving import (
        LeavingInput,
        leave_member,
        restore_member,
    )
    from tests.factories import make_member, make_org

    org = make_org(db, "上底村党支部")
    suspended, restored = (
        make_member(db, name, org, joined_on=date(2000, 7, 1)) for name in ("张三", "李四")
    )
    make_member(db, "王五", org, joined_on=date(2000, 7, 1))
    leave_member(db, restored, LeavingInput(MemberChangeKind.SUSPENDED, date(2024, 3, 1)))
    leave_member(db, suspended, LeavingInput(MemberChangeKind.SUSPENDED, date(2025, 3, 1)))
    restore_member(db, restored, date(2025, 5, 1), None)
    leave_member(db, restored, LeavingInput(MemberChangeKind.SUSPENDED, date(2025, 9, 1)))
    last, this = party_statistics(db, 2024), party_statistics(db, 2025)
    changes = this.table("changes")
    assert (changes.value("恢复党籍"), changes.value("停止党籍")) == (1, 2)
    assert (last.members, this.members) == (2, 1)
    assert last.members + net_change(changes) == this.members


def test_a_member_entered_by_hand_joining_in_the_year_is_an_other_addition(
    db: Database,
) -> None:
    """A member added in the member editor with a joining date in the year is on this
    year's roll and not last year's, with no change recorded: the table of the year's
    changes did not explain them. They count under 其他增加 (not 发展: the editor does not
    know they were admitted here), in the organization they joined, in that year only."""
    from pbc_desktop.domain.enums import MemberCategory
    from pbc_desktop.domain.member_changes import MemberChangeKind
    from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
    from pbc_desktop.services.member_changes.transfers import (
        TransferInput,
        issue_transfer,
        receive_transfer,
    )
    from pbc_desktop.services.member_editing import MemberInput, create_member
    from tests.factories import complete_fields, make_member, make_org

    org = make_org(db, "上底村党支部")
    other = make_org(db, "下底村党支部")
    make_member(db, "王五", org, joined_on=date(2000, 7, 1))

    def by_hand(name: str, joined: date) -> int:
        fields = {**complete_fields(), "joined_on": joined, "confirmed_on": None}
        fields["category"] = MemberCategory.PROBATIONARY
        return create_member(db, MemberInput(name=name, organization_id=org, **fields))

    by_hand("张三", date(2025, 3, 1))
    by_hand("李四", date(2025, 4, 1))
    moved, died = by_hand("赵六", date(2025, 5, 1)), by_hand("钱七", date(2025, 6, 1))
    letter = issue_transfer(
        db, moved, TransferInput(to_organization_id=other, issued_on=date(2025, 8, 1))
    )
    receive_transfer(db, letter, date(2025, 8, 5))
    leave_member(db, died, LeavingInput(MemberChangeKind.DECEASED, date(2025, 9, 1)))
    last, this = party_statistics(db, 2024), party_statistics(db, 2025)
    changes = this.table("changes")
    assert (last.members, this.members) == (1, 4)
    assert changes.value(rules.OTHER_INCREASE) == 4
    assert [r.label for r in changes.rows].index(rules.OTHER_INCREASE) == 3  # after 恢复党籍
    assert last.members + net_change(changes) == this.members
    for where in (org, other):  # each organization's table adds up too
        before = party_statistics(db, 2024, organization_id=where)
        after = party_statistics(db, 2025, organization_id=where)
        assert before.members + net_change(after.table("changes")) == after.members
    assert party_statistics(db, 2026).table("changes").value(rules.OTHER_INCREASE) == 0


def test_the_signatures_go_over_with_the_last_table(tmp_path: Path) -> None:
    """A last table that ends at the foot of the first page: the signatures go over with it
    (and the running title), never onto a page of their own."""
    first = StatTable(
        "a", "性别", ("人数",), tuple(StatRow(f"甲{i}", (1,)) for i in range(12)), True
    )
    on_page: set[int] = set()
    for rows in range(1, 4):
        last = StatTable(
            "b", "年龄", ("人数",), tuple(StatRow(f"乙{i}", (1,)) for i in range(rows)), True
        )
        stats = PartyStatistics(2026, date(2026, 12, 31), "某镇", 12, 3, (first, last))
        path = build_party_stats_pdf(stats, tmp_path / f"{rows}.pdf", invariant=True)
        signed = signed_page(path, "填报人（签字）")
        assert "某镇党内统计表（2026年度）" in signed.text, rows
        assert f"乙{rows - 1}" in signed.before, rows
        on_page.add(signed.number)
    assert on_page == {1, 2}


def test_a_last_table_longer_than_a_page_keeps_its_last_rows_with_the_signatures(
    tmp_path: Path,
) -> None:
    """A last table of 20 or 45 rows ended at a page's foot and the signatures stood
    alone on the next page; now its last rows go over with them."""
    first = StatTable(
        "a", "性别", ("人数",), tuple(StatRow(f"甲{i}", (1,)) for i in range(12)), True
    )
    for rows in (20, 45):
        last = StatTable(
            "b", "年龄", ("人数",), tuple(StatRow(f"乙{i}", (1,)) for i in range(rows)), True
        )
        stats = PartyStatistics(2026, date(2026, 12, 31), "某镇", 12, 3, (first, last))
        path = build_party_stats_pdf(stats, tmp_path / f"{rows}.pdf", invariant=True)
        signed = signed_page(path, "填报人（签字）")
        assert signed.before.endswith("合计12100.0%"), rows
        assert f"乙{rows - 1}" in signed.before, rows


def _member_by_hand(db: Database, name: str, org: int, *, from_outside: bool) -> int:
    """A member of ``org`` who joined in 2000: entered in the editor (no change), or
    transferred in from outside the district in 2010 (a 转入 at ``org``)."""
    from pbc_desktop.services.member_changes.transfers import transfer_in_from_outside
    from pbc_desktop.services.member_editing import MemberInput, create_member
    from tests.factories import complete_fields

    fields = {**complete_fields(), "joined_on": date(2000, 7, 1)}
    data = MemberInput(name=name, organization_id=org, **fields)
    if from_outside:
        return transfer_in_from_outside(
            db, data, from_unit="汕头市金平区某党支部", received_on=date(2010, 3, 1)
        )
    return create_member(db, data)


@pytest.mark.parametrize("from_outside", [False, True], ids=["entered", "transferred_in"])
def test_a_move_in_the_member_editor_is_a_transfer_each_organization_adds_up(
    db: Database, from_outside: bool
) -> None:
    """A member moved to another organization in the member editor (not through a letter)
    recorded no change: the old organization's table of last year (as printed before the
    move) with this year's changes was not this year's, nor the new one's (a member with
    no change counted in the new one in every year, one with a change in the old one
    still). The move is a transfer within the district: 转出 at the old organization,
    转入 at the new one, the district's count unchanged."""
    from pbc_desktop.services import member_editing
    from pbc_desktop.services.member_changes.leaving import member_changes
    from tests.factories import make_org

    old, new = make_org(db, "上底村党支部"), make_org(db, "下底村党支部")
    moved = _member_by_hand(db, "张三", old, from_outside=from_outside)
    _member_by_hand(db, "李四", old, from_outside=from_outside)
    _member_by_hand(db, "王五", new, from_outside=from_outside)
    printed = members_and_net(db, 2024, old, new)  # last year's tables, before the move
    assert [members for members, _net in printed] == [2, 1]
    district = party_statistics(db, 2024).members

    data = member_editing.get_member_input(db, moved)
    member_editing.update_member(
        db, moved, replace(data, organization_id=new), moved_on=date(2025, 6, 1)
    )

    assert_transfer_counted(db, 2025, old, new, printed=printed, district=district)
    history = [(c.kind.zh, c.organization_name, c.other) for c in member_changes(db, moved)]
    assert history[-2:] == [
        ("转出", "上底村党支部", "下底村党支部"),
        ("转入", "下底村党支部", "上底村党支部"),
    ]
