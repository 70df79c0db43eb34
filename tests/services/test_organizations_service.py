"""The organization service: validation, writes with audit, delete rules, listing, tree."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Appraisal, AuditEntry, Committee, Organization
from pbc_desktop.domain.enums import (
    AuditAction,
    MemberRole,
    OrgField,
    OrgKind,
    OrgLevel,
    VenueKind,
)
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.errors import ConflictError, NotFoundError, ValidationError
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services import scope, venues
from pbc_desktop.services.paging import PageRequest
from tests.factories import (
    make_activity,
    make_community,
    make_member,
    make_members,
    make_org,
    make_post_report,
)


def branch(name: str = "陈店镇文光村党支部", **changes: object) -> orgs.OrgInput:
    base = orgs.OrgInput(
        name=name,
        kind=OrgKind.BRANCH,
        field=OrgField.RURAL,
        level=OrgLevel.VILLAGE,
        town="陈店镇",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def stored(db: Database) -> list[Organization]:
    with db.read() as s:
        return list(s.scalars(select(Organization).order_by(Organization.id)))


def audit_entries(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def refused_fields(db: Database, data: orgs.OrgInput, org_id: int | None = None) -> list[str]:
    def write() -> None:
        if org_id is None:
            orgs.create_organization(db, data)
        else:
            orgs.update_organization(db, org_id, data)

    with pytest.raises(ValidationError) as info:
        write()
    return info.value.fields()


# -- create / update --------------------------------------------------------------------


def test_create_normalises_and_audits(db: Database) -> None:
    org_id = orgs.create_organization(
        db,
        branch(
            name="  陈店镇　文光村党支部 ",
            secretary=" 陈 明 ",
            contact_phone="０７５４-８７６５４３２１",
            short_name="   ",
            founded_on=date(1998, 7, 1),
        ),
    )
    detail = orgs.get_organization(db, org_id)
    assert detail.name == "陈店镇 文光村党支部"
    assert detail.secretary == "陈 明"
    assert detail.contact_phone == "0754-87654321"
    assert detail.short_name is None
    assert detail.founded_on == date(1998, 7, 1)
    [entry] = audit_entries(db)
    assert entry.action is AuditAction.CREATE
    assert entry.entity == "organization"
    assert entry.entity_uuid == detail.uuid
    assert entry.actor == "测试员"
    assert entry.before is None
    after = json.loads(entry.after or "{}")
    assert after["name"] == "陈店镇 文光村党支部"
    assert after["kind"] == "branch"
    assert after["founded_on"] == "1998-07-01"


def test_update_records_before_and_after(db: Database) -> None:
    org_id = orgs.create_organization(db, branch(secretary="陈明"))
    detail = orgs.get_organization(db, org_id)
    orgs.update_organization(
        db, org_id, dataclasses.replace(orgs.OrgInput.from_detail(detail), secretary="林华")
    )
    assert orgs.get_organization(db, org_id).secretary == "林华"
    entries = audit_entries(db)
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.UPDATE]
    before = json.loads(entries[1].before or "{}")
    after = json.loads(entries[1].after or "{}")
    assert before["secretary"] == "陈明"
    assert after["secretary"] == "林华"
    assert "林华" not in (entries[1].before or "")


def test_update_without_changes_writes_no_audit_entry(db: Database) -> None:
    org_id = orgs.create_organization(db, branch())
    orgs.update_organization(
        db, org_id, orgs.OrgInput.from_detail(orgs.get_organization(db, org_id))
    )
    assert len(audit_entries(db)) == 1


def test_update_missing_organization(db: Database) -> None:
    with pytest.raises(NotFoundError, match="找不到该党组织"):
        orgs.update_organization(db, 999, branch())


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"name": "  "}, "name", "请填写党组织名称"),
        ({"name": "党" * 121}, "name", "不能超过 120"),
        ({"kind": None}, "kind", "类别"),
        ({"field": None}, "field", "领域"),
        ({"level": None}, "level", "层级"),
        ({"town": " "}, "town", "须填写所属镇街"),
        ({"level": OrgLevel.TOWN, "town": None}, "town", "须填写所属镇街"),
        ({"contact_phone": "12345"}, "contact_phone", "电话号码格式不正确"),
        ({"founded_on": date.today() + timedelta(days=1)}, "founded_on", "成立日期不能晚于今天"),
        ({"parent_id": 4242}, "parent_id", "不存在"),
        ({"secretary": "陈" * 61}, "secretary", "书记不能超过 60"),
        (
            {"start_date": date(2024, 5, 2), "end_date": date(2024, 5, 1)},
            "end_date",
            "结束日期不能早于开始日期",
        ),
    ],
)
def test_each_validation_error_names_its_field(
    db: Database, changes: dict[str, object], field: str, fragment: str
) -> None:
    with pytest.raises(ValidationError) as info:
        orgs.create_organization(db, branch(**changes))
    assert info.value.fields() == [field]
    assert fragment in info.value.message
    assert stored(db) == []
    assert audit_entries(db) == []


def test_district_level_needs_no_town(db: Database) -> None:
    org_id = orgs.create_organization(
        db,
        branch("潮南区委组织部党支部", level=OrgLevel.DISTRICT, town=None, field=OrgField.AGENCY),
    )
    assert orgs.get_organization(db, org_id).town is None


def test_several_errors_at_once(db: Database) -> None:
    fields = refused_fields(db, orgs.OrgInput(name="", kind=None, field=None, level=None))
    assert fields == ["name", "kind", "field", "level"]


def test_english_messages(db: Database) -> None:
    lang.set_language("en")
    with pytest.raises(ValidationError, match="Enter the organization's name"):
        orgs.create_organization(db, branch(name=""))


def test_duplicate_names_compare_normalised(db: Database) -> None:
    orgs.create_organization(db, branch("峡山街道党工委"))
    with pytest.raises(ValidationError) as info:
        orgs.create_organization(db, branch("峡山街道　党工委 "))
    assert info.value.fields() == ["name"]
    assert "已有名为“峡山街道党工委”的党组织" in info.value.message
    assert len(stored(db)) == 1


def test_a_name_taken_meanwhile_is_refused_as_a_duplicate(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another clerk stored the name between the check and the commit: the unique index
    refuses it, and the clerk reads the duplicate sentence, not a crash."""
    orgs.create_organization(db, branch("峡山街道党工委"))
    other = orgs.create_organization(db, branch("甲党支部"))
    monkeypatch.setattr(orgs, "name_taken", lambda *_args: None)
    with pytest.raises(ValidationError) as info:
        orgs.create_organization(db, branch("峡山街道党工委"))
    assert info.value.fields() == ["name"]
    assert "已有名为“峡山街道党工委”的党组织" in info.value.message
    with pytest.raises(ValidationError) as info:
        orgs.update_organization(db, other, branch("峡山街道党工委"))
    assert info.value.fields() == ["name"]
    assert [o.name for o in stored(db)] == ["峡山街道党工委", "甲党支部"]


