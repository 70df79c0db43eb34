"""组织关系转接 and 流动党员 dialogs: issue a letter of transfer, confirm its receipt, and
register a member's stay away."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QWidget

from pbc_desktop.domain.member_changes import letter_valid_until
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.member_changes import mobile, transfers
from pbc_desktop.ui.common.combos import fill_choices, searchable, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date, set_date, set_date_capped, to_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.masking import MaskedNumbers
from pbc_desktop.ui.forms.ui_mobile_member_dialog import Ui_MobileMemberDialog
from pbc_desktop.ui.forms.ui_transfer_in_dialog import Ui_TransferInDialog
from pbc_desktop.ui.forms.ui_transfer_out_dialog import Ui_TransferOutDialog
from pbc_desktop.ui.forms.ui_transfer_receive_dialog import Ui_TransferReceiveDialog
from pbc_desktop.ui.members.change_dialog import MemberChangeDialog


def _district_organizations(ctx: AppContext, combo: QComboBox, blank: str) -> None:
    """Every organization of the district (a transfer or a managing organization may be
    anywhere in it), typed to search; ``blank`` first."""
    searchable(combo)
    fill_choices(combo, orgs.choices(ctx.db, whole_district=True), blank)


class TransferOutDialog(MemberChangeDialog[Ui_TransferOutDialog]):
    """A letter to an organization of the district or to an outside unit; the number is
    the next of the year unless typed."""

    def __init__(
        self, ctx: AppContext, member_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, member_id, name, Ui_TransferOutDialog, parent)
        ui = self.ui
        self.setWindowTitle(self.tr("Letter of transfer: {0}").format(name))
        _district_organizations(ctx, ui.toOrganizationCombo, self.tr("(outside the district)"))
        ui.letterNumberEdit.setPlaceholderText(self.tr("Blank: the next number of the year"))
        set_date_capped(ui.issuedEdit, date.today())
        ui.validDaysSpin.setValue(30)
        ui.hintLabel.setText(
            self.tr(
                "The member stays on the roll until the receipt: the receiving organization "
                "confirms it here, or you record the receipt returned by an outside unit."
            )
        )
        self.field_widgets = {
            "to_organization": ui.toOrganizationCombo,
            "to_unit": ui.toUnitEdit,
            "letter_number": ui.letterNumberEdit,
            "occurred_on": ui.issuedEdit,  # the date of issue (shared checks)
            "valid_days": ui.validDaysSpin,
            "reason": ui.reasonEdit,
            "remark": ui.remarkEdit,
        }
        ui.toOrganizationCombo.setFocus()

    def save(self) -> int:
        ui = self.ui
        return transfers.issue_transfer(
            self.ctx.db,
            self.member_id,
            transfers.TransferInput(
                to_organization_id=ui.toOrganizationCombo.currentData(),
                to_unit=ui.toUnitEdit.text(),
                letter_number=ui.letterNumberEdit.text(),
                issued_on=to_date(ui.issuedEdit.date()),
                valid_days=ui.validDaysSpin.value(),
                reason=ui.reasonEdit.text(),
                remark=ui.remarkEdit.toPlainText(),
                version=self.read_version,
            ),
        )


class TransferReceiveDialog(FormDialog):
    """The date the transfer was received (today at most)."""

    def __init__(
        self, ctx: AppContext, row: transfers.TransferRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.transfer_id = row.id
        self.ui = self.use_form(Ui_TransferReceiveDialog)
        ui = self.ui
        self.setWindowTitle(self.tr("Receive the transfer: {0}").format(row.member_name))
        until = letter_valid_until(row.issued_on, row.valid_days)
        ui.transferLabel.setText(
            self.tr("{0}, from {1} to {2} (letter {3}, valid until {4})").format(
                row.member_name,
                row.from_organization,
                row.destination,
                row.letter_number,
                fmt_date(until),
            )
        )
        set_date_capped(ui.receivedEdit, date.today())
        self.field_widgets = {"received_on": ui.receivedEdit, "remark": ui.remarkEdit}
        ui.receivedEdit.setFocus()

    def save(self) -> int:
        transfers.receive_transfer(
            self.ctx.db,
            self.transfer_id,
            to_date(self.ui.receivedEdit.date()),
            self.ui.remarkEdit.toPlainText(),
        )
        return self.transfer_id


class MobileMemberDialog(MemberChangeDialog[Ui_MobileMemberDialog]):
    """Register a stay away: when, where, a phone, who manages the member meanwhile; with
    ``stay_id``, correct one registered before."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        name: str,
        parent: QWidget | None = None,
        *,
        stay_id: int | None = None,
    ) -> None:
        super().__init__(ctx, member_id, name, Ui_MobileMemberDialog, parent, versioned=False)
        ui = self.ui
        self.stay_id = stay_id
        self.masking = MaskedNumbers(
            self,
            ui.buttonBox,
            id_edit=None,
            phone_edit=ui.contactPhoneEdit,
            remark_edit=ui.remarkEdit,
            birth=None,
            button_name="stayShowPhone",
        )
        _district_organizations(ctx, ui.managingOrganizationCombo, self.tr("(none here)"))
        set_date_capped(ui.leftEdit, date.today())
        if stay_id is None:
            self.setWindowTitle(self.tr("Mobile Party member: {0}").format(name))
        else:
            self.setWindowTitle(self.tr("Change the stay away: {0}").format(name))
            data, self.read_version = mobile.get_stay(ctx.db, stay_id)
            if data.left_on is not None:
                set_date(ui.leftEdit, data.left_on)
            ui.whereaboutsEdit.setText(data.whereabouts or "")
            ui.contactPhoneEdit.setText(data.contact_phone or "")
            select_data(ui.managingOrganizationCombo, data.managing_organization_id, 0)
            ui.managingUnitEdit.setText(data.managing_unit or "")
            ui.remarkEdit.setPlainText(data.remark or "")
            self.masking.mask()
        self.field_widgets = {
            "left_on": ui.leftEdit,
            "whereabouts": ui.whereaboutsEdit,
            "contact_phone": ui.contactPhoneEdit,
            "managing_organization": ui.managingOrganizationCombo,
            "managing_unit": ui.managingUnitEdit,
            "remark": ui.remarkEdit,
        }
        ui.whereaboutsEdit.setFocus()

    def save(self) -> int:
        ui = self.ui
        data = mobile.StayInput(
            to_date(ui.leftEdit.date()),
            ui.whereaboutsEdit.text(),
            self.masking.text(ui.contactPhoneEdit),  # the stored one while masked
            ui.managingOrganizationCombo.currentData(),
            ui.managingUnitEdit.text(),
            self.masking.remark(),
        )
        if self.stay_id is None:
            return mobile.start_stay(self.ctx.db, self.member_id, data)
        mobile.update_stay(self.ctx.db, self.stay_id, data, self.read_version)
        return self.stay_id


