"""This office's name, level and place in the organization tree on a form: the first
administrator's dialog asks them with the account, the set-up dialog on their own.

The widgets are the form's (from its ``.ui`` or built in code); this wires them: the level
decides whether the organization (a village office) or the town (a town office) applies,
and until the clerk types a name of their own the name follows the organization or the
town chosen. :meth:`OfficeForm.problems` names every refused field at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.offices import CODE_MAX, NAME_MAX
from pbc_desktop.errors import FieldError
from pbc_desktop.services import scope
from pbc_desktop.services.communities import organization_choices
from pbc_desktop.services.exchange import offices
from pbc_desktop.ui.common.combos import current_enum, fill_choices, fill_enum, select_data

#: the levels in the order clerks meet them: most offices are villages
LEVELS = (OrgLevel.VILLAGE, OrgLevel.TOWN, OrgLevel.DISTRICT)


class OfficeForm(QObject):
    def __init__(
        self,
        db: Database,
        *,
        name_edit: QLineEdit,
        level_combo: QComboBox,
        organization_combo: QComboBox,
        town_combo: QComboBox,
        code_edit: QLineEdit | None = None,
    ) -> None:
        super().__init__(name_edit)
        self.name_edit = name_edit
        self.level_combo = level_combo
        self.organization_combo = organization_combo
        self.town_combo = town_combo
        self.code_edit = code_edit
        self._suggested = ""  # the name last filled in for the clerk
        name_edit.setMaxLength(NAME_MAX)
        if code_edit is not None:
            code_edit.setMaxLength(CODE_MAX)
        fill_enum(level_combo, LEVELS, blank=self.tr("(choose)"))
        fill_choices(
            organization_combo,
            organization_choices(db, limit=5000),
            blank=self.tr("(not in the registry yet)"),
        )
        town_combo.setEditable(True)
        town_combo.addItems(scope.towns(db))
        town_combo.setCurrentIndex(-1)
        town_combo.setEditText("")
        level_combo.currentIndexChanged.connect(self._level_changed)
        organization_combo.currentIndexChanged.connect(self._suggest_name)
        town_combo.editTextChanged.connect(self._suggest_name)
        self._level_changed()

    def show(self, setup: offices.OfficeSetup) -> None:
        """Fill the form with an office as it is set up (to change it)."""
        self.level_combo.setCurrentIndex(self.level_combo.findData(setup.level.value))
        select_data(self.organization_combo, setup.organization_id, otherwise=0)
        self.town_combo.setEditText(setup.town or "")
        self.name_edit.setText(setup.name)
        self._suggested = ""  # the office's own name: kept unless the clerk changes it
        if self.code_edit is not None:
            self.code_edit.setText(setup.code)

    @property
    def level(self) -> OrgLevel | None:
        return current_enum(self.level_combo, OrgLevel)

    def _level_changed(self) -> None:
        level = self.level
        self.organization_combo.setEnabled(level is OrgLevel.VILLAGE)
        self.town_combo.setEnabled(level is OrgLevel.TOWN)
        self._suggest_name()

    def _suggestion(self) -> str:
        level = self.level
        if level is OrgLevel.VILLAGE and self.organization_combo.currentData() is not None:
            return self.organization_combo.currentText()
        town = self.town_combo.currentText().strip()
        if level is OrgLevel.TOWN and town:
            return self.tr("{town} Party committee").format(town=town)
        return ""

    def _suggest_name(self) -> None:
        """Follow the organization or the town, unless the clerk typed a name of their own."""
        current = self.name_edit.text().strip()
        if current and current != self._suggested:
            return
        self._suggested = self._suggestion()
        self.name_edit.setText(self._suggested)

    def setup(self) -> offices.OfficeSetup | None:
        """The office as filled in (None while no level is chosen)."""
        level = self.level
        if level is None:
            return None
        return offices.OfficeSetup(
            self.name_edit.text(),
            level,
            self.code_edit.text() if self.code_edit is not None else "",
            organization_id=(
                self.organization_combo.currentData() if level is OrgLevel.VILLAGE else None
            ),
            town=self.town_combo.currentText() if level is OrgLevel.TOWN else None,
        )

    def problems(self, prefix: str = "") -> list[FieldError]:
        """Every refused field (its name after ``prefix``), nothing written."""
        setup = self.setup()
        errors: list[FieldError] = []
        if setup is None:
            errors.append(FieldError("level", self.tr("Choose this office's level.")))
            setup = offices.OfficeSetup(self.name_edit.text(), OrgLevel.VILLAGE)
        errors.extend(offices.check_office(setup))
        order = list(self.field_widgets())
        errors.sort(key=lambda e: order.index(e.field) if e.field in order else len(order))
        return [FieldError(prefix + e.field, e.message) for e in errors]

    def field_widgets(self, prefix: str = "") -> dict[str, QWidget]:
        widgets: dict[str, QWidget] = {  # in the forms' order
            "level": self.level_combo,
            "organization": self.organization_combo,
            "town": self.town_combo,
            "name": self.name_edit,
        }
        if self.code_edit is not None:
            widgets["code"] = self.code_edit
        return {prefix + k: v for k, v in widgets.items()}
