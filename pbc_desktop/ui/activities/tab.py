"""The 活动 tab: activities and meetings, newest first, with 应到/实到, a month view, the
editor, the venues (阵地) manager and printed minutes and sign-in sheets."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QWidget,
)

from pbc_desktop.domain.attendance import absence_text
from pbc_desktop.domain.enums import ActivityKind, ActivityStatus, AttendanceStatus
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.errors import UserError
from pbc_desktop.lang import language, t
from pbc_desktop.services import scope, stats
from pbc_desktop.services.activities import detail, editing, listing
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.activities.dialog import ActivityDialog
from pbc_desktop.ui.common import messages, printing, prompts
from pbc_desktop.ui.common.columns import WHOLE
from pbc_desktop.ui.common.combos import as_enum, current_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date, fmt_datetime, to_date, to_qdate
from pbc_desktop.ui.common.detail import fields, grid, heading
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column

TITLE_CHARS = 9  # the fewest characters of a title the table shows
TRAINING = "*training"  # the kind combo's entry for every training kind (not a code)
MINUTES, SIGNIN = "minutes", "signin"
BuildFn = Callable[..., Path]


def absence(a: detail.AttendanceView) -> str:
    """Why someone was absent, in the interface's language (as the minutes put it)."""
    return absence_text(a.absence_reason, a.reason_text, language())


