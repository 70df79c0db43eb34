"""The columns of a Party organization list (党组织信息表) as offices fill it in Excel.

One table drives the template, the header match and the cell parsing of the organization
import (``services.organization_import``). Pure: cells come in as the workbook reader
hands them over and leave as the values of ``services.organizations.OrgInput``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from pbc_desktop.domain import member_cells as cells
from pbc_desktop.domain.enums import LabeledEnum, OrgField, OrgKind, OrgLevel
from pbc_desktop.lang import t

E = TypeVar("E", bound=LabeledEnum)


@dataclass(frozen=True)
class OrgColumn:
    """A column: ``key`` is the field of ``OrgInput`` (``parent`` names the parent)."""

    key: str
    zh: str
    en: str
    hint_zh: str
    hint_en: str
    required: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> tuple[str, str]:
        return self.zh, self.en

    def hint(self) -> str:
        return t(self.hint_zh, self.hint_en)


def _choice_column(
    key: str, zh: str, en: str, enum_cls: type[LabeledEnum], aliases: tuple[str, ...]
) -> OrgColumn:
    """A required column whose cell names one of ``enum_cls``; its hint lists them."""
    names = [m.zh for m in enum_cls]
    return OrgColumn(
        key,
        zh,
        en,
        "、".join(names) + " 之一",
        "One of " + ", ".join(names),
        required=True,
        aliases=aliases,
    )


COLUMNS: tuple[OrgColumn, ...] = (
    OrgColumn(
        "name",
        "党组织名称",
        "Organization",
        "全称，不能与其他党组织重名，如“甲镇甲村党支部”",
        "The full name, unique, e.g. 甲镇甲村党支部",
        required=True,
        aliases=("名称", "组织名称", "党组织", "党组织全称", "单位名称"),
    ),
    _choice_column(
        "kind",
        "党组织类别",
        "Kind",
        OrgKind,
        aliases=("类别", "组织类别", "党组织类型", "类型", "组织类型"),
    ),
    OrgColumn(
        "parent",
        "上级党组织",
        "Parent organization",
        "上级党组织的全称；可以是本表中的另一行（行的先后不限），也可以是系统中已有的党组织",
        "The parent's full name: another row of this sheet (in any order) or an "
        "organization already stored",
        aliases=("上级", "上级组织", "上级党组织名称", "隶属党组织", "所属上级党组织"),
    ),
    OrgColumn(
        "town",
        "所属镇街",
        "Town",
        "镇或街道的名称；不填时沿用上级党组织的",
        "The town or subdistrict; when empty, the parent's",
        aliases=("镇街", "所在镇街", "镇（街道）", "所属镇（街道）", "镇街道", "所属镇"),
    ),
    _choice_column("field", "所属领域", "Field", OrgField, aliases=("领域", "所在领域")),
    OrgColumn(
        "level",
        "层级",
        "Level",
        "区、镇街 或 村社区；不填时按所属领域和上级推定"
        "（农村、社区为村社区，有镇街的为镇街，其余为区）",
        "区, 镇街 or 村社区; when empty, derived from the field and the parent (农村 and "
        "社区 are 村社区, others with a town 镇街, the rest 区)",
        aliases=("级别", "所属层级"),
    ),
    OrgColumn(
        "short_name",
        "简称",
        "Short name",
        "可不填",
        "Optional",
    ),
    OrgColumn(
        "secretary",
        "书记",
        "Secretary",
        "党组织书记的姓名",
        "The secretary's name",
        aliases=("党组织书记", "支部书记", "书记姓名"),
    ),
    OrgColumn(
        "contact_person",
        "联系人",
        "Contact person",
        "可不填",
        "Optional",
        aliases=("联系人姓名",),
    ),
    OrgColumn(
        "contact_phone",
        "联系电话",
        "Contact phone",
        "手机号或固定电话（如 0754-87654321）；本列为文本格式",
        "A mobile or landline number (e.g. 0754-87654321); the column is text",
        aliases=("电话", "联系方式", "手机号", "办公电话"),
    ),
    OrgColumn(
        "address",
        "地址",
        "Address",
        "可不填",
        "Optional",
        aliases=("办公地址", "通讯地址", "所在地址"),
    ),
    OrgColumn(
        "founded_on",
        "成立日期",
        "Founded on",
        "如 2015-07-01",
        "e.g. 2015-07-01",
        aliases=("成立时间", "建立日期", "组建日期"),
    ),
    OrgColumn(
        "start_date",
        "开始日期",
        "Start date",
        "临时党支部必填",
        "Required for a temporary branch",
    ),
    OrgColumn(
        "end_date",
        "结束日期",
        "End date",
        "临时党支部必填",
        "Required for a temporary branch",
    ),
    OrgColumn("remark", "备注", "Remark", "可不填", "Optional", aliases=("说明",)),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
REQUIRED_KEYS = tuple(c.key for c in COLUMNS if c.required)
DATE_KEYS = ("founded_on", "start_date", "end_date")
CHOICE_KEYS: dict[str, type[LabeledEnum]] = {"kind": OrgKind, "field": OrgField, "level": OrgLevel}

# Words offices write besides the labels (compared without spaces, case or width).
_VARIANTS: dict[type[LabeledEnum], dict[str, LabeledEnum]] = {
    OrgKind: {
        "支部": OrgKind.BRANCH,
        "党支部委员会": OrgKind.BRANCH,
        "总支": OrgKind.GENERAL_BRANCH,
        "党总支部": OrgKind.GENERAL_BRANCH,
        "总支部": OrgKind.GENERAL_BRANCH,
        "党委员会": OrgKind.COMMITTEE,
        "基层党委": OrgKind.COMMITTEE,
        "临时支部": OrgKind.TEMPORARY_BRANCH,
        "工委": OrgKind.WORKING_COMMITTEE,
    },
    OrgField: {
        "村": OrgField.RURAL,
        "农村社区": OrgField.RURAL,
        "城市社区": OrgField.URBAN_COMMUNITY,
        "街道社区": OrgField.URBAN_COMMUNITY,
        "党政机关": OrgField.AGENCY,
        "国企": OrgField.STATE_ENTERPRISE,
        "国有": OrgField.STATE_ENTERPRISE,
        "非公有制企业": OrgField.PRIVATE_ENTERPRISE,
        "民营企业": OrgField.PRIVATE_ENTERPRISE,
        "私营企业": OrgField.PRIVATE_ENTERPRISE,
        "社会团体": OrgField.SOCIAL_ORGANIZATION,
        "中小学": OrgField.SCHOOL,
        "卫生院": OrgField.HOSPITAL,
    },
    OrgLevel: {
        "区级": OrgLevel.DISTRICT,
        "县": OrgLevel.DISTRICT,
        "镇": OrgLevel.TOWN,
        "街道": OrgLevel.TOWN,
        "镇级": OrgLevel.TOWN,
        "镇（街道）": OrgLevel.TOWN,
        "村": OrgLevel.VILLAGE,
        "社区": OrgLevel.VILLAGE,
        "村级": OrgLevel.VILLAGE,
        "村（社区）": OrgLevel.VILLAGE,
        "村居": OrgLevel.VILLAGE,
    },
}


def _key(text: str) -> str:
    return cells.header_key(text)


_VARIANT_KEYS = {
    enum_cls: {_key(text): member for text, member in table.items()}
    for enum_cls, table in _VARIANTS.items()
}


def parse_choice(enum_cls: type[E], value: object, column: OrgColumn) -> E | None:
    """A kind, field or level from its label or a common variant; else a
    :class:`~pbc_desktop.domain.member_cells.CellError` naming the column and the options."""
    found = _VARIANT_KEYS.get(enum_cls, {}).get(_key(cells.cell_text(value)))
    if isinstance(found, enum_cls):
        return found
    return cells.parse_choice(enum_cls, value, column.label)


def derived_level(org_field: OrgField, town: str | None, parent: OrgLevel | None) -> OrgLevel:
    """The level of an organization whose row leaves it empty: 农村 and 社区 (or below a
    village) 村社区; with a town (or below a town) 镇街; else 区."""
    if org_field in (OrgField.RURAL, OrgField.URBAN_COMMUNITY) or parent is OrgLevel.VILLAGE:
        return OrgLevel.VILLAGE
    if town or parent is OrgLevel.TOWN:
        return OrgLevel.TOWN
    return OrgLevel.DISTRICT


# -- the header row -----------------------------------------------------------------------


def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in COLUMNS:
        for name in (c.zh, c.en, c.key, *c.aliases):
            index.setdefault(_key(name), c.key)
    return index


_HEADERS = _header_index()


@dataclass(frozen=True)
class OrgHeader:
    """The header row: its place among the rows given and the columns it names."""

    row_index: int
    columns: dict[int, str]  # column index (0-based) → key; the first of duplicates
    ignored: tuple[str, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.columns.values())


def _match_row(row: Sequence[object], index: int) -> OrgHeader:
    columns: dict[int, str] = {}
    ignored: list[str] = []
    for i, cell in enumerate(row):
        key = _HEADERS.get(_key(cell)) if isinstance(cell, str) else None
        if key is None or key in columns.values():
            if not cells.is_blank(cell):
                ignored.append(cells.cell_text(cell))
            continue
        columns[i] = key
    return OrgHeader(index, columns, tuple(ignored))


def find_header(rows: Sequence[Sequence[object]]) -> OrgHeader | None:
    """The header among the first rows: the one naming the most columns, among those
    naming 党组织名称 and 党组织类别 (the first on a tie)."""
    best: OrgHeader | None = None
    for index, row in enumerate(rows[: cells.HEADER_SEARCH_ROWS]):
        found = _match_row(row, index)
        if {"name", "kind"} <= found.keys and (
            best is None or len(found.columns) > len(best.columns)
        ):
            best = found
    return best


def required_headers_text() -> str:
    return t(
        "、".join(COLUMN_BY_KEY[k].zh for k in REQUIRED_KEYS),
        ", ".join(COLUMN_BY_KEY[k].en for k in REQUIRED_KEYS),
    )
