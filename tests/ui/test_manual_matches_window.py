"""The manual says what the window shows: the menus and tabs its first page names, and the
buttons each tab's page lists under 上方的按钮, compared word for word with the window in
Chinese (a clerk looks for the words the manual gives)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLayout, QTabWidget
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.ui.help.pages import TAB_PAGES, page_path
from pbc_desktop.ui.shell.main_window import MainWindow

BUTTONS_HEADING = "上方的按钮"


def shown(text: str) -> str:
    """A label as the manual writes it: no accelerator (``(&N)``) and no trailing ``…``."""
    return re.sub(r"\(&.\)|&", "", text).replace("…", "").strip()


class ButtonTable(HTMLParser):
    """The first column of the table under the heading 上方的按钮."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[str] = []
        self._heading = False
        self._after_heading = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self._heading = True
        elif tag == "tr" and self._after_heading and not self._done:
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._heading = False
        elif tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row:
            self.entries.extend(part.strip() for part in self._row[0].split("、"))
            self._row = None
        elif tag == "table" and self._after_heading:
            self._done = True

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._after_heading = data.strip() == BUTTONS_HEADING
        if self._cell is not None:
            self._cell.append(data)


def button_table(page: str) -> list[str]:
    parser = ButtonTable()
    parser.feed(page_path(page).read_text(encoding="utf-8"))
    return parser.entries


PAGES_WITH_BUTTONS = sorted(
    (key.removesuffix("Tab"), page) for key, page in TAB_PAGES.items() if button_table(page)
)


@pytest.fixture
def window(qtbot: QtBot, db: Database, chinese: object) -> MainWindow:
    main = MainWindow(db)
    qtbot.addWidget(main)
    return main


def page_text(page: str) -> str:
    return re.sub(r"<[^>]+>", "", page_path(page).read_text(encoding="utf-8"))


def test_the_first_page_names_the_menus_and_tabs_the_window_has(window: MainWindow) -> None:
    text = page_text("index")
    menus = [shown(action.text()) for action in window.menuBar().actions()]
    tabs_widget = window.findChild(QTabWidget)
    assert tabs_widget is not None
    tabs = [tabs_widget.tabText(i) for i in range(tabs_widget.count())]
    assert f"菜单（{'、'.join(menus)}）" in text
    assert "、".join(tabs) in text
    assert f"Ctrl+1 到 Ctrl+{len(tabs)}" in text


def test_the_shortcuts_page_names_a_key_for_every_tab(window: MainWindow) -> None:
    tabs_widget = window.findChild(QTabWidget)
    assert tabs_widget is not None
    assert f"Ctrl+1 … Ctrl+{tabs_widget.count()}" in page_text("shortcuts")


@pytest.mark.parametrize(("key", "page"), PAGES_WITH_BUTTONS)
def test_a_tab_page_lists_the_buttons_of_the_tab_by_their_names(
    window: MainWindow, key: str, page: str
) -> None:
    """The table names buttons of the tab (or the choices of a list box beside them), each
    by the name on the button, and every button of the row of the tab's first button."""
    tab = window.show_tab(key)
    everything = [w for w in tab.findChildren(QAbstractButton) if not w.isHidden()]
    first = next(b for b in everything if b.objectName().startswith(f"{key}New"))
    # a box layout, or the members' FlowRow (its buttons on two lines where there is no room)
    [row] = [layout for layout in tab.findChildren(QLayout) if layout.indexOf(first) >= 0]
    widgets = [row.itemAt(i).widget() for i in range(row.count())]
    in_row = {
        shown(w.text()) for w in widgets if isinstance(w, QAbstractButton) and not w.isHidden()
    }
    choices = {
        shown(w.itemText(i)) for w in widgets if isinstance(w, QComboBox) for i in range(w.count())
    }
    entries = set(button_table(page))
    named = {shown(w.text()) for w in everything} | choices
    assert sorted(entries - named) == [], "the manual names buttons the tab lacks"
    assert sorted(in_row - entries) == [], "the tab has buttons the manual leaves out"


def test_the_first_page_links_every_other_page() -> None:
    """Its 各页说明 is how a clerk finds a page outside the window's tabs (党费, say)."""
    from pbc_desktop.ui.help.pages import PAGES, START_PAGE

    source = page_path(START_PAGE).read_text(encoding="utf-8")
    assert [p for p in PAGES if p != START_PAGE and f'href="{p}.html"' not in source] == []


@pytest.mark.parametrize(
    ("page", "module"),
    [("organizations", "org_columns"), ("members", "member_cells")],
)
def test_an_import_page_names_the_required_columns_by_their_headers(page: str, module: str) -> None:
    """A clerk who makes their own list types the headers the page gives (the organizations
    page said 名称 and 类型, which the import does not read)."""
    import importlib

    headers = importlib.import_module(f"pbc_desktop.domain.{module}").required_headers_text()
    text = page_text(page)
    assert [h for h in headers.split("、") if f"“{h}”" not in text] == []


#: Excel's own menus, which a message names when it says how to save a file in Excel.
NOT_OURS = {"member_import/filekind.py"}
MENU_PATH = re.compile(r"(?:文件|党费|工具|帮助) → [^（）。，；：”\"`\n]+")


def message_texts() -> list[tuple[str, str]]:
    """(module, text) of every string a service, rule, command or the start-up may show."""
    import ast
    from pathlib import Path

    import pbc_desktop

    package = Path(pbc_desktop.__file__).parent
    files = [package / "app.py"] + [
        path
        for folder in ("services", "domain", "cli", "db")
        for path in sorted((package / folder).rglob("*.py"))
    ]
    found: list[tuple[str, str]] = []
    for path in files:
        name = path.relative_to(package).as_posix()
        if any(name.endswith(skip) for skip in NOT_OURS):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.append((name, node.value))
            elif isinstance(node, ast.JoinedStr):
                parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
                found.append((name, "".join(str(p) for p in parts)))
    from xml.etree import ElementTree

    from pbc_desktop.paths import resources_dir

    ts = resources_dir() / "translations" / "pbc_zh_CN.ts"
    for element in ElementTree.parse(ts).iter("translation"):  # the window's own sentences
        found.append((ts.name, element.text or ""))
    return found


def test_a_message_names_menu_entries_the_window_has(window: MainWindow) -> None:
    """A refusal that sends the clerk to a menu names its entries word for word (one said
    文件 → 数据交换 → 本单位 for 本单位与登记单位, another 文件 → 新建 for 新建数据库)."""
    from PySide6.QtWidgets import QMenu

    def entries(menu: QMenu) -> dict[str, QMenu | None]:
        return {shown(a.text()): a.menu() for a in menu.actions() if not a.isSeparator()}

    top = {shown(a.text()): a.menu() for a in window.menuBar().actions()}
    wrong = []
    for module, text in message_texts():
        for path in MENU_PATH.findall(text):
            level: dict[str, QMenu | None] = top
            for part in (shown(p) for p in path.split(" → ")):
                if part not in level:
                    wrong.append(f"{module}: {path}")
                    break
                menu = level[part]
                level = entries(menu) if menu is not None else {}
    assert wrong == [], "\n".join(wrong)
