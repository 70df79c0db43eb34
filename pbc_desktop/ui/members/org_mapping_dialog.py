"""The member import's mapping step: the organizations of a roster that do not exist but
are close to one that does (大溪坝党总支, 大溪坝村党总支), each ticked by the user to be
imported into the stored one. Nothing is mapped unless ticked and confirmed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.forms.ui_org_mapping_dialog import Ui_OrgMappingDialog

FILE_NAME, STORED_NAME = range(2)


class OrgMappingDialog(FittedDialog):
    """``suggestions`` are (name in the file, close stored name) pairs; :meth:`mapping`
    gives the ticked ones once the dialog is accepted."""

    def __init__(
        self, suggestions: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OrgMappingDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Apply the ticked mappings"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        table = ui.mappingTable
        table.setRowCount(len(suggestions))
        for row, (source, target) in enumerate(suggestions):
            item = QTableWidgetItem(source)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            table.setItem(row, FILE_NAME, item)
            table.setItem(row, STORED_NAME, QTableWidgetItem(target))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)

    def set_ticked(self, row: int, ticked: bool) -> None:
        """Tick or untick ``row`` (as a click on its box does)."""
        item = self.ui.mappingTable.item(row, FILE_NAME)
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def mapping(self) -> dict[str, str]:
        """The ticked rows: name in the file → stored name."""
        table = self.ui.mappingTable
        out: dict[str, str] = {}
        for row in range(table.rowCount()):
            source, target = table.item(row, FILE_NAME), table.item(row, STORED_NAME)
            assert source is not None
            assert target is not None
            if source.checkState() == Qt.CheckState.Checked:
                out[source.text()] = target.text()
        return out
