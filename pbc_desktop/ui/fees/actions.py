"""党费 menu of the main window: the monthly collection sheet, and the rates (the district)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.ui.common.menu_actions import MenuActions, MenuHost


class FeeActions(MenuActions[MenuHost]):
    def __init__(self, host: MenuHost, parent: QWidget) -> None:
        super().__init__(host, parent, "mainFeesMenu")
        self.menu.setTitle(self.tr("Party d&ues"))
        self.action_collection = self.add_entry(
            "mainFeeCollection", self.tr("Monthly &collection..."), self.open_collection
        )
        self.action_rates = self.add_entry(
            "mainFeeRates", self.tr("Fee &rates..."), self.open_rates
        )
        self.menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        """The rates are the district's: offered to the accounts that may set them."""
        allowed = self._host.ctx.db.user.can(Permission.DISTRICT_RULES)
        self.action_rates.setVisible(allowed)
        self.action_rates.setEnabled(allowed)

    def open_collection(self) -> None:
        from pbc_desktop.ui.fees.window import FeeCollectionWindow

        self.open_window(FeeCollectionWindow)

    def open_rates(self) -> None:
        from pbc_desktop.ui.fees.rates_window import FeeRatesWindow

        self.open_window(FeeRatesWindow)
