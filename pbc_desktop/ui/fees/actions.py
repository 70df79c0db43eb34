"""党费 menu of the main window: the monthly collection sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbc_desktop.ui.common.menu_actions import MenuActions, MenuHost


class FeeActions(MenuActions[MenuHost]):
    def __init__(self, host: MenuHost, parent: QWidget) -> None:
        super().__init__(host, parent, "mainFeesMenu")
        self.menu.setTitle(self.tr("Party &fees"))
        self.action_collection = self.add_entry(
            "mainFeeCollection", self.tr("Monthly &collection..."), self.open_collection
        )

    def open_collection(self) -> None:
        from pbc_desktop.ui.fees.window import FeeCollectionWindow

        self.open_window(FeeCollectionWindow)
