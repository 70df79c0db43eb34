"""Save a PNG of every tab of the window on the demo district (for the README and reviews).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py OUT_DIR [--lang en]``
(or under ``xvfb-run`` for a real X server).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    language = "en" if "--lang" in sys.argv and sys.argv[-1] == "en" else "zh"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PBC_DATA_DIR", tempfile.mkdtemp(prefix="pbc-shots-"))

    from PySide6.QtWidgets import QApplication

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
    window.resize(1280, 800)
    window.show()
    for key in window.tab_keys():
        tab = window.show_tab(key)
        view = getattr(tab, "table", None)
        if view is not None and view.model() is not None and view.model().rowCount() > 0:
            view.selectRow(0)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / f"{key}.png"))
        print(out / f"{key}.png")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
