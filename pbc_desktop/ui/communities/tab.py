"""The 党建共同体 tab: a filtered, sorted list and the selected community's details."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.enums import CoBuildType, CommunityStatus
from pbc_desktop.domain.punctuation import labelled
from pbc_desktop.errors import UserError
from pbc_desktop.services import communities as svc
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.columns import WHOLE, refit_columns
from pbc_desktop.ui.common.combos import as_enum, current_enum, select_adding
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.common.views import header_tips
from pbc_desktop.ui.communities.dialog import CommunityDialog
from pbc_desktop.ui.communities.lifecycle_dialog import LifecycleDialog

_STATUS_COLORS = {
    CommunityStatus.RETURNED: "#c0392b",
    CommunityStatus.RECTIFYING: "#d35400",
    CommunityStatus.REVOKED: "#888888",
}


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
    refit_columns(table)
    table.horizontalHeader().setStretchLastSection(True)


class CommunitiesTab(ListingTab[svc.CommunityRow]):
    """Communities: search and filters, the detail pane with its four pages, add/edit/delete
    and the procedure steps. The first row is selected whenever the selected one is gone."""

    key = "communities"
    search_delay_ms = 0
    select_first_row = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.splitter.setChildrenCollapsible(True)
        self.table.doubleClicked.connect(lambda _i: self.writes.press(self.edit_button))
        self.table.installEventFilter(self)
        self.writes.shortcut("Ctrl+N", self, self.new_button)

    def init_state(self) -> None:
        self._detail: svc.CommunityDetail | None = None

    # -- construction ------------------------------------------------------------------------
    def search_hint(self) -> str:
        return self.tr("Search name, theme or lead organization")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.town_combo = self.data_combo("TownFilter")
        self.type_combo = self.enum_combo(CoBuildType, self.tr("All types"), "TypeFilter")
        self.status_combo = self.enum_combo(
            CommunityStatus, self.tr("All statuses"), "StatusFilter"
        )
        for combo in (self.town_combo, self.type_combo, self.status_combo):
            row.addWidget(combo)

    def arrange_rows(self, filters: QHBoxLayout, note: QHBoxLayout) -> None:
        """The count and the buttons share the filter row."""
        selected = self.refused_selected
        self.new_button = self.button(
            "New",
            self.tr("&New..."),
            self.new_community,
            self.tr("New community (Ctrl+N)"),
            rule=self.refused_new,
        )
        self.edit_button = self.button(
            "Edit",
            self.tr("&Edit..."),
            self.edit_current,
            self.tr("Edit the selected community (Enter or F2)"),
            rule=selected,
            when=lambda: self._detail is not None,
        )
        self.delete_button = self.button(
            "Delete",
            self.tr("&Delete"),
            self.delete_current,
            self.tr("Delete the selected community (Del)"),
            rule=selected,
            when=lambda: self._detail is not None,
        )
        self.lifecycle_button = self.button(
            "Lifecycle",
            self.tr("&Procedure step..."),
            self.lifecycle_current,
            self.tr("Record a step: review, approval, start, rectification or revocation"),
            rule=selected,
            when=lambda: bool(self._detail and self._detail.allowed_actions),
        )
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.lifecycle_button,
        ):
            filters.addWidget(button)

    def columns(self) -> list[Column[svc.CommunityRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name, "name", tooltip=lambda r: r.theme),
            # short English headers (the whole in their tooltips): they kept the columns
            # from fitting 1024 px; the Chinese is the same for both
            Column(
                self.tr("Lead org."),
                lambda r: r.lead_org_name,
                "lead_org",
                header_tip=self.tr("Lead organization"),
            ),
            Column(
                self.tr("Types"),
                lambda r: "、".join(label(t) for t in r.types),
                header_tip=self.tr("Co-building types"),
            ),
            Column(self.tr("Members"), lambda r: r.member_count, "member_count", True),
            Column(
                self.tr("Founded on"),
                lambda r: fmt_date(r.founded_on),
                "founded_on",
                min_chars=WHOLE,
            ),
            Column(
                self.tr("Status"),
                lambda r: label(r.status),
                "status",
                foreground=lambda r: _STATUS_COLORS.get(r.status),
                min_chars=WHOLE,
            ),
        ]

    def build_detail(self) -> QWidget:
        """The title, the key facts and four pages: members, team, rotation, procedure."""
        self.detail_panel = QWidget(self)
        self.detail_panel.setObjectName("communitiesDetail")
        self.detail_title = QLabel(self.detail_panel)
        self.detail_title.setObjectName("communitiesDetailTitle")
        self.detail_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.detail_title.setWordWrap(True)
        self.detail_info = QLabel(self.detail_panel)
        self.detail_info.setObjectName("communitiesDetailInfo")
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
            "communitiesDetailMembers",
        )
        self.roles_table = _read_only_table(
            [
                self.tr("Person"),
                self.tr("Role"),
                self.tr("From org."),
                self.tr("Cross"),
                self.tr("Phone"),
            ],
            "communitiesDetailRoles",
        )
        # short English headers, the whole in their tooltips: the pages fit 1024 px
        tips = {2: self.tr("From organization"), 3: self.tr("Cross-appointment")}
        header_tips(self.roles_table, tips)
        self.rotation_table = _read_only_table(
            [self.tr("Convener"), self.tr("Period"), self.tr("From"), self.tr("To")],
            "communitiesDetailRotation",
        )
        header_tips(self.rotation_table, {0: self.tr("Convening organization")})
        self.next_convener_label = QLabel(self.detail_panel)
        self.next_convener_label.setObjectName("communitiesNextConvener")
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
                self.tr("Result"),
                self.tr("By"),
                self.tr("Remark"),
            ],
            "communitiesDetailTimeline",
        )
        header_tips(self.events_table, {2: self.tr("Status after")})
        self.detail_tabs = QTabWidget(self.detail_panel)
        self.detail_tabs.setObjectName("communitiesDetailTabs")
        self.detail_tabs.addTab(self.members_table, self.tr("Organizations"))
        self.detail_tabs.addTab(self.roles_table, self.tr("Team"))
        self.detail_tabs.addTab(rotation_page, self.tr("Rotation"))
        self.detail_tabs.addTab(self.events_table, self.tr("Procedure"))
        layout = QVBoxLayout(self.detail_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_info)
        layout.addWidget(self.detail_tabs, 1)
        return self.detail_panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter/F2 edit and Delete deletes, but only while the table has the focus (and
        the account may)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.writes.press(self.edit_button)
                return True
            if key == Qt.Key.Key_Delete:
                self.writes.press(self.delete_button)
                return True
        return super().eventFilter(watched, event)

    # -- data --------------------------------------------------------------------------------
    def fill_choices(self) -> None:
        """Reload the towns, keeping a town the dashboard asked for even if none is left."""
        town = self.town_combo.currentData()
        self.fill_town_combo(self.town_combo)
        self.with_signals_blocked([self.town_combo], lambda: select_adding(self.town_combo, town))

    def query(self) -> svc.CommunityQuery:
        town = self.town_combo.currentData()
        return svc.CommunityQuery(
            text=self.search_edit.text(),
            town=town if isinstance(town, str) else None,
            cobuild_type=current_enum(self.type_combo, CoBuildType),
            status=current_enum(self.status_combo, CommunityStatus),
        )

    def fetch(self, page: PageRequest) -> list[svc.CommunityRow]:
        return svc.list_communities(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return svc.count_communities(self.ctx.db, self.query())

    def count_text(self, total: int) -> str:
        return self.tr("%1 communities").replace("%1", str(total))

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row is not None else None

    def apply_filters(
        self,
        *,
        status: CommunityStatus | str | None = None,
        town: str | None = None,
        cobuild_type: CoBuildType | str | None = None,
    ) -> None:
        """Show exactly the communities matching these filters (called by the dashboard)."""
        self.set_filters(
            "",
            chosen=[
                (self.type_combo, as_enum(CoBuildType, cobuild_type)),
                (self.status_combo, as_enum(CommunityStatus, status)),
            ],
            added=[(self.town_combo, town or None)],
        )
        self.reload()

    # -- details -----------------------------------------------------------------------------
    def creation_refusal(self) -> str | None:
        return svc.change_refusal(self.ctx.db)

    def change_refusal(self, row: svc.CommunityRow) -> str | None:
        return svc.change_refusal(self.ctx.db, row.id)

    def idle_refusal(self) -> str | None:
        return self.refused_new()  # a village changes no community at all

    def show_detail(self, row: svc.CommunityRow | None) -> None:
        detail: svc.CommunityDetail | None = None
        if row is not None:
            try:
                detail = svc.get_community(self.ctx.db, row.id)
            except UserError as exc:
                messages.show_user_error(self, exc)
        self._show_community(detail)

    def _show_community(self, detail: svc.CommunityDetail | None) -> None:
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
            return
        self.detail_title.setText(detail.name)
        info = [
            labelled(self.tr("Status"), label(detail.status)),
            labelled(self.tr("Co-building types"), "、".join(label(t) for t in detail.types)),
            labelled(self.tr("Lead organization"), detail.lead_org_name or ""),
            labelled(self.tr("Founded on"), fmt_date(detail.founded_on)),
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

    # -- actions -----------------------------------------------------------------------------
    def new_community(self) -> CommunityDialog:
        dialog = CommunityDialog(self.ctx, None, self)
        self.open_dialog(dialog, self.show_saved)
        return dialog

    def edit_current(self) -> CommunityDialog | None:
        return self.open_for_selected(
            lambda row: CommunityDialog(self.ctx, row.id, self), gone=self.reload
        )

    def lifecycle_current(self) -> LifecycleDialog | None:
        if not (self._detail and self._detail.allowed_actions):
            return None
        return self.open_for_selected(
            lambda row: LifecycleDialog(self.ctx, row.id, self), gone=self.reload
        )

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
        if messages.guarded(self, lambda: svc.delete_community(self.ctx.db, detail.id)):
            self.reload()
