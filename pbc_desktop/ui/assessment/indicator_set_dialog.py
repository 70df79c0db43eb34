"""Create or edit a year's indicator system (标准体系): categories, indicators, thresholds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.indicators import METRICS, SCORE_DECIMALS
from pbc_desktop.errors import FieldError, UserError, ValidationError
from pbc_desktop.lang import language
from pbc_desktop.services.assessments import indicator_sets
from pbc_desktop.services.community_figures import metric_label
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import fill, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.spin_boxes import DecimalSpinBox
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.forms.ui_indicator_set_dialog import Ui_IndicatorSetDialog

COL_CATEGORY, COL_NAME, COL_MAX, COL_METRIC, COL_GUIDANCE = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole
SOURCE_DEFAULT, SOURCE_LAST_YEAR = "default", "last_year"


class IndicatorSetDialog(FormDialog):
    """With ``year`` of an existing system: edit it. Otherwise create one for a new year.

    ``saved`` sends the year.
    """

    def __init__(
        self,
        ctx: AppContext,
        year: int,
        parent: QWidget | None = None,
        *,
        create: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = self.use_form(Ui_IndicatorSetDialog)
        self.creating = create
        self.view = None if create else indicator_sets.get_indicator_set(ctx.db, year)
        self.read_version = self.view.version if self.view is not None else None
        if not create and self.view is None:
            self.creating = True
        table = self.ui.indicatorsTable
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(30)
        table.setWordWrap(False)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_GUIDANCE, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(COL_CATEGORY, 90)
        table.setColumnWidth(COL_NAME, 190)
        table.setColumnWidth(COL_MAX, 80)
        table.setColumnWidth(COL_METRIC, 170)
        self.field_widgets = {
            "name": self.ui.nameEdit,
            "excellent_min": self.ui.excellentSpin,
            "good_min": self.ui.goodSpin,
            "pass_min": self.ui.passSpin,
            "indicators": self.ui.indicatorsTable,
        }
        ui = self.ui
        ui.yearSpin.setValue(year)
        if self.creating:
            self.setWindowTitle(self.tr("New indicator system"))
            ui.sourceCombo.addItem(self.tr("The standard system (default)"), SOURCE_DEFAULT)
            ui.sourceCombo.addItem(self.tr("Copy of last year's"), SOURCE_LAST_YEAR)
            ui.yearSpin.valueChanged.connect(self._load_source)
            ui.sourceCombo.currentIndexChanged.connect(self._load_source)
            self._load_source()
        else:
            assert self.view is not None
            self.setWindowTitle(self.tr("Indicator system of {0}").format(self.view.year))
            ui.yearSpin.setEnabled(False)
            ui.sourceLabel.hide()
            ui.sourceCombo.hide()
            self._load(self.view.as_input())
            if self.view.finished:
                self.show_error(
                    self.tr(
                        "{0} assessments of this year are finished, so the system is locked; "
                        "reopen them before changing it."
                    ).format(self.view.finished)
                )
                ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self._guard_writes()
        ui.addButton.clicked.connect(self.add_row)
        ui.removeButton.clicked.connect(self.remove_row)
        ui.upButton.clicked.connect(lambda: self._move(-1))
        ui.downButton.clicked.connect(lambda: self._move(1))
        table.itemChanged.connect(lambda _item: self.update_totals())
        table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _guard_writes(self) -> None:
        """The system is the district's: anyone else sees it, changes nothing."""
        ui = self.ui
        self.writes = WriteGuard(self.ctx, self)
        rule = Permission.DISTRICT_RULES
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        open_to_change = save.isEnabled()  # not locked by finished assessments
        self.writes.add(save, rule, when=lambda: open_to_change)
        table = ui.indicatorsTable
        for widget, when in (
            (ui.addButton, None),
            (ui.removeButton, lambda: 0 <= self._current() < table.rowCount()),
            (ui.upButton, lambda: self._current() > 0),
            (ui.downButton, lambda: 0 <= self._current() < table.rowCount() - 1),
            (ui.nameEdit, None),
            (ui.excellentSpin, None),
            (ui.goodSpin, None),
            (ui.passSpin, None),
        ):
            self.writes.add(widget, rule, when=when)
        if not self.writes.allows(rule):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for row in range(table.rowCount()):
                for col in (COL_MAX, COL_METRIC):
                    cell = table.cellWidget(row, col)
                    if cell is not None:
                        cell.setEnabled(False)

    # -- loading ---------------------------------------------------------------------------
    def _load_source(self) -> None:
        year = self.ui.yearSpin.value()
        data = indicator_sets.default_set_input(year)
        if self.ui.sourceCombo.currentData() == SOURCE_LAST_YEAR:
            last = indicator_sets.latest_set_before(self.ctx.db, year)
            if last is None:
                self.show_error(
                    self.tr("There is no earlier indicator system; the default is shown.")
                )
            else:
                self.show_error(None)
                old = last.as_input()
                data = indicator_sets.IndicatorSetInput(
                    name=old.name.replace(str(last.year), str(year)),
                    excellent_min=old.excellent_min,
                    good_min=old.good_min,
                    pass_min=old.pass_min,
                    indicators=tuple(
                        indicator_sets.IndicatorInput(
                            i.category, i.name, i.max_score, i.guidance, i.metric
                        )
                        for i in old.indicators
                    ),
                )
        else:
            self.show_error(None)
        self._load(data)

    def _load(self, data: indicator_sets.IndicatorSetInput) -> None:
        ui = self.ui
        ui.nameEdit.setText(data.name)
        ui.excellentSpin.setValue(data.excellent_min)
        ui.goodSpin.setValue(data.good_min)
        ui.passSpin.setValue(data.pass_min)
        table = ui.indicatorsTable
        table.blockSignals(True)
        table.setRowCount(0)
        for ind in data.indicators:
            self._append(ind)
        table.blockSignals(False)
        self.update_totals()

    def _append(self, ind: indicator_sets.IndicatorInput, row: int | None = None) -> int:
        table = self.ui.indicatorsTable
        row = table.rowCount() if row is None else row
        table.insertRow(row)
        category = QTableWidgetItem(ind.category)
        category.setData(ID_ROLE, ind.id)
        table.setItem(row, COL_CATEGORY, category)
        table.setItem(row, COL_NAME, QTableWidgetItem(ind.name))
        guidance = QTableWidgetItem(ind.guidance or "")
        guidance.setToolTip(ind.guidance or "")
        table.setItem(row, COL_GUIDANCE, guidance)
        spin = DecimalSpinBox(table)
        spin.setDecimals(SCORE_DECIMALS)
        spin.setSingleStep(0.5)
        spin.setRange(0, 100)
        spin.setValue(ind.max_score)
        spin.valueChanged.connect(self.update_totals)
        table.setCellWidget(row, COL_MAX, spin)
        combo = QComboBox(table)
        fill(combo, ((metric_label(code, language()), code) for code in METRICS), self.tr("(none)"))
        select_data(combo, ind.metric or None, otherwise=0)
        table.setCellWidget(row, COL_METRIC, combo)
        return row

    # -- reading the table -----------------------------------------------------------------
    def _text(self, row: int, col: int) -> str:
        item = self.ui.indicatorsTable.item(row, col)
        return item.text() if item is not None else ""

    def _row_input(self, row: int) -> indicator_sets.IndicatorInput:
        table = self.ui.indicatorsTable
        spin = table.cellWidget(row, COL_MAX)
        combo = table.cellWidget(row, COL_METRIC)
        category = table.item(row, COL_CATEGORY)
        raw_id = category.data(ID_ROLE) if category is not None else None
        metric = combo.currentData() if isinstance(combo, QComboBox) else None
        return indicator_sets.IndicatorInput(
            category=self._text(row, COL_CATEGORY),
            name=self._text(row, COL_NAME),
            max_score=spin.value() if isinstance(spin, QDoubleSpinBox) else 0.0,
            guidance=self._text(row, COL_GUIDANCE) or None,
            metric=metric if isinstance(metric, str) else None,
            id=int(raw_id) if isinstance(raw_id, int) else None,
        )

    def data(self) -> indicator_sets.IndicatorSetInput:
        return indicator_sets.IndicatorSetInput(
            name=self.ui.nameEdit.text(),
            excellent_min=self.ui.excellentSpin.value(),
            good_min=self.ui.goodSpin.value(),
            pass_min=self.ui.passSpin.value(),
            indicators=tuple(self._row_input(r) for r in range(self.ui.indicatorsTable.rowCount())),
            version=self.read_version,
        )

    def update_totals(self) -> None:
        data = self.data()
        totals: dict[str, float] = {}
        for ind in data.indicators:
            key = ind.category.strip() or self.tr("(no category)")
            totals[key] = totals.get(key, 0) + ind.max_score
        parts = ", ".join(f"{c} {v:g}" for c, v in totals.items())
        self.ui.totalsLabel.setText(
            self.tr("Total {0} points: {1}").format(f"{data.total_max:g}", parts)
        )
        warning = indicator_sets.total_warning(data.total_max)
        self.ui.warningLabel.setText(warning or "")
        self.ui.warningLabel.setVisible(warning is not None)

    # -- row buttons -----------------------------------------------------------------------
    def _current(self) -> int:
        return self.ui.indicatorsTable.currentRow()

    def _update_buttons(self) -> None:
        self.writes.update()

    def add_row(self) -> None:
        row = self._current()
        category = self._text(row, COL_CATEGORY) if row >= 0 else ""
        new = self._append(
            indicator_sets.IndicatorInput(category, "", 1.0), row + 1 if row >= 0 else None
        )
        table = self.ui.indicatorsTable
        table.setCurrentCell(new, COL_NAME)
        item = table.item(new, COL_NAME)
        if item is not None:
            table.editItem(item)
        self.update_totals()

    def remove_row(self) -> None:
        row = self._current()
        if row < 0:
            return
        self.ui.indicatorsTable.removeRow(row)
        self.update_totals()
        self._update_buttons()

    def _move(self, step: int) -> None:
        row = self._current()
        target = row + step
        table = self.ui.indicatorsTable
        if row < 0 or not 0 <= target < table.rowCount():
            return
        data = self._row_input(row)
        table.removeRow(row)
        self._append(data, target)
        table.setCurrentCell(target, COL_NAME)
        self._update_buttons()

    # -- saving ----------------------------------------------------------------------------
    def show_error(self, error: UserError | str | None) -> None:
        if isinstance(error, ValidationError):
            # "indicators[3].max_score" → the table, with row 3 selected.
            rows = [
                int(e.field.split("[")[1].split("]")[0])
                for e in error.errors
                if e.field.startswith("indicators[")
            ]
            error = ValidationError(
                [
                    FieldError(
                        "indicators" if e.field.startswith("indicators") else e.field, e.message
                    )
                    for e in error.errors
                ]
            )
            if rows:
                self.ui.indicatorsTable.selectRow(rows[0] - 1)
        super().show_error(error)

    def save(self) -> int | None:
        data = self.data()
        warning = indicator_sets.total_warning(data.total_max)
        if warning and not messages.confirm(self, self.tr("Check the total"), warning):
            return None
        year = self.ui.yearSpin.value()
        if self.creating:
            indicator_sets.create_indicator_set(self.ctx.db, year, data=data)
        else:
            assert self.view is not None
            indicator_sets.update_indicator_set(self.ctx.db, self.view.id, data)
        return year
