"""文件 → 数据交换 → 交换记录: every package sent or received, newest first, and the
数据移交单 of any of them saved as PDF to print and file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.errors import UserError
from pbc_desktop.reports.handover import build_handover
from pbc_desktop.services.exchange.log import LogRow, exchange_log
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_datetime
from pbc_desktop.ui.common.menu_actions import MenuWindow
from pbc_desktop.ui.common.views import close_buttons, fill_table, make_item_table, selected_id


class ExchangeLogDialog(MenuWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "exchangeLogDialog")
        self.setWindowTitle(self.tr("Exchange log"))
        self._rows: list[LogRow] = exchange_log(ctx.db)
        layout = QVBoxLayout(self)
        self.table = make_item_table(
            self,
            "exchangeLogTable",
            [
                self.tr("When"),
                self.tr("Sent / received"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Records"),
                self.tr("Conflicts"),
                self.tr("By"),
                self.tr("Package fingerprint"),
            ],
        )
        fill_table(
            self.table,
            [
                (
                    r.id,
                    [
                        fmt_datetime(r.at.astimezone()),
                        self.tr("received") if r.received else self.tr("sent"),
                        r.sender,
                        r.recipient,
                        str(r.records),
                        str(r.conflicts) if r.received else "",
                        r.by,
                        r.fingerprint,
                    ],
                )
                for r in self._rows
            ],
            self._rows[0].id if self._rows else None,
            right=(4, 5),
        )
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.sheet_button = QPushButton(self.tr("Save the &handover sheet..."), self)
        self.sheet_button.setObjectName("exchangeLogSheet")
        self.sheet_button.setEnabled(bool(self._rows))
        self.sheet_button.clicked.connect(self.save_sheet)
        row.addWidget(self.sheet_button)
        # an empty table alone read as if the log failed to load
        self.empty_label = QLabel(
            ""
            if self._rows
            else self.tr(
                "No package sent or received yet. To send one: File → Data exchange → "
                "Send a package…; to read one: File → Data exchange → Receive a package…"
            ),
            self,
        )
        self.empty_label.setObjectName("exchangeLogEmpty")
        self.empty_label.setWordWrap(True)
        row.addWidget(self.empty_label, 1)
        layout.addLayout(row)
        buttons = close_buttons(self)
        layout.addWidget(buttons)
        self.resize(900, 460)

    def save_sheet(self) -> None:
        log_id = selected_id(self.table)
        if log_id is None:
            return
        title = self.tr("Save the handover sheet")
        suggested = prompts.documents_dir() / self.tr("handover-{n}.pdf").format(n=log_id)
        out = prompts.ask_save_path(self, title, suggested, "pdf")
        if out is None:
            return
        try:
            build_handover(self.ctx.db, log_id, out)
        except (UserError, OSError) as exc:
            messages.warning(self, title, str(exc))
            return
        messages.information(self, title, self.tr("Saved as {path}.").format(path=out))
