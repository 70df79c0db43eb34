"""Every spin box reads what a Chinese input method types: full-width digits, and 。 or ．
for the point (Qt's own refuse them, so ``1。5`` became 15 and ``３`` nothing)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from pbc_desktop.paths import forms_dir
from pbc_desktop.ui.common.spin_boxes import DecimalSpinBox, IntSpinBox
from tests.qt_helpers import type_text


def typed_into(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    qtbot.addWidget(spin)
    spin.show()
    spin.setFocus()
    spin.selectAll()
    type_text(qtbot, spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


@pytest.mark.parametrize(("typed", "value"), [("３", 3), ("２０２６", 2026), ("1２", 12)])
def test_an_integer_spin_box_takes_full_width_digits(qtbot: QtBot, typed: str, value: int) -> None:
    spin = IntSpinBox()
    spin.setRange(0, 3000)
    typed_into(qtbot, spin, typed)
    assert spin.value() == value


@pytest.mark.parametrize(("typed", "value"), [("1。5", 1.5), ("３", 3.0), ("１．５", 1.5)])
def test_a_decimal_spin_box_takes_the_point_of_an_input_method(
    qtbot: QtBot, typed: str, value: float
) -> None:
    spin = DecimalSpinBox()
    spin.setDecimals(1)
    typed_into(qtbot, spin, typed)
    assert spin.value() == value


@pytest.mark.parametrize("ui_file", sorted(forms_dir().glob("*.ui")), ids=lambda p: p.stem)
def test_no_form_has_a_plain_qt_spin_box(ui_file: Path) -> None:
    """A form's spin boxes are promoted to ours (Designer: Promote to…, header
    ``pbc_desktop.ui.common.spin_boxes``)."""
    plain = [
        w.get("name")
        for w in ET.parse(ui_file).getroot().iter("widget")
        if w.get("class") in ("QSpinBox", "QDoubleSpinBox")
    ]
    assert plain == []
