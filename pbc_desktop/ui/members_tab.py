"""The 党员 tab: a masked, paged listing of party members with their posts and service."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout

from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.services import members, scope
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.labels import fmt_date, label
from pbc_desktop.ui.listing_tab import (
    ListingTab,
    as_enum,
    combo_enum,
    fields,
    grid,
    heading,
    select_adding,
    set_combo_data,
)
from pbc_desktop.ui.table_model import Column


class MembersTab(ListingTab[members.MemberRow]):
    """Read-only for now: editing members comes with the member-management issue."""

    key = "members"

    def init_state(self) -> None:
        self._organization_id: int | None = None
        self._report_town: str | None = None

    def search_hint(self) -> str:
        return self.tr("Search name, phone or last digits of the ID number")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.town_combo = self.data_combo("TownFilter")
        self.category_combo = self.enum_combo(
            MemberCategory, self.tr("All categories"), "CategoryFilter"
        )
        self.reported_combo = QComboBox(self)
        self.reported_combo.setObjectName("membersReportedFilter")
        self.reported_combo.addItem(self.tr("Reported or not"), None)
        self.reported_combo.addItem(self.tr("Reported to a post"), True)
        self.reported_combo.addItem(self.tr("Not reported"), False)
        self.reported_combo.currentIndexChanged.connect(self.reload)
        for combo in (self.town_combo, self.category_combo, self.reported_combo):
            row.addWidget(combo, 1)

    def fill_choices(self) -> None:
        self.fill_town_combo(self.town_combo)

    def columns(self) -> Sequence[Column[members.MemberRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name, "name"),
            Column(self.tr("Gender"), lambda r: label(r.gender)),
            Column(self.tr("Organization"), lambda r: r.organization_name, "organization"),
            Column(self.tr("Town"), lambda r: r.town),
            Column(self.tr("Category"), lambda r: label(r.category), "category"),
            Column(self.tr("Joined on"), lambda r: fmt_date(r.joined_on), "joined_on"),
            Column(self.tr("ID number"), lambda r: r.id_number),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Reported"), lambda r: self.tr("Yes") if r.reported else ""),
        ]

    def query(self) -> members.MemberQuery:
        return members.MemberQuery(
            text=self.search_edit.text(),
            organization_id=self._organization_id,
            town=self.town_combo.currentData(),
            category=combo_enum(self.category_combo, MemberCategory),
            reported=self.reported_combo.currentData(),
            report_town=self._report_town,
        )

    def fetch(self, page: PageRequest) -> list[members.MemberRow]:
        return members.list_members(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return members.count_members(self.ctx.db, self.query())

    def clear_extra(self) -> None:
        self._organization_id = None
        self._report_town = None

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

        def change() -> None:
            self.search_edit.setText(text)
            select_adding(self.town_combo, town)
            set_combo_data(self.category_combo, as_enum(MemberCategory, category))
            set_combo_data(self.reported_combo, reported)

        self.with_signals_blocked(
            [self.search_edit, self.town_combo, self.category_combo, self.reported_combo], change
        )
        self._organization_id = organization_id
        self._report_town = report_town or None
        notes = []
        if organization_id is not None:
            name = scope.organization_name(self.ctx.db, organization_id) or str(organization_id)
            notes.append(self.tr("Organization: {0}").format(name))
        if self._report_town:
            notes.append(self.tr("Reported to communities in {0}").format(self._report_town))
        self.set_extra_text(notes)
        self.reload()

    def detail_html(self, row: members.MemberRow) -> str:
        d = members.get_member_detail(self.ctx.db, row.id)
        parts = [
            heading(d.name),
            fields(
                [
                    (self.tr("Gender"), label(d.gender)),
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
                ]
            ),
            heading(self.tr("Post reports")),
            grid(
                [
                    self.tr("Organization"),
                    self.tr("Community"),
                    self.tr("Post"),
                    self.tr("Reported on"),
                    self.tr("Status"),
                    self.tr("Hours"),
                ],
                [
                    (
                        r.organization_name,
                        r.community_name,
                        r.post_name,
                        fmt_date(r.reported_on),
                        label(r.status),
                        f"{r.service_hours:g}",
                    )
                    for r in d.reports
                ],
                self.tr("Not reported to any co-building organization."),
            ),
            heading(self.tr("Service log ({0} hours)").format(f"{d.service_hours:g}")),
            grid(
                [self.tr("Date"), self.tr("Hours"), self.tr("Content"), self.tr("Organization")],
                [
                    (fmt_date(s.served_on), f"{s.hours:g}", s.content, s.organization_name)
                    for s in d.services
                ],
                self.tr("No service recorded."),
            ),
        ]
        return "".join(parts)
