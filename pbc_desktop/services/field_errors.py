"""Collecting a form's validation errors, so that the user sees all of them at once."""

from __future__ import annotations

from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t


class FieldErrors:
    """The errors found so far, each naming its field; :meth:`raise_any` raises them together."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, name: str, zh: str, en: str) -> None:
        """Record an error of field ``name`` (the message in Chinese and English)."""
        self.errors.append(FieldError(name, t(zh, en)))

    def raise_any(self) -> None:
        """Raise a :class:`ValidationError` with every recorded error, if there is one."""
        if self.errors:
            raise ValidationError(self.errors)
