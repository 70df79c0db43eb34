"""Display text of domain values in the current UI language."""

from __future__ import annotations

from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.lang import language


def label(value: LabeledEnum | None) -> str:
    return "" if value is None else value.label(language())
