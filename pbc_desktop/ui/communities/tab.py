"""The 党建共同体 tab: a filtered, sorted list and the selected community's details."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.enums import CoBuildType, CommunityStatus, LabeledEnum
from pbc_desktop.errors import UserError
from pbc_desktop.services import communities as svc
from pbc_desktop.services import scope
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.dialog_host import DialogHost
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.table_model import Column, PagedTableModel
from pbc_desktop.ui.common.views import attach_model, make_record_table
from pbc_desktop.ui.communities.dialog import CommunityDialog
from pbc_desktop.ui.communities.lifecycle_dialog import LifecycleDialog

_STATUS_COLORS = {
    CommunityStatus.RETURNED: "#c0392b",
    CommunityStatus.RECTIFYING: "#d35400",
    CommunityStatus.REVOKED: "#888888",
}

_D = TypeVar("_D", bound=QDialog)


def _read_only_table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)


def _enum_code(value: LabeledEnum | str | None) -> str | None:
    if value is None or value == "":
        return None
    return value.value if isinstance(value, LabeledEnum) else str(value)


class CommunitiesTab(DialogHost, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._detail: svc.CommunityDetail | None = None
        self._keep_id: int | None = None
        self._build_toolbar()
        self._build_table()
        self._build_detail()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("communitiesSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self._build_shortcuts()
        self._fill_filter_combos()
        # Enabling sorting sorts by the indicator, which loads the first page.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    # -- construction ------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("communitySearch")
        self.search_edit.setPlaceholderText(self.tr("Search name, theme or lead organization"))
        self.search_edit.setClearButtonEnabled(True)
        self.town_combo = QComboBox(self)
        self.town_combo.setObjectName("townFilter")
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("typeFilter")
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusFilter")
        self.new_button = QPushButton(self.tr("&New..."), self)
        self.new_button.setObjectName("newCommunityButton")
        self.new_button.setToolTip(self.tr("New community (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("&Edit..."), self)
        self.edit_button.setObjectName("editCommunityButton")
        self.edit_button.setToolTip(self.tr("Edit the selected community (Enter or F2)"))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("deleteCommunityButton")
        self.delete_button.setToolTip(self.tr("Delete the selected community (Del)"))
        self.lifecycle_button = QPushButton(self.tr("&Procedure step..."), self)
        self.lifecycle_button.setObjectName("lifecycleButton")
        self.lifecycle_button.setToolTip(
            self.tr("Record a step: review, approval, start, rectification or revocation")
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("communityCount")
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.search_edit, 2)
        for combo in (self.town_combo, self.type_combo, self.status_combo):
            self.toolbar.addWidget(combo)
        self.toolbar.addWidget(self.count_label)
        self.toolbar.addStretch(1)
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.lifecycle_button,
        ):
            self.toolbar.addWidget(button)
        self.search_edit.textChanged.connect(self.reload)
        for combo in (self.town_combo, self.type_combo, self.status_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.new_button.clicked.connect(self.new_community)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.lifecycle_button.clicked.connect(self.lifecycle_current)

    def _columns(self) -> list[Column[svc.CommunityRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name, "name", tooltip=lambda r: r.theme),
            Column(self.tr("Lead organization"), lambda r: r.lead_org_name, "lead_org"),
            Column(self.tr("Co-building types"), lambda r: "、".join(label(t) for t in r.types)),
            Column(self.tr("Members"), lambda r: r.member_count, "member_count", True),
            Column(self.tr("Founded on"), lambda r: fmt_date(r.founded_on), "founded_on"),
            Column(
                self.tr("Status"),
                lambda r: label(r.status),
                "status",
                foreground=lambda r: _STATUS_COLORS.get(r.status),
            ),
        ]

    def _build_table(self) -> None:
        self.model: PagedTableModel[svc.CommunityRow] = PagedTableModel(
            self._columns(), self._fetch, self._count, parent=self
        )
        self.table = make_record_table(self, "communitiesTable")
        attach_model(self.table, self.model)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.installEventFilter(self)
        self.model.modelReset.connect(self._on_model_reset)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)

    def _build_detail(self) -> None:
        self.detail_panel = QWidget(self)
        self.detail_panel.setObjectName("communityDetail")
        self.detail_title = QLabel(self.detail_panel)
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.detail_title.setWordWrap(True)
        self.detail_info = QLabel(self.detail_panel)
        self.detail_info.setObjectName("detailInfo")
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.members_table = _read_only_table(
            [
                self.tr("Organization"),
                self.tr("Role"),
                self.tr("Town"),
                self.tr("Joined"),
                self.tr("Left"),
            ],
            "detailMembers",
        )
        self.roles_table = _read_only_table(
            [
                self.tr("Person"),
                self.tr("Role"),
                self.tr("From organization"),
                self.tr("Cross-appointment"),
                self.tr("Phone"),
            ],
            "detailRoles",
        )
        self.rotation_table = _read_only_table(
            [self.tr("Convening organization"), self.tr("Period"), self.tr("From"), self.tr("To")],
            "detailRotation",
        )
        self.next_convener_label = QLabel(self.detail_panel)
        self.next_convener_label.setObjectName("nextConvener")
        self.next_convener_label.setWordWrap(True)
        rotation_page = QWidget(self.detail_panel)
        rotation_layout = QVBoxLayout(rotation_page)
        rotation_layout.setContentsMargins(0, 0, 0, 0)
        rotation_layout.addWidget(self.rotation_table)
        rotation_layout.addWidget(self.next_convener_label)
        self.events_table = _read_only_table(
            [
                self.tr("Date"),
                self.tr("Step"),
                self.tr("Status after"),
                self.tr("By"),
                self.tr("Remark"),
            ],
            "detailTimeline",
        )
        self.detail_tabs = QTabWidget(self.detail_panel)
        self.detail_tabs.setObjectName("detailTabs")
        self.detail_tabs.addTab(self.members_table, self.tr("Members"))
        self.detail_tabs.addTab(self.roles_table, self.tr("Leadership team"))
        self.detail_tabs.addTab(rotation_page, self.tr("Convener rotation"))
        self.detail_tabs.addTab(self.events_table, self.tr("Procedure"))
        layout = QVBoxLayout(self.detail_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_info)
        layout.addWidget(self.detail_tabs, 1)

    def _build_shortcuts(self) -> None:
        new = QShortcut(QKeySequence("Ctrl+N"), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self.new_community)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter/F2 edit and Delete deletes, but only while the table has the focus."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.edit_current()
                return True
            if key == Qt.Key.Key_Delete:
                self.delete_current()
                return True
        return super().eventFilter(watched, event)

    def _fill_filter_combos(self) -> None:
        for combo in (self.town_combo, self.type_combo, self.status_combo):
            combo.blockSignals(True)
        self.town_combo.addItem(self.tr("All towns"), None)
        self.type_combo.addItem(self.tr("All types"), None)
        for kind in CoBuildType:
            self.type_combo.addItem(label(kind), kind.value)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in CommunityStatus:
            self.status_combo.addItem(label(status), status.value)
        self._reload_towns()
        for combo in (self.town_combo, self.type_combo, self.status_combo):
            combo.blockSignals(False)

    def _reload_towns(self) -> None:
        current = self.town_combo.currentData()
        self.town_combo.blockSignals(True)
        while self.town_combo.count() > 1:
            self.town_combo.removeItem(1)
        for town in scope.towns(self.ctx.db):
            self.town_combo.addItem(town, town)
        index = self.town_combo.findData(current) if current else 0
        if current and index < 0:
            self.town_combo.addItem(str(current), current)
            index = self.town_combo.count() - 1
        self.town_combo.setCurrentIndex(index)
        self.town_combo.blockSignals(False)

    # -- data --------------------------------------------------------------------------------
    def query(self) -> svc.CommunityQuery:
        town = self.town_combo.currentData()
        kind = self.type_combo.currentData()
        status = self.status_combo.currentData()
        return svc.CommunityQuery(
            text=self.search_edit.text(),
            town=town if isinstance(town, str) else None,
            cobuild_type=CoBuildType.from_label(kind) if isinstance(kind, str) else None,
            status=CommunityStatus.from_label(status) if isinstance(status, str) else None,
        )

    def _fetch(self, page: PageRequest) -> list[svc.CommunityRow]:
        return svc.list_communities(self.ctx.db, self.query(), page)

    def _count(self) -> int:
        return svc.count_communities(self.ctx.db, self.query())

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row()).id

    def refresh(self) -> None:
        """Reload towns, the list and the details (after another tab changed data)."""
        self._reload_towns()
        self.reload()

    def reload(self, *_args: object) -> None:
        self._after_reload(self.current_id())

    def _after_reload(self, keep_id: int | None) -> None:
        self._keep_id = keep_id
        self.model.refresh()

    def _on_model_reset(self) -> None:
        total = self.model.total()
        self.count_label.setText(self.tr("%1 communities").replace("%1", str(total)))
        keep = self._keep_id
        row = self.model.find_row(lambda r: r.id == keep) if keep is not None else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.select_row(row)
        else:
            self._show_detail(None)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._on_current_changed(index, QModelIndex())

    def select_community(self, community_id: int) -> bool:
        row = self.model.find_row(lambda r: r.id == community_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def filter_by(
        self,
        status: CommunityStatus | str | None = None,
        town: str | None = None,
        cobuild_type: CoBuildType | str | None = None,
    ) -> None:
        """Show exactly the communities matching these filters (called by the dashboard)."""
        combos = (self.town_combo, self.type_combo, self.status_combo)
        for combo in (*combos, self.search_edit):
            combo.blockSignals(True)
        self.search_edit.clear()
        if town and self.town_combo.findData(town) < 0:
            self.town_combo.addItem(town, town)
        for combo, value in (
            (self.town_combo, town or None),
            (self.type_combo, _enum_code(cobuild_type)),
            (self.status_combo, _enum_code(status)),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
        for combo in (*combos, self.search_edit):
            combo.blockSignals(False)
        self.reload()

    # -- details -----------------------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        detail: svc.CommunityDetail | None = None
        if current.isValid() and current.row() < self.model.rowCount():
            try:
                detail = svc.get_community(self.ctx.db, self.model.row_at(current.row()).id)
            except UserError as exc:
                messages.show_user_error(self, exc)
        self._show_detail(detail)

    def detail(self) -> svc.CommunityDetail | None:
        return self._detail

    def _show_detail(self, detail: svc.CommunityDetail | None) -> None:
        self._detail = detail
        self.detail_tabs.setEnabled(detail is not None)
        if detail is None:
            self.detail_title.setText(self.tr("No community selected"))
            self.detail_info.setText(
                self.tr("Select a community to see its members, team, rotation and procedure.")
            )
            for table in (
                self.members_table,
                self.roles_table,
                self.rotation_table,
                self.events_table,
            ):
                table.setRowCount(0)
            self.next_convener_label.clear()
            self._update_buttons()
            return
        self.detail_title.setText(detail.name)
        info = [
            f"{self.tr('Status')}: {label(detail.status)}",
            f"{self.tr('Co-building types')}: {'、'.join(label(t) for t in detail.types)}",
            f"{self.tr('Lead organization')}: {detail.lead_org_name or ''}",
            f"{self.tr('Founded on')}: {fmt_date(detail.founded_on)}",
        ]
        if detail.theme:
            info.insert(0, self.tr("Theme: %1").replace("%1", detail.theme))
        self.detail_info.setText("\n".join(info))
        _fill(
            self.members_table,
            [
                [m.name, label(m.role), m.town or "", fmt_date(m.joined_on), fmt_date(m.left_on)]
                for m in detail.members
            ],
        )
        yes = self.tr("Yes")
        _fill(
            self.roles_table,
            [
                [
                    r.person_name,
                    label(r.role),
                    r.organization_name or "",
                    yes if r.cross_appointment else "",
                    r.phone or "",
                ]
                for r in detail.roles
            ],
        )
        _fill(
            self.rotation_table,
            [
                [
                    t.organization_name,
                    t.period_label,
                    fmt_date(t.period_start),
                    fmt_date(t.period_end),
                ]
                for t in detail.rotation
            ],
        )
        proposal = svc.propose_convener(detail)
        if proposal is None:
            self.next_convener_label.setText(self.tr("No member organization can convene."))
        else:
            period = proposal.period
            self.next_convener_label.setText(
                self.tr("Next in turn: %1, %2 (%3 to %4)")
                .replace("%1", proposal.organization_name)
                .replace("%2", period.label)
                .replace("%3", fmt_date(period.start))
                .replace("%4", fmt_date(period.end))
            )
        _fill(
            self.events_table,
            [
                [
                    fmt_date(e.occurred_on),
                    label(e.action),
                    label(e.status_after),
                    e.operator,
                    e.remark or "",
                ]
                for e in reversed(detail.events)
            ],
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        detail = self._detail
        selected = detail is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.lifecycle_button.setEnabled(bool(detail and detail.allowed_actions))

    # -- actions -----------------------------------------------------------------------------
    def _after_save(self, community_id: int) -> None:
        self._reload_towns()
        self._after_reload(community_id)
        self.table.setFocus()

    def new_community(self) -> CommunityDialog:
        dialog = CommunityDialog(self.ctx, None, self)
        self.open_dialog(dialog, self._after_save)
        return dialog

    def _open_for_current(self, make: Callable[[int], _D]) -> _D | None:
        """Open the dialog ``make`` builds for the selected community; if it cannot be
        opened (the community is gone), say why and reload."""
        community_id = self.current_id()
        if community_id is None:
            return None
        try:
            dialog = make(community_id)
        except UserError as exc:
            messages.show_user_error(self, exc)
            self.reload()
            return None
        self.open_dialog(dialog, self._after_save)
        return dialog

    def edit_current(self) -> CommunityDialog | None:
        return self._open_for_current(lambda cid: CommunityDialog(self.ctx, cid, self))

    def lifecycle_current(self) -> LifecycleDialog | None:
        if not (self._detail and self._detail.allowed_actions):
            return None
        return self._open_for_current(lambda cid: LifecycleDialog(self.ctx, cid, self))

    def delete_current(self) -> None:
        detail = self._detail
        if detail is None:
            return
        question = self.tr(
            "Delete the community \u201c%1\u201d with its members, team, rotation and "
            "procedure record? This cannot be undone."
        ).replace("%1", detail.name)
        if not messages.confirm(self, self.tr("Delete community"), question):
            return
        try:
            svc.delete_community(self.ctx.db, detail.id)
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        self._after_reload(None)
