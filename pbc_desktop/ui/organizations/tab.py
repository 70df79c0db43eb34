"""The 党组织 tab: a level/town tree, a filtered and sorted table, a detail pane."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.enums import MemberRole, OrgField, OrgKind, OrgLevel
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.errors import UserError
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import as_enum
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.common.views import make_splitter
from pbc_desktop.ui.organizations.dialog import OrganizationDialog

if TYPE_CHECKING:
    from pbc_desktop.ui.organizations.import_dialog import OrganizationImportDialog

TreeKey = tuple[OrgLevel | None, str | None]


class OrganizationsTab(ListingTab[orgs.OrgRow]):
    """A level/town tree beside the listing, whose rows, table and detail stack up."""

    key = "organizations"
    search_delay_ms = 250

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # After a sort nothing is selected: clear the detail and the buttons.
        self.model.modelReset.connect(self._show_detail)
        self.table.doubleClicked.connect(lambda _index: self.writes.press(self.edit_button))
        self.add_record_shortcuts(self.new_button, self.edit_button, self.delete_button)
        keyboard_order = (
            self.tree,
            self.search_edit,
            self.kind_filter,
            self.field_filter,
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.table,
        )
        for before, after in pairwise(keyboard_order):
            QWidget.setTabOrder(before, after)

    def init_state(self) -> None:
        self._tree_query: TreeKey = (None, None)
        # Made first, so the keyboard reaches it first.
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("organizationsTree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._on_tree_changed)

    # -- construction ------------------------------------------------------------------
    def search_hint(self) -> str:
        return self.tr("Search name or secretary")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.kind_filter = self.enum_combo(OrgKind, self.tr("All kinds"), "KindFilter")
        self.field_filter = self.enum_combo(OrgField, self.tr("All fields"), "FieldFilter")
        row.addWidget(self.kind_filter, 1)
        row.addWidget(self.field_filter, 1)

    def arrange_rows(self, filters: QHBoxLayout, note: QHBoxLayout) -> None:
        """The buttons start the row under the filters, the count ends it."""
        self.new_button = self.button(
            "New",
            self.tr("&New"),
            self.new_organization,
            self.tr("New organization (Ctrl+N)"),
            rule=self.refused_new,
        )
        self.edit_button = self.selection_button(
            "Edit",
            self.tr("&Edit"),
            self.edit_current,
            self.tr("Edit the selected organization (Enter, F2)"),
        )
        self.delete_button = self.selection_button(
            "Delete",
            self.tr("&Delete"),
            self.delete_current,
            self.tr("Delete the selected organization (Del)"),
            rule=self.refused_delete,
        )
        for index, button in enumerate((self.new_button, self.edit_button, self.delete_button)):
            note.insertWidget(index, button)
        note.addWidget(self.count_label)

    def build_detail(self) -> QWidget:
        """Plain lines under the table."""
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("organizationsDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_label.setMinimumHeight(90)
        return self.detail_label

    def arrange_tab(self, filters: QHBoxLayout, note: QHBoxLayout, detail: QWidget) -> None:
        """The tree left; right of it the rows, the table and the detail under it."""
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(filters)
        right_layout.addLayout(note)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(detail)
        # The tree keeps its width when the window grows, so a remembered layout survives.
        self.splitter = make_splitter(
            self,
            "organizationsSplitter",
            Qt.Orientation.Horizontal,
            [self.tree, right],
            (0, 1),
            collapsible=True,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def columns(self) -> list[Column[orgs.OrgRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name, "name"),
            Column(self.tr("Kind"), lambda r: label(r.kind), "kind"),
            Column(self.tr("Field"), lambda r: label(r.field), "field"),
            Column(self.tr("Level"), lambda r: label(r.level), "level"),
            Column(self.tr("Town"), lambda r: r.town, "town"),
            Column(self.tr("Parent"), lambda r: r.parent_name),
            Column(self.tr("Secretary"), lambda r: r.secretary, "secretary"),
            Column(self.tr("Phone"), lambda r: r.contact_phone),
            # short in English (the whole in its tooltip): "Members" kept the columns from
            # fitting 1024 px; the Chinese is the same for both
            Column(
                self.tr("Mbrs."),
                lambda r: r.member_count,
                "member_count",
                align_right=True,
                header_tip=self.tr("Members"),
            ),
        ]

    # -- data --------------------------------------------------------------------------
    def query(self) -> orgs.OrgQuery:
        level, town = self._tree_query
        return orgs.OrgQuery(
            text=self.search_edit.text(),
            level=level,
            town=town,
            kind=self.kind_filter.currentData(),
            field=self.field_filter.currentData(),
        )

    def fetch(self, page: PageRequest) -> list[orgs.OrgRow]:
        return orgs.list_organizations(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return orgs.count_organizations(self.ctx.db, self.query())

    def count_text(self, total: int) -> str:
        return self.tr("{0} organizations").format(total)

    def fill_choices(self) -> None:
        """Rebuild the tree with its counts, keeping the chosen node."""
        nodes = orgs.tree(self.ctx.db)
        self.tree.blockSignals(True)
        self.tree.clear()
        total = sum(node.count for node in nodes)
        root = QTreeWidgetItem([self.tr("All ({0})").format(total)])
        root.setData(0, Qt.ItemDataRole.UserRole, (None, None))
        self.tree.addTopLevelItem(root)
        current = root
        for node in nodes:
            item = QTreeWidgetItem([f"{label(node.level)} ({node.count})"])
            item.setData(0, Qt.ItemDataRole.UserRole, (node.level, None))
            root.addChild(item)
            if self._tree_query == (node.level, None):
                current = item
            for town in node.children:
                child = QTreeWidgetItem([f"{town.label} ({town.count})"])
                child.setData(0, Qt.ItemDataRole.UserRole, (town.level, town.town))
                item.addChild(child)
                if self._tree_query == (town.level, town.town):
                    current = child
        self.tree.expandToDepth(0)
        self.tree.setCurrentItem(current)
        self._tree_query = current.data(0, Qt.ItemDataRole.UserRole)
        self.tree.blockSignals(False)

    def tree_item(self, level: OrgLevel | None, town: str | None = None) -> QTreeWidgetItem | None:
        """The tree node for a level (and town); ``None`` for a level/town with no orgs."""
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop()
            if item is None:
                continue
            if item.data(0, Qt.ItemDataRole.UserRole) == (level, town):
                return item
            pending.extend(item.child(i) for i in range(item.childCount()))
        return None

    def apply_filters(
        self,
        *,
        level: OrgLevel | str | None = None,
        town: str | None = None,
        kind: OrgKind | str | None = None,
        field: OrgField | str | None = None,
        text: str = "",
    ) -> None:
        """Show exactly the organizations matching these filters (called by the dashboard).

        Enum values may be given as members, codes or labels.
        """
        level_value = as_enum(OrgLevel, level)
        self.set_filters(
            text,
            chosen=[
                (self.kind_filter, as_enum(OrgKind, kind)),
                (self.field_filter, as_enum(OrgField, field)),
            ],
        )

        def choose_node() -> None:
            item = self.tree_item(level_value, town or None) or self.tree_item(None)
            if item is not None:
                self.tree.setCurrentItem(item)

        self.with_signals_blocked([self.tree], choose_node)
        self._tree_query = (level_value, town or None)
        self.reload()

    def _on_tree_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        self._tree_query = current.data(0, Qt.ItemDataRole.UserRole)
        self.reload()

    # -- details -----------------------------------------------------------------------
    def creation_refusal(self) -> str | None:
        return orgs.change_refusal(self.ctx.db)

    def change_refusal(self, row: orgs.OrgRow) -> str | None:
        return orgs.change_refusal(self.ctx.db, row.id)

    def refused_delete(self) -> str | None:
        """A village edits its own organization but removes none (the registry's rule)."""
        row = self.current_row()
        return None if row is None else orgs.change_refusal(self.ctx.db, row.id, delete=True)

    def show_detail(self, row: orgs.OrgRow | None) -> None:
        self.detail_label.setText(self._detail_text(row.id) if row is not None else "")

    def _detail_text(self, org_id: int) -> str:
        try:
            d = orgs.get_organization(self.ctx.db, org_id)
        except UserError as error:
            return error.message
        lines = [
            with_note(d.name, d.short_name) if d.short_name else d.name,
            " · ".join(x for x in (label(d.kind), label(d.field), label(d.level), d.town) if x),
            self.tr("Parent: {0}").format(d.parent_name or self.tr("none")),
            self.tr("Secretary: {0}   Contact: {1}   Phone: {2}").format(
                d.secretary or "-", d.contact_person or "-", d.contact_phone or "-"
            ),
            self.tr("Members: {0}   Sub-organizations: {1}").format(
                d.member_count, d.children_count
            ),
        ]
        if d.address:
            lines.append(self.tr("Address: {0}").format(d.address))
        if d.founded_on:
            lines.append(self.tr("Founded on: {0}").format(fmt_date(d.founded_on)))
        if d.start_date or d.end_date:
            lines.append(
                self.tr("Period: {0} to {1}").format(fmt_date(d.start_date), fmt_date(d.end_date))
            )
        if d.communities:
            names = [
                c.name + (self.tr(" (lead)") if c.role == MemberRole.LEAD else "")
                for c in d.communities
            ]
            lines.append(self.tr("Communities: {0}").format("、".join(names)))
        return "\n".join(lines)

    # -- actions -----------------------------------------------------------------------
    def new_organization(self) -> None:
        self._open_dialog(None)

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_dialog(row.id)

    def import_organizations(self) -> OrganizationImportDialog | None:
        """文件 → 从 Excel 导入党组织 (openpyxl is loaded at the first import)."""
        if self.raise_active_dialog():
            return None
        from pbc_desktop.ui.organizations.import_dialog import OrganizationImportDialog

        dialog = OrganizationImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _result: self.refresh())
        self.open_dialog(dialog)
        return dialog

    def _open_dialog(self, org_id: int | None) -> None:
        if self.raise_active_dialog():
            return
        self.open_made(
            lambda: OrganizationDialog(self.ctx, org_id, self), self.show_saved, gone=self.refresh
        )

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        question = self.tr("Delete the organization “{0}”? This cannot be undone.").format(row.name)
        if not messages.confirm(self, self.tr("Delete organization"), question):
            return
        if messages.guarded(self, lambda: orgs.delete_organization(self.ctx.db, row.id)):
            self.refresh()
