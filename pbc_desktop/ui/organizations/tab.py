"""The 党组织 tab: a level/town tree, a filtered and sorted table, a detail pane."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.enums import LabeledEnum, MemberRole, OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import UserError
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.table_model import Column, PagedTableModel
from pbc_desktop.ui.common.views import (
    attach_model,
    keep_sortable_indicator,
    make_record_table,
    make_splitter,
    select_record,
    selected_record,
)
from pbc_desktop.ui.organizations.dialog import OrganizationDialog

SEARCH_DELAY_MS = 250
TreeKey = tuple[OrgLevel | None, str | None]


class OrganizationsTab(QWidget):
    """A level/town tree beside the listing; implements the main window's Tab contract."""

    #: The tab's key and the objectName prefix of its widgets (see docs/CONTRIBUTING.md).
    key = "organizations"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._tree_query: TreeKey = (None, None)
        self.dialog: OrganizationDialog | None = None
        self._build()
        self.model: PagedTableModel[orgs.OrgRow] = PagedTableModel(
            self._columns(), self._fetch, self._count, parent=self
        )
        attach_model(self.table, self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._on_current_changed)
        self._connect()
        self.refresh()

    # -- construction ------------------------------------------------------------------
    def _build(self) -> None:
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("organizationsTree")
        self.tree.setHeaderHidden(True)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("organizationsSearch")
        self.search_edit.setPlaceholderText(self.tr("Search name or secretary"))
        self.search_edit.setClearButtonEnabled(True)
        self.kind_filter = self._enum_filter(OrgKind, self.tr("All kinds"), "KindFilter")
        self.field_filter = self._enum_filter(OrgField, self.tr("All fields"), "FieldFilter")
        self.new_button = QPushButton(self.tr("&New"), self)
        self.new_button.setObjectName("organizationsNew")
        self.new_button.setToolTip(self.tr("New organization (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("&Edit"), self)
        self.edit_button.setObjectName("organizationsEdit")
        self.edit_button.setToolTip(self.tr("Edit the selected organization (Enter, F2)"))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("organizationsDelete")
        self.delete_button.setToolTip(self.tr("Delete the selected organization (Del)"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("organizationsCount")

        self.table = make_record_table(self, "organizationsTable")
        self.detail = QLabel(self)
        self.detail.setObjectName("organizationsDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setMinimumHeight(90)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.field_filter, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(filters)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.detail)

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

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

    def _enum_filter(self, enum_cls: type[LabeledEnum], everything: str, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"{self.key}{name}")
        fill_enum(combo, enum_cls, everything)
        return combo

    def _columns(self) -> Sequence[Column[orgs.OrgRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name, "name"),
            Column(self.tr("Kind"), lambda r: label(r.kind), "kind"),
            Column(self.tr("Field"), lambda r: label(r.field), "field"),
            Column(self.tr("Level"), lambda r: label(r.level), "level"),
            Column(self.tr("Town"), lambda r: r.town, "town"),
            Column(self.tr("Parent"), lambda r: r.parent_name),
            Column(self.tr("Secretary"), lambda r: r.secretary, "secretary"),
            Column(self.tr("Phone"), lambda r: r.contact_phone),
            Column(self.tr("Members"), lambda r: r.member_count, "member_count", align_right=True),
        ]

    def _connect(self) -> None:
        self.tree.currentItemChanged.connect(self._on_tree_changed)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.reload)
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.field_filter.currentIndexChanged.connect(self.reload)
        self.new_button.clicked.connect(self.new_organization)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.doubleClicked.connect(self.edit_current)
        keep_sortable_indicator(self.table, self.model)
        shortcuts = (
            ("Ctrl+N", self, Qt.ShortcutContext.WidgetWithChildrenShortcut, self.new_organization),
            ("Return", self.table, Qt.ShortcutContext.WidgetShortcut, self.edit_current),
            ("Enter", self.table, Qt.ShortcutContext.WidgetShortcut, self.edit_current),
            ("F2", self.table, Qt.ShortcutContext.WidgetShortcut, self.edit_current),
            ("Delete", self.table, Qt.ShortcutContext.WidgetShortcut, self.delete_current),
        )
        for keys, owner, context, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), owner)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

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

    def _fetch(self, page: PageRequest) -> list[orgs.OrgRow]:
        return orgs.list_organizations(self.ctx.db, self.query(), page)

    def _count(self) -> int:
        return orgs.count_organizations(self.ctx.db, self.query())

    def refresh(self) -> None:
        """Reload the tree and the table (after a write here or elsewhere)."""
        self._fill_tree()
        self.reload()

    def reload(self) -> None:
        """Re-run the listing with the current filters, keeping the selected row if shown."""
        self._search_timer.stop()
        selected = self.current_row()
        self.model.refresh()
        if selected is not None:
            self.select_id(selected.id)
        self.count_label.setText(self.tr("{0} organizations").format(self.model.total()))
        self._on_current_changed()

    def _fill_tree(self) -> None:
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
        level_value = OrgLevel.from_label(level) if level else None
        widgets = (self.tree, self.search_edit, self.kind_filter, self.field_filter)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.setText(text)
        for combo, enum_cls, value in (
            (self.kind_filter, OrgKind, kind),
            (self.field_filter, OrgField, field),
        ):
            select_data(combo, enum_cls.from_label(value) if value else None, otherwise=0)
        item = self.tree_item(level_value, town or None) or self.tree_item(None)
        if item is not None:
            self.tree.setCurrentItem(item)
        self._tree_query = (level_value, town or None)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    def _on_tree_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        self._tree_query = current.data(0, Qt.ItemDataRole.UserRole)
        self.reload()

    # -- selection ---------------------------------------------------------------------
    def current_row(self) -> orgs.OrgRow | None:
        """The selected row (the view's current index alone can linger after a reload)."""
        return selected_record(self.table, self.model)

    def select_id(self, org_id: int) -> bool:
        return select_record(self.table, self.model, lambda r: r.id == org_id)

    def _on_current_changed(self, *_args: object) -> None:
        row = self.current_row()
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.detail.setText(self._detail_text(row.id) if row is not None else "")

    def _detail_text(self, org_id: int) -> str:
        try:
            d = orgs.get_organization(self.ctx.db, org_id)
        except UserError as error:
            return error.message
        lines = [
            d.name + (f"({d.short_name})" if d.short_name else ""),
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
            lines.append(self.tr("Communities: {0}").format(", ".join(names)))
        return "\n".join(lines)

    # -- actions -----------------------------------------------------------------------
    def new_organization(self) -> None:
        self._open_dialog(None)

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_dialog(row.id)

    def _open_dialog(self, org_id: int | None) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        try:
            dialog = OrganizationDialog(self.ctx, org_id, self)
        except UserError as error:  # e.g. deleted in another window meanwhile
            messages.show_user_error(self, error)
            self.refresh()
            return
        self.dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        saved = dialog.saved_id
        dialog.deleteLater()
        if saved is not None:
            self.refresh()
            self.select_id(saved)
            self.table.setFocus()

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        question = self.tr("Delete the organization “{0}”? This cannot be undone.").format(row.name)
        if not messages.confirm(self, self.tr("Delete organization"), question):
            return
        try:
            orgs.delete_organization(self.ctx.db, row.id)
        except UserError as error:
            messages.show_user_error(self, error)
            return
        self.refresh()
