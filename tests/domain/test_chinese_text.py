"""Numbers and dates written out in Chinese."""

from __future__ import annotations

from datetime import date, datetime

from pbc_desktop.domain.chinese_text import chinese_number, format_time_range, month_words


def test_chinese_numbers() -> None:
    expected = {1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 40: "四十"}
    expected |= {100: "一百", 105: "一百零五", 110: "一百一十", 1001: "一千零一"}
    for n, text in expected.items():
        assert chinese_number(n) == text


def test_time_range_formats() -> None:
    start = datetime(2026, 3, 12, 14, 30)
    assert format_time_range(start, None) == "2026年3月12日 14:30"
    assert format_time_range(start, datetime(2026, 3, 12, 16, 0)) == ("2026年3月12日 14:30—16:00")
    assert format_time_range(start, datetime(2026, 3, 13, 9, 0)) == (
        "2026年3月12日 14:30—2026年3月13日 09:00"
    )


def test_month_words() -> None:
    assert month_words(date(2026, 3, 1)) == "2026年3月"
    assert month_words(date(2025, 12, 31)) == "2025年12月"
