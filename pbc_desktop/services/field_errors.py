"""Collecting a form's validation errors, so that the user sees all of them at once."""

from __future__ import annotations

from datetime import date

from pbc_desktop.domain.dates import out_of_years_error
from pbc_desktop.domain.validation import Label, clean_text, future_date_error
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t


class FieldErrors:
    """The errors found so far, each naming its field; :meth:`raise_any` raises them together."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, name: str, zh: str, en: str) -> None:
        """Record an error of field ``name`` (the message in Chinese and English)."""
        self.errors.append(FieldError(name, t(zh, en)))

    def text(
        self,
        name: str,
        value: str | None,
        label: Label,
        *,
        max_len: int | None = None,
        multiline: bool = False,
        missing: tuple[str, str] | None = None,
    ) -> str:
        """``value`` as :func:`~pbc_desktop.domain.validation.clean_text` stores it; its
        refusal (control characters, direction marks, a line break, too long) recorded.
        Given ``missing`` (the request to fill it in, in Chinese and English), a blank
        ``value`` is refused with it."""
        if missing is not None and not (value or "").strip():
            self.add(name, *missing)
        cleaned, problem = clean_text(value, label, max_len=max_len, multiline=multiline)
        if problem is not None:
            self.errors.append(FieldError(name, problem))
        return cleaned

    def not_future(self, name: str, day: date | None, label: Label, today: date) -> None:
        """Record that ``day`` is after ``today`` (each feature's own ``today()``, which its
        tests fix), in the words of :func:`~pbc_desktop.domain.validation.future_date_error`,
        or before the years a date field takes (:meth:`in_years`)."""
        problem = future_date_error(day, label=label, today=today) or out_of_years_error(day, label)
        if problem is not None:
            self.errors.append(FieldError(name, problem))

    def in_years(self, name: str, day: date | None, label: Label) -> None:
        """Record that ``day`` is of a year no date field takes
        (:func:`~pbc_desktop.domain.dates.out_of_years_error`)."""
        problem = out_of_years_error(day, label)
        if problem is not None:
            self.errors.append(FieldError(name, problem))

    def raise_any(self) -> None:
        """Raise a :class:`ValidationError` with every recorded error, if there is one."""
        if self.errors:
            raise ValidationError(self.errors)
