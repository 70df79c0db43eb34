"""The window offers only what the signed-in account may do.

Every button, menu entry, shortcut and editor that changes records is registered with a
:class:`WriteGuard` together with its *rule*: a :class:`Permission` the account must hold,
or a function returning why the account may not (a service's ``change_refusal`` for the
selected record: the service's own check, asked beforehand), ``None`` when it may. A
refused action is disabled and its tooltip is the refusal's sentence; an allowed one
follows its widget's own condition (``when``: a row is selected, a list is chosen…).
Shortcuts and double-clicks go through :meth:`WriteGuard.press`, so they follow the same
state. The services still refuse on their own: this only keeps the window from offering
what would be refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.services.permissions import refusal
from pbc_desktop.ui.common.context import AppContext

Refusal = Callable[[], str | None]
Rule = Permission | Refusal
#: A button or menu entry (pressed), or an editor (a score, an outcome) that is only enabled.
Target = QWidget | QAction


def anyone() -> str | None:
    """The rule of an action every account may use (enabled only by its ``when``)."""
    return None


@dataclass
class _Guarded:
    target: Target
    rule: Rule
    when: Callable[[], bool] | None
    why_not: Refusal | None = None  # the record's state refusing it (a solved item…)
    tooltip: str = ""  # the target's own tooltip, put back when it is allowed again
    refused: bool = False  # its tooltip shows the refusal


class WriteGuard(QObject):
    """The write actions of one tab, panel, dialog or menu, and the rules they follow."""

    def __init__(self, ctx: AppContext | Callable[[], Database], parent: QObject) -> None:
        """``ctx``: the tab's or dialog's context, or (a window whose database changes) a
        function giving the database open now; its signed-in account is asked."""
        super().__init__(parent)
        self._ctx = ctx
        self._guarded: list[_Guarded] = []
        self._started = False

    def add(
        self,
        target: Target,
        rule: Rule,
        *,
        when: Callable[[], bool] | None = None,
        why_not: Refusal | None = None,
    ) -> None:
        """Guard ``target`` by ``rule`` (and ``when``, its own condition), from the first
        :meth:`update` on (at once when that has run: a widget still being built calls
        :meth:`update` when its rules can be asked). ``why_not``: what the selected
        record's state says against it (not the account's rule), also on the tooltip."""
        guarded = _Guarded(target, rule, when, why_not)
        self._guarded.append(guarded)
        if self._started:
            self._apply(guarded, {})

    def refusal(self, rule: Rule) -> str | None:
        """Why the account may not use an action under ``rule`` (None: it may)."""
        if isinstance(rule, Permission):
            db = self._ctx.db if isinstance(self._ctx, AppContext) else self._ctx()
            return refusal(db.user, rule)
        return rule()

    def allows(self, rule: Rule) -> bool:
        return self.refusal(rule) is None

    def refusals(self) -> list[tuple[Target, str | None]]:
        """Each guarded action with why the account may not use it now (None: it may)."""
        return [(guarded.target, self.refusal(guarded.rule)) for guarded in self._guarded]

    def update(self) -> None:
        """Apply every rule again (after a selection or the account changed); a rule shared
        by several actions is asked once."""
        self._started = True
        asked: dict[Rule, str | None] = {}
        for guarded in self._guarded:
            self._apply(guarded, asked)

    def _apply(self, guarded: _Guarded, asked: dict[Rule, str | None]) -> None:
        rule = guarded.rule
        if rule not in asked:
            asked[rule] = self.refusal(rule)
        reason = asked[rule]
        wanted = guarded.when() if guarded.when is not None else True
        if reason is None and wanted and guarded.why_not is not None:
            reason = guarded.why_not()
        target = guarded.target
        target.setEnabled(reason is None and wanted)
        if reason is not None:
            if not guarded.refused:
                guarded.tooltip, guarded.refused = target.toolTip(), True
            target.setToolTip(reason)
        elif guarded.refused:  # a tooltip the widget sets itself meanwhile is left alone
            target.setToolTip(guarded.tooltip)
            guarded.refused = False

    @staticmethod
    def press(target: Target) -> None:
        """Do what clicking ``target`` does, only while it is enabled (for shortcuts and
        double-clicks, which then follow the button's state)."""
        if not target.isEnabled():
            return
        if isinstance(target, QAction):
            target.trigger()
        elif isinstance(target, QAbstractButton):
            target.click()

    def shortcut(
        self,
        keys: str | QKeySequence,
        owner: QWidget,
        target: Target,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ) -> QShortcut:
        """A shortcut on ``owner`` that presses ``target`` (nothing while it is disabled)."""
        shortcut = QShortcut(QKeySequence(keys), owner)
        shortcut.setContext(context)
        shortcut.activated.connect(lambda: self.press(target))
        return shortcut
