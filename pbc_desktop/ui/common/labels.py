"""Display text of domain values in the current UI language."""

from __future__ import annotations

from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.domain.punctuation import has_cjk
from pbc_desktop.lang import language


def label(value: LabeledEnum | None) -> str:
    return "" if value is None else value.label(language())


def form_label(value: LabeledEnum) -> str:
    """The label of a form's row: "党员大会：" in Chinese, "Party members' meeting:" in
    English."""
    text = label(value)
    return f"{text}：" if has_cjk(text) else f"{text}:"
