"""Domain validators: resident ID numbers, phones, text normalisation, dates."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop import lang
from pbc_desktop.domain import validation as v
from pbc_desktop.domain.enums import Gender

TODAY = date(2026, 6, 1)


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 written from the standard's formula, independent of the module."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def make_id(region: str, birth: str, seq: str) -> str:
    first17 = region + birth + seq
    return first17 + check_char(first17)


# -- ID numbers -------------------------------------------------------------------------


def test_known_valid_examples() -> None:
    assert v.id_number_error("11010519491231002X") is None
    assert v.is_valid_id_number("11010519491231002x")  # lower-case x accepted


@pytest.mark.parametrize(
    ("region", "birth", "seq"),
    [
        ("440514", "19800101", "123"),
        ("440514", "20000229", "456"),  # leap day
        ("110105", "19491231", "002"),
        ("650102", "20260601", "001"),  # born today
        ("810000", "19991231", "998"),
    ],
)
def test_computed_numbers_are_valid(region: str, birth: str, seq: str) -> None:
    number = make_id(region, birth, seq)
    assert v.id_number_error(number, today=TODAY) is None
    assert v.id_check_char(number[:17]) == number[17]


def test_every_wrong_check_digit_is_refused() -> None:
    number = make_id("440514", "19800101", "123")
    for wrong in "0123456789X":
        if wrong == number[17]:
            continue
        assert v.id_number_error(number[:17] + wrong) == "身份证号校验位错误"


def test_full_width_and_spaces_are_accepted() -> None:
    number = make_id("440514", "19800101", "123")
    full = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert v.is_valid_id_number(f"  {full} ")


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "不能为空"),
        ("4405141980010112", "应为 18 位"),
        ("44051419800101123456", "应为 18 位"),
        ("44051419800101A23X", "只能由数字组成"),
        ("X40514198001011234", "只能由数字组成"),
        (make_id("040514", "19800101", "123"), "地区码"),
        (make_id("440514", "19800230", "123"), "出生日期无效"),
        (make_id("440514", "19801301", "123"), "出生日期无效"),
        (make_id("440514", "18991231", "123"), "出生日期无效"),
        (make_id("440514", "20260602", "123"), "晚于今天"),
    ],
)
def test_invalid_numbers_name_the_reason(value: str, fragment: str) -> None:
    reason = v.id_number_error(value, today=TODAY)
    assert reason is not None
    assert fragment in reason


def test_reasons_in_english() -> None:
    lang.set_language("en")
    number = make_id("440514", "19800101", "123")
    bad = number[:17] + ("0" if number[17] != "0" else "1")
    assert v.id_number_error(bad) == "The check digit of the ID number is wrong"


def test_a_number_asked_again_is_answered_in_the_language_of_the_moment() -> None:
    """The verdict on a number is remembered (an import asks twice a row), its sentence
    is not."""
    number = make_id("440514", "19800101", "123")
    bad = number[:17] + ("0" if number[17] != "0" else "1")
    assert v.id_number_error(bad) == "身份证号校验位错误"
    lang.set_language("en")
    assert v.id_number_error(bad) == "The check digit of the ID number is wrong"


def test_digits_other_than_ascii_ones_are_refused_not_a_crash() -> None:
    number = make_id("440514", "19800101", "123")
    arabic_indic = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in number)
    reason = v.id_number_error(arabic_indic)
    assert reason is not None and "只能由数字组成" in reason
    assert v.id_number_facts(arabic_indic) is None
    with pytest.raises(ValueError, match=r"\d"):
        v.id_check_char(arabic_indic[:17])
    assert v.id_check_char("11010519491231002") == "X"


def test_birth_date_and_gender() -> None:
    man = make_id("440514", "19800101", "123")  # 3: odd
    woman = make_id("440514", "19751130", "124")  # 4: even
    assert v.birth_date_from_id(man) == date(1980, 1, 1)
    assert v.gender_from_id(man) is Gender.MALE
    assert v.birth_date_from_id(woman) == date(1975, 11, 30)
    assert v.gender_from_id(woman) is Gender.FEMALE
    assert v.gender_from_id("11010519491231002X") is Gender.FEMALE


def test_birth_date_and_gender_of_invalid_number_are_none() -> None:
    valid = make_id("440514", "19800101", "123")
    broken = valid[:17] + ("1" if valid[17] != "1" else "2")
    assert v.birth_date_from_id(broken) is None
    assert v.gender_from_id(broken) is None
    assert v.id_number_facts(broken) is None
    assert v.id_number_facts(valid) == (date(1980, 1, 1), Gender.MALE)
    assert v.decode_id_number(" " + valid.lower()) == (date(1980, 1, 1), Gender.MALE)
    with pytest.raises(ValueError, match="not a checked ID number"):
        v.decode_id_number("44051419801301123X")  # no 13th month


def test_id_check_char_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="123"):
        v.id_check_char("123")


# -- phones -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["13812345678", "19912345678", "+86 138 1234 5678", "１３８１２３４５６７８"]
)
def test_mobiles(value: str) -> None:
    assert v.is_mobile(value)
    assert v.mobile_error(value) is None
    assert v.phone_error(value) is None


@pytest.mark.parametrize(
    "value", ["12812345678", "1381234567", "138123456789", "23812345678", "1381234567a"]
)
def test_bad_mobiles(value: str) -> None:
    assert not v.is_mobile(value)
    assert "11 位" in (v.mobile_error(value) or "")


@pytest.mark.parametrize(
    "value",
    [
        "0754-87654321",
        "075487654321",
        "(0754)87654321",
        "020-3812345",
        "87654321",
        "8765432",
        "0754-87654321-123",
        "0754-87654321转8",
        "87654321 ext. 12",
    ],
)
def test_landlines(value: str) -> None:
    assert v.is_landline(value)
    assert v.landline_error(value) is None
    assert v.phone_error(value) is None


@pytest.mark.parametrize(
    "value", ["0754-1234", "0754-07654321", "754-87654321", "123456", "0754-87654321-", "电话"]
)
def test_bad_landlines(value: str) -> None:
    assert not v.is_landline(value)
    assert v.landline_error(value) is not None
    assert "0754-87654321" in (v.phone_error(value) or "")


# -- text -------------------------------------------------------------------------------


def test_normalise_text() -> None:
    assert v.normalise_text("  ＡＢＣ１２３　党支部  ") == "ABC123 党支部"
    assert v.normalise_text("陈店镇\t\n  党委") == "陈店镇 党委"
    assert v.normalise_text("（临时）") == "(临时)"
    assert v.normalise_text("党建共同体。") == "党建共同体。"  # CJK punctuation untouched
    assert v.normalise_text(None) == ""
    assert v.optional_text("   ") is None
    assert v.optional_text(" 司马 ") == "司马"


def test_to_halfwidth() -> None:
    assert v.to_halfwidth("ＡＢＣｘｙｚ０１９！～（）　") == "ABCxyz019!~() "
    # Only U+FF01..U+FF5E and the ideographic space; CJK punctuation stays.
    assert v.to_halfwidth("党建，共同体。｟") == "党建,共同体。｟"
    assert v.to_halfwidth("") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\xa0b", "a b"),
        (" \u3000 ", ""),
        ("a  b", "a b"),
        ("１２３", "123"),
        ("x·y", "x·y"),
        ("\t汉族\n", "汉族"),
    ],
)
def test_normalise_text_whitespace(text: str, expected: str) -> None:
    assert v.normalise_text(text) == expected


@pytest.mark.parametrize("text", ["汉族", "某某村委会 主任", "ABC 公司", "13812345678", "a·b"])
def test_text_already_normal_is_returned_as_it_is(text: str) -> None:
    """So that equal cells of a workbook keep sharing one string when imported."""
    value = "".join(list(text))
    assert v.to_halfwidth(value) is value
    assert v.normalise_text(value) is value


def test_strip_or_none_keeps_the_inner_text() -> None:
    assert v.strip_or_none(None) is None
    assert v.strip_or_none(" \t\n") is None
    assert v.strip_or_none("  ＡＢ  党支部 ") == "ＡＢ  党支部"


def test_name_key_ignores_width_case_spaces_and_dots() -> None:
    assert v.name_key("峡山街道 党工委") == v.name_key("峡山街道党工委")
    assert v.name_key("ＡＢＣ Co") == v.name_key("abcco")
    assert v.name_key("阿依古丽•买买提") == v.name_key("阿依古丽·买买提")
    assert v.name_key("峡山街道党工委") != v.name_key("陈店镇党委")


# -- dates ------------------------------------------------------------------------------


def test_date_order() -> None:
    a, b = date(2024, 1, 1), date(2024, 2, 1)
    assert v.date_order_error(a, b) is None
    assert v.date_order_error(a, a) is None
    assert v.date_order_error(None, a) is None
    assert v.date_order_error(b, a) == "结束日期不能早于开始日期"
    assert v.date_order_error(a, a, allow_equal=False) == "结束日期必须晚于开始日期"
    assert (
        v.date_order_error(b, a, first_label=("入党日期", "joining date"))
        == "结束日期不能早于入党日期"
    )


def test_future_date() -> None:
    assert v.future_date_error(TODAY, today=TODAY) is None
    assert v.future_date_error(None) is None
    assert v.future_date_error(date(2026, 6, 2), today=TODAY) == "日期不能晚于今天"
    lang.set_language("en")
    assert (
        v.future_date_error(date(2026, 6, 2), label=("成立日期", "founding date"), today=TODAY)
        == "The founding date cannot be in the future"
    )


def test_every_refused_character_is_unprintable() -> None:
    """clean_text skips its look at each character for a printable text."""
    from pbc_desktop.domain.validation import _refused_char

    printable_refused = [
        hex(code)
        for code in range(0x30000)
        if chr(code).isprintable() and _refused_char(chr(code), multiline=False)
    ]
    assert printable_refused == []


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("王  五", "王五"),  # padded in a register
        ("  王　五 ", "王五"),  # an ideographic space, spaces around
        ("张伟", "张伟"),
        ("阿依古丽 买买提", "阿依古丽买买提"),
        ("John  Smith", "John Smith"),  # Latin names keep one space
        ("王 Li", "王 Li"),
        ("", ""),
        (None, ""),
    ],
)
def test_person_names_lose_only_the_spaces_between_chinese_characters(
    typed: str | None, stored: str
) -> None:
    assert v.person_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "id_number", "phone"),
    [
        ("44519919870708413X", "44519919870708413X", "44519919870708413X"),
        ("44519919870708413x", "44519919870708413X", "44519919870708413x"),
        ("４４５１９９１９８７", "4451991987", "4451991987"),  # full-width digits
        ("445 199", "445199", "445199"),
        ("008613812345678", "008613812345678", "13812345678"),  # a country code
        ("13812345678", "13812345678", "13812345678"),
        ("X", "X", "X"),
        ("", "", ""),
        # invisible marks copied along from a web page or a chat
        ("\u200b445199", "445199", "445199"),
        ("445199\ufeff", "445199", "445199"),
        ("138\u200e1234\u200d5678", "13812345678", "13812345678"),
    ],
)
def test_numbers_already_normalised_are_kept_and_others_normalised(
    typed: str, id_number: str, phone: str
) -> None:
    assert (v.normalise_id_number(typed), v.normalise_phone(typed)) == (id_number, phone)


@pytest.mark.parametrize(
    ("text", "multiline", "refused"),
    [
        ("陈小明", False, None),
        ("陈 小明\t", False, None),  # spaces and tabs are kept as they came
        ("陈\u202e明小", False, "\u202e"),
        ("陈小明\x85", False, "\x85"),  # stripped by clean_text, refused as it came
        ("陈小明\n", False, "\n"),
        ("陈\r小明", False, "\n"),  # any line break is named as "\n"
        ("第一行\r\n\t第二行\u2028", True, None),
        ("第一行\n\x1b[31m", True, "\x1b"),
        (None, False, None),
    ],
)
def test_refused_character_checks_a_text_as_it_came(
    text: str | None, multiline: bool, refused: str | None
) -> None:
    assert v.refused_character(text, multiline=multiline) == refused


@pytest.mark.parametrize(
    "text",
    [
        "👨\u200d👩\u200d👧 全家参加",  # a family, as chat software joins it
        "👩🏽\u200d💻 线上学习",  # a skin tone before the joiner
        "❤️\u200d🔥",  # the emoji presentation selector before the joiner
        "🏳️\u200d🌈",
    ],
)
def test_a_joiner_between_two_emoji_is_accepted(text: str) -> None:
    assert v.text_error(text, ("备注", "remark"), multiline=True) is None
    assert v.refused_character(text, multiline=True) is None


@pytest.mark.parametrize(
    ("text", "position"),
    [("张\u200d三", 2), ("\u200d👍", 1), ("👍\u200d", 2), ("👍\u200d好", 2), ("a\u200d👍", 2)],
)
def test_a_joiner_anywhere_else_is_still_refused(text: str, position: int) -> None:
    error = v.text_error(text, ("备注", "remark"))
    assert error is not None
    assert f"第 {position} 个字符" in error
    assert "U+200D" in error
    assert v.refused_character(text) == "\u200d"
