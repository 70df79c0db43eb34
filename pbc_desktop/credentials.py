"""Server passwords kept in the computer's own password store, never in a file.

The store is the operating system's (Windows Credential Manager, the Secret Service or
KWallet on Linux, the macOS keychain) through ``keyring``. Where there is none (keyring's
"fail" backend, a machine without a desktop session), :func:`available` is False and the
password is asked each time. Nothing here logs a password or a stored value.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

#: The name the passwords are kept under in the store; each entry's key is the connection
#: (``account@host:port/database``).
SERVICE = "PBC Desktop (党建共同体工作台) server"


def _store() -> Any | None:
    """keyring's backend, or None where the computer has no usable password store."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # an installation without keyring
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: as if there were none
        log.warning("no password store: keyring could not load a backend", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def available() -> bool:
    """Whether passwords can be remembered on this computer."""
    return _store() is not None


def saved_password(key: str) -> str | None:
    """The password remembered for ``key``, or None (none kept, or no store)."""
    store = _store()
    if store is None:
        return None
    try:
        found = store.get_password(SERVICE, key)
    except Exception:  # keyring.errors.KeyringError, a locked or vanished store
        log.warning("the password store could not be read")
        return None
    return found if isinstance(found, str) and found else None


def save_password(key: str, password: str) -> bool:
    """Remember ``password`` for ``key``; False when there is no store or it refused."""
    store = _store()
    if store is None:
        return False
    try:
        store.set_password(SERVICE, key, password)
    except Exception:
        log.warning("the password store refused to keep a password")
        return False
    return True


def forget_password(key: str) -> None:
    """Forget what is remembered for ``key`` (nothing when there is nothing)."""
    store = _store()
    if store is None:
        return
    try:
        store.delete_password(SERVICE, key)
    except Exception:  # keyring.errors.PasswordDeleteError: nothing was kept
        return
