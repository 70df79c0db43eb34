"""The collection sheet as an editable grid: 实缴 typed as yuan, 补缴 and 预缴 as months.

One row per member (a branch holds at most a few hundred, so the whole sheet is one
service call). What the clerk typed is kept beside the sheet read and handed to the
service as :class:`SheetEntry` rows when saved.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from pbc_desktop.domain.fees import month_fee_cents
from pbc_desktop.domain.money import MoneyError, format_amount, typed_amount
from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.services.fees.collection import (
    MAX_MONTHS,
    CollectionSheet,
    SheetEntry,
    SheetRow,
)
from pbc_desktop.ui.common.labels import label

AnyIndex = QModelIndex | QPersistentModelIndex

NAME, CATEGORY, STANDARD, PAID, BACK, AHEAD, OWED = range(7)
EDITABLE = (PAID, BACK, AHEAD)
_OWED_BRUSH = QBrush(QColor("#c0392b"))


@dataclass(frozen=True)
class Typed:
    """What was typed for a member (None: nothing typed, the stored value stands)."""

    paid: Decimal | None = None
    paid_typed: bool = False
    back: int = 0
    ahead: int = 0


def paid_problem(text: str) -> tuple[Decimal | None, str | None]:
    """The amount typed as 实缴 (None: cleared), or why it is none: no number, a negative
    one, more than two decimals, more than any column holds."""
    if not text:
        return None, None
    amount = typed_amount(text)
    if amount is None or not amount.is_finite():
        # what was typed, but never an ID number or a phone pasted in the wrong cell
        return None, QCoreApplication.translate("FeeSheetModel", "“{0}” is not an amount").format(
            scrub_text(text)
        )
    if amount < 0:
        return None, QCoreApplication.translate("FeeSheetModel", "the amount cannot be negative")
    try:
        month_fee_cents(amount)
    except MoneyError as error:
        return None, error.message
    return amount, None


class FeeSheetModel(QAbstractTableModel):
    """``refused`` says, in a sentence naming the member and the column, why what was
    typed in a cell was not taken (the cell then keeps what it held)."""

    refused = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[SheetRow, ...] = ()
        self._typed: dict[int, Typed] = {}
        self.refusal: str | None = None  # why the last value typed was not taken

    # -- the sheet --------------------------------------------------------------------
    def set_sheet(self, sheet: CollectionSheet | None, *, keep_typed: bool = False) -> None:
        """Show ``sheet``; with ``keep_typed``, what was typed for its members stays."""
        kept = self._typed if keep_typed else {}
        self.beginResetModel()
        self._rows = sheet.rows if sheet is not None else ()
        members = {row.member_id for row in self._rows}
        self._typed = {m: typed for m, typed in kept.items() if m in members}
        self.endResetModel()

    def row_at(self, row: int) -> SheetRow:
        return self._rows[row]

    @property
    def changed(self) -> bool:
        return bool(self._typed)

    def entries(self) -> list[SheetEntry]:
        """The rows the clerk changed, as the service takes them."""
        return [
            SheetEntry(member_id, typed.paid if typed.paid_typed else None, typed.back, typed.ahead)
            for member_id, typed in self._typed.items()
        ]

    def paid_total(self) -> Decimal:
        """The month's 实缴 as the grid shows it: what was typed, else what is stored."""
        total = Decimal("0.00")
        for row in self._rows:
            typed = self._typed.get(row.member_id, Typed())
            total += (typed.paid if typed.paid_typed else row.paid) or Decimal(0)
        return total

    def fill_standard(self) -> int:
        """Every member with a standard and nothing paid yet pays the standard; the count."""
        filled = 0
        for index, row in enumerate(self._rows):
            typed = self._typed.get(row.member_id, Typed())
            if row.standard is None or row.paid is not None or typed.paid_typed:
                continue
            self._typed[row.member_id] = replace(typed, paid=row.standard, paid_typed=True)
            self.dataChanged.emit(self.index(index, PAID), self.index(index, PAID))
            filled += 1
        return filled

    # -- Qt -----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("FeeSheetModel", "Name"),
            QCoreApplication.translate("FeeSheetModel", "Category"),
            QCoreApplication.translate("FeeSheetModel", "Monthly standard"),
            QCoreApplication.translate("FeeSheetModel", "Paid"),
            QCoreApplication.translate("FeeSheetModel", "Back months"),
            QCoreApplication.translate("FeeSheetModel", "Months ahead"),
            QCoreApplication.translate("FeeSheetModel", "Owed months"),
        )[section]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        typed = self._typed.get(row.member_id, Typed())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return row.name
            if column == CATEGORY:
                return (
                    label(row.category)
                    if row.category
                    else QCoreApplication.translate("FeeSheetModel", "Not set")
                )
            if column == STANDARD:
                return format_amount(row.standard, grouped=False)
            if column == PAID:
                return format_amount(typed.paid if typed.paid_typed else row.paid, grouped=False)
            if column == BACK:
                return str(typed.back) if typed.back else ""
            if column == AHEAD:
                return str(typed.ahead) if typed.ahead else ""
            if column == OWED:
                return str(row.owed_months) if row.owed_months else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (NAME, CATEGORY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == OWED and row.owed_months:
            return _OWED_BRUSH
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        typed = self._typed.get(row.member_id, Typed())
        # typed with a Chinese input method: full-width digits and point (４０．５０)
        text = unicodedata.normalize("NFKC", str(value)).strip()
        problem = None
        if index.column() == PAID:
            amount, problem = paid_problem(text)
            typed = replace(typed, paid=amount, paid_typed=amount is not None)
        elif index.column() in (BACK, AHEAD):
            # a few digits only: a pasted row of thousands was past int()'s limit (a crash)
            if text and not (text.isdecimal() and len(text) <= 3 and int(text) <= MAX_MONTHS):
                problem = QCoreApplication.translate(
                    "FeeSheetModel", "a whole number of months from 0 to {0}"
                ).format(MAX_MONTHS)
            else:
                months = int(text or 0)
                if index.column() == BACK:
                    typed = replace(typed, back=months)
                else:
                    typed = replace(typed, ahead=months)
        else:
            return False
        self.refusal = None
        if problem is not None:
            column = self.headerData(index.column(), Qt.Orientation.Horizontal)
            self.refusal = QCoreApplication.translate("FeeSheetModel", "{0}, {1}: {2}.").format(
                row.name, column, problem
            )
            self.refused.emit(self.refusal)
            return False
        if typed == Typed():
            self._typed.pop(row.member_id, None)
        else:
            self._typed[row.member_id] = typed
        self.dataChanged.emit(index, index)
        return True
