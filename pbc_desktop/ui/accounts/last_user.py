"""The user name signed in last on this PC, per database: the sign-in dialog proposes it
(the password is never kept). Stored in the window's settings file, under a key made from
the database's file or server address (a hash: no path nor host in the key)."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings

from pbc_desktop.db.engine import Database, shown_url
from pbc_desktop.paths import settings_file

GROUP = "lastSignIn"


def _key(db: Database) -> str:
    path = db.path  # a server: its address without the password
    where = str(path.resolve()) if path is not None else shown_url(db.url)
    return f"{GROUP}/{hashlib.sha256(where.encode()).hexdigest()[:24]}"


def _settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def remembered(db: Database) -> str:
    """The user name signed in last to ``db`` here ("" when none)."""
    value = _settings().value(_key(db), "")
    return value if isinstance(value, str) else ""


def remember(db: Database, username: str) -> None:
    """Keep ``username`` as the last signed in to ``db`` (after a sign-in that succeeded)."""
    settings = _settings()
    settings.setValue(_key(db), username)
    settings.sync()
