"""Dates between Python and Qt, and dates as the UI shows them (ISO, like the reports).

Every date field is a :class:`DateEdit` (the forms promote their ``QDateEdit`` to it): it
also takes a date typed from the keyboard as 2025-3-1, 2025/3/1, 2025.3.1 or 20250301.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCalendarWidget,
    QDateEdit,
    QToolTip,
    QWidget,
)

from pbc_desktop.domain.dates import (
    DateProblem,
    DateTextError,
    parse_date_text,
    typed_date_message,
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


class DateEdit(QDateEdit):
    """A date field that also reads dates typed from the keyboard.

    ``2025-3-1``, ``2025-03-01``, ``2025/3/1``, ``2025.3.1`` and ``20250301`` (the forms of
    :func:`~pbc_desktop.domain.dates.parse_date_text`) are taken when the field is left or
    Enter is pressed, and shown as the field's display format. Text that is no date, or a
    date that does not exist or lies outside the field's range, is refused: the field keeps
    its date, says why in a bubble, emits :attr:`refused` with the sentence and keeps it in
    :attr:`problem` until the clerk types again or picks a date (a ``FormDialog`` will not
    save meanwhile).
    """

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem: str | None = None
        self._kept = QDate()  # the date a refused text left in the field
        self._before = QDate()  # the date before the text now typed
        # A typed text is read when the typing is done (Enter, leaving the field, OK), not
        # at each key: 2025-3-1 on the way to 2025-3-15 is not taken and reformatted.
        self.setKeyboardTracking(False)
        self.dateChanged.connect(self._taken)

    def _taken(self, value: QDate) -> None:
        # Qt also says so when a refused text gives the field its date back: that date
        # is not taken.
        if value != self._kept:
            self.problem = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Characters and deletions are typed as in a text field (Qt's date field would
        type them into its year, month and day one at a time and make 2025-3-1 of them
        something else); the first one replaces the whole date. Other keys (arrows,
        Enter, Tab) work as in any date field."""
        text = event.text()
        typing = (text and text.isprintable()) or event.key() in _DELETING
        line = self.lineEdit()
        if not typing or line is None:
            super().keyPressEvent(event)
            return
        self.problem = None  # typing again: what is typed now is judged when done
        if not line.isModified():
            self._before = self.date()
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

    def _read(self, text: str) -> date | None:
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

    def _judge(self, text: str) -> bool | None:
        """True: a date the field takes; False: a whole date it refuses (none such, no day,
        out of range); None: no date of the forms typed (maybe one Qt's sections read)."""
        try:
            parse_date_text(text)
        except DateTextError as exc:
            return False if exc.problem is DateProblem.IMPOSSIBLE else None
        return self._read(text) is not None

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._special(text):
            return QValidator.State.Acceptable, text, pos
        verdict = self._judge(text)
        if verdict is not None:  # a refused one is said when the typing is done
            state = QValidator.State.Acceptable if verdict else QValidator.State.Intermediate
            return state, text, pos
        state = QValidator.State.Intermediate if _TYPING.match(text) else QValidator.State.Invalid
        return state, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        if self._special(text):
            return self.minimumDateTime()
        found = self._read(text)
        if found is None:
            return self.dateTime()
        return QDateTime(to_qdate(found), self.time())

    def fixup(self, text: str) -> str:
        shown = text.strip()
        if shown and not self._special(shown) and not self._judge(shown):
            self._refuse(shown)
        return text

    def _refuse(self, shown: str) -> None:
        try:
            typed = parse_date_text(shown)
        except DateTextError as exc:
            message = typed_date_message(shown, exc.problem)
        else:
            if typed.month_only:
                message = typed_date_message(shown, None)
            else:
                low, high = to_date(self.minimumDate()), to_date(self.maximumDate())
                if self.specialValueText():
                    low = date.fromordinal(low.toordinal() + 1)
                message = _out_of_range(shown, typed.value, low, high)
        # A date taken on the way (2025-2-3 of 2025-2-30) is not kept either.
        if self._before.isValid() and self._before != self.date():
            self.setDate(self._before)
        self.problem = message
        self._kept = self.date()
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        self.refused.emit(message)


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


def refused_date(parent: QWidget) -> DateEdit | None:
    """The first date field under ``parent`` holding text it refused, if any."""
    return next((e for e in parent.findChildren(DateEdit) if e.problem), None)


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
