"""Writing lists, items, claims, follow-ups and solving through services.lists."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, Claim, ListItem, ServiceList
from pbc_desktop.domain.enums import (
    ClaimMode,
    FundDirection,
    FundSource,
    ItemStatus,
    ListKind,
    Satisfaction,
)
from pbc_desktop.errors import ConflictError, ValidationError
from pbc_desktop.services import funds
from pbc_desktop.services.lists import claims, editing, queries, supervision
from pbc_desktop.services.paging import PageRequest
from tests.list_factories import Setup, setup_community

TODAY = date(2026, 6, 15)


@pytest.fixture
def setup(db: Database) -> Setup:
    return setup_community(db)


def add(db: Database, setup: Setup, title: str = "老旧小区路灯改造", **kw: object) -> int:
    return editing.add_item(db, setup.list_id, editing.ItemInput(title=title, **kw))  # type: ignore[arg-type]


def group_claim(setup: Setup, **kw: object) -> claims.ClaimInput:
    values: dict[str, object] = {
        "mode": ClaimMode.GROUP,
        "lead_org_id": setup.orgs[0],
        "claimed_on": date(2026, 3, 10),
        "deadline": date(2026, 6, 30),
        "responsible": "张三",
        "participants": (
            claims.ParticipantInput(setup.orgs[1], "李四"),
            claims.ParticipantInput(setup.orgs[2], "王五"),
        ),
    }
    values.update(kw)
    return claims.ClaimInput(**values)  # type: ignore[arg-type]


def audit_summaries(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.summary).order_by(AuditEntry.id)))


def status_of(db: Database, item_id: int) -> ItemStatus:
    return queries.get_item_detail(db, item_id).status


def test_create_update_sign_and_delete_a_list(db: Database, setup: Setup) -> None:
    rows = queries.list_service_lists(db, setup.community_id)
    assert [(r.kind, r.year, r.signed_on) for r in rows] == [
        (ListKind.PROJECT, 2026, date(2026, 3, 1))
    ]
    data = editing.ListInput(setup.community_id, ListKind.DEMAND, "需求清单", 2026)
    list_id = editing.create_list(db, data)
    assert queries.get_service_list(db, list_id).signed_on is None
    editing.sign_list(db, list_id, date(2026, 4, 1))
    assert queries.get_service_list(db, list_id).signed_on == date(2026, 4, 1)
    editing.update_list(
        db,
        list_id,
        editing.ListInput(
            setup.community_id, ListKind.DEMAND, "群众需求清单", 2026, date(2026, 4, 2)
        ),
    )
    assert queries.get_service_list(db, list_id).title == "群众需求清单"
    editing.delete_list(db, list_id)
    with db.read() as s:
        assert s.get(ServiceList, list_id) is None
    summaries = audit_summaries(db)
    assert any("签订清单" in x for x in summaries)
    assert any("删除清单「群众需求清单」" in x for x in summaries)


def test_list_validation_names_the_fields(db: Database, setup: Setup) -> None:
    with pytest.raises(ValidationError) as info:
        editing.create_list(
            db, editing.ListInput(setup.community_id, ListKind.DEMAND, "  ", 1990, date(2099, 1, 1))
        )
    assert set(info.value.fields()) == {"title", "year", "signed_on"}


def test_a_list_stays_in_its_community(db: Database, setup: Setup) -> None:
    other = setup_community(db, "团结党建共同体", prefix="团结")
    data = editing.ListInput(other.community_id, ListKind.PROJECT, "项目清单", 2026)
    with pytest.raises(ValidationError) as info:
        editing.update_list(db, setup.list_id, data)
    assert info.value.fields() == ["community"]


def test_items_link_demands_and_resources_of_the_same_community(db: Database, setup: Setup) -> None:
    demand_list = editing.create_list(
        db, editing.ListInput(setup.community_id, ListKind.DEMAND, "需求清单", 2026)
    )
    demand = editing.add_item(db, demand_list, editing.ItemInput(title="路灯不亮"))
    item = add(db, setup, answers_item_id=demand, expected_result="亮灯率100%")
    detail = queries.get_item_detail(db, item)
    assert (detail.answers_title, detail.answers_item_id) == ("路灯不亮", demand)
    assert [c.id for c in queries.source_choices(db, setup.community_id, ListKind.DEMAND)] == [
        demand
    ]
    with pytest.raises(ValidationError) as info:
        add(db, setup, "用错类型", uses_item_id=demand)  # a demand is not a resource
    assert info.value.fields() == ["uses_item"]
    other = setup_community(db, "另一个共同体", prefix="另")
    foreign = editing.add_item(db, other.list_id, editing.ItemInput(title="别家的项目"))
    with pytest.raises(ValidationError) as info:
        add(db, setup, "跨共同体", answers_item_id=foreign)
    assert info.value.fields() == ["answers_item"]
    with pytest.raises(ValidationError) as info:
        add(db, setup, " ")
    assert info.value.fields() == ["title"]


def test_group_claim_supervise_solve_and_reopen(db: Database, setup: Setup) -> None:
    item = add(db, setup)
    assert status_of(db, item) == ItemStatus.OPEN
    claims.claim_item(db, item, group_claim(setup))
    detail = queries.get_item_detail(db, item)
    assert detail.status == ItemStatus.CLAIMED
    assert detail.deadline == date(2026, 6, 30)  # the claim's deadline becomes the item's
    (claim,) = detail.claims
    assert claim.mode == ClaimMode.GROUP
    assert claim.lead_org_name == "和平村党支部"
    assert [(p.organization_name, p.responsible_person) for p in claim.participants] == [
        ("和平村党支部", None),
        ("区卫健局党支部", "李四"),
        ("和平供电所党支部", "王五"),
    ]
    (row,) = queries.list_items(
        db, queries.ItemQuery(list_id=setup.list_id), PageRequest(), today=TODAY
    )
    assert row.lead_orgs == ("和平村党支部",)
    assert row.partner_orgs == ("区卫健局党支部", "和平供电所党支部")

    # Follow-ups are kept in date order, whatever order they were typed in.
    supervision.add_supervision(
        db,
        item,
        supervision.SupervisionInput(date(2026, 4, 20), "镇党委", "已施工一半", "月底完工"),
    )
    assert status_of(db, item) == ItemStatus.IN_PROGRESS
    supervision.add_supervision(
        db, item, supervision.SupervisionInput(date(2026, 4, 1), "区委组织部", "已勘察")
    )
    supervision.add_supervision(
        db, item, supervision.SupervisionInput(date(2026, 4, 20), "镇党委", "同日第二次")
    )
    assert [v.progress for v in supervision.list_supervisions(db, item)] == [
        "已勘察",
        "已施工一半",
        "同日第二次",
    ]
    assert [v.progress for v in queries.get_item_detail(db, item).supervisions] == [
        "已勘察",
        "已施工一半",
        "同日第二次",
    ]

    # Overdue with a fixed clock: late on 1 July, not on the deadline day.
    query = queries.ItemQuery(overdue_only=True)
    assert queries.count_items(db, query, today=date(2026, 6, 30)) == 0
    assert queries.count_items(db, query, today=date(2026, 7, 1)) == 1
    (late,) = queries.list_items(db, query, PageRequest(), today=date(2026, 7, 1))
    assert late.status_text == "逾期"

    with pytest.raises(ValidationError) as info:
        supervision.solve_item(db, item, supervision.SolveInput(date(2026, 5, 1), " ", None))
    assert set(info.value.fields()) == {"result", "satisfaction"}
    supervision.solve_item(
        db, item, supervision.SolveInput(date(2026, 5, 1), "路灯全部亮了", Satisfaction.SATISFIED)
    )
    detail = queries.get_item_detail(db, item)
    assert (detail.status, detail.satisfaction, detail.result) == (
        ItemStatus.SOLVED,
        Satisfaction.SATISFIED,
        "路灯全部亮了",
    )
    assert queries.count_items(db, query, today=date(2026, 7, 1)) == 0  # solved is never late
    with pytest.raises(ValidationError):
        supervision.add_supervision(
            db, item, supervision.SupervisionInput(date(2026, 5, 2), "镇党委", "再看看")
        )

    with pytest.raises(ValidationError) as info:
        supervision.reopen_item(db, item, " ")
    assert info.value.fields() == ["reason"]
    supervision.reopen_item(db, item, "群众反映又坏了")
    detail = queries.get_item_detail(db, item)
    assert (detail.status, detail.result, detail.satisfaction) == (
        ItemStatus.IN_PROGRESS,
        None,
        None,
    )
    with db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.summary.contains("重新打开")).limit(1)
        ).one()
    assert json.loads(entry.before or "{}")["result"] == "路灯全部亮了"
    assert "群众反映又坏了" in entry.summary


def test_single_claim_and_explicit_start(db: Database, setup: Setup) -> None:
    item = add(db, setup)
    claims.claim_item(
        db,
        item,
        claims.ClaimInput(ClaimMode.SINGLE, setup.orgs[1], date(2026, 3, 5), responsible="赵六"),
    )
    assert status_of(db, item) == ItemStatus.CLAIMED
    supervision.start_item(db, item)
    assert status_of(db, item) == ItemStatus.IN_PROGRESS
    with pytest.raises(ValidationError):
        supervision.start_item(db, item)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"participants": ()}, "participants"),  # a group of one
        ({"participants": (claims.ParticipantInput(0),)}, "participants"),  # lead repeated
        ({"lead_org_id": None}, "lead_org"),
        ({"deadline": date(2026, 3, 1)}, "deadline"),
        ({"claimed_on": date(2099, 1, 1), "deadline": None}, "claimed_on"),
        ({"claimed_on": date(1, 1, 1), "deadline": None}, "claimed_on"),  # no date field's
        ({"deadline": date(9999, 12, 31)}, "deadline"),
    ],
)
def test_claim_refusals(db: Database, setup: Setup, change: dict[str, object], field: str) -> None:
    item = add(db, setup)
    if change.get("participants") == (claims.ParticipantInput(0),):
        change = {"participants": (claims.ParticipantInput(setup.orgs[0]),)}
    with pytest.raises(ValidationError) as info:
        claims.claim_item(db, item, group_claim(setup, **change))
    assert field in info.value.fields()
    assert status_of(db, item) == ItemStatus.OPEN


@pytest.mark.parametrize("deadline", [date(1, 1, 1), date(1899, 12, 31), date(9999, 12, 31)])
def test_a_deadline_no_date_field_takes_is_refused(
    db: Database, setup: Setup, deadline: date
) -> None:
    """Given to the service (no date field goes below 1900 or past 2100), a deadline of
    year 1 would list the item as 逾期 at once and year 9999 never."""
    with pytest.raises(ValidationError, match="超出了可填的年份") as info:
        add(db, setup, deadline=deadline)
    assert info.value.fields() == ["deadline"]


def test_dates_before_1900_are_refused_in_lists_and_the_ledger(db: Database, setup: Setup) -> None:
    with pytest.raises(ValidationError, match="超出了可填的年份") as info:
        editing.sign_list(db, setup.list_id, date(1, 1, 1))
    assert info.value.fields() == ["signed_on"]
    with pytest.raises(ValidationError, match="超出了可填的年份") as info:
        funds.add_entry(
            db,
            funds.FundInput(
                setup.community_id,
                FundDirection.INCOME,
                date(1899, 12, 31),
                100,
                FundSource.HIGHER_LEVEL,
            ),
        )
    assert info.value.fields() == ["entry_date"]


def test_claims_only_by_members_and_only_of_projects(db: Database, setup: Setup) -> None:
    item = add(db, setup)
    with pytest.raises(ValidationError) as info:
        claims.claim_item(db, item, group_claim(setup, lead_org_id=setup.outsider))
    assert info.value.fields() == ["lead_org"]
    with pytest.raises(ValidationError) as info:
        claims.claim_item(
            db,
            item,
            group_claim(setup, participants=(claims.ParticipantInput(setup.outsider),)),
        )
    assert info.value.fields() == ["participants"]
    with pytest.raises(ValidationError) as info:  # several organizations on a single claim
        claims.claim_item(db, item, group_claim(setup, mode=ClaimMode.SINGLE))
    assert info.value.fields() == ["participants"]

    demands = editing.create_list(
        db, editing.ListInput(setup.community_id, ListKind.DEMAND, "需求清单", 2026)
    )
    demand = editing.add_item(db, demands, editing.ItemInput(title="群众需求"))
    with pytest.raises(ValidationError) as info:
        claims.claim_item(db, demand, group_claim(setup))
    assert info.value.fields() == ["status"]
    with db.read() as s:
        assert s.scalars(select(Claim)).all() == []

    claims.claim_item(db, item, group_claim(setup))
    with pytest.raises(ValidationError):  # already claimed
        claims.claim_item(db, item, group_claim(setup))
    assert [c.name for c in queries.claimant_choices(db, setup.community_id)] == [
        "和平村党支部",  # he ping cun
        "和平供电所党支部",  # he ping gong
        "区卫健局党支部",  # qu
    ]
    assert [c.id for c in queries.member_choices(db, setup.community_id)] == setup.orgs


def test_busy_items_and_lists_are_not_deleted(db: Database, setup: Setup) -> None:
    item = add(db, setup)
    spare = add(db, setup, "备用事项")
    claims.claim_item(db, item, group_claim(setup))
    with pytest.raises(ValidationError):
        editing.delete_item(db, item)
    with pytest.raises(ConflictError):
        editing.delete_list(db, setup.list_id)
    editing.delete_item(db, spare)
    with db.read() as s:
        assert s.get(ListItem, spare) is None
        assert s.get(ListItem, item) is not None


def test_update_item_is_audited(db: Database, setup: Setup) -> None:
    item = add(db, setup)
    editing.update_item(
        db,
        item,
        editing.ItemInput(title="路灯改造(二期)", category="基础设施", deadline=date(2026, 9, 1)),
    )
    detail = queries.get_item_detail(db, item)
    assert (detail.title, detail.category, detail.deadline) == (
        "路灯改造(二期)",
        "基础设施",
        date(2026, 9, 1),
    )
    with db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.summary.contains("修改清单事项"))
        ).one()
    assert json.loads(entry.before or "{}")["title"] == "老旧小区路灯改造"
    assert json.loads(entry.after or "{}")["title"] == "路灯改造(二期)"


def test_long_texts_refused_with_control_characters(db: Database, setup: Setup) -> None:
    """A partner's responsible person longer than its column (typed in the claim dialog's
    table; a server refused it with an internal error), and the list's remark, an item's
    expected result, a follow-up's next step and a reason for reopening with control
    characters were stored as given."""
    with pytest.raises(ValidationError) as info:
        editing.create_list(
            db,
            editing.ListInput(
                setup.community_id, ListKind.PROJECT, "项目清单", 2026, None, "备注\x00"
            ),
        )
    assert info.value.fields() == ["remark"]
    with pytest.raises(ValidationError) as info:
        add(db, setup, expected_result="成效\x1b[0m")
    assert info.value.fields() == ["expected_result"]
    item = add(db, setup)
    partners = (claims.ParticipantInput(setup.orgs[1], "李" * 61),)
    with pytest.raises(ValidationError) as info:
        claims.claim_item(db, item, group_claim(setup, participants=partners))
    assert info.value.fields() == ["participants"]
    claims.claim_item(db, item, group_claim(setup))
    entry = supervision.SupervisionInput(date(2026, 4, 20), "镇党委", "已施工", "下一步\u202e")
    with pytest.raises(ValidationError) as info:
        supervision.add_supervision(db, item, entry)
    assert info.value.fields() == ["next_step"]
    supervision.solve_item(
        db, item, supervision.SolveInput(date(2026, 5, 1), "已完工", Satisfaction.SATISFIED)
    )
    with pytest.raises(ValidationError) as info:
        supervision.reopen_item(db, item, "原因\x07")
    assert info.value.fields() == ["reason"]
    assert status_of(db, item) == ItemStatus.SOLVED


def test_a_signed_list_is_signed_by_the_members_of_its_day(db: Database) -> None:
    """A reprint of a list signed in 2024 named the members of today: an organization that
    left since was missing from the signatories, one that joined since was among them (a
    member added to a community also showed its founding date as the day it joined)."""
    from pbc_desktop.domain.enums import CoBuildType
    from pbc_desktop.services import communities
    from pbc_desktop.services.lists import printout
    from tests.factories import make_org

    a, b, c, d = (make_org(db, f"{n}村党支部", town="和平镇") for n in "甲乙丙丁")
    founded = date(2024, 1, 5)
    data = communities.CommunityInput(
        "和平党建共同体", (CoBuildType.CROSS_FIELD,), a, (a, b, c), founded_on=founded
    )
    cid = communities.create_community(db, data)
    list_id = editing.create_list(
        db,
        editing.ListInput(cid, ListKind.PROJECT, "2024年项目清单", 2024, date(2024, 6, 1)),
    )
    unsigned = editing.create_list(db, editing.ListInput(cid, ListKind.DEMAND, "需求清单", 2026))
    communities.update_community(db, cid, replace(data, member_org_ids=(a, b, d)))
    joined = {m.name: m.joined_on for m in communities.get_community(db, cid).members}
    assert joined["甲村党支部"] == founded
    assert joined["丁村党支部"] == date.today()
    report = printout.get_list_report(db, list_id)
    assert report.members == ("甲村党支部", "乙村党支部", "丙村党支部")
    assert printout.get_list_report(db, unsigned).members == (
        "甲村党支部",
        "乙村党支部",
        "丁村党支部",
    )


def test_an_item_is_not_solved_before_its_last_follow_up(db: Database, setup: Setup) -> None:
    """办结 dated 1 April after a 督办 of 20 April was stored: the printed list and the
    item said it was solved before it was last followed up."""
    item = add(db, setup)
    claims.claim_item(db, item, group_claim(setup))
    supervision.add_supervision(
        db, item, supervision.SupervisionInput(date(2026, 4, 20), "镇党委", "已施工一半")
    )
    early = supervision.SolveInput(date(2026, 4, 1), "已完工", Satisfaction.SATISFIED)
    with pytest.raises(ValidationError) as info:
        supervision.solve_item(db, item, early)
    assert info.value.fields() == ["solved_on"]
    assert "2026-04-20" in str(info.value)
    assert status_of(db, item) == ItemStatus.IN_PROGRESS
    same_day = supervision.SolveInput(date(2026, 4, 20), "已完工", Satisfaction.SATISFIED)
    supervision.solve_item(db, item, same_day)
    assert status_of(db, item) == ItemStatus.SOLVED


def test_a_demand_a_project_answers_is_not_deleted(db: Database, setup: Setup) -> None:
    """Deleting a demand (or its whole list) that a project answers dropped the project's
    对应需求 silently: no audit entry for the project, no word to the clerk."""
    demand_list = editing.create_list(
        db, editing.ListInput(setup.community_id, ListKind.DEMAND, "需求清单", 2026)
    )
    demand = editing.add_item(db, demand_list, editing.ItemInput(title="路灯不亮"))
    spare = editing.add_item(db, demand_list, editing.ItemInput(title="无人对应"))
    project = add(db, setup, "路灯改造", answers_item_id=demand)
    with pytest.raises(ConflictError, match="路灯改造"):
        editing.delete_item(db, demand)
    with pytest.raises(ConflictError, match="路灯改造"):
        editing.delete_list(db, demand_list)
    assert queries.get_item_detail(db, project).answers_item_id == demand
    editing.delete_item(db, spare)  # nothing answers it
    editing.delete_item(db, project)  # the project itself may go, then its demand
    editing.delete_list(db, demand_list)


def test_an_item_money_was_spent_on_is_not_deleted(db: Database, setup: Setup) -> None:
    """The ledger's entry lost what it was spent on when its item was deleted (as an
    activity with fund entries is refused, so is an item)."""
    item = add(db, setup)
    funds.add_entry(
        db,
        funds.FundInput(
            setup.community_id,
            FundDirection.INCOME,
            date(2026, 3, 5),
            100_000,
            FundSource.HIGHER_LEVEL,
        ),
    )
    funds.add_entry(
        db,
        funds.FundInput(
            setup.community_id,
            FundDirection.EXPENSE,
            date(2026, 3, 6),
            50_000,
            purpose="路灯材料",
            item_id=item,
        ),
    )
    with pytest.raises(ConflictError, match="经费"):
        editing.delete_item(db, item)
    with pytest.raises(ConflictError, match="经费"):
        editing.delete_list(db, setup.list_id)
    assert status_of(db, item) == ItemStatus.OPEN
