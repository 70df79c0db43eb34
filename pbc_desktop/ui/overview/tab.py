"""The 概览 tab: the article's headline figures, live, for a year and an area.

Every card and every bar is clickable and emits ``navigate(tab_key, filters)``, so the main
window opens the tab that lists exactly the records counted. Small charts: communities by
co-building type and by status, held activities per month, project items by status. Other
panels (e.g. reminders) are placed on the right with :meth:`OverviewTab.add_side_panel`.
On a database not yet in use the tab shows the first steps instead (``first_run``).

A district's figures take a third of a second or more to count: they are counted off the UI
thread (``worker.BackgroundLoad``), the figures greyed and "counting" said meanwhile.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.enums import ActivityStatus, ItemStatus, ListKind
from pbc_desktop.errors import UserError
from pbc_desktop.services import access, first_steps, scope, stats
from pbc_desktop.ui.common.combos import fill, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.screens import ScrollColumn
from pbc_desktop.ui.common.worker import BackgroundLoad
from pbc_desktop.ui.overview.first_run import FirstRunPanel
from pbc_desktop.ui.overview.reminders_panel import RemindersPanel

CARD_COLUMNS = 4
CARD_MARGIN = 6  # within a card's frame (the style's 9 or 11 made a row too wide)
#: The data of the chart bar counting overdue project items.
OVERDUE = "overdue"
BAR_COLOR = "#c0392b"
ALERT_COLOR = "#c0392b"


class FigureCard(QFrame):
    """A large number with its caption and unit; click (or Enter/Space) to open the records."""

    clicked = Signal()

    def __init__(self, key: str, caption: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        name = "overview" + "".join(part.title() for part in key.split("_"))
        self.setObjectName(f"{name}Card")  # e.g. overviewMembersReportedCard
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.caption = QLabel(caption, self)
        # a long English caption on two lines: four cards a row and the reminders beside
        # them fit a 1024 px screen ("Party-mass service centres opened")
        self.caption.setWordWrap(True)
        self.value_label = QLabel("…", self)  # until the figures are counted
        self.value_label.setObjectName(f"{name}Value")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        self.value_label.setFont(font)
        self.unit = QLabel(unit, self)
        number = QHBoxLayout()
        number.addWidget(self.value_label)
        number.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBottom)
        number.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(CARD_MARGIN, CARD_MARGIN, CARD_MARGIN, CARD_MARGIN)
        layout.addWidget(self.caption)
        layout.addLayout(number)

    def set_value(self, value: int, *, alert: bool = False) -> None:
        self.value_label.setText(f"{value:,}")
        # greyed like the others while the figures are counted again
        alarm = f"QLabel:enabled {{ color: {ALERT_COLOR}; }}"
        self.value_label.setStyleSheet(alarm if alert and value else "")

    def value(self) -> int:
        return int(self.value_label.text().replace(",", ""))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class Bar:
    caption: str
    value: int
    data: Any


class BarChart(QWidget):
    """Horizontal bars drawn with QPainter: caption, bar, value. Click a bar to open it."""

    bar_clicked = Signal(object)

    ROW_HEIGHT = 24
    CAPTION_WIDTH = 110
    VALUE_WIDTH = 48

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = bars
        self.setFixedHeight(max(len(bars), 1) * self.ROW_HEIGHT + 4)
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def bar_rect(self, index: int) -> QRectF:
        """Where bar ``index`` is drawn (its whole row is clickable)."""
        return QRectF(0, 2 + index * self.ROW_HEIGHT, self.width(), self.ROW_HEIGHT)

    def caption_width(self) -> int:
        """The room left of the bars: the longest caption's ("Under rectification" did not
        fit the fixed 110 px), at least :attr:`CAPTION_WIDTH`, at most half the chart."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(b.caption) for b in self._bars), default=0)
        return max(self.CAPTION_WIDTH, min(widest + 6, self.width() // 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max((b.value for b in self._bars), default=0) or 1
        left = self.caption_width()
        span = max(self.width() - left - self.VALUE_WIDTH - 8, 10)
        text_color = self.palette().windowText().color()
        metrics = self.fontMetrics()
        for i, bar in enumerate(self._bars):
            row = self.bar_rect(i)
            painter.setPen(text_color)
            caption = QRectF(row.left(), row.top(), left - 6, row.height())
            painter.drawText(
                caption,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                metrics.elidedText(bar.caption, Qt.TextElideMode.ElideRight, left - 6),
            )
            length = span * bar.value / top
            body = QRectF(left, row.top() + 4, max(length, 1), row.height() - 8)
            painter.fillRect(body, QColor(BAR_COLOR))
            number = QRectF(body.right() + 6, row.top(), self.VALUE_WIDTH, row.height())
            painter.drawText(
                number,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                str(bar.value),
            )
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            for i, bar in enumerate(self._bars):
                if self.bar_rect(i).contains(event.position()):
                    self.bar_clicked.emit(bar.data)
                    break
        super().mouseReleaseEvent(event)


class MonthChart(QWidget):
    """Twelve vertical bars, one per month, value above and month below; click to open."""

    month_clicked = Signal(int)

    HEIGHT = 150
    LABEL_HEIGHT = 18
    #: the space kept between two neighbouring values
    VALUE_GAP = 3
    #: the smallest a value is written before the values are left to the tooltip
    SMALLEST_POINTS = 6.5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[int] = [0] * 12
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.HEIGHT)

    def set_values(self, values: list[int]) -> None:
        self._values = list(values)
        self.setToolTip(", ".join(f"{i + 1}: {v}" for i, v in enumerate(values)))
        self.update()

    def values(self) -> list[int]:
        return list(self._values)

    def month_rect(self, month: int) -> QRectF:
        """The clickable column of ``month`` (1..12)."""
        width = self.width() / 12
        return QRectF((month - 1) * width, 0, width, self.height())

    def bar_rect(self, month: int) -> QRectF:
        column = self.month_rect(month)
        top = max(self._values, default=0) or 1
        span = self.height() - 2 * self.LABEL_HEIGHT - 4
        height = span * self._values[month - 1] / top
        return QRectF(
            column.left() + column.width() * 0.2,
            self.height() - self.LABEL_HEIGHT - height,
            column.width() * 0.6,
            max(height, 1),
        )

    def value_font(self) -> QFont | None:
        """The font the values above the bars are written in: the widget's, smaller where
        the widest value is wider than a month's column (465 475 487… ran together at
        1024 px); None where even the smallest does not fit (the tooltip has them)."""
        font = QFont(self.font())
        room = self.width() / 12 - self.VALUE_GAP
        widest = max((str(v) for v in self._values), key=len, default="0")
        while QFontMetrics(font).horizontalAdvance(widest) > room:
            if font.pointSizeF() - 0.5 < self.SMALLEST_POINTS:
                return None
            font.setPointSizeF(font.pointSizeF() - 0.5)
        return font

    def value_rects(self, font: QFont | None = None) -> list[QRectF]:
        """Where each value is written (its text's own width, centred over its bar) in
        ``font`` (:meth:`value_font` when not given); none where there is no room for them."""
        if font is None:
            font = self.value_font()
        if font is None:
            return []
        metrics = QFontMetrics(font)
        rects = []
        for month, value in enumerate(self._values, start=1):
            center = self.month_rect(month).center().x()
            width = metrics.horizontalAdvance(str(value))
            bottom = self.bar_rect(month).top() - 2
            rects.append(
                QRectF(center - width / 2, bottom - metrics.height(), width, metrics.height())
            )
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().windowText().color()
        for month in range(1, 13):
            painter.fillRect(self.bar_rect(month), QColor(BAR_COLOR))
        painter.setPen(text_color)
        font = self.value_font()
        if font is not None:
            painter.setFont(font)
            for value, rect in zip(self._values, self.value_rects(font), strict=True):
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(value))
        painter.setFont(self.font())
        for month in range(1, 13):
            column = self.month_rect(month)
            painter.drawText(
                QRectF(column.left(), self.height() - self.LABEL_HEIGHT, column.width(), 16),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                str(month),
            )
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            for month in range(1, 13):
                if self.month_rect(month).contains(event.position()):
                    self.month_clicked.emit(month)
                    break
        super().mouseReleaseEvent(event)


