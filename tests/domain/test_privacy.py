"""The masking scheme (domain/privacy.py): nothing shown lets the hidden part be rebuilt."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop.domain import privacy


def test_id_number_shows_only_its_last_four() -> None:
    assert privacy.mask_id_number("44051419850302416X") == "**************416X"
    assert privacy.mask_id_number(" 440514198503024161 ") == "**************4161"
    assert privacy.mask_id_number("") == ""
    assert privacy.mask_id_number(None) == ""
    assert privacy.mask_id_number("123") == "***"


def test_masked_id_keeps_no_birth_digits_and_birth_date_keeps_only_the_year() -> None:
    masked = privacy.mask_id_number("44051419850302416X")
    assert "19850302" not in masked
    assert "440514" not in masked
    assert privacy.mask_birth_date(date(1985, 3, 2)) == "1985"
    assert privacy.mask_birth_date(None) == ""


def test_phone_keeps_first_three_and_last_four() -> None:
    assert privacy.mask_phone("13812345678") == "138****5678"
    assert privacy.mask_phone("0754-87654321") == "075******4321"
    assert privacy.mask_phone("") == ""


def test_a_short_phone_hides_four_digits_too() -> None:
    """An 8-digit landline without its area code showed 7 of its 8 digits (``876*4321``)."""
    assert privacy.mask_phone("87654321") == "****4321"
    assert privacy.mask_phone("876543210") == "*****3210"
    assert privacy.mask_phone("8765432") == "*****32"
    assert privacy.mask_phone("12") == "12"
    for length in range(1, 20):
        start, end = privacy.phone_shown(length)
        assert length - start - end >= min(privacy.PHONE_HIDDEN_AT_LEAST, length - 2)


def test_scrub_text_masks_ids_and_phones_in_free_text() -> None:
    text = (
        "[parameters: ('张三', '44051419850302416X', '13812345678')] "
        "tel 0754-87654321, +86 138 1234 5678, old id 440514850302416"
    )
    scrubbed = privacy.scrub_text(text)
    for secret in ("44051419850302416X", "13812345678", "87654321", "1234 5678", "440514850302416"):
        assert secret not in scrubbed
    assert "张三" in scrubbed
    assert "416X" in scrubbed
    assert not privacy.contains_personal_numbers(scrubbed)
    assert privacy.contains_personal_numbers(text)


def test_scrub_text_leaves_ordinary_numbers() -> None:
    text = "第12行: 2026年 共 3000 人, id=42, 版本 0001, 时间 20261204"
    assert privacy.scrub_text(text) == text


def test_record_uuids_are_not_taken_for_numbers() -> None:
    # Digit groups of a UUID can look like a landline (0754-87654321) or a grouped ID.
    text = "修改党员 b3233186-4123-8765-0754-87654321abcd 与 20261204-4123-4567-8901-234567890123"
    assert not privacy.contains_personal_numbers(text)
    assert privacy.scrub_text(text) == text
    beside = "b3233186-4123-8765-0754-87654321abcd 电话 13812345678"
    assert privacy.scrub_text(beside) == "b3233186-4123-8765-0754-87654321abcd 电话 138****5678"


def test_file_digests_are_not_taken_for_numbers() -> None:
    # An attachment's SHA-256 in the audit log: "a0873615658a" read as a landline made the
    # suite's privacy guard fail one run in a few hundred (the test files are random).
    digest = "363ca3fd394cbb71d7739e85ee06a0873615658a138bc83ee3d93f4b9e291524"
    text = f'{{"filename": "合影.jpg", "sha256": "{digest}", "size": 300000}}'
    assert not privacy.contains_personal_numbers(text)
    assert privacy.scrub_text(text) == text
    assert privacy.scrub_text(f"{digest} 电话 13812345678") == f"{digest} 电话 138****5678"
    # one hex digit short it is no digest: read as before
    assert privacy.contains_personal_numbers(digest[1:])


def test_scrub_quoted_masks_what_a_message_quotes_and_keeps_its_examples() -> None:
    text = "入党日期“44051419850302416X”无法识别；电话号码格式不正确，应为手机号（如 13812345678）"
    assert privacy.scrub_quoted(text) == (
        "入党日期“**************416X”无法识别；电话号码格式不正确，应为手机号（如 13812345678）"
    )
    assert privacy.scrub_quoted("所在党组织“文光村13912345678”“丙”") == (
        "所在党组织“文光村139****5678”“丙”"
    )


def test_a_cell_error_quotes_its_cell_masked() -> None:
    from pbc_desktop.domain.member_cells import CellError, parse_date

    with pytest.raises(CellError) as info:
        parse_date("13812345678", "joined_on")
    assert "“138****5678”" in info.value.message
    assert "13812345678" not in str(info.value)


def test_an_id_number_typed_one_or_two_characters_short_is_masked() -> None:
    """17 of 18 characters leave only the check character, which anyone can compute."""
    for short in ("44051419850302416", "4405141985030241", "4405141985030241X"):
        text = f"身份证 {short}，待核"
        assert privacy.contains_personal_numbers(text)
        assert privacy.scrub_text(text) == f"身份证 {'*' * (len(short) - 4)}{short[-4:]}，待核"
    assert not privacy.contains_personal_numbers("x 123456789012345678901")  # not an ID's length


def test_a_mobile_typed_one_digit_short_or_long_is_masked() -> None:
    """``1381234567`` or ``138123456789`` in a remark shows all but a digit of the phone."""
    cases = {
        "去向：深圳，电话1381234567。": "去向：深圳，电话******4567。",
        "手机 138123456789 待核": "手机 138*****6789 待核",
        "tel 139-1234-567, 159 1234 56789": "tel ******4567, 159*****6789",
        "电话１３８１２３４５６７": "电话******４５６７",
    }
    for text, masked in cases.items():
        assert privacy.contains_personal_numbers(text), text
        assert privacy.scrub_text(text) == masked
        assert not privacy.contains_personal_numbers(masked)


def test_numbers_a_digit_from_a_mobile_that_are_no_mobile_stay() -> None:
    text = (
        "金额 1500000000.00 元, 比例 0.1523456789, 编号 2024120112, 时间 202612071030, "
        "行 1381234567890, 20241201, 0.5"
    )
    assert not privacy.contains_personal_numbers(text)
    assert privacy.scrub_text(text) == text
