"""What the small record dialogs share: an error line, marked fields, save on OK."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QLabel, QWidget

from pbc_desktop.errors import UserError, ValidationError
from pbc_desktop.services.scope import Choice
from pbc_desktop.ui.common import messages


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(to_qdate(value))


def fill_choices(combo: QComboBox, choices: list[Choice], blank: str | None = None) -> None:
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for choice in choices:
        combo.addItem(choice.name, choice.id)


def select_data(combo: QComboBox, value: object) -> None:
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return


class FormDialog(QDialog):
    """Subclasses build their ``Ui_*``, fill ``field_widgets`` and implement :meth:`save`."""

    saved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_widgets: dict[str, QWidget] = {}
        self.saved_id = 0

    def init_form(self, error_label: QLabel) -> None:
        self._error_label = error_label
        error_label.hide()

    def save(self) -> int:
        """Write through the service; return the record's id. Raise ``UserError`` to refuse."""
        raise NotImplementedError

    def show_error(self, text: str | None) -> None:
        self._error_label.setText(text or "")
        self._error_label.setVisible(bool(text))

    def accept(self) -> None:
        try:
            self.saved_id = self.save()
        except ValidationError as exc:
            self.show_error(exc.message)
            messages.mark_fields(self.field_widgets, exc)
            return
        except UserError as exc:
            self.show_error(exc.message)
            return
        super().accept()
        self.saved.emit(self.saved_id)
