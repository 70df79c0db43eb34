"""What the listing tabs share: search, filters, a paged table and a detail pane.

A tab subclasses :class:`ListingTab`, adds its filter combos, and supplies the columns,
the fetch/count calls of its service and the detail HTML of one row (or its own detail
widget, see :meth:`ListingTab.build_detail`). It implements the main window's
:class:`~pbc_desktop.ui.common.tab.Tab` contract.

Its write actions (``button(..., rule=...)``) are guarded by :attr:`ListingTab.writes`:
:meth:`ListingTab.refused_new` and :meth:`ListingTab.refused_selected` are the rules of
making a record and of changing the selected one, asked of the tab's service through
:meth:`ListingTab.creation_refusal` and :meth:`ListingTab.change_refusal`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.errors import UserError
from pbc_desktop.services import scope
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.permissions import refusal
from pbc_desktop.services.scope import Choice
from pbc_desktop.ui.common.combos import (
    fill,
    fill_enum,
    select_adding,
    select_data,
    widen_to_contents,
)
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dialog_host import D, DialogHost
from pbc_desktop.ui.common.table_model import Column, PagedTableModel
from pbc_desktop.ui.common.views import (
    attach_model,
    keep_sortable_indicator,
    make_record_table,
    make_splitter,
    select_record,
    selected_record,
)
from pbc_desktop.ui.common.write_guard import Rule, Target, WriteGuard, anyone

SEARCH_DELAY_MS = 150
T = TypeVar("T")


#: the keys of every listing tab (:meth:`ListingTab.add_record_shortcuts`), also listed by
#: 帮助 → 快捷键: Ctrl+N on the tab, the others on its table
RECORD_SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+N", "new"),
    ("F2", "edit"),
    ("Return", "edit"),
    ("Enter", "edit"),
    ("Delete", "delete"),
)


class ListingTab(DialogHost, QWidget, Generic[T]):
    """Search-as-you-type, filter combos, a sortable paged table and a read-only detail;
    the record dialogs it opens are kept as :class:`DialogHost` keeps them."""

    #: The tab's key (as in the main window) and the objectName prefix of its widgets,
    #: e.g. "members" → membersTable, membersSplitter (see docs/CONTRIBUTING.md).
    key = "listing"
    #: Milliseconds of typing pause before the search runs; 0 searches at every keystroke.
    search_delay_ms = SEARCH_DELAY_MS
    #: Select the first row whenever the selected one is gone (after a reload or a sort).
    select_first_row = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._extra_text: list[str] = []
        self._filter_combos: list[QComboBox] = []  # add_filter: index 0 = all
        # The tab's write actions, enabled only while the account may use them.
        self.writes = WriteGuard(ctx, self)
        self._new_refusal: str | None = None
        self._row_refusal: str | None = None
        self.init_state()
        self._build()
        # filled by the refresh below, once the filters' choices are there
        self.model: PagedTableModel[T] = PagedTableModel(
            self.columns(), self.fetch, self.count, load=False, parent=self
        )
        attach_model(self.table, self.model)
        self.table.horizontalHeader().setSortIndicator(*self.default_sort())
        self.table.setSortingEnabled(True)
        keep_sortable_indicator(self.table, self.model)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        if self.select_first_row:
            self.model.modelReset.connect(self._select_first_after_reset)
        if self.search_delay_ms > 0:
            self.search_edit.textChanged.connect(self._search_timer.start)
        else:
            self.search_edit.textChanged.connect(lambda _text: self.reload())
        self._search_timer.timeout.connect(self.run_search)
        self.model.counted.connect(self._show_count)
        self.model.rowsInserted.connect(self._rows_scrolled_to)
        self.clear_extra_button.clicked.connect(self.clear_extra_filters)
        self.refresh()

    # -- for subclasses ------------------------------------------------------------------
    def init_state(self) -> None:
        """Set the tab's own attributes (called before the widgets are built)."""

    def search_hint(self) -> str:
        return ""

    def add_filters(self, row: QHBoxLayout) -> None:
        """Add the tab's filter combos to ``row`` (connect them to :meth:`reload`)."""

    def fill_choices(self) -> None:
        """(Re)load the entries of combos that come from the database."""

    def columns(self) -> Sequence[Column[T]]:
        raise NotImplementedError

    def fetch(self, page: PageRequest) -> Sequence[T]:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def count_aside(self) -> Callable[[], int] | None:
        """The count of the current filters as a call safe on another thread (the filters
        read now, on the UI thread), or None (the default): a search typed counts on the
        UI thread. A tab whose count of a search takes long offers it: the search shows
        its first page at once, the total when counted (see :meth:`run_search`)."""
        return None

    def detail_html(self, row: T) -> str:
        raise NotImplementedError

    def build_detail(self) -> QWidget:
        """The widget right of the table; by default :attr:`detail`, which shows
        :meth:`detail_html`. A tab with its own widget also overrides :meth:`show_detail`."""
        self.detail = QTextBrowser(self)
        self.detail.setObjectName(f"{self.key}Detail")
        self.detail.setOpenLinks(False)
        self.detail.setMinimumWidth(260)
        return self.detail

    def show_detail(self, row: T | None) -> None:
        """Show ``row`` (``None``: nothing selected) in the detail widget."""
        if row is None:
            self.detail.setHtml(
                "<p style='color:#666'>"
                + escape(
                    QCoreApplication.translate("ListingTab", "Select a row to see its details.")
                )
                + "</p>"
            )
            return
        try:
            self.detail.setHtml(self.detail_html(row))
        except UserError as error:
            self.detail.setHtml(f"<p>{escape(error.message)}</p>")

    def count_text(self, total: int) -> str:
        return QCoreApplication.translate("ListingTab", "Total: {0}").format(total)

    def counting_text(self, loaded: int) -> str:
        """The count note while the total is counted: at least the rows loaded."""
        return QCoreApplication.translate("ListingTab", "Total: {0}").format(f"{loaded}+")

    def creation_refusal(self) -> str | None:
        """Why the account may not make a record here (the tab's service says), or None;
        asked at every :meth:`refresh`. By default: the WRITE permission."""
        return refusal(self.ctx.db.user, Permission.WRITE)

    def change_refusal(self, row: T) -> str | None:
        """Why the account may not change the selected ``row`` (the tab's service says), or
        None; asked when the selection changes. By default: the WRITE permission."""
        return refusal(self.ctx.db.user, Permission.WRITE)

    def idle_refusal(self) -> str | None:
        """With nothing selected: why the account may change no record here at all (so a
        disabled Edit still says why), or None. By default: the WRITE permission."""
        return refusal(self.ctx.db.user, Permission.WRITE)

    def arrange_rows(self, filters: QHBoxLayout, note: QHBoxLayout) -> None:
        """Place the row count (by default at the end of the note under the filters); a tab
        may add its buttons here too."""
        note.addWidget(self.count_label)

    def arrange_tab(self, filters: QHBoxLayout, note: QHBoxLayout, detail: QWidget) -> None:
        """Lay the tab out and make :attr:`splitter` (``<key>Splitter``, its layout is
        remembered): by default the two rows above the table, the detail beside the table."""
        self.splitter = make_splitter(
            self, f"{self.key}Splitter", Qt.Orientation.Horizontal, [self.table, detail], (3, 2)
        )
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(note)
        layout.addWidget(self.splitter, 1)

    def row_id(self, row: T) -> int:
        return int(row.id)  # type: ignore[attr-defined]

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        return 0, Qt.SortOrder.AscendingOrder

    def clear_extra(self) -> None:
        """Forget filters set only through ``apply_filters`` (shown in the filter note)."""

    # -- construction --------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName(f"{self.key}Search")
        self.search_edit.setPlaceholderText(self.search_hint())
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName(f"{self.key}Count")
        self.extra_label = QLabel(self)
        self.extra_label.setObjectName(f"{self.key}ExtraFilters")
        self.clear_extra_button = QToolButton(self)
        self.clear_extra_button.setObjectName(f"{self.key}ClearExtra")
        self.clear_extra_button.setText(QCoreApplication.translate("ListingTab", "Show all"))
        self.clear_extra_button.setToolTip(
            QCoreApplication.translate("ListingTab", "Remove these filters")
        )

        self.table = make_record_table(self, f"{self.key}Table")
        detail = self.build_detail()

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        self.add_filters(filters)
        note = QHBoxLayout()
        note.addWidget(self.extra_label)
        note.addWidget(self.clear_extra_button)
        note.addStretch(1)
        self.arrange_rows(filters, note)

        self.arrange_tab(filters, note, detail)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.search_delay_ms)
        self._reloading = False
        self._aside_once = False  # the next reload is a search typed (run_search)

    def button(
        self,
        name: str,
        text: str,
        slot: Callable[[], object] | None = None,
        tooltip: str = "",
        *,
        rule: Rule | None = None,
        when: Callable[[], bool] | None = None,
    ) -> QPushButton:
        """A push button named ``<key><name>`` (``membersNew``) that calls ``slot``; with a
        ``rule`` a write action of :attr:`writes`, enabled while ``when`` holds too (``when``
        alone: enabled while it holds, whoever is signed in)."""
        button = QPushButton(text, self)
        button.setObjectName(f"{self.key}{name}")
        if tooltip:
            button.setToolTip(tooltip)
        if slot is not None:
            button.clicked.connect(lambda _checked=False: slot())  # not the 'checked' flag
        if rule is not None or when is not None:
            self.writes.add(button, rule or anyone, when=when)
        return button

    def selection_button(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        tooltip: str = "",
        *,
        rule: Rule | None = None,
    ) -> QPushButton:
        """A write action on the selected record (Edit, Delete…): enabled while a row is
        selected and ``rule`` allows it (by default :meth:`refused_selected`)."""
        return self.button(
            name, text, slot, tooltip, rule=rule or self.refused_selected, when=self.has_selection
        )

    def has_selection(self) -> bool:
        return self.current_row() is not None

    def refused_new(self) -> str | None:
        """The rule of making a record here (see :meth:`creation_refusal`)."""
        return self._new_refusal

    def refused_selected(self) -> str | None:
        """The rule of changing the selected record (see :meth:`change_refusal`)."""
        return self._row_refusal

    def insert_row(self, index: int, *items: QWidget | None) -> QHBoxLayout:
        """A row of ``items`` (widgets, e.g. the tab's buttons; None: a stretch taking the
        free space) put at ``index`` of the tab's layout (0: above the filters)."""
        row = QHBoxLayout()
        for item in items:
            if item is None:
                row.addStretch(1)
            else:
                row.addWidget(item)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(index, row)
        return row

    def add_record_shortcuts(self, new: Target, edit: Target, delete: Target) -> None:
        """:data:`RECORD_SHORTCUTS`: Ctrl+N anywhere on the tab presses ``new``; Enter or
        F2 presses ``edit`` and Del ``delete`` while the table has the focus (nothing while
        the action is disabled)."""
        targets = {"new": new, "edit": edit, "delete": delete}
        for keys, role in RECORD_SHORTCUTS:
            if role == "new":
                self.writes.shortcut(keys, self, new, Qt.ShortcutContext.WidgetWithChildrenShortcut)
            else:
                self.writes.shortcut(
                    keys, self.table, targets[role], Qt.ShortcutContext.WidgetShortcut
                )

    def enum_combo(self, enum_cls: type[LabeledEnum], everything: str, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"{self.key}{name}")
        fill_enum(combo, enum_cls, blank=everything)
        return self.add_filter(combo)

    def choice_combo(self, name: str, entries: Sequence[tuple[str, object]]) -> QComboBox:
        """A filter of fixed choices (caption, data), the first one showing everything: like
        the other filters, cleared to it when a record just saved would stay hidden."""
        combo = QComboBox(self)
        combo.setObjectName(f"{self.key}{name}")
        for caption, data in entries:
            combo.addItem(caption, data)
        return self.add_filter(combo)

    def add_filter(self, combo: QComboBox) -> QComboBox:
        """``combo``, its first entry showing everything, filters the listing: a change
        reloads it, and :meth:`show_saved` clears it to show a record it hides."""
        combo.currentIndexChanged.connect(self.reload)
        self._filter_combos.append(combo)
        return combo

    def data_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"{self.key}{name}")
        widen_to_contents(combo)  # its whole text where the row has room
        return self.add_filter(combo)

    def fill_combo(
        self, combo: QComboBox, everything: str, entries: Sequence[tuple[str, object]]
    ) -> None:
        """Replace the entries, keeping the current choice when it still exists."""
        fill(combo, entries, everything, keep_current=True)

    def fill_choice_combo(self, combo: QComboBox, everything: str, choices: list[Choice]) -> None:
        self.fill_combo(combo, everything, [(c.name, c.id) for c in choices])

    def fill_community_combo(self, combo: QComboBox) -> None:
        self.fill_choice_combo(
            combo,
            QCoreApplication.translate("ListingTab", "All communities"),
            scope.community_choices(self.ctx.db),
        )

    def fill_year_combo(self, combo: QComboBox, years: Sequence[int]) -> None:
        everything = QCoreApplication.translate("ListingTab", "All years")
        self.fill_combo(combo, everything, [(str(y), y) for y in years])

    def fill_town_combo(self, combo: QComboBox) -> None:
        everything = QCoreApplication.translate("ListingTab", "All towns")
        self.fill_combo(combo, everything, [(t, t) for t in scope.towns(self.ctx.db)])

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the filter choices and the rows (after writes here or elsewhere)."""
        self._new_refusal = self.creation_refusal()
        self.fill_choices()
        self.reload()

    def follow_changes(self) -> None:
        """Show what others wrote meanwhile (``ui/common/change_watch.py``): the choices and
        the rows again, as many rows as were scrolled to, the selection and the scroll
        position kept."""
        self._new_refusal = self.creation_refusal()
        self.fill_choices()
        bar = self.table.verticalScrollBar()
        at = bar.value()
        self.reload(keep_rows=self.model.loaded())
        bar.setValue(at)

    def run_search(self) -> None:
        """The search typed, run once the typing pauses (:attr:`search_delay_ms`): a
        :meth:`reload` whose total, where the tab offers :meth:`count_aside`, is counted
        off the UI thread (the next keystroke is not kept waiting for it); a later search
        or reload drops it."""
        self._aside_once = True
        self.reload()

    def reload(self, *, keep_rows: int = 0) -> None:
        """Run the listing again with the current filters, keeping the selected row (and
        at least ``keep_rows`` rows loaded)."""
        self._search_timer.stop()
        aside = self.count_aside() if self._aside_once else None
        self._aside_once = False
        selected = self.current_row()
        self._reloading = True
        try:
            self.model.refresh(keep_rows=keep_rows, count_aside=aside)
            # the row selected again shows its detail once, below (selecting it showed
            # it too: every rule of the tab's actions asked twice, a query or two each)
            kept = selected is not None and self.select_id(self.row_id(selected))
            if not kept and self.select_first_row:
                self.select_first()
        finally:
            self._reloading = False
        if self.model.counting():
            self.count_label.setText(self.counting_text(self.model.loaded()))
        else:
            self._show_count(self.model.total())
        self.extra_label.setText("; ".join(self._extra_text))
        self.extra_label.setVisible(bool(self._extra_text))
        self.clear_extra_button.setVisible(bool(self._extra_text))
        self._show_detail()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.count_text(total))

    def _rows_scrolled_to(self, *_args: object) -> None:
        if self.model.counting():  # at least the rows loaded now
            self.count_label.setText(self.counting_text(self.model.loaded()))

    def show_saved(self, record_id: int) -> None:
        """Show a record just written (by this tab's dialogs or others'): reload everything,
        select it and put the focus back on the table."""
        self.refresh()
        if not self.select_id(record_id) and self._clear_filters():
            self.reload()  # the filters hid it: show everything, and say so
            if self.select_id(record_id):
                self.extra_label.setText(
                    QCoreApplication.translate(
                        "ListingTab", "The filters were cleared to show the record just saved."
                    )
                )
                self.extra_label.setVisible(True)
        self.table.setFocus()

    def _clear_filters(self) -> bool:
        """Empty the search and set every filter to its first entry (all); False when
        nothing was filtered."""
        filtered = bool(self.search_edit.text()) or bool(self._extra_text)
        filtered |= any(c.currentIndex() > 0 for c in self._filter_combos)
        if not filtered:
            return False
        for widget in (self.search_edit, *self._filter_combos):
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in self._filter_combos:
            combo.setCurrentIndex(0)
        for widget in (self.search_edit, *self._filter_combos):
            widget.blockSignals(False)
        self._search_timer.stop()
        self.clear_extra()
        self._extra_text = []
        return True

    def set_extra_text(self, parts: list[str]) -> None:
        self._extra_text = [p for p in parts if p]

    def clear_extra_filters(self) -> None:
        self.clear_extra()
        self._extra_text = []
        self.reload()

    def set_filters(
        self,
        text: str,
        chosen: Sequence[tuple[QComboBox, object]] = (),
        added: Sequence[tuple[QComboBox, object]] = (),
    ) -> None:
        """Set the search text and filter combos at once, without a reload per change.

        Each ``chosen`` combo selects its value (its first entry when it has none); each
        ``added`` combo selects its value, adding an entry for it when missing.
        """
        combos = [combo for combo, _value in (*chosen, *added)]

        def change() -> None:
            self.search_edit.setText(text)
            for combo, value in chosen:
                select_data(combo, value, otherwise=0)
            for combo, value in added:
                select_adding(combo, value)

        self.with_signals_blocked([self.search_edit, *combos], change)

    def with_signals_blocked(self, widgets: Sequence[QWidget], change: Callable[[], Any]) -> None:
        for widget in widgets:
            widget.blockSignals(True)
        try:
            change()
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    # -- selection -----------------------------------------------------------------------
    def current_row(self) -> T | None:
        return selected_record(self.table, self.model)

    def open_for_selected(
        self, make: Callable[[T], D], *, gone: Callable[[], object] | None = None
    ) -> D | None:
        """Open the dialog ``make`` builds for the selected row (None with nothing selected)
        through :meth:`DialogHost.open_made`: once saved, the record is shown
        (:meth:`show_saved`); gone meanwhile, it is said and ``gone`` called (by default
        :meth:`refresh`)."""
        row = self.current_row()
        if row is None:
            return None
        return self.open_made(lambda: make(row), self.show_saved, gone=gone or self.refresh)

    def select_id(self, record_id: int) -> bool:
        return select_record(self.table, self.model, lambda r: self.row_id(r) == record_id)

    def select_first(self) -> bool:
        return select_record(self.table, self.model, lambda _row: True)

    def _select_first_after_reset(self) -> None:
        """After a sort the selection is gone: show the first row (reload picks its own)."""
        if not self._reloading and self.current_row() is None:
            self.select_first()

    def _show_detail(self, *_args: object) -> None:
        if self._reloading:
            return  # reload shows it when the rows and the selection are back
        row = self.current_row()
        self._row_refusal = self.change_refusal(row) if row is not None else self.idle_refusal()
        self.show_detail(row)
        self.writes.update()
