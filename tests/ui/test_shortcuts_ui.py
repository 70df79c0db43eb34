"""帮助 → 快捷键 lists what the keys really do: read from the menus and the tabs."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pbc_desktop import i18n, lang
from pbc_desktop.db.engine import Database
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.views import cell_text
from pbc_desktop.ui.shell.main_window import MainWindow
from pbc_desktop.ui.shell.shortcuts_dialog import ShortcutsDialog, key_text
from tests.qt_helpers import accelerator


def test_the_shortcuts_window_lists_the_menus_tabs_and_record_keys(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    shown: list[ShortcutsDialog] = []

    def look(dialog: ShortcutsDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ShortcutsDialog, "exec", look)
    window.action_shortcuts.trigger()
    (dialog,) = shown
    table = dialog.table
    rows = [tuple(cell_text(table, r, c) for c in range(3)) for r in range(table.rowCount())]
    by_keys = {row[0]: row for row in rows}
    opened = key_text(window.action_open.shortcut())
    assert by_keys[opened][2].startswith("File")  # a menu entry, with its menu
    assert by_keys[key_text("Ctrl+1")][1] == f"Show {window.tab_widget.tabText(0).replace('&', '')}"
    tabs = min(window.tab_widget.count(), 9)
    assert sum(1 for row in rows if row[2] == "Window") == tabs
    assert by_keys[key_text("Ctrl+N")][1] == "New record"
    assert by_keys[key_text("Delete")][1] == "Delete the selected record"
    assert "F2" in {k for row in rows for k in row[0].split()}
    # every shortcut of every menu entry is listed
    listed = {k for row in rows for k in row[0].split("  ")}
    in_menus = [a for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    assert any(a.shortcuts() for a in in_menus)
    for action in in_menus:
        for keys in action.shortcuts():
            assert key_text(keys) in listed, action.text()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("文件(&F)", "文件"),
        ("新建数据库(&N)...", "新建数据库"),
        ("&File", "File"),
        ("A && B", "A & B"),
    ],
)
def test_menu_texts_lose_their_accelerators(text: str, plain: str) -> None:
    from pbc_desktop.ui.shell.shortcuts_dialog import _plain

    assert _plain(text) == plain


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_menu_entry_has_an_alt_letter_of_its_own(
    qtbot: QtBot, db: Database, qapp: QApplication, language: str
) -> None:
    """Alt, a menu's letter, then the entry's letter reaches every entry of the menu bar:
    备份到… and 恢复… had none, where every entry beside them had one."""
    locale = QLocale()
    translators = i18n.install(qapp, language)
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        menus += [a.menu() for m in list(menus) for a in m.actions() if a.menu() is not None]
        missing, twice = [], []
        for menu in menus:
            entries = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
            letters = [accelerator(a.text()) for a in entries]
            missing += [a.text() for a, letter in zip(entries, letters, strict=True) if not letter]
            twice += [f"{menu.title()}: {x}" for x in set(letters) if x and letters.count(x) > 1]
        assert not missing, (language, missing)
        assert not twice, (language, twice)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)  # type: ignore[arg-type]
        QLocale.setDefault(locale)
        lang.set_language("zh")


def _letters(buttons: list[QAbstractButton]) -> list[str | None]:
    return [accelerator(b.text()) for b in buttons]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_rows_of_buttons_have_an_alt_letter_on_every_button(
    qtbot: QtBot, db: Database, qapp: QApplication, language: str
) -> None:
    """Where some buttons of a row had an Alt letter and their neighbours none (党员:
    岗位目录, 双报到统计, 评议与统计; 考核: 新建指标体系, 示范点, 规范整顿…), a clerk at
    the keyboard had to Tab through the row to reach those. Now every one has its own,
    none the menu bar's; and so have the pages of the 三会一课与换届 and 转接 windows,
    and of the 党建共同体 and 活动 forms (a page's letter is no field's of any page)."""
    from pbc_desktop.ui.activities.dialog import ActivityDialog
    from pbc_desktop.ui.branch_life.window import BranchLifeWindow
    from pbc_desktop.ui.communities.dialog import CommunityDialog
    from pbc_desktop.ui.members.transfers_dialog import TransfersDialog

    locale = QLocale()
    translators = i18n.install(qapp, language)
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        menu_bar = {accelerator(a.text()) for a in window.menuBar().actions()}
        members: Any = window.show_tab("members")
        row = members.button_row
        rows = {
            "members": [row.itemAt(i).widget() for i in range(row.count())]
            + members.posts_panel.findChildren(QPushButton),  # 双报到: 更正, 恢复在岗…
            "assessment": window.show_tab("assessment").findChildren(QPushButton),
        }
        for key, widgets in rows.items():
            buttons = [w for w in widgets if isinstance(w, QAbstractButton) and not w.isHidden()]
            letters = _letters(buttons)
            assert len(buttons) > 4, key
            assert None not in letters, (language, key, [b.text() for b in buttons])
            assert len(set(letters)) == len(letters), (language, key, letters)
            assert not set(letters) & menu_bar, (language, key, letters)
        lists: Any = window.show_tab("lists")
        panel = [lists.new_list_button, lists.edit_list_button, lists.delete_list_button]
        panel += [lists.sign_list_button, lists.pdf_button, lists.xlsx_button]
        items = [lists.new_item_button, *lists.item_buttons.values()]
        letters = _letters(panel)
        item_letters = _letters(items)
        assert None not in letters + item_letters, (language, [b.text() for b in panel + items])
        assert len(set(letters + item_letters)) == len(panel + items), (language, letters)
        assert not set(letters + item_letters) & menu_bar, (language, letters)
        dialogs: list[QWidget] = [
            BranchLifeWindow(window.ctx, window),
            TransfersDialog(window.ctx, window),
            CommunityDialog(window.ctx, parent=window),
            ActivityDialog(window.ctx, parent=window),
        ]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            pages = dialog.findChild(QTabWidget)
            assert pages is not None
            letters = [accelerator(pages.tabText(i)) for i in range(pages.count())]
            assert None not in letters, (language, type(dialog).__name__, letters)
            own = _letters(dialog.findChildren(QAbstractButton))
            own += [accelerator(label.text()) for label in dialog.findChildren(QLabel)]
            assert not [x for x in letters if x in own], (language, type(dialog).__name__)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)  # type: ignore[arg-type]
        QLocale.setDefault(locale)
        lang.set_language("zh")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_buttons_of_each_page_of_a_form_have_an_alt_letter_of_their_own(
    qtbot: QtBot, db: Database, qapp: QApplication, language: str
) -> None:
    """The 党建共同体 form's 移除人员 (and 移除轮值) had no Alt letter beside 添加人员(P):
    every button on a page of a form has one, none another's of that page (its buttons'
    and its fields' labels) nor a page's."""
    from pbc_desktop.ui.activities.dialog import ActivityDialog
    from pbc_desktop.ui.communities.dialog import CommunityDialog

    locale = QLocale()
    translators = i18n.install(qapp, language)
    try:
        for dialog in (CommunityDialog(AppContext(db)), ActivityDialog(AppContext(db))):
            qtbot.addWidget(dialog)
            pages = dialog.findChild(QTabWidget)
            assert pages is not None
            tabs = {accelerator(pages.tabText(i)) for i in range(pages.count())}
            for i in range(pages.count()):
                page = pages.widget(i)
                buttons = [b for b in page.findChildren(QPushButton) if not b.isHidden()]
                letters = _letters(buttons)
                where = (language, type(dialog).__name__, pages.tabText(i))
                assert None not in letters, (*where, [b.text() for b in buttons])
                labels = [accelerator(label.text()) for label in page.findChildren(QLabel)]
                taken = [x for x in letters + labels if x]
                assert len(set(taken)) == len(taken), (*where, taken)
                assert not set(taken) & tabs, (*where, taken)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)  # type: ignore[arg-type]
        QLocale.setDefault(locale)
        lang.set_language("zh")
