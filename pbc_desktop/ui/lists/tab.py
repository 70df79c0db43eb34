"""The 清单 tab: the lists of a community, their items, claims, 督办 and solving; 经费 beside.

Two pages: 清单 (a community's lists on the left, the items of every list or of the chosen
one in the middle, the item's details on the right) and 经费 (the fund ledger).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain import items as items_rules
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import OVERDUE_LABEL, ItemStatus, ListKind
from pbc_desktop.domain.items import ItemAction
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t
from pbc_desktop.services import access, scope
from pbc_desktop.services.lists import editing, queries, supervision
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.permissions import refusal
from pbc_desktop.ui.common import messages, printing, prompts
from pbc_desktop.ui.common.columns import WHOLE, drop_when_narrow, keep_chars, refit_columns
from pbc_desktop.ui.common.combos import as_enum, current_enum, select_data
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.detail import fields, grid, heading
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.common.views import header_tips, make_item_table
from pbc_desktop.ui.common.worker import run_with_progress, succeeded
from pbc_desktop.ui.common.write_guard import Rule
from pbc_desktop.ui.lists.claim_dialog import ClaimDialog
from pbc_desktop.ui.lists.dialog import ListDialog
from pbc_desktop.ui.lists.funds_panel import FundsPanel
from pbc_desktop.ui.lists.item_dialog import ItemDialog
from pbc_desktop.ui.lists.solve_dialog import SolveDialog
from pbc_desktop.ui.lists.supervision_dialog import SupervisionDialog

OVERDUE = "*overdue"  # the status combo's entry for 逾期 (not a status code)
OVERDUE_COLOR = "#c0392b"
#: Lists with more items than this are exported off the UI thread, with progress shown.
BIG_EXPORT = 150
ID_ROLE = Qt.ItemDataRole.UserRole
ITEM_CHARS = 10  # the fewest characters of an item's title the table shows


def claimants(row: queries.ItemRow) -> str:
    """Lead organizations, then the others of a group claim: "甲 + 乙、丙"."""
    text = "、".join(row.lead_orgs)
    if row.partner_orgs:
        text += " + " + "、".join(row.partner_orgs)
    return text


class ListsTab(ListingTab[queries.ItemRow]):
    """Manage a community's lists and items; claims, 督办 and 办结 are enabled by status."""

    key = "lists"

    def init_state(self) -> None:
        self._claimant_org_id: int | None = None
        self._claimed: bool | None = None
        self._list_id: int | None = None
        self._lists: list[queries.ServiceListRow] = []
        self._community_refusal: str | None = None  # of the chosen community's lists
        self.last_export: Path | None = None

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        super()._build()
        self._build_lists_panel()
        self._build_item_actions()
        self.splitter.insertWidget(0, self.lists_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 2)
        # The listing built by the base class becomes the 清单 page; 经费 is the second page.
        outer = self.layout()
        assert outer is not None
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        moved: list[QLayout | QWidget] = []
        while outer.count():
            entry = outer.takeAt(0)
            if entry is None:
                break
            child_layout = entry.layout()
            child_widget = entry.widget()
            if child_layout is not None:
                child_layout.setParent(None)
                moved.append(child_layout)
            elif child_widget is not None:
                moved.append(child_widget)
        for part in moved:
            if isinstance(part, QLayout):
                page_layout.addLayout(part)
            else:
                page_layout.addLayout(self.actions_row)
                page_layout.addWidget(part, 1)
        self.funds_panel = FundsPanel(self.ctx, self)
        self.funds_panel.setObjectName("listsFunds")
        self.pages = QTabWidget(self)
        self.pages.setObjectName("listsPages")
        self.pages.addTab(page, self.tr("Lists"))
        self.pages.addTab(self.funds_panel, self.tr("Funds"))
        outer.addWidget(self.pages)
        self.table.doubleClicked.connect(lambda _i: self.writes.press(self.edit_item_button))
        # On the 清单 page only: on 经费, F2 edits the chosen fund entry, not a hidden item.
        self.writes.shortcut("Ctrl+N", page, self.new_item_button)
        self.writes.shortcut("F2", page, self.edit_item_button)

    def _button(
        self,
        text: str,
        name: str,
        tip: str,
        slot: Callable[[], object],
        *,
        rule: Rule | None = None,
        when: Callable[[], bool] | None = None,
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())  # not the 'checked' flag
        if rule is not None:
            self.writes.add(button, rule, when=when)
        return button

    def refused_lists(self) -> str | None:
        """The rule of the chosen community's lists (and their items)."""
        return self._community_refusal

    def _list_chosen_now(self) -> bool:
        return self.current_list() is not None

    def _build_lists_panel(self) -> None:
        self.lists_panel = QWidget(self)
        self.lists_panel.setObjectName("listsPanel")
        self.lists_hint = QLabel(self.lists_panel)
        self.lists_hint.setObjectName("listsHint")
        self.lists_hint.setWordWrap(True)
        headers = [
            self.tr("List"),
            self.tr("Year"),
            self.tr("Signed on"),
            self.tr("Solved"),  # short in English: room for the items beside the panel
        ]
        self.lists_table = make_item_table(self.lists_panel, "listsListTable", headers)
        header_tips(self.lists_table, {3: self.tr("Solved / items")})
        keep_chars(self.lists_table, {2: WHOLE})  # the signing date
        # the year (in the list's name too, "2026年度…") is left out of a narrow panel: at
        # 1024 px the solved count lay off to the right
        drop_when_narrow(self.lists_table, {1: 1})
        self.new_list_button = self._button(
            self.tr("New &list..."),
            "listsNewList",
            self.tr("New demand, resource or project list of the chosen community"),
            self.new_list,
            rule=self.refused_lists,
            when=lambda: self.community_id() is not None,
        )
        chosen = self._list_chosen_now
        self.edit_list_button = self._button(
            self.tr("Ed&it..."),
            "listsEditList",
            self.tr("Edit the chosen list"),
            self.edit_list,
            rule=self.refused_lists,
            when=chosen,
        )
        self.delete_list_button = self._button(
            self.tr("&Delete"),
            "listsDeleteList",
            self.tr("Delete the chosen list (only while none of its items is being handled)"),
            self.delete_list,
            rule=self.refused_lists,
            when=chosen,
        )
        self.sign_list_button = self._button(
            self.tr("&Sign..."),
            "listsSignList",
            self.tr("Record the day the community signed the list"),
            self.sign_list,
            rule=self.refused_lists,
            when=chosen,
        )
        self.pdf_button = self._button(
            self.tr("&PDF..."),  # short in English: the items beside the panel fit 1024 px
            "listsExportListPdf",
            self.tr("Print the list with a signature line for every member organization"),
            self.export_pdf,
        )
        self.xlsx_button = self._button(
            self.tr("E&xcel..."),
            "listsExportListXlsx",
            self.tr("Export the list's items to an Excel workbook"),
            self.export_xlsx,
        )
        first = QHBoxLayout()
        for button in (self.new_list_button, self.edit_list_button, self.delete_list_button):
            first.addWidget(button)
        second = QHBoxLayout()
        for button in (self.sign_list_button, self.pdf_button, self.xlsx_button):
            second.addWidget(button)
        layout = QVBoxLayout(self.lists_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lists_hint)
        layout.addWidget(self.lists_table, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        self.lists_table.itemSelectionChanged.connect(self._list_chosen)
        self.lists_table.doubleClicked.connect(lambda _i: self.writes.press(self.edit_list_button))

    def _build_item_actions(self) -> None:
        self.new_item_button = self._button(
            self.tr("&New item..."),
            "listsNewItem",
            self.tr("Add an item to the chosen list (Ctrl+N)"),
            self.new_item,
            rule=self.refused_lists,
            when=self._list_chosen_now,
        )
        self.edit_item_button = self._button(
            self.tr("&Edit..."), "listsEditItem", self.tr("Edit the item (F2)"), self.edit_item
        )
        self.delete_item_button = self._button(
            self.tr("Delete ite&m"),
            "listsDeleteItem",
            self.tr("Delete an item nobody has claimed yet"),
            self.delete_item,
        )
        self.claim_button = self._button(
            self.tr("&Claim..."),
            "listsClaim",
            self.tr("A member organization, or a group of them, claims the project"),
            self.claim_item,
        )
        self.start_button = self._button(
            self.tr("St&art"),
            "listsStart",
            self.tr("Mark the item as in progress"),
            self.start_item,
        )
        self.supervise_button = self._button(
            self.tr("Follo&w up..."),
            "listsSupervise",
            self.tr("Record a follow-up (supervision): progress and next step"),
            self.supervise_item,
        )
        self.solve_button = self._button(
            self.tr("S&olve..."),
            "listsSolve",
            self.tr("Record the result and the residents' satisfaction"),
            self.solve_item,
        )
        self.reopen_button = self._button(
            self.tr("&Reopen..."),
            "listsReopen",
            self.tr("Reopen a solved item (the reason is logged)"),
            self.reopen_item,
        )
        self.actions_row = QHBoxLayout()
        self.actions_row.addStretch(1)
        self.item_buttons: dict[ItemAction, QPushButton] = {
            ItemAction.EDIT: self.edit_item_button,
            ItemAction.DELETE: self.delete_item_button,
            ItemAction.CLAIM: self.claim_button,
            ItemAction.START: self.start_button,
            ItemAction.SUPERVISE: self.supervise_button,
            ItemAction.SOLVE: self.solve_button,
            ItemAction.REOPEN: self.reopen_button,
        }
        self.actions_row.addWidget(self.new_item_button)
        for action, button in self.item_buttons.items():
            self.actions_row.addWidget(button)
            self.writes.add(
                button,
                self.refused_selected,
                when=self.has_selection,
                why_not=self._status_refusal(action),
            )

    def _status_refusal(self, action: ItemAction) -> Callable[[], str | None]:
        """Why the selected item's status does not allow ``action`` (a demand is not
        claimed, a solved item is reopened first…), shown on the disabled button."""

        def refusal() -> str | None:
            row = self.current_row()
            return None if row is None else items_rules.why_not(row.status, row.list_kind, action)

        return refusal

    def search_hint(self) -> str:
        return self.tr("Search item, list or community")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.community_combo = self.data_combo("CommunityFilter")
        self.kind_combo = self.enum_combo(ListKind, self.tr("All lists"), "KindFilter")
        self.status_combo = self.enum_combo(ItemStatus, self.tr("Any status"), "StatusFilter")
        self.status_combo.addItem(t(*OVERDUE_LABEL), OVERDUE)
        self.year_combo = self.data_combo("YearFilter")
        self.town_combo = self.data_combo("TownFilter")
        self.claimant_combo = self.data_combo("ClaimantFilter")
        self.claimant_combo.setToolTip(self.tr("Items claimed by this organization"))
        for combo in (
            self.community_combo,
            self.kind_combo,
            self.status_combo,
            self.claimant_combo,
            self.year_combo,
            self.town_combo,
        ):
            row.addWidget(combo, 1)
        self.community_combo.currentIndexChanged.connect(self._community_changed)

    def fill_choices(self) -> None:
        db = self.ctx.db
        self.fill_community_combo(self.community_combo)
        self.fill_year_combo(self.year_combo, queries.list_years(db))
        self.fill_town_combo(self.town_combo)
        self._fill_claimants()
        self._fill_lists()

    def _fill_claimants(self) -> None:
        choices = queries.claimant_choices(self.ctx.db, self.community_combo.currentData())
        entries: list[tuple[str, object]] = [(c.name, c.id) for c in choices]
        wanted = self._claimant_org_id or self.claimant_combo.currentData()
        self._claimant_org_id = None
        if wanted is not None and wanted not in {c.id for c in choices}:
            name = scope.organization_name(self.ctx.db, wanted) or str(wanted)
            entries.append((name, wanted))
        self.claimant_combo.blockSignals(True)
        self.fill_combo(self.claimant_combo, self.tr("Any claimant"), entries)
        select_data(self.claimant_combo, wanted, otherwise=0)
        self.claimant_combo.blockSignals(False)

    def _community_changed(self) -> None:
        self._list_id = None
        self._fill_claimants()
        self._fill_lists()
        self.funds_panel.set_community(self.community_combo.currentData())
        self.set_extra_text(self._notes())
        self.reload()

    def columns(self) -> Sequence[Column[queries.ItemRow]]:
        return [
            Column(self.tr("Community"), lambda r: r.community_name, "community"),
            Column(self.tr("List"), lambda r: label(r.list_kind), "list_kind"),
            # drop: left out of a narrow table, the highest first (the detail pane has them)
            Column(self.tr("Signed on"), lambda r: fmt_date(r.signed_on), "signed_on", drop=3),
            # readable on a 1024-pixel screen: the other long texts give way first
            Column(self.tr("Item"), lambda r: r.title, "title", min_chars=ITEM_CHARS),
            Column(
                self.tr("Status"),
                lambda r: r.status_text,
                "status",
                foreground=lambda r: OVERDUE_COLOR if r.overdue else None,
                tooltip=lambda r: (
                    self.tr("Past the deadline and not solved") if r.overdue else None
                ),
                min_chars=WHOLE,
            ),
            Column(self.tr("Claimed by"), claimants, tooltip=claimants, drop=1),
            Column(
                self.tr("Deadline"),
                lambda r: fmt_date(r.deadline),
                "deadline",
                foreground=lambda r: OVERDUE_COLOR if r.overdue else None,
            ),
            Column(
                self.tr("Follow-ups"),
                lambda r: r.supervision_count or "",
                align_right=True,
                drop=2,
            ),
        ]

    def query(self) -> queries.ItemQuery:
        return queries.ItemQuery(
            community_id=self.community_combo.currentData(),
            list_kind=current_enum(self.kind_combo, ListKind),
            status=current_enum(self.status_combo, ItemStatus),
            overdue_only=self.status_combo.currentData() == OVERDUE,
            claimant_org_id=self.claimant_combo.currentData(),
            town=self.town_combo.currentData(),
            text=self.search_edit.text(),
            year=self.year_combo.currentData(),
            claimed=self._claimed,
            list_id=self._list_id,
        )

    def fetch(self, page: PageRequest) -> list[queries.ItemRow]:
        return queries.list_items(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return queries.count_items(self.ctx.db, self.query())

    def clear_extra(self) -> None:
        self._claimed = None
        self._list_id = None
        self.lists_table.blockSignals(True)
        self.lists_table.clearSelection()
        self.lists_table.blockSignals(False)
        self._update_list_buttons()

    def apply_filters(
        self,
        *,
        text: str = "",
        community_id: int | None = None,
        list_kind: ListKind | str | None = None,
        status: ItemStatus | str | None = None,
        overdue_only: bool = False,
        claimant_org_id: int | None = None,
        town: str | None = None,
        year: int | None = None,
        claimed: bool | None = None,
    ) -> None:
        """Show exactly the items matching these filters (called by the dashboard)."""
        self.set_filters(
            text,
            chosen=[
                (self.community_combo, community_id),
                (self.kind_combo, as_enum(ListKind, list_kind)),
                (self.status_combo, OVERDUE if overdue_only else as_enum(ItemStatus, status)),
            ],
            added=[(self.year_combo, year), (self.town_combo, town)],
        )
        self._claimant_org_id = claimant_org_id
        if claimant_org_id is None:
            self.with_signals_blocked(
                [self.claimant_combo], lambda: self.claimant_combo.setCurrentIndex(0)
            )
        self._claimed = claimed
        self._list_id = None
        self._fill_claimants()
        self._fill_lists()
        self.funds_panel.set_community(community_id)
        self.set_extra_text(self._notes())
        self.reload()

    def _notes(self) -> list[str]:
        notes = []
        if self._list_id is not None:
            row = next((r for r in self._lists if r.id == self._list_id), None)
            if row is not None:
                notes.append(self.tr("List: {0}").format(row.title))
        if self._claimed is True:
            notes.append(self.tr("Claimed items only"))
        elif self._claimed is False:
            notes.append(self.tr("Unclaimed items only"))
        return notes

    def detail_html(self, row: queries.ItemRow) -> str:
        d = queries.get_item_detail(self.ctx.db, row.id)
        status = d.status_text
        if d.overdue:
            status = f"<span style='color:{OVERDUE_COLOR}'>{status}</span>"
        claims = []
        for c in d.claims:
            partners = "、".join(
                (
                    with_note(p.organization_name, p.responsible_person)
                    if p.responsible_person
                    else p.organization_name
                )
                for p in c.participants
            )
            claims.append(
                (
                    label(c.mode),
                    c.lead_org_name,
                    partners,
                    fmt_date(c.claimed_on),
                    fmt_date(c.deadline),
                    c.responsible,
                )
            )
        return "".join(
            [
                heading(d.title),
                fields(
                    [
                        (self.tr("Community"), d.community_name),
                        (self.tr("List"), with_note(d.list_title, label(d.list_kind))),
                        (self.tr("Signed on"), fmt_date(d.signed_on)),
                        (self.tr("Category"), d.category),
                        (self.tr("Description"), d.description),
                        (self.tr("Answers the demand"), d.answers_title),
                        (self.tr("Uses the resource"), d.uses_title),
                        (self.tr("Expected result"), d.expected_result),
                        (self.tr("Deadline"), fmt_date(d.deadline)),
                        (self.tr("Solved on"), fmt_date(d.solved_on)),
                        (self.tr("Result"), d.result),
                        (self.tr("Satisfaction"), label(d.satisfaction)),
                    ]
                ),
                f"<p>{self.tr('Status')}: <b>{status}</b></p>",
                heading(self.tr("Claims")),
                grid(
                    [
                        self.tr("Mode"),
                        self.tr("Lead"),
                        self.tr("Participants"),
                        self.tr("Claimed on"),
                        self.tr("Deadline"),
                        self.tr("Responsible"),
                    ],
                    claims,
                    self.tr("Not claimed yet."),
                ),
                heading(self.tr("Supervision")),
                grid(
                    [self.tr("Date"), self.tr("By"), self.tr("Progress"), self.tr("Next step")],
                    [
                        (fmt_date(v.entry_date), v.by_whom, v.progress, v.next_step)
                        for v in d.supervisions
                    ],
                    self.tr("No follow-up recorded."),
                ),
            ]
        )

    # -- the lists of the chosen community ---------------------------------------------------
    def community_id(self) -> int | None:
        value = self.community_combo.currentData()
        return int(value) if value is not None else None

    def _fill_lists(self) -> None:
        cid = self.community_id()
        self._community_refusal = (
            access.community_work_refusal(self.ctx.db, cid)
            if cid is not None
            else refusal(self.ctx.db.user, Permission.WRITE)
        )
        self._lists = queries.list_service_lists(self.ctx.db, cid) if cid is not None else []
        table = self.lists_table
        table.blockSignals(True)
        table.clearSelection()
        table.setRowCount(len(self._lists))
        for r, row in enumerate(self._lists):
            values = [
                row.title,
                str(row.year),
                fmt_date(row.signed_on) or self.tr("not signed"),
                f"{row.solved_count} / {row.item_count}",
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, row.id)
                cell.setToolTip(with_note(row.title, label(row.kind)))
                table.setItem(r, c, cell)
            if row.id == self._list_id:
                table.selectRow(r)
        table.blockSignals(False)
        refit_columns(table)
        if cid is None:
            self.lists_hint.setText(self.tr("Choose a community above to manage its lists."))
        elif not self._lists:
            self.lists_hint.setText(self.tr("No lists yet: start with New list."))
        else:
            self.lists_hint.setText(self.tr("Select a list to show only its items."))
        self._update_list_buttons()

    def current_list(self) -> queries.ServiceListRow | None:
        rows = self.lists_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._lists):
            return None
        return self._lists[rows[0].row()]

    def select_list(self, list_id: int) -> None:
        for r, row in enumerate(self._lists):
            if row.id == list_id:
                self.lists_table.selectRow(r)
                return

    def _list_chosen(self) -> None:
        row = self.current_list()
        self._list_id = row.id if row else None
        self.set_extra_text(self._notes())
        self._update_list_buttons()
        self.reload()

    def _update_list_buttons(self) -> None:
        chosen = self.current_list() is not None
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(chosen)
        self.writes.update()

    def _after_list_write(self, list_id: int | None) -> None:
        self._list_id = list_id
        self._fill_lists()
        self.set_extra_text(self._notes())
        self.fill_choices()
        self.reload()

    def new_list(self) -> None:
        cid = self.community_id()
        if cid is None:
            return
        self.open_dialog(
            ListDialog(self.ctx, cid, self.community_combo.currentText(), parent=self),
            self._after_list_write,
        )

    def edit_list(self) -> None:
        row = self.current_list()
        if row is None:
            return
        self.open_made(
            lambda: ListDialog(self.ctx, row.community_id, row.community_name, row.id, self),
            self._after_list_write,
        )

    def delete_list(self) -> None:
        row = self.current_list()
        if row is None:
            return
        question = self.tr("Delete the list {0} and its {1} items?").format(
            row.title, row.item_count
        )
        if not messages.confirm(self, self.tr("Delete list"), question):
            return
        if messages.guarded(self, lambda: editing.delete_list(self.ctx.db, row.id)):
            self._after_list_write(None)

    def sign_list(self) -> None:
        row = self.current_list()
        if row is None:
            return
        when = prompts.ask_date(
            self,
            self.tr("Sign the list"),
            self.tr("Date the community signed {0} (yyyy-mm-dd):").format(row.title),
        )
        if when is None:
            return
        if messages.guarded(self, lambda: editing.sign_list(self.ctx.db, row.id, when)):
            self._after_list_write(row.id)

    # -- items -------------------------------------------------------------------------------
    def change_refusal(self, row: queries.ItemRow) -> str | None:
        return access.community_work_refusal(self.ctx.db, row.community_id)

    def _after_item_write(self, item_id: int) -> None:
        self._fill_lists()
        self._fill_claimants()
        self.reload()
        self.select_id(item_id)

    def _item_dialog(self, make: Callable[[int], QDialog]) -> None:
        row = self.current_row()
        if row is None:
            return
        item_id = row.id
        self.open_made(lambda: make(item_id), lambda _i: self._after_item_write(item_id))

    def new_item(self) -> None:
        list_id = self._list_id
        if list_id is None:
            return
        self.open_made(lambda: ItemDialog(self.ctx, list_id, parent=self), self._after_item_write)

    def edit_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.open_made(
            lambda: ItemDialog(self.ctx, row.list_id, row.id, self), self._after_item_write
        )

    def delete_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        question = self.tr("Delete the item {0}?").format(row.title)
        if not messages.confirm(self, self.tr("Delete item"), question):
            return
        if messages.guarded(self, lambda: editing.delete_item(self.ctx.db, row.id)):
            self._fill_lists()
            self.reload()

    def claim_item(self) -> None:
        self._item_dialog(lambda i: ClaimDialog(self.ctx, i, self))

    def supervise_item(self) -> None:
        self._item_dialog(lambda i: SupervisionDialog(self.ctx, i, self))

    def solve_item(self) -> None:
        self._item_dialog(lambda i: SolveDialog(self.ctx, i, self))

    def start_item(self) -> None:
        row = self.current_row()
        if row is not None and messages.guarded(
            self, lambda: supervision.start_item(self.ctx.db, row.id)
        ):
            self._after_item_write(row.id)

    def reopen_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        reason = prompts.ask_text(
            self,
            self.tr("Reopen the item"),
            self.tr("Why is {0} reopened?").format(row.title),
        )
        if reason is None:
            return
        if messages.guarded(self, lambda: supervision.reopen_item(self.ctx.db, row.id, reason)):
            self._after_item_write(row.id)

    # -- exports -----------------------------------------------------------------------------
    def _export(self, kind: str) -> Path | None:
        row = self.current_list()
        if row is None:
            return None
        suggested = prompts.suggested_file(f"{row.title}.{kind}")
        title = self.tr("Save the list as PDF") if kind == "pdf" else self.tr("Save as Excel")
        out = prompts.ask_save_path(self, title, suggested, kind)
        if out is None:
            return None
        db = self.ctx.db
        list_id = row.id
        notes: list[str] = []  # words with characters no font has (filled on the worker)

        def job(_progress: object = None, _cancelled: object = None) -> Path:
            if kind == "pdf":
                from pbc_desktop.reports.service_list import build_service_list

                return build_service_list(db, list_id, out, warn=notes.append)
            from pbc_desktop.services.list_export import export_list_xlsx

            return export_list_xlsx(db, list_id, out)

        if row.item_count > BIG_EXPORT:
            outcome = run_with_progress(self, title, job)
            if not succeeded(self, outcome, title=title, refused=(UserError, OSError)):
                return None
        else:
            try:
                job()
            except (UserError, OSError) as exc:
                messages.warning(self, title, str(exc))
                return None
        self.last_export = out
        printing.warn_unprintable(self, notes)
        said = self.tr("The list was saved as {0}.").format(str(out))
        prompts.offer_folder(self, title, out, said)
        return out

    def export_pdf(self) -> Path | None:
        return self._export("pdf")

    def export_xlsx(self) -> Path | None:
        return self._export("xlsx")
