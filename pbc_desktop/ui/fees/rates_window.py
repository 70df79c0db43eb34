"""党费比例 (the district's): the brackets for 在职 and 离退休 members and the fixed monthly
amounts, from a month on; the schedules entered before stay (history), each shown on
choosing its date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.fees import (
    DEFAULT_SCHEDULE,
    INCOME_CATEGORIES,
    RATE_SCALE,
    Bracket,
    FeeCategory,
    RateSchedule,
    month_of,
)
from pbc_desktop.domain.money import format_yuan, typed_amount
from pbc_desktop.errors import FieldError, UserError, ValidationError
from pbc_desktop.services.fees import rates
from pbc_desktop.services.versions import NONE_YET
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import to_date
from pbc_desktop.ui.common.discarding import AsksBeforeDiscarding
from pbc_desktop.ui.common.form_values import not_entered
from pbc_desktop.ui.common.labels import form_label, label
from pbc_desktop.ui.common.menu_actions import MenuWindow
from pbc_desktop.ui.common.views import add_captioned, enter_presses_nothing

FIXED_CATEGORIES = tuple(
    c for c in FeeCategory if c not in INCOME_CATEGORIES and c is not FeeCategory.FIXED
)
_ROWS = 5  # bracket rows offered; empty ones are left out


def _in_fen(value: Decimal) -> bool:
    """An amount of whole fen (``1000.005`` would be cut to ``1000.00`` without a word)."""
    return value.is_finite() and value * 100 == (value * 100).to_integral_value()


class FeeRatesWindow(AsksBeforeDiscarding, MenuWindow):
    """The district's schedules of rates, one shown at a time; rates typed and not saved
    are not dropped unasked (closing, or showing another schedule)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "feeRatesWindow")
        self.setWindowTitle(self.tr("Party fee rates"))
        self.resize(760, 560)
        self.history = QComboBox(self)
        self.history.setObjectName("feeRatesHistory")
        not_entered(self.history)  # which schedule is shown: no input of its own
        self._shown_index = -1
        self.start = QDateEdit(self)
        self.start.setObjectName("feeRatesFrom")
        self.start.setDisplayFormat("yyyy-MM")
        today = date.today()
        self.start.setDate(QDate(today.year, today.month, 1))
        self.tables: dict[FeeCategory, QTableWidget] = {}
        groups = QHBoxLayout()
        for category in (FeeCategory.EMPLOYED, FeeCategory.RETIRED):
            table = QTableWidget(_ROWS, 2, self)
            table.setObjectName(f"feeRates{category.value.title()}")
            table.setHorizontalHeaderLabels([self.tr("Income up to (yuan)"), self.tr("Rate (%)")])
            table.horizontalHeader().setStretchLastSection(True)
            box = QGroupBox(label(category), self)
            QVBoxLayout(box).addWidget(table)
            groups.addWidget(box)
            self.tables[category] = table
        note = QLabel(self.tr("The last bracket's limit stays empty: it has no upper limit."), self)
        note.setWordWrap(True)
        self.fixed: dict[FeeCategory, QLineEdit] = {}
        fixed_box = QGroupBox(self.tr("Fixed monthly amounts (yuan)"), self)
        form = QFormLayout(fixed_box)
        for category in FIXED_CATEGORIES:
            edit = QLineEdit(self)
            edit.setObjectName(f"feeRatesFixed{category.value.title().replace('_', '')}")
            form.addRow(form_label(category), edit)
            self.fixed[category] = edit
        self.error = messages.error_line(self, "feeRatesError")
        self.save = QPushButton(self.tr("&Save from this month"), self)
        self.save.setObjectName("feeRatesSave")
        allowed = ctx.db.user.can(Permission.DISTRICT_RULES)
        self.save.setEnabled(allowed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.cancel)
        top = QHBoxLayout()
        add_captioned(top, self.tr("&Entered schedules:"), self.history)
        add_captioned(top, self.tr("&From month:"), self.start)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(groups)
        layout.addWidget(note)
        layout.addWidget(fixed_box)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.save.clicked.connect(self.save_schedule)
        self.history.currentIndexChanged.connect(self._chosen)
        enter_presses_nothing(self)  # Enter in a table saved the district's rates
        self.reload()

    def reload(self) -> None:
        read = rates.rates_to_edit(self.ctx.db)
        self._schedules = read.schedules or [DEFAULT_SCHEDULE]
        self._versions = read.versions  # a save over a schedule changed meanwhile is refused
        self.history.blockSignals(True)
        self.history.clear()
        for index, schedule in enumerate(self._schedules):
            self.history.addItem(f"{schedule.effective_from:%Y-%m}", index)
        self.history.setCurrentIndex(len(self._schedules) - 1)
        self.history.blockSignals(False)
        self.show_chosen()
        self.error.hide()

    def changed(self) -> bool:
        """Rates typed (or the month changed) and not saved, by an account that may save."""
        return self.save.isEnabled() and super().changed()

    def _chosen(self, index: int) -> None:
        """Another schedule chosen: the one typed into is dropped only if the clerk says so."""
        if index != self._shown_index and not self.may_discard():
            self.history.blockSignals(True)
            self.history.setCurrentIndex(self._shown_index)
            self.history.blockSignals(False)
            return
        self.show_chosen()

    def show_chosen(self) -> None:
        self._shown_index = self.history.currentIndex()
        schedule = self._schedules[max(0, self._shown_index)]
        for category, brackets in (
            (FeeCategory.EMPLOYED, schedule.employed),
            (FeeCategory.RETIRED, schedule.retired),
        ):
            table = self.tables[category]
            table.clearContents()
            for row, bracket in enumerate(brackets[:_ROWS]):
                up = (
                    ""
                    if bracket.up_to_cents is None
                    else format_yuan(bracket.up_to_cents, grouped=False)
                )
                table.setItem(row, 0, QTableWidgetItem(up))
                table.setItem(
                    row, 1, QTableWidgetItem(f"{Decimal(bracket.rate) * 100 / RATE_SCALE:g}")
                )
        for category, edit in self.fixed.items():
            cents = schedule.fixed_cents.get(category)
            edit.setText("" if cents is None else format_yuan(cents, grouped=False))
        self._shown_values = self.entered()  # the schedule as shown: nothing typed yet

    def _brackets(self, category: FeeCategory) -> tuple[Bracket, ...]:
        table = self.tables[category]
        found = []
        for row in range(table.rowCount()):
            cells = [table.item(row, c) for c in (0, 1)]
            up, rate = (typed_amount(c.text()) if c is not None else None for c in cells)
            if up is None and rate is None:
                continue
            bad = rate is None or not rate.is_finite() or (up is not None and not _in_fen(up))
            scaled = None if bad or rate is None else rate * RATE_SCALE / 100
            if bad or scaled is None or scaled != scaled.to_integral_value():
                raise ValidationError(
                    [
                        FieldError(
                            "brackets",
                            self.tr(
                                "{0}, row {1}: enter the limit in yuan and the rate in %."
                            ).format(label(category), row + 1),
                        )
                    ]
                )
            found.append(Bracket(None if up is None else int(up * 100), int(scaled)))
        return tuple(found)

    def schedule(self) -> RateSchedule:
        fixed: dict[FeeCategory, int] = {}
        for category, edit in self.fixed.items():
            value = typed_amount(edit.text())
            if value is None:
                continue
            if not _in_fen(value):
                raise ValidationError(
                    [
                        FieldError(
                            "fixed",
                            self.tr("{0}: enter an amount in yuan.").format(label(category)),
                        )
                    ]
                )
            fixed[category] = int(value * 100)
        return RateSchedule(
            to_date(self.start.date()),
            employed=self._brackets(FeeCategory.EMPLOYED),
            retired=self._brackets(FeeCategory.RETIRED),
            fixed_cents=fixed,
        )

    def save_schedule(self) -> None:
        try:
            schedule = self.schedule()
            rates.set_schedule(
                self.ctx.db,
                schedule,
                self._versions.get(month_of(schedule.effective_from), NONE_YET),
            )
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        except UserError as error:
            messages.show_user_error(self, error)
            return
        self.reload()
