"""Numbers and dates written out in Chinese, as official papers print them."""

from __future__ import annotations

from datetime import date, datetime

CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (for headings 一、二、三)."""
    if n <= 0:
        return CHINESE_DIGITS[0] if n == 0 else str(n)
    if n >= 10000:
        return str(n)
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out = ""
    rest = n
    zero = False
    for value, unit in units:
        digit, rest = divmod(rest, value)
        if digit:
            if zero:
                out += CHINESE_DIGITS[0]
                zero = False
            out += ("" if value == 10 and digit == 1 and not out else CHINESE_DIGITS[digit]) + unit
        elif out:
            zero = True
    if rest:
        if zero:
            out += CHINESE_DIGITS[0]
        out += CHINESE_DIGITS[rest]
    return out


def month_words(month: date) -> str:
    """2026-03 → 2026年3月."""
    return f"{month.year}年{month.month}月"


def format_date(value: datetime) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def format_time_range(start: datetime, end: datetime | None) -> str:
    """ "2026年3月12日 14:30—16:00"; the end's date is repeated only when it differs."""
    text = f"{format_date(start)} {start:%H:%M}"
    if end is None or end <= start:
        return text
    if end.date() == start.date():
        return f"{text}—{end:%H:%M}"
    return f"{text}—{format_date(end)} {end:%H:%M}"
