"""Old office screens: 1366×768 and 1024×768 with a task bar (issue 15, item 4).

The screen's free area is played by replacing ``screens.available_geometry``; the window is
then given the size a maximized window has there (the free area less its title bar). On
the demo district, for every tab: its key columns and its buttons lie within the window,
and every record dialog and the print previews fit in the free area.

With ``PBC_SCREENSHOT_DIR`` set, each tab is also saved there as a PNG (run under
``xvfb-run -s "-screen 0 1024x768x24"`` with ``QT_QPA_PLATFORM=xcb`` to see real fonts).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pbc_desktop import i18n, lang
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.domain.enums import FundDirection
from pbc_desktop.fonts import bundled_cjk_font
from pbc_desktop.services.accounts.sign_in import sign_in
from pbc_desktop.services.demo import build_demo
from pbc_desktop.ui.common import screens
from pbc_desktop.ui.common.columns import squeeze
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dialog_host import DialogHost
from pbc_desktop.ui.common.screens import FittedDialog, fit_dialog, room_for
from pbc_desktop.ui.common.views import two_lines
from pbc_desktop.ui.lists.tab import ITEM_CHARS, ListsTab
from pbc_desktop.ui.members import exports as member_exports
from pbc_desktop.ui.shell.main_window import DEFAULT_SIZE, MainWindow
from tests.conftest import TEST_ADMIN, TEST_PASSWORD, add_test_admin, server_database
from tests.qt_helpers import stub_boxes

TIP = Qt.ItemDataRole.ToolTipRole
TASK_BAR = 40  # the Windows task bar at the bottom of the screen
TITLE_BAR = 30  # a maximized window's title bar
SCREENS = {"1366x768": QSize(1366, 768), "1024x768": QSize(1024, 768)}
TODAY = date(2026, 12, 5)

#: per tab, the headers of the columns a clerk must see without scrolling
KEY_COLUMNS = {
    "overview": ["对象", "期限"],
    "communities": ["名称", "牵头党组织", "状态"],
    "organizations": ["名称", "类型", "书记", "党员数"],
    "members": ["姓名", "所在党组织", "人员类别", "已报到"],
    "development": ["姓名", "阶段", "下一步骤", "到期日期"],
    "activities": ["日期时间", "标题", "状态"],
    "lists": ["事项", "状态"],
    "assessment": ["党建共同体", "总分", "等次", "考核结果", "评分"],
}


# -- the screen and the window ------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo district, built once for the module (the tests only read it)."""
    path = tmp_path_factory.mktemp("screens") / "demo.sqlite"
    url = server_database("pbc_screens_demo") or sqlite_url(path)
    db = open_database(url, actor="测试员", backup_dir=path.parent / "backups")
    try:
        build_demo(db, today=TODAY)
        add_test_admin(db)
    finally:
        db.dispose()
    return url


