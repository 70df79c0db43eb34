"""ui/common/printing.py's print and preview steps: what is painted, what a refused
printer says, a cancelled print dialog painting nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from pbc_desktop.errors import UserError
from pbc_desktop.ui.common import messages, printing


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "two.pdf"
    canvas = Canvas(str(path))
    for text in ("one", "two"):
        canvas.drawString(100, 700, text)
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        messages, "show_user_error", lambda _parent, error: shown.append(error.message)
    )
    return shown


def test_print_pdf_prints_every_page_or_nothing_when_cancelled(
    qtbot: QtBot, pdf: Path, tmp_path: Path, said: list[str]
) -> None:
    printed = tmp_path / "printed.pdf"
    ranges: list[tuple[int, int]] = []

    def accept(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintDialog)
        ranges.append((dialog.minPage(), dialog.maxPage()))
        dialog.printer().setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted)

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    assert printing.print_pdf(None, pdf, printer, accept) == 2
    assert ranges == [(1, 2)] and printed.exists()
    assert printing.print_pdf(None, pdf, printer, lambda _d: 0) is None  # cancelled
    assert said == []


def test_a_refused_printer_is_said_and_counts_no_pages(
    qtbot: QtBot, pdf: Path, said: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_pdf: Path, _printer: QPrinter) -> int:
        raise UserError("The printer could not be started.")

    monkeypatch.setattr(printing, "paint_pdf", refuse)

    def accept(_dialog: QDialog) -> int:
        return int(QDialog.DialogCode.Accepted)

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    assert printing.print_pdf(None, pdf, printer, accept) is None
    assert said == ["The printer could not be started."]


def test_preview_pdf_titles_its_dialog_and_counts_the_pages_painted(
    qtbot: QtBot, pdf: Path, said: list[str]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    titles: list[str] = []

    def show(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintPreviewDialog)
        titles.append(dialog.windowTitle())
        widget = dialog.findChild(QPrintPreviewWidget)
        assert widget is not None
        widget.updatePreview()
        return 0

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    pages = printing.preview_pdf(parent, pdf, printer, title="Preview", size=(900, 1000), run=show)
    assert pages == 2 and titles == ["Preview"] and said == []