def test_renaming_to_own_name_is_allowed_but_not_to_another(db: Database) -> None:
    first = orgs.create_organization(db, branch("甲党支部"))
    second = orgs.create_organization(db, branch("乙党支部"))
    orgs.update_organization(db, first, branch("甲 党支部"))
    assert refused_fields(db, branch("乙党支部"), org_id=first) == ["name"]
    assert orgs.get_organization(db, second).name == "乙党支部"


def test_parent_cannot_be_itself_or_a_descendant(db: Database) -> None:
    top = orgs.create_organization(db, branch("陈店镇党委", kind=OrgKind.COMMITTEE))
    middle = orgs.create_organization(db, branch("文光村党总支", parent_id=top))
    bottom = orgs.create_organization(db, branch("文光村第一党支部", parent_id=middle))
    with pytest.raises(ValidationError, match="不能是它自己") as info:
        orgs.update_organization(db, top, branch("陈店镇党委", parent_id=top))
    assert info.value.fields() == ["parent_id"]
    with pytest.raises(ValidationError, match="循环") as info:
        orgs.update_organization(db, top, branch("陈店镇党委", parent_id=bottom))
    assert info.value.fields() == ["parent_id"]
    assert orgs.get_organization(db, top).parent_id is None
    # Moving a branch up under the top is fine.
    orgs.update_organization(db, bottom, branch("文光村第一党支部", parent_id=top))
    assert orgs.get_organization(db, bottom).parent_name == "陈店镇党委"