class MonthView(QCalendarWidget):
    """A month calendar with the number of activities painted in each day's corner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[date, int] = {}
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setMinimumWidth(320)

    def set_counts(self, counts: dict[date, int]) -> None:
        self.counts = counts
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, day: QDate) -> None:
        super().paintCell(painter, rect, day)
        n = self.counts.get(to_date(day), 0)
        if not n:
            return
        painter.save()
        size = max(14, min(rect.width(), rect.height()) // 2)
        badge = QRect(rect.right() - size, rect.top() + 1, size, size * 3 // 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#c0392b"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(n))
        painter.restore()


class ActivitiesTab(ListingTab[listing.ActivityRow]):
    """Activities and meetings: listing, month view, editing, venues and printing."""

    key = "activities"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._build_actions()
        self.table.doubleClicked.connect(lambda _i: self.writes.press(self.edit_button))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def init_state(self) -> None:
        self._host_org_id: int | None = None
        self._date_from: date | None = None
        self._date_to: date | None = None

    # -- actions row and month view ------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_button = self.button(
            "New", self.tr("&New activity..."), self.new_activity, rule=self.refused_new
        )
        self.edit_button = self.selection_button("Edit", self.tr("&Edit..."), self.edit_current)
        self.delete_button = self.selection_button(
            "Delete", self.tr("&Delete"), self.delete_current
        )
        self.venues_button = self.button("Venues", self.tr("&Venues (阵地)..."), self.open_venues)
        self.document_combo = QComboBox(self)
        self.document_combo.setObjectName("activitiesDocument")
        self.document_combo.addItem(self.tr("Minutes / record"), MINUTES)
        self.document_combo.addItem(self.tr("Sign-in sheet"), SIGNIN)
        self.document_combo.setToolTip(self.tr("Which document to print"))
        self.preview_button = self.button("Preview", self.tr("Print previe&w..."), self.preview)
        self.print_button = self.button("Print", self.tr("&Print..."), self.print_document)
        self.pdf_button = self.button("Pdf", self.tr("Save &as PDF..."), self.save_pdf)
        self.month_button = self.button("MonthView", self.tr("&Month view"), self._toggle_month)
        self.month_button.setCheckable(True)
        self.insert_row(
            0,
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.venues_button,
            None,
            self.document_combo,
            self.preview_button,
            self.print_button,
            self.pdf_button,
            None,
            self.month_button,
        )

        self.month_view = MonthView(self)
        self.month_view.setObjectName("activitiesMonthView")
        self.month_view.hide()
        self.splitter.insertWidget(0, self.month_view)
        self.splitter.setStretchFactor(0, 0)
        self.month_view.currentPageChanged.connect(lambda _y, _m: self._refresh_month())
        self.month_view.clicked.connect(self.show_day)
        self.month_view.activated.connect(self.show_day)

    def _toggle_month(self) -> None:
        on = self.month_button.isChecked()
        self.month_view.setVisible(on)
        if on:
            self._refresh_month()
            self.month_view.setFocus()

    def _refresh_month(self) -> None:
        if not self.month_view.isVisible():
            return
        query = replace(self.query(), date_from=None, date_to=None)
        view = self.month_view
        view.set_counts(listing.day_counts(self.ctx.db, query, view.yearShown(), view.monthShown()))

    def show_day(self, day: QDate) -> None:
        """Filter the table to the activities of one day (clicked in the month view)."""
        when = to_date(day)
        self.with_signals_blocked([self.year_combo], lambda: self.year_combo.setCurrentIndex(0))
        self._date_from = self._date_to = when
        notes = [self.tr("On {0}").format(fmt_date(when))]
        if self._host_org_id is not None:
            name = scope.organization_name(self.ctx.db, self._host_org_id) or ""
            notes.insert(0, self.tr("Hosted by {0}").format(name))
        self.set_extra_text(notes)
        self.reload()

    def reload(self, *, keep_rows: int = 0) -> None:
        super().reload(keep_rows=keep_rows)
        if hasattr(self, "month_view"):
            self._refresh_month()
            self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_row()
        widgets: tuple[QWidget, ...] = (
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.document_combo,
        )
        for widget in widgets:
            widget.setEnabled(row is not None)
        if row is not None:
            wanted = SIGNIN if row.status == ActivityStatus.PLANNED else MINUTES
            select_data(self.document_combo, wanted, otherwise=-1)

    # -- editing -------------------------------------------------------------------------
    def creation_refusal(self) -> str | None:
        return editing.change_refusal(self.ctx.db)

    def change_refusal(self, row: listing.ActivityRow) -> str | None:
        return editing.change_refusal(self.ctx.db, row.id)

    def new_activity(self) -> ActivityDialog:
        community = self.community_combo.currentData()
        day = self._date_from if self._date_from == self._date_to else None
        dialog = ActivityDialog(
            self.ctx,
            None,
            community_id=community if isinstance(community, int) else None,
            day=day,
            parent=self,
        )
        self.open_dialog(dialog, self.show_saved)
        return dialog

    def edit_current(self) -> ActivityDialog | None:
        return self.open_for_selected(lambda row: ActivityDialog(self.ctx, row.id, parent=self))

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        question = self.tr(
            "Delete the activity \u201c{0}\u201d of {1} with its attendance, agenda, "
            "photos and files? This cannot be undone."
        ).format(row.title, fmt_datetime(row.starts_at))
        if not messages.confirm(self, self.tr("Delete activity"), question):
            return
        if messages.guarded(self, lambda: editing.delete_activity(self.ctx.db, row.id)):
            self.refresh()

    def open_venues(self) -> QDialog:
        from pbc_desktop.ui.activities.venues_dialog import VenuesDialog

        dialog = VenuesDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.refresh())
        self.open_dialog(dialog)
        return dialog

    # -- printing ------------------------------------------------------------------------
    def document(self) -> str:
        return str(self.document_combo.currentData())

    def write_pdf(self, out_path: Path) -> Path | None:
        """Build the chosen document of the selected activity, off the UI thread."""
        row = self.current_row()
        if row is None:
            return None
        # ReportLab is loaded at the first print, not with the tab (a tenth of a second).
        from pbc_desktop.reports.minutes import build_minutes
        from pbc_desktop.reports.signin import build_signin

        build: BuildFn = build_signin if self.document() == SIGNIN else build_minutes
        db = self.ctx.db
        notes: list[str] = []  # words with characters no font has (filled on the worker)

        def job(progress: Callable[[int, str], None], _cancel: Callable[[], bool]) -> Path:
            progress(10, "")
            return build(db, row.id, out_path, warn=notes.append)

        from pbc_desktop.ui.common.worker import run_with_progress

        outcome = run_with_progress(self, self.tr("Preparing the document..."), job)
        if isinstance(outcome.error, UserError):
            messages.show_user_error(self, outcome.error)
            return None
        if outcome.error is not None:
            raise outcome.error
        printing.warn_unprintable(self, notes)
        return outcome.result

    def _with_pdf(self, use: Callable[[Path], None]) -> None:
        with tempfile.TemporaryDirectory(prefix="pbc-print-") as folder:
            pdf = self.write_pdf(Path(folder) / "document.pdf")
            if pdf is not None:
                use(pdf)

    def exec_dialog(self, dialog: QDialog) -> int:
        """Run a modal print dialog (tests replace this)."""
        return dialog.exec()

    def preview(self) -> None:
        def show(pdf: Path) -> None:
            printer = printing.new_printer()  # held here: the dialog does not own it
            self._painted(
                printing.preview_pdf(
                    self,
                    pdf,
                    printer,
                    title=self.tr("Print preview"),
                    size=(900, 1000),
                    run=self.exec_dialog,
                )
            )

        self._with_pdf(show)

    def print_document(self) -> None:
        def send(pdf: Path) -> None:
            self._painted(printing.print_pdf(self, pdf, printing.new_printer(), self.exec_dialog))

        self._with_pdf(send)

    def _painted(self, pages: int | None) -> None:
        if pages is not None:
            self.printed_pages = pages

    def choose_pdf_path(self, suggested: str) -> str:
        """Ask where to save (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(prompts.suggested_file(suggested)),
            self.tr("PDF files (*.pdf)"),
        )
        return name

    def save_pdf(self) -> Path | None:
        row = self.current_row()
        if row is None:
            return None
        kind = self.tr("sign-in sheet") if self.document() == SIGNIN else self.tr("minutes")
        suggested = f"{row.starts_at:%Y%m%d} {row.title} {kind}.pdf"
        name = self.choose_pdf_path(suggested)
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        written = self.write_pdf(path)
        if written is not None:
            prompts.offer_folder(self, self.tr("Save as PDF"), written)
        return written

    def search_hint(self) -> str:
        return self.tr("Search title, place, community or host")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.community_combo = self.data_combo("CommunityFilter")
        self.kind_combo = self.enum_combo(ActivityKind, self.tr("All kinds"), "KindFilter")
        self.kind_combo.insertItem(1, self.tr("All trainings"), TRAINING)
        self.status_combo = self.enum_combo(ActivityStatus, self.tr("Any status"), "StatusFilter")
        self.year_combo = self.data_combo("YearFilter")
        self.town_combo = self.data_combo("TownFilter")
        for combo in (
            self.community_combo,
            self.kind_combo,
            self.status_combo,
            self.year_combo,
            self.town_combo,
        ):
            row.addWidget(combo, 1)

    def fill_choices(self) -> None:
        db = self.ctx.db
        self.fill_community_combo(self.community_combo)
        self.fill_year_combo(self.year_combo, stats.available_years(db))
        self.fill_town_combo(self.town_combo)

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        return 0, Qt.SortOrder.DescendingOrder

    def columns(self) -> Sequence[Column[listing.ActivityRow]]:
        return [
            Column(
                self.tr("Date and time"),
                lambda r: fmt_datetime(r.starts_at),
                "starts_at",
                min_chars=WHOLE,
            ),
            Column(self.tr("Kind"), lambda r: label(r.kind), "kind"),
            Column(self.tr("Title"), lambda r: r.title, "title", min_chars=TITLE_CHARS),
            # beside the title: on a narrow screen the columns after it may scroll away
            Column(
                self.tr("Status"),
                lambda r: label(r.status),
                foreground=lambda r: "#999999" if r.status == ActivityStatus.CANCELLED else None,
                min_chars=WHOLE,
            ),
            Column(self.tr("Community"), lambda r: r.community_name, "community"),
            # drop: left out of a narrow table, the highest first (the detail pane has them)
            Column(self.tr("Host"), lambda r: r.host_org_name, drop=1),
            Column(self.tr("Place"), lambda r: r.place, drop=2),
            # short English headers (the whole in their tooltips) over the short numbers
            Column(
                self.tr("Exp."),
                lambda r: r.expected,
                align_right=True,
                header_tip=self.tr("Expected"),
            ),
            Column(
                self.tr("Pres."),
                lambda r: r.present,
                align_right=True,
                header_tip=self.tr("Present"),
            ),
            Column(self.tr("Trainees"), lambda r: r.trainee_count or "", align_right=True, drop=3),
        ]

    def query(self) -> listing.ActivityQuery:
        year = self.year_combo.currentData()
        date_from, date_to = self._date_from, self._date_to
        if year is not None:
            date_from, date_to = date(year, 1, 1), date(year, 12, 31)
        return listing.ActivityQuery(
            community_id=self.community_combo.currentData(),
            kind=current_enum(self.kind_combo, ActivityKind),
            training_only=self.kind_combo.currentData() == TRAINING,
            status=current_enum(self.status_combo, ActivityStatus),
            host_org_id=self._host_org_id,
            date_from=date_from,
            date_to=date_to,
            text=self.search_edit.text(),
            town=self.town_combo.currentData(),
        )

    def fetch(self, page: PageRequest) -> list[listing.ActivityRow]:
        return listing.list_activities(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return listing.count_activities(self.ctx.db, self.query())

    def count_aside(self) -> Callable[[], int]:
        # a district's several years: counting what a search finds reads all of them
        db, query = self.ctx.db, self.query()
        return lambda: listing.count_activities(db, query)

    def clear_extra(self) -> None:
        self._host_org_id = None
        self._date_from = self._date_to = None

    def apply_filters(
        self,
        *,
        text: str = "",
        community_id: int | None = None,
        kind: ActivityKind | str | None = None,
        training_only: bool = False,
        status: ActivityStatus | str | None = None,
        host_org_id: int | None = None,
        year: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        town: str | None = None,
    ) -> None:
        """Show exactly the activities matching these filters (called by the dashboard)."""
        self.set_filters(
            text,
            chosen=[
                (self.community_combo, community_id),
                (self.kind_combo, TRAINING if training_only else as_enum(ActivityKind, kind)),
                (self.status_combo, as_enum(ActivityStatus, status)),
            ],
            added=[(self.year_combo, year), (self.town_combo, town)],
        )
        self._host_org_id = host_org_id
        self._date_from, self._date_to = date_from, date_to
        notes = []
        if host_org_id is not None:
            name = scope.organization_name(self.ctx.db, host_org_id) or str(host_org_id)
            notes.append(self.tr("Hosted by {0}").format(name))
        if year is None and (date_from or date_to):
            notes.append(self.tr("From {0} to {1}").format(fmt_date(date_from), fmt_date(date_to)))
        if year is None and date_from and date_from == date_to:
            self.month_view.setSelectedDate(to_qdate(date_from))
        self.set_extra_text(notes)
        self.reload()

    def detail_html(self, row: listing.ActivityRow) -> str:
        d = detail.get_activity_detail(self.ctx.db, row.id)
        when = fmt_datetime(d.starts_at)
        if d.ends_at:
            when += " – " + d.ends_at.strftime("%H:%M")
        absent = t("，", ", ").join(
            with_note(a.person_name, absence(a)) if absence(a) else a.person_name for a in d.absent
        )
        return "".join(
            [
                heading(d.title),
                fields(
                    [
                        (self.tr("Kind"), label(d.kind)),
                        (self.tr("Status"), label(d.status)),
                        (self.tr("Time"), when),
                        (self.tr("Community"), d.community_name),
                        (self.tr("Host"), d.host_org_name),
                        (self.tr("Place"), d.place),
                        (self.tr("Chair"), d.chair),
                        (self.tr("Recorder"), d.recorder),
                        (self.tr("Lecturer"), d.lecturer),
                        (self.tr("Guests"), d.guests),
                        (self.tr("Participating organizations"), "、".join(d.organizations)),
                        # not held yet (or cancelled): those called, none present yet
                        (self.tr("Expected"), str(d.expected))
                        if d.present is None
                        else (
                            self.tr("Expected / present"),
                            self.tr("{0} / {1}").format(d.expected, d.present),
                        ),
                        (self.tr("Absent"), absent),
                        (self.tr("Trainees (person-times)"), d.trainee_count or None),
                        (self.tr("Summary"), d.summary),
                        (self.tr("From office"), d.origin),
                    ]
                ),
                heading(self.tr("Agenda and resolutions")),
                grid(
                    [self.tr("No."), self.tr("Item"), self.tr("Discussion"), self.tr("Resolution")],
                    [(a.seq, a.title, a.discussion, a.resolution) for a in d.agenda],
                    self.tr("No agenda recorded."),
                ),
                heading(self.tr("Attendance")),
                grid(
                    [self.tr("Name"), self.tr("Attendance"), self.tr("Reason")],
                    [
                        (
                            a.person_name,
                            # called to a meeting not held: not 出席 yet
                            label(a.status)
                            if d.present is not None or a.status is not AttendanceStatus.PRESENT
                            else "",
                            absence(a),
                        )
                        for a in d.attendance
                    ],
                    self.tr("No attendance recorded."),
                ),
            ]
        )
