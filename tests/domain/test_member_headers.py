"""Every header name the issue lists (and the sets of tests/services/
test_member_import_headers.py) names its field through the one field table."""

from __future__ import annotations

import pytest

from pbc_desktop.domain import member_cells as mc
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.domain.member_rules import FIELDS

NAMES = {
    "organization": (
        "党支部",
        "所在支部",
        "支部",
        "支部名称",
        "支部信息",
        "所属党组织",
        "党组织名称",
        "所在党支部",
        "现党关系所在党支部",
    ),
    "id_number": ("公民身份号码", "公民身份证号", "公民身份证号码", "身份证", "证件号码"),
    "phone": ("手机", "手机号", "手机号码", "联系方式", "联系电话"),
    "joined_on": ("入党日期", "入党时间", "加入党组织日期"),
    "confirmed_on": (
        "转正日期",
        "转正时间",
        "转为正式党员日期",
        "转为正式党员时间",
        "正式党员日期",
    ),
    "birth_date": ("出生年月", "出生日期"),
    "education": ("学历", "文化程度", "学历层次"),
    "party_post": ("党内职务", "党支部内职务"),
    "work_unit": ("工作单位", "工作岗位", "工作单位及职务"),
    "category": ("人员类别", "政治面貌", "党员类别"),
}


@pytest.mark.parametrize(
    ("header", "key"), [(h, k) for k, headers in NAMES.items() for h in headers]
)
def test_header_names_its_field(header: str, key: str) -> None:
    assert mc.match_header(header) == key
    assert mc.match_header(f"* {header}（必填）") == key


def test_no_alias_names_two_fields() -> None:
    seen: dict[str, str] = {}
    for f in FIELDS:
        for name in (f.zh, *f.aliases):
            assert seen.setdefault(mc.header_key(name), f.key) == f.key, name


@pytest.mark.parametrize(
    ("value", "category"),
    [
        ("中共党员", MemberCategory.FULL),
        ("中共预备党员", MemberCategory.PROBATIONARY),
        ("中国共产党党员", MemberCategory.FULL),
    ],
)
def test_political_status_of_members(value: str, category: MemberCategory) -> None:
    assert mc.parse_choice(MemberCategory, value, "category") is category


@pytest.mark.parametrize("value", ["共青团员", "群 众", "入党积极分子", "发展对象", "民盟盟员"])
def test_political_status_of_others_is_refused_as_not_a_member(value: str) -> None:
    with pytest.raises(mc.CellError) as caught:
        mc.parse_choice(MemberCategory, value, "category")
    assert caught.value.message == mc.not_member_message(value)
    assert "不是中共党员" in caught.value.message
