"""What receiving a package would change, shown before anything is written: counts per
record type, then the records that change, conflict or go, field by field (a list item's
status its claims here keep is said as kept, not as a change; one the claims or
follow-ups the package brings move on is listed though the item is otherwise unchanged)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.exchange import field_label, label_order, record_label
from pbc_desktop.services.exchange.merge import Change, RowChange
from pbc_desktop.services.exchange.transfer import Received
from pbc_desktop.ui.common.dates import fmt_datetime
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.common.views import fill_table, make_item_table

#: the records listed one by one at the most (the counts above cover all of them)
LISTED = 2000
_COUNTED = (Change.NEW, Change.CHANGED, Change.UNCHANGED, Change.CONFLICT, Change.DELETED)


class PreviewDialog(FittedDialog):
    """Accepting it receives the package; a package that changes nothing only closes."""

    def __init__(self, received: Received, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangePreviewDialog")
        self.setWindowTitle(self.tr("Receive a package"))
        self.received = received
        result = received.result
        layout = QVBoxLayout(self)
        head = QLabel(
            self.tr(
                "Package from {sender}, made {at}.\nPackage fingerprint: {fp}\n"
                "Compare it with the fingerprint on the sender's handover sheet."
            ).format(
                sender=received.sender,
                at=fmt_datetime(received.created_at.astimezone()),
                fp=received.fingerprint,
            ),
            self,
        )
        head.setObjectName("exchangePreviewHead")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.counts = make_item_table(
            self,
            "exchangePreviewCounts",
            [
                self.tr("Records"),
                self.tr("New"),
                self.tr("Changed"),
                self.tr("Unchanged"),
                self.tr("Conflicts"),
                self.tr("Deleted"),
            ],
        )
        kinds = sorted(result.counts, key=label_order)
        fill_table(
            self.counts,
            [
                (i, [record_label(k)] + [str(result.counts[k][c]) for c in _COUNTED])
                for i, k in enumerate(kinds)
            ],
            None,
            right=range(1, 6),
        )
        header = self.counts.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.counts)
        # changes first, then new records that have a name (links between records, such
        # as a member organization of a community, are only counted)
        listed = [c for c in result.changes if c.change is not Change.NEW]
        listed += [c for c in result.changes if c.change is Change.NEW and c.label]
        self.changes = make_item_table(
            self,
            "exchangePreviewChanges",
            [self.tr("Records"), self.tr("Record"), self.tr("Change"), self.tr("Fields")],
        )
        fill_table(
            self.changes,
            [(i, self._cells(c)) for i, c in enumerate(listed[:LISTED])],
            None,
        )
        layout.addWidget(self.changes, 1)
        notes = list(received.left_out)
        if len(listed) > LISTED:
            notes.append(
                self.tr("{n} more records are counted above but not listed.").format(
                    n=len(listed) - LISTED
                )
            )
        if result.conflicts:
            notes.append(
                self.tr(
                    "{n} records were changed both here and at the other office: the owner's "
                    "version is kept and the other waits in the conflict list for you to decide."
                ).format(n=result.conflicts)
            )
        changing = sum(
            n for v in result.counts.values() for c, n in v.items() if c != Change.UNCHANGED
        )
        if not changing:
            notes.append(self.tr("The package holds nothing new for this database."))
        self.notes = QLabel("\n".join(notes), self)
        self.notes.setObjectName("exchangePreviewNotes")
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        buttons = QDialogButtonBox(self)
        if changing:
            apply = buttons.addButton(self.tr("Receive"), QDialogButtonBox.ButtonRole.AcceptRole)
            apply.setObjectName("exchangePreviewApply")
            apply.setDefault(True)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _cells(self, change: RowChange) -> list[str]:
        words = {
            Change.NEW: self.tr("new"),
            Change.CHANGED: self.tr("changed"),
            Change.CONFLICT: self.tr("conflict"),
            Change.DELETED: self.tr("deleted"),
            Change.UNCHANGED: self.tr("unchanged"),
        }
        fields = "、".join(field_label(change.entity, f) for f in change.fields)
        held = self._held(change)
        if held and fields:
            fields = self.tr("{fields}; {status}").format(fields=fields, status=held)
        return [record_label(change.entity), change.label, words[change.change], fields or held]

    def _held(self, change: RowChange) -> str:
        """The status a list item's claims or follow-ups here give it instead of the
        package's (merging leaves that out of the fields), or ""."""
        if change.held_status is None:
            return ""
        status = label(change.held_status)
        if change.by_arrivals:  # an item the package leaves as it is
            return self.tr(
                "Status becomes “{status}” because of claims or follow-ups received"
            ).format(status=status)
        if change.status_stays:
            return self.tr(
                "Status stays “{status}” because of claims or follow-ups on this computer"
            ).format(status=status)
        return self.tr(
            "Status becomes “{status}” because of claims or follow-ups on this computer"
        ).format(status=status)
