"""文件 → 从 Excel 导入党组织: choose the list, see every bad row, import.

As the member import: reading and writing run off the UI thread with progress and cancel
(``ui.worker``); the preview shows the counts and each bad row before anything is
written, and the duplicate option is re-checked on the rows already read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from pbc_desktop.errors import UserError
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import organization_import as svc
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.excel_import import (
    ApplyFn,
    ExcelImportDialog,
    read_file,
    set_import_button,
)

TEMPLATE_NAME = "党组织信息表.xlsx"


class OrganizationImportDialog(ExcelImportDialog[svc.OrgImportPreview, svc.OrgImportResult]):
    """``imported`` carries the :class:`~pbc_desktop.services.organization_import.
    OrgImportResult` once organizations were written, so the window can reload."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("organizationsImportDialog")
        ui = self.ui
        self.set_form(
            self.tr("Import Party organizations from Excel"),
            self.tr(
                "Choose an Excel workbook (.xlsx, .xls), an OpenDocument spreadsheet (.ods) "
                "or a CSV file with one Party organization per row. The header row may be "
                "anywhere in the first 10 rows and must name the columns 党组织名称, 党组织类别 "
                "and 所属领域; 上级党组织 may name another row of the sheet (in any order) or "
                "an organization already stored. Nothing is saved before you click Import."
            ),
            self.tr("Party organizations already present (same name):"),
            self.tr("Organization"),
        )
        # A list of organizations has one sheet and names no organizations to create or
        # map, nor applicants: the roster's parts of the form stay hidden.
        for widget in (
            ui.sheetLabel,
            ui.sheetCombo,
            ui.columnsLabel,
            ui.createOrgsCheck,
            ui.newOrgsLabel,
            ui.mapOrgsLabel,
            ui.mapOrgsButton,
            ui.applicantsCheck,
            ui.applicantsLabel,
            ui.movesWidget,
        ):
            widget.setVisible(False)
        ui.templateButton.clicked.connect(self.save_template)
        self._refresh()

    # -- the template ---------------------------------------------------------------------
    def choose_template_path(self) -> str:
        """Where to save the template (tests replace ``QFileDialog.getSaveFileName``)."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the organization list template"),
            str(prompts.documents_dir() / TEMPLATE_NAME),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        return name

    def save_template(self) -> None:
        name = self.choose_template_path()
        if not name:
            return
        try:
            path = svc.write_org_template(Path(name))
        except UserError as error:
            messages.show_user_error(self, error)
            return
        messages.information(
            self,
            self.tr("Template saved"),
            self.tr("The empty organization list was saved to {0}.").format(path),
        )

    # -- choosing and reading the file ----------------------------------------------------
    def file_prompt(self) -> tuple[str, str]:
        return self.tr("Choose the organization list"), self.tr("Organization lists")

    def load(self, path: Path) -> bool:
        """Read and check ``path`` off the UI thread; False when refused or cancelled."""
        db = self.ctx.db

        def job(progress: ProgressFn, cancelled: CancelFn) -> svc.OrgImportPreview:
            return svc.read_organizations(db, path, progress=progress, cancelled=cancelled)

        return self.show_read(
            path, read_file(self, self.tr("Reading the organization list..."), job)
        )

    # -- the preview ----------------------------------------------------------------------
    def _refresh(self) -> None:
        ui = self.ui
        preview = self.preview
        if preview is None:
            self.show_no_file()
            ui.noticeLabel.setVisible(False)
            return
        on_duplicate, counts, bad = self.show_counts(
            preview,
            self.tr(
                "Sheet “{0}”, header on row {1}: {2} rows read. {3} new organizations, "
                "{4} already present, {5} rows with errors."
            ),
        )
        ignored = "、".join(preview.ignored_headers)
        ui.noticeLabel.setText(self.tr("Columns not read: {0}").format(ignored) if ignored else "")
        ui.noticeLabel.setVisible(bool(ignored))
        writes = counts.new + (counts.duplicates if on_duplicate == "update" else 0)
        set_import_button(ui.importButton, writes, bool(bad), writes, writes)

    # -- writing --------------------------------------------------------------------------
    def importing(self) -> tuple[str, ApplyFn[svc.OrgImportPreview, svc.OrgImportResult]]:
        return self.tr("Importing organizations..."), svc.apply_org_import
