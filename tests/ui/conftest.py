"""Widget tests never wait on a real modal dialog: the office set-up asked at sign-in
(a test database has accounts but no office) is declined unless a test answers it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from pbc_desktop.ui.exchange.office_dialog import OfficeSetupDialog


@pytest.fixture(autouse=True)
def office_setup_declined(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OfficeSetupDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
