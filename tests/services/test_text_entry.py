"""Names, places and titles at entry: control characters, direction marks, zero-width
characters and line breaks are refused with the field named; odd spaces are cleaned;
attendee names and places have a length limit."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, Organization, PartyMember
from pbc_desktop.domain.enums import (
    ActivityKind,
    AttendanceStatus,
    CoBuildType,
    LeadershipRole,
    ListKind,
    OrgField,
    OrgKind,
    OrgLevel,
)
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.domain.validation import clean_text
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import communities, organizations, venues
from pbc_desktop.services.activities import editing
from pbc_desktop.services.activities.detail import get_activity_detail
from pbc_desktop.services.lists import editing as list_editing
from pbc_desktop.services.member_editing import create_member
from tests.factories import make_community, make_orgs

NAME = ("姓名", "name")
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "王芳" shown backwards


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        ("  王\u3000芳 ", "王 芳"),
        ("\u3000成田镇党群服务中心\u00a0", "成田镇党群服务中心"),
        ("张\t三", "张 三"),
        ("", ""),
        (None, ""),
    ],
)
def test_clean_text_strips_and_normalises_spaces(value: str | None, cleaned: str) -> None:
    assert clean_text(value, NAME, max_len=60) == (cleaned, None)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("王\n芳", "只能填写一行"),
        ("王\r\n芳", "只能填写一行"),
        ("王\u2028芳", "只能填写一行"),
        ("王\x00芳", "U+0000"),
        ("王\x1b芳", "U+001B"),
        ("王\x85芳", "U+0085"),  # C1 (NEL)
        (f"王{RLO}芳", "U+202E"),
        ("王\u200e芳", "U+200E"),
        ("王\u2067芳", "U+2067"),
        ("王\u200b芳", "U+200B"),  # zero-width space
        ("王\u200d芳", "U+200D"),  # zero-width joiner
        ("\ufeff王芳", "U+FEFF"),
    ],
)
def test_clean_text_refuses_invisible_characters_naming_the_field(value: str, words: str) -> None:
    _cleaned, problem = clean_text(value, NAME, max_len=60)
    assert problem is not None
    assert problem.startswith("姓名")
    assert words in problem


def test_clean_text_allows_line_breaks_in_multiline_fields_and_limits_length() -> None:
    assert clean_text("第一行\r\n第二行", ("内容", "text"), multiline=True) == (
        "第一行\n第二行",
        None,
    )
    _text, problem = clean_text("地" * 201, ("地点", "place"), max_len=200)
    assert problem == "地点不能超过 200 个字（现为 201 个）"


# -- the services ----------------------------------------------------------------------------
@pytest.fixture
def world(db: Database) -> dict[str, int]:
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    return {"a": a, "b": b, "community": make_community(db, "甲乙党建共同体", [a, b])}


def meeting(w: dict[str, int], **changes: object) -> editing.ActivityInput:
    base = editing.ActivityInput(
        community_id=w["community"],
        kind=ActivityKind.JOINT_MEETING,
        title="第一季度联席会议",
        starts_at=datetime(2026, 3, 10, 9, 0),
        place="甲村党群服务中心",
        host_org_id=w["a"],
        chair="陈伟",
        recorder="林丽",
        attendance=(editing.AttendanceInput("陈伟", AttendanceStatus.PRESENT),),
    )
    return editing.ActivityInput(**{**base.__dict__, **changes})


def activity_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Activity)) or 0)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (
            {"attendance": (editing.AttendanceInput(f"王{RLO}芳", AttendanceStatus.PRESENT),)},
            "attendance",
            "参会人员第1行的姓名",
        ),
        (
            {"attendance": (editing.AttendanceInput("王" * 61, AttendanceStatus.PRESENT),)},
            "attendance",
            "不能超过 60 个字",
        ),
        ({"place": "成田镇" * 200}, "place", "地点不能超过 200 个字"),
        ({"place": "甲村\n党群服务中心"}, "place", "地点只能填写一行"),
        ({"chair": "陈\x00伟"}, "chair", "主持人"),
        ({"recorder": "林\u200b丽"}, "recorder", "记录人"),
        ({"title": "第一季度\n联席会议"}, "title", "活动名称只能填写一行"),
        (
            {"agenda": (editing.AgendaInput(f"审议{RLO}清单"),)},
            "agenda",
            "第1项议题的名称",
        ),
    ],
)
def test_activity_refuses_bad_names_and_places(
    db: Database, world: dict[str, int], changes: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        editing.create_activity(db, meeting(world, **changes))
    assert exc.value.fields() == [field]
    assert words in exc.value.message
    assert activity_count(db) == 0


def test_activity_accepts_rare_characters_and_multiline_guests(
    db: Database, world: dict[str, int]
) -> None:
    aid = editing.create_activity(
        db,
        meeting(
            world,
            attendance=(editing.AttendanceInput("张䶮", AttendanceStatus.PRESENT),),
            guests="区委组织部 何明\n镇党委 李强",
        ),
    )
    detail = get_activity_detail(db, aid)
    assert detail.guests == "区委组织部 何明\n镇党委 李强"


def test_member_name_with_a_control_character_is_refused(
    db: Database, world: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as exc:
        create_member(db, MemberInput(name=f"陈{RLO}伟", organization_id=world["a"]))
    assert "name" in exc.value.fields()
    assert "姓名" in exc.value.message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PartyMember)) == 0


def test_organization_secretary_with_a_direction_mark_is_refused(db: Database) -> None:
    data = organizations.OrgInput(
        name="丙村党支部",
        kind=OrgKind.BRANCH,
        field=OrgField.RURAL,
        level=OrgLevel.VILLAGE,
        town="成田镇",
        secretary="李\u200f强",
    )
    with pytest.raises(ValidationError) as exc:
        organizations.create_organization(db, data)
    assert exc.value.fields() == ["secretary"]
    assert "书记" in exc.value.message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0


def test_community_role_name_with_a_line_break_is_refused(
    db: Database, world: dict[str, int]
) -> None:
    data = communities.CommunityInput(
        name="丙丁党建共同体",
        theme="联学联建",
        types=(CoBuildType.CROSS_FIELD,),
        lead_org_id=world["a"],
        member_org_ids=(world["a"], world["b"]),
        founded_on=date(2024, 3, 1),
        roles=(communities.RoleInput("陈\n明", LeadershipRole.CONVENER, world["a"]),),
    )
    with pytest.raises(ValidationError) as exc:
        communities.create_community(db, data)
    assert exc.value.fields() == ["roles"]
    assert "班子第1行的姓名只能填写一行" in exc.value.message


def test_venue_name_with_a_zero_width_space_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as exc:
        venues.create_venue(db, venues.VenueInput("甲村党群\u200b服务中心"))
    assert exc.value.fields() == ["name"]
    assert "阵地名称" in exc.value.message


def test_list_title_with_a_line_break_is_refused(db: Database, world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as exc:
        list_editing.create_list(
            db, list_editing.ListInput(world["community"], ListKind.DEMAND, "和平\n需求清单", 2026)
        )
    assert exc.value.fields() == ["title"]
    assert "清单名称只能填写一行" in exc.value.message
