"""Who works in the window: the first administrator of a new database, or a sign-in.

The dialogs of the rarer paths (the first administrator, a password to change, the office
to set up) and the office's services are imported when needed: the sign-in dialog is shown
without them (they brought the office keys' cryptography and the communities' services).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from pbc_desktop import paths
from pbc_desktop.db.engine import Database
from pbc_desktop.db.lock import remove_lock_files
from pbc_desktop.db.migrate import remove_with_sidecars
from pbc_desktop.domain.accounts import Actor, Permission
from pbc_desktop.errors import SignInError
from pbc_desktop.services.accounts import users
from pbc_desktop.services.accounts.sign_in import SignedIn, sign_in
from pbc_desktop.ui.accounts import last_user
from pbc_desktop.ui.accounts.sign_in_dialog import SignInDialog
from pbc_desktop.ui.common import messages


def is_demo(db: Database) -> bool:
    """Whether ``db`` is the demo district's file (``--demo``): its sign-in names the demo
    accounts and their password. Any other file, even a copy of the demo, names nobody."""
    path = db.path
    return path is not None and path.resolve() == paths.demo_db_path().expanduser().resolve()


def _changed_password(db: Database, parent: QWidget | None) -> bool:
    from pbc_desktop.ui.accounts.change_password_dialog import ChangePasswordDialog

    dialog = ChangePasswordDialog(db, parent, forced=True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def act_as(
    db: Database, parent: QWidget | None, done: SignedIn, *, ask_office: bool = True
) -> Actor | None:
    """Act as ``done``'s person; a password an administrator set is changed first. An
    administrator of a database without its office is then asked for it (``ask_office``;
    not for scripted sign-ins, which answer no questions)."""
    previous = db.user
    db.user = done.actor
    if done.must_change_password and not _changed_password(db, parent):
        db.user = previous
        return None
    if ask_office:
        offer_office_setup(db, parent)
    return done.actor


def offer_office_setup(db: Database, parent: QWidget | None) -> None:
    """A database with accounts but no office of its own (from before offices, or made
    by ``pbc init`` without ``--office``): its administrator is asked to set the office up
    at each sign-in until it is; Cancel leaves it for the next time."""
    from pbc_desktop.services.exchange import offices
    from pbc_desktop.ui.exchange.office_dialog import OfficeSetupDialog

    if not db.user.can(Permission.MANAGE_ACCOUNTS) or offices.local_card(db) is not None:
        return
    intro = QCoreApplication.translate(
        "Session",
        "This database has no office yet. Set it up now: packages of data are exchanged "
        "with other offices in its name. Cancel asks again at the next sign-in.",
    )
    OfficeSetupDialog(db, parent, intro).exec()


def _say_not_opened(parent: QWidget | None, *, created: bool) -> None:
    """The first administrator was not created: the database is not opened (and a file
    made just now is not kept, see :func:`close_unused`)."""
    if created:
        text = QCoreApplication.translate(
            "Session",
            "The new database was not created: it cannot be used without its first administrator.",
        )
    else:
        text = QCoreApplication.translate(
            "Session",
            "The database was not opened: it cannot be used before its first administrator "
            "is created. It asks again the next time it is opened.",
        )
    title = QCoreApplication.translate("Session", "Database not opened")
    messages.information(parent, title, text)


def close_unused(db: Database, *, created: bool) -> None:
    """Close ``db``, which nobody signed in to; a file ``created`` just now that still has
    no administrator is removed, as ``pbc init`` does: no database is left without one."""
    path = db.path
    removable = created and path is not None and users.needs_first_admin(db)
    db.dispose()
    if removable and path is not None:
        remove_with_sidecars(path)
        remove_lock_files(path)


def sign_in_to(
    db: Database,
    parent: QWidget | None = None,
    *,
    created: bool = False,
    user: str | None = None,
    password: str | None = None,
) -> Actor | None:
    """The person who will work on ``db`` (also made ``db.user``); None when they cancel.

    A database with no administrator asks for the first one (``created``: the file was
    made just now; a refusal says the database is not opened); otherwise the sign-in
    dialog (with the demo accounts named on the demo). ``user`` and ``password`` (scripts,
    smoke tests: ``--user`` and ``PBC_PASSWORD``) sign in without the dialog; a wrong one
    opens it with the reason.
    """
    if users.needs_first_admin(db):
        from pbc_desktop.ui.accounts.first_admin_dialog import FirstAdminDialog

        first = FirstAdminDialog(db, parent)
        if first.exec() != QDialog.DialogCode.Accepted or first.actor is None:
            _say_not_opened(parent, created=created)
            return None
        db.user = first.actor
        last_user.remember(db, first.actor.username)
        return first.actor
    error: str | None = None
    if user and password:
        try:
            return act_as(db, parent, sign_in(db, user, password), ask_office=False)
        except SignInError as exc:
            error = exc.message
    dialog = SignInDialog(db, parent, demo=is_demo(db), error=error)
    if user:
        dialog.ui.usernameEdit.setText(user)
        dialog.ui.passwordEdit.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signed is None:
        return None
    return act_as(db, parent, dialog.signed)
