"""Combo boxes whose entries carry data: fill them, select by data, read the data back.

Entries of an enum carry the member's code (Qt hands string enums back as plain strings);
entries of records carry their id.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.ui.common.labels import label

E = TypeVar("E", bound=LabeledEnum)


class Named(Protocol):
    """A record offered for choice (``services.scope.Choice``, ``OrgChoice``, …)."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


class _ContentsWidth(QObject):
    """Keeps a combo's minimum contents length at its widest entry, between ``least`` and
    ``most`` letters X, as entries come and go; and its minimum width at its first entry's
    (see :func:`widen_to_contents`)."""

    def __init__(self, combo: QComboBox, least: int, most: int) -> None:
        super().__init__(combo)
        self.combo = combo
        self.least = least
        self.most = most
        self.widest = 0
        combo.setMinimumContentsLength(least)
        self.narrowest = combo.minimumSizeHint().width()
        model = combo.model()
        model.rowsInserted.connect(self._added)
        model.rowsRemoved.connect(self._measure_all)
        model.modelReset.connect(self._measure_all)
        model.dataChanged.connect(self._measure_all)
        self._measure_all()

    def _added(self, _parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        self._fit(max(self.widest, self._width(range(first, last + 1))), first == 0)

    def _measure_all(self) -> None:
        self._fit(self._width(range(self.combo.count())), True)

    def _width(self, rows: range) -> int:
        metrics = self.combo.fontMetrics()
        return max((metrics.horizontalAdvance(self.combo.itemText(r)) for r in rows), default=0)

    def _fit(self, widest: int, first_changed: bool) -> None:
        self.widest = widest
        x = max(1, self.combo.fontMetrics().horizontalAdvance("X"))
        self.combo.setMinimumContentsLength(max(self.least, min(self.most, math.ceil(widest / x))))
        if first_changed:  # the frame and arrow are what 8 letters X leave of the width
            chrome = self.narrowest - self.least * x
            self.combo.setMinimumWidth(max(self.narrowest, chrome + self._width(range(1))))


def widen_to_contents(combo: QComboBox, least: int = 8, most: int = 22) -> None:
    """Let ``combo`` ask for the width of its widest entry (``least`` to ``most`` letters
    X) and keep the width of its first (the filter's default, "All communities" whole,
    not "All communitie"); narrower entries than ``least`` letters still take that."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    _ContentsWidth(combo, least, most)


def searchable(combo: QComboBox, max_length: int | None = None) -> None:
    """An editable combo whose entries are found by any part of their text, offered in a
    list under it: never completed in the line itself, where the rest of a name found by
    its middle would follow the letters typed (和平 + 和平镇委员会 for 中共和平镇委员会),
    a name that no entry has."""
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is not None:
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    line_edit = combo.lineEdit()
    if line_edit is not None and max_length is not None:
        line_edit.setMaxLength(max_length)


def fill(
    combo: QComboBox,
    entries: Iterable[tuple[str, object]],
    blank: str | None = None,
    *,
    keep_current: bool = False,
) -> None:
    """Replace the entries by ``entries`` (caption, data), after ``blank`` (data None).

    With ``keep_current``, quietly (no signals) keep the current choice when it still
    exists, else select the first entry.
    """
    current = combo.currentData()
    if keep_current:
        combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for caption, data in entries:
        combo.addItem(caption, data)
    if keep_current:
        select_data(combo, current, otherwise=0)
        combo.blockSignals(False)


def fill_choices(
    combo: QComboBox,
    choices: Iterable[Named],
    blank: str | None = None,
    *,
    keep_current: bool = False,
) -> None:
    """Replace the entries by ``choices`` (name shown, id as data), after ``blank``."""
    fill(combo, ((c.name, c.id) for c in choices), blank, keep_current=keep_current)


def fill_enum(combo: QComboBox, members: Iterable[LabeledEnum], blank: str | None = None) -> None:
    """Replace the entries by ``members`` (an enum class or some of its members), labelled in
    the UI language (the member's code as data), after ``blank``."""
    fill(combo, ((label(m), m.value) for m in members), blank)


def find_data(combo: QComboBox, value: object) -> int:
    """Like ``QComboBox.findData``, but compares Python values (enums included); -1 if absent."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            return i
    return -1


def select_data(combo: QComboBox, value: object, otherwise: int | None = None) -> bool:
    """Select the entry holding ``value``; True when there is one.

    When there is none, select index ``otherwise`` (0: the first entry, -1: none), or leave
    the selection as it is when ``otherwise`` is None.
    """
    index = find_data(combo, value)
    if index >= 0:
        combo.setCurrentIndex(index)
        return True
    if otherwise is not None:
        combo.setCurrentIndex(otherwise)
    return False


def select_adding(combo: QComboBox, value: object) -> None:
    """Select ``value``, first adding an entry for it when the combo has none.

    For a filter set from elsewhere (the dashboard) to a value not among the choices.
    """
    if value not in (None, "") and find_data(combo, value) < 0:
        combo.addItem(str(value), value)
    select_data(combo, value, otherwise=0)


def current_enum(combo: QComboBox, enum_cls: type[E]) -> E | None:
    """The current entry as an enum member (None for a blank or an unknown entry)."""
    data = combo.currentData()
    if data is None:
        return None
    try:
        return enum_cls.from_label(str(data))
    except ValueError:
        return None


def as_enum(enum_cls: type[E], value: E | str | None) -> E | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, enum_cls) else enum_cls.from_label(str(value))
