"""Display text of domain values in the current UI language."""

from __future__ import annotations

from datetime import date, datetime

from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.lang import language


def label(value: LabeledEnum | None) -> str:
    return "" if value is None else value.label(language())


def fmt_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def fmt_datetime(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")
