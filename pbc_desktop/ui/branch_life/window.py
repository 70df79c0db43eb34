"""三会一课与换届: which branches are behind (this year, this period), a branch's year at a
glance (one row per kind, one column per month), the 通报 PDF, and the committees whose
term runs out with each one's history. Opened from the 到期提醒 panel of 概览.

A district's year (about 1,500 branches) takes half a second to read: it is read off the
UI thread (``worker.BackgroundLoad``), the list saying so meanwhile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain import branch_life as rules
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.branch_life import PeriodState
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.errors import UserError
from pbc_desktop.services import access, organizations, scope
from pbc_desktop.services.branch_life import compliance, schedule
from pbc_desktop.services.terms import committees, due
from pbc_desktop.ui.branch_life.committee_dialog import CommitteeDialog
from pbc_desktop.ui.common import messages, printing, prompts
from pbc_desktop.ui.common.columns import refit_columns
from pbc_desktop.ui.common.combos import fill, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.labels import form_label, label
from pbc_desktop.ui.common.menu_actions import MenuWindow
from pbc_desktop.ui.common.rows_table import RowsTable, long_text
from pbc_desktop.ui.common.rules_dialog import DistrictRulesDialog
from pbc_desktop.ui.common.spin_boxes import IntSpinBox
from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.common.views import (
    add_captioned,
    enter_presses_nothing,
    fill_table,
    make_item_table,
    make_splitter,
    select_id,
    selected_id,
    two_lines,
)
from pbc_desktop.ui.common.worker import BackgroundLoad
from pbc_desktop.ui.common.write_guard import WriteGuard

# The year grid's cell colours, by the state of the period a month falls in.
STATE_COLOURS = {
    PeriodState.KEPT: "#d5f5e3",
    PeriodState.MISSED: "#f5b7b1",
    PeriodState.OPEN: "#fcf3cf",
    PeriodState.FUTURE: "#f2f3f4",
    PeriodState.INACTIVE: "#d5d8dc",
}


class ScheduleDialog(DistrictRulesDialog):
    """How often each kind of meeting is due; the district's to change."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Branch meeting schedule"))
        current, self.read_version = schedule.schedule_to_edit(ctx.db)
        choices: list[tuple[str, object]] = [
            (self.tr("not required"), 0),
            (self.tr("monthly"), 1),
            (self.tr("every two months"), 2),
            (self.tr("quarterly"), 3),
            (self.tr("half-yearly"), 6),
            (self.tr("yearly"), 12),
        ]
        form = QFormLayout()
        self.combos: dict[ActivityKind, QComboBox] = {}
        for kind in rules.MEETING_KINDS:
            combo = QComboBox(self)
            combo.setObjectName(f"schedule_{kind.value}")
            fill(combo, choices)
            select_data(combo, current.get(kind, 0), otherwise=0)
            self.combos[kind] = combo
            form.addRow(form_label(kind), combo)
        self.arrange(form, self.combos.values())

    def store(self) -> None:
        wanted = {kind: int(combo.currentData()) for kind, combo in self.combos.items()}
        schedule.set_schedule(self.ctx.db, wanted, self.read_version)


class BranchLine(NamedTuple):
    """A branch's row of the list: its organization, whether it is behind, its cells."""

    organization_id: int
    behind: bool
    cells: list[str]


#: A cell of the list longer than this (in characters) is also its tooltip.
LONG_CELL = 20


def cell_column(header: str, cell: int) -> Column[BranchLine]:
    """The list's column of the branches' ``cell``: a long text is its tooltip too."""
    tip = long_text(LONG_CELL)
    return Column(header, lambda r: r.cells[cell], tooltip=lambda r: tip(r.cells[cell]))


