"""The dialog that adds or edits one party member (党员基本信息)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLineEdit,
    QWidget,
)

from pbc_desktop.domain import validation
from pbc_desktop.domain.enums import Gender, MemberCategory, MembershipStatus
from pbc_desktop.domain.member_changes import ON_ROLL_STATUSES, OrganizationMove
from pbc_desktop.domain.member_rules import EDUCATION_LEVELS, ETHNICITIES, MemberInput
from pbc_desktop.domain.privacy import mask_birth_date
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.services import member_editing
from pbc_desktop.services import organizations as orgs
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import (
    current_enum,
    fill_choices,
    fill_enum,
    searchable,
    select_data,
)
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date, to_date, to_qdate
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.masking import MaskedNumbers
from pbc_desktop.ui.forms.ui_member_dialog import Ui_MemberDialog

E = TypeVar("E", bound=StrEnum)

OLDEST_BIRTH = QDate(1900, 1, 1)
BIRTH_SUGGESTION = date(1970, 1, 1)  # where the birth date edit opens when none is known
_HINT_STYLE = "color: #666;"
_PROBLEM_STYLE = "color: #c0392b;"


class MemberDialog(FormDialog):
    """Fields are checked by ``services.member_editing``; refused input keeps the dialog open.

    Typing a valid ID number fills the birth date and sex while they are empty (or still
    hold what an earlier number filled in).

    Editing a member, the ID number and phone are shown masked and read-only unless
    ``unmasked`` (the tab shows them in full) or the user clicks "Show ID number and
    phone"; beside a masked ID number the birth date shows only its year (read-only), as
    ``domain.privacy`` requires. Saving a masked form keeps the stored numbers and date
    (``ui.common.masking``).
    """

    def __init__(
        self,
        ctx: AppContext,
        member_id: int | None = None,
        *,
        organization_id: int | None = None,
        unmasked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.ui = self.use_form(Ui_MemberDialog)
        self.setObjectName("memberDialog")
        self._auto_birth: date | None = None
        #: the stored member's organization (id, name) while on the roll: choosing
        #: another asks whether the member moved or it was entered wrong
        self._loaded_org: tuple[int, str] | None = None
        self._auto_gender: Gender | None = None
        ui = self.ui
        self._dates: dict[str, tuple[QCheckBox, QDateEdit]] = {
            "birth_date": (ui.birthCheck, ui.birthEdit),
            "joined_on": (ui.joinedCheck, ui.joinedEdit),
            "confirmed_on": (ui.confirmedCheck, ui.confirmedEdit),
        }
        self._set_up_widgets()
        self.field_widgets = {
            "name": ui.nameEdit,
            "id_number": ui.idEdit,
            "gender": ui.genderCombo,
            "birth_date": ui.birthEdit,
            "ethnicity": ui.ethnicityCombo,
            "native_place": ui.nativePlaceEdit,
            "education": ui.educationCombo,
            "phone": ui.phoneEdit,
            "organization": ui.organizationCombo,
            "category": ui.categoryCombo,
            "status": ui.statusCombo,
            "joined_on": ui.joinedEdit,
            "confirmed_on": ui.confirmedEdit,
            "party_post": ui.partyPostEdit,
            "work_unit": ui.workUnitEdit,
            "remark": ui.remarkEdit,
        }
        ui.idEdit.textChanged.connect(self._on_id_changed)
        ui.categoryCombo.currentIndexChanged.connect(self._update_confirmed_row)
        self.masking = MaskedNumbers(
            self,
            ui.buttonBox,
            id_edit=ui.idEdit,
            phone_edit=ui.phoneEdit,
            remark_edit=ui.remarkEdit,
            birth=self._dates["birth_date"],
            button_name="memberShowNumbers",
        )
        self.show_numbers_button = self.masking.button
        self.masking.revealed.connect(lambda: self._on_id_changed(self.ui.idEdit.text()))
        if member_id is None:
            self.setWindowTitle(self.tr("New party member"))
            if organization_id is not None:
                self._select_organization(organization_id)
        else:
            self.setWindowTitle(self.tr("Edit party member"))
            self._load(member_editing.get_member_input(ctx.db, member_id))
            if not unmasked:
                self.masking.mask()
        self._update_confirmed_row()
        self._on_id_changed(self._text(ui.idEdit))
        ui.nameEdit.setFocus()

    # -- set-up ------------------------------------------------------------------------------
    def _set_up_widgets(self) -> None:
        ui = self.ui
        fill_enum(ui.genderCombo, Gender)
        ui.genderCombo.setPlaceholderText(self.tr("From the ID number"))
        ui.genderCombo.setCurrentIndex(-1)
        fill_enum(ui.categoryCombo, MemberCategory)
        # on the roll (正常, 失联); leaving is a change of its own (党员减少)
        fill_enum(ui.statusCombo, [m for m in MembershipStatus if m in ON_ROLL_STATUSES])
        ui.ethnicityCombo.addItems(list(ETHNICITIES))
        ui.educationCombo.addItems(list(EDUCATION_LEVELS))
        searchable(ui.ethnicityCombo, 20)
        searchable(ui.educationCombo, 20)
        for combo in (ui.ethnicityCombo, ui.educationCombo):
            combo.setCurrentIndex(-1)
        combo = ui.organizationCombo
        searchable(combo)
        fill_choices(combo, orgs.choices(self.ctx.db), "")
        combo.setCurrentIndex(0)
        line_edit = combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Type part of the name to search"))
        today = QDate.currentDate()
        for check, edit in self._dates.values():
            edit.setMinimumDate(OLDEST_BIRTH)
            edit.setMaximumDate(today)
            edit.setDate(today)
            check.toggled.connect(edit.setEnabled)
        ui.birthEdit.setDate(to_qdate(BIRTH_SUGGESTION))
        ui.idHintLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._align_label_columns()

    def _align_label_columns(self) -> None:
        """The two groups' label columns get one width, so their fields line up."""
        grids = (self.ui.personalLayout, self.ui.partyLayout)
        for column in (0, 2):
            width = 0
            for grid in grids:
                for row in range(grid.rowCount()):
                    item = grid.itemAtPosition(row, column)
                    widget = item.widget() if item is not None else None
                    if widget is not None:
                        width = max(width, widget.sizeHint().width())
            for grid in grids:
                grid.setColumnMinimumWidth(column, width)

    def _select_organization(self, organization_id: int) -> None:
        combo = self.ui.organizationCombo
        select_data(combo, organization_id, otherwise=0)

    def _set_date(self, key: str, value: date | None) -> None:
        check, edit = self._dates[key]
        check.setChecked(value is not None)
        if value is not None:
            edit.setDate(to_qdate(value))

    def _load(self, data: MemberInput) -> None:
        ui = self.ui
        self.read_version = data.version
        ui.nameEdit.setText(data.name)
        select_data(ui.genderCombo, data.gender, otherwise=-1)
        self._set_date("birth_date", data.birth_date)
        ui.ethnicityCombo.setEditText(data.ethnicity or "")
        ui.nativePlaceEdit.setText(data.native_place or "")
        ui.educationCombo.setEditText(data.education or "")
        ui.phoneEdit.setText(data.phone or "")
        if data.organization_id is not None:
            self._select_organization(data.organization_id)
            if data.status is None or data.status in ON_ROLL_STATUSES:
                self._loaded_org = (data.organization_id, ui.organizationCombo.currentText())
        select_data(ui.categoryCombo, data.category, otherwise=-1)
        if data.status is not None and data.status not in ON_ROLL_STATUSES:
            ui.statusCombo.addItem(label(data.status), data.status)  # as it is, not editable
            ui.statusCombo.setEnabled(False)
        select_data(ui.statusCombo, data.status, otherwise=-1)
        self._set_date("joined_on", data.joined_on)
        self._set_date("confirmed_on", data.confirmed_on)
        ui.partyPostEdit.setText(data.party_post or "")
        ui.workUnitEdit.setText(data.work_unit or "")
        ui.remarkEdit.setPlainText(data.remark or "")
        ui.idEdit.setText(data.id_number or "")  # last: the birth date and sex are loaded

    def _text(self, edit: QLineEdit) -> str:
        """What ``edit`` holds, or stands for while masked."""
        return self.masking.text(edit)

    # -- behaviour ---------------------------------------------------------------------------
    def _update_confirmed_row(self) -> None:
        """A probationary member (预备党员) has no confirmation date yet."""
        probationary = current_enum(self.ui.categoryCombo, MemberCategory) == (
            MemberCategory.PROBATIONARY
        )
        check, edit = self._dates["confirmed_on"]
        check.setEnabled(not probationary)
        edit.setEnabled(not probationary and check.isChecked())

    def _show_id_hint(self, text: str, style: str) -> None:
        self.ui.idHintLabel.setText(text)
        self.ui.idHintLabel.setStyleSheet(style)
        self.ui.idHintLabel.setVisible(bool(text))

    def _on_id_changed(self, text: str) -> None:
        number = validation.normalise_id_number(text)
        if len(number) < 18:
            self._show_id_hint("", "")
            return
        problem = validation.id_number_error(number)
        birth = validation.birth_date_from_id(number)
        gender = validation.gender_from_id(number)
        if problem or birth is None or gender is None:
            self._show_id_hint(problem or "", _PROBLEM_STYLE)
            return
        shown = mask_birth_date(birth) if self.masking.birth_masked() else fmt_date(birth)
        self._show_id_hint(self.tr("Born on {0}, {1}").format(shown, label(gender)), _HINT_STYLE)
        check, edit = self._dates["birth_date"]
        if not check.isChecked() or self._date_of("birth_date") == self._auto_birth:
            check.setChecked(True)
            edit.setDate(to_qdate(birth))
            self._auto_birth = birth
        current = current_enum(self.ui.genderCombo, Gender)
        if current is None or current == self._auto_gender:
            select_data(self.ui.genderCombo, gender, otherwise=-1)
            self._auto_gender = gender

    # -- reading the form --------------------------------------------------------------------
    def _date_of(self, key: str) -> date | None:
        check, edit = self._dates[key]
        masked = key == "birth_date" and self.masking.birth_masked()  # disabled, still held
        return to_date(edit.date()) if check.isChecked() and (masked or check.isEnabled()) else None

    def _organization_id(self) -> int | None:
        """The chosen organization; ``None`` when the text names none (see :meth:`save`)."""
        combo = self.ui.organizationCombo
        text = combo.currentText().strip()
        if not text:
            return None
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        data = combo.itemData(index) if index > 0 else None
        return int(data) if data is not None else None

    def input(self) -> MemberInput:
        """What the form holds, as the service's input."""
        ui = self.ui
        return MemberInput(
            name=ui.nameEdit.text(),
            organization_id=self._organization_id(),
            id_number=self._text(ui.idEdit),
            gender=current_enum(ui.genderCombo, Gender),
            ethnicity=ui.ethnicityCombo.currentText(),
            birth_date=self._date_of("birth_date"),
            native_place=ui.nativePlaceEdit.text(),
            education=ui.educationCombo.currentText(),
            joined_on=self._date_of("joined_on"),
            confirmed_on=self._date_of("confirmed_on"),
            category=current_enum(ui.categoryCombo, MemberCategory) or MemberCategory.FULL,
            party_post=ui.partyPostEdit.text(),
            work_unit=ui.workUnitEdit.text(),
            phone=self._text(ui.phoneEdit),
            status=current_enum(ui.statusCombo, MembershipStatus) or MembershipStatus.NORMAL,
            remark=self.masking.remark(),
            version=self.read_version,
        )

    def _unknown_organization(self, error: ValidationError) -> ValidationError:
        """``error`` saying which typed organization name is unknown, when one was typed."""
        text = self.ui.organizationCombo.currentText().strip()
        if not text or self._organization_id() is not None:
            return error
        message = self.tr("No organization is named “{0}”; choose one from the list.").format(text)
        return ValidationError(
            [replace(e, message=message) if e.field == "organization" else e for e in error.errors]
        )

    def _ask_move(self, name: str, old_name: str) -> OrganizationMove | None:
        """How a member on the roll comes to the chosen organization (None: not now, the
        dialog stays open): moved there (组织关系转接, counted in the party statistics as
        转出 and 转入 today), or the old one was entered wrong (更正录入错误)."""
        new_name = self.ui.organizationCombo.currentText().strip()
        return messages.choose(
            self,
            self.tr("Change of organization"),
            self.tr(
                "The organization of {0} is changed from “{1}” to “{2}”. Did the member "
                "move to the new organization, or was the old one entered by mistake?"
            ).format(name.strip(), old_name, new_name),
            [
                (OrganizationMove.TRANSFER, self.tr("The member moved (transfer)")),
                (OrganizationMove.CORRECTION, self.tr("Entered by mistake (correct it)")),
            ],
            detail=self.tr(
                "A transfer is counted in the party statistics as transferred out of “{0}” "
                "and into “{1}” today, and shown in the member's changes. Correct an entry "
                "error only when the member never belonged to “{0}”: no transfer is "
                "recorded."
            ).format(old_name, new_name),
        )

    def save(self) -> int | None:
        data = self.input()
        try:
            if self.member_id is None:
                return member_editing.create_member(self.ctx.db, data)
            move = None
            loaded, new_id = self._loaded_org, data.organization_id
            if loaded is not None and new_id is not None and new_id != loaded[0]:
                refused = member_editing.move_refusal(self.ctx.db, self.member_id)
                if refused is not None:  # either answer would be refused: not asked
                    raise ValidationError([FieldError("organization", refused)])
                move = self._ask_move(data.name, loaded[1])
                if move is None:
                    return None
            member_editing.update_member(self.ctx.db, self.member_id, data, move=move)
        except ValidationError as error:
            raise self._unknown_organization(error) from error
        return self.member_id

    def error_text(self) -> str:
        return "" if self.ui.errorLabel.isHidden() else self.ui.errorLabel.text()
