"""What the Excel import dialogs (members, organizations) share: reading the file off
the UI thread, the table of the rows that cannot be imported, the import button's label,
and the import run off the UI thread to its message."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from pbc_desktop.services.member_import import ImportCancelledError, OnDuplicate, RowProblem
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.screens import FittedDialog, keep_on_screen, room_for
from pbc_desktop.ui.common.worker import Job, run_with_progress, succeeded
from pbc_desktop.ui.forms.ui_excel_import_dialog import Ui_ExcelImportDialog

if TYPE_CHECKING:
    from pbc_desktop.db.engine import Database
    from pbc_desktop.progress import CancelFn, ProgressFn
    from pbc_desktop.ui.common.context import AppContext

AnyIndex = QModelIndex | QPersistentModelIndex
ROW, NAME, REASON = range(3)
WRAP_ROWS_UP_TO = 500
_NO_INDEX = QModelIndex()
QWIDGETSIZE_MAX = (1 << 24) - 1


READ_PATTERNS = "*.xlsx *.xlsm *.xls *.ods *.csv"


def open_filter(files: str) -> str:
    """The file dialog's filter for the kinds of file the imports read
    (``member_import.workbook``), its first entry named ``files`` (“Rosters”…)."""
    rest = QCoreApplication.translate(
        "ExcelImport",
        "Excel workbooks (*.xlsx *.xlsm *.xls);;OpenDocument spreadsheets (*.ods);;"
        "CSV files (*.csv);;All files (*)",
    )
    return f"{files} ({READ_PATTERNS});;{rest}"


P = TypeVar("P")


def read_file(dialog: QWidget, title: str, job: Job[P]) -> P | None:
    """Run the reading ``job`` with progress and cancel; its preview, or None when the file
    was refused (said) or the reading cancelled."""
    outcome = run_with_progress(dialog, title, job)
    if not succeeded(
        dialog,
        outcome,
        title=QCoreApplication.translate("ExcelImport", "Cannot read the file"),
        stopped=(ImportCancelledError,),
    ):
        return None
    return outcome.result


def set_import_button(button: QPushButton, writes: int, bad: bool, valid: int, rows: int) -> None:
    """The import button: ``writes`` rows to write; fewer than the ``valid`` ones (those
    already present skipped): the new ones; some ``bad`` rows left out (``valid``
    imported), else all ``rows``."""
    if writes == 0:
        label = QCoreApplication.translate("ExcelImport", "Nothing new to import")
    elif writes < valid:  # 跳过: "all 9 rows" read when only the 3 new were written
        label = QCoreApplication.translate("ExcelImport", "Import the {0} new rows").format(writes)
    elif bad:
        label = QCoreApplication.translate("ExcelImport", "Import the {0} valid rows").format(valid)
    else:
        label = QCoreApplication.translate("ExcelImport", "Import all {0} rows").format(rows)
    button.setText(label)
    button.setEnabled(writes > 0)


class BadRowsModel(QAbstractTableModel):
    """The rows that cannot be imported: Excel row number, name and why."""

    def __init__(self, parent: QWidget | None = None, name_title: str | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowProblem] = []
        self._name_title = name_title  # the name column's title (else a person's “Name”)

    def set_rows(self, rows: list[RowProblem]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def problem(self, row: int) -> RowProblem:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ROW:
                return str(problem.row)
            if column == NAME:
                return problem.name
            return problem.reason
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON:
            return "\n".join(problem.messages)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Row"),
            self._name_title or self.tr("Name"),
            self.tr("Why it cannot be imported"),
        )
        return titles[section] if 0 <= section < len(titles) else None


def show_bad_rows(table: QTableView, model: BadRowsModel, bad: list[RowProblem]) -> None:
    """Fill ``model`` with ``bad``: whole sentences on wrapped lines; a file of thousands
    of bad rows keeps one line each (measuring every row would freeze the dialog), the
    tooltip has the rest."""
    model.set_rows(bad)
    rows_mode = (
        QHeaderView.ResizeMode.ResizeToContents
        if len(bad) <= WRAP_ROWS_UP_TO
        else QHeaderView.ResizeMode.Interactive
    )
    table.verticalHeader().setSectionResizeMode(rows_mode)
    table.setVisible(bool(bad))


def set_up_bad_rows(
    table: QTableView, parent: QWidget, name_title: str | None = None
) -> BadRowsModel:
    """A :class:`BadRowsModel` on ``table``, its row and name columns sized to contents."""
    model = BadRowsModel(parent, name_title)
    table.setModel(model)
    header = table.horizontalHeader()
    header.setSectionResizeMode(ROW, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
    return model


class Summarized(Protocol):
    def summary(self) -> str: ...


R = TypeVar("R", bound=Summarized)


class Counted(Protocol):
    def counts(self, on_duplicate: OnDuplicate, /) -> Any: ...


C = TypeVar("C", bound=Counted)
C_contra = TypeVar("C_contra", bound=Counted, contravariant=True)
R_co = TypeVar("R_co", bound=Summarized, covariant=True)


class ApplyFn(Protocol[C_contra, R_co]):
    """``member_import.apply_import``, ``organization_import.apply_org_import``."""

    def __call__(
        self,
        db: Database,
        preview: C_contra,
        /,
        *,
        on_duplicate: OnDuplicate,
        valid_only: bool,
        progress: ProgressFn | None = None,
        cancelled: CancelFn | None = None,
    ) -> R_co: ...


def import_preview(
    dialog: QDialog,
    title: str,
    *,
    imported: SignalInstance,
    apply: ApplyFn[C, R],
    db: Database,
    preview: C,
    on_duplicate: OnDuplicate,
) -> R | None:
    """Write ``preview`` with ``apply`` (its good rows only when some are bad), as
    :func:`run_import`."""
    valid_only = preview.counts(on_duplicate).bad > 0

    def job(progress: ProgressFn, cancelled: CancelFn) -> R:
        return apply(
            db,
            preview,
            on_duplicate=on_duplicate,
            valid_only=valid_only,
            progress=progress,
            cancelled=cancelled,
        )

    return run_import(dialog, title, job, imported)


def run_import(dialog: QDialog, title: str, job: Job[R], imported: SignalInstance) -> R | None:
    """Run the writing ``job`` with progress and cancel; a cancel or a refusal is said and
    keeps ``dialog`` open (None), else the result's summary is said, ``imported`` sends the
    result and the dialog closes."""
    outcome = run_with_progress(dialog, title, job)
    if outcome.cancelled or isinstance(outcome.error, ImportCancelledError):
        messages.information(
            dialog,
            QCoreApplication.translate("ExcelImport", "Import cancelled"),
            QCoreApplication.translate(
                "ExcelImport", "The import was cancelled; nothing was changed."
            ),
        )
        return None
    if not succeeded(
        dialog, outcome, title=QCoreApplication.translate("ExcelImport", "Cannot import")
    ):
        return None
    result = outcome.result
    assert result is not None
    messages.information(
        dialog, QCoreApplication.translate("ExcelImport", "Import finished"), result.summary()
    )
    imported.emit(result)
    dialog.accept()
    return result


class FromFile(Counted, Protocol):
    @property
    def path(self) -> Path: ...
    @property
    def sheet(self) -> str: ...
    @property
    def header_row(self) -> int: ...
    def bad_rows(self, on_duplicate: OnDuplicate, /) -> list[RowProblem]: ...


F = TypeVar("F", bound=FromFile)


class ExcelImportDialog(FittedDialog, Generic[F, R]):
    """The steps the import dialogs share: choose the file, read it (``load``), the
    duplicate option, and the import. ``imported`` carries the result once rows were
    written, so the window can reload. The dialogs share one form (``forms/
    excel_import_dialog.ui``, its roster-only parts shown by the member import alone);
    a dialog gives its texts through :meth:`set_form`, :meth:`file_prompt` and
    :meth:`importing`; its ``_refresh`` starts with :meth:`show_no_file` or
    :meth:`show_counts`."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: F | None = None
        self.last_result: R | None = None
        self.ui = Ui_ExcelImportDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        # the form's height, given back to the table of bad rows when it appears
        self._roomy_height = self.height()
        self._rows_shown: bool | None = None

    # -- the height: the bad rows' table, or no more than the rest needs ------------------
    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            self.fit_to_rows()  # opens at its height, not the form's then shrunk
        super().setVisible(visible)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # a part shown or hidden (its layout already redone), or another width
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.fit_to_rows()
        return handled

    def fit_to_rows(self) -> None:
        """Without bad rows the dialog is no taller than its other parts need (no blank
        area where the table was); the table, when it appears, gets the form's height
        back (within the screen) and keeps the spare height."""
        layout = self.layout()
        if layout is None:
            return
        room = room_for(self)
        tallest = room.height() if room.isValid() else QWIDGETSIZE_MAX
        shown = not self.ui.badTable.isHidden()
        if shown:
            if self.maximumHeight() != tallest:
                self.setMaximumHeight(tallest)
            if not self._rows_shown and self.height() < self._roomy_height:
                self.resize(self.width(), min(self._roomy_height, tallest))
                keep_on_screen(self)
        else:
            layout.activate()
            if layout.hasHeightForWidth():
                needed = layout.totalHeightForWidth(self.width())
            else:
                needed = layout.totalSizeHint().height()
            needed = min(max(needed, self.minimumHeight()), tallest)
            if self.maximumHeight() != needed:
                self.setMaximumHeight(needed)
            if self.height() != needed:
                self.resize(self.width(), needed)
        self._rows_shown = shown

    def set_form(self, title: str, intro: str, present: str, name_title: str | None = None) -> None:
        """Give the form this dialog's ``title``, ``intro`` (what the file must hold) and
        ``present`` (which rows count as already stored); wire its file, duplicate option,
        bad rows (``name_title``: the name column's title), import and cancel buttons."""
        form = self.ui
        self.setWindowTitle(title)
        form.introLabel.setText(intro)
        form.duplicateLabel.setText(present)
        self.model = set_up_bad_rows(form.badTable, self, name_title)
        form.chooseButton.clicked.connect(self.pick_file)
        form.importButton.clicked.connect(self.start_import)
        form.cancelButton.clicked.connect(self.reject)
        form.skipRadio.toggled.connect(self._refresh)

    # -- the preview ----------------------------------------------------------------------
    def show_no_file(self) -> None:
        """No file read yet: say so, with nothing to choose or import."""
        form = self.ui
        show_bad_rows(form.badTable, self.model, [])
        form.summaryLabel.setText(
            QCoreApplication.translate("ExcelImport", "Choose a file to see what it holds.")
        )
        form.badLabel.setVisible(False)
        form.optionsGroup.setEnabled(False)
        form.importButton.setEnabled(False)
        form.importButton.setText(QCoreApplication.translate("ExcelImport", "Import"))

    def show_counts(self, preview: F, summary: str) -> tuple[OnDuplicate, Any, list[RowProblem]]:
        """Show the rows of ``preview`` that cannot be imported and the ``summary`` (its
        {0} sheet, {1} header row, {2} rows, {3} new, {4} present, {5} bad) under the
        duplicate option chosen; returns that option, the counts and the bad rows."""
        form = self.ui
        on_duplicate = self.on_duplicate()
        counts = preview.counts(on_duplicate)
        bad = preview.bad_rows(on_duplicate)
        show_bad_rows(form.badTable, self.model, bad)
        form.badLabel.setVisible(bool(bad))
        form.optionsGroup.setEnabled(True)
        form.summaryLabel.setText(
            summary.format(
                preview.sheet,
                preview.header_row,
                counts.total,
                counts.new,
                counts.duplicates,
                counts.bad,
            )
        )
        return on_duplicate, counts, bad

    # -- what each dialog says and does ---------------------------------------------------
    def file_prompt(self) -> tuple[str, str]:
        """The file dialog's title and the name of the files (“Rosters”)."""
        raise NotImplementedError

    def importing(self) -> tuple[str, ApplyFn[F, R]]:
        """The progress title of the import and the service that writes."""
        raise NotImplementedError

    def load(self, path: Path) -> bool:
        """Read and check ``path`` off the UI thread; False when refused or cancelled."""
        raise NotImplementedError

    def _refresh(self) -> None:
        raise NotImplementedError

    # -- choosing and reading the file ----------------------------------------------------
    def choose_file(self) -> str:
        """Ask for the workbook (tests replace ``QFileDialog.getOpenFileName``): the file
        read last is proposed again, so that a roster corrected in Excel is read again by
        选择文件 and Enter."""
        title, files = self.file_prompt()
        start = self.preview.path if self.preview else prompts.documents_dir()
        name, _filter = QFileDialog.getOpenFileName(self, title, str(start), open_filter(files))
        return name

    def pick_file(self) -> None:
        name = self.choose_file()
        if name:
            self.load(Path(name))

    def show_read(self, path: Path, preview: F | None) -> bool:
        """Show the ``preview`` read from ``path`` (None: refused or cancelled, said)."""
        if preview is None:
            return False
        self.preview = preview
        self.ui.fileEdit.setText(str(path))
        self._refresh()
        return True

    def on_duplicate(self) -> OnDuplicate:
        return "update" if self.ui.updateRadio.isChecked() else "skip"

    # -- writing --------------------------------------------------------------------------
    def start_import(self) -> R | None:
        preview = self.preview
        if preview is None:
            return None
        title, apply = self.importing()
        result = import_preview(
            self,
            title,
            imported=self.imported,
            apply=apply,
            db=self.ctx.db,
            preview=preview,
            on_duplicate=self.on_duplicate(),
        )
        if result is not None:
            self.last_result = result
        return result
