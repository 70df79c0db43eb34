"""The community service: validation, writes with audit, lifecycle, listing."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, Community, CommunityMember, LifecycleEvent
from pbc_desktop.domain.enums import (
    AuditAction,
    CoBuildType,
    CommunityStatus,
    LeadershipRole,
    LifecycleAction,
    MemberRole,
)
from pbc_desktop.errors import ConflictError, NotFoundError, ValidationError
from pbc_desktop.services import communities as svc
from pbc_desktop.services import scope
from pbc_desktop.services.paging import PageRequest
from tests.factories import make_activity, make_community, make_org, make_orgs

A = LifecycleAction
S = CommunityStatus


def sample_input(
    org_ids: list[int], name: str = "陈沙大道党建共同体", **changes: object
) -> svc.CommunityInput:
    data: dict[str, object] = {
        "name": name,
        "theme": "思想教育联建",
        "types": (CoBuildType.CROSS_FIELD, CoBuildType.CROSS_INDUSTRY),
        "lead_org_id": org_ids[0],
        "member_org_ids": tuple(org_ids),
        "founded_on": date(2024, 3, 1),
        "roles": (
            svc.RoleInput("陈明", LeadershipRole.CONVENER, org_ids[0], phone="13800000000"),
            svc.RoleInput("林华", LeadershipRole.DEPUTY_CONVENER, org_ids[1], True),
        ),
        "rotation": (
            svc.TurnInput(org_ids[0], "2024年第1季度", date(2024, 1, 1), date(2024, 3, 31)),
        ),
    }
    data.update(changes)
    return svc.CommunityInput(**data)  # type: ignore[arg-type]


@pytest.fixture
def orgs(db: Database) -> list[int]:
    return [
        make_org(db, "区交通运输局机关第一党支部", town="区直"),
        make_org(db, "陈沙大道改建工程项目部党支部", town="成田镇"),
        make_org(db, "简朴村党总支", town="成田镇"),
    ]


def community_count(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count(Community.id))).scalar_one())


def audit_entries(db: Database, action: AuditAction) -> list[AuditEntry]:
    with db.read() as s:
        stmt = select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        return list(s.scalars(stmt))


# -- create / update -------------------------------------------------------------------------
def test_create_stores_everything_and_records_the_application(
    db: Database, orgs: list[int]
) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    detail = svc.get_community(db, cid)
    assert detail.name == "陈沙大道党建共同体"
    assert detail.status == S.APPLIED
    assert detail.types == (CoBuildType.CROSS_FIELD, CoBuildType.CROSS_INDUSTRY)
    assert detail.lead_org_name == "区交通运输局机关第一党支部"
    assert [(m.organization_id, m.role) for m in detail.members] == [
        (orgs[0], MemberRole.LEAD),
        (orgs[1], MemberRole.MEMBER),
        (orgs[2], MemberRole.MEMBER),
    ]
    assert detail.members[1].town == "成田镇"
    assert [(r.person_name, r.cross_appointment) for r in detail.roles] == [
        ("陈明", False),
        ("林华", True),
    ]
    assert detail.roles[1].organization_name == "陈沙大道改建工程项目部党支部"
    assert detail.rotation[0].period_label == "2024年第1季度"
    assert [(e.action, e.status_after, e.occurred_on, e.operator) for e in detail.events] == [
        (A.APPLY, S.APPLIED, date(2024, 3, 1), "测试员")
    ]
    assert detail.allowed_actions == (A.REVIEW_PASS, A.REVIEW_RETURN, A.REVOKE)


def test_create_is_audited_with_the_after_state(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    [entry] = audit_entries(db, AuditAction.CREATE)
    assert entry.actor == "测试员"
    assert entry.entity == "community"
    assert entry.entity_uuid == svc.get_community(db, cid).uuid
    after = json.loads(entry.after or "{}")
    assert after["name"] == "陈沙大道党建共同体"
    assert after["types"] == ["cross_field", "cross_industry"]
    assert [m["organization_id"] for m in after["members"]] == orgs
    assert entry.before is None


def test_founding_date_defaults_the_application_to_today(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs, founded_on=None))
    assert svc.get_community(db, cid).events[0].occurred_on == date.today()


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"name": "   "}, "name", "请填写共同体名称"),
        ({"types": ()}, "types", "至少选择一种共建类型"),
        ({"lead_org_id": None}, "lead_org", "请选择牵头党组织"),
        ({"founded_on": date.today() + timedelta(days=1)}, "founded_on", "不能晚于今天"),
        (
            {"roles": (svc.RoleInput("  ", LeadershipRole.LIAISON),)},
            "roles",
            "班子第1行未填写姓名",
        ),
    ],
)
def test_invalid_input_names_the_field_and_saves_nothing(
    db: Database, orgs: list[int], changes: dict[str, object], field: str, text: str
) -> None:
    with pytest.raises(ValidationError) as info:
        svc.create_community(db, sample_input(orgs, **changes))
    assert info.value.fields() == [field]
    assert text in info.value.message
    assert community_count(db) == 0
    assert audit_entries(db, AuditAction.CREATE) == []


def test_lead_must_be_a_member(db: Database, orgs: list[int]) -> None:
    outsider = make_org(db, "外单位党支部")
    with pytest.raises(ValidationError, match="牵头党组织必须是成员之一") as info:
        svc.create_community(db, sample_input(orgs, lead_org_id=outsider))
    assert info.value.fields() == ["lead_org"]


def test_at_least_two_members(db: Database, orgs: list[int]) -> None:
    with pytest.raises(ValidationError, match="至少需要两个成员党组织") as info:
        svc.create_community(
            db, sample_input(orgs, member_org_ids=(orgs[0],), roles=(), rotation=())
        )
    assert info.value.fields() == ["members"]


def test_rotation_orgs_must_be_members(db: Database, orgs: list[int]) -> None:
    outsider = make_org(db, "外单位党支部")
    turns = (svc.TurnInput(outsider, "2024年第2季度"),)
    with pytest.raises(ValidationError, match="轮值第1行的党组织不是成员") as info:
        svc.create_community(db, sample_input(orgs, rotation=turns))
    assert info.value.fields() == ["rotation"]


@pytest.mark.parametrize("other", ["陈沙大道党建共同体", " 陈沙 大道党建共同体 ", "ABC 共同体"])
def test_duplicate_names_ignore_case_and_spaces(db: Database, orgs: list[int], other: str) -> None:
    svc.create_community(db, sample_input(orgs, name="陈沙大道党建共同体"))
    svc.create_community(db, sample_input(orgs, name="abc共同体"))
    with pytest.raises(ValidationError, match="已有名为") as info:
        svc.create_community(db, sample_input(orgs, name=other))
    assert info.value.fields() == ["name"]
    assert community_count(db) == 2


def test_several_errors_are_reported_together(db: Database, orgs: list[int]) -> None:
    with pytest.raises(ValidationError) as info:
        svc.create_community(db, sample_input(orgs, name="", types=(), lead_org_id=None))
    assert info.value.fields() == ["name", "types", "lead_org"]


def test_update_changes_members_and_keeps_those_that_left(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    svc.update_community(
        db,
        cid,
        sample_input(
            orgs,
            name="陈沙大道党建共同体（二期）",
            lead_org_id=orgs[1],
            member_org_ids=(orgs[1], orgs[2]),
            roles=(svc.RoleInput("林华", LeadershipRole.CONVENER, orgs[1]),),
        ),
    )
    detail = svc.get_community(db, cid)
    assert detail.name == "陈沙大道党建共同体（二期）"
    assert detail.lead_org_id == orgs[1]
    assert [(m.organization_id, m.role) for m in detail.active_members] == [
        (orgs[1], MemberRole.LEAD),
        (orgs[2], MemberRole.MEMBER),
    ]
    gone = [m for m in detail.members if not m.active]
    assert [m.organization_id for m in gone] == [orgs[0]]
    assert gone[0].left_on == date.today()
    # The old turn of the organization that left stays valid history.
    assert detail.rotation[0].organization_id == orgs[0]
    assert [r.person_name for r in detail.roles] == ["林华"]


def test_update_keeps_its_own_name_and_is_audited(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    svc.update_community(db, cid, sample_input(orgs, name="陈沙大道党建共同体", theme="廉洁共倡"))
    [entry] = audit_entries(db, AuditAction.UPDATE)
    assert json.loads(entry.before or "{}")["theme"] == "思想教育联建"
    assert json.loads(entry.after or "{}")["theme"] == "廉洁共倡"


def test_update_refused_saves_nothing(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    with pytest.raises(ValidationError):
        svc.update_community(db, cid, sample_input(orgs, theme="新主题", types=()))
    assert svc.get_community(db, cid).theme == "思想教育联建"
    assert audit_entries(db, AuditAction.UPDATE) == []


def test_missing_community(db: Database) -> None:
    with pytest.raises(NotFoundError):
        svc.get_community(db, 999)


# -- lifecycle --------------------------------------------------------------------------------
def test_lifecycle_walk(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs, founded_on=date(2024, 1, 5)))
    steps = [
        (A.REVIEW_RETURN, date(2024, 1, 10), S.RETURNED),
        (A.APPLY, date(2024, 1, 12), S.APPLIED),
        (A.REVIEW_PASS, date(2024, 1, 20), S.REVIEWED),
        (A.APPROVE, date(2024, 2, 1), S.APPROVED),
        (A.START, date(2024, 2, 1), S.RUNNING),
        (A.RECTIFY, date(2024, 12, 20), S.RECTIFYING),
        (A.FINISH_RECTIFY, date(2025, 3, 1), S.RUNNING),
        (A.REVOKE, date(2025, 6, 1), S.REVOKED),
    ]
    for action, on, expected in steps:
        assert svc.apply_lifecycle(db, cid, action, on, f"备注{action.zh}") == expected
    detail = svc.get_community(db, cid)
    assert detail.status == S.REVOKED
    assert [e.action for e in detail.events] == [A.APPLY] + [a for a, _o, _s in steps]
    assert detail.events[-1].remark == "备注撤销"
    assert detail.allowed_actions == ()
    assert len(audit_entries(db, AuditAction.UPDATE)) == len(steps)


def test_approval_before_review_is_refused(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    with pytest.raises(ValidationError, match="尚未审核通过，不能批准") as info:
        svc.apply_lifecycle(db, cid, A.APPROVE, date(2024, 4, 1))
    assert info.value.fields() == ["action"]
    detail = svc.get_community(db, cid)
    assert detail.status == S.APPLIED
    assert len(detail.events) == 1
    assert audit_entries(db, AuditAction.UPDATE) == []


def test_step_dates_are_checked(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs, founded_on=date(2024, 3, 1)))
    with pytest.raises(ValidationError, match="早于上一步") as early:
        svc.apply_lifecycle(db, cid, A.REVIEW_PASS, date(2024, 2, 28))
    assert early.value.fields() == ["on"]
    with pytest.raises(ValidationError, match="晚于今天"):
        svc.apply_lifecycle(db, cid, A.REVIEW_PASS, date.today() + timedelta(days=1))
    assert svc.get_community(db, cid).status == S.APPLIED


def test_lifecycle_audit_has_before_and_after(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    svc.apply_lifecycle(db, cid, A.REVIEW_PASS, date(2024, 3, 2), "材料齐全")
    [entry] = audit_entries(db, AuditAction.UPDATE)
    assert json.loads(entry.before or "{}")["status"] == "applied"
    after = json.loads(entry.after or "{}")
    assert (after["status"], after["action"], after["remark"]) == (
        "reviewed",
        "review_pass",
        "材料齐全",
    )


# -- delete -----------------------------------------------------------------------------------
def test_delete_removes_the_community_and_audits(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    svc.delete_community(db, cid)
    assert community_count(db) == 0
    with db.read() as s:
        assert s.execute(select(func.count(CommunityMember.id))).scalar_one() == 0
        assert s.execute(select(func.count(LifecycleEvent.id))).scalar_one() == 0
    [entry] = audit_entries(db, AuditAction.DELETE)
    assert json.loads(entry.before or "{}")["name"] == "陈沙大道党建共同体"


def test_delete_refused_when_an_activity_refers_to_it(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    make_activity(db, cid)
    make_activity(db, cid, "联学联建")
    with pytest.raises(ConflictError, match="活动2条") as info:
        svc.delete_community(db, cid)
    assert "撤销" in info.value.message
    assert community_count(db) == 1
    assert audit_entries(db, AuditAction.DELETE) == []


# -- listing ----------------------------------------------------------------------------------
@pytest.fixture
def listed(db: Database) -> dict[str, int]:
    a, b, c, d = make_orgs(db, "简朴村党总支", "华西村党支部", "华瑶社区党委", "东仙社区党支部")
    town_b = make_org(db, "大溪坝村党支部", town="红场镇")
    town_c = make_org(db, "大陂村党支部", town="红场镇")
    return {
        "连片": make_community(
            db,
            "新农村连片示范共同体",
            [a, b, c],
            types=(CoBuildType.CROSS_REGION,),
            status=S.RUNNING,
            theme="共同发展新农村",
            founded_on=date(2021, 5, 1),
        ),
        "红色": make_community(
            db,
            "红色美丽乡村共同体",
            [town_b, town_c],
            types=(CoBuildType.CROSS_REGION, CoBuildType.CROSS_LEVEL),
            status=S.APPLIED,
            founded_on=date(2022, 1, 1),
        ),
        "袜业": make_community(
            db, "袜业党建联盟", [d, a], types=(CoBuildType.CROSS_INDUSTRY,), status=S.REVIEWED
        ),
    }


def names(db: Database, query: svc.CommunityQuery, page: PageRequest | None = None) -> list[str]:
    return [r.name for r in svc.list_communities(db, query, page or PageRequest())]


def test_filters_and_counts(db: Database, listed: dict[str, int]) -> None:
    q = svc.CommunityQuery
    cases = [
        (q(), ["新农村连片示范共同体", "红色美丽乡村共同体", "袜业党建联盟"]),
        (q(text="乡村"), ["红色美丽乡村共同体"]),
        (q(text="新农村"), ["新农村连片示范共同体"]),  # theme
        (q(text="大溪坝"), ["红色美丽乡村共同体"]),  # lead organization
        (q(text="100%"), []),
        (q(town="红场镇"), ["红色美丽乡村共同体"]),
        (q(town="成田镇"), ["新农村连片示范共同体", "袜业党建联盟"]),
        (q(cobuild_type=CoBuildType.CROSS_REGION), ["新农村连片示范共同体", "红色美丽乡村共同体"]),
        (q(status=S.REVIEWED), ["袜业党建联盟"]),
        (q(town="红场镇", status=S.RUNNING), []),
    ]
    for query, expected in cases:
        assert sorted(names(db, query)) == sorted(expected), query
        assert svc.count_communities(db, query) == len(expected), query


def test_row_contents(db: Database, listed: dict[str, int]) -> None:
    [row] = svc.list_communities(db, svc.CommunityQuery(text="红色"), PageRequest())
    assert row.id == listed["红色"]
    assert row.lead_org_name == "大溪坝村党支部"
    assert row.member_count == 2
    assert row.types == (CoBuildType.CROSS_LEVEL, CoBuildType.CROSS_REGION)
    assert row.founded_on == date(2022, 1, 1)


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        # by pinyin: hong < wa < xin
        ("name", False, ["红色美丽乡村共同体", "袜业党建联盟", "新农村连片示范共同体"]),
        ("status", False, ["红色美丽乡村共同体", "袜业党建联盟", "新农村连片示范共同体"]),
        ("status", True, ["新农村连片示范共同体", "袜业党建联盟", "红色美丽乡村共同体"]),
        ("member_count", True, ["新农村连片示范共同体", "红色美丽乡村共同体", "袜业党建联盟"]),
        ("founded_on", False, ["新农村连片示范共同体", "红色美丽乡村共同体", "袜业党建联盟"]),
        ("founded_on", True, ["红色美丽乡村共同体", "新农村连片示范共同体", "袜业党建联盟"]),
        # Lead organizations by pinyin: 大溪坝村… (da) < 东仙社区… (dong) < 简朴村… (jian)
        ("lead_org", False, ["红色美丽乡村共同体", "袜业党建联盟", "新农村连片示范共同体"]),
    ],
)
def test_sorting(
    db: Database, listed: dict[str, int], sort: str, descending: bool, expected: list[str]
) -> None:
    page = PageRequest(sort=sort, descending=descending)
    assert names(db, svc.CommunityQuery(), page) == expected


def test_paging(db: Database) -> None:
    a, b = make_orgs(db, "甲党支部", "乙党支部")
    for i in range(25):
        make_community(db, f"共同体{i:02d}", [a, b])
    query = svc.CommunityQuery(text="共同体")
    assert svc.count_communities(db, query) == 25
    first = names(db, query, PageRequest(offset=0, limit=10, sort="name"))
    last = names(db, query, PageRequest(offset=20, limit=10, sort="name"))
    assert first == [f"共同体{i:02d}" for i in range(10)]
    assert last == [f"共同体{i:02d}" for i in range(20, 25)]


def test_towns_and_organization_choices(db: Database, listed: dict[str, int]) -> None:
    assert scope.towns(db) == sorted(["成田镇", "红场镇"])
    choices = svc.organization_choices(db, "村")
    assert {c.name for c in choices} == {
        "简朴村党总支",
        "华西村党支部",
        "大溪坝村党支部",
        "大陂村党支部",
    }
    assert {c.name for c in svc.organization_choices(db, "红场")} == {
        "大溪坝村党支部",
        "大陂村党支部",
    }
    assert len(svc.organization_choices(db, limit=2)) == 2


# -- rotation ---------------------------------------------------------------------------------
def test_propose_next_convener(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs))
    proposal = svc.propose_next_convener(db, cid)
    assert proposal is not None
    assert proposal.organization_id == orgs[1]
    assert proposal.organization_name == "陈沙大道改建工程项目部党支部"
    assert (proposal.period.label, proposal.period.start) == ("2024年第2季度", date(2024, 4, 1))


def test_proposal_skips_an_organization_that_left(db: Database, orgs: list[int]) -> None:
    turns = (svc.TurnInput(orgs[0], "2024年第1季度", date(2024, 1, 1), date(2024, 3, 31)),)
    cid = svc.create_community(db, sample_input(orgs, rotation=turns))
    svc.update_community(
        db,
        cid,
        sample_input(orgs, member_org_ids=(orgs[0], orgs[2]), roles=(), rotation=turns),
    )
    proposal = svc.propose_next_convener(db, cid)
    assert proposal is not None
    assert proposal.organization_id == orgs[2]


def test_after_the_last_convener_leaves_its_successor_is_next(db: Database) -> None:
    """A departed member keeps its place in the order, so the turn passes to its successor."""
    four = make_orgs(db, "甲村党支部", "乙村党支部", "丙村党支部", "丁村党支部")
    turns = (
        svc.TurnInput(four[0], "2024年第1季度", date(2024, 1, 1), date(2024, 3, 31)),
        svc.TurnInput(four[1], "2024年第2季度", date(2024, 4, 1), date(2024, 6, 30)),
    )
    cid = svc.create_community(db, sample_input(four, roles=(), rotation=turns))
    svc.update_community(
        db,
        cid,
        sample_input(four, member_org_ids=(four[0], four[2], four[3]), roles=(), rotation=turns),
    )
    proposal = svc.propose_next_convener(db, cid)
    assert proposal is not None
    assert proposal.organization_id == four[2]
    members = svc.get_community(db, cid).members
    assert [m.organization_id for m in members] == four
    assert [m.active for m in members] == [True, False, True, True]


CONVENER = LeadershipRole.CONVENER


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"roles": (svc.RoleInput("陈明", CONVENER, None, phone="x" * 45),)}, "roles"),
        ({"roles": (svc.RoleInput("陈明", CONVENER, None, phone="abc\x07"),)}, "roles"),
        ({"roles": (svc.RoleInput("陈明", CONVENER, 999_999),)}, "roles"),
        ({"rotation": (svc.TurnInput(0, "期" * 61),)}, "rotation"),
        ({"rotation": (svc.TurnInput(0, "第1\x00期"),)}, "rotation"),
        ({"description": "简介\x1b[31m"}, "description"),
    ],
    ids=["long phone", "no phone", "gone org", "long period", "NUL period", "escape"],
)
def test_team_rotation_and_description_refused_one_sentence(
    db: Database, orgs: list[int], changes: dict[str, object], field: str
) -> None:
    """A team member's phone was never checked (any text, longer than its column: a
    server refused it with an internal error), nor a team row's organization (gone: an
    internal error), a rotation period's length and characters, or the description's."""
    if "rotation" in changes:
        (turn,) = changes["rotation"]  # type: ignore[misc]
        changes = {"rotation": (svc.TurnInput(orgs[0], turn.period_label),)}
    with pytest.raises(ValidationError) as caught:
        svc.create_community(db, sample_input(orgs, **changes))
    assert caught.value.fields() == [field]
    assert community_count(db) == 0


def test_team_phone_stored_as_typed_in_full_width(db: Database, orgs: list[int]) -> None:
    roles = (svc.RoleInput("陈明", CONVENER, orgs[0], phone="１３８ ００００００００ "),)
    cid = svc.create_community(db, sample_input(orgs, roles=roles))
    detail = svc.get_community(db, cid, for_editing=True)
    assert detail.roles[0].phone == "13800000000"


def test_lifecycle_remark_without_control_characters(db: Database, orgs: list[int]) -> None:
    cid = svc.create_community(db, sample_input(orgs, founded_on=date(2024, 1, 5)))
    with pytest.raises(ValidationError) as caught:
        svc.apply_lifecycle(db, cid, A.REVIEW_PASS, date(2024, 1, 10), "同意\x1b[2J")
    assert caught.value.fields() == ["remark"]
    assert svc.get_community(db, cid).status == S.APPLIED
    svc.apply_lifecycle(db, cid, A.REVIEW_PASS, date(2024, 1, 10), "同意。\n材料齐全。")
    assert svc.get_community(db, cid).events[-1].remark == "同意。\n材料齐全。"
