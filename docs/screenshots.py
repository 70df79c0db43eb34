"""Screenshots of the window on the demo district.

Two uses:

- ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py OUT_DIR [--lang en]``:
  a PNG of every tab at 1280×800 (for the README and reviews);
- ``xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb .venv/bin/python
  docs/screenshots.py --manual``: the pictures of the clerk's manual, in Chinese at
  1366×768 (the common office screen), into ``resources/manual/images/`` (commit them; the
  pages in ``resources/manual/`` show them). Each is reduced to 256 colours (no dithering:
  flat UI colours stay flat), so that the manual stays small.

The window takes the asked size only on a screen large enough for it: Qt's offscreen
platform has an 800×600 screen, so there the window shrinks to its minimum size (the
manual's pictures were once taken so, at 960×796, the members tab's columns cut).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANUAL_IMAGES = ROOT / "resources" / "manual" / "images"


def main() -> int:
    manual = "--manual" in sys.argv
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a != "en"]
    out = MANUAL_IMAGES if manual else Path(args[0] if args else "screenshots")
    language = "en" if "--lang" in sys.argv and sys.argv[-1] == "en" else "zh"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PBC_DATA_DIR", tempfile.mkdtemp(prefix="pbc-shots-"))
    sys.path.insert(0, str(ROOT))  # this checkout's program, whatever is installed

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    from pbc_desktop import i18n
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.paths import demo_db_path
    from pbc_desktop.services.demo import build_demo
    from pbc_desktop.services.info import is_empty
    from pbc_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    translators = i18n.install(app, language)  # noqa: F841
    db = open_database(sqlite_url(demo_db_path()))
    if is_empty(db):
        build_demo(db)
    window = MainWindow(db)
    window.resize(*((1366, 768) if manual else (1280, 800)))
    window.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        image = widget.grab().toImage()
        if manual:
            flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
            image = image.convertToFormat(QImage.Format.Format_Indexed8, flags)
        image.save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    def loads_shown(tab: QWidget) -> None:
        """What a tab reads off the UI thread (the overview's figures and reminders): wait
        for it (the picture showed "being collected" beside an empty table)."""
        from pbc_desktop.ui.common.worker import BackgroundLoad

        loads = tab.findChildren(BackgroundLoad)
        deadline = time.monotonic() + 30
        while any(load.busy for load in loads) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)

    for key in window.tab_keys():
        tab = window.show_tab(key)
        loads_shown(tab)
        view = getattr(tab, "table", None)
        if view is not None and view.model() is not None and view.model().rowCount() > 0:
            view.selectRow(0)
        save(window, key)
    if manual:
        for name, shoot in _manual_dialogs(window).items():
            dialog = shoot()
            dialog.show()
            save(dialog, name)
            dialog.close()
    window.close()
    db.dispose()
    return 0


def _manual_dialogs(window: object) -> dict[str, Callable[[], object]]:
    """The dialogs the manual shows, each opened on the demo's records, by picture name."""
    from pbc_desktop.ui.accounts.manager import AccountsDialog
    from pbc_desktop.ui.activities.dialog import ActivityDialog
    from pbc_desktop.ui.activities.tab import ActivitiesTab
    from pbc_desktop.ui.exchange.office_dialog import OfficeDialog
    from pbc_desktop.ui.members.import_dialog import MemberImportDialog
    from pbc_desktop.ui.shell.main_window import MainWindow
    from pbc_desktop.ui.shell.shortcuts_dialog import ShortcutsDialog

    assert isinstance(window, MainWindow)

    def activity(page: int) -> Callable[[], object]:
        def shoot() -> ActivityDialog:
            tab = window.show_tab("activities")
            assert isinstance(tab, ActivitiesTab)
            for number in range(min(tab.table.model().rowCount(), 200)):
                tab.table.selectRow(number)  # a held meeting, its attendance recorded
                row = tab.current_row()
                if row is not None and row.kind.is_meeting and 0 < row.present < row.expected:
                    break
            assert row is not None
            dialog = ActivityDialog(window.ctx, row.id, parent=window)
            dialog.ui.tabs.setCurrentIndex(page)
            dialog.resize(900, 640)
            return dialog

        return shoot

    return {
        "activity_basics": activity(0),
        "activity_attendance": activity(1),
        "activity_agenda": activity(2),
        "member_import": lambda: MemberImportDialog(window.ctx, window),
        "offices": lambda: OfficeDialog(window.ctx, window),
        "accounts_manager": lambda: AccountsDialog(window.ctx, window),
        "shortcuts": lambda: ShortcutsDialog(window.menuBar(), window.tab_widget, window),
    }


if __name__ == "__main__":
    raise SystemExit(main())
