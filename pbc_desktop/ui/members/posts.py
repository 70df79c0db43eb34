"""报到领岗 of one member: the posts they reported to, the service logged on the chosen post
and its yearly evaluations, with the actions on each.

The 党员 tab shows this panel for the selected member::

    panel = MemberPostsPanel(ctx, parent)
    panel.set_member(member_id)          # or None when no member is selected
    panel.changed.connect(tab.reload)    # after every write (the "reported" column changes)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.errors import UserError
from pbc_desktop.services import member_editing, member_view
from pbc_desktop.services.permissions import refusal as permission_refusal
from pbc_desktop.services.post_reports import evaluations, reports, service_log
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.columns import keep_chars, refit_columns
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.dialog_host import DialogHost
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.views import (
    fill_table,
    make_item_table,
    make_splitter,
    select_id,
    selected_id,
)
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.members.dual_report_overview import hours_text
from pbc_desktop.ui.members.end_report_dialog import EndReportDialog
from pbc_desktop.ui.members.evaluation_dialog import EvaluationDialog
from pbc_desktop.ui.members.post_report_dialog import PostReportDialog, report_caption
from pbc_desktop.ui.members.service_log_dialog import ServiceLogDialog

ENDED_COLOR = "#888888"
HOURS_COLUMN = 6  # of the reports table
#: The characters a long text column of the tables keeps when squeezed (elided beyond).
NARROW_TEXT = 3


class MemberPostsPanel(DialogHost, QWidget):
    """The member's post reports; for the chosen one, its service log and evaluations.

    Keys: Enter edits and Delete deletes the selected line of the table that has the focus.
    """

    #: Emitted after every write made here.
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._member_id: int | None = None
        #: the date of the roll the member was chosen from (None: today's)
        self.as_of: date | None = None
        # Why the account may not change the shown member's posts (None: it may).
        self._refusal = permission_refusal(ctx.db.user, Permission.WRITE)
        self.writes = WriteGuard(ctx, self)
        self._posts: member_view.MemberPosts | None = None  # as last read
        self.reports: list[reports.ReportRow] = []
        self.services: list[service_log.ServiceRow] = []
        self.evaluations: list[evaluations.EvaluationRow] = []
        self._build()
        self._update_buttons()

    # -- construction ------------------------------------------------------------------------
    def _button(
        self, name: str, text: str, tooltip: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tooltip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("membersPostsTitle")
        self.title_label.setStyleSheet("font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.report_button = self._button(
            "membersPostsReport",
            self.tr("Report to a &post..."),
            self.tr("The member reports to a co-building organization and takes a post"),
            self.new_report,
        )
        self.edit_report_button = self._button(
            "membersPostsEdit",
            self.tr("Ad&just..."),
            self.tr("Correct the organization, post, date or remark of the report (Enter)"),
            self.edit_report,
        )
        self.end_button = self._button(
            "membersPostsEnd",
            self.tr("Leave p&ost..."),
            self.tr("The member leaves the post; the service log stays"),
            self.end_report,
        )
        self.resume_button = self._button(
            "membersPostsResume",
            self.tr("&Back on post"),
            self.tr("Undo leaving the post (ended by mistake)"),
            self.resume_report,
        )
        self.delete_report_button = self._button(
            "membersPostsDelete",
            self.tr("Delete mista&ke"),
            self.tr("Delete a report entered by mistake (Del)"),
            self.delete_report,
        )
        self.reports_table = make_item_table(
            self,
            "membersPostsReports",
            [
                self.tr("Reported to"),
                self.tr("Community"),
                self.tr("Post"),
                self.tr("Since"),
                self.tr("Status"),
                self.tr("Left on"),
                self.tr("Hours"),
                self.tr("Evaluation"),
            ],
        )
        self.add_service_button = self._button(
            "membersPostsAddService",
            self.tr("Log &service..."),
            self.tr("Record service done on the chosen post (Ins)"),
            self.add_service,
        )
        self.edit_service_button = self._button(
            "membersPostsEditService",
            self.tr("Edit entr&y..."),
            self.tr("Edit the chosen service entry (Enter)"),
            self.edit_service,
        )
        self.delete_service_button = self._button(
            "membersPostsDeleteService",
            self.tr("Delete lo&g entry"),
            self.tr("Delete the chosen service entry (Del)"),
            self.delete_service,
        )
        self.services_table = make_item_table(
            self,
            "membersPostsServices",
            [self.tr("Date"), self.tr("Hours"), self.tr("What was done")],
        )
        self.services_total = QLabel(self)
        self.services_total.setObjectName("membersPostsServiceTotal")
        self.evaluate_button = self._button(
            "membersPostsEvaluate",
            self.tr("E&valuate..."),
            self.tr(
                "Record the yearly evaluation of the chosen post (Enter edits the chosen year)"
            ),
            self.evaluate,
        )
        self.clear_evaluation_button = self._button(
            "membersPostsClearEvaluation",
            self.tr("Re&move evaluation"),
            self.tr("Remove the chosen year's evaluation (Del)"),
            self.clear_evaluation,
        )
        self.evaluations_table = make_item_table(
            self,
            "membersPostsEvaluations",
            [self.tr("Year"), self.tr("Result"), self.tr("Remark")],
        )

        # The title on a line of its own: a long organization name does not squeeze it
        # into a narrow column beside the buttons.
        top = QHBoxLayout()
        for button in (
            self.report_button,
            self.edit_report_button,
            self.end_button,
            self.resume_button,
            self.delete_report_button,
        ):
            top.addWidget(button)
        top.addStretch(1)
        reports_box = QWidget(self)
        reports_layout = QVBoxLayout(reports_box)
        reports_layout.setContentsMargins(0, 0, 0, 0)
        reports_layout.addWidget(self.title_label)
        reports_layout.addLayout(top)
        reports_layout.addWidget(self.reports_table)

        self.services_box = QGroupBox(self.tr("Service log"), self)
        self.services_box.setObjectName("membersPostsServiceBox")
        services_buttons = QHBoxLayout()
        for button in (
            self.add_service_button,
            self.edit_service_button,
            self.delete_service_button,
        ):
            services_buttons.addWidget(button)
        services_buttons.addStretch(1)
        services_buttons.addWidget(self.services_total)
        services_layout = QVBoxLayout(self.services_box)
        services_layout.addLayout(services_buttons)
        services_layout.addWidget(self.services_table)

        self.evaluations_box = QGroupBox(self.tr("Yearly evaluations"), self)
        self.evaluations_box.setObjectName("membersPostsEvaluationBox")
        evaluation_buttons = QHBoxLayout()
        evaluation_buttons.addWidget(self.evaluate_button)
        evaluation_buttons.addWidget(self.clear_evaluation_button)
        evaluation_buttons.addStretch(1)
        evaluations_layout = QVBoxLayout(self.evaluations_box)
        evaluations_layout.addLayout(evaluation_buttons)
        evaluations_layout.addWidget(self.evaluations_table)

        lower = make_splitter(
            self,
            "membersPostsLowerSplitter",
            Qt.Orientation.Horizontal,
            [self.services_box, self.evaluations_box],
            (3, 2),
        )
        splitter = make_splitter(
            self, "membersPostsSplitter", Qt.Orientation.Vertical, [reports_box, lower]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.reports_table.itemSelectionChanged.connect(self._report_chosen)
        self.services_table.itemSelectionChanged.connect(self._update_buttons)
        self.evaluations_table.itemSelectionChanged.connect(self._update_buttons)
        # Under the member's details at 1024 px, the long texts (organization, community,
        # post, what was done, remark) give up width down to a few characters, elided, so
        # that no table scrolls sideways; fitted to their headers before a member is chosen.
        keep_chars(self.reports_table, dict.fromkeys((0, 1, 2, 7), NARROW_TEXT))
        keep_chars(self.services_table, {2: NARROW_TEXT})
        keep_chars(self.evaluations_table, {2: NARROW_TEXT})
        for table in (self.reports_table, self.services_table, self.evaluations_table):
            refit_columns(table)
        press = self.writes.press
        self.reports_table.doubleClicked.connect(lambda _i: press(self.edit_report_button))
        self.services_table.doubleClicked.connect(lambda _i: press(self.edit_service_button))
        self.evaluations_table.doubleClicked.connect(lambda _i: press(self.evaluate_button))
        keys: tuple[tuple[QTableWidget, str, QPushButton], ...] = (
            (self.reports_table, "Return", self.edit_report_button),
            (self.reports_table, "Enter", self.edit_report_button),
            (self.reports_table, "Delete", self.delete_report_button),
            (self.services_table, "Return", self.edit_service_button),
            (self.services_table, "Enter", self.edit_service_button),
            (self.services_table, "Insert", self.add_service_button),
            (self.services_table, "Delete", self.delete_service_button),
            (self.evaluations_table, "Return", self.evaluate_button),
            (self.evaluations_table, "Enter", self.evaluate_button),
            (self.evaluations_table, "Delete", self.clear_evaluation_button),
        )
        for table, key, button in keys:
            self.writes.shortcut(key, table, button, Qt.ShortcutContext.WidgetShortcut)
        self._guard_buttons()

    def _guard_buttons(self) -> None:
        """Each action: the member's office may change it (the member's rule), and what it
        acts on is chosen."""
        report = self.current_report

        def has_service() -> bool:
            return selected_id(self.services_table) is not None

        def removable() -> bool:
            chosen = report()
            return (
                chosen is not None and chosen.service_count == 0 and chosen.last_evaluation is None
            )

        conditions: tuple[tuple[QPushButton, Callable[[], bool]], ...] = (
            (self.report_button, lambda: self._member_id is not None),
            (self.edit_report_button, lambda: report() is not None),
            (self.end_button, lambda: (chosen := report()) is not None and chosen.active),
            (self.resume_button, lambda: (chosen := report()) is not None and not chosen.active),
            (self.delete_report_button, removable),
            (self.add_service_button, lambda: report() is not None),
            (self.edit_service_button, has_service),
            (self.delete_service_button, has_service),
            (self.evaluate_button, lambda: report() is not None),
            (
                self.clear_evaluation_button,
                lambda: selected_id(self.evaluations_table) is not None,
            ),
        )
        for button, when in conditions:
            self.writes.add(button, self.refused, when=when)

    def refused(self) -> str | None:
        """Why the account may not change the shown member's posts (None: it may)."""
        return self._refusal

    # -- the member --------------------------------------------------------------------------
    def member_id(self) -> int | None:
        return self._member_id

    def set_member(self, member_id: int | None, as_of: date | None = None) -> None:
        """Show the reports of ``member_id`` (``None``: nothing, the actions are disabled),
        read here with the rule of changing them; ``as_of``: chosen from the roll at that
        date (one moved away since is shown)."""
        self._choose(member_id, as_of)
        if member_id is None:
            self._refusal = permission_refusal(self.ctx.db.user, Permission.WRITE)
        else:
            self._refusal = member_editing.change_refusal(self.ctx.db, member_id, as_of)
        self.reload()

    def show_member(self, view: member_view.MemberView, as_of: date | None = None) -> None:
        """Show the member as the caller read them (``member_view.member_view``: their
        posts and the rule of changing them; nothing read here); ``as_of``: as
        :meth:`set_member`'s."""
        self._choose(view.member_id, as_of)
        self._refusal = view.actions.change
        if view.shown is None:
            self._show(None, view.refusal)
        else:
            self._show(view.shown.posts)

    def _choose(self, member_id: int | None, as_of: date | None) -> None:
        if member_id != self._member_id:
            self._member_id = member_id
            self.reports_table.clearSelection()
        self.as_of = as_of

    def reload(self, keep_report: int | None = None) -> None:
        """Read the member's reports again (after writes here or elsewhere)."""
        member_id = self._member_id
        if member_id is None:
            self._show(None, keep_report=keep_report)
            return
        try:
            posts = member_view.member_posts(self.ctx.db, member_id, self.as_of)
        except UserError as exc:
            self._show(None, exc.message)
        else:
            self._show(posts, keep_report=keep_report)

    def _show(
        self,
        posts: member_view.MemberPosts | None,
        refusal: str | None = None,
        keep_report: int | None = None,
    ) -> None:
        """Show ``posts`` (None: no member; ``refusal``: the member may not be read, why),
        the report ``keep_report`` chosen, else the one chosen before, else the newest."""
        keep = keep_report if keep_report is not None else self.current_report_id()
        self._posts = posts
        if posts is None:
            self.reports = []
            if refusal is None:
                self.title_label.setText(self.tr("Choose a member to see their posts."))
            else:
                self._member_id = None
                self.title_label.setText(refusal)
        else:
            self.reports = list(posts.reports)
            if keep is None and self.reports:  # the newest report, so its log shows at once
                keep = self.reports[0].id
            on_post = sum(1 for r in self.reports if r.active)
            self.title_label.setText(
                self.tr("{0} ({1}), on a post now: {2}").format(
                    posts.name, posts.organization_name, on_post
                )
            )
        rows = [
            (
                r.id,
                [
                    r.organization_name,
                    r.community_name or "",
                    r.post_name or self.tr("(no post yet)"),
                    fmt_date(r.reported_on),
                    label(r.status),
                    fmt_date(r.ended_on),
                    hours_text(r.service_hours),
                    (
                        f"{r.last_evaluation_year} {label(r.last_evaluation)}"
                        if r.last_evaluation is not None
                        else ""
                    ),
                ],
            )
            for r in self.reports
        ]
        self.reports_table.blockSignals(True)
        fill_table(self.reports_table, rows, keep, right=(HOURS_COLUMN,))
        for r, report in enumerate(self.reports):
            if not report.active:
                for c in range(self.reports_table.columnCount()):
                    cell = self.reports_table.item(r, c)
                    if cell is not None:
                        cell.setForeground(QBrush(QColor(ENDED_COLOR)))
        self.reports_table.blockSignals(False)
        self._report_chosen()

    def current_report(self) -> reports.ReportRow | None:
        report_id = selected_id(self.reports_table)
        return next((r for r in self.reports if r.id == report_id), None)

    def current_report_id(self) -> int | None:
        report = self.current_report()
        return report.id if report else None

    def select_report(self, report_id: int) -> bool:
        return select_id(self.reports_table, report_id)

    def _report_chosen(self) -> None:
        report = self.current_report()
        keep_service = selected_id(self.services_table)
        keep_year = selected_id(self.evaluations_table)
        if report is None:
            self.services, self.evaluations = [], []
            self.services_box.setTitle(self.tr("Service log"))
            self.evaluations_box.setTitle(self.tr("Yearly evaluations"))
        else:
            # read with the reports (their hours and counts agree with them)
            posts = self._posts
            self.services = list(posts.services.get(report.id, ())) if posts else []
            self.evaluations = list(posts.evaluations.get(report.id, ())) if posts else []
            where = report.organization_name
            self.services_box.setTitle(self.tr("Service log: {0}").format(where))
            self.evaluations_box.setTitle(self.tr("Yearly evaluations: {0}").format(where))
        for table in (self.services_table, self.evaluations_table):
            table.blockSignals(True)
        fill_table(
            self.services_table,
            [
                (s.id, [fmt_date(s.served_on), hours_text(s.hours), s.content])
                for s in self.services
            ],
            keep_service,
            right=(1,),
        )
        fill_table(
            self.evaluations_table,
            [(e.year, [str(e.year), label(e.result), e.remark or ""]) for e in self.evaluations],
            keep_year,
        )
        for table in (self.services_table, self.evaluations_table):
            table.blockSignals(False)
        total = sum(s.hours for s in self.services)
        self.services_total.setText(
            self.tr("{0} entries, {1} hours").format(len(self.services), hours_text(total))
            if report is not None
            else ""
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.writes.update()

    # -- actions -----------------------------------------------------------------------------
    def _open(self, make: Callable[[], QDialog], on_saved: Callable[[int], object]) -> None:
        """Open the dialog ``make`` builds; a record gone meanwhile is said and reloaded."""
        self.open_made(make, on_saved, gone=self.reload)

    def _after_report(self, report_id: int) -> None:
        self.reload(report_id)
        self.changed.emit()

    def _after_service(self, service_id: int) -> None:
        self.reload()
        select_id(self.services_table, service_id)
        self.changed.emit()

    def _after_evaluation(self, _evaluation_id: int) -> None:
        self.reload()
        self.changed.emit()

    def new_report(self) -> None:
        member_id = self._member_id
        if member_id is None:
            return
        self._open(lambda: PostReportDialog(self.ctx, member_id, parent=self), self._after_report)

    def edit_report(self) -> None:
        report = self.current_report()
        if report is None:
            return
        self._open(
            lambda: PostReportDialog(self.ctx, report.member_id, report_id=report.id, parent=self),
            self._after_report,
        )

    def end_report(self) -> None:
        report = self.current_report()
        if report is None or not report.active:
            return
        self._open(lambda: EndReportDialog(self.ctx, report.id, parent=self), self._after_report)

    def _write(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserError as exc:
            messages.show_user_error(self, exc)
            self.reload()
            return False
        self.changed.emit()
        return True

    def resume_report(self) -> None:
        report = self.current_report()
        if report is None or report.active:
            return
        question = self.tr("{0} is on this post again (leaving it was a mistake)?").format(
            report_caption(report)
        )
        if not messages.confirm(self, self.tr("Back on post"), question):
            return
        if self._write(lambda: reports.resume_report(self.ctx.db, report.id)):
            self.reload(report.id)

    def delete_report(self) -> None:
        report = self.current_report()
        if report is None:
            return
        question = self.tr("Delete this report? {0}").format(report_caption(report))
        if not messages.confirm(self, self.tr("Delete report"), question):
            return
        if self._write(lambda: reports.delete_report(self.ctx.db, report.id)):
            self.reload()

    def add_service(self) -> None:
        report = self.current_report()
        if report is None:
            return
        self._open(lambda: ServiceLogDialog(self.ctx, report.id, parent=self), self._after_service)

    def edit_service(self) -> None:
        report = self.current_report()
        service_id = selected_id(self.services_table)
        if report is None or service_id is None:
            return
        self._open(
            lambda: ServiceLogDialog(self.ctx, report.id, service_id=service_id, parent=self),
            self._after_service,
        )

    def delete_service(self) -> None:
        service_id = selected_id(self.services_table)
        entry = next((s for s in self.services if s.id == service_id), None)
        if entry is None:
            return
        question = self.tr("Delete the service of {0} ({1} hours): {2}?").format(
            fmt_date(entry.served_on), hours_text(entry.hours), entry.content
        )
        if not messages.confirm(self, self.tr("Delete service entry"), question):
            return
        if self._write(lambda: service_log.delete_service(self.ctx.db, entry.id)):
            self.reload()

    def evaluate(self) -> None:
        report = self.current_report()
        if report is None:
            return
        year = selected_id(self.evaluations_table)
        self._open(
            lambda: EvaluationDialog(self.ctx, report.id, year=year, parent=self),
            self._after_evaluation,
        )

    def clear_evaluation(self) -> None:
        report = self.current_report()
        year = selected_id(self.evaluations_table)
        if report is None or year is None:
            return
        question = self.tr("Remove the {0} evaluation of {1}?").format(year, report.member_name)
        if not messages.confirm(self, self.tr("Remove evaluation"), question):
            return
        if self._write(lambda: evaluations.clear_evaluation(self.ctx.db, report.id, year)):
            self.reload()
