"""A new password typed twice: both fields must match and meet the rules."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.services.accounts.passwords import check_new_password

# The fields' names in a form's ``field_widgets``.
PASSWORD, PASSWORD_AGAIN = "password", "password_again"


def password_problems(first: QLineEdit, again: QLineEdit, *, username: str) -> list[FieldError]:
    """Why the two fields do not give a new password (nothing: they do). Neither password
    is ever part of a message."""
    password = first.text()
    try:
        check_new_password(password, username=username.strip(), field=PASSWORD)
    except ValidationError as refused:
        return list(refused.errors)
    if again.text() != password:
        message = QCoreApplication.translate("NewPassword", "The two passwords differ.")
        return [FieldError(PASSWORD_AGAIN, message)]
    return []
