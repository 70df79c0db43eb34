"""Reading the cells of a member roster as clerks fill it in Excel or WPS.

Pure: values come in as openpyxl hands them over (``str``, ``int``, ``float``, ``datetime``
…) and leave as the types of :class:`~pbc_desktop.domain.member_rules.MemberInput`. A cell
that cannot be read raises :class:`CellError` with a sentence naming the column and saying
how to fix it. Rows and sheets are the service's business (``services.member_import``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TypeVar

from pbc_desktop.domain.dates import MAX_YEAR, MIN_YEAR, DateProblem, DateTextError, parse_date_text
from pbc_desktop.domain.enums import Gender, LabeledEnum, MemberCategory, MembershipStatus
from pbc_desktop.domain.member_rules import DEVELOPMENT_FIELDS, FIELD_BY_KEY, FIELDS, IMPORT_FIELDS
from pbc_desktop.domain.privacy import scrub_quoted
from pbc_desktop.domain.validation import normalise_text, person_name, to_halfwidth
from pbc_desktop.lang import t

E = TypeVar("E", bound=LabeledEnum)
#: A member field's key, or the (Chinese, English) name of another import's column.
FieldLabel = str | tuple[str, str]

HEADER_SEARCH_ROWS = 10
# A district's whole roster has fewer than 100,000 rows; a sheet with more is not a roster.
MAX_DATA_ROWS = 200_000
#: the dates of the 发展党员 pipeline (``member_rules.DEVELOPMENT_FIELDS``)
DEVELOPMENT_DATE_KEYS = tuple(f.key for f in DEVELOPMENT_FIELDS)
DATE_KEYS = ("birth_date", "joined_on", "confirmed_on", *DEVELOPMENT_DATE_KEYS)
ENUM_KEYS = ("gender", "category", "status")
REQUIRED_KEYS = tuple(f.key for f in FIELDS if f.required)

_MIN_YEAR = MIN_YEAR
_MAX_YEAR = MAX_YEAR
# Excel serial numbers of 1900-01-01 .. 2100-12-31 (the 1900 date system).
_MAX_SERIAL = 73050
# Excel keeps 15 significant digits: a float this large has lost the end of an ID number.
_EXACT_FLOAT_LIMIT = 1e15


class CellError(ValueError):
    """A cell that cannot be read; ``message`` tells the user what to change. What it
    quotes of the cell has ID numbers and phones masked (a slipped column puts them under
    any heading; the message is shown, printed and copied)."""

    def __init__(self, message: str) -> None:
        message = scrub_quoted(message)
        super().__init__(message)
        self.message = message


# -- text -------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def cell_text(value: object) -> str:
    """Any cell value as normalised text ("" for an empty cell).

    Whole numbers lose Excel's ``.0`` (a phone number typed as a number reads ``13812345678``).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT_FLOAT_LIMIT:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return normalise_text(str(value))


def parse_text(value: object) -> str | None:
    """:func:`cell_text`, with an empty cell as ``None``."""
    return cell_text(value) or None


def parse_name(value: object) -> str:
    """A person's name: spaces that pad two-character names (``王  五``) are dropped."""
    return person_name(cell_text(value))


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -- cells whose value the file does not hold --------------------------------------------


@dataclass(frozen=True, slots=True)
class UncalculatedFormula:
    """A formula cell saved without its result (a program other than Excel wrote it)."""


@dataclass(frozen=True, slots=True)
class MergedPart:
    """A cell inside merged cells other than their first: Excel keeps the value only there.

    ``ref`` is the merged range as Excel writes it (``B3:B10``).
    """

    ref: str


UNCALCULATED = UncalculatedFormula()
CellMark = UncalculatedFormula | MergedPart


