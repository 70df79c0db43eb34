"""Dates between Python and Qt, and dates as the UI shows them (ISO, like the reports)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_datetime(value: QDateTime) -> datetime:
    """To the minute (seconds dropped)."""
    d, tm = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), tm.hour(), tm.minute())


def to_qdatetime(value: datetime) -> QDateTime:
    """To the minute (seconds dropped)."""
    return QDateTime(to_qdate(value), QTime(value.hour, value.minute))


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(to_qdate(value))


def set_date_capped(edit: QDateEdit, latest: date) -> None:
    """Show ``latest`` and allow no later date (the day something was done: not to come)."""
    edit.setMaximumDate(to_qdate(latest))
    set_date(edit, latest)


def fmt_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def fmt_datetime(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")
