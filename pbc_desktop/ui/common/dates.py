"""Dates between Python and Qt, and dates as the UI shows them (ISO, like the reports).

Every date field is a :class:`DateEdit` (the forms promote their ``QDateEdit`` to it): it
also takes a date typed from the keyboard as 2025-3-1, 2025/3/1, 2025.3.1 or 20250301.
Every date-and-time field is a :class:`DateTimeEdit` (promoted from ``QDateTimeEdit``): it
takes 2026-3-5 14:30, 2026.3.5 9:00, 20260305 0900 or 2026年3月5日 14时30分.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCalendarWidget,
    QDateEdit,
    QDateTimeEdit,
    QToolTip,
    QWidget,
)

from pbc_desktop.domain.dates import (
    DateProblem,
    DateTextError,
    at_time,
    parse_date_text,
    parse_datetime_text,
    typed_date_message,
    typed_datetime_message,
)
from pbc_desktop.lang import t


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


_DELETING = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
# What may still become a date while it is typed: digits (full-width too), separators.
_TYPING = re.compile(r"^[\d０-９\s\-./年月日号－．／]{0,16}$")
# ... and a date with a time of day.
_TYPING_TIME = re.compile(r"^[\d０-９\s\-./:：T年月日号时点分半－．／]{0,24}$")

# What a text read whole is refused for (the others may still become a date as typed).
_WHOLE_REFUSED = frozenset({DateProblem.IMPOSSIBLE, DateProblem.OUT_OF_YEARS})

if TYPE_CHECKING:
    _Field = QDateTimeEdit
else:
    _Field = object


class _TypedEntry(_Field):
    """What :class:`DateEdit` and :class:`DateTimeEdit` share: text typed from the keyboard
    is read when the typing is done (Enter, leaving the field, OK), by the field's
    :meth:`_read` (the value within the field's range, else None), :meth:`_judge` and
    :meth:`_refusal`. A refused text leaves the field's value as it was, says why in a
    bubble, emits ``refused`` with the sentence and keeps it in :attr:`problem` until the
    clerk types again or picks a value (a ``FormDialog`` will not save meanwhile).

    A plain mixin (a Qt class cannot be a base of both fields): each field declares its
    own ``refused`` signal and calls :meth:`_start_typing` from its ``__init__``."""

    refused: Signal
    problem: str | None
    _typing: re.Pattern[str]

    def _start_typing(self) -> None:
        self.problem = None
        self._kept = QDateTime()  # the value a refused text left in the field
        self._before = QDateTime()  # the value before the text now typed
        # A typed text is read when the typing is done, not at each key: 2025-3-1 on the
        # way to 2025-3-15 is not taken and reformatted.
        self.setKeyboardTracking(False)
        self.dateTimeChanged.connect(self._taken)

    def _read(self, text: str) -> QDateTime | None:
        raise NotImplementedError

    def _judge(self, text: str) -> bool | None:
        """True: a value the field takes; False: a whole one it refuses (none such, out of
        range); None: nothing of the forms typed (maybe what Qt's sections read)."""
        raise NotImplementedError

    def _refusal(self, shown: str) -> str:
        raise NotImplementedError

    def _taken(self, value: QDateTime) -> None:
        # Qt also says so when a refused text gives the field its value back: that value
        # is not taken.
        if value != self._kept:
            self.problem = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Characters and deletions are typed as in a text field (Qt's date field would
        type them into its year, month and day one at a time and make 2025-3-1 of them
        something else); the first one replaces the whole value. Other keys (arrows,
        Enter, Tab) work as in any date field."""
        text = event.text()
        typing = (text and text.isprintable()) or event.key() in _DELETING
        line = self.lineEdit()
        if not typing or line is None:
            super().keyPressEvent(event)
            return
        self.problem = None  # typing again: what is typed now is judged when done
        if not line.isModified():
            self._before = self.dateTime()
            line.selectAll()
        QAbstractSpinBox.keyPressEvent(self, event)

    def finish_typing(self) -> None:
        """Take (or refuse) what was typed and not yet taken, as leaving the field would."""
        line = self.lineEdit()
        if line is not None and line.isModified():
            self.interpretText()

    def _special(self, text: str) -> bool:
        special = self.specialValueText()
        return bool(special) and text.strip() == special.strip()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._special(text):
            return QValidator.State.Acceptable, text, pos
        verdict = self._judge(text)
        if verdict is not None:  # a refused one is said when the typing is done
            state = QValidator.State.Acceptable if verdict else QValidator.State.Intermediate
            return state, text, pos
        typing = self._typing.match(text)
        state = QValidator.State.Intermediate if typing else QValidator.State.Invalid
        return state, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        if self._special(text):
            return self.minimumDateTime()
        found = self._read(text)
        return self.dateTime() if found is None else found

    def fixup(self, text: str) -> str:
        shown = text.strip()
        if shown and not self._special(shown) and not self._judge(shown):
            self._refuse(shown)
        return text

    def _refuse(self, shown: str) -> None:
        message = self._refusal(shown)
        # A value taken on the way (2025-2-3 of 2025-2-30) is not kept either.
        if self._before.isValid() and self._before != self.dateTime():
            self.setDateTime(self._before)
        self.problem = message
        self._kept = self.dateTime()
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        self.refused.emit(message)


class DateEdit(_TypedEntry, QDateEdit):
    """A date field that also reads dates typed from the keyboard.

    ``2025-3-1``, ``2025-03-01``, ``2025/3/1``, ``2025.3.1`` and ``20250301`` (the forms of
    :func:`~pbc_desktop.domain.dates.parse_date_text`) are taken when the field is left or
    Enter is pressed, and shown as the field's display format. Text that is no date, or a
    date that does not exist or lies outside the field's range, is refused (see
    :class:`_TypedEntry`).
    """

    refused = Signal(str)
    _typing = _TYPING

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_typing()

    def _date_of(self, text: str) -> date | None:
        """The date ``text`` stands for within the field's range, else ``None``."""
        try:
            typed = parse_date_text(text)
        except DateTextError:
            return None
        if typed.month_only:
            return None
        low, high = to_date(self.minimumDate()), to_date(self.maximumDate())
        if self.specialValueText() and typed.value == low:
            return None  # that date stands for "none"
        return typed.value if low <= typed.value <= high else None

    def _read(self, text: str) -> QDateTime | None:
        found = self._date_of(text)
        return None if found is None else QDateTime(to_qdate(found), self.time())

    def _judge(self, text: str) -> bool | None:
        try:
            parse_date_text(text)
        except DateTextError as exc:
            return False if exc.problem in _WHOLE_REFUSED else None
        return self._date_of(text) is not None

    def _refusal(self, shown: str) -> str:
        try:
            typed = parse_date_text(shown)
        except DateTextError as exc:
            return typed_date_message(shown, exc.problem)
        if typed.month_only:
            return typed_date_message(shown, None)
        low, high = to_date(self.minimumDate()), to_date(self.maximumDate())
        if self.specialValueText():
            low = date.fromordinal(low.toordinal() + 1)
        return _out_of_range(shown, typed.value, low, high)


class DateTimeEdit(_TypedEntry, QDateTimeEdit):
    """A date-and-time field (shown ``yyyy-MM-dd HH:mm``) that also reads what is typed
    from the keyboard: ``2026-3-5 14:30``, ``2026.3.5 9:00``, ``20260305 0900``,
    ``2026年3月5日 14时30分`` (:func:`~pbc_desktop.domain.dates.parse_datetime_text`); a date
    alone keeps the field's time of day. Refused as :class:`DateEdit` refuses."""

    refused = Signal(str)
    _typing = _TYPING_TIME

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self._start_typing()

    def _moment(self, text: str) -> datetime | None:
        """The moment ``text`` stands for within the field's range, else ``None``."""
        try:
            typed = parse_datetime_text(text)
        except DateTextError:
            return None
        current = self.time()
        found = at_time(typed, time(current.hour(), current.minute()))
        low, high = to_datetime(self.minimumDateTime()), to_datetime(self.maximumDateTime())
        return found if low <= found <= high else None

    def _read(self, text: str) -> QDateTime | None:
        found = self._moment(text)
        return None if found is None else to_qdatetime(found)

    def _judge(self, text: str) -> bool | None:
        try:
            parse_datetime_text(text)
        except DateTextError as exc:
            return False if exc.problem in _WHOLE_REFUSED else None
        return self._moment(text) is not None

    def _refusal(self, shown: str) -> str:
        try:
            typed = parse_datetime_text(shown)
        except DateTextError as exc:
            return typed_datetime_message(shown, exc.problem)
        low, high = to_date(self.minimumDate()), to_date(self.maximumDate())
        return _out_of_range(shown, typed.day, low, high)


def _out_of_range(shown: str, value: date, low: date, high: date) -> str:
    if value > high:
        return t(
            f"“{shown}”晚于这里能填的最后一天 {high.isoformat()}。",
            f"“{shown}” is after {high.isoformat()}, the last day this field takes.",
        )
    return t(
        f"“{shown}”早于这里能填的第一天 {low.isoformat()}。",
        f"“{shown}” is before {low.isoformat()}, the first day this field takes.",
    )


def typed_fields(parent: QWidget) -> list[DateEdit | DateTimeEdit]:
    """The date and date-and-time fields under ``parent`` that read typed text."""
    return [*parent.findChildren(DateEdit), *parent.findChildren(DateTimeEdit)]


def refused_date(parent: QWidget) -> DateEdit | DateTimeEdit | None:
    """The first date (or date-and-time) field under ``parent`` holding text it refused."""
    return next((e for e in typed_fields(parent) if e.problem), None)


#: The earliest date an optional date field holds; it shows blank and stands for "none".
NO_DATE = QDate(1949, 10, 1)


def optional_date_edit(
    value: date | None, parent: QWidget | None = None, *, blank: str = " "
) -> DateEdit:
    """A date field that may be left empty (showing ``blank``): read it with :func:`date_of`."""
    edit = DateEdit(parent)
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
