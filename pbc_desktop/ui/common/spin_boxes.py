"""A spin box for decimals (scores) that reads what a Chinese input method types."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

from pbc_desktop.domain.validation import typed_number


class DecimalSpinBox(QDoubleSpinBox):
    """A ``QDoubleSpinBox`` taking ``４．５`` and ``0。5`` as ``4.5`` and ``0.5``
    (:func:`~pbc_desktop.domain.validation.typed_number`): Qt refuses those characters
    one by one, so ``0。5`` typed became ``05``, five points instead of half of one."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return super().validate(typed_number(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(typed_number(text))