def mark_message(mark: CellMark, key: FieldLabel, column: str) -> str:
    """Why a formula or merged cell of the field ``key`` (in ``column``) cannot be read,
    and how to fix it in Excel."""
    zh, en = _label(key)
    if isinstance(mark, MergedPart):
        return t(
            f"{zh}（{column} 列）是合并单元格 {mark.ref} 的一部分，合并单元格只有第一格有内容。"
            "请在 Excel 中选中这些单元格，取消合并后在每一行都填上内容，再导入",
            f"The {en} (column {column}) is part of the merged cells {mark.ref}, which hold a "
            "value only in their first cell. Select them in Excel, unmerge them, fill in "
            "every row and import again",
        )
    return t(
        f"{zh}（{column} 列）是一个公式，但文件里没有保存公式的计算结果"
        "（文件不是用 Excel 保存的）。"
        "请在 Excel 中打开文件并保存一次，或复制这些单元格后用“选择性粘贴 → 数值”粘贴回去，再导入",
        f"The {en} (column {column}) is a formula whose result the file does not hold "
        "(it was not saved by Excel). Open the file in Excel and save it once, or copy the "
        "cells and paste them back with Paste Special → Values, then import again",
    )


# -- ID numbers -------------------------------------------------------------------------

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d*)?E[+-]?\d+$")


def scientific_id_message(shown: str) -> str:
    """Why an ID number that Excel turned into a number is refused, and how to fix it."""
    return t(
        f"身份证号“{shown}”已被 Excel 变成了科学计数法，后几位数字已经丢失。"
        "请把该列的单元格格式设置为“文本”后重新输入身份证号，或在号码前加一个英文单引号（'）再输入。",
        f"The ID number “{shown}” was turned into scientific notation by Excel and its last "
        "digits are lost. Set the column's cell format to Text and type the ID numbers again, "
        "or type an apostrophe (') before each number.",
    )


