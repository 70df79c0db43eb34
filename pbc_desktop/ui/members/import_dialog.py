"""Import party members from an Excel roster: choose the file, see every bad row, import.

Reading and writing run off the UI thread with progress and cancel (``ui.worker``). The
preview shows the counts and every bad row with its reason before anything is written;
the options are re-checked on the rows already read, without reading the file again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from pbc_desktop.domain.member_changes import OrganizationMove
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import member_import as svc
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.excel_import import (
    ApplyFn,
    ExcelImportDialog,
    read_file,
    set_import_button,
)
from pbc_desktop.ui.members import exports as member_exports
from pbc_desktop.ui.members.org_mapping_dialog import OrgMappingDialog


class MemberImportDialog(ExcelImportDialog[svc.ImportPreview, svc.ImportResult]):
    """``imported`` carries the :class:`~pbc_desktop.services.member_import.ImportResult`
    once members were written, so the members tab can reload."""

    # The file is read and checked in a child process (python-calamine would hold the
    # interpreter lock, and so the window, while it parses the sheet).
    read_in_child = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("MemberImportDialog")
        ui = self.ui
        self.set_form(
            self.tr("Import party members from Excel"),
            self.tr(
                "Choose an Excel workbook (.xlsx, .xls), an OpenDocument spreadsheet (.ods) "
                "or a CSV file with one member per row. The header row may be anywhere in the "
                "first 10 rows and must name the columns 姓名, 身份证号 and 所在党组织; the "
                "columns may come in any order and other columns are ignored. Nothing is "
                "saved before you click Import."
            ),
            self.tr("Members already present (same ID number):"),
        )
        # the form a first roster is typed into, where the import is (as the organizations')
        ui.templateButton.clicked.connect(lambda: member_exports.save_template(self))
        ui.createOrgsCheck.toggled.connect(self._create_orgs_toggled)
        ui.applicantsCheck.toggled.connect(self._applicants_toggled)
        # the members the file puts in another organization: corrected unless told
        ui.correctionRadio.setChecked(svc.DEFAULT_MOVE is OrganizationMove.CORRECTION)
        ui.transferRadio.setChecked(svc.DEFAULT_MOVE is OrganizationMove.TRANSFER)
        ui.transferRadio.toggled.connect(self._move_toggled)
        ui.sheetCombo.activated.connect(self._sheet_chosen)
        ui.mapOrgsButton.clicked.connect(self.map_orgs)
        # The organization mapping the user confirmed for the file read (name → stored).
        self.org_map: dict[str, str] = {}
        self._refresh()

    # -- choosing and reading the file ----------------------------------------------------
    def file_prompt(self) -> tuple[str, str]:
        return self.tr("Choose the member roster"), self.tr("Rosters")

    def load(self, path: Path, sheet: str | None = None) -> bool:
        """Read and check ``path`` (its sheet ``sheet``, or the one the service finds) off
        the UI thread; False when refused or cancelled. Another file starts without the
        organization mapping of the last one."""
        db = self.ctx.db
        create_orgs = self.ui.createOrgsCheck.isChecked()
        applicants = self.ui.applicantsCheck.isChecked()
        move = self.chosen_move()
        if self.preview is None or path != self.preview.path:
            self.org_map = {}
        org_map = dict(self.org_map)

        def job(progress: ProgressFn, cancelled: CancelFn) -> svc.ImportPreview:
            return (
                svc.read_members(
                    db,
                    path,
                    create_orgs=create_orgs,
                    sheet=sheet,
                    org_map=org_map,
                    progress=progress,
                    cancelled=cancelled,
                    in_child=self.read_in_child,
                )
                .with_applicants(applicants)
                .with_move(move)
            )

        return self.show_read(path, read_file(self, self.tr("Reading the roster..."), job))

    def _sheet_chosen(self, index: int) -> None:
        """Another of the sheets that look like rosters: read it instead."""
        preview = self.preview
        name = self.ui.sheetCombo.itemText(index)
        if preview is not None and name != preview.sheet and not self.load(preview.path, name):
            self._refresh()  # back to the sheet still shown

    # -- the organization mapping step ----------------------------------------------------
    def map_orgs(self) -> bool:
        """Ask which close organizations are the same (the mapping step), then read the
        file again with them; False when nothing was mapped."""
        preview = self.preview
        if preview is None or not preview.org_suggestions:
            return False
        dialog = OrgMappingDialog(preview.org_suggestions, self)
        if self.exec_mapping(dialog) != QDialog.DialogCode.Accepted:
            return False
        chosen = dialog.mapping()
        if not chosen:
            return False
        before = dict(self.org_map)
        self.org_map.update(chosen)
        if not self.load(preview.path, preview.sheet):
            self.org_map = before
            return False
        return True

    def exec_mapping(self, dialog: OrgMappingDialog) -> int:
        """Run the mapping step (tests answer it instead)."""
        return dialog.exec()

    # -- options --------------------------------------------------------------------------
    def _create_orgs_toggled(self, checked: bool) -> None:
        if self.preview is not None:
            self.preview = self.preview.with_create_orgs(checked)
        self._refresh()

    def _applicants_toggled(self, checked: bool) -> None:
        if self.preview is not None:
            self.preview = self.preview.with_applicants(checked)
        self._refresh()

    def chosen_move(self) -> OrganizationMove:
        """How the members already stored that the file puts in another organization are
        moved, updated: transferred within the district, or their entry corrected."""
        if self.ui.transferRadio.isChecked():
            return OrganizationMove.TRANSFER
        return OrganizationMove.CORRECTION

    def _move_toggled(self) -> None:
        if self.preview is not None:
            self.preview = self.preview.with_move(self.chosen_move())
        self._refresh()

    # -- the preview ----------------------------------------------------------------------
    def _refresh(self) -> None:
        ui = self.ui
        preview = self.preview
        if preview is None:
            self.show_no_file()
            for widget in (
                ui.newOrgsLabel,
                ui.sheetLabel,
                ui.sheetCombo,
                ui.noticeLabel,
                ui.columnsLabel,
                ui.mapOrgsLabel,
                ui.mapOrgsButton,
                ui.applicantsLabel,
                ui.movesWidget,
            ):
                widget.setVisible(False)
            ui.applicantsCheck.setEnabled(False)
            return
        on_duplicate, counts, bad = self.show_counts(
            preview,
            self.tr(
                "Sheet “{0}”, header on row {1}: {2} rows read. {3} new members, "
                "{4} already present, {5} rows with errors."
            ),
        )
        self._show_sheets(preview)
        missing = preview.missing_orgs
        if preview.create_orgs and missing:
            text = self.tr(
                "These organizations will be created (check their kind, level and town "
                "afterwards in the organizations tab): {0}"
            ).format("、".join(preview.orgs_to_create(on_duplicate)))
        elif missing:
            text = self.tr("{0} organizations named in the file do not exist yet.").format(
                len(missing)
            )
        else:
            text = ""
        ui.newOrgsLabel.setText(text)
        ui.newOrgsLabel.setVisible(bool(text))
        self._show_mapping(preview)
        ui.createOrgsCheck.setEnabled(bool(missing) or ui.createOrgsCheck.isChecked())
        writes = counts.new + (counts.duplicates if on_duplicate == "update" else 0)
        valid = counts.new + counts.duplicates
        if preview.applicants:
            writes += counts.applicants + (
                counts.applicants_present if on_duplicate == "update" else 0
            )
            valid += counts.people
        self._show_applicants(preview, counts)
        self._show_moves(preview, counts, on_duplicate)
        set_import_button(
            ui.importButton,
            writes,
            bool(bad) or valid < counts.total,
            valid,
            counts.total,
        )

    def _show_applicants(self, preview: svc.ImportPreview, counts: svc.ImportCounts) -> None:
        """The rows of applicants, activists and candidates: offered, or what importing
        them will do; the choice only when the file has such rows."""
        ui = self.ui
        people = counts.people
        ui.applicantsCheck.setEnabled(bool(people) or ui.applicantsCheck.isChecked())
        if not people:
            text = ""
        elif preview.applicants:
            text = self.tr(
                "{0} applicants, activists and candidates will be entered as development "
                "records at their stage ({1} of them already entered)."
            ).format(people, counts.applicants_present)
        else:
            text = self.tr(
                "{0} rows are applicants, activists or candidates; they can be imported as "
                "development records."
            ).format(people)
        ui.applicantsLabel.setText(text)
        ui.applicantsLabel.setVisible(bool(text))

    def _show_moves(
        self, preview: svc.ImportPreview, counts: svc.ImportCounts, on_duplicate: str
    ) -> None:
        """How many members already stored the file puts in another organization, and
        the choice of how they are moved (updated only; skipped, they stay)."""
        ui = self.ui
        moving = preview.moving()
        ui.movesWidget.setVisible(bool(moving))
        if not moving:
            return
        update = on_duplicate == "update"
        for radio in (ui.correctionRadio, ui.transferRadio):
            radio.setEnabled(update)
        if not update:
            text = self.tr(
                "{0} members already present are in another organization in the file; "
                "skipped, they stay where they are. Updated, they are moved as:"
            ).format(moving)
        elif counts.moves < moving:  # the rows refused said before the choice, not after
            text = self.tr(
                "{0} members already present will be put in the organization of the file "
                "({1} cannot be moved so: see the rows with errors), as:"
            ).format(counts.moves, moving - counts.moves)
        else:
            text = self.tr(
                "{0} members already present will be put in the organization of the file, as:"
            ).format(counts.moves)
        ui.movesLabel.setText(text)

    def _show_sheets(self, preview: svc.ImportPreview) -> None:
        """The sheet choice when several sheets look like rosters, and the notices."""
        ui = self.ui
        several = len(preview.sheets) > 1
        ui.sheetCombo.blockSignals(True)
        ui.sheetCombo.clear()
        ui.sheetCombo.addItems(list(preview.sheets))
        ui.sheetCombo.setCurrentText(preview.sheet)
        ui.sheetCombo.blockSignals(False)
        ui.sheetLabel.setVisible(several)
        ui.sheetCombo.setVisible(several)
        ui.noticeLabel.setText("\n".join(preview.notices))
        ui.noticeLabel.setVisible(bool(preview.notices))
        ignored = "、".join(preview.ignored_headers)
        ui.columnsLabel.setText(self.tr("Columns not imported: {0}").format(ignored))
        ui.columnsLabel.setVisible(bool(ignored))

    def _show_mapping(self, preview: svc.ImportPreview) -> None:
        """The organizations mapped, and the mapping step when some are close to one."""
        ui = self.ui
        lines = [
            self.tr("“{0}” in the file is imported into “{1}”.").format(source, target)
            for source, target in preview.org_map
        ]
        close = preview.org_suggestions
        if close:
            lines.append(
                self.tr(
                    "{0} organizations of the file are close to stored ones (e.g. “{1}” "
                    "and “{2}”); map those that are the same."
                ).format(len(close), close[0][0], close[0][1])
            )
        ui.mapOrgsLabel.setText("\n".join(lines))
        ui.mapOrgsLabel.setVisible(bool(lines))
        ui.mapOrgsButton.setVisible(bool(close))

    # -- writing --------------------------------------------------------------------------
    def importing(self) -> tuple[str, ApplyFn[svc.ImportPreview, svc.ImportResult]]:
        return self.tr("Importing members..."), svc.apply_import
