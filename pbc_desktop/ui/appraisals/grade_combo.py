"""The grade cell of the appraisal grid: a combo box a clerk fills from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from pbc_desktop.domain.appraisals import AppraisalGrade, grade_for_key
from pbc_desktop.ui.common.combos import current_enum, fill_enum, select_data


class GradeCombo(QComboBox):
    """优秀/合格/基本合格/不合格 or blank. Typing 1–4 (or 优, 合, 基, 不) chooses a grade, 0,
    Delete or Backspace clears it, Enter moves on (:attr:`entered`); Tab moves as usual."""

    entered = Signal()

    def __init__(self, blank: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fill_enum(self, AppraisalGrade, blank)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def grade(self) -> AppraisalGrade | None:
        return current_enum(self, AppraisalGrade)

    def set_grade(self, grade: AppraisalGrade | None) -> None:
        select_data(self, grade.value if grade is not None else None, otherwise=0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0):
            self.set_grade(None)
            return
        grade = grade_for_key(event.text())
        if grade is not None:
            self.set_grade(grade)
            return
        super().keyPressEvent(event)
