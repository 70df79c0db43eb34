"""The 清单 tab: items of the demand, resource and project lists, with claims and 督办."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout

from pbc_desktop.domain.enums import OVERDUE_LABEL, ItemStatus, ListKind
from pbc_desktop.lang import t
from pbc_desktop.services import lists, scope
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.labels import fmt_date, label
from pbc_desktop.ui.listing_tab import (
    ListingTab,
    as_enum,
    combo_enum,
    fields,
    find_data,
    grid,
    heading,
    set_combo_data,
)
from pbc_desktop.ui.table_model import Column

OVERDUE = "*overdue"  # the status combo's entry for 逾期 (not a status code)
OVERDUE_COLOR = "#c0392b"


def claimants(row: lists.ItemRow) -> str:
    """Lead organizations, then the others of a group claim: "甲 + 乙、丙"."""
    text = "、".join(row.lead_orgs)
    if row.partner_orgs:
        text += " + " + "、".join(row.partner_orgs)
    return text


class ListsTab(ListingTab[lists.ItemRow]):
    """Read-only for now: signing lists, claiming and supervising come with a later issue."""

    key = "lists"

    def init_state(self) -> None:
        self._claimant_org_id: int | None = None
        self._claimed: bool | None = None

    def search_hint(self) -> str:
        return self.tr("Search item, list or community")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.community_combo = self.data_combo("CommunityFilter")
        self.kind_combo = self.enum_combo(ListKind, self.tr("All lists"), "KindFilter")
        self.status_combo = self.enum_combo(ItemStatus, self.tr("Any status"), "StatusFilter")
        self.status_combo.addItem(t(*OVERDUE_LABEL), OVERDUE)
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
        self.fill_choice_combo(
            self.community_combo, self.tr("All communities"), scope.community_choices(db)
        )
        self.fill_combo(
            self.year_combo, self.tr("All years"), [(str(y), y) for y in lists.list_years(db)]
        )
        self.fill_combo(self.town_combo, self.tr("All towns"), [(t, t) for t in scope.towns(db)])

    def columns(self) -> Sequence[Column[lists.ItemRow]]:
        return [
            Column(self.tr("Community"), lambda r: r.community_name, "community"),
            Column(self.tr("List"), lambda r: label(r.list_kind), "list_kind"),
            Column(self.tr("Signed on"), lambda r: fmt_date(r.signed_on), "signed_on"),
            Column(self.tr("Item"), lambda r: r.title, "title"),
            Column(
                self.tr("Status"),
                lambda r: r.status_text,
                "status",
                foreground=lambda r: OVERDUE_COLOR if r.overdue else None,
            ),
            Column(self.tr("Claimed by"), claimants, tooltip=claimants),
            Column(self.tr("Deadline"), lambda r: fmt_date(r.deadline), "deadline"),
            Column(self.tr("Follow-ups"), lambda r: r.supervision_count or "", align_right=True),
        ]

    def query(self) -> lists.ItemQuery:
        return lists.ItemQuery(
            community_id=self.community_combo.currentData(),
            list_kind=combo_enum(self.kind_combo, ListKind),
            status=combo_enum(self.status_combo, ItemStatus),
            overdue_only=self.status_combo.currentData() == OVERDUE,
            claimant_org_id=self._claimant_org_id,
            town=self.town_combo.currentData(),
            text=self.search_edit.text(),
            year=self.year_combo.currentData(),
            claimed=self._claimed,
        )

    def fetch(self, page: PageRequest) -> list[lists.ItemRow]:
        return lists.list_items(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return lists.count_items(self.ctx.db, self.query())

    def clear_extra(self) -> None:
        self._claimant_org_id = None
        self._claimed = None

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

        def change() -> None:
            self.search_edit.setText(text)
            set_combo_data(self.community_combo, community_id)
            set_combo_data(self.kind_combo, as_enum(ListKind, list_kind))
            set_combo_data(
                self.status_combo, OVERDUE if overdue_only else as_enum(ItemStatus, status)
            )
            if year is not None and find_data(self.year_combo, year) < 0:
                self.year_combo.addItem(str(year), year)
            set_combo_data(self.year_combo, year)
            if town and find_data(self.town_combo, town) < 0:
                self.town_combo.addItem(town, town)
            set_combo_data(self.town_combo, town)

        widgets = [
            self.search_edit,
            self.community_combo,
            self.kind_combo,
            self.status_combo,
            self.year_combo,
            self.town_combo,
        ]
        self.with_signals_blocked(widgets, change)
        self._claimant_org_id = claimant_org_id
        self._claimed = claimed
        notes = []
        if claimant_org_id is not None:
            name = scope.organization_name(self.ctx.db, claimant_org_id) or str(claimant_org_id)
            notes.append(self.tr("Claimed by {0}").format(name))
        if claimed is True:
            notes.append(self.tr("Claimed items only"))
        elif claimed is False:
            notes.append(self.tr("Unclaimed items only"))
        self.set_extra_text(notes)
        self.reload()

    def detail_html(self, row: lists.ItemRow) -> str:
        d = lists.get_item_detail(self.ctx.db, row.id)
        status = d.status_text
        if d.overdue:
            status = f"<span style='color:{OVERDUE_COLOR}'>{status}</span>"
        claims = []
        for c in d.claims:
            partners = "、".join(
                p.organization_name + (f"({p.responsible_person})" if p.responsible_person else "")
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
                        (self.tr("List"), f"{d.list_title}({label(d.list_kind)})"),
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