@pytest.fixture
def demo(demo_url: str, tmp_path: Path) -> Iterator[Database]:
    db = open_database(demo_url, actor="测试员", backup_dir=tmp_path / "backups")
    db.user = sign_in(db, TEST_ADMIN, TEST_PASSWORD).actor
    yield db
    db.dispose()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install(qapp, "zh")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)  # type: ignore[arg-type]


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def free_area(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    """The old screen's free area (less the task bar), as every window sizes itself to."""
    size = SCREENS[request.param]
    free = QRect(0, 0, size.width(), size.height() - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    return free


def settle() -> None:
    for _ in range(4):  # the columns follow the table's width on the next turn of the loop
        QApplication.processEvents()


def maximized_window(qtbot: QtBot, db: Database, free: QRect) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.isMaximized()  # the default size does not fit: it starts maximized
    # what maximized means on that screen (the test platform's own screen is another)
    window.showNormal()
    window.resize(free.width(), free.height() - TITLE_BAR)
    window.show()
    settle()
    assert window.width() == free.width()
    return window


def within(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def main_table(tab: QWidget) -> QTableView:
    table = getattr(tab, "table", None) or tab.reminders.table  # type: ignore[attr-defined]
    assert isinstance(table, QTableView)
    return table


def column_of(table: QTableView, header: str) -> int:
    model = table.model()
    headers = [model.headerData(c, table.horizontalHeader().orientation()) for c in range(99)]
    assert header in headers, headers
    return headers.index(header)


def shown_whole(table: QTableView, column: int) -> bool:
    """The column lies wholly within the table's viewport, as the tab opens."""
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column)
    return x >= 0 and x + header.sectionSize(column) <= table.viewport().width()


# -- the tabs -----------------------------------------------------------------------------
def test_the_window_opens_at_its_size_where_there_is_room(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = QRect(0, 0, 1600, 1000 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(big))
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert not window.isMaximized()
    assert (window.width(), window.height()) == DEFAULT_SIZE


@pytest.mark.usefixtures("chinese")
def test_every_tab_shows_its_key_columns_and_buttons(
    qtbot: QtBot, demo: Database, free_area: QRect, request: pytest.FixtureRequest
) -> None:
    window = maximized_window(qtbot, demo, free_area)
    folder = os.environ.get("PBC_SCREENSHOT_DIR")
    for key, headers in KEY_COLUMNS.items():
        tab = window.show_tab(key)
        settle()
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(folder) / f"{request.node.callspec.id}-{key}.png"))
        table = main_table(tab)
        assert table.model().rowCount() > 0, key
        assert within(table.viewport(), window), key
        hidden = [h for h in headers if not shown_whole(table, column_of(table, h))]
        assert not hidden, (key, hidden)
        controls = [
            w
            for w in tab.findChildren(QWidget)
            if isinstance(w, QAbstractButton | QComboBox) and w.isVisibleTo(window)
        ]
        assert controls, key
        outside = [w.objectName() or w.text() for w in controls if not within(w, window)]  # type: ignore[attr-defined]
        assert not outside, (key, outside)


@pytest.fixture
def cjk_font() -> Iterator[None]:
    """The Chinese font the program brings for a PC without one (as ``app.main`` adds it), so
    that Chinese text is measured at a real width (the test platform's fallback is narrow)."""
    font = QFontDatabase.addApplicationFont(str(bundled_cjk_font()))
    assert font >= 0
    yield
    QFontDatabase.removeApplicationFont(font)


@pytest.mark.usefixtures("chinese", "cjk_font")
def test_no_listing_scrolls_sideways_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """At 1024 px every column of the main listings fits: long texts are elided, the columns
    a clerk also finds in the detail pane are left out where even that is not enough, the
    short columns stay whole, none is left off to the right."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    folder = os.environ.get("PBC_SCREENSHOT_DIR")
    scrolling = {}
    for key, headers in KEY_COLUMNS.items():
        table = main_table(window.show_tab(key))
        settle()
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(folder) / f"{request.node.name}-{key}.png"))
        assert not [h for h in headers if not shown_whole(table, column_of(table, h))], key
        header = table.horizontalHeader()
        if table.horizontalScrollBar().maximum() > 0:
            scrolling[key] = [
                str(table.model().headerData(c, header.orientation()))
                for c in range(header.count())
                if not header.isSectionHidden(c) and not shown_whole(table, c)
            ]
    assert not scrolling


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The window in English (``--lang en``: no translator, the source texts)."""
    locale = QLocale()
    i18n.install(qapp, "en")
    yield
    QLocale.setDefault(locale)
    lang.set_language("zh")


@pytest.mark.usefixtures("english", "cjk_font")
def test_no_listing_scrolls_sideways_at_1024_in_english(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """The English headers and labels are wider than the Chinese: the 共同体 (Status), 党组织
    (Members), 活动 (Present) and 清单 (Deadline) listings scrolled sideways by a column at
    1024 px. Short headers (the whole in their tooltips) and the titles giving way first
    keep every table of every tab within its width."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    folder = os.environ.get("PBC_SCREENSHOT_DIR")
    scrolling = {}
    for key in window.tab_keys():
        tab = window.show_tab(key)
        settle()
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(folder) / f"{request.node.name}-{key}.png"))
        table = main_table(tab)
        assert table.isVisibleTo(window), key
        if table.model().rowCount() > 0:
            table.selectRow(0)  # the detail pane's tables filled too
        scrolling.update(sideways(tab))
    assert scrolling == {}


def sideways(widget: QWidget) -> dict[str, list[str]]:
    """The tables shown in ``widget`` (on each page of its page tabs) that scroll sideways,
    each with its columns not shown whole."""
    found = {}
    for tabs in [None, *widget.findChildren(QTabWidget)]:
        for page in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                if not tabs.isVisibleTo(widget):
                    break
                tabs.setCurrentIndex(page)
            settle()
            for table in widget.findChildren(QTableView):
                if table.isVisibleTo(widget) and table.horizontalScrollBar().maximum() > 0:
                    header = table.horizontalHeader()
                    found[table.objectName()] = [
                        str(table.model().headerData(c, header.orientation()))
                        for c in range(header.count())
                        if not header.isSectionHidden(c) and not shown_whole(table, c)
                    ]
    return found


@pytest.mark.usefixtures("english", "cjk_font")
def test_the_meetings_and_appraisals_windows_do_not_scroll_sideways_at_1024_in_english(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The English names of the meetings ("Branch general assembly") and of the grades
    ("Basically qualified") headed columns of short counts ("4/4", "2"): the 三会一课 list
    and the 民主评议 year overview scrolled sideways at 1024 px. They take two lines."""
    from pbc_desktop.ui.appraisals.dialog import AppraisalDialog
    from pbc_desktop.ui.branch_life.window import BranchLifeWindow

    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    scrolling = {}
    for dialog in (BranchLifeWindow(window.ctx, window), AppraisalDialog(window.ctx, window)):
        qtbot.addWidget(dialog)
        dialog.show()
        scrolling.update(sideways(dialog))
        dialog.close()
    assert scrolling == {}


@pytest.mark.usefixtures("cjk_font")
def test_the_lists_of_a_community_show_their_solved_count_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The panel of a community's lists (清单, 年度, 签订日期, 已解决/事项数) scrolled sideways at
    1024 px, in Chinese and in English, the solved count off to the right: the year (in
    the list's name too) is left out there, back where there is room."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    tab = window.show_tab("lists")
    assert isinstance(tab, ListsTab)
    tab.community_combo.setCurrentIndex(1)
    settle()
    table = tab.lists_table
    assert table.rowCount() > 0
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    assert [header.isSectionHidden(c) for c in range(header.count())] == [0, 1, 0, 0]
    assert shown_whole(table, 3)
    window.resize(1900, free.height() - TITLE_BAR)
    settle()
    assert not header.isSectionHidden(1)


def test_two_lines_breaks_a_header_of_words_at_its_middle() -> None:
    assert two_lines("Branch general assembly") == "Branch general\nassembly"
    assert two_lines("Basically qualified") == "Basically\nqualified"
    assert two_lines("Unqualified") == "Unqualified"
    assert two_lines("基本合格") == "基本合格"  # the Chinese as it was


def test_a_short_english_header_has_the_whole_as_its_tooltip(
    qtbot: QtBot, demo: Database, language: str
) -> None:
    """In English "Lead org." says "Lead organization" in its tooltip; the Chinese header
    is the same as before, without a tooltip."""
    window = MainWindow(demo)
    qtbot.addWidget(window)
    header = main_table(window.show_tab("communities")).horizontalHeader()
    model = header.model()
    texts = [
        (model.headerData(c, header.orientation()), model.headerData(c, header.orientation(), TIP))
        for c in range(header.count())
    ]
    if language == "en":
        assert ("Lead org.", "Lead organization") in texts
        assert ("Types", "Co-building types") in texts
    else:
        assert ("牵头党组织", None) in texts
        assert [tip for _text, tip in texts if tip is not None] == []
    lists = window.show_tab("lists")
    assert isinstance(lists, ListsTab)
    solved = lists.lists_table.horizontalHeaderItem(3)
    assert solved is not None
    expected = {"en": ("Solved", "Solved / items"), "zh": ("已解决/事项数", "")}[language]
    assert (solved.text(), solved.toolTip()) == expected


@pytest.mark.usefixtures("chinese", "cjk_font")
def test_the_reminders_count_is_read_whole_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 到期提醒 count was cut off by the panel's buttons beside it at 1024 px."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    window.show_tab("overview")
    settle()
    title = window.findChild(QLabel, "overviewRemindersTitle")
    assert title is not None and "条" in title.text()
    assert title.width() >= title.sizeHint().width(), title.text()


@pytest.fixture(params=["zh", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window in Chinese (the default) and in English (``--lang en``: no translator,
    longer words on every button)."""
    locale = QLocale()
    translators = i18n.install(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)  # type: ignore[arg-type]
    QLocale.setDefault(locale)
    lang.set_language("zh")


@pytest.mark.usefixtures("cjk_font")
def test_no_tab_widens_the_window_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Every tab's rows of buttons and filters fit 1024 px, in Chinese and in English: a
    tab wider than the screen widens the window past its edge (a tab widget is as wide as
    its widest page), its right-hand buttons and detail pane then off the screen."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    widths = {}
    for key in window.tab_keys():
        tab = window.show_tab(key)
        settle()
        widths[key] = tab.minimumSizeHint().width()
    assert window.width() <= free.width(), (language, window.width(), widths)
    assert {k: w for k, w in widths.items() if w > free.width()} == {}


@pytest.mark.usefixtures("chinese", "cjk_font")
def test_columns_left_out_come_back_when_the_window_widens(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    table = main_table(window.show_tab("members"))
    settle()
    header = table.horizontalHeader()
    town = column_of(table, "镇街")
    assert header.isSectionHidden(town)  # the first to go: the organization says it
    assert not header.isSectionHidden(column_of(table, "所在党组织"))
    window.resize(1900, free.height() - TITLE_BAR)
    settle()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert shown == list(range(header.count()))
    assert table.horizontalScrollBar().maximum() == 0


@pytest.mark.usefixtures("chinese")
def test_the_list_items_title_stays_readable(
    qtbot: QtBot, demo: Database, free_area: QRect
) -> None:
    window = maximized_window(qtbot, demo, free_area)
    tab = window.show_tab("lists")
    assert isinstance(tab, ListsTab)
    settle()
    column = column_of(tab.table, "事项")
    wide = ITEM_CHARS * tab.table.fontMetrics().horizontalAdvance("中")
    assert tab.table.horizontalHeader().sectionSize(column) >= wide
    assert shown_whole(tab.table, column)


@pytest.mark.usefixtures("chinese")
def test_the_columns_follow_the_window_until_the_user_sizes_one(
    qtbot: QtBot, demo: Database, free_area: QRect
) -> None:
    window = maximized_window(qtbot, demo, free_area)
    tab = window.show_tab("communities")
    settle()
    table = main_table(tab)
    status = column_of(table, "状态")
    window.resize(1000, free_area.height() - TITLE_BAR)
    settle()
    assert shown_whole(table, status)
    header = table.horizontalHeader()
    from pbc_desktop.ui.common.columns import fitter

    fitter(table).user_sized = True  # as after a drag of a column edge
    widths = [header.sectionSize(c) for c in range(header.count() - 1)]
    window.resize(free_area.width(), free_area.height() - TITLE_BAR)
    settle()
    assert [header.sectionSize(c) for c in range(header.count() - 1)] == widths


def test_squeeze_takes_from_the_widest_first() -> None:
    assert squeeze([50, 200, 300], [40, 80, 80], 1000) == [50, 200, 300]
    assert squeeze([50, 200, 300], [40, 80, 80], 350) == [50, 150, 150]
    assert squeeze([50, 200, 300], [40, 80, 200], 350) == [50, 100, 200]  # a raised floor
    assert squeeze([50, 200, 300], [40, 80, 80], 100) == [40, 80, 80]  # floors: it scrolls


# -- the dialogs --------------------------------------------------------------------------
class Opened:
    """Every dialog shown (exec replaced: it only shows the dialog), with its size then."""

    def __init__(self) -> None:
        self.dialogs: list[tuple[str, QSize]] = []

    def exec(self, dialog: QDialog) -> int:
        dialog.show()
        self.note(dialog)
        dialog.close()
        return QDialog.DialogCode.Rejected

    def note(self, dialog: QDialog) -> None:
        self.dialogs.append((type(dialog).__name__, dialog.size()))


def fits(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def host_dialog(host: DialogHost, opened: Opened) -> None:
    dialog = host.active_dialog
    assert dialog is not None and dialog.isVisible()
    opened.note(dialog)
    dialog.reject()
    QApplication.processEvents()


def open_every_dialog(window: MainWindow, opened: Opened) -> None:
    """Open each record dialog of each tab, as its button would."""

    def through(host: DialogHost, action: Callable[[], Any]) -> None:
        action()
        host_dialog(host, opened)

    tab: Any = window.show_tab("communities")
    through(tab, tab.new_community)
    tab.select_first()
    through(tab, tab.edit_current)
    through(tab, tab.lifecycle_current)

    tab = window.show_tab("organizations")
    through(tab, tab.new_organization)
    tab.select_first()
    through(tab, tab.edit_current)

    tab = window.show_tab("members")
    through(tab, tab.new_member)
    reported = next(r for r in tab.model.rows() if r.reported)
    tab.select_id(reported.id)
    through(tab, tab.edit_current)
    through(tab, tab.import_members)
    through(tab, tab.open_catalogue)
    through(tab, tab.open_overview)
    posts = tab.posts_panel
    through(posts, posts.new_report)
    posts.reports_table.selectRow(0)
    through(posts, posts.add_service)
    through(posts, posts.evaluate)
    through(posts, posts.end_report)
    member_exports.preview_roster(window, window.ctx, reported.organization_id)

    tab = window.show_tab("activities")
    through(tab, tab.new_activity)
    held = next(r for r in tab.model.rows() if r.present)
    tab.select_id(held.id)
    through(tab, tab.edit_current)
    through(tab, tab.open_venues)
    tab.preview()

    tab = window.show_tab("lists")
    tab.community_combo.setCurrentIndex(1)
    through(tab, tab.new_list)
    tab.lists_table.selectRow(0)
    through(tab, tab.edit_list)
    through(tab, tab.new_item)
    tab.select_first()
    through(tab, tab.edit_item)
    through(tab, tab.supervise_item)
    funds = tab.funds_panel
    through(funds, lambda: funds.new_entry(FundDirection.EXPENSE))

    tab = window.show_tab("assessment")
    tab.new_set()
    tab.edit_set()
    tab.select_first()
    tab.score_selected()

    tab = window.show_tab("overview")
    tab.reminders.edit_rules()


def test_every_dialog_fits_the_screen(
    qtbot: QtBot,
    demo: Database,
    free_area: QRect,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    stub_boxes(monkeypatch)
    opened = Opened()
    # as a method of every dialog (a bound method of Opened would not get the dialog)
    monkeypatch.setattr(QDialog, "exec", lambda dialog: opened.exec(dialog))  # noqa: PLW0108
    monkeypatch.setattr("pbc_desktop.ui.activities.tab.ActivitiesTab.exec_dialog", opened.exec)
    monkeypatch.setattr(member_exports, "exec_dialog", opened.exec)
    window = maximized_window(qtbot, demo, free_area)
    open_every_dialog(window, opened)
    names = {name for name, _size in opened.dialogs}
    assert {"ActivityDialog", "MemberDialog", "QPrintPreviewDialog", "ScoringDialog"} <= names
    room = room_for(window)
    too_big = [
        (n, s) for n, s in opened.dialogs if s.width() > room.width() or s.height() > room.height()
    ]
    assert not too_big, (room, too_big)


def test_a_form_too_tall_for_the_screen_scrolls_with_its_buttons_in_view(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    free = QRect(0, 0, 1024, 400)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    dialog = FittedDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    for _ in range(30):
        field = QComboBox(dialog)
        field.addItem("一个选项")
        layout.addWidget(field)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
    layout.addWidget(buttons)
    assert dialog.minimumSizeHint().height() > free.height()
    dialog.show()
    settle()
    assert dialog.height() <= room_for(dialog).height()
    assert dialog.findChild(QWidget, screens.SCROLL_NAME) is not None
    assert within(buttons, dialog) and buttons.isVisible()
    fit_dialog(dialog)  # once is enough: fitting again changes nothing
    assert len(dialog.findChildren(QWidget, screens.SCROLL_NAME)) == 1


def test_a_dialog_opened_through_a_host_is_fitted(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    free = QRect(0, 0, 1024, 728)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    from pbc_desktop.ui.members.dual_report_overview import DualReportOverviewDialog

    host = DialogHost()
    dialog = DualReportOverviewDialog(AppContext(db))  # 1100 wide in its form
    qtbot.addWidget(dialog)
    host.open_dialog(dialog)
    assert dialog.width() <= room_for(dialog).width()
    dialog.reject()


@pytest.mark.usefixtures("cjk_font")
def test_the_windows_of_branch_life_fees_and_members_changes_fit_the_screen(
    qtbot: QtBot, demo: Database, free_area: QRect, language: str
) -> None:
    """The windows the menus and the 到期提醒 open (三会一课与换届, 党费, rates, 民主评议,
    党内统计, 组织关系转接): each opens within the free area, its rows of buttons too."""
    from pbc_desktop.ui.appraisals.dialog import AppraisalDialog
    from pbc_desktop.ui.branch_life.window import BranchLifeWindow
    from pbc_desktop.ui.fees.rates_window import FeeRatesWindow
    from pbc_desktop.ui.fees.window import FeeCollectionWindow
    from pbc_desktop.ui.members.transfers_dialog import TransfersDialog
    from pbc_desktop.ui.party_stats.dialog import PartyStatsDialog

    window = maximized_window(qtbot, demo, free_area)
    room = room_for(window)
    makers: list[Callable[[], QDialog]] = [
        lambda: BranchLifeWindow(window.ctx, window),
        lambda: FeeCollectionWindow(window.ctx, window),
        lambda: FeeRatesWindow(window.ctx, window),
        lambda: AppraisalDialog(window.ctx, window),
        lambda: PartyStatsDialog(window.ctx, window),
        lambda: TransfersDialog(window.ctx, window),
    ]
    too_big = []
    for make in makers:
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        needs = dialog.minimumSizeHint()
        if not (fits(dialog.size(), room) and fits(needs, room)):
            too_big.append((type(dialog).__name__, dialog.size(), needs))
        dialog.close()
    assert not too_big, (room, too_big)


def test_a_flow_row_goes_on_to_a_second_line_where_there_is_no_room(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    from pbc_desktop.ui.common.flow import FlowRow

    page = QWidget()
    qtbot.addWidget(page)
    outer = QVBoxLayout(page)
    row = FlowRow()
    buttons = [QPushButton(f"A rather long button {n}...", page) for n in range(6)]
    for button in buttons[:-1]:
        row.addWidget(button)
    row.addStretch(1)
    row.insertWidget(5, buttons[-1])  # before the stretch, as MembersTab.add_button does
    outer.addLayout(row)
    outer.addStretch(1)
    widest = max(b.sizeHint().width() for b in buttons)
    assert row.minimumSize().width() < row.sizeHint().width()
    assert page.minimumSizeHint().width() < 2 * widest  # not the whole row's width

    page.resize(row.sizeHint().width() + 40, 300)
    page.show()
    settle()
    assert len({b.y() for b in buttons}) == 1  # room for one line
    assert [b.x() for b in buttons] == sorted(b.x() for b in buttons)

    page.resize(widest * 2 + 40, 300)
    settle()
    assert len({b.y() for b in buttons}) == 3  # two to a line
    assert all(within(b, page) for b in buttons)
    below = buttons[2].geometry().top()
    assert below >= buttons[0].geometry().bottom()  # the lines do not overlap


def shown_unclipped(widget: QWidget, window: QWidget) -> bool:
    """No parent of ``widget`` up to ``window`` cuts any of it off."""
    rect = QRect(QPoint(0, 0), widget.size())
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        rect = rect.translated(child.pos())
        if not parent.rect().contains(rect):
            return False
        if parent is window:
            return True
        child, parent = parent, parent.parentWidget()
    return False


@pytest.mark.usefixtures("cjk_font")
def test_every_figure_and_chart_of_the_overview_can_be_seen_whole_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The figures and charts were taller than a 768 px screen leaves them (in English with
    their captions on two lines, and a few pixels in Chinese too): the last bars of the
    charts were cut off. They scroll now, each brought into view whole."""
    from PySide6.QtWidgets import QScrollArea

    from pbc_desktop.ui.overview.tab import BarChart, FigureCard, OverviewTab

    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    tab = window.show_tab("overview")
    assert isinstance(tab, OverviewTab)
    settle()
    # not made taller than the screen by the tab (the test's screen would let it grow)
    assert window.height() <= free.height() - TITLE_BAR, (language, window.minimumSizeHint())
    cut = []
    for part in [*tab.findChildren(FigureCard), *tab.findChildren(BarChart)]:
        scroll = part.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:
            scroll.ensureWidgetVisible(part, 0, 0)
            settle()
        if not shown_unclipped(part, window):
            cut.append(part.objectName())
    assert not cut, (language, cut)


@pytest.mark.usefixtures("chinese", "cjk_font")
def test_the_community_to_start_scoring_is_named_whole_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 开始评分 choice showed 12 letters' width: "赤产村文明共创党建共" for 赤产村文明共创
    党建共同体. It takes the width of the longest name it offers; the row still fits."""
    from pbc_desktop.ui.assessment.tab import AssessmentTab

    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    tab = window.show_tab("assessment")
    assert isinstance(tab, AssessmentTab)
    settle()
    combo = tab.start_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert any(len(n) >= 12 for n in names), names
    widest = max(combo.fontMetrics().horizontalAdvance(n) for n in names)
    assert combo.width() >= widest + 20, (combo.width(), widest)  # text, arrow and frame
    assert within(combo, window) and window.width() <= free.width()


@pytest.mark.usefixtures("chinese", "cjk_font")
def test_an_empty_listing_shows_its_headers_at_1024(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a new database the listings were Qt's 100 px a column: the 党员 tab showed four of
    its ten headers and a scroll bar. Empty, their headers fit as they do over rows."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.showNormal()
    window.resize(free.width(), free.height() - TITLE_BAR)
    window.show()
    settle()
    scrolling = {}
    for key in ("communities", "members", "development", "activities", "assessment"):
        table = main_table(window.show_tab(key))
        settle()
        assert table.model().rowCount() == 0, key
        header = table.horizontalHeader()
        cut = [
            str(table.model().headerData(c, header.orientation()))
            for c in range(header.count())
            if not header.isSectionHidden(c) and not shown_whole(table, c)
        ]
        if cut:
            scrolling[key] = cut
    assert not scrolling


def text_room(combo: QComboBox) -> int:
    """The width a combo box leaves its current text (less its frame and arrow)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


@pytest.mark.usefixtures("cjk_font")
def test_the_filters_show_their_choice_whole_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The 党员 tab's roll filter read "Members on th…" in English at 1024 px, eight
    letters wide while the row had room: a filter takes its widest entry's width where
    there is room, and still shrinks where there is none (the window stays 1024 wide)."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    cut = {}
    for key in window.tab_keys():
        tab = window.show_tab(key)
        settle()
        for combo in tab.findChildren(QComboBox):
            if combo.isEditable() or not combo.isVisibleTo(window) or combo.currentIndex() != 0:
                continue
            needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
            if text_room(combo) < needed:
                cut[combo.objectName()] = combo.currentText()
    assert cut == {}, language
    assert window.width() <= free.width()


@pytest.mark.usefixtures("cjk_font")
def test_the_posts_of_a_member_do_not_scroll_sideways_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The 双报到 tables under a member's details (reports, service log, 年度评价) showed
    Qt's 100 px a column and scrolled sideways at 1024 px, before a member was chosen and
    after: their columns fit, the long texts elided."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    tab: Any = window.show_tab("members")
    settle()
    panel = tab.posts_panel
    tables = [panel.reports_table, panel.services_table, panel.evaluations_table]

    def scrolling() -> list[str]:
        settle()
        return [
            f"{t.objectName()}: {[t.columnWidth(c) for c in range(t.columnCount())]}"
            for t in tables
            if t.horizontalScrollBar().maximum() > 0
        ]

    assert scrolling() == [], language
    reported = [r for r, member in enumerate(tab.model.rows()) if member.reported]
    assert reported
    for row in reported[:5]:
        tab.table.selectRow(row)
        settle()
        assert panel.reports_table.rowCount() > 0
        panel.reports_table.selectRow(0)
        assert scrolling() == [], (language, row)


@pytest.mark.usefixtures("cjk_font")
def test_the_month_charts_values_do_not_run_together_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The twelve values over the 每月活动 bars (465 475 487…) touched each other at
    1024 px: written smaller where the widget's font is too wide, apart, over their bars."""
    from pbc_desktop.ui.overview.tab import MonthChart

    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    window.show_tab("overview")
    settle()
    chart = window.findChild(MonthChart, "overviewMonthChart")
    assert chart is not None
    values = chart.values()
    assert max(values) >= 100, values  # three digits: too wide for the column in its font
    widest = max(chart.fontMetrics().horizontalAdvance(str(v)) for v in values)
    assert widest > chart.width() / 12 - MonthChart.VALUE_GAP, language
    rects = chart.value_rects()
    assert len(rects) == 12, language
    for left, right in itertools.pairwise(rects):
        assert left.right() + MonthChart.VALUE_GAP <= right.left() + 0.5, (language, left, right)
    assert all(chart.rect().toRectF().contains(r) for r in rects), language


def test_the_overview_keeps_the_margins_of_the_other_tabs(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The overview's "年度：" touched the window's left edge: its tab had no margin."""
    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    members: Any = window.show_tab("members")
    settle()
    search = members.search_edit.mapTo(members, QPoint(0, 0))
    overview = window.show_tab("overview")
    settle()
    year = overview.findChild(QComboBox, "overviewYearFilter")
    assert year is not None
    caption = min(overview.findChildren(QLabel), key=lambda w: w.mapTo(overview, QPoint(0, 0)).x())
    assert caption.isVisibleTo(window) and caption.text() == "Year:"
    assert caption.mapTo(overview, QPoint(0, 0)).x() == search.x() > 0


@pytest.mark.usefixtures("cjk_font")
def test_the_communitys_detail_pages_are_named_whole_at_1024(
    qtbot: QtBot, demo: Database, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """In English the detail pane's page tabs were cut ("Convener ro…") behind scroll
    arrows at 1024 px: their names are short enough to stand side by side, whole."""
    from PySide6.QtWidgets import QTabWidget

    free = QRect(0, 0, 1024, 768 - TASK_BAR)
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = maximized_window(qtbot, demo, free)
    window.show_tab("communities")
    settle()
    tabs = window.findChild(QTabWidget, "communitiesDetailTabs")
    assert tabs is not None and tabs.count() == 4
    bar = tabs.tabBar()
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    assert needed <= bar.width(), (language, needed, bar.width())
    for i in range(bar.count()):
        assert bar.tabRect(i).width() >= bar.tabSizeHint(i).width(), (language, tabs.tabText(i))
