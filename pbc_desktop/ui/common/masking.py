"""A stored person's ID number and phone in their editor: masked and read-only until asked.

The member editor, the 发展党员 applicant editor and the 流动党员 stay editor (a phone, no
ID number) load a stored record in full (they correct it); on a screen in a shared office
the numbers are shown as the listings show them (``domain/privacy.py``) until the user
clicks "Show ID number and phone" (or "Show the phone"). Beside a
masked ID number the birth date shows only its year, and ID numbers or phones written in
the remark are masked too. The form keeps what each masked field stands for, so saving a
masked form hands the service the stored values unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
)

from pbc_desktop.domain.privacy import mask_id_number, mask_phone, scrub_text


class MaskedNumbers(QObject):
    """The masking of one editor: its "Show ID number and phone" button (:attr:`button`,
    shown only while something is masked and the user may reveal it) and what the masked
    fields stand for (:meth:`text`, :meth:`remark`).

    The dialog builds it, loads the stored person, then calls :meth:`mask` unless the
    numbers are to be shown in full; a new record is typed in full and never masked.
    ``revealed`` is emitted once the numbers are shown in full.
    """

    revealed = Signal()

    def __init__(
        self,
        dialog: QDialog,
        buttons: QDialogButtonBox,
        *,
        id_edit: QLineEdit | None,
        phone_edit: QLineEdit,
        remark_edit: QPlainTextEdit,
        birth: tuple[QCheckBox, QDateEdit] | None,
        button_name: str,
    ) -> None:
        super().__init__(dialog)
        self._id_edit = id_edit
        self._phone_edit = phone_edit
        self._remark_edit = remark_edit
        self._birth = birth
        self._hidden: dict[QLineEdit, str] = {}  # a masked field → the text it stands for
        self._hidden_remark: str | None = None  # the remark, while shown with numbers masked
        # the birth date's display format and calendar popup while it shows only a year
        self._birth_shown: tuple[str, bool, bool] | None = None
        self._asking = (
            self.tr("Show ID number and phone")
            if id_edit is not None
            else self.tr("Show the phone")
        )
        self.button = buttons.addButton(self._asking, QDialogButtonBox.ButtonRole.ResetRole)
        self.button.setObjectName(button_name)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda _checked=False: self.show_numbers())
        self.button.hide()

    def mask(self) -> None:
        """Show the loaded ID number and phone masked and read-only until the user asks to
        see them (every account that may edit the record may: it corrects them)."""
        hint = self.tr("Partly hidden: click “{0}” to see or change it").format(self._asking)
        for edit, mask in ((self._id_edit, mask_id_number), (self._phone_edit, mask_phone)):
            text = edit.text() if edit is not None else ""
            if edit is None or not text:
                continue
            self._hidden[edit] = text
            edit.blockSignals(True)
            edit.setText(mask(text))
            edit.blockSignals(False)
            edit.setReadOnly(True)
            edit.setToolTip(hint)
        shown_date = self._birth is not None and self._birth[0].isChecked()
        if self._id_edit in self._hidden and shown_date:
            self._mask_birth_date(hint)
        remark = self._remark_edit.toPlainText()
        if scrub_text(remark) != remark:  # ID numbers or phones written in the remark
            self._hidden_remark = remark
            self._remark_edit.setPlainText(scrub_text(remark))
            self._remark_edit.setReadOnly(True)
            self._remark_edit.setToolTip(hint)
        self.button.setVisible(self.numbers_masked())

    def _mask_birth_date(self, hint: str) -> None:
        """Beside the masked ID number, the birth date shows only its year and is read-only."""
        assert self._birth is not None
        check, edit = self._birth
        self._birth_shown = (edit.displayFormat(), edit.calendarPopup(), check.isEnabled())
        edit.setDisplayFormat("yyyy")
        edit.setCalendarPopup(False)  # its calendar would show the whole date
        edit.setReadOnly(True)
        edit.setToolTip(hint)
        check.setEnabled(False)

    def _unmask_birth_date(self) -> None:
        if self._birth_shown is None or self._birth is None:
            return
        check, edit = self._birth
        display_format, popup, check_enabled = self._birth_shown
        edit.setDisplayFormat(display_format)
        edit.setCalendarPopup(popup)
        edit.setReadOnly(False)
        edit.setToolTip("")
        check.setEnabled(check_enabled)
        self._birth_shown = None

    def numbers_masked(self) -> bool:
        return bool(self._hidden) or self._hidden_remark is not None

    def birth_masked(self) -> bool:
        """The birth date shows only its year (its check box is disabled, its date held)."""
        return self._birth_shown is not None

    def show_numbers(self) -> None:
        """Show the ID number and phone in full, editable (nothing for an account that may
        not see them)."""
        if not self.numbers_masked():
            return
        for edit, text in self._hidden.items():
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)
            edit.setReadOnly(False)
            edit.setToolTip("")
        self._hidden.clear()
        if self._hidden_remark is not None:
            self._remark_edit.setPlainText(self._hidden_remark)
            self._remark_edit.setReadOnly(False)
            self._remark_edit.setToolTip("")
            self._hidden_remark = None
        self._unmask_birth_date()
        self.button.hide()
        (self._id_edit or self._phone_edit).setFocus()
        self.revealed.emit()

    def text(self, edit: QLineEdit) -> str:
        """What ``edit`` holds, or stands for while masked."""
        return self._hidden.get(edit, edit.text())

    def remark(self) -> str:
        """The remark as typed, or as stored while shown with its numbers masked."""
        if self._hidden_remark is not None:
            return self._hidden_remark
        return self._remark_edit.toPlainText()
