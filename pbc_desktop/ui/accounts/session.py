"""Who works in the window: the first administrator of a new database, or a sign-in."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.errors import SignInError
from pbc_desktop.services.accounts import users
from pbc_desktop.services.accounts.sign_in import SignedIn, sign_in
from pbc_desktop.ui.accounts.account_dialog import AccountDialog
from pbc_desktop.ui.accounts.change_password_dialog import ChangePasswordDialog
from pbc_desktop.ui.accounts.sign_in_dialog import SignInDialog


def _changed_password(db: Database, parent: QWidget | None) -> bool:
    dialog = ChangePasswordDialog(db, parent, forced=True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def act_as(db: Database, parent: QWidget | None, done: SignedIn) -> Actor | None:
    """Act as ``done``'s person; a password an administrator set is changed first."""
    previous = db.user
    db.user = done.actor
    if done.must_change_password and not _changed_password(db, parent):
        db.user = previous
        return None
    return done.actor


def sign_in_to(
    db: Database,
    parent: QWidget | None = None,
    *,
    demo: bool = False,
    user: str | None = None,
    password: str | None = None,
) -> Actor | None:
    """The person who will work on ``db`` (also made ``db.user``); None when they cancel.

    A database with no administrator asks for the first one; otherwise the sign-in dialog
    (with the demo accounts named on the demo). ``user`` and ``password`` (scripts, smoke
    tests: ``--user`` and ``PBC_PASSWORD``) sign in without the dialog; a wrong one opens
    it with the reason.
    """
    if users.needs_first_admin(db):
        first = AccountDialog(db, parent, first_admin=True)
        if first.exec() != QDialog.DialogCode.Accepted or first.actor is None:
            return None
        db.user = first.actor
        return first.actor
    error: str | None = None
    if user and password:
        try:
            return act_as(db, parent, sign_in(db, user, password))
        except SignInError as exc:
            error = exc.message
    dialog = SignInDialog(db, parent, demo=demo, error=error)
    if user:
        dialog.ui.usernameEdit.setText(user)
        dialog.ui.passwordEdit.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signed is None:
        return None
    return act_as(db, parent, dialog.signed)
