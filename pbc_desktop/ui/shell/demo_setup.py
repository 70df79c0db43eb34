"""Build the demo district on first start, off the UI thread with progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pbc_desktop.db.engine import Database
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services.info import is_empty
from pbc_desktop.ui.common.worker import run_with_progress, succeeded


def ensure_demo(db: Database) -> bool:
    """Fill an empty database with the demo district; False if the user cancelled."""
    if not is_empty(db):
        return True
    from pbc_desktop.services.demo import build_demo

    def job(progress: ProgressFn, should_cancel: CancelFn) -> object:
        return build_demo(db, progress=progress, should_cancel=should_cancel)

    outcome = run_with_progress(
        None, QCoreApplication.translate("DemoSetup", "Building the demo district..."), job
    )
    return succeeded(None, outcome)
