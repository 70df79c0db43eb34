"""The 党员 tab: a paged listing of party members (ID numbers and phones masked unless the
user ticks "show"), with their posts and service, and the member editor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.domain.member_changes import MemberRoll
from pbc_desktop.errors import UserError
from pbc_desktop.services import member_editing, member_view, members
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.appraisals.menu import appraisal_lines, party_work_menu
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.columns import WHOLE, refit_columns
from pbc_desktop.ui.common.combos import (
    as_enum,
    current_enum,
    fill_choices,
    fill_enum,
    find_data,
    searchable,
)
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import DateEdit, fmt_date, set_date_capped, to_date
from pbc_desktop.ui.common.detail import fields, grid, heading
from pbc_desktop.ui.common.flow import FlowRow
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.common.write_guard import Rule
from pbc_desktop.ui.members import exports as member_exports
from pbc_desktop.ui.members.change_actions import MemberChangeActions
from pbc_desktop.ui.members.dialog import MemberDialog
from pbc_desktop.ui.members.dual_report_overview import DualReportOverviewDialog
from pbc_desktop.ui.members.post_catalogue_dialog import PostCatalogueDialog
from pbc_desktop.ui.members.posts import MemberPostsPanel

if TYPE_CHECKING:
    from pbc_desktop.ui.members.import_dialog import MemberImportDialog

REPORTED_COLUMN, ID_COLUMN, PHONE_COLUMN = 5, 7, 8  # see MembersTab.columns


class MembersTab(ListingTab[members.MemberRow]):
    """Members: search and filters, add/edit/delete, and the show-ID-numbers switch.

    More actions (post reports, import, export) go into :attr:`button_row` through
    :meth:`add_button`.
    """

    key = "members"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._build_actions()
        self._build_more_actions()
        self._build_posts_panel()
        self.table.doubleClicked.connect(lambda _index: self.writes.press(self.edit_button))

    def init_state(self) -> None:
        self._report_town: str | None = None
        # the selected member as read when selected (its detail, posts and action rules),
        # by the member, roll date and masking it was read for
        self._view: tuple[tuple[int, date | None, bool], member_view.MemberView] | None = None
        # Off whenever the tab is made: the private numbers show only while ticked.
        self._unmasked = False
        # Made here, before the first refresh() offers it (or not) to the account.
        self.unmask_check = QCheckBox(self.tr("Show ID numbers and phones"), self)

    # -- the row of actions ------------------------------------------------------------------
    def _build_actions(self) -> None:
        #: The row of action buttons above the filters; add to it with :meth:`add_button`.
        # (a second line where the window has no room for one: in English at 1024 px)
        self.button_row = FlowRow()
        self._stretch_at = 0
        self.new_button = self.add_button(
            "New",
            self.tr("&New member..."),
            self.new_member,
            tooltip=self.tr("Add a party member (Ctrl+N)"),
            rule=self.refused_new,
        )
        self.edit_button = self.add_button(
            "Edit",
            self.tr("&Edit..."),
            self.edit_current,
            tooltip=self.tr("Edit the selected member (F2, Enter or double-click)"),
            rule=self.refused_selected,
            when=self.has_selection,
        )
        self.changes = MemberChangeActions(self)
        self.delete_button = self.add_button(
            "Delete",
            self.tr("&Delete (entered by mistake)"),
            self.delete_current,
            tooltip=self.tr(
                "Delete a member record entered by mistake (Del): an administrator, within "
                "days of entering it; a member who leaves is recorded through “Member leaves”"
            ),
            rule=self.refused_deletion,
            when=self.has_selection,
        )
        self.button_row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, self.button_row)
        self.add_record_shortcuts(self.new_button, self.edit_button, self.delete_button)

    def add_button(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        *,
        tooltip: str = "",
        needs_selection: bool = False,
        rule: Rule | None = None,
        when: Callable[[], bool] | None = None,
    ) -> QPushButton:
        """Add a button to :attr:`button_row`, after the ones already there.

        ``name`` completes the object name (``members<name>``); with ``needs_selection``
        the button is enabled only while a member is selected; ``rule`` and ``when`` make
        it a write action (see :meth:`ListingTab.button`).
        """
        if needs_selection and when is None:
            when = self.has_selection
        button = self.button(name, text, slot, tooltip, rule=rule, when=when)
        self.button_row.insertWidget(self._stretch_at, button)
        self._stretch_at += 1
        return button

    def _build_more_actions(self) -> None:
        self.import_button = self.add_button(
            "Import",
            self.tr("&Import from Excel..."),
            self.import_members,
            tooltip=self.tr("Import members from an Excel roster, with a preview of every bad row"),
            rule=self.refused_new,
        )
        self.export_button = self.add_button(
            "Export",
            self.tr("E&xport"),
            lambda: None,
            tooltip=self.tr("Excel roster, import template, printed roster"),
        )
        menu = member_exports.roster_menu(
            self,
            self.ctx,
            self.organization_combo.currentData,
            lambda: self._unmasked,
            lambda: self.query().as_of,
        )
        menu.insertSection(menu.actions()[0], self.tr("Printed roster"))
        first = menu.actions()[0]
        for name, text, slot in (
            ("membersExportXlsx", self.tr("Export this list to Excel..."), self.export_xlsx),
            ("membersExportTemplate", self.tr("Save the import template..."), self.save_template),
        ):
            menu.insertAction(first, make_action(menu, name, text, slot))
        self.export_button.setMenu(menu)
        self.catalogue_button = self.add_button(
            "Catalogue",
            self.tr("Post &catalogue..."),
            self.open_catalogue,
            tooltip=self.tr(
                "The posts members can take when they report to a co-building organization"
            ),
        )
        self.overview_button = self.add_button(
            "Overview",
            self.tr("Dual-report overvie&w..."),
            self.open_overview,
            tooltip=self.tr("Per organization: members reported, where, and their service hours"),
        )
        self.party_work_button = self.add_button(
            "PartyWork",
            self.tr("App&raisal && statistics"),
            lambda: None,
            tooltip=self.tr("Democratic appraisal of members (民主评议) and Party statistics"),
        )
        self.party_work_button.setMenu(party_work_menu(self, self.organization_combo.currentData))

    def _build_posts_panel(self) -> None:
        """The member's post reports, service log and evaluations, under the detail."""
        self.posts_panel = MemberPostsPanel(self.ctx, self)
        self.posts_panel.setObjectName("membersPosts")
        self.posts_panel.changed.connect(self._posts_changed)
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.detail_splitter.setObjectName("membersDetailSplitter")
        self.splitter.replaceWidget(1, self.detail_splitter)
        self.detail_splitter.addWidget(self.detail)
        self.detail_splitter.addWidget(self.posts_panel)
        self.detail_splitter.setStretchFactor(0, 2)
        self.detail_splitter.setStretchFactor(1, 3)
        self.detail_splitter.setChildrenCollapsible(False)
        # (the selection shows the member in the panel too: show_detail)
        self.model.modelReset.connect(self._rows_reset)

    def _rows_reset(self) -> None:
        """The rows sorted anew (their selection gone) or reloaded: no member in the panel
        until one is selected (a reload selects its member again: :meth:`show_detail`)."""
        if self.current_row() is None and not self._reloading:
            self.posts_panel.set_member(None)

    def _posts_changed(self) -> None:
        row = self.current_row()
        self.refresh()
        if row is not None:
            self.select_id(row.id)

    # -- import, export, catalogue, overview ------------------------------------------------
    def import_members(self) -> MemberImportDialog | None:
        if self.raise_active_dialog():
            return None
        # openpyxl is loaded at the first import, not with the tab (a tenth of a second).
        from pbc_desktop.ui.members.import_dialog import MemberImportDialog

        dialog = MemberImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _result: self.refresh())
        self.open_dialog(dialog)
        return dialog

    def export_xlsx(self) -> None:
        member_exports.export_roster_xlsx(self, self.ctx, self.query(), self._unmasked)

    def save_template(self) -> None:
        member_exports.save_template(self)

    def open_catalogue(self) -> PostCatalogueDialog | None:
        if self.raise_active_dialog():
            return None
        dialog = PostCatalogueDialog(self.ctx, self)
        dialog.changed.connect(self.posts_panel.reload)
        self.open_dialog(dialog)
        return dialog

    def open_overview(self) -> DualReportOverviewDialog | None:
        if self.raise_active_dialog():
            return None
        dialog = DualReportOverviewDialog(self.ctx, self)
        town = self.town_combo.currentData()
        if town:
            dialog.set_filters(town=town)
        self.open_dialog(dialog)
        return dialog

    def refresh(self) -> None:
        """Also offer full numbers only to an account allowed to see them (the account may
        have changed: switch user)."""
        allowed = self.ctx.db.user.can(Permission.SEE_PERSONAL_DATA)
        self.unmask_check.setVisible(allowed)
        if not allowed and self._unmasked:
            self._unmasked = False
            self.unmask_check.setChecked(False)
        super().refresh()

    def set_unmasked(self, unmasked: bool) -> None:
        """Show ID numbers and phones in full (``True``) or masked, in the table and detail."""
        if self.unmask_check.isChecked() != unmasked:
            self.unmask_check.setChecked(unmasked)  # comes back here through toggled
            return
        if unmasked and not self._unmasked:
            from pbc_desktop.services import member_export  # openpyxl: loaded when used

            # showing the full numbers is audited and needs the permission
            if not messages.guarded(self, lambda: member_export.record_unmasked_view(self.ctx.db)):
                self.unmask_check.setChecked(False)
                return
        self._unmasked = unmasked
        self.reload()
        if unmasked:  # full numbers are wider than the masked ones the columns were fitted to
            refit_columns(self.table)

    # -- editing -----------------------------------------------------------------------------
    def creation_refusal(self) -> str | None:
        return member_editing.change_refusal(self.ctx.db)

    def change_refusal(self, row: members.MemberRow) -> str | None:
        """Asked when a member is selected: the member read in one go, every rule of the
        actions on them among it (:meth:`member_actions` then answers the buttons, the menu
        and the posts panel; :meth:`show_detail` shows the rest)."""
        self._view = None
        return self.member_view(row).actions.change

    def idle_refusal(self) -> str | None:
        self._view = None
        return super().idle_refusal()

    def member_view(self, row: members.MemberRow) -> member_view.MemberView:
        """The selected member ``row`` as read when it was selected: its detail, posts and
        action rules (read again for another member, roll date or masking)."""
        # a past roll's member, moved away since, is shown too
        key = (row.id, self.query().as_of, self._unmasked)
        if self._view is None or self._view[0] != key:
            read = member_view.member_view(
                self.ctx.db, row.id, unmasked=self._unmasked, as_of=key[1]
            )
            self._view = (key, read)
        return self._view[1]

    def member_actions(self, row: members.MemberRow) -> member_editing.MemberActions:
        """The action rules of the selected member ``row``, as read when it was selected."""
        return self.member_view(row).actions

    def refused_deletion(self) -> str | None:
        row = self.current_row()
        if row is None:
            return None
        return self.refused_selected() or self.member_actions(row).deletion

    def new_member(self) -> MemberDialog | None:
        if self.raise_active_dialog():
            return None
        dialog = MemberDialog(
            self.ctx, organization_id=self.organization_combo.currentData(), parent=self
        )
        self.open_dialog(dialog, self.show_saved)
        return dialog

    def edit_current(self) -> MemberDialog | None:
        if self.has_selection() and self.raise_active_dialog():
            return None
        return self.open_for_selected(
            lambda row: MemberDialog(self.ctx, row.id, unmasked=self._unmasked, parent=self)
        )

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            impact = member_editing.deletion_impact(self.ctx.db, row.id)
        except UserError as error:
            messages.show_user_error(self, error)
            self.refresh()
            return
        if impact.has_records:
            question = self.tr(
                "Delete the party member “{0}” together with {1} post reports and "
                "{2} service records ({3} hours)? This cannot be undone."
            ).format(
                impact.name,
                impact.report_count,
                impact.service_count,
                f"{impact.service_hours:g}",
            )
        else:
            question = self.tr("Delete the party member “{0}”? This cannot be undone.").format(
                impact.name
            )
        if not messages.confirm(self, self.tr("Delete party member"), question):
            return
        messages.guarded(
            self,
            lambda: member_editing.delete_member(
                self.ctx.db, row.id, with_reports=impact.has_records
            ),
        )
        self.refresh()

    # -- listing -----------------------------------------------------------------------------
    def search_hint(self) -> str:
        return self.tr("Search name, phone or last digits of the ID number")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.organization_combo = self._organization_filter()
        row.addWidget(self.organization_combo, 2)
        self.town_combo = self.data_combo("TownFilter")
        self.category_combo = self.enum_combo(
            MemberCategory, self.tr("All categories"), "CategoryFilter"
        )
        self.reported_combo = self.choice_combo(
            "ReportedFilter",
            [
                (self.tr("Reported or not"), None),
                (self.tr("Reported to a post"), True),
                (self.tr("Not reported"), False),
            ],
        )
        self.roll_combo = self.data_combo("RollFilter")  # the roll first: what clearing shows
        self.roll_combo.blockSignals(True)  # filled before the tab can reload
        fill_enum(self.roll_combo, MemberRoll)
        self.roll_combo.blockSignals(False)
        self.as_of_check = QCheckBox(self.tr("As of"), self)
        self.as_of_check.setObjectName("membersAsOfCheck")
        self.as_of_check.setToolTip(
            self.tr("The roll at a past date: who was a member then, where")
        )
        self.as_of_edit = DateEdit(self)
        self.as_of_edit.setObjectName("membersAsOf")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        set_date_capped(self.as_of_edit, date.today())
        self.as_of_edit.setEnabled(False)
        self.as_of_check.toggled.connect(self.as_of_edit.setEnabled)
        self.as_of_check.toggled.connect(self.reload)
        self.as_of_edit.dateChanged.connect(self.reload)
        for combo in (self.town_combo, self.category_combo, self.reported_combo, self.roll_combo):
            row.addWidget(combo, 1)
        row.addWidget(self.as_of_check)
        row.addWidget(self.as_of_edit)

    def arrange_rows(self, filters: QHBoxLayout, note: QHBoxLayout) -> None:
        """How the list shows, beside its count under the filters (not with the actions; at
        the end of the filters it made the row wider than a 1024 px screen in English)."""
        self.unmask_check.setObjectName("membersUnmask")
        self.unmask_check.setToolTip(
            self.tr("Shown in full only while ticked; hide them again before leaving the desk")
        )
        self.unmask_check.toggled.connect(self.set_unmasked)
        note.addWidget(self.unmask_check)
        super().arrange_rows(filters, note)

    def _organization_filter(self) -> QComboBox:
        """An editable combo: type any part of an organization's name to find it."""
        combo = QComboBox(self)
        combo.setObjectName("membersOrganizationFilter")
        combo.setEditable(True)
        searchable(combo)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        line_edit = combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("All organizations (type to search)"))
            line_edit.editingFinished.connect(self._organization_typed)
        combo.addItem("", None)
        return self.add_filter(combo)

    def _organization_typed(self) -> None:
        """Typed text picks the organization of that name; blank means all; else undo."""
        combo = self.organization_combo
        text = combo.currentText().strip()
        index = 0 if not text else combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = combo.currentIndex()
        if index != combo.currentIndex():
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(combo.itemText(index))

    def _fill_organizations(self) -> None:
        combo = self.organization_combo
        fill_choices(combo, orgs.choices(self.ctx.db), "", keep_current=True)

    def fill_choices(self) -> None:
        self._fill_organizations()
        self.fill_town_combo(self.town_combo)

    def columns(self) -> Sequence[Column[members.MemberRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name, "name"),
            # drop: left out of a narrow table, the highest first (the detail pane has them)
            Column(self.tr("Gender"), lambda r: label(r.gender), drop=4),
            Column(self.tr("Organization"), lambda r: r.organization_name, "organization"),
            Column(self.tr("Town"), lambda r: r.town, drop=5),
            Column(self.tr("Category"), lambda r: label(r.category), "category"),
            # before the long numbers: on a narrow screen those may scroll away
            Column(self.tr("Reported"), lambda r: self.tr("Yes") if r.reported else ""),
            Column(
                self.tr("Joined on"),
                lambda r: fmt_date(r.joined_on),
                "joined_on",
                min_chars=WHOLE,
                drop=2,
            ),
            Column(self.tr("ID number"), lambda r: r.id_number, min_chars=WHOLE, drop=1),
            Column(self.tr("Phone"), lambda r: r.phone, min_chars=WHOLE, drop=3),
        ]

    def query(self) -> members.MemberQuery:
        return members.MemberQuery(
            text=self.search_edit.text(),
            organization_id=self.organization_combo.currentData(),
            town=self.town_combo.currentData(),
            category=current_enum(self.category_combo, MemberCategory),
            reported=self.reported_combo.currentData(),
            report_town=self._report_town,
            roll=current_enum(self.roll_combo, MemberRoll) or MemberRoll.CURRENT,
            as_of=to_date(self.as_of_edit.date()) if self.as_of_check.isChecked() else None,
        )

    def fetch(self, page: PageRequest) -> list[members.MemberRow]:
        return members.list_members(self.ctx.db, self.query(), page, unmasked=self._unmasked)

    def count(self) -> int:
        return members.count_members(self.ctx.db, self.query())

    def clear_extra(self) -> None:
        self._report_town = None
        self.as_of_check.setChecked(False)

    def apply_filters(
        self,
        *,
        text: str = "",
        organization_id: int | None = None,
        town: str | None = None,
        category: MemberCategory | str | None = None,
        reported: bool | None = None,
        report_town: str | None = None,
    ) -> None:
        """Show exactly the members matching these filters (called by the dashboard)."""
        if organization_id is not None and find_data(self.organization_combo, organization_id) < 0:
            self._fill_organizations()  # made since the tab filled its choices
        self.set_filters(
            text,
            chosen=[
                (self.organization_combo, organization_id),
                (self.category_combo, as_enum(MemberCategory, category)),
                (self.reported_combo, reported),
            ],
            added=[(self.town_combo, town)],
        )
        self._report_town = report_town or None
        notes = []
        if self._report_town:
            notes.append(self.tr("Reported to communities in {0}").format(self._report_town))
        self.set_extra_text(notes)
        self.reload()

    def show_detail(self, row: members.MemberRow | None) -> None:
        """The member in the detail and in the posts panel, as read when selected."""
        super().show_detail(row)
        # made after the listing (its first reload selects nothing), last in the focus chain
        panel: MemberPostsPanel | None = getattr(self, "posts_panel", None)
        if panel is None:
            return
        if row is None:
            panel.set_member(None)
        else:
            panel.show_member(self.member_view(row), self.query().as_of)

    def detail_html(self, row: members.MemberRow) -> str:
        view = self.member_view(row)
        if view.shown is None:  # gone meanwhile, or no longer the account's
            return f"<p>{escape(view.refusal or '')}</p>"
        shown = view.shown
        d = shown.detail
        parts = [
            heading(d.name),
            fields(
                [
                    (self.tr("Gender"), label(d.gender)),
                    (self.tr("Birth date"), d.birth_date),
                    (self.tr("Ethnicity"), d.ethnicity),
                    (self.tr("Education"), d.education),
                    (self.tr("Native place"), d.native_place),
                    (self.tr("ID number"), d.id_number),
                    (self.tr("Phone"), d.phone),
                    (self.tr("Organization"), d.organization_name),
                    (self.tr("Town"), d.town),
                    (self.tr("Category"), label(d.category)),
                    (self.tr("Status"), label(d.status)),
                    (self.tr("Joined on"), fmt_date(d.joined_on)),
                    (self.tr("Confirmed on"), fmt_date(d.confirmed_on)),
                    (self.tr("Party post"), d.party_post),
                    (self.tr("Work unit"), d.work_unit),
                    (self.tr("Remark"), d.remark),
                    (self.tr("From office"), d.origin),
                ]
            ),
            fields(
                [
                    (self.tr("Post reports"), str(len(d.reports))),
                    (self.tr("Service hours"), f"{d.service_hours:g}"),
                ]
            ),
            self.changes.history_html(shown),
            appraisal_lines(shown.appraisals),
        ]
        history = shown.development
        if history is not None:  # admitted through the 发展党员 pipeline
            parts.append(heading(self.tr("Development history")))
            parts.append(
                grid(
                    [self.tr("Step"), self.tr("Date"), self.tr("People")],
                    [(label(s.step), fmt_date(s.occurred_on), s.people) for s in history.steps],
                    "",
                )
            )
        return "".join(parts)
