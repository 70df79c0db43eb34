"""工具 → 操作日志: who did what and when, before → after, filtered and paged; and the check
that the log's hash chain is intact (run off the UI thread, with progress and cancel)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import SYSTEM
from pbc_desktop.domain.audit_entries import FieldChange
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import audit_log
from pbc_desktop.services.audit_chain import ChainCheck, verify_chain
from pbc_desktop.services.audit_log import AuditQuery, AuditRow, WhoChoice
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common import detail, messages
from pbc_desktop.ui.common.combos import current_enum
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import date_of, fmt_datetime, optional_date_edit
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.menu_actions import MenuWindow
from pbc_desktop.ui.common.screens import fit_to_screen
from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.common.views import close_buttons
from pbc_desktop.ui.common.worker import run_with_progress, succeeded

_CHANGED_STYLE = "background:#fff3cd"
_SAME_STYLE = "color:#666"
_BROKEN_STYLE = "color:#c0392b"


def _cell(value: str) -> str:
    return escape(value).replace("\n", "<br>")


class AuditPanel(ListingTab[AuditRow]):
    """The entries (newest first), their filters and the selected entry's facts."""

    key = "audit"
    select_first_row = True

    def init_state(self) -> None:
        self._entry_id: int | None = None

    def search_hint(self) -> str:
        return self.tr("Search the summaries")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.who_combo = self.data_combo("UserFilter")
        self.type_combo = self.data_combo("TypeFilter")
        self.action_combo = self.enum_combo(AuditAction, self.tr("All actions"), "ActionFilter")
        any_day = self.tr("any day")
        self.from_edit = optional_date_edit(None, self, blank=any_day)
        self.from_edit.setObjectName("auditFromFilter")
        self.to_edit = optional_date_edit(None, self, blank=any_day)
        self.to_edit.setObjectName("auditToFilter")
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.reload())
        row.addWidget(self.who_combo, 1)
        row.addWidget(self.type_combo, 1)
        row.addWidget(self.action_combo)
        row.addWidget(QLabel(self.tr("From"), self))
        row.addWidget(self.from_edit)
        row.addWidget(QLabel(self.tr("to"), self))
        row.addWidget(self.to_edit)

    def arrange_rows(self, filters: QHBoxLayout, note: QHBoxLayout) -> None:
        self.verify_result = QLabel(self)
        self.verify_result.setObjectName("auditVerifyResult")
        self.verify_result.setWordWrap(True)
        self.verify_result.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.verify_button = QPushButton(self.tr("&Check integrity..."), self)
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.setToolTip(
            self.tr("Check that no entry of the log was altered or removed")
        )
        note.addWidget(self.verify_result, 3)
        note.addWidget(self.count_label)
        note.addWidget(self.verify_button)

    def fill_choices(self) -> None:
        db = self.ctx.db
        self.fill_combo(
            self.who_combo,
            self.tr("All users"),
            [
                (self.actor_text(c.caption) if c.actor else c.caption, c)
                for c in audit_log.who_choices(db)
            ],
        )
        self.fill_combo(
            self.type_combo,
            self.tr("All record types"),
            [(name, entity) for name, entity in audit_log.record_type_choices(db)],
        )

    def columns(self) -> Sequence[Column[AuditRow]]:
        return [
            Column(self.tr("No."), lambda r: r.id, align_right=True),
            Column(self.tr("Time"), lambda r: fmt_datetime(r.at), "at"),
            Column(
                self.tr("User"),
                lambda r: self.actor_text(r.actor, r.username),
                "actor",
                tooltip=lambda r: r.username,
            ),
            Column(self.tr("Action"), lambda r: r.action_label, "action"),
            Column(self.tr("Record type"), lambda r: r.entity_label, "entity"),
            Column(self.tr("Summary"), lambda r: r.summary, tooltip=lambda r: r.summary),
        ]

    def actor_text(self, actor: str, username: str | None = None) -> str:
        """Who acted, as shown: the program itself (upgrades, the demo builder) in the
        window's language rather than the stored English "system"."""
        if actor == SYSTEM.name and not username:
            return self.tr("The program itself")
        return actor

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        return 1, Qt.SortOrder.DescendingOrder

    def query(self) -> AuditQuery:
        who = self.who_combo.currentData()
        chosen = who if isinstance(who, WhoChoice) else WhoChoice("")
        entity = self.type_combo.currentData()
        return AuditQuery(
            user_id=chosen.user_id,
            actor=chosen.actor,
            entity=entity if isinstance(entity, str) else None,
            action=current_enum(self.action_combo, AuditAction),
            date_from=date_of(self.from_edit),
            date_to=date_of(self.to_edit),
            text=self.search_edit.text(),
            entry_id=self._entry_id,
        )

    def fetch(self, page: PageRequest) -> Sequence[AuditRow]:
        return audit_log.list_entries(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return audit_log.count_entries(self.ctx.db, self.query())

    def count_text(self, total: int) -> str:
        return self.tr("{0} entries").format(total)

    def apply_filters(self, *, entry_id: int | None = None) -> None:
        """Show every entry, or just ``entry_id`` (e.g. the one a chain check names)."""
        chosen = [(self.who_combo, None), (self.type_combo, None), (self.action_combo, None)]
        self.set_filters("", chosen)
        dates = [self.from_edit, self.to_edit]
        self.with_signals_blocked(dates, lambda: self._clear_dates(dates))
        self._entry_id = entry_id
        self.set_extra_text([self.tr("Entry No. {0}").format(entry_id)] if entry_id else [])
        self.reload()

    @staticmethod
    def _clear_dates(edits: Sequence[QDateEdit]) -> None:
        for edit in edits:
            edit.setDate(edit.minimumDate())

    def clear_extra(self) -> None:
        self._entry_id = None

    def show_entry(self, entry_id: int) -> None:
        """Select the entry if it is among the rows shown, else show it alone."""
        if not self.select_id(entry_id):
            self.apply_filters(entry_id=entry_id)
            self.select_id(entry_id)

    # -- the selected entry ------------------------------------------------------------
    def detail_html(self, row: AuditRow) -> str:
        who = (
            f"{row.actor} [{row.username}]"
            if row.username
            else self.actor_text(row.actor, row.username)
        )
        head = detail.heading(row.summary) + detail.fields(
            [
                (self.tr("No."), row.id),
                (self.tr("Time"), fmt_datetime(row.at)),
                (self.tr("User"), who),
                (self.tr("Action"), row.action_label),
                (self.tr("Record type"), row.entity_label),
                (self.tr("Record ID"), row.entity_uuid),
            ]
        )
        return head + detail.heading(self.tr("Before → after")) + self._changes_html(row.changes())

    def _changes_html(self, changes: list[FieldChange]) -> str:
        """The facts in a grid: the changed ones first (marked), then the others (grey)."""
        if not changes:
            return "<p style='color:#666'>" + escape(self.tr("No facts recorded.")) + "</p>"
        headers = (self.tr("Field"), self.tr("Before"), self.tr("After"))
        head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
        ordered = sorted(changes, key=lambda c: not c.changed)
        body = "".join(
            f"<tr style='{_CHANGED_STYLE if c.changed else _SAME_STYLE}'>"
            f"<td>{escape(c.field)}</td><td>{_cell(c.before)}</td><td>{_cell(c.after)}</td></tr>"
            for c in ordered
        )
        return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"

    # -- the chain check ---------------------------------------------------------------
    def show_check(self, check: ChainCheck) -> None:
        self.verify_result.setText(check.message)
        self.verify_result.setStyleSheet("" if check.intact else _BROKEN_STYLE)
        if check.broken_at is not None:
            self.show_entry(check.broken_at)


class AuditLogDialog(MenuWindow):
    """The viewer's window: the panel, and Close."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "auditLogDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.panel = AuditPanel(ctx, self)
        self.panel.verify_button.clicked.connect(self.verify)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1100, 680)

    def verify(self) -> None:
        """Walk the whole chain off the UI thread; say what was found and show that entry."""
        db = self.ctx.db

        def job(progress: ProgressFn, cancelled: CancelFn) -> ChainCheck:
            return verify_chain(db, progress=progress, cancelled=cancelled)

        outcome = run_with_progress(self, self.tr("Checking the audit log"), job)
        if not succeeded(self, outcome):
            return
        check = outcome.result
        assert check is not None
        self.panel.show_check(check)
        title = self.tr("Audit log")
        if check.intact:
            messages.information(self, title, check.message)
        else:
            messages.warning(self, title, check.message)
