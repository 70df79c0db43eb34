"""Spin boxes that read what a Chinese input method types: full-width digits (``３``) and
the point typed as ``。`` or ``．``. Qt refuses those characters one by one, so ``1。5``
typed became ``15`` and ``３`` nothing at all.

The forms promote their spin boxes to these (Designer's custom widgets, header
``pbc_desktop.ui.common.spin_boxes``); a spin box made in code is made as one of these.
"""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from pbc_desktop.domain.validation import typed_number


class DecimalSpinBox(QDoubleSpinBox):
    """A ``QDoubleSpinBox`` taking ``４．５`` and ``0。5`` as ``4.5`` and ``0.5``
    (:func:`~pbc_desktop.domain.validation.typed_number`): Qt refuses those characters
    one by one, so ``0。5`` typed became ``05``, five points instead of half of one."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return super().validate(typed_number(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(typed_number(text))


class IntSpinBox(QSpinBox):
    """A ``QSpinBox`` taking full-width digits (``２０２６``, ``３``) as typed by a Chinese
    input method, which Qt refuses."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return super().validate(typed_number(text), pos)

    def valueFromText(self, text: str) -> int:
        return super().valueFromText(typed_number(text))