class OverviewTab(QWidget):
    """Headline figures for a year and an area (全区 or one town)."""

    navigate = Signal(str, dict)
    # This office was set up or changed from the first steps (:class:`tab.SetsUpOffice`).
    office_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: stats.Figures | None = None
        self.charts: stats.ChartFigures | None = None
        self._shown_for: tuple[int, str | None] | None = None  # the figures' year and area
        self._build()
        # counts the figures off the UI thread (:meth:`reload`)
        self.figures_load = BackgroundLoad(self, "overviewLoad", self._figures_refused)
        self.reminders = RemindersPanel(ctx, self)
        self.reminders.setObjectName("overviewReminders")
        self.add_side_panel(self.reminders)
        self.reminders.navigate.connect(self.navigate)
        self.year_combo.currentIndexChanged.connect(self.reload)
        self.town_combo.currentIndexChanged.connect(self.reload)
        self.type_chart.bar_clicked.connect(self._open_type)
        self.status_chart.bar_clicked.connect(self._open_status)
        self.month_chart.month_clicked.connect(self._open_month)
        self.project_chart.bar_clicked.connect(self._open_projects)
        self.refresh()

    # -- construction ------------------------------------------------------------------
    def _card_specs(self) -> list[tuple[str, str, str]]:
        """(key, caption, unit) in the order shown, worded as in the article."""
        return [
            ("communities", self.tr("Party-building communities"), self.tr("communities")),
            ("member_organizations", self.tr("Member organizations"), self.tr("organizations")),
            ("service_centres", self.tr("Party-mass service centres opened"), self.tr("sites")),
            ("members_reported", self.tr("Party members reported"), self.tr("people")),
            ("activities", self.tr("Activities held"), self.tr("activities")),
            ("trainings", self.tr("Education and training sessions held"), self.tr("sessions")),
            ("trainees", self.tr("Party members trained"), self.tr("person-times")),
            ("lists_signed", self.tr("Lists signed"), self.tr("lists")),
            ("projects_claimed", self.tr("Service projects claimed"), self.tr("projects")),
            ("problems_solved", self.tr("Problems solved"), self.tr("problems")),
            ("overdue_items", self.tr("Overdue items"), self.tr("items")),
        ]

    def _build(self) -> None:
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("overviewYearFilter")
        self.town_combo = QComboBox(self)
        self.town_combo.setObjectName("overviewTownFilter")
        self.as_of_label = QLabel(self)
        self.as_of_label.setObjectName("overviewAsOf")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year:"), self))
        bar.addWidget(self.year_combo)
        bar.addWidget(QLabel(self.tr("Area:"), self))
        bar.addWidget(self.town_combo)
        bar.addStretch(1)
        bar.addWidget(self.as_of_label)

        self.cards: dict[str, FigureCard] = {}
        cards = QGridLayout()
        for i, (key, caption, unit) in enumerate(self._card_specs()):
            card = FigureCard(key, caption, unit, self)
            card.clicked.connect(lambda k=key: self._open_card(k))
            self.cards[key] = card
            cards.addWidget(card, i // CARD_COLUMNS, i % CARD_COLUMNS)

        self.type_chart = BarChart(self)
        self.type_chart.setObjectName("overviewTypeChart")
        self.status_chart = BarChart(self)
        self.status_chart.setObjectName("overviewStatusChart")
        self.month_chart = MonthChart(self)
        self.month_chart.setObjectName("overviewMonthChart")
        self.project_chart = BarChart(self)
        self.project_chart.setObjectName("overviewProjectChart")
        charts = QGridLayout()
        for i, (title, chart) in enumerate(
            (
                (self.tr("Communities by co-building type"), self.type_chart),
                (self.tr("Communities by status"), self.status_chart),
                (self.tr("Activities held per month"), self.month_chart),
                (self.tr("Service projects by status"), self.project_chart),
            )
        ):
            box = QGroupBox(title, self)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(chart)
            box_layout.addStretch(1)
            charts.addWidget(box, i // 2, i % 2)

        main = QVBoxLayout()
        main.addLayout(cards)
        main.addLayout(charts)
        main.addStretch(1)
        self.side_layout = QVBoxLayout()
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        figures = QWidget(self)
        figures.setObjectName("overviewFigures")
        figures.setLayout(main)
        main.setContentsMargins(0, 0, 0, 0)
        # scrolled where the screen is not tall enough (1024×768, the captions wrapped in
        # English), rather than the charts' last bars cut off
        self.figures_scroll = ScrollColumn(figures, self)
        self.figures_scroll.setObjectName("overviewFiguresScroll")
        body = QHBoxLayout()
        body.addWidget(self.figures_scroll, 1)
        body.addLayout(self.side_layout)

        self.dashboard = QWidget(self)
        self.dashboard.setObjectName("overviewDashboard")
        dashboard = QVBoxLayout(self.dashboard)
        dashboard.setContentsMargins(0, 0, 0, 0)
        dashboard.addLayout(bar)
        dashboard.addLayout(body, 1)
        self.first_run = FirstRunPanel(self.ctx, self)
        self.first_run.progressed.connect(self.refresh)
        self.first_run.office_changed.connect(self.office_changed)
        self.pages = QStackedWidget(self)
        # Scrolled on a small screen rather than making the window taller than it.
        self.first_run_scroll = QScrollArea(self)
        self.first_run_scroll.setWidgetResizable(True)
        self.first_run_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.first_run_scroll.setWidget(self.first_run)
        self.pages.addWidget(self.first_run_scroll)
        self.pages.addWidget(self.dashboard)
        layout = QVBoxLayout(self)  # the margins of the other tabs ("Year:" not at the edge)
        layout.addWidget(self.pages)

    def add_side_panel(self, widget: QWidget) -> None:
        """Place ``widget`` (e.g. the reminders panel) in a column right of the figures."""
        widget.setParent(self.dashboard)
        widget.setMinimumWidth(max(widget.minimumWidth(), 260))
        widget.setMaximumWidth(
            max(widget.maximumWidth() if widget.maximumWidth() < 16777215 else 380, 260)
        )
        self.side_layout.addWidget(widget, 1)

    # -- data --------------------------------------------------------------------------
    def year(self) -> int:
        year = self.year_combo.currentData()
        return year if isinstance(year, int) else date.today().year

    def town(self) -> str | None:
        town = self.town_combo.currentData()
        return town if isinstance(town, str) and town else None

    def showing_first_steps(self) -> bool:
        return self.pages.currentWidget() is self.first_run_scroll

    def refresh(self) -> None:
        """The first steps on a database not yet in use; else reload the year and area
        choices, then the figures."""
        db = self.ctx.db
        year, town = self.year_combo.currentData(), self.town_combo.currentData()
        for combo in (self.year_combo, self.town_combo):
            combo.blockSignals(True)
        fill(self.year_combo, ((str(y), y) for y in stats.available_years(db)))
        # first the current year, never a later one that only has planned meetings
        select_data(self.year_combo, year if year is not None else date.today().year, otherwise=0)
        # the account's town or organization; on a town's or village's database, its area
        everything = access.area_name(db) or self.tr("Whole district")
        fill(self.town_combo, ((t, t) for t in scope.towns(db)), everything)
        select_data(self.town_combo, town, otherwise=0)
        for combo in (self.year_combo, self.town_combo):
            combo.blockSignals(False)
        steps = first_steps.first_steps(db)
        if not steps.in_use:
            self.first_run.set_steps(steps)
            self.pages.setCurrentWidget(self.first_run_scroll)
            return
        self.pages.setCurrentWidget(self.dashboard)
        self.reload()

    def apply_filters(self, *, year: int | None = None, town: str | None = None) -> None:
        for combo, value in ((self.year_combo, year), (self.town_combo, town)):
            combo.blockSignals(True)
            select_data(combo, value, otherwise=0)
            combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Count the figures of the chosen year and area again, off the UI thread; the
        figures shown before stay until they are counted, greyed when they are another
        year's or area's (counted again for the same, after others' changes on a server,
        they do not blink every few seconds)."""
        self.reminders.set_town(self.town())
        db, year, town = self.ctx.db, self.year(), self.town()
        self.as_of_label.setText(self.tr("Counting..."))
        self.figures_scroll.setEnabled(self._shown_for == (year, town))

        def count() -> tuple[stats.Figures, stats.ChartFigures]:
            return stats.headline_figures(db, year, town), stats.chart_figures(db, year, town)

        self.figures_load.start(count, lambda counted: self._show_figures(counted, year, town))

    def _show_figures(
        self, counted: tuple[stats.Figures, stats.ChartFigures], year: int, town: str | None
    ) -> None:
        f, c = counted
        self.figures, self.charts = f, c
        self._shown_for = (year, town)
        values = {
            "communities": f.communities,
            "member_organizations": f.member_organizations,
            "service_centres": f.service_centres,
            "members_reported": f.members_reported,
            "activities": f.activities_held,
            "trainings": f.trainings,
            "trainees": f.trainees,
            "lists_signed": f.lists_signed,
            "projects_claimed": f.projects_claimed,
            "problems_solved": f.problems_solved,
            "overdue_items": f.overdue_items,
        }
        for key, value in values.items():
            self.cards[key].set_value(value, alert=key == "overdue_items")
        self.type_chart.set_bars([Bar(label(t), n, t) for t, n in f.communities_by_type])
        self.status_chart.set_bars([Bar(label(s), n, s) for s, n in f.communities_by_status])
        self.month_chart.set_values(list(c.activities_by_month))
        self.project_chart.set_bars(
            [Bar(label(st), n, st) for st, n in c.projects_by_status]
            + [Bar(self.tr("Overdue"), c.projects_overdue, OVERDUE)]
        )
        self.figures_scroll.setEnabled(True)
        self.as_of_label.setText(self.tr("As of {0}").format(date.today().isoformat()))

    def _figures_refused(self, error: UserError) -> None:
        self.as_of_label.setText(error.message)  # the figures greyed if another year's

    # -- navigation --------------------------------------------------------------------
    def card_target(self, key: str) -> tuple[str, dict[str, Any]]:
        """The tab and filters listing the records behind card ``key``."""
        year, town = self.year(), self.town()
        area: dict[str, Any] = {"town": town} if town else {}
        held = {"year": year, "status": ActivityStatus.HELD, **area}
        targets: dict[str, tuple[str, dict[str, Any]]] = {
            "communities": ("communities", dict(area)),
            "member_organizations": ("communities", dict(area)),
            "service_centres": ("communities", dict(area)),
            "members_reported": ("members", {"reported": True, "report_town": town}),
            "activities": ("activities", held),
            "trainings": ("activities", {**held, "training_only": True}),
            "trainees": ("activities", {**held, "training_only": True}),
            "lists_signed": ("lists", {"year": year, **area}),
            "projects_claimed": (
                "lists",
                {"year": year, "list_kind": ListKind.PROJECT, "claimed": True, **area},
            ),
            "problems_solved": ("lists", {"year": year, "status": ItemStatus.SOLVED, **area}),
            "overdue_items": ("lists", {"overdue_only": True, **area}),
        }
        return targets[key]

    def _open_card(self, key: str) -> None:
        tab, filters = self.card_target(key)
        self.navigate.emit(tab, filters)

    def _open_type(self, cobuild_type: object) -> None:
        area = {"town": self.town()} if self.town() else {}
        self.navigate.emit("communities", {"cobuild_type": cobuild_type, **area})

    def _open_status(self, status: object) -> None:
        area = {"town": self.town()} if self.town() else {}
        self.navigate.emit("communities", {"status": status, **area})

    def month_target(self, month: int) -> tuple[str, dict[str, Any]]:
        """The activities tab showing the held activities of ``month`` of the chosen year."""
        year, town = self.year(), self.town()
        last = calendar.monthrange(year, month)[1]
        filters: dict[str, Any] = {
            "year": year,
            "status": ActivityStatus.HELD,
            "date_from": date(year, month, 1),
            "date_to": date(year, month, last),
        }
        if town:
            filters["town"] = town
        return "activities", filters

    def _open_month(self, month: int) -> None:
        self.navigate.emit(*self.month_target(month))

    def project_target(self, status: object) -> tuple[str, dict[str, Any]]:
        """The lists tab showing the year's project items of ``status`` (or overdue ones)."""
        filters: dict[str, Any] = {"year": self.year(), "list_kind": ListKind.PROJECT}
        if self.town():
            filters["town"] = self.town()
        if status == OVERDUE:
            filters["overdue_only"] = True
        else:
            filters["status"] = status
        return "lists", filters

    def _open_projects(self, status: object) -> None:
        self.navigate.emit(*self.project_target(status))
