"""帮助 → 快捷键: the window's keyboard shortcuts, read when the dialog opens from the menus'
actions, the tabs and the keys every listing tab shares, so the list cannot drift from
what the keys do."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar, QTabWidget, QVBoxLayout, QWidget

from pbc_desktop.ui.common.listing_tab import RECORD_SHORTCUTS
from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.common.views import close_buttons, fill_table, make_item_table

Row = tuple[str, str, str]  # keys, what they do, where


def key_text(keys: QKeySequence | str) -> str:
    """The keys as the system writes them (Ctrl+N; ⌘N on a Mac)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def _plain(text: str) -> str:
    """A menu entry's text without its accelerator (文件(&F) → 文件, &File → File) and
    trailing dots."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def _menu_rows(actions: list[QAction], path: str) -> Iterator[Row]:
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from _menu_rows(menu.actions(), f"{path} → {_plain(menu.title())}")
        elif not action.isSeparator() and action.shortcuts():
            keys = "  ".join(key_text(k) for k in action.shortcuts())
            yield keys, _plain(action.text()), path


class ShortcutsDialog(FittedDialog):
    def __init__(self, menu_bar: QMenuBar, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainShortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Alt with the underlined letter opens a menu or presses a button; Tab moves "
                "to the next field, Escape closes a window without saving."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = make_item_table(
            self, "mainShortcutsTable", [self.tr("Keys"), self.tr("Does"), self.tr("Where")]
        )
        layout.addWidget(self.table)
        layout.addWidget(close_buttons(self))
        rows = list(self.rows(menu_bar, tabs))
        fill_table(self.table, [(n, row) for n, row in enumerate(rows)], None)
        self.resize(640, 520)

    def rows(self, menu_bar: QMenuBar, tabs: QTabWidget) -> Iterator[Row]:
        for action in menu_bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                yield from _menu_rows(menu.actions(), _plain(menu.title()))
        window = self.tr("Window")
        for number in range(min(tabs.count(), 9)):
            title = _plain(tabs.tabText(number))
            yield key_text(f"Ctrl+{number + 1}"), self.tr("Show {tab}").format(tab=title), window
        does = {
            "new": self.tr("New record"),
            "edit": self.tr("Open or change the selected record"),
            "delete": self.tr("Delete the selected record"),
        }
        where = {"new": self.tr("A tab's list"), "edit": self.tr("A tab's table")}
        keys_of: dict[str, list[str]] = {}
        for keys, role in RECORD_SHORTCUTS:
            keys_of.setdefault(role, []).append(key_text(keys))
        for role, names in keys_of.items():
            yield "  ".join(dict.fromkeys(names)), does[role], where.get(role, where["edit"])