def test_temporary_branch_needs_both_dates_in_order(db: Database) -> None:
    temp = branch("陈店镇防疫临时党支部", kind=OrgKind.TEMPORARY_BRANCH)
    assert refused_fields(db, temp) == ["start_date", "end_date"]
    assert refused_fields(db, dataclasses.replace(temp, start_date=date(2022, 3, 1))) == [
        "end_date"
    ]
    assert refused_fields(
        db, dataclasses.replace(temp, start_date=date(2022, 3, 1), end_date=date(2022, 2, 28))
    ) == ["end_date"]
    org_id = orgs.create_organization(
        db, dataclasses.replace(temp, start_date=date(2022, 3, 1), end_date=date(2022, 3, 1))
    )
    detail = orgs.get_organization(db, org_id)
    assert (detail.start_date, detail.end_date) == (date(2022, 3, 1), date(2022, 3, 1))


def test_other_kinds_may_leave_dates_empty(db: Database) -> None:
    org_id = orgs.create_organization(db, branch(kind=OrgKind.GENERAL_BRANCH))
    detail = orgs.get_organization(db, org_id)
    assert detail.start_date is None
    assert detail.end_date is None


# -- delete -----------------------------------------------------------------------------


def test_delete_unused_organization(db: Database) -> None:
    org_id = orgs.create_organization(db, branch())
    uuid = orgs.get_organization(db, org_id).uuid
    orgs.delete_organization(db, org_id)
    assert stored(db) == []
    entry = audit_entries(db)[-1]
    assert entry.action is AuditAction.DELETE
    assert entry.entity_uuid == uuid
    assert json.loads(entry.before or "{}")["name"] == "陈店镇文光村党支部"
    assert entry.after is None
    with pytest.raises(NotFoundError):
        orgs.delete_organization(db, org_id)


def test_delete_refused_with_members(db: Database) -> None:
    org_id = make_org(db, "文光村党支部", town="陈店镇")
    make_members(db, org_id, 12)
    with pytest.raises(ConflictError, match="该党组织下还有 12 名党员"):
        orgs.delete_organization(db, org_id)
    assert len(stored(db)) == 1
    assert audit_entries(db) == []


def test_delete_refused_with_children(db: Database) -> None:
    top = make_org(db, "陈店镇党委", kind=OrgKind.COMMITTEE, level=OrgLevel.TOWN, town="陈店镇")
    make_org(db, "文光村党支部", parent_id=top, town="陈店镇")
    make_org(db, "内輋村党支部", parent_id=top, town="陈店镇")
    with pytest.raises(ConflictError, match="还有 2 个下级党组织"):
        orgs.delete_organization(db, top)


@pytest.mark.parametrize("as_lead", [True, False])
def test_delete_refused_in_community(db: Database, as_lead: bool) -> None:
    org_id = make_org(db, "文光村党支部", town="陈店镇")
    other = make_org(db, "陈店镇中学党支部", field=OrgField.SCHOOL, town="陈店镇")
    if as_lead:
        make_community(
            db, "文光党建共同体", (other,), lead_org_id=org_id, types=(), applied_event=False
        )
    else:
        make_community(
            db, "文光党建共同体", (org_id,), lead_org_id=other, types=(), applied_event=False
        )
    with pytest.raises(ConflictError, match="它是 1 个党建共同体的牵头或成员单位"):
        orgs.delete_organization(db, org_id)


def test_delete_refused_with_post_reports_and_activities(db: Database) -> None:
    home = make_org(db, "文光村党支部", town="陈店镇")
    target = make_org(db, "陈店镇卫生院党支部", field=OrgField.HOSPITAL, town="陈店镇")
    make_post_report(db, make_member(db, "报到党员", home), target)
    make_activity(db, None, "主题党日", host_org_id=target, starts_at=datetime(2024, 7, 1, 9, 0))
    with pytest.raises(ConflictError) as info:
        orgs.delete_organization(db, target)
    assert "有 1 条党员报到记录" in info.value.message
    assert "参与或主办了 1 次活动" in info.value.message
    assert "不能删除“陈店镇卫生院党支部”" in info.value.message
    assert ";" not in info.value.message  # the reasons parted by a full-width ；


