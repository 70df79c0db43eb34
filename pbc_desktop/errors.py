"""Errors the user can act on, kept apart from bugs.

A :class:`UserError` carries a sentence for the user and is shown as a message; anything
else that escapes is a bug and reaches the global exception hook.
"""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """An expected failure with a message the user understands."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(UserError):
    """Input was refused; each error names its field. Nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([FieldError(field, message)])

    def fields(self) -> list[str]:
        return [e.field for e in self.errors]


class NotFoundError(UserError):
    """The record no longer exists (deleted elsewhere, or a wrong id on the command line)."""


class ConflictError(UserError):
    """The write is refused because of other records (e.g. deleting a record in use)."""


class DatabaseError(UserError):
    """The database file cannot be used as it is."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer version of the program."""


class DatabaseDamagedError(DatabaseError):
    """The file is not a database, or fails its integrity check."""


class DatabaseLockedError(DatabaseError):
    """Another program holds the database for too long."""


class DiskFullError(DatabaseError):
    """The disk (or the medium) holding the database is full, or it failed to write."""


class SignInError(UserError):
    """A sign-in was refused: wrong name or password, a locked or disabled account."""


class PermissionDeniedError(UserError):
    """The signed-in account may not do this (its role or its scope)."""
