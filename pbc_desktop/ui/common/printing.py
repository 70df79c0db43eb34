"""Print and preview the ReportLab PDFs: each page rendered (pypdfium2) and painted on paper.

PySide6-Essentials has no QtPdf, so a PDF page is rasterised at the printer's resolution
(capped, so a 1200 dpi driver does not need gigabytes) and painted scaled into the page,
keeping its proportions; A4 reports on A4 paper fill the sheet exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from pbc_desktop.errors import UserError
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.screens import fit_dialog, fit_to_screen

if TYPE_CHECKING:  # loaded to print or preview: a tab with a Print button opens without it
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

MAX_DPI = 300
POINTS_PER_INCH = 72


def warn_unprintable(parent: QWidget | None, notes: list[str]) -> None:
    """Tell the user which words of a written report hold characters no font has (the
    report's ``warn`` sentences; the document marks them 〓)."""
    title = QCoreApplication.translate("Printing", "Characters missing from the fonts")
    for note in notes:
        messages.warning(parent, title, note)


def new_printer() -> QPrinter:
    """A high-resolution A4 portrait printer whose painter covers the whole sheet."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def page_count(pdf_path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        return len(doc)
    finally:
        doc.close()


def _render(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(
        scale=dpi / POINTS_PER_INCH, rev_byteorder=True, fill_color=(255, 255, 255, 255)
    )
    fmt = QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBX8888
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
    return image.copy()  # own the pixels: the bitmap's buffer is freed with it


def fit(source: QSizeF, target: QRectF) -> QRectF:
    """``source`` scaled to fit ``target`` with its proportions, centred."""
    if source.width() <= 0 or source.height() <= 0:
        return QRectF(target)
    scale = min(target.width() / source.width(), target.height() / source.height())
    w, h = source.width() * scale, source.height() * scale
    return QRectF(
        target.x() + (target.width() - w) / 2, target.y() + (target.height() - h) / 2, w, h
    )


def paint_pdf(pdf_path: Path, printer: QPrinter) -> int:
    """Paint every page of the PDF on ``printer`` (a real printer or a preview); page count."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise UserError(
                QCoreApplication.translate(
                    "Printing", "The printer could not be started. Check that it is ready."
                )
            )
        dpi = min(float(printer.resolution()), MAX_DPI)
        area = QRectF(painter.viewport())
        for index in range(len(doc)):
            page = doc[index]
            if index:
                printer.newPage()
            width, height = page.get_size()
            image = _render(page, dpi)
            painter.drawImage(fit(QSizeF(width, height), area), image)
        return len(doc)
    finally:
        if painter.isActive():
            painter.end()
        doc.close()


def paint_or_say(parent: QWidget | None, pdf_path: Path, printer: QPrinter) -> int | None:
    """:func:`paint_pdf`; a refusal (the printer would not start…) is said to the user
    (None)."""
    try:
        return paint_pdf(pdf_path, printer)
    except UserError as error:
        messages.show_user_error(parent, error)
        return None


def preview_pdf(
    parent: QWidget | None,
    pdf_path: Path,
    printer: QPrinter,
    *,
    title: str,
    size: tuple[int, int],
    run: Callable[[QDialog], int],
) -> int | None:
    """Show the PDF in a print preview (``size``: the wanted width and height, within the
    screen) run by ``run`` (tests answer it), from which it can be printed; the pages the
    last paint painted (None: none painted). ``printer`` is the caller's: the dialog does
    not own it."""
    painted: list[int] = []

    def paint(target: QPrinter) -> None:
        pages = paint_or_say(parent, pdf_path, target)
        if pages is not None:
            painted.append(pages)

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(paint)
    fit_to_screen(dialog, *size)
    fit_dialog(dialog)
    run(dialog)
    dialog.deleteLater()
    return painted[-1] if painted else None


def print_pdf(
    parent: QWidget | None, pdf_path: Path, printer: QPrinter, run: Callable[[QDialog], int]
) -> int | None:
    """Print the PDF after the print dialog (run by ``run``, tests answer it); the pages
    printed (None: cancelled or refused)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, page_count(pdf_path))
    pages = None
    if run(dialog) == QDialog.DialogCode.Accepted:
        pages = paint_or_say(parent, pdf_path, printer)
    dialog.deleteLater()
    return pages
