"""The 活动 tab: activities and meetings, newest first, with 应到/实到 and their minutes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout

from pbc_desktop.domain.enums import ActivityKind, ActivityStatus
from pbc_desktop.services import activities, scope, stats
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.labels import fmt_date, fmt_datetime, label
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

TRAINING = "*training"  # the kind combo's entry for every training kind (not a code)


class ActivitiesTab(ListingTab[activities.ActivityRow]):
    """Read-only for now: recording activities and minutes comes with a later issue."""

    key = "activities"

    def init_state(self) -> None:
        self._host_org_id: int | None = None
        self._date_from: date | None = None
        self._date_to: date | None = None

    def search_hint(self) -> str:
        return self.tr("Search title, place, community or host")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.community_combo = self.data_combo("CommunityFilter")
        self.kind_combo = self.enum_combo(ActivityKind, self.tr("All kinds"), "KindFilter")
        self.kind_combo.insertItem(1, self.tr("All trainings"), TRAINING)
        self.status_combo = self.enum_combo(ActivityStatus, self.tr("Any status"), "StatusFilter")
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
            self.year_combo, self.tr("All years"), [(str(y), y) for y in stats.available_years(db)]
        )
        self.fill_combo(self.town_combo, self.tr("All towns"), [(t, t) for t in scope.towns(db)])

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        return 0, Qt.SortOrder.DescendingOrder

    def columns(self) -> Sequence[Column[activities.ActivityRow]]:
        return [
            Column(self.tr("Date and time"), lambda r: fmt_datetime(r.starts_at), "starts_at"),
            Column(self.tr("Kind"), lambda r: label(r.kind), "kind"),
            Column(self.tr("Title"), lambda r: r.title, "title"),
            Column(self.tr("Community"), lambda r: r.community_name, "community"),
            Column(self.tr("Host"), lambda r: r.host_org_name),
            Column(self.tr("Place"), lambda r: r.place),
            Column(self.tr("Expected"), lambda r: r.expected, align_right=True),
            Column(self.tr("Present"), lambda r: r.present, align_right=True),
            Column(self.tr("Trainees"), lambda r: r.trainee_count or "", align_right=True),
            Column(
                self.tr("Status"),
                lambda r: label(r.status),
                foreground=lambda r: "#999999" if r.status == ActivityStatus.CANCELLED else None,
            ),
        ]

    def query(self) -> activities.ActivityQuery:
        year = self.year_combo.currentData()
        date_from, date_to = self._date_from, self._date_to
        if year is not None:
            date_from, date_to = date(year, 1, 1), date(year, 12, 31)
        return activities.ActivityQuery(
            community_id=self.community_combo.currentData(),
            kind=combo_enum(self.kind_combo, ActivityKind),
            training_only=self.kind_combo.currentData() == TRAINING,
            status=combo_enum(self.status_combo, ActivityStatus),
            host_org_id=self._host_org_id,
            date_from=date_from,
            date_to=date_to,
            text=self.search_edit.text(),
            town=self.town_combo.currentData(),
        )

    def fetch(self, page: PageRequest) -> list[activities.ActivityRow]:
        return activities.list_activities(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return activities.count_activities(self.ctx.db, self.query())

    def clear_extra(self) -> None:
        self._host_org_id = None
        self._date_from = self._date_to = None

    def apply_filters(
        self,
        *,
        text: str = "",
        community_id: int | None = None,
        kind: ActivityKind | str | None = None,
        training_only: bool = False,
        status: ActivityStatus | str | None = None,
        host_org_id: int | None = None,
        year: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        town: str | None = None,
    ) -> None:
        """Show exactly the activities matching these filters (called by the dashboard)."""

        def change() -> None:
            self.search_edit.setText(text)
            set_combo_data(self.community_combo, community_id)
            set_combo_data(
                self.kind_combo, TRAINING if training_only else as_enum(ActivityKind, kind)
            )
            set_combo_data(self.status_combo, as_enum(ActivityStatus, status))
            if year is not None and find_data(self.year_combo, year) < 0:
                self.year_combo.addItem(str(year), year)
            set_combo_data(self.year_combo, year)
            if town and find_data(self.town_combo, town) < 0:
                self.town_combo.addItem(town, town)
            set_combo_data(self.town_combo, town)

        combos = [
            self.search_edit,
            self.community_combo,
            self.kind_combo,
            self.status_combo,
            self.year_combo,
            self.town_combo,
        ]
        self.with_signals_blocked(combos, change)
        self._host_org_id = host_org_id
        self._date_from, self._date_to = date_from, date_to
        notes = []
        if host_org_id is not None:
            name = scope.organization_name(self.ctx.db, host_org_id) or str(host_org_id)
            notes.append(self.tr("Hosted by {0}").format(name))
        if year is None and (date_from or date_to):
            notes.append(self.tr("From {0} to {1}").format(fmt_date(date_from), fmt_date(date_to)))
        self.set_extra_text(notes)
        self.reload()

    def detail_html(self, row: activities.ActivityRow) -> str:
        d = activities.get_activity_detail(self.ctx.db, row.id)
        when = fmt_datetime(d.starts_at)
        if d.ends_at:
            when += " – " + d.ends_at.strftime("%H:%M")
        absent = ", ".join(
            a.person_name + (f"({label(a.absence_reason)})" if a.absence_reason else "")
            for a in d.absent
        )
        return "".join(
            [
                heading(d.title),
                fields(
                    [
                        (self.tr("Kind"), label(d.kind)),
                        (self.tr("Status"), label(d.status)),
                        (self.tr("Time"), when),
                        (self.tr("Community"), d.community_name),
                        (self.tr("Host"), d.host_org_name),
                        (self.tr("Place"), d.place),
                        (self.tr("Chair"), d.chair),
                        (self.tr("Recorder"), d.recorder),
                        (self.tr("Lecturer"), d.lecturer),
                        (self.tr("Guests"), d.guests),
                        (self.tr("Participating organizations"), ", ".join(d.organizations)),
                        (
                            self.tr("Expected / present"),
                            self.tr("{0} / {1}").format(d.expected, d.present),
                        ),
                        (self.tr("Absent"), absent),
                        (self.tr("Trainees (person-times)"), d.trainee_count or None),
                        (self.tr("Summary"), d.summary),
                    ]
                ),
                heading(self.tr("Agenda and resolutions")),
                grid(
                    [self.tr("No."), self.tr("Item"), self.tr("Discussion"), self.tr("Resolution")],
                    [(a.seq, a.title, a.discussion, a.resolution) for a in d.agenda],
                    self.tr("No agenda recorded."),
                ),
                heading(self.tr("Attendance")),
                grid(
                    [self.tr("Name"), self.tr("Attendance"), self.tr("Reason")],
                    [
                        (
                            a.person_name,
                            label(a.status),
                            " ".join(
                                x for x in (label(a.absence_reason), a.reason_text or "") if x
                            ),
                        )
                        for a in d.attendance
                    ],
                    self.tr("No attendance recorded."),
                ),
            ]
        )