def parse_id_number(value: object) -> str | None:
    """An ID number from text or a number; refuses one whose digits Excel has lost."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(t("身份证号无法识别", "The ID number cannot be read"))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT_FLOAT_LIMIT:
            return str(int(value))
        raise CellError(scientific_id_message(f"{value:.5E}".replace("E+0", "E+")))
    text = to_halfwidth(str(value)).strip().lstrip("'`‘’").strip()
    text = _SPACES.sub("", text).upper()
    if _SCIENTIFIC.match(text):
        raise CellError(scientific_id_message(text))
    if "*" in text:
        raise CellError(
            t(
                f"身份证号“{text}”中有数字被 * 隐藏了（来自隐藏身份证号的导出文件），无法导入。"
                "请使用导出时选择了显示完整身份证号的文件。",
                f"The ID number “{text}” has digits hidden by * (an export with hidden ID "
                "numbers). Import an export made with the full ID numbers shown.",
            )
        )
    return text or None


# -- dates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedDate:
    """A date read from a cell; ``month_only`` when the cell gave a year and a month."""

    value: date
    month_only: bool = False


def _label(key: FieldLabel) -> tuple[str, str]:
    if isinstance(key, tuple):  # a column of another import: its (Chinese, English) name
        return key[0], key[1].lower()
    f = FIELD_BY_KEY[key]
    return f.zh, f.en.lower()


def _forms_hint() -> str:
    return t(
        "请写成 1985-03-02、1985.3.2、1985/03/02、1985年3月2日 或 1985.03",
        "write it as 1985-03-02, 1985.3.2, 1985/03/02, 1985年3月2日 or 1985.03",
    )


def _unreadable(key: FieldLabel, shown: str) -> CellError:
    zh, en = _label(key)
    return CellError(
        t(
            f"{zh}“{shown}”无法识别为日期，{_forms_hint()}",
            f"The {en} “{shown}” is not a date; {_forms_hint()}",
        )
    )


def _no_date(key: FieldLabel) -> CellError:
    """A date cell read as a time of day alone: in an .xls a date cell holding 0 or a
    negative number (Excel shows 1900-01-00 or ####), in an .ods a cell holding a time. The
    time the reader made of it ("00:00:00") is not what the clerk sees, so it is not quoted."""
    zh, en = _label(key)
    return CellError(
        t(
            f"{zh}单元格中没有日期（Excel 显示为 1900-01-00 或 ####，或者只有时间），"
            f"{_forms_hint()}",
            f"The {en} cell holds no date (Excel shows 1900-01-00 or ####, or only a time); "
            f"{_forms_hint()}",
        )
    )


def _impossible(key: FieldLabel, shown: str) -> CellError:
    zh, en = _label(key)
    return CellError(t(f"{zh}“{shown}”不是有效的日期", f"The {en} “{shown}” is not a valid date"))


def _out_of_years(key: FieldLabel, shown: str) -> CellError:
    """A date of a year no date field takes, said with those years (as the window and the
    command line say it)."""
    zh, en = _label(key)
    return CellError(
        t(
            f"{zh}“{shown}”超出了可填的年份：日期应在{_MIN_YEAR}年至{_MAX_YEAR}年之间",
            f"The {en} “{shown}” is out of range: expected a date from {_MIN_YEAR} to {_MAX_YEAR}",
        )
    )


def _make_date(key: FieldLabel, shown: str, year: int, month: int, day: int) -> date:
    """The date a number typed as one stands for (19850302); a real day of a year no field
    takes is said with the years, digits that name no day (12345678) as no date."""
    try:
        made = date(year, month, day)
    except ValueError:
        if _MIN_YEAR <= year <= _MAX_YEAR:
            raise _impossible(key, shown) from None
        raise _unreadable(key, shown) from None
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _out_of_years(key, shown)
    return made


def excel_serial_date(serial: float, *, epoch_1904: bool = False) -> date:
    """The day an Excel serial number stands for (its time of day is dropped)."""
    days = int(serial)
    if epoch_1904:
        return date(1904, 1, 1) + timedelta(days=days)
    # Serial 60 is Excel's fictitious 1900-02-29; serials before it count from 1899-12-31.
    if days < 60:
        return date(1899, 12, 31) + timedelta(days=days)
    return date(1899, 12, 30) + timedelta(days=days)


def _year_only(key: FieldLabel, shown: str) -> CellError:
    zh, en = _label(key)
    return CellError(
        t(
            f"{zh}“{shown}”只有年份，{_forms_hint()}",
            f"The {en} “{shown}” gives only a year; {_forms_hint()}",
        )
    )


def _parse_number_date(key: FieldLabel, value: float, epoch_1904: bool) -> ParsedDate:
    if not math.isfinite(value):  # NaN or infinity (an .ods can hold them): no date
        raise _unreadable(key, str(value))
    shown = cell_text(value) if float(value).is_integer() else repr(value)
    whole = int(value)
    if float(value).is_integer():
        digits = str(whole)
        if _MIN_YEAR <= whole <= _MAX_YEAR:
            raise _year_only(key, shown)
        if len(digits) == 8:  # 19850302 typed as a number
            y, m, d = int(digits[:4]), int(digits[4:6]), int(digits[6:])
            return ParsedDate(_make_date(key, shown, y, m, d))
        if len(digits) == 6 and _MIN_YEAR <= int(digits[:4]) <= _MAX_YEAR:  # 198503
            return ParsedDate(_make_date(key, shown, int(digits[:4]), int(digits[4:]), 1), True)
        if 1 <= whole <= _MAX_SERIAL:
            return ParsedDate(excel_serial_date(whole, epoch_1904=epoch_1904))
        raise _unreadable(key, shown)
    if _MIN_YEAR <= whole <= _MAX_YEAR:
        # 1985.03 typed into a General cell: Excel stores the number 1985.03.
        hundredths = round((value - whole) * 100)
        if hundredths % 10 == 0:
            month = hundredths // 10
            if month == 1:
                zh, en = _label(key)
                raise CellError(
                    t(
                        f"{zh}“{shown}”无法确定是 1 月还是 10 月"
                        "（Excel 会把 1985.10 存成 1985.1）。"
                        "请把该列的单元格格式设置为“文本”后写成 1985.01 或 1985.10",
                        f"The {en} “{shown}” may mean January or October (Excel stores "
                        "1985.10 as 1985.1). Set the column's cell format to Text and write "
                        "1985.01 or 1985.10",
                    )
                )
        else:
            month = hundredths
        if not 1 <= month <= 12:
            raise _unreadable(key, shown)
        return ParsedDate(date(whole, month, 1), month_only=True)
    if 1 <= value <= _MAX_SERIAL:
        return ParsedDate(excel_serial_date(value, epoch_1904=epoch_1904))
    raise _unreadable(key, shown)


def parse_date(value: object, key: FieldLabel, *, epoch_1904: bool = False) -> ParsedDate | None:
    """A date from a date cell, an Excel serial number or text (incl. full-width digits).

    ``key`` is the field (``birth_date`` …), named in the message when the cell is refused.
    A year and a month (``1985.03``, ``1985年3月``) give the first of that month.
    """
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return ParsedDate(value.date())
    if isinstance(value, date):
        return ParsedDate(value)
    if isinstance(value, bool):
        raise _unreadable(key, str(value))
    if isinstance(value, int | float):
        return _parse_number_date(key, value, epoch_1904)
    if isinstance(value, time):
        raise _no_date(key)
    if not isinstance(value, str):
        raise _unreadable(key, str(value))
    try:
        typed = parse_date_text(value)
    except DateTextError as exc:
        if exc.problem is DateProblem.IMPOSSIBLE:
            raise _impossible(key, exc.shown) from None
        if exc.problem is DateProblem.YEAR_ONLY:
            raise _year_only(key, exc.shown) from None
        if exc.problem is DateProblem.OUT_OF_YEARS:
            raise _out_of_years(key, exc.shown) from None
        raise _unreadable(key, exc.shown) from None
    return ParsedDate(typed.value, typed.month_only)


# -- choices (性别, 人员类别, 党籍状态) ---------------------------------------------------

# Words clerks write besides the labels of the enums (compared after :func:`_choice_key`).
_CHOICE_VARIANTS: dict[type[LabeledEnum], dict[str, LabeledEnum]] = {
    Gender: {
        "男": Gender.MALE,
        "男性": Gender.MALE,
        "m": Gender.MALE,
        "女": Gender.FEMALE,
        "女性": Gender.FEMALE,
        "f": Gender.FEMALE,
    },
    MemberCategory: {
        "正式": MemberCategory.FULL,
        "正式党员": MemberCategory.FULL,
        "中共党员": MemberCategory.FULL,
        "中国共产党党员": MemberCategory.FULL,
        "党员": MemberCategory.FULL,
        "full": MemberCategory.FULL,
        "预备": MemberCategory.PROBATIONARY,
        "预备党员": MemberCategory.PROBATIONARY,
        "中共预备党员": MemberCategory.PROBATIONARY,
        "中国共产党预备党员": MemberCategory.PROBATIONARY,
        "probationary": MemberCategory.PROBATIONARY,
    },
    MembershipStatus: {
        "正常": MembershipStatus.NORMAL,
        "在册": MembershipStatus.NORMAL,
        "失联": MembershipStatus.LOST_CONTACT,
        "失去联系": MembershipStatus.LOST_CONTACT,
        "失联党员": MembershipStatus.LOST_CONTACT,
        "已转出": MembershipStatus.TRANSFERRED_OUT,
        "转出": MembershipStatus.TRANSFERRED_OUT,
        "组织关系已转出": MembershipStatus.TRANSFERRED_OUT,
        "已故": MembershipStatus.DECEASED,
        "去世": MembershipStatus.DECEASED,
        "已去世": MembershipStatus.DECEASED,
        "死亡": MembershipStatus.DECEASED,
        "病故": MembershipStatus.DECEASED,
        "停止党籍": MembershipStatus.SUSPENDED,
        "停党": MembershipStatus.SUSPENDED,
        "suspended": MembershipStatus.SUSPENDED,
    },
}


# 政治面貌 (GB/T 4762) of people who are not members of the Party: a roster row with one
# of them is refused with a sentence saying so — except that the member import recognises
# the 入党申请人, 积极分子 and 发展对象 among them (and a 共青团员 or 群众 who has applied) as
# people in the 发展党员 pipeline (``domain/applicant_rows.py``).
_NOT_MEMBERS = frozenset(
    (
        "共青团员",
        "中国共产主义青年团团员",
        "团员",
        "群众",
        "入党申请人",
        "申请入党人",
        "入党积极分子",
        "积极分子",
        "发展对象",
        "无党派人士",
        "无党派民主人士",
        "民革会员",
        "民盟盟员",
        "民建会员",
        "民进会员",
        "农工党党员",
        "致公党党员",
        "九三学社社员",
        "台盟盟员",
        "少先队员",
    )
)


def _choice_key(text: str) -> str:
    return _SPACES.sub("", to_halfwidth(text)).casefold()


_NOT_MEMBER_KEYS = frozenset(_choice_key(v) for v in _NOT_MEMBERS)


def not_member_message(shown: str) -> str:
    """Why a row whose 政治面貌 is 共青团员, 群众, 入党积极分子 … is not imported."""
    return t(
        f"政治面貌为“{shown}”，不是中共党员，不能作为党员导入（只导入中共党员和中共预备党员）",
        f"The political status “{shown}” is not that of a Party member, so the row cannot "
        "be imported as a member (only full and probationary members are)",
    )


def choice_key(value: object) -> str:
    """A choice cell (性别, 人员类别, 政治面貌 …) as it is compared with the known words."""
    return _choice_key(cell_text(value))


@cache
def _choices(enum_cls: type[LabeledEnum]) -> dict[str, LabeledEnum]:
    table: dict[str, LabeledEnum] = {}
    for member in enum_cls:
        for text in (member.value, member.zh, member.en):
            table.setdefault(_choice_key(text), member)
    for text, member in _CHOICE_VARIANTS.get(enum_cls, {}).items():
        table.setdefault(_choice_key(text), member)
    return table


def parse_choice(enum_cls: type[E], value: object, key: FieldLabel) -> E | None:
    """A member of ``enum_cls`` from its label in Chinese or English or a common variant."""
    if is_blank(value):
        return None
    shown = cell_text(value)
    found = _choices(enum_cls).get(_choice_key(shown))
    if isinstance(found, enum_cls):
        return found
    if enum_cls is MemberCategory and _choice_key(shown) in _NOT_MEMBER_KEYS:
        raise CellError(not_member_message(shown))
    zh, en = _label(key)
    options_zh = " 或 ".join(m.zh for m in enum_cls)
    options_en = " or ".join(m.en for m in enum_cls)
    raise CellError(
        t(
            f"{zh}“{shown}”无法识别，应为 {options_zh}",
            f"The {en} “{shown}” is not known; use {options_en}",
        )
    )


# -- headers ----------------------------------------------------------------------------

_NOTE_IN_BRACKETS = re.compile(r"[\((\[【<《].*?[\))\]】>》]")
_HEADER_NOISE = re.compile(r"[\s*※★☆::]+")


def header_key(text: object) -> str:
    """A header cell reduced for comparison: ``* 身份证号码 (18位)`` → ``身份证号码``. Invisible
    marks (a zero-width space, the byte-order mark another system's export left in its first
    cell) are dropped: the header reads as it looks."""
    if not isinstance(text, str):
        return ""
    if not text.isprintable():
        text = "".join(c for c in text if c.isprintable() or c.isspace())
    value = to_halfwidth(text)
    value = _NOTE_IN_BRACKETS.sub("", value)
    return _HEADER_NOISE.sub("", value).casefold()


def _header_index() -> dict[str, tuple[str, int]]:
    """Header key → (field key, rank): 0 for the field's own name, then its aliases in the
    order ``member_rules.IMPORT_FIELDS`` lists them."""
    index: dict[str, tuple[str, int]] = {}
    for f in IMPORT_FIELDS:
        for name in (f.zh, f.en, f.key):
            index.setdefault(header_key(name), (f.key, 0))
        for rank, name in enumerate(f.aliases, start=1):
            index.setdefault(header_key(name), (f.key, rank))
    return index


_HEADERS = _header_index()


def match_header(text: object) -> str | None:
    """The field key a header cell names, or ``None`` for a column the import ignores."""
    found = _header_rank(text)
    return found[0] if found else None


def _header_rank(text: object) -> tuple[str, int] | None:
    key = header_key(text)
    return _HEADERS.get(key) if key else None


@dataclass(frozen=True)
class HeaderMatch:
    """The header row of a sheet: its index among the rows given, and its known columns."""

    row_index: int
    columns: dict[int, str]  # column index (0-based) → field key; one column a field
    ignored: tuple[str, ...]  # headers of columns the import does not read
    # Field key → the indexes of the other columns naming it (not read).
    duplicates: dict[str, tuple[int, ...]] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)  # index → header, known columns

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.columns.values())

    def duplicate_notices(self) -> list[str]:
        """One sentence per field named by several columns: which one is read."""
        used = {key: index for index, key in self.columns.items()}
        return [
            duplicate_header_message(key, used[key], others, self.headers)
            for key, others in self.duplicates.items()
        ]


def match_header_row(cells: Sequence[object]) -> HeaderMatch:
    """Which known field each cell of a candidate header row names (row index 0).

    When several columns name one field (工作单位 and 工作岗位), the column headed with the
    field's own name, else with the alias listed first, is read (the first such column on
    a tie); the others are ignored and named in :meth:`HeaderMatch.duplicate_notices`.
    """
    found: dict[str, list[tuple[int, int]]] = {}  # field key → (rank, index) of its columns
    headers: dict[int, str] = {}
    for index, cell in enumerate(cells):
        match = _header_rank(cell)
        if match is None:
            continue
        key, rank = match
        found.setdefault(key, []).append((rank, index))
        headers[index] = cell_text(cell)
    columns: dict[int, str] = {}
    duplicates: dict[str, tuple[int, ...]] = {}
    for key, candidates in found.items():
        best = min(candidates)[1]
        columns[best] = key
        others = tuple(sorted(i for _rank, i in candidates if i != best))
        if others:
            duplicates[key] = others
    read = set(columns)
    ignored = tuple(
        cell_text(cell) for i, cell in enumerate(cells) if i not in read and not is_blank(cell)
    )
    return HeaderMatch(0, dict(sorted(columns.items())), ignored, duplicates, headers)


def column_letter(index: int) -> str:
    """Excel's letters for a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def duplicate_header_message(
    key: str, used: int, ignored: Sequence[int], headers: dict[int, str] | None = None
) -> str:
    """``有 2 列都是“工作单位及职务”（B 列“工作岗位”、D 列“工作单位及职务”）：读取了 D 列，
    B 列被忽略。`` — the columns in the order of the sheet, each with its header."""
    f = FIELD_BY_KEY[key]
    shown = headers or {}
    every = sorted((used, *ignored))
    named_zh = "、".join(
        f"{column_letter(i)} 列“{shown[i]}”" if i in shown else f"{column_letter(i)} 列"
        for i in every
    )
    named_en = ", ".join(
        f"{column_letter(i)} “{shown[i]}”" if i in shown else column_letter(i) for i in every
    )
    rest = [column_letter(i) for i in sorted(ignored)]
    rest_zh = "、".join(f"{c} 列" for c in rest)
    return t(
        f"有 {len(every)} 列都是“{f.zh}”（{named_zh}）：读取了 {column_letter(used)} 列，"
        f"{rest_zh}被忽略。",
        f"{len(every)} columns are headed “{f.en}” ({named_en}): column "
        f"{column_letter(used)} is read and {', '.join(rest)} ignored.",
    )


def find_header(rows: Sequence[Sequence[object]]) -> HeaderMatch | None:
    """The header row among the first rows of a sheet: the one naming the most known
    columns, among those naming at least 姓名 and 身份证号 (the first such row on a tie)."""
    best: HeaderMatch | None = None
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_header_row(cells)
        if not {"name", "id_number"} <= found.keys:
            continue
        if best is None or len(found.columns) > len(best.columns):
            best = replace(found, row_index=index)
    return best


def required_headers_text() -> str:
    """The headers a roster must have, for messages: 姓名、身份证号、所在党组织."""
    return t(
        "、".join(FIELD_BY_KEY[k].zh for k in REQUIRED_KEYS),
        ", ".join(FIELD_BY_KEY[k].en for k in REQUIRED_KEYS),
    )
