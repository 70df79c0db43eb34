"""The 发展党员 tab: everyone on the way into the party, who is due for which step and who
is late, per branch and town; new applicants, their dated steps, and the printed 公示 and
备案表."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMenu, QWidget

from pbc_desktop.domain.development import DevelopmentStage, correction_refusal
from pbc_desktop.errors import UserError
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.development import detail, forms, listing, records
from pbc_desktop.services.development.listing import DevelopmentQuery, DevelopmentRow, Urgency
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.columns import WHOLE
from pbc_desktop.ui.common.combos import as_enum, current_enum, fill_choices
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.detail import fields, grid, heading
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.development.dialogs import ApplicantDialog, CorrectStepDialog, StepDialog


class DevelopmentTab(ListingTab[DevelopmentRow]):
    """The pipeline, the most urgent first: late steps, then those due, then the rest."""

    key = "development"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.new_button = self.button(
            "New",
            self.tr("&New applicant..."),
            self.new_applicant,
            self.tr("Enter an applicant from the application (Ctrl+N)"),
            rule=self.refused_new,
        )
        self.edit_button = self.selection_button(
            "Edit",
            self.tr("&Edit..."),
            self.edit_applicant,
            self.tr("Correct the selected person's data (double-click)"),
            rule=self.refused_edit,
        )
        # also for a person whose member died or left the roll: a step dated up to that
        # day, entered late, is taken (the dialog offers no later day)
        self.step_button = self.selection_button(
            "Step",
            self.tr("Record a &step..."),
            self.record_step,
            self.tr("Record a dated step of the selected person (Enter)"),
        )
        self.correct_button = self.button(
            "CorrectStep",
            self.tr("&Correct the latest step..."),
            self.correct_step,
            self.tr("Correct or remove the step recorded last, when it was entered by mistake"),
        )
        self.writes.add(
            self.correct_button,
            self.refused_selected,
            when=self.has_selection,
            why_not=self._nothing_to_correct,
        )
        self.notice_button = self.button(
            "Notice", self.tr("&Public notice"), lambda: None, self.tr("Print a 公示 as PDF")
        )
        menu = QMenu(self.notice_button)
        for kind in forms.NoticeKind:
            name = f"developmentNotice{kind.value.title()}"
            menu.addAction(make_action(menu, name, label(kind), self._notice_slot(kind)))
        self.notice_button.setMenu(menu)
        self.filing_button = self.button(
            "Filing",
            self.tr("Filing f&orm (PDF)..."),
            self.save_filing,
            self.tr("The 发展党员工作备案表 of the selected person, as PDF"),
        )
        # a read, whoever sees the person: enabled by the selection, not the write guard
        self.table.selectionModel().selectionChanged.connect(self._filing_follows_selection)
        self._filing_follows_selection()
        self.insert_row(
            0,
            self.new_button,
            self.edit_button,
            self.step_button,
            self.correct_button,
            self.notice_button,
            self.filing_button,
            None,
        )
        self.add_record_shortcuts(self.new_button, self.step_button, self.step_button)
        self.table.doubleClicked.connect(lambda _index: self.writes.press(self.edit_button))

    # -- listing -----------------------------------------------------------------------------
    def _filing_follows_selection(self, *_args: object) -> None:
        self.filing_button.setEnabled(self.has_selection())

    def search_hint(self) -> str:
        return self.tr("Search name or last digits of the ID number")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.organization_combo = self.data_combo("OrganizationFilter")
        self.town_combo = self.data_combo("TownFilter")
        self.stage_combo = self.enum_combo(
            DevelopmentStage, self.tr("Every stage in progress"), "StageFilter"
        )
        self.urgency_combo = self.choice_combo(
            "UrgencyFilter",
            [
                (self.tr("Due or not"), Urgency.ALL.value),
                (self.tr("Due within a month or late"), Urgency.DUE.value),
                (self.tr("Late"), Urgency.LATE.value),
            ],
        )
        row.addWidget(self.organization_combo, 2)
        for combo in (self.town_combo, self.stage_combo, self.urgency_combo):
            row.addWidget(combo, 1)

    def fill_choices(self) -> None:
        fill_choices(
            self.organization_combo,
            orgs.choices(self.ctx.db),
            self.tr("All organizations"),
            keep_current=True,
        )
        self.fill_town_combo(self.town_combo)

    def columns(self) -> Sequence[Column[DevelopmentRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name, "name"),
            Column(self.tr("Stage"), lambda r: label(r.stage), "stage"),
            Column(self.tr("Next step"), lambda r: label(r.next_step)),
            Column(self.tr("Due on"), self._due_text, "due_on", min_chars=WHOLE),
            Column(self.tr("Days late"), lambda r: str(r.days_overdue) if r.late else ""),
            Column(self.tr("Organization"), lambda r: r.organization_name, "organization"),
            # the detail pane shows these three too: a narrow screen leaves them out first
            Column(self.tr("Town"), lambda r: r.town, drop=3),
            Column(
                self.tr("Applied on"),
                lambda r: fmt_date(r.applied_on),
                "applied_on",
                min_chars=WHOLE,
                drop=2,
            ),
            Column(self.tr("ID number"), lambda r: r.id_number, min_chars=WHOLE, drop=1),
        ]

    def _due_text(self, row: DevelopmentRow) -> str:
        return self._by(row.due_on, row.deadline)

    def _by(self, due_on: date | None, deadline: bool) -> str:
        """A deadline's date, or the first day a step may be taken ("from …")."""
        if due_on is None:
            return ""
        return fmt_date(due_on) if deadline else self.tr("from {0}").format(fmt_date(due_on))

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        return -1, Qt.SortOrder.AscendingOrder  # the most urgent first (the service's order)

    def query(self) -> DevelopmentQuery:
        return DevelopmentQuery(
            text=self.search_edit.text(),
            organization_id=self.organization_combo.currentData(),
            town=self.town_combo.currentData(),
            stage=current_enum(self.stage_combo, DevelopmentStage),
            urgency=Urgency(self.urgency_combo.currentData()),
        )

    def fetch(self, page: PageRequest) -> list[DevelopmentRow]:
        return listing.list_development(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return listing.count_development(self.ctx.db, self.query())

    def apply_filters(
        self,
        *,
        text: str = "",
        organization_id: int | None = None,
        town: str | None = None,
        stage: DevelopmentStage | str | None = None,
        urgency: Urgency | str = Urgency.ALL,
    ) -> None:
        """Show exactly the people matching these filters (the reminders call it)."""
        self.set_filters(
            text,
            chosen=[
                (self.organization_combo, organization_id),
                (self.stage_combo, as_enum(DevelopmentStage, stage)),
                (self.urgency_combo, Urgency(urgency).value),
            ],
            added=[(self.town_combo, town)],
        )
        self.reload()

    def detail_html(self, row: DevelopmentRow) -> str:
        d = detail.get_development_detail(self.ctx.db, row.id)
        today = date.today()
        dues = [
            (
                label(due.step),
                fmt_date(due.due_on)
                if due.deadline
                else self.tr("from {0}").format(fmt_date(due.due_on))
                if due.due_on
                else "",
                self.tr("{0} days late").format(due.days_overdue(today)) if due.late(today) else "",
            )
            for due in d.dues
        ]
        return "".join(
            [
                heading(d.name),
                fields(
                    [
                        (self.tr("Stage"), label(d.stage)),
                        (self.tr("Organization"), d.organization_name),
                        (self.tr("Town"), d.town),
                        (self.tr("Gender"), label(d.gender)),
                        (self.tr("Birth date"), d.birth_date),
                        (self.tr("ID number"), d.id_number),
                        (self.tr("Phone"), d.phone),
                        (self.tr("Education"), d.education),
                        (self.tr("Work unit"), d.work_unit),
                        (self.tr("Probation ends"), fmt_date(d.probation_ends)),
                        (self.tr("Remark"), d.remark),
                    ]
                ),
                heading(self.tr("Due next")),
                grid([self.tr("Step"), self.tr("By"), ""], dues, self.tr("Nothing is due.")),
                heading(self.tr("Steps taken")),
                grid(
                    [self.tr("Step"), self.tr("Date"), self.tr("People"), self.tr("Remark")],
                    [(label(s.step), fmt_date(s.occurred_on), s.people, s.remark) for s in d.steps],
                    self.tr("No steps yet."),
                ),
            ]
        )

    # -- writing -----------------------------------------------------------------------------
    def creation_refusal(self) -> str | None:
        return records.change_refusal(self.ctx.db)

    def change_refusal(self, row: DevelopmentRow) -> str | None:
        return records.change_refusal(self.ctx.db, row.id)

    def refused_edit(self) -> str | None:
        """Changing the record, and its personal data still its own (not yet a member's)."""
        refused = self.refused_selected()
        row = self.current_row()
        if refused is None and row is not None and row.member_id is not None:
            return self.tr(
                "Admitted as a probationary member: the personal data is edited on the member "
                "(Party members tab)."
            )
        return refused

    def _nothing_to_correct(self) -> str | None:
        """Only the application recorded: no later step to correct (the service's sentence)."""
        row = self.current_row()
        return None if row is None else correction_refusal(row.latest_step)

    def new_applicant(self) -> ApplicantDialog | None:
        if self.raise_active_dialog():
            return None
        dialog = ApplicantDialog(
            self.ctx, organization_id=self.organization_combo.currentData(), parent=self
        )
        self.open_dialog(dialog, self.show_saved)
        return dialog

    def record_step(self) -> StepDialog | None:
        if self.has_selection() and self.raise_active_dialog():
            return None
        return self.open_for_selected(lambda r: StepDialog(self.ctx, r.id, parent=self))

    def edit_applicant(self) -> ApplicantDialog | None:
        if self.has_selection() and self.raise_active_dialog():
            return None
        return self.open_for_selected(
            lambda r: ApplicantDialog(self.ctx, record_id=r.id, parent=self)
        )

    def correct_step(self) -> CorrectStepDialog | None:
        if self.has_selection() and self.raise_active_dialog():
            return None
        return self.open_for_selected(lambda r: CorrectStepDialog(self.ctx, r.id, parent=self))

    # -- printing ----------------------------------------------------------------------------
    def _notice_slot(self, kind: forms.NoticeKind) -> Callable[[], object]:
        return lambda: self.save_notice(kind)

    def save_notice(self, kind: forms.NoticeKind) -> Path | None:
        """The 公示 of the chosen organization (or the selected person's), from a day asked."""
        row = self.current_row()
        org_id = self.organization_combo.currentData() or (row.organization_id if row else None)
        title = label(kind)
        if org_id is None:
            messages.warning(
                self, title, self.tr("Choose an organization in the filter, or select a person.")
            )
            return None
        starts = prompts.ask_date(self, title, self.tr("The notice starts on:"))
        if starts is None:
            return None
        try:
            notice = forms.publicity_notice(self.ctx.db, org_id, kind, starts)
        except UserError as error:
            messages.show_user_error(self, error)
            return None
        path = prompts.ask_save_path(
            self, title, prompts.suggested_file(f"{notice.organization_name}{title}.pdf")
        )
        if path is None:
            return None
        from pbc_desktop.reports.development import write_publicity_pdf

        written = write_publicity_pdf(notice, path)
        prompts.offer_folder(self, title, written)
        return written

    def save_filing(self) -> Path | None:
        row = self.current_row()
        title = self.tr("Filing form")
        if row is None:
            messages.warning(self, title, self.tr("Select a person first."))
            return None
        try:
            form = forms.filing_form(self.ctx.db, row.id)
        except UserError as error:
            messages.show_user_error(self, error)
            self.refresh()
            return None
        path = prompts.ask_save_path(
            self, title, prompts.suggested_file(f"发展党员工作备案表（{row.name}）.pdf")
        )
        if path is None:
            return None
        from pbc_desktop.reports.development import write_filing_pdf

        written = write_filing_pdf(form, path)
        prompts.offer_folder(self, title, written)
        return written
