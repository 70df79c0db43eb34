"""民主评议党员: the grid of one organization's appraisal of a year, typed row by row.

One row per member taking part (``services.appraisals.grid``); the grade cell is a
:class:`GradeCombo` (1–4 or 优/合/基/不, Enter to the next row). Save stores the meeting
dates and every grade in one transaction; Print writes the 评议结果 sheet as a PDF.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.errors import UserError, ValidationError
from pbc_desktop.services import organizations
from pbc_desktop.services.appraisals import grid
from pbc_desktop.ui.appraisals.grade_combo import GradeCombo
from pbc_desktop.ui.appraisals.overview import AppraisalOverview
from pbc_desktop.ui.common.combos import fill_choices, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import NO_DATE, date_of, optional_date_edit, to_qdate
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.messages import confirm, information, mark_fields, show_user_error
from pbc_desktop.ui.common.prompts import ask_save_path, suggested_file
from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.common.spin_boxes import IntSpinBox

NAME, CATEGORY, POST, GRADE = range(4)


class AppraisalDialog(FittedDialog):
    """The appraisal grid of an organization and year, and (a second page) the year's
    overview of every organization, whose lines open their grid."""

    saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        organization_id: int | None = None,
        year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("AppraisalDialog")
        self.setWindowTitle(self.tr("Democratic appraisal of members"))
        self.resize(820, 640)
        self._grid: grid.AppraisalGrid | None = None
        self._combos: list[GradeCombo] = []
        self.org_combo = QComboBox(self)
        self.org_combo.setObjectName("appraisalOrganization")
        fill_choices(self.org_combo, organizations.choices(ctx.db))
        if organization_id is not None:
            select_data(self.org_combo, organization_id)
        self.year_spin = IntSpinBox(self)
        self.year_spin.setObjectName("appraisalYear")
        this_year = date.today().year
        self.year_spin.setRange(grid.FIRST_YEAR, this_year)
        self.year_spin.setValue(year or this_year - 1)
        self.held_edit = optional_date_edit(None, self)
        self.held_edit.setObjectName("appraisalHeldOn")
        self.ended_edit = optional_date_edit(None, self)
        self.ended_edit.setObjectName("appraisalEndedOn")
        self.remark_edit = QLineEdit(self)
        self.remark_edit.setObjectName("appraisalRemark")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("appraisalTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Category"), self.tr("Party post"), self.tr("Grade")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes from grade to grade
        self.table.horizontalHeader().setSectionResizeMode(POST, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(True)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("appraisalCounts")
        self.hint_label = QLabel(
            self.tr(
                "Type 1 excellent, 2 qualified, 3 basically qualified, 4 unqualified "
                "(0 clears); Enter or Tab moves to the next member."
            ),
            self,
        )
        self.hint_label.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("appraisalTabs")
        self.overview = AppraisalOverview(ctx, self.tabs)
        self._build_layout()
        self.org_combo.currentIndexChanged.connect(self.choose)
        self.year_spin.valueChanged.connect(self.choose)
        self.overview.open_grid.connect(self.show_grid)
        self.saved.connect(lambda _id: self.overview.refresh())
        self.tabs.currentChanged.connect(self._page_changed)
        self.reload()
        self.overview.refresh()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Organization:"), self.org_combo)
        dates = QHBoxLayout()
        dates.addWidget(self.year_spin)
        dates.addWidget(QLabel(self.tr("Meeting on:"), self))
        dates.addWidget(self.held_edit)
        dates.addWidget(QLabel(self.tr("to:"), self))
        dates.addWidget(self.ended_edit)
        dates.addStretch(1)
        form.addRow(self.tr("&Year:"), dates)
        form.addRow(self.tr("&Remark:"), self.remark_edit)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                buddy = field.widget() if field is not None else None
                widget.setBuddy(buddy if buddy is not None else self.year_spin)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("appraisalSave")
        self.print_button = QPushButton(self.tr("&Print result sheet..."), self)
        self.print_button.setObjectName("appraisalPrint")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_sheet)
        buttons.rejected.connect(self.reject)
        page = QWidget(self.tabs)
        grid_layout = QVBoxLayout(page)
        grid_layout.addLayout(form)
        grid_layout.addWidget(self.hint_label)
        grid_layout.addWidget(self.table, 1)
        grid_layout.addWidget(self.counts_label)
        self.tabs.addTab(page, self.tr("&Grades"))
        self.tabs.addTab(self.overview, self.tr("Year &overview"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _page_changed(self, index: int) -> None:
        on_grid = index == 0
        self.save_button.setVisible(on_grid)
        self.print_button.setVisible(on_grid)

    def show_overview(self, year: int | None = None) -> None:
        """The overview page (of ``year`` when given)."""
        if year is not None:
            self.overview.year_spin.setValue(year)
        self.tabs.setCurrentWidget(self.overview)

    def show_grid(self, organization_id: int | None, year: int | None = None) -> None:
        """The grid page of ``organization_id`` (and ``year`` when given); the grid typed
        and not saved stays unless the clerk agrees to drop it."""
        self.tabs.setCurrentIndex(0)
        if self.keeps_typed(self.tr("Show another appraisal without saving them?")):
            return
        with QSignalBlocker(self.org_combo), QSignalBlocker(self.year_spin):
            if organization_id is not None:
                select_data(self.org_combo, organization_id)
            if year is not None:
                self.year_spin.setValue(year)
        self.reload()

    def keeps_typed(self, question: str) -> bool:
        """Whether what was typed and not saved stays: the clerk, asked ``question``, did
        not agree to drop it (another organization or year, or closing, dropped the
        grades typed without a word)."""
        return (
            self.save_button.isEnabled()
            and self.unsaved()
            and not confirm(
                self,
                self.windowTitle(),
                self.tr("The grades typed are not saved.") + " " + question,
            )
        )

    def choose(self) -> None:
        """Another organization or year: its grid, unless the clerk keeps the one typed."""
        g = self._grid
        if g is not None and self.keeps_typed(
            self.tr("Show another appraisal without saving them?")
        ):
            with QSignalBlocker(self.org_combo), QSignalBlocker(self.year_spin):
                select_data(self.org_combo, g.organization_id)
                self.year_spin.setValue(g.year)
            return
        self.reload()

    def reject(self) -> None:
        """Closed (Esc, 关闭, the title bar) with grades typed and not saved: asked first."""
        if self.keeps_typed(self.tr("Close without saving them?")):
            return
        super().reject()

    # -- reading --------------------------------------------------------------------------
    def organization_id(self) -> int | None:
        data = self.org_combo.currentData()
        return int(data) if data is not None else None

    def reload(self) -> None:
        org_id = self.organization_id()
        self._grid = None
        self.table.setRowCount(0)
        self._combos = []
        if org_id is None:
            self._update_counts()
            return
        try:
            g = grid.appraisal_grid(self.ctx.db, org_id, self.year_spin.value())
        except UserError as error:
            show_user_error(self, error)
            return
        self._grid = g
        self.held_edit.setDate(to_qdate(g.held_on) if g.held_on else NO_DATE)
        self.ended_edit.setDate(to_qdate(g.ended_on) if g.ended_on else NO_DATE)
        self.remark_edit.setText(g.remark or "")
        refusal = grid.change_refusal(self.ctx.db, org_id)
        self.save_button.setEnabled(refusal is None)
        self.save_button.setToolTip(refusal or "")
        self.table.setRowCount(len(g.rows))
        blank = self.tr("(not graded)")
        for i, row in enumerate(g.rows):
            for col, text in (
                (NAME, row.name),
                (CATEGORY, label(row.category)),
                (POST, row.party_post or ""),
            ):
                self.table.setItem(i, col, QTableWidgetItem(text))
            combo = GradeCombo(blank, self.table)
            combo.set_grade(row.grade)
            combo.setEnabled(refusal is None)
            combo.currentIndexChanged.connect(self._update_counts)
            combo.entered.connect(lambda i=i: self.focus_row(i + 1))
            self.table.setCellWidget(i, GRADE, combo)
            self._combos.append(combo)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(GRADE, max(self.table.columnWidth(GRADE), 160))
        self._update_counts()
        if self._combos:
            self.focus_row(0)

    def combo(self, row: int) -> GradeCombo:
        return self._combos[row]

    def focus_row(self, row: int) -> None:
        """Put the focus on ``row``'s grade (past the last row: on Save)."""
        if row >= len(self._combos):
            self.save_button.setFocus()
            return
        self.table.setCurrentCell(row, GRADE)
        item = self.table.item(row, NAME)
        if item is not None:
            self.table.scrollToItem(item)
        self._combos[row].setFocus()

    def grades(self) -> dict[int, AppraisalGrade | None]:
        assert self._grid is not None
        return {r.member_id: c.grade() for r, c in zip(self._grid.rows, self._combos, strict=True)}

    def _update_counts(self) -> None:
        grades = [c.grade() for c in self._combos]
        parts = [f"{label(g)} {grades.count(g)}" for g in AppraisalGrade]
        graded = sum(1 for g in grades if g is not None)
        self.counts_label.setText(
            self.tr("{0} members, {1} graded: {2}").format(len(grades), graded, "  ".join(parts))
        )

    # -- saving and printing --------------------------------------------------------------
    def save(self) -> bool:
        if self._grid is None:
            return False
        data = grid.AppraisalInput(
            organization_id=self._grid.organization_id,
            year=self._grid.year,
            held_on=date_of(self.held_edit),
            ended_on=date_of(self.ended_edit),
            remark=self.remark_edit.text(),
            grades=self.grades(),
            version=self._grid.version,
        )
        widgets = {
            "held_on": self.held_edit,
            "ended_on": self.ended_edit,
            "remark": self.remark_edit,
        }
        try:
            appraisal_id = grid.save_appraisal(self.ctx.db, data)
        except ValidationError as error:
            mark_fields(widgets, error)
            show_user_error(self, error)
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        mark_fields(widgets, None)
        self.saved.emit(appraisal_id)
        self.reload()
        return True

    def unsaved(self) -> bool:
        """Whether grades, dates or the remark were typed and not saved."""
        g = self._grid
        if g is None:
            return False
        typed = (date_of(self.held_edit), date_of(self.ended_edit), self.remark_edit.text())
        if typed != (g.held_on, g.ended_on, g.remark or ""):
            return True
        return any(r.grade is not c.grade() for r, c in zip(g.rows, self._combos, strict=True))

    def print_sheet(self) -> None:
        """The result sheet of what is saved: what was typed and not saved is saved first,
        once the clerk agrees (the sheet printed the stored grades, those just typed left
        out without a word)."""
        if self._grid is None:
            return
        # (an account that may not save prints what is saved, as it would anyway)
        if (
            self.save_button.isEnabled()
            and self.unsaved()
            and not (
                confirm(
                    self,
                    self.tr("Result sheet"),
                    self.tr(
                        "The grades typed are not saved, and the sheet shows what is saved. "
                        "Save them first?"
                    ),
                )
                and self.save()
            )
        ):
            return
        from pbc_desktop.reports.appraisal_sheet import sheet_title, write_appraisal_sheet

        name = "".join(sheet_title(self._grid))
        path = ask_save_path(self, self.tr("Save the result sheet"), suggested_file(f"{name}.pdf"))
        if path is None:
            return
        try:
            grid_now = grid.appraisal_grid(self.ctx.db, self._grid.organization_id, self._grid.year)
            write_appraisal_sheet(grid_now, path)
        except UserError as error:
            show_user_error(self, error)
            return
        information(self, self.tr("Result sheet"), self.tr("Saved to {0}").format(path))
