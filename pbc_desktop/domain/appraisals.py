"""民主评议党员: the grades of the yearly democratic appraisal of party members.

Not :class:`~pbc_desktop.domain.enums.EvaluationResult`: that is the note on a post report
(报到领岗, three results); the appraisal has the four 评议等次 of the Party's rules,
基本合格 among them, and is kept per member and year whatever posts the member holds.
"""

from __future__ import annotations

from pbc_desktop.domain.enums import LabeledEnum


class AppraisalGrade(LabeledEnum):
    """评议等次, best first (the grid's order and its digit keys 1–4)."""

    EXCELLENT = "excellent", "优秀", "Excellent"
    QUALIFIED = "qualified", "合格", "Qualified"
    BASICALLY_QUALIFIED = "basically_qualified", "基本合格", "Basically qualified"
    UNQUALIFIED = "unqualified", "不合格", "Unqualified"


def grade_for_key(key: str) -> AppraisalGrade | None:
    """The grade a clerk types in the grid: its digit (1 优秀 … 4 不合格), its Chinese
    label or its first character (优, 合, 基, 不), its code; None for anything else."""
    text = key.strip()
    if not text:
        return None
    grades = list(AppraisalGrade)
    if text.isdecimal() and 1 <= int(text) <= len(grades):  # not ² (isdigit, not int)
        return grades[int(text) - 1]
    for grade in grades:
        if text in (grade.zh, grade.value, grade.en.lower()) or grade.zh.startswith(text):
            return grade
    return None


def percent(part: int, whole: int) -> float:
    """``part`` of ``whole`` in per cent, one decimal (0 when there is no whole)."""
    return round(100.0 * part / whole, 1) if whole else 0.0