def test_delete_refused_with_branch_records_and_venues(db: Database) -> None:
    """A dissolved branch with a 换届 record or a 民主评议 was deleted into an internal
    error (the database refused), and the venue it owned silently lost its owner."""
    target = make_org(db, "已撤销的党支部", town="陈店镇")
    with db.write() as s:
        s.add(
            Committee(organization_id=target, term_no=1, elected_on=date(2024, 1, 1), term_years=3)
        )
        s.add(Appraisal(organization_id=target, year=2024))
    venues.create_venue(
        db, venues.VenueInput("党群服务中心", VenueKind.SERVICE_CENTRE, owner_org_id=target)
    )
    with pytest.raises(ConflictError) as info:
        orgs.delete_organization(db, target)
    for said in ("有 1 届班子（换届）记录", "有 1 次民主评议", "是 1 处阵地的所属单位"):
        assert said in info.value.message
    with db.read() as s:
        assert s.get(Organization, target) is not None


# -- reading ----------------------------------------------------------------------------


@pytest.fixture
def district(db: Database) -> dict[str, int]:
    ids = {
        "区委": make_org(
            db,
            "潮南区委",
            kind=OrgKind.COMMITTEE,
            field=OrgField.AGENCY,
            level=OrgLevel.DISTRICT,
            town=None,
        ),
    }
    ids["陈店镇党委"] = make_org(
        db,
        "陈店镇党委",
        kind=OrgKind.COMMITTEE,
        level=OrgLevel.TOWN,
        parent_id=ids["区委"],
        town="陈店镇",
    )
    ids["峡山街道党工委"] = make_org(
        db,
        "峡山街道党工委",
        kind=OrgKind.WORKING_COMMITTEE,
        field=OrgField.URBAN_COMMUNITY,
        level=OrgLevel.TOWN,
        town="峡山街道",
        parent_id=ids["区委"],
    )
    ids["文光村党支部"] = make_org(
        db, "文光村党支部", parent_id=ids["陈店镇党委"], secretary="陈明", town="陈店镇"
    )
    ids["内輋村党总支"] = make_org(
        db, "内輋村党总支", kind=OrgKind.GENERAL_BRANCH, parent_id=ids["陈店镇党委"], town="陈店镇"
    )
    ids["东山社区党支部"] = make_org(
        db,
        "东山社区党支部",
        field=OrgField.URBAN_COMMUNITY,
        town="峡山街道",
        parent_id=ids["峡山街道党工委"],
        secretary="林华",
    )
    make_members(db, ids["文光村党支部"], 5)
    make_members(db, ids["内輋村党总支"], 2)
    make_members(db, ids["东山社区党支部"], 9)
    return ids


def names(db: Database, query: orgs.OrgQuery, page: PageRequest | None = None) -> list[str]:
    return [r.name for r in orgs.list_organizations(db, query, page or PageRequest())]


def test_rows_carry_parent_and_member_count(db: Database, district: dict[str, int]) -> None:
    rows = {r.name: r for r in orgs.list_organizations(db, orgs.OrgQuery(), PageRequest())}
    assert len(rows) == 6
    assert rows["文光村党支部"].member_count == 5
    assert rows["文光村党支部"].parent_name == "陈店镇党委"
    assert rows["潮南区委"].member_count == 0
    assert rows["潮南区委"].parent_name is None


