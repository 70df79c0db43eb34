"""帮助 → 使用手册 and F1: the manual's window, its contents, the page of each tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.ui.help import window as help_window
from pbc_desktop.ui.help.pages import PAGES, START_PAGE, TAB_PAGES, page_path, pages
from pbc_desktop.ui.help.window import HelpWindow
from pbc_desktop.ui.shell.main_window import TABS, MainWindow
from pbc_desktop.ui.shell.shortcuts_dialog import ShortcutsDialog

pytestmark = pytest.mark.qt_log_ignore(r"does not support raise\(\)")  # offscreen cannot raise


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    main = MainWindow(db)
    qtbot.addWidget(main)
    return main


def contents_titles(help_: HelpWindow) -> list[str]:
    return [help_.contents.item(row).text() for row in range(help_.contents.count())]


def test_the_manual_opens_beside_the_window_at_its_first_page_with_the_contents(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.action_manual.trigger()
    help_ = window.help_window
    assert help_ is not None
    qtbot.addWidget(help_)
    assert help_.isVisible()
    assert not help_.isModal()  # the clerk reads a step and does it in the main window
    assert contents_titles(help_) == [page.title for page in pages()]
    assert contents_titles(help_)[:4] == ["开始使用", "共同体", "党组织", "党员"]
    assert help_.current_page() == START_PAGE
    assert help_.browser.documentTitle() == "开始使用"
    assert help_.contents.currentItem().text() == "开始使用"
    # a second time: the same window, not a new one
    window.action_manual.trigger()
    assert window.help_window is help_


@pytest.mark.parametrize("key", [key for key, _title, _class in TABS])
def test_f1_opens_the_page_of_the_tab_in_view(window: MainWindow, qtbot: QtBot, key: str) -> None:
    with qtbot.waitActive(window):  # shortcuts work in the active window
        window.show()
        window.activateWindow()
    tab = window.show_tab(key)
    qtbot.keyClick(tab, Qt.Key.Key_F1)
    help_ = window.help_window
    assert help_ is not None
    qtbot.addWidget(help_)
    expected = TAB_PAGES[tab.objectName()]
    assert expected == key  # each tab has a page of its own, named as the tab
    assert help_.current_page() == expected
    title = next(page.title for page in pages() if page.name == expected)
    assert help_.browser.documentTitle() == title
    assert help_.contents.currentItem().text() == title
    assert help_.windowTitle().endswith(title)


def test_the_contents_and_the_links_move_between_pages(window: MainWindow, qtbot: QtBot) -> None:
    help_ = window.show_manual()
    qtbot.addWidget(help_)
    help_.contents.setCurrentRow(PAGES.index("members"))
    assert help_.current_page() == "members"
    help_.follow(QUrl("activities.html#print"))  # a link in the page
    assert help_.current_page() == "activities"
    assert help_.contents.currentItem().text() == "活动"
    help_.follow(QUrl("#attendance"))  # an anchor on the same page
    assert help_.current_page() == "activities"


def test_the_shortcuts_link_opens_the_shortcuts_window(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ShortcutsDialog] = []

    def look(dialog: ShortcutsDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ShortcutsDialog, "exec", look)
    help_ = window.show_manual("shortcuts")
    qtbot.addWidget(help_)
    help_.follow(QUrl("pbc:shortcuts"))
    assert len(shown) == 1


def test_a_screenshot_opens_full_size_and_shows_scaled_in_the_page(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(help_window.QDesktopServices, "openUrl", opened.append)
    help_ = window.show_manual("activities")
    qtbot.addWidget(help_)
    help_.follow(QUrl("images/activities.png"))
    assert [url.toLocalFile() for url in opened] == [
        str(page_path("activities").parent / "images" / "activities.png")
    ]
    assert help_.current_page() == "activities"  # the page stays
    image = help_.browser.loadResource(
        help_window.QTextDocument.ResourceType.ImageResource.value, QUrl("images/activities.png")
    )
    assert isinstance(image, help_window.QImage)
    assert 0 < image.width() <= help_window.IMAGE_WIDTH


def test_the_help_menu_lists_the_manual_and_f1(window: MainWindow) -> None:
    assert window.action_tab_help.shortcut().toString() == "F1"
    names = [
        a.objectName()
        for a in window.findChild(type(window.menuBar())).actions()[-1].menu().actions()
    ]
    assert names[:2] == ["mainManual", "mainTabHelp"]
