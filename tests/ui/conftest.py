"""Widget tests never wait on a real modal dialog: the office set-up asked at sign-in
(a test database has accounts but no office) is declined unless a test answers it; a
record form's "discard the changes?" fails the test unless it sets the answer
(``discard_question``); the member import reads its file in the test's process.
``chinese``: the window's translations installed for one test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from pbc_desktop import i18n
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.exchange.office_dialog import OfficeSetupDialog
from pbc_desktop.ui.members.import_dialog import MemberImportDialog
from tests.qt_helpers import DiscardQuestion


@pytest.fixture(autouse=True)
def office_setup_declined(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OfficeSetupDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)


@pytest.fixture(autouse=True)
def discard_question(monkeypatch: pytest.MonkeyPatch) -> DiscardQuestion:
    question = DiscardQuestion()
    monkeypatch.setattr(messages, "discard_changes", question)
    return question


@pytest.fixture(autouse=True)
def import_read_in_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The member import dialog reads its file in the test's own process (a child process
    takes a second to start); tests/ui/test_import_dialog_child.py reads it in a child."""
    monkeypatch.setattr(MemberImportDialog, "read_in_child", False)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[object]:
    translators = i18n.install(qapp, "zh")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)  # type: ignore[arg-type]