class TransferInDialog(FormDialog):
    """A member whose letter comes from outside the district: the name, ID number and
    receiving organization (the rest is filled in the member editor afterwards), the unit
    the letter comes from and the day it was received."""

    def __init__(
        self, ctx: AppContext, organization_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = self.use_form(Ui_TransferInDialog)
        ui = self.ui
        searchable(ui.organizationCombo)
        fill_choices(ui.organizationCombo, orgs.choices(ctx.db))
        if organization_id is not None:
            select_data(ui.organizationCombo, organization_id)
        set_date_capped(ui.receivedEdit, date.today())
        ui.hintLabel.setText(
            self.tr(
                "A letter from within the district is received in “Letters of transfer”. "
                "Fill in the member's other details in the editor afterwards."
            )
        )
        self.field_widgets = {
            "name": ui.nameEdit,
            "id_number": ui.idEdit,
            "organization": ui.organizationCombo,
            "from_unit": ui.fromUnitEdit,
            "received_on": ui.receivedEdit,
            "remark": ui.remarkEdit,
        }
        ui.nameEdit.setFocus()

    def save(self) -> int:
        ui = self.ui
        return transfers.transfer_in_from_outside(
            self.ctx.db,
            MemberInput(
                name=ui.nameEdit.text(),
                id_number=ui.idEdit.text(),
                organization_id=ui.organizationCombo.currentData(),
            ),
            from_unit=ui.fromUnitEdit.text(),
            received_on=to_date(ui.receivedEdit.date()),
            remark=ui.remarkEdit.toPlainText(),
        )
