"""到期提醒 (for 概览): every area's reminders in one list (``services.reminders.collect``):
community activities overdue, 三会一课 periods missed or ending, terms due (换届), and
whatever other features plug in there.

Double-clicking a line (or Enter) on a community's activity emits
``navigate("activities", filters)`` so the main window opens the 活动 tab on that
community and kind, as the dashboard cards do; on a branch's meetings or committee it
opens the 三会一课与换届 window on that organization, on a 民主评议 not entered the
organization's grid of that year. Those windows are imported when first opened: the 党费
window brought ReportLab, the 三会一课 window the PDF preview, into the 概览 tab's start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain import reminders as rules_domain
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.domain.reminders import Reminder
from pbc_desktop.errors import UserError
from pbc_desktop.services import reminders
from pbc_desktop.ui.common.columns import WHOLE, keep_chars, refit_columns
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.labels import form_label, label
from pbc_desktop.ui.common.rows_table import RowsTable
from pbc_desktop.ui.common.rules_dialog import DistrictRulesDialog
from pbc_desktop.ui.common.spin_boxes import IntSpinBox
from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.common.worker import BackgroundLoad
from pbc_desktop.ui.common.write_guard import WriteGuard

if TYPE_CHECKING:
    from pbc_desktop.ui.appraisals.dialog import AppraisalDialog
    from pbc_desktop.ui.branch_life.window import BranchLifeWindow
    from pbc_desktop.ui.fees.window import FeeCollectionWindow

W = TypeVar("W", bound=QDialog)

#: The colour of the days of a reminder overdue.
OVERDUE_COLOUR = "#c0392b"
#: Room for its four columns, the subject and what is due readable in part; beside the
#: figures and the margins of the overview within a 1024 px window.
MIN_WIDTH = 362


class RulesDialog(DistrictRulesDialog):
    """Months between activities of each kind; 0 = no reminder."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Reminder rules"))
        current, self.read_version = reminders.rules_to_edit(ctx.db)
        form = QFormLayout()
        self.spins: dict[ActivityKind, IntSpinBox] = {}
        for kind in ActivityKind:
            spin = IntSpinBox(self)
            spin.setObjectName(f"rule_{kind.value}")
            spin.setRange(0, rules_domain.MAX_INTERVAL_MONTHS)
            spin.setSpecialValueText(self.tr("no reminder"))
            spin.setSuffix(self.tr(" months"))
            spin.setValue(current.get(kind, 0))
            self.spins[kind] = spin
            form.addRow(form_label(kind), spin)
        hint = QLabel(
            self.tr(
                "Remind when a running community has held no activity of a kind for this "
                "many months."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.arrange(form, self.spins.values(), hint)

    def store(self) -> None:
        reminders.set_rules(
            self.ctx.db, {k: s.value() for k, s in self.spins.items()}, self.read_version
        )


class RemindersPanel(QWidget):
    """Reminders of every area (area, subject, what, overdue by / due in N days)."""

    navigate = Signal(str, dict)
    #: Emitted after the rules were changed (the list is already refreshed).
    rules_changed = Signal()
    #: Emitted when the list has been (re)loaded and shown.
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._town: str | None = None
        # Every area's reminders of a whole district take seconds (党费 arrears of 30,000
        # members month by month): collected off the UI thread, so that the window shows
        # and answers meanwhile.
        self.load = BackgroundLoad(self, "overviewRemindersLoad", self._refused)
        self.rows: list[Reminder] = []
        self._windows: dict[str, QDialog] = {}
        self.title = QLabel(self)
        self.title.setObjectName("overviewRemindersTitle")
        self.rules_button = QPushButton(self.tr("Edit &rules..."), self)
        self.rules_button.setObjectName("overviewRemindersRules")
        self.rules_button.clicked.connect(self.edit_rules)
        self.branch_button = QPushButton(self.tr("&Branch meetings..."), self)
        self.branch_button.setObjectName("overviewRemindersBranchLife")
        self.branch_button.setToolTip(
            self.tr("Each branch's regular meetings, and committee terms")
        )
        self.branch_button.clicked.connect(lambda: self.open_branch_life(None))
        self.writes = WriteGuard(ctx, self)
        self.writes.add(self.rules_button, Permission.DISTRICT_RULES)
        self.writes.update()
        # a district's 2,800 reminders shown as collected: no item made for each cell
        self.table: RowsTable[Reminder] = RowsTable(self, "overviewRemindersTable", self.columns())
        self.table.setToolTip(self.tr("Double-click to see where it is due"))
        # the days in view: the subject's name and what is due give way
        keep_chars(self.table, {1: 4, 2: 4, 3: WHOLE})
        self.setMinimumWidth(MIN_WIDTH)
        # Enter, and a double-click (or a click where the platform opens on one): as the
        # double-click also activates, its signal as well opened the line twice over
        self.table.activated.connect(self._open_index)
        # the count on a line of its own: beside the buttons a narrow screen cut it off
        buttons = QHBoxLayout()
        buttons.addWidget(self.branch_button)
        buttons.addWidget(self.rules_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    def columns(self) -> list[Column[Reminder]]:
        return [
            Column(self.tr("Area"), lambda r: label(r.area)),
            Column(self.tr("Subject"), lambda r: r.subject),
            Column(self.tr("What"), lambda r: r.what, tooltip=lambda r: r.what),
            Column(
                self.tr("Due"),
                self.due_text,
                align_right=True,
                tooltip=lambda r: self.tr("Due on {0}").format(fmt_date(r.due_on)),
                foreground=lambda r: OVERDUE_COLOUR if r.days > 0 else None,
            ),
        ]

    def due_text(self, row: Reminder) -> str:
        if row.days > 0:
            return self.tr("{0} days overdue").format(row.days)
        return self.tr("in {0} days").format(-row.days)

    def today(self) -> date:
        return date.today()

    def set_town(self, town: str | None) -> None:
        """Show only reminders of ``town`` (a community: one of its organizations lies in
        it; None: all)."""
        self._town = town
        self.refresh()

    def refresh(self) -> None:
        db, today, town = self.ctx.db, self.today(), self._town
        self.title.setText(self.tr("Reminders: being collected..."))
        # Read once the window's events run: after the 概览 tab's own figures, which the
        # collection slowed down, and once for the refreshes of one moment (the tab's
        # reload set the area right after the panel was made: the district was collected
        # twice over).
        self.load.start_soon(lambda: reminders.collect(db, today, town), self._show)

    def _refused(self, error: UserError) -> None:
        self.title.setText(self.tr("Reminders: cannot be read ({0})").format(error.message))

    def _show(self, rows: list[Reminder]) -> None:
        # the reminder selected stays selected, wherever it now is; none when it is gone
        # (the table keeps the row's place: another reminder was selected in its stead)
        kept = self.table.selected()
        self.rows = rows
        overdue = sum(1 for r in self.rows if r.days > 0)
        self.title.setText(self.tr("Reminders: {0} ({1} overdue)").format(len(self.rows), overdue))
        self.table.rows_model.show(self.rows)
        if kept is not None and not self.table.select_where(lambda r: r.key == kept.key):
            self.table.selectionModel().clear()
        refit_columns(self.table)
        self.loaded.emit()

    def _open_index(self, index: QModelIndex) -> None:
        self.open_row(index.row())

    def open_row(self, row: int, _column: int = 0) -> None:
        if not 0 <= row < len(self.rows):
            return
        found = self.rows[row]
        filters = dict(found.filters)
        org = filters.get("organization_id")
        org_id = org if isinstance(org, int) else None
        if found.tab == "branchLife":
            self.open_branch_life(org_id)
        elif found.tab == "appraisal":
            year = filters.get("year")
            self.open_appraisal(org_id, year if isinstance(year, int) else None)
        elif found.tab == "fees":
            month = filters.get("month")
            self.open_fee_collection(org_id, month if isinstance(month, date) else None)
        elif found.tab is not None:
            self.navigate.emit(found.tab, filters)

    def _window(self, key: str, build: Callable[[], W]) -> W:
        """The window ``key`` (one of each at a time): made and shown, or brought to the
        front when already open."""
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = build()
            window.finished.connect(lambda _r, k=key: self._window_closed(k))
            window.show()
        else:
            window.raise_()
        return cast(W, window)

    def _window_closed(self, key: str) -> None:
        window = self._windows.pop(key, None)
        if window is not None:
            window.deleteLater()

    @property
    def branch_life(self) -> BranchLifeWindow | None:
        window = self._windows.get("branchLife")
        if window is None:  # none opened: its module need not be loaded
            return None
        from pbc_desktop.ui.branch_life.window import BranchLifeWindow

        return window if isinstance(window, BranchLifeWindow) else None

    def open_branch_life(self, organization_id: int | None) -> BranchLifeWindow:
        """The 三会一课与换届 window (one at a time), on ``organization_id`` when given."""
        from pbc_desktop.ui.branch_life.window import BranchLifeWindow

        window = self._window("branchLife", lambda: BranchLifeWindow(self.ctx, self))
        window.apply_filters(organization_id=organization_id)
        return window

    def open_fee_collection(
        self, organization_id: int | None, month: date | None = None
    ) -> FeeCollectionWindow:
        """The 党费收缴 sheet (one at a time) of a branch in arrears, at ``month``."""
        from pbc_desktop.ui.fees.window import FeeCollectionWindow

        window = self._window("fees", lambda: FeeCollectionWindow(self.ctx, self))
        window.show_sheet(organization_id, month)
        return window

    def open_appraisal(self, organization_id: int | None, year: int | None) -> AppraisalDialog:
        """The 民主评议 grid (one at a time) of an organization yet to enter ``year``'s."""
        from pbc_desktop.ui.appraisals.dialog import AppraisalDialog

        def build() -> AppraisalDialog:
            dialog = AppraisalDialog(self.ctx, self)
            dialog.saved.connect(lambda _id: self.refresh())
            return dialog

        window = self._window("appraisal", build)
        window.show_grid(organization_id, year)
        return window

    def rules_dialog(self) -> RulesDialog:
        return RulesDialog(self.ctx, self)

    def edit_rules(self) -> None:
        dialog = self.rules_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.rules_changed.emit()
        dialog.deleteLater()
