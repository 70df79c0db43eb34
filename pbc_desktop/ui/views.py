"""The record table every tab uses: whole-row selection, read-only, columns sized to fit."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

MAX_FITTED_WIDTH = 260


def make_record_table(parent: QWidget, object_name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(object_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def fit_columns(table: QTableView, max_width: int = MAX_FITTED_WIDTH) -> None:
    """Size columns to the loaded rows (never wider than ``max_width``) once, on first data.

    Later resets keep the user's widths.
    """
    if table.property("columnsFitted") or table.model() is None:
        return
    if table.model().rowCount() == 0:
        return
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, min(header.sectionSize(column) + 12, max_width))
    table.setProperty("columnsFitted", True)


def attach_model(table: QTableView, model: QAbstractItemModel) -> None:
    """Show ``model`` in ``table`` and fit the columns once the first rows arrive."""
    table.setModel(model)
    fit_columns(table)
    model.modelReset.connect(lambda: fit_columns(table))
