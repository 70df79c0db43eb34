"""文件 → 数据交换 → 本单位: this office (set up by an administrator the first time, changed
later: a village names its organization once the registry has arrived), its
fingerprint in large type, its card saved or printed; and the registered offices, with
登记单位 from a card file after comparing the fingerprint."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
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

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.offices import (
    card_to_json,
    fingerprint_lines,
)
from pbc_desktop.errors import UserError, ValidationError
from pbc_desktop.files import atomic_output
from pbc_desktop.lang import language
from pbc_desktop.services.exchange import offices
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.menu_actions import MenuWindow
from pbc_desktop.ui.common.views import close_buttons, fill_table, make_item_table
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.exchange.office_form import OfficeForm

CARD_FILTER = "*.pbccard"
KEY_FILE_EXT = ".pbckey"
KEY_FILTER = "*.pbckey"


class OfficeDialog(MenuWindow):
    # Emitted when this office was set up or changed here: what names the database's area
    # (the main window's status bar, the accounts window) reads it again.
    office_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "exchangeOfficeDialog")
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
        keys_row = QHBoxLayout()
        self.export_keys_button = QPushButton(self.tr("E&xport the keys..."), self)
        self.export_keys_button.setObjectName("exchangeOfficeExportKeys")
        self.import_keys_button = QPushButton(self.tr("&Import the keys..."), self)
        self.import_keys_button.setObjectName("exchangeOfficeImportKeys")
        self.keys_note = QLabel(
            self.tr("The office's private keys, to move them to another PC (administrators):"),
            self,
        )
        keys_row.addWidget(self.keys_note)
        keys_row.addWidget(self.export_keys_button)
        keys_row.addWidget(self.import_keys_button)
        keys_row.addStretch(1)
        layout.addLayout(keys_row)
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
        self.export_keys_button.clicked.connect(self.export_keys)
        self.import_keys_button.clicked.connect(self.import_keys)
        # Setting this office up and its keys are an administrator's; registering others',
        # an account's that exchanges data and answers for the whole office.
        self._has_card = False
        self.writes = WriteGuard(ctx, self)
        self.writes.add(self.setup_button, Permission.MANAGE_ACCOUNTS)
        self.writes.add(
            self.register_button,
            lambda: offices.register_refusal(self.ctx.db),
            when=lambda: self._has_card,
        )
        self.resize(820, 480)
        self.reload()

    def reload(self) -> None:
        card = offices.local_card(self.ctx.db)
        self.setup_button.setText(
            self.tr("&Set up this office...") if card is None else self.tr("C&hange this office...")
        )
        self._has_card = card is not None
        for button in (self.card_button, self.print_button):
            button.setEnabled(card is not None)
        self.writes.update()
        admin = card is not None and self.ctx.db.user.can(Permission.MANAGE_ACCOUNTS)
        for widget in (self.keys_note, self.export_keys_button, self.import_keys_button):
            widget.setVisible(admin)
        keys_here = card is not None and offices.local_office(self.ctx.db).keys is not None
        self.export_keys_button.setEnabled(keys_here)
        if card is None:
            self.summary.setText(
                self.tr(
                    "This database has no office yet. An administrator sets it up once: "
                    "its name, level and place; its keys are made then."
                )
            )
            self.fingerprint.setText("")
        else:
            text = self.tr("This office: {name} ({level})").format(
                name=card.name, level=card.level.label(language())
            )
            if not keys_here:
                text += "\n" + offices.keys_problem(self.ctx.db)
            self.summary.setText(text)
            self.fingerprint.setText("\n".join(fingerprint_lines(card.fingerprint)))
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
        """Set this office up, or change it (a village names its organization once the
        registry has arrived); other offices then register the new card."""
        current = offices.local_setup(self.ctx.db)
        dialog = OfficeSetupDialog(self.ctx.db, self, current=current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.reload()
        self.office_changed.emit()
        if current is not None:
            messages.information(
                self,
                self.tr("Change this office"),
                self.tr(
                    "This office was changed; its keys and fingerprint stay. Send the new "
                    "card to the offices you exchange data with: each registers it again."
                ),
            )

    def save_card(self) -> None:
        card = offices.local_card(self.ctx.db)
        if card is None:
            return
        title = self.tr("Save the office card")
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(prompts.suggested_file(f"{card.name}.pbccard")), CARD_FILTER
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
        out = prompts.ask_save_path(self, title, prompts.suggested_file(f"{card.name}.pdf"))
        if out is None:
            return
        try:
            write_office_card_pdf(card, out)
        except (UserError, OSError) as exc:
            messages.warning(self, title, str(exc))
            return
        messages.information(self, title, self.tr("Saved as {path}.").format(path=out))

    def export_keys(self) -> None:
        card = offices.local_card(self.ctx.db)
        if card is None:
            return
        title = self.tr("Export the office's keys")
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(prompts.suggested_file(f"{card.name}{KEY_FILE_EXT}")), KEY_FILTER
        )
        if not name:
            return
        passphrase = prompts.ask_secret(
            self,
            title,
            self.tr(
                "A passphrase for the key file (8 characters at least); it is asked when "
                "the keys are imported:"
            ),
        )
        if passphrase is None:
            return
        again = prompts.ask_secret(self, title, self.tr("The passphrase again:"))
        if again is None:
            return
        if again != passphrase:
            messages.warning(self, title, self.tr("The two passphrases differ."))
            return
        try:
            out = offices.export_keys(self.ctx.db, Path(name), passphrase)
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        messages.information(
            self,
            title,
            self.tr(
                "Saved as {path}. Whoever has this file and its passphrase can send "
                "packages in this office's name: keep both apart, and safe."
            ).format(path=out),
        )

    def import_keys(self) -> None:
        title = self.tr("Import the office's keys")
        name, _ = QFileDialog.getOpenFileName(
            self, title, str(prompts.documents_dir()), KEY_FILTER + ";;*"
        )
        if not name:
            return
        passphrase = prompts.ask_secret(self, title, self.tr("The key file's passphrase:"))
        if passphrase is None:
            return
        try:
            offices.import_keys(self.ctx.db, Path(name), passphrase or None)
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        self.reload()
        messages.information(
            self, title, self.tr("The keys are in place: this PC sends and receives packages.")
        )

    def register(self) -> None:
        title = self.tr("Register an office")
        name, _ = QFileDialog.getOpenFileName(
            self, title, str(prompts.documents_dir()), CARD_FILTER + ";;*"
        )
        if not name:
            return
        try:
            card = offices.read_card(Path(name))
        except UserError as exc:
            messages.warning(self, title, str(exc))
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


class OfficeSetupDialog(FormDialog):
    """This office's name, level, code and place in the tree: set up by an administrator
    once, or changed (``current``: the office as it is; its keys stay).

    ``intro`` says why it is asked (at sign-in: a database with accounts but no office);
    Cancel leaves it for later."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        intro: str = "",
        *,
        current: offices.OfficeSetup | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.current = current
        self.setObjectName("exchangeOfficeSetupDialog")
        self.setWindowTitle(
            self.tr("Set up this office") if current is None else self.tr("Change this office")
        )
        layout = QVBoxLayout(self)
        if current is not None:
            intro = intro or self.tr(
                "The office this database belongs to; its keys stay as they are. A village "
                "office names its organization here once the registry has arrived."
            )
        self.intro = QLabel(
            intro
            or self.tr(
                "The office this database belongs to. Its keys are made now and kept in a "
                "file beside the database; other offices register its card to exchange "
                "data with it."
            ),
            self,
        )
        self.intro.setObjectName("officeSetupIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.error = QLabel(self)
        self.error.setObjectName("officeSetupError")
        self.error.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("officeName")
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("officeLevel")
        self.org_combo = QComboBox(self)
        self.org_combo.setObjectName("officeOrganization")
        self.town_combo = QComboBox(self)
        self.town_combo.setObjectName("officeTown")
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("officeCode")
        form.addRow(self.tr("&Level:"), self.level_combo)
        form.addRow(self.tr("&Organization (a village office):"), self.org_combo)
        form.addRow(self.tr("&Town (a town office):"), self.town_combo)
        form.addRow(self.tr("Office &name:"), self.name_edit)
        form.addRow(self.tr("&Code (optional):"), self.code_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(buttons)
        self.office = OfficeForm(
            db,
            name_edit=self.name_edit,
            level_combo=self.level_combo,
            organization_combo=self.org_combo,
            town_combo=self.town_combo,
            code_edit=self.code_edit,
        )
        if current is not None:
            self.office.show(current)
        self.init_form(self.error, buttons=buttons)
        self.field_widgets = self.office.field_widgets()
        self.level_combo.setFocus()
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    def save(self) -> int:
        setup, errors = self.office.setup(), self.office.problems()
        if setup is None or errors:
            raise ValidationError(errors)
        if self.current is None:
            offices.create_local_office(self.db, setup)
        else:
            offices.update_local_office(self.db, replace(setup, version=self.current.version))
        return 0