@dataclass(frozen=True)
class YearRead:
    """A year read off the UI thread with the list's rows made there too (a district's
    1,500 branches' cells took a tenth of a second more on the UI thread)."""

    report: compliance.TownYear
    # every branch's
    rows: tuple[BranchLine, ...]
    behind: int
    open_now: int

    @classmethod
    def of(cls, report: compliance.TownYear, yes: str) -> YearRead:
        """``yes``: what the 落后 column says of a branch behind."""
        rows = []
        behind = open_now = 0
        for b in report.branches:
            is_behind, waiting = b.behind, b.open_kinds
            behind += is_behind
            open_now += bool(waiting)
            per_kind = [f"{k.held}/{k.due}" for k in b.kinds]
            cells = [b.name, b.town or "", *per_kind, yes if is_behind else ""]
            cells.append("、".join(label(k.kind) for k in waiting))
            rows.append(BranchLine(b.organization_id, is_behind, cells))
        return cls(report, tuple(rows), behind, open_now)


class BranchLifeWindow(MenuWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "branchLifeWindow")
        self.setWindowTitle(self.tr("Branch meetings and committee terms"))
        self.report: compliance.TownYear | None = None
        self._read: YearRead | None = None
        # reads the year off the UI thread (:meth:`refresh`)
        self.meetings_load = BackgroundLoad(self, "branchLifeLoad", self._year_refused)
        self._wanted_org: int | None = None  # to select once the year being read is shown
        self.terms: list[committees.CommitteeRow] = []
        self.year = IntSpinBox(self)
        self.year.setObjectName("branchLifeYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today().year)
        self.town = QComboBox(self)
        self.town.setObjectName("branchLifeTown")
        everything = access.area_name(ctx.db) or self.tr("Whole district")
        fill(self.town, ((t, t) for t in scope.towns(ctx.db)), everything)
        self.behind_only = QCheckBox(self.tr("&Behind only"), self)
        self.behind_only.setObjectName("branchLifeBehind")
        self.print_button = QPushButton(self.tr("Notice (&PDF)..."), self)
        self.print_button.setObjectName("branchLifePrint")
        self.print_button.clicked.connect(self.save_notice)
        self.schedule_button = QPushButton(self.tr("&Schedule..."), self)
        self.schedule_button.setObjectName("branchLifeSchedule")
        self.schedule_button.clicked.connect(self.edit_schedule)
        self.writes = WriteGuard(ctx, self)
        self.writes.add(self.schedule_button, Permission.DISTRICT_RULES)
        self.writes.update()
        # the town is both pages'; the year, the filter, the schedule and the 通报 the
        # meetings' only (on the 换届 page they did nothing, or printed the meetings)
        bar = QHBoxLayout()
        add_captioned(bar, self.tr("&Town:"), self.town)
        bar.addStretch(1)
        meetings_bar = QHBoxLayout()
        for widget in (self.year, self.behind_only):
            meetings_bar.addWidget(widget)
        meetings_bar.addStretch(1)
        meetings_bar.addWidget(self.schedule_button)
        meetings_bar.addWidget(self.print_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("branchLifeSummary")
        self.kinds: tuple[ActivityKind, ...] = ()
        # a district's 1,500 branches shown as read: no item made for each cell
        self.table: RowsTable[BranchLine] = RowsTable(self, "branchLifeTable")
        self.table.setToolTip(self.tr("Held / due in the year; select a branch for its year"))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_grid())
        self.grid_title = QLabel(self)
        self.grid_title.setObjectName("branchLifeGridTitle")
        self.grid = QTableWidget(0, 12, self)
        self.grid.setObjectName("branchLifeGrid")
        self.grid.setHorizontalHeaderLabels([str(m) for m in range(1, 13)])
        self.show_kinds(tuple(rules.ordered_kinds(schedule.get_schedule(ctx.db))))
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # the twelve months share the width: at 100 pixels each, October to December lay
        # beyond the right edge of a 1024×768 screen until a branch was chosen
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.grid_title)
        lower_layout.addWidget(self.grid)
        meetings = QWidget(self)
        meetings_layout = QVBoxLayout(meetings)
        meetings_layout.addLayout(meetings_bar)
        meetings_layout.addWidget(self.summary)
        splitter = make_splitter(
            self, "branchLifeSplitter", Qt.Orientation.Vertical, [self.table, lower], (3, 2)
        )
        meetings_layout.addWidget(splitter, 1)

        self.within = IntSpinBox(self)
        self.within.setObjectName("branchLifeTermsWithin")
        self.within.setRange(0, 120)
        self.within.setValue(6)
        self.within.setPrefix(self.tr("Due within "))
        self.within.setSuffix(self.tr(" months"))
        self.terms_table = make_item_table(
            self,
            "branchLifeTerms",
            [
                self.tr("Organization"),
                self.tr("Town"),
                self.tr("Term"),
                self.tr("Elected on"),
                self.tr("Due on"),
                self.tr("State"),
            ],
        )
        self.terms_table.itemSelectionChanged.connect(self.show_history)
        self.history = make_item_table(
            self,
            "branchLifeHistory",
            [self.tr("Term"), self.tr("Elected on"), self.tr("Years"), self.tr("Members")],
        )
        self.new_term_button = QPushButton(self.tr("&New election record..."), self)
        self.new_term_button.setObjectName("branchLifeNewTerm")
        self.new_term_button.setToolTip(
            self.tr(
                "Record the newly elected committee of the selected organization, or of an "
                "organization chosen from a list (one without a committee recorded yet)"
            )
        )
        self.new_term_button.clicked.connect(lambda: self.open_committee(edit=False))
        self.edit_term_button = QPushButton(self.tr("&Edit..."), self)
        self.edit_term_button.setObjectName("branchLifeEditTerm")
        self.edit_term_button.setToolTip(
            self.tr("Correct the latest committee of the selected organization")
        )
        self.edit_term_button.clicked.connect(lambda: self.open_committee(edit=True))
        chosen = lambda: selected_id(self.terms_table) is not None  # noqa: E731
        self.writes.add(self.new_term_button, Permission.WRITE)
        self.writes.add(self.edit_term_button, Permission.WRITE, when=chosen)
        self.writes.update()
        terms_bar = QHBoxLayout()
        terms_bar.addWidget(self.within)
        terms_bar.addStretch(1)
        terms_bar.addWidget(self.new_term_button)
        terms_bar.addWidget(self.edit_term_button)
        terms_page = QWidget(self)
        terms_layout = QVBoxLayout(terms_page)
        terms_layout.addLayout(terms_bar)
        self.terms_note = QLabel(self)
        self.terms_note.setObjectName("branchLifeTermsNote")
        self.terms_note.hide()
        terms_layout.addWidget(self.terms_note)
        terms_layout.addWidget(self.terms_table, 2)
        terms_layout.addWidget(QLabel(self.tr("Committees of the selected organization:"), self))
        terms_layout.addWidget(self.history, 1)

        self.pages = QTabWidget(self)
        self.pages.setObjectName("branchLifePages")
        self.pages.addTab(meetings, self.tr("Branch &meetings"))
        self.pages.addTab(terms_page, self.tr("&Committee terms"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 680)
        self.year.valueChanged.connect(self.refresh)
        self.town.currentIndexChanged.connect(self.refresh)
        self.town.currentIndexChanged.connect(self.refresh_terms)  # both pages' filter
        # the year read already, shown whole or only its branches behind
        self.behind_only.toggled.connect(lambda _on: self.show_report(self.selected_branch()))
        self.within.valueChanged.connect(self.refresh_terms)
        enter_presses_nothing(self)  # Enter in the year or the list asked where to print
        # Tab in reading order: the town above the pages, then the meetings page's bar
        order = (self.town, self.pages, self.year, self.behind_only, self.schedule_button)
        for first, then in zip(order, (*order[1:], self.print_button), strict=True):
            QWidget.setTabOrder(first, then)
        self.show_grid()  # none chosen, while the year is read
        self.refresh_terms()
        self.refresh()  # last: the read shares Python's lock with what the window does

    def today(self) -> date:
        return date.today()

    def selected_town(self) -> str | None:
        town = self.town.currentData()
        return town if isinstance(town, str) and town else None

    # -- 三会一课 ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the year again, off the UI thread; the list shows it once read (the year
        read before stays meanwhile, the summary saying it is being read)."""
        db, year, today, town = self.ctx.db, self.year.value(), self.today(), self.selected_town()
        yes = self.tr("yes")
        self.summary.setText(self.tr("Reading the branches' meetings..."))
        self.table.setCursor(Qt.CursorShape.BusyCursor)
        self.meetings_load.start(
            lambda: YearRead.of(compliance.town_year(db, year, today, town=town), yes),
            self._year_read,
        )

    def _year_read(self, read: YearRead) -> None:
        self.table.unsetCursor()
        self.report, self._read = read.report, read
        wanted, self._wanted_org = self._wanted_org, None
        self.show_report(self.selected_branch() if wanted is None else wanted)
        if wanted is not None:
            self._show_branch(wanted)

    def _year_refused(self, error: UserError) -> None:
        self.table.unsetCursor()
        self._wanted_org = None
        self.summary.setText(error.message)

    def show_report(self, keep: int | None) -> None:
        """Show the year read by :meth:`refresh` (every branch, or only those behind) with
        the branch ``keep`` selected, if listed."""
        read = self._read
        if read is None:
            return
        self.show_kinds(read.report.kinds)
        self.summary.setText(
            self.tr(
                "{0} branches, {1} behind this year, {2} with meetings still to hold now"
            ).format(len(read.rows), read.behind, read.open_now)
        )
        behind_only = self.behind_only.isChecked()
        rows = [r for r in read.rows if r.behind or not behind_only]
        self.table.rows_model.show(rows)
        refit_columns(self.table)
        if keep is None or not self.table.select_where(lambda r: r.organization_id == keep):
            self.table.clearSelection()
        self.show_grid()

    def selected_branch(self) -> int | None:
        """The organization of the branch selected in the list."""
        line = self.table.selected()
        return None if line is None else line.organization_id

    def show_kinds(self, kinds: tuple[ActivityKind, ...]) -> None:
        """The columns of the list and the rows of the year's grid: the kinds the schedule
        asks for (once the district changed it, the counts lay under the wrong kinds)."""
        if kinds == self.kinds and self.table.rows_model.columnCount():
            return
        self.kinds = kinds
        headers = [self.tr("Branch"), self.tr("Town")]
        # on two lines in English ("Branch general / assembly"): the counts fit 1024 px
        headers += [two_lines(label(k)) for k in kinds] + [
            self.tr("Behind"),
            self.tr("This period"),
        ]
        columns = [cell_column(header, c) for c, header in enumerate(headers)]
        self.table.rows_model.show([], columns)  # the rows of other columns are not shown
        self.grid.setRowCount(len(kinds))
        self.grid.setVerticalHeaderLabels([label(k) for k in kinds])

    def apply_filters(self, *, organization_id: int | None = None) -> None:
        """Show the branch (and its committees) a reminder names."""
        if organization_id is None:
            return
        self.behind_only.setChecked(False)
        select_data(self.town, None, otherwise=0)
        if self.meetings_load.busy:
            self._wanted_org = organization_id  # once the year being read is shown
        else:
            self._show_branch(organization_id)

    def _show_branch(self, organization_id: int) -> None:
        """Select the branch in the meetings' list, else its committee on the terms page."""
        if self.table.select_where(lambda r: r.organization_id == organization_id):
            self.pages.setCurrentIndex(0)
        elif select_id(self.terms_table, organization_id):
            self.pages.setCurrentIndex(1)

    def show_grid(self) -> None:
        org_id = self.selected_branch()
        branch = None
        if self.report is not None and org_id is not None:
            branch = next(b for b in self.report.branches if b.organization_id == org_id)
        self.grid.clearContents()
        if branch is None:
            self.grid_title.setText(self.tr("Select a branch to see its year"))
            return
        self.grid_title.setText(self.tr("{0}: {1} at a glance").format(branch.name, branch.year))
        for row, kind in enumerate(self.kinds):
            found = branch.kind(kind)
            if found is None:
                continue
            for month in range(1, 13):
                state = found.month_state(month)
                held = found.months[month - 1]
                item = QTableWidgetItem(str(held) if held else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(QColor(STATE_COLOURS[state])))
                item.setToolTip(label(state))
                self.grid.setItem(row, month - 1, item)

    def save_notice(self) -> Path | None:
        title = self.tr("Save the notice as PDF")
        area = self.selected_town() or access.area_name(self.ctx.db) or self.tr("Whole district")
        suggested = prompts.suggested_file(f"{area}{self.year.value()}年三会一课通报.pdf")
        out = prompts.ask_save_path(self, title, suggested)
        if out is None:
            return None
        from pbc_desktop.reports.branch_life import build_branch_life_notice

        notes: list[str] = []
        try:
            build_branch_life_notice(
                self.ctx.db,
                self.year.value(),
                out,
                today=self.today(),
                town=self.selected_town(),
                warn=notes.append,
            )
        except (UserError, OSError) as exc:
            messages.warning(self, title, str(exc))
            return None
        printing.warn_unprintable(self, notes)
        prompts.offer_folder(self, title, out, self.tr("The notice was saved as {0}.").format(out))
        return out

    def schedule_dialog(self) -> ScheduleDialog:
        return ScheduleDialog(self.ctx, self)

    def edit_schedule(self) -> None:
        dialog = self.schedule_dialog()
        if dialog.exec():
            self.refresh()
        dialog.deleteLater()

    # -- 换届 ----------------------------------------------------------------------------
    def refresh_terms(self) -> None:
        self.terms_note.hide()  # a filter changed: what it said is past
        keep = selected_id(self.terms_table)
        self.terms = due.due_terms(
            self.ctx.db, self.today(), self.within.value(), self.selected_town()
        )
        rows = [
            (
                r.organization_id,
                [
                    r.organization_name,
                    r.town or "",
                    self.tr("No. {0}").format(r.term_no),
                    fmt_date(r.elected_on),
                    fmt_date(r.due_on),
                    label(r.state),
                ],
            )
            for r in self.terms
        ]
        fill_table(self.terms_table, rows, keep)
        self.show_history()

    def committee_dialog(self, organization_id: int, edit: bool) -> CommitteeDialog:
        return CommitteeDialog(self.ctx, organization_id, self, edit=edit, today=self.today())

    def open_committee(self, edit: bool) -> None:
        """Record the selected organization's new committee, or correct its latest. A new
        record with no organization selected asks which (the page lists only committees
        already recorded: a first one starts here)."""
        org_id = selected_id(self.terms_table)
        if org_id is None and not edit:
            org_id = prompts.ask_choice(
                self,
                self.tr("New election record"),
                self.tr("Organization:"),
                [(o.id, o.name) for o in organizations.choices(self.ctx.db)],
            )
        if org_id is None:
            return
        dialog = self.committee_dialog(org_id, edit)
        if dialog.exec():
            self.refresh_terms()
            self.show_saved_committee(org_id)
        dialog.deleteLater()

    def show_saved_committee(self, org_id: int) -> None:
        """Select the organization whose committee was just saved; when the filters hide
        it (a new committee's term runs out years later, beyond "due within 6 months"),
        widen them and say so: the list lost it without a word."""
        self.terms_note.hide()
        if select_id(self.terms_table, org_id):
            return
        self.within.setValue(self.within.maximum())
        if not select_id(self.terms_table, org_id):
            select_data(self.town, None, otherwise=0)
            select_id(self.terms_table, org_id)
        self.terms_note.setText(
            self.tr("The filters were widened to show the committee just saved.")
        )
        self.terms_note.show()

    def show_history(self) -> None:
        self.writes.update()
        org_id = selected_id(self.terms_table)
        if org_id is None:
            self.history.setRowCount(0)
            return
        found = committees.history(self.ctx.db, org_id, self.today())
        rows = [
            (
                r.id,
                [
                    self.tr("No. {0}").format(r.term_no),
                    fmt_date(r.elected_on),
                    str(r.term_years),
                    "、".join(f"{label(s.post)} {s.person_name}" for s in r.seats),
                ],
            )
            for r in found
        ]
        fill_table(self.history, rows, None)
