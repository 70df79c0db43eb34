"""Reading roster cells: dates, ID numbers, choices and header rows as offices type them."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from pbc_desktop import lang
from pbc_desktop.domain import member_cells as mc
from pbc_desktop.domain.enums import Gender, MemberCategory, MembershipStatus

# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1985-03-02",
        "1985.3.2",
        "1985/03/02",
        "1985年3月2日",
        "1985年03月02号",
        " 1985 - 3 - 2 ",
        "１９８５－０３－０２",  # full-width digits and dash
        "１９８５年３月２日",
        "19850302",
        "1985-03-02 00:00:00",
    ],
)
def test_full_dates_in_text(text: str) -> None:
    assert mc.parse_date(text, "birth_date") == mc.ParsedDate(date(1985, 3, 2))


@pytest.mark.parametrize("text", ["1985.03", "1985.3", "1985-03", "1985/3", "1985年3月", "198503"])
def test_year_and_month_give_the_first_of_the_month(text: str) -> None:
    assert mc.parse_date(text, "joined_on") == mc.ParsedDate(date(1985, 3, 1), month_only=True)


def test_text_1985_dot_1_is_january_and_1985_dot_10_october() -> None:
    assert mc.parse_date("1985.1", "joined_on") == mc.ParsedDate(date(1985, 1, 1), True)
    assert mc.parse_date("1985.10", "joined_on") == mc.ParsedDate(date(1985, 10, 1), True)


def test_excel_date_cells() -> None:
    assert mc.parse_date(datetime(1985, 3, 2, 0, 0), "birth_date") == mc.ParsedDate(
        date(1985, 3, 2)
    )
    assert mc.parse_date(date(1985, 3, 2), "birth_date") == mc.ParsedDate(date(1985, 3, 2))


def test_excel_serial_numbers() -> None:
    # 31108 is 1985-03-02 in Excel's 1900 date system; 1 is 1900-01-01; 61 is 1900-03-01.
    assert mc.parse_date(31108, "birth_date") == mc.ParsedDate(date(1985, 3, 2))
    assert mc.parse_date(31108.75, "birth_date") == mc.ParsedDate(date(1985, 3, 2))
    assert mc.excel_serial_date(1) == date(1900, 1, 1)
    assert mc.excel_serial_date(61) == date(1900, 3, 1)
    assert mc.excel_serial_date(29646, epoch_1904=True) == date(1985, 3, 2)
    assert mc.parse_date(29646, "birth_date", epoch_1904=True) == mc.ParsedDate(date(1985, 3, 2))


def test_dates_typed_as_numbers() -> None:
    assert mc.parse_date(19850302, "birth_date") == mc.ParsedDate(date(1985, 3, 2))
    assert mc.parse_date(1985.03, "joined_on") == mc.ParsedDate(date(1985, 3, 1), True)
    assert mc.parse_date(1985.12, "joined_on") == mc.ParsedDate(date(1985, 12, 1), True)
    assert mc.parse_date(1985.3, "joined_on") == mc.ParsedDate(date(1985, 3, 1), True)


def test_1985_dot_1_as_a_number_is_refused_as_ambiguous() -> None:
    with pytest.raises(mc.CellError) as caught:
        mc.parse_date(1985.1, "joined_on")
    assert "1 月还是 10 月" in caught.value.message
    assert "入党日期" in caught.value.message


@pytest.mark.parametrize("value", ["1985", 1985, "1985年"])
def test_a_year_alone_is_refused(value: object) -> None:
    with pytest.raises(mc.CellError, match="只有年份"):
        mc.parse_date(value, "birth_date")


@pytest.mark.parametrize(
    "value",
    ["abc", "1985-13-02", "1985-02-30", "85.3.2", "1985.13", float("nan"), float("inf")],
)
def test_unreadable_dates_name_the_column(value: object) -> None:
    with pytest.raises(mc.CellError) as caught:
        mc.parse_date(value, "confirmed_on")
    assert caught.value.message.startswith("转正日期")


@pytest.mark.parametrize("value", ["2101-3-1", "1899年12月31日", "2101.03", 21010301, "210103"])
def test_a_date_of_a_year_no_field_takes_names_the_years(value: object) -> None:
    with pytest.raises(mc.CellError) as caught:
        mc.parse_date(value, "joined_on")
    assert caught.value.message.startswith("入党日期“")
    assert caught.value.message.endswith("”超出了可填的年份：日期应在1900年至2100年之间")


@pytest.mark.parametrize("value", [12345678, 21011399])
def test_digits_that_name_no_day_are_no_date(value: int) -> None:
    with pytest.raises(mc.CellError, match="无法识别为日期"):
        mc.parse_date(value, "joined_on")


@pytest.mark.parametrize("value", [time(0, 0), time(12, 0)])
def test_a_time_read_from_a_date_cell_is_no_date_and_not_quoted(value: time) -> None:
    """What calamine returns for an .xls date cell holding 0 or below (or an .ods time
    cell): the message quoted “00:00:00”, which the clerk never sees in the cell."""
    with pytest.raises(mc.CellError) as caught:
        mc.parse_date(value, "joined_on")
    assert caught.value.message.startswith("入党日期单元格中没有日期（Excel 显示为 1900-01-00")
    assert ":00" not in caught.value.message
    lang.set_language("en")
    with pytest.raises(mc.CellError) as caught:
        mc.parse_date(value, "joined_on")
    assert caught.value.message.startswith("The joined on cell holds no date")


def test_blank_dates_are_none() -> None:
    assert mc.parse_date(None, "birth_date") is None
    assert mc.parse_date("  ", "birth_date") is None


def test_date_messages_in_english() -> None:
    lang.set_language("en")
    with pytest.raises(mc.CellError) as caught:
        mc.parse_date("someday", "birth_date")
    assert caught.value.message.startswith("The birth date “someday” is not a date")


# -- ID numbers -------------------------------------------------------------------------


def test_id_numbers_as_text_and_numbers() -> None:
    assert mc.parse_id_number("440514198503021234") == "440514198503021234"
    assert mc.parse_id_number(" 440514 1985 0302 123x ") == "44051419850302123X"
    assert mc.parse_id_number("４４０５１４１９８５０３０２１２３Ｘ") == "44051419850302123X"
    assert mc.parse_id_number("'440514198503021234") == "440514198503021234"
    assert mc.parse_id_number(440514198503021234) == "440514198503021234"
    assert mc.parse_id_number(440514850302123.0) == "440514850302123"
    assert mc.parse_id_number(None) is None
    assert mc.parse_id_number("") is None


@pytest.mark.parametrize(
    "value", ["4.40514E+17", "4.40514e+17", "４.４０５１４Ｅ＋１７", 4.40514198503021e17]
)
def test_scientific_notation_is_refused_with_the_fix(value: object) -> None:
    with pytest.raises(mc.CellError) as caught:
        mc.parse_id_number(value)
    message = caught.value.message
    assert "科学计数法" in message
    assert "“文本”" in message
    assert "单引号" in message


def test_a_masked_id_number_is_refused_with_the_reason() -> None:
    with pytest.raises(mc.CellError) as caught:
        mc.parse_id_number("440514********1234")
    assert "被 * 隐藏" in caught.value.message
    assert "完整身份证号" in caught.value.message


def test_a_float_id_shows_as_excel_shows_it() -> None:
    with pytest.raises(mc.CellError) as caught:
        mc.parse_id_number(4.40514198503021e17)
    assert "“4.40514E+17”" in caught.value.message


def test_scientific_notation_message_in_english() -> None:
    lang.set_language("en")
    with pytest.raises(mc.CellError) as caught:
        mc.parse_id_number("4.40514E+17")
    assert "Set the column's cell format to Text" in caught.value.message
    assert "apostrophe" in caught.value.message


# -- text and names ---------------------------------------------------------------------


def test_text_cells() -> None:
    assert mc.parse_text("  汉族 ") == "汉族"
    assert mc.parse_text("ＡＢＣ　公司") == "ABC 公司"
    assert mc.parse_text(13812345678) == "13812345678"
    assert mc.parse_text(13812345678.0) == "13812345678"
    assert mc.parse_text("") is None
    assert mc.parse_text(None) is None


def test_names_lose_the_padding_between_characters() -> None:
    assert mc.parse_name("王　五") == "王五"
    assert mc.parse_name(" 张  三 ") == "张三"
    assert mc.parse_name("阿依古丽·买买提") == "阿依古丽·买买提"
    assert mc.parse_name("John Smith") == "John Smith"


# -- choices ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("男", Gender.MALE),
        (" 女 ", Gender.FEMALE),
        ("男性", Gender.MALE),
        ("Female", Gender.FEMALE),
        ("male", Gender.MALE),
    ],
)
def test_gender(value: str, expected: Gender) -> None:
    assert mc.parse_choice(Gender, value, "gender") is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("正式", MemberCategory.FULL),
        ("正式党员", MemberCategory.FULL),
        ("预备", MemberCategory.PROBATIONARY),
        ("预备党员", MemberCategory.PROBATIONARY),
        ("Probationary member", MemberCategory.PROBATIONARY),
        ("full", MemberCategory.FULL),
    ],
)
def test_category(value: str, expected: MemberCategory) -> None:
    assert mc.parse_choice(MemberCategory, value, "category") is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("正常", MembershipStatus.NORMAL),
        ("失联", MembershipStatus.LOST_CONTACT),
        ("转出", MembershipStatus.TRANSFERRED_OUT),
        ("已转出", MembershipStatus.TRANSFERRED_OUT),
        ("已故", MembershipStatus.DECEASED),
        ("去世", MembershipStatus.DECEASED),
        ("停止党籍", MembershipStatus.SUSPENDED),
        ("Lost contact", MembershipStatus.LOST_CONTACT),
    ],
)
def test_status(value: str, expected: MembershipStatus) -> None:
    assert mc.parse_choice(MembershipStatus, value, "status") is expected


def test_unknown_choice_names_the_options() -> None:
    with pytest.raises(mc.CellError) as caught:
        mc.parse_choice(Gender, "未知", "gender")
    assert caught.value.message == "性别“未知”无法识别，应为 男 或 女"
    assert mc.parse_choice(Gender, None, "gender") is None


# -- headers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("姓名", "name"),
        ("* 姓 名", "name"),
        ("身份证号码", "id_number"),
        ("公民身份号码（18位）", "id_number"),
        ("身份证号码（必填）", "id_number"),
        ("出生年月", "birth_date"),
        ("入党时间：", "joined_on"),
        ("所在支部", "organization"),
        ("所属党组织", "organization"),
        ("手机号码", "phone"),
        ("ID number", "id_number"),
        ("工作单位及职务", "work_unit"),
        ("党籍状态", "status"),
        ("\ufeff姓名", "name"),  # the byte-order mark another system's export left
        ("身份证号\u200b", "id_number"),  # a zero-width space copied from a web page
        ("所在\u2060党组织\u200e", "organization"),
        ("序号", None),
        ("", None),
        (None, None),
        (12, None),
    ],
)
def test_header_matching(text: object, key: str | None) -> None:
    assert mc.match_header(text) == key


def test_header_row_found_below_a_title() -> None:
    rows: list[tuple[object, ...]] = [
        ("某某村党员名册",),
        (),
        ("填报单位：某某村党支部", None, None, "填报日期：2026年5月"),
        ("序号", "入党时间", "姓 名", "备用", "身份证号码", "所在党组织"),
        (1, "1985.03", "张三", None, "440514198503021234", "某某村党支部"),
    ]
    found = mc.find_header(rows)
    assert found is not None
    assert found.row_index == 3
    assert found.columns == {1: "joined_on", 2: "name", 4: "id_number", 5: "organization"}
    assert found.ignored == ("序号", "备用")


def test_the_row_naming_most_columns_wins() -> None:
    rows: list[tuple[object, ...]] = [
        ("姓名", "身份证号"),  # a note that happens to name two columns
        ("姓名", "身份证号", "性别", "所在党组织"),
    ]
    found = mc.find_header(rows)
    assert found is not None
    assert found.row_index == 1


def test_no_header_without_name_and_id_number() -> None:
    assert mc.find_header([("姓名", "性别", "所在党组织")]) is None
    rows: list[tuple[object, ...]] = [()] * 10 + [("姓名", "身份证号")]
    assert mc.find_header(rows) is None  # row 11 is too far down


def test_duplicate_headers_read_the_column_with_the_fields_own_name() -> None:
    """工作单位 is an alias of 工作单位及职务: the column headed with the field's own name
    is read wherever it stands, and the notice names both columns with their headers."""
    found = mc.find_header([("姓名", "工作单位", "身份证号", "工作单位及职务")])
    assert found is not None
    assert found.columns == {0: "name", 2: "id_number", 3: "work_unit"}
    assert found.ignored == ("工作单位",)
    assert found.duplicates == {"work_unit": (1,)}
    assert found.duplicate_notices() == [
        "有 2 列都是“工作单位及职务”（B 列“工作单位”、D 列“工作单位及职务”）："
        "读取了 D 列，B 列被忽略。"
    ]


def test_duplicate_aliases_read_the_alias_listed_first() -> None:
    """Neither column has the field's own name: 工作单位 comes before 工作岗位 in the
    field table; the same header twice reads the first column."""
    found = mc.find_header([("工作岗位", "姓名", "身份证号", "工作单位", "姓名")])
    assert found is not None
    assert found.columns == {1: "name", 2: "id_number", 3: "work_unit"}
    assert found.duplicates == {"work_unit": (0,), "name": (4,)}
    assert found.ignored == ("工作岗位", "姓名")


@pytest.mark.parametrize(
    ("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA")]
)
def test_column_letters(index: int, letters: str) -> None:
    assert mc.column_letter(index) == letters


@pytest.mark.parametrize("text", ["汉族", "某某村委会 主任", "ABC 公司", "13812345678"])
def test_cell_text_keeps_a_text_already_normal(text: str) -> None:
    """Equal cells share one string in the workbook; reading them keeps sharing it."""
    cell = "".join(list(text))  # a string object of its own
    assert mc.cell_text(cell) is cell
