"""The small modal questions: where to save, a line of text, a passphrase, a date, one of
a list; and opening a folder.

One module so tests replace them here, as they do ``ui.common.messages``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from pbc_desktop.files import safe_file_name
from pbc_desktop.lang import t
from pbc_desktop.ui.common import messages

T = TypeVar("T")


def documents_dir() -> Path:
    """Where saving starts: the user's Documents folder (their home when there is none)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs else Path.home()


def suggested_file(name: str) -> Path:
    """``name`` in :func:`documents_dir`, as a save dialog proposes it, made a name Windows
    takes (:func:`pbc_desktop.files.safe_file_name`): a letter numbered ``2026/007`` proposed
    a folder ``Letter of transfer 2026`` that does not exist. Build every proposed name
    with this, never ``documents_dir() / name``."""
    return documents_dir() / safe_file_name(name)


def _file_filter(kind: str) -> str:
    if kind == "xlsx":
        return QCoreApplication.translate("Prompts", "Excel workbooks (*.xlsx)")
    return QCoreApplication.translate("Prompts", "PDF files (*.pdf)")


def ask_save_path(
    parent: QWidget | None, title: str, suggested: Path, kind: str = "pdf"
) -> Path | None:
    """Where to save a file of ``kind`` ("pdf" or "xlsx"); None when cancelled.

    A name typed without the extension gets it added (dots in the name are kept).
    ``suggested``'s file name is proposed as Windows takes it (a device name such as
    ``CON``, a name too long; see :func:`suggested_file`).
    """
    proposed = suggested.with_name(safe_file_name(suggested.name)) if suggested.name else suggested
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(proposed), _file_filter(kind))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == f".{kind}" else path.with_name(f"{path.name}.{kind}")


def ask_text(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """A line of text from the user, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, prompt)
    return value if ok else None


def ask_secret(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """A passphrase typed unseen, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Password)
    return value if ok else None


def ask_date(parent: QWidget | None, title: str, prompt: str) -> date | None:
    """A date, typed as yyyy-mm-dd (today proposed); None when cancelled."""
    while True:
        value, ok = QInputDialog.getText(parent, title, prompt, text=date.today().isoformat())
        if not ok:
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            messages.warning(
                parent, title, t("日期格式应为 2026-03-01", "Use a date like 2026-03-01")
            )


def ask_choice(
    parent: QWidget | None,
    title: str,
    prompt: str,
    choices: Sequence[tuple[T, str]],
    current: T | None = None,
) -> T | None:
    """One of ``choices`` (value, text), ``current`` proposed; None when cancelled or there
    is nothing to choose. The list can be searched by typing its first letters."""
    if not choices:
        return None
    texts = [text for _value, text in choices]
    start = next((i for i, (value, _t) in enumerate(choices) if value == current), 0)
    text, ok = QInputDialog.getItem(parent, title, prompt, texts, start, False)
    if not ok:
        return None
    return choices[texts.index(text)][0]


def open_folder(folder: Path, parent: QWidget | None = None) -> None:
    """Show ``folder`` in Explorer; a sentence when the system could not (a USB stick
    pulled out since the file was saved there), instead of nothing at all."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        messages.warning(
            parent,
            t("打开文件夹", "Open folder"),
            t(
                f"无法打开文件夹“{folder}”。它所在的 U 盘或磁盘是否已拔出？",
                f"Could not open the folder “{folder}”. Was the USB stick or disk holding it "
                "removed?",
            ),
        )


def offer_folder(parent: QWidget | None, title: str, saved: Path, said: str | None = None) -> None:
    """Say where a file was saved (``said``, or "Saved as …") and offer to open its folder:
    a clerk who saved a PDF or a workbook must be able to find it."""
    said = said or t(f"已保存为 {saved}。", f"Saved as {saved}.")
    if messages.confirm(parent, title, said + t("打开所在的文件夹吗？", " Open its folder?")):
        open_folder(saved.parent)
