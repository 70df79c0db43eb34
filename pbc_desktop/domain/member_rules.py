"""The fields of a party member (党员基本信息采集表) and the rules a member record obeys.

Shared by the member editor, the Excel import and the export, so that a row refused by
one is refused by all with the same sentence. Pure: no database, no Qt. Checks that need
the database (the organization exists, no other member has the ID number) live in
``services.member_editing``.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from pbc_desktop.domain.enums import Gender, MemberCategory, MembershipStatus
from pbc_desktop.domain.validation import (
    date_order_error,
    decode_id_number,
    future_date_error,
    id_number_error,
    id_number_facts,
    normalise_id_number,
    normalise_phone,
    optional_text,
    person_name,
    phone_error,
    strip_or_none,
    text_error,
)
from pbc_desktop.errors import FieldError
from pbc_desktop.lang import t


@dataclass(frozen=True)
class MemberField:
    """One column of the official form: ``key`` is the attribute of :class:`MemberInput`."""

    key: str
    zh: str
    en: str
    max_length: int | None = None
    required: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return t(self.zh, self.en)


# In the order of the 党员基本信息采集表; the Excel template has exactly these columns.
#
# ``aliases`` are the headers other systems and forms give the column, so that their rosters
# import as they are; when two columns of a file name one field, the one headed with the
# field's own name, else with the alias listed first, is read. Sources: the 16 items of the
# 党员基本信息采集表 of the 2017 collection for the 全国党员管理信息系统 (姓名, 公民身份号码,
# 所在党支部, 加入党组织日期, 转为正式党员日期, 工作岗位 …), lists exported from that system,
# 智慧党建 platforms' import templates (支部信息, 政治面貌), university and enterprise party
# systems (所在支部, 党支部, 身份证, 入党时间, 转正时间) and home-made rosters
# (tests/services/test_member_import_headers.py names each set and where it was found).
FIELDS: tuple[MemberField, ...] = (
    MemberField("name", "姓名", "Name", 60, required=True, aliases=("党员姓名", "党员名称")),
    MemberField("gender", "性别", "Gender"),
    MemberField("ethnicity", "民族", "Ethnicity", 20),
    MemberField(
        "birth_date",
        "出生日期",
        "Birth date",
        aliases=("出生年月", "出生年月日", "出生时间", "生日"),
    ),
    MemberField(
        "id_number",
        "身份证号",
        "ID number",
        18,
        required=True,
        aliases=(
            "身份证号码",
            "公民身份号码",
            "公民身份证号码",
            "公民身份证号",
            "身份证",
            "身份证件号码",
            "证件号码",
        ),
    ),
    MemberField("native_place", "籍贯", "Native place", 60),
    MemberField(
        "education",
        "学历",
        "Education",
        20,
        aliases=("文化程度", "学历层次", "最高学历", "学历学位"),
    ),
    MemberField(
        "joined_on",
        "入党日期",
        "Joined on",
        aliases=(
            "入党时间",
            "加入党组织日期",
            "入党年月",
            "成为预备党员日期",
            "转为预备党员日期",
            "预备党员日期",
        ),
    ),
    MemberField(
        "confirmed_on",
        "转正日期",
        "Confirmed on",
        aliases=(
            "转正时间",
            "转为正式党员日期",
            "转为正式党员时间",
            "正式党员日期",
            "成为正式党员日期",
            "转正年月",
        ),
    ),
    MemberField(
        "category",
        "人员类别",
        "Category",
        # 政治面貌 holds 中共党员 / 中共预备党员 (anything else is not a member: the import
        # says so row by row).
        aliases=("党员类别", "党员类型", "人员类型", "类别", "政治面貌", "预/正"),
    ),
    MemberField(
        "party_post",
        "党内职务",
        "Party post",
        60,
        aliases=("党支部内职务", "支部职务", "党内职务名称"),
    ),
    MemberField(
        "work_unit",
        "工作单位及职务",
        "Work unit and post",
        120,
        aliases=(
            "工作单位",
            "单位及职务",
            "工作单位和职务",
            "单位职务",
            "工作单位及岗位",
            "工作岗位",
        ),
    ),
    MemberField(
        "phone",
        "联系电话",
        "Phone",
        20,
        aliases=("手机号码", "手机号", "手机", "移动电话", "联系方式", "电话号码", "电话"),
    ),
    MemberField(
        "organization",
        "所在党组织",
        "Party organization",
        required=True,
        aliases=(
            "所在党支部",
            "所在支部",
            "所在党支部名称",
            "现党关系所在党支部",
            "党支部",
            "支部",
            "支部名称",
            "支部信息",
            "所属党组织",
            "所属党支部",
            "所属支部",
            "党组织名称",
            "党组织",
        ),
    ),
    MemberField("status", "党籍状态", "Membership status", aliases=("党员状态", "状态")),
    MemberField("remark", "备注", "Remark", aliases=("说明",)),
)

# The dates of people not yet members, in the 发展党员 pipeline (入党申请人, 入党积极分子,
# 发展对象): a roster may carry them (the 全国党员管理信息系统's list has 申请入党日期 and
# 确定入党积极分子日期, filled in for its members too). Read by the import only, for the rows
# whose 政治面貌 puts the person in the pipeline (``domain/applicant_rows.py``); the member
# template and the export keep to ``FIELDS``. Aliases: the headers of that system, of
# 发展党员 ledgers (发展党员工作台账: 递交入党申请书时间, 确定为入党积极分子时间, 确定为发展对象
# 时间) and of home-made lists (积极分子确立日期, 列为积极分子日期 …).
DEVELOPMENT_FIELDS: tuple[MemberField, ...] = (
    MemberField(
        "applied_on",
        "递交入党申请书日期",
        "Application date",
        aliases=(
            "申请入党日期",
            "入党申请日期",
            "递交入党申请书时间",
            "递交入党申请日期",
            "递交申请书日期",
            "申请入党时间",
            "入党申请时间",
            "入党申请书递交日期",
        ),
    ),
    MemberField(
        "activist_on",
        "确定入党积极分子日期",
        "Named an activist on",
        aliases=(
            "积极分子确立日期",
            "列为积极分子日期",
            "列为入党积极分子日期",
            "确定为入党积极分子日期",
            "确定为入党积极分子时间",
            "确定入党积极分子时间",
            "确定积极分子日期",
            "积极分子确定日期",
        ),
    ),
    MemberField(
        "candidate_on",
        "确定发展对象日期",
        "Named a candidate on",
        aliases=(
            "发展对象确立日期",
            "列为发展对象日期",
            "确定为发展对象日期",
            "确定为发展对象时间",
            "确定发展对象时间",
            "发展对象确定日期",
        ),
    ),
)
#: Every column a roster is read for: the member's, then the pipeline's dates.
IMPORT_FIELDS: tuple[MemberField, ...] = FIELDS + DEVELOPMENT_FIELDS

FIELD_BY_KEY: dict[str, MemberField] = {f.key: f for f in IMPORT_FIELDS}

# Suggestions offered by the editor (free text is accepted too): the 56 ethnic groups of
# GB 3304, 汉族 first, and the education levels of the Party's statistics.
ETHNICITIES: tuple[str, ...] = (
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
)
EDUCATION_LEVELS: tuple[str, ...] = (
    "研究生",
    "大学本科",
    "大学专科",
    "中专",
    "高中",
    "初中",
    "小学及以下",
)


@dataclass(frozen=True, slots=True)
class MemberInput:
    """A member as entered in the editor or read from a row of a workbook.

    ``organization_id`` is the member's own Party organization (所在党组织); the import
    resolves the name it reads to an id before the row is checked against the database.
    """

    name: str
    organization_id: int | None
    id_number: str | None = field(default=None, repr=False)
    gender: Gender | None = None
    ethnicity: str | None = None
    birth_date: date | None = field(default=None, repr=False)
    native_place: str | None = None
    education: str | None = None
    joined_on: date | None = None
    confirmed_on: date | None = None
    category: MemberCategory = MemberCategory.FULL
    party_post: str | None = None
    work_unit: str | None = None
    phone: str | None = field(default=None, repr=False)
    status: MembershipStatus = MembershipStatus.NORMAL
    remark: str | None = None
    #: the stored member's version when the editor read it (``services/versions.py``);
    #: None: not read by an editor (a new member, a row of a workbook)
    version: int | None = None


#: The attributes of :class:`MemberInput` stored as the member's columns of the same name.
STORED_FIELDS = tuple(f.name for f in fields(MemberInput) if f.name != "version")


def _error(key: str, zh: str, en: str) -> FieldError:
    return FieldError(key, t(zh, en))


# How the dates read inside an English sentence ("The date of joining the Party cannot …").
_EN_PHRASES = {
    "birth_date": "birth date",
    "joined_on": "date of joining the Party",
    "confirmed_on": "date of confirmation",
}


@functools.cache
def _label(key: str) -> tuple[str, str]:
    f = FIELD_BY_KEY[key]
    return f.zh, _EN_PHRASES.get(key, f.en.lower())


def completed(data: MemberInput) -> MemberInput:
    """``data`` normalised, with birth date and sex taken from a valid ID number when empty.

    Short text fields are trimmed (blank becomes ``None``); the remark keeps its inner
    text as typed.
    """
    return completed_from({name: getattr(data, name) for name in _INPUT_FIELDS})


_INPUT_FIELDS = tuple(f.name for f in fields(MemberInput))


def completed_from(values: Mapping[str, Any]) -> MemberInput:
    """:func:`completed` of ``MemberInput(**values)``, made in one step (a roster's import
    makes one for each of its rows; a frozen record of 20 fields is not cheap to copy)."""
    number = normalise_id_number(values.get("id_number")) or None
    phone = normalise_phone(values.get("phone")) or None
    facts = id_number_facts(number)
    return MemberInput(
        **{
            **values,
            "name": person_name(values.get("name")),
            "id_number": number,
            "phone": phone,
            "birth_date": values.get("birth_date") or (facts[0] if facts else None),
            "gender": values.get("gender") or (facts[1] if facts else None),
            "ethnicity": optional_text(values.get("ethnicity")),
            "native_place": optional_text(values.get("native_place")),
            "education": optional_text(values.get("education")),
            "party_post": optional_text(values.get("party_post")),
            "work_unit": optional_text(values.get("work_unit")),
            "remark": strip_or_none(values.get("remark")),
        }
    )


# The fields of a member held as text, and a getter of their values.
_TEXT_FIELDS = tuple(
    f
    for f in FIELDS
    if any(m.name == f.key and m.type in ("str", "str | None") for m in fields(MemberInput))
)
_text_values = operator.attrgetter(*(f.key for f in _TEXT_FIELDS))


def member_errors(data: MemberInput, *, today: date | None = None) -> list[FieldError]:
    """Every rule ``data`` breaks, each naming its field.

    Pass ``data`` through :func:`completed` first.
    """
    today = today or date.today()
    errors: list[FieldError] = []
    if not data.name.strip():
        errors.append(_error("name", "姓名不能为空", "The name is empty"))
    if data.organization_id is None:
        errors.append(
            _error("organization", "请选择所在党组织", "Choose the member's Party organization")
        )
    for f, value in zip(_TEXT_FIELDS, _text_values(data), strict=True):
        if value.__class__ is not str:
            continue
        if f.max_length and len(value) > f.max_length:
            errors.append(
                _error(
                    f.key,
                    f"{f.zh}不能超过 {f.max_length} 个字",
                    f"The {f.en.lower()} cannot be longer than {f.max_length} characters",
                )
            )
        elif not value.isprintable():  # no control characters, direction marks, line breaks
            problem = text_error(value, (f.zh, f.en.lower()), multiline=f.key == "remark")
            if problem is not None:
                errors.append(FieldError(f.key, problem))
    id_problem = id_number_error(data.id_number, today=today)
    if id_problem:
        errors.append(FieldError("id_number", id_problem))
    else:
        id_birth, id_gender = decode_id_number(data.id_number)
        if data.birth_date is not None and data.birth_date != id_birth:
            errors.append(
                _error(
                    "birth_date",
                    f"出生日期与身份证号不一致（身份证号为 {id_birth:%Y-%m-%d}）",
                    f"The birth date does not match the ID number ({id_birth:%Y-%m-%d})",
                )
            )
        if data.gender is not None and data.gender != id_gender:
            errors.append(
                _error(
                    "gender",
                    "性别与身份证号不一致",
                    "The gender does not match the ID number",
                )
            )
    for key in ("birth_date", "joined_on", "confirmed_on"):
        problem = future_date_error(getattr(data, key), label=_label(key), today=today)
        if problem:
            errors.append(FieldError(key, problem))
    for first, second in (("birth_date", "joined_on"), ("joined_on", "confirmed_on")):
        problem = date_order_error(
            getattr(data, first),
            getattr(data, second),
            first_label=_label(first),
            second_label=_label(second),
            allow_equal=False,
        )
        if problem:
            errors.append(FieldError(second, problem))
    if data.birth_date and data.confirmed_on and not data.joined_on:
        problem = date_order_error(
            data.birth_date,
            data.confirmed_on,
            first_label=_label("birth_date"),
            second_label=_label("confirmed_on"),
            allow_equal=False,
        )
        if problem:
            errors.append(FieldError("confirmed_on", problem))
    if data.category == MemberCategory.PROBATIONARY and data.confirmed_on is not None:
        errors.append(
            _error(
                "confirmed_on",
                "预备党员不应有转正日期；已转正的请将人员类别改为正式党员",
                "A probationary member has no confirmation date; "
                "if confirmed, set the category to full member",
            )
        )
    if data.phone:
        problem = phone_error(data.phone)
        if problem:
            errors.append(FieldError("phone", problem))
    return errors
