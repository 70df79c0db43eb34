"""文件 → 数据交换 → 本单位: this office (set up by an administrator the first time), its
fingerprint in large type, its card saved or printed; and the registered offices, with
登记单位 from a card file after comparing the fingerprint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.offices import CardError, card_from_json, card_to_json
from pbc_desktop.errors import UserError, ValidationError
from pbc_desktop.files import atomic_output
from pbc_desktop.lang import language
from pbc_desktop.services.communities import organization_choices
from pbc_desktop.services.exchange import offices
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.combos import current_enum, fill_choices, fill_enum
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.views import close_buttons, fill_table, make_item_table
from pbc_desktop.ui.common.write_guard import WriteGuard

CARD_FILTER = "*.pbccard"


class OfficeDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exchangeOfficeDialog")
        self.setWindowTitle(self.tr("Offices"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("exchangeOfficeSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("exchangeOfficeFingerprint")
        font = self.fingerprint.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setFamily("monospace")
        self.fingerprint.setFont(font)
        layout.addWidget(self.fingerprint)
        row = QHBoxLayout()
        self.setup_button = QPushButton(self.tr("&Set up this office..."), self)
        self.setup_button.setObjectName("exchangeOfficeSetup")
        self.card_button = QPushButton(self.tr("Save the &card..."), self)
        self.card_button.setObjectName("exchangeOfficeCard")
        self.print_button = QPushButton(self.tr("Card as &PDF..."), self)
        self.print_button.setObjectName("exchangeOfficePrint")
        self.register_button = QPushButton(self.tr("&Register an office..."), self)
        self.register_button.setObjectName("exchangeOfficeRegister")
        for button in (
            self.setup_button,
            self.card_button,
            self.print_button,
            self.register_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = make_item_table(
            self,
            "exchangeOfficeTable",
            [self.tr("Office"), self.tr("Level"), self.tr("This office"), self.tr("Fingerprint")],
        )
        layout.addWidget(self.table, 1)
        buttons = close_buttons(self)
        layout.addWidget(buttons)
        self.setup_button.clicked.connect(self.set_up)
        self.card_button.clicked.connect(self.save_card)
        self.print_button.clicked.connect(self.print_card)
        self.register_button.clicked.connect(self.register)
        # Setting this office up is an administrator's; registering others', a writer's.
        self._has_card = False
        self.writes = WriteGuard(ctx, self)
        self.writes.add(self.setup_button, Permission.MANAGE_ACCOUNTS)
        self.writes.add(self.register_button, Permission.WRITE, when=lambda: self._has_card)
        self.resize(820, 480)
        self.reload()

    def reload(self) -> None:
        card = offices.local_card(self.ctx.db)
        self.setup_button.setVisible(card is None)
        self._has_card = card is not None
        for button in (self.card_button, self.print_button):
            button.setEnabled(card is not None)
        self.writes.update()
        if card is None:
            self.summary.setText(
                self.tr(
                    "This database has no office yet. An administrator sets it up once: "
                    "its name, level and place; its keys are made then."
                )
            )
            self.fingerprint.setText("")
        else:
            keys_here = offices.local_office(self.ctx.db).keys is not None
            text = self.tr("This office: {name} ({level})").format(
                name=card.name, level=card.level.label(language())
            )
            if not keys_here:
                text += "\n" + self.tr(
                    "This PC lacks the office's key file: it can neither send nor receive "
                    "packages until an administrator imports the keys."
                )
            self.summary.setText(text)
            groups = card.fingerprint.split()
            self.fingerprint.setText(" ".join(groups[:5]) + "\n" + " ".join(groups[5:]))
        rows = offices.offices(self.ctx.db)
        fill_table(
            self.table,
            [
                (i, [o.name, o.level.label(language()), "✓" if o.local else "", o.fingerprint])
                for i, o in enumerate(rows)
            ],
            None,
        )

    def set_up(self) -> None:
        dialog = OfficeSetupDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def save_card(self) -> None:
        card = offices.local_card(self.ctx.db)
        if card is None:
            return
        title = self.tr("Save the office card")
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(prompts.documents_dir() / f"{card.name}.pbccard"), CARD_FILTER
        )
        if not name:
            return
        path = Path(name)
        try:
            with atomic_output(path) as tmp:
                tmp.write_text(card_to_json(card), encoding="utf-8")
        except UserError as exc:
            messages.warning(self, title, str(exc))
            return
        messages.information(self, title, self.tr("Saved as {path}.").format(path=path))

    def print_card(self) -> None:
        from pbc_desktop.reports.office_card import write_office_card_pdf

        card = offices.local_card(self.ctx.db)
        if card is None:
            return
        title = self.tr("Office card as PDF")
        out = prompts.ask_save_path(self, title, prompts.documents_dir() / f"{card.name}.pdf")
        if out is None:
            return
        try:
            write_office_card_pdf(card, out)
        except (UserError, OSError) as exc:
            messages.warning(self, title, str(exc))
            return
        messages.information(self, title, self.tr("Saved as {path}.").format(path=out))

    def register(self) -> None:
        title = self.tr("Register an office")
        name, _ = QFileDialog.getOpenFileName(
            self, title, str(prompts.documents_dir()), CARD_FILTER + ";;*"
        )
        if not name:
            return
        try:
            card = card_from_json(Path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, CardError) as exc:
            text = (
                str(exc)
                if isinstance(exc, CardError)
                else self.tr("The file is not an office card.")
            )
            messages.warning(self, title, text)
            return
        question = self.tr(
            "Office: {name} ({level})\nFingerprint: {fp}\n\nHas the other office read you the "
            "same fingerprint by phone or in person? Register it only if every group matches."
        ).format(name=card.name, level=card.level.label(language()), fp=card.fingerprint)
        if not messages.confirm(self, title, question):
            return
        try:
            new = offices.register_card(self.ctx.db, card)
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        if not new:
            messages.information(self, title, self.tr("That office was registered already."))
        self.reload()


class OfficeSetupDialog(QDialog):
    """This office's name, level and place in the tree (an administrator, once)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exchangeOfficeSetupDialog")
        self.setWindowTitle(self.tr("Set up this office"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("officeName")
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("officeLevel")
        fill_enum(self.level_combo, list(OrgLevel))
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("officeCode")
        self.org_combo = QComboBox(self)
        self.org_combo.setObjectName("officeOrganization")
        fill_choices(
            self.org_combo, organization_choices(ctx.db, limit=5000), blank=self.tr("(none yet)")
        )
        self.town_edit = QLineEdit(self)
        self.town_edit.setObjectName("officeTown")
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Level:"), self.level_combo)
        form.addRow(self.tr("&Code:"), self.code_edit)
        form.addRow(self.tr("&Organization (village):"), self.org_combo)
        form.addRow(self.tr("&Town (town):"), self.town_edit)
        self.error = QLabel(self)
        self.error.setObjectName("officeSetupError")
        self.error.setStyleSheet("color:#c0392b")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.org_combo.currentIndexChanged.connect(self._suggest_name)
        self.resize(520, 0)

    def _suggest_name(self) -> None:
        if not self.name_edit.text().strip() and self.org_combo.currentData() is not None:
            self.name_edit.setText(self.org_combo.currentText())

    def setup(self) -> offices.OfficeSetup:
        level = current_enum(self.level_combo, OrgLevel) or OrgLevel.VILLAGE
        org = self.org_combo.currentData()
        return offices.OfficeSetup(
            self.name_edit.text(),
            level,
            self.code_edit.text(),
            organization_id=org if level is OrgLevel.VILLAGE else None,
            town=self.town_edit.text() if level is OrgLevel.TOWN else None,
        )

    def save(self) -> None:
        try:
            offices.create_local_office(self.ctx.db, self.setup())
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        self.accept()