def test_filters(db: Database, district: dict[str, int]) -> None:
    q = orgs.OrgQuery
    assert names(db, q(text="林华")) == ["东山社区党支部"]
    assert set(names(db, q(text="村"))) == {"文光村党支部", "内輋村党总支"}
    assert names(db, q(text="100%")) == []
    assert set(names(db, q(level=OrgLevel.TOWN))) == {"陈店镇党委", "峡山街道党工委"}
    assert set(names(db, q(level=OrgLevel.VILLAGE, town="陈店镇"))) == {
        "文光村党支部",
        "内輋村党总支",
    }
    assert names(db, q(kind=OrgKind.GENERAL_BRANCH)) == ["内輋村党总支"]
    assert set(names(db, q(field=OrgField.URBAN_COMMUNITY))) == {
        "峡山街道党工委",
        "东山社区党支部",
    }
    assert set(names(db, q(parent_id=district["区委"]))) == {"陈店镇党委", "峡山街道党工委"}
    assert orgs.count_organizations(db, q(town="峡山街道")) == 2
    assert orgs.count_organizations(db, q()) == 6


def test_sorting_and_paging(db: Database, district: dict[str, int]) -> None:
    by_members = names(db, orgs.OrgQuery(), PageRequest(sort="member_count", descending=True))
    assert by_members[:3] == ["东山社区党支部", "文光村党支部", "内輋村党总支"]
    by_kind = names(db, orgs.OrgQuery(level=OrgLevel.VILLAGE), PageRequest(sort="kind"))
    assert by_kind[0] == "内輋村党总支"  # 党总支 comes before 党支部
    by_level = names(db, orgs.OrgQuery(), PageRequest(sort="level"))
    assert by_level[0] == "潮南区委"
    by_level_desc = names(db, orgs.OrgQuery(), PageRequest(sort="level", descending=True))
    assert by_level_desc[-1] == "潮南区委"
    by_town = orgs.list_organizations(
        db, orgs.OrgQuery(level=OrgLevel.TOWN), PageRequest(sort="town")
    )
    assert [r.town for r in by_town] == scope.towns(db)  # same collation as the town list
    everything = names(db, orgs.OrgQuery(), PageRequest(sort="name"))
    assert everything == sorted(everything, key=sort_key)
    pages = [
        names(db, orgs.OrgQuery(), PageRequest(offset=offset, limit=4, sort="name"))
        for offset in (0, 4)
    ]
    assert [len(p) for p in pages] == [4, 2]
    assert pages[0] + pages[1] == everything
    assert names(db, orgs.OrgQuery(), PageRequest(sort="bogus"))  # unknown key: default order


def test_tree_by_level_and_town(db: Database, district: dict[str, int]) -> None:
    nodes = orgs.tree(db)
    assert [(n.label, n.level, n.count) for n in nodes] == [
        ("区", OrgLevel.DISTRICT, 1),
        ("镇街", OrgLevel.TOWN, 2),
        ("村社区", OrgLevel.VILLAGE, 3),
    ]
    village = nodes[2]
    assert {(c.label, c.town, c.count) for c in village.children} == {
        ("陈店镇", "陈店镇", 2),
        ("峡山街道", "峡山街道", 1),
    }
    assert nodes[0].children == ()
    child = next(c for c in village.children if c.town == "陈店镇")
    assert orgs.count_organizations(db, child.query()) == child.count
    assert scope.towns(db) == sorted(["陈店镇", "峡山街道"])


def test_detail(db: Database, district: dict[str, int]) -> None:
    lead = district["文光村党支部"]
    make_community(
        db,
        "文光党建共同体",
        (district["内輋村党总支"],),
        lead_org_id=lead,
        types=(),
        applied_event=False,
    )
    make_community(db, "陈店教育共同体", (lead,), lead_org_id=None, types=(), applied_event=False)
    detail = orgs.get_organization(db, lead)
    assert detail.member_count == 5
    assert detail.parent_name == "陈店镇党委"
    assert detail.children_count == 0
    assert {(c.name, c.role) for c in detail.communities} == {
        ("文光党建共同体", MemberRole.LEAD),
        ("陈店教育共同体", MemberRole.MEMBER),
    }
    assert orgs.get_organization(db, district["陈店镇党委"]).children_count == 2
    assert [c.name for c in orgs.choices(db)] == sorted(
        (c.name for c in orgs.choices(db)), key=sort_key
    )
    with pytest.raises(NotFoundError):
        orgs.get_organization(db, 4242)
