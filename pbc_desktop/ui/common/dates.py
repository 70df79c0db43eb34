"""Dates between Python and Qt, and dates as the UI shows them (ISO, like the reports)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QTime
from PySide6.QtWidgets import QAbstractButton, QCalendarWidget, QDateEdit, QWidget


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


#: The earliest date an optional date field holds; it shows blank and stands for "none".
NO_DATE = QDate(1949, 10, 1)


def optional_date_edit(
    value: date | None, parent: QWidget | None = None, *, blank: str = " "
) -> QDateEdit:
    """A date field that may be left empty (showing ``blank``): read it with :func:`date_of`."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(blank)
    edit.setDate(to_qdate(value) if value else NO_DATE)
    edit.calendarWidget().installEventFilter(_OpenOnToday(edit))
    return edit


class _OpenOnToday(QObject):
    """An empty optional date's calendar opens on the current month, not on NO_DATE's."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self._edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QCalendarWidget)
            and self._edit.date() == NO_DATE
        ):
            today = QDate.currentDate()
            watched.setCurrentPage(today.year(), today.month())
        return False


def date_of(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == edit.minimumDate() else to_date(value)


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(to_qdate(value))


def checked_date(check: QAbstractButton, edit: QDateEdit) -> date | None:
    """The date of a field that ``check`` turns on (e.g. "填写" beside a deadline): None
    unless the box is ticked and may be (one switched off for this kind of record)."""
    return to_date(edit.date()) if check.isChecked() and check.isEnabled() else None


def show_checked_date(check: QAbstractButton, edit: QDateEdit, value: date | None) -> None:
    """Show ``value`` in such a field: ticked and filled in, or unticked (``None``) with
    the field's date left as it is."""
    check.setChecked(value is not None)
    edit.setEnabled(value is not None)
    if value is not None:
        set_date(edit, value)


def set_date_capped(edit: QDateEdit, latest: date) -> None:
    """Show ``latest`` and allow no later date (the day something was done: not to come)."""
    edit.setMaximumDate(to_qdate(latest))
    set_date(edit, latest)


def fmt_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def fmt_datetime(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")
