"""Attendance rules: who counts as expected (应到) and present (实到), and how an absence reads."""

from __future__ import annotations

from collections.abc import Sequence

from pbc_desktop.domain.enums import AbsenceReason, ActivityStatus, AttendanceStatus

# 应到: everyone called (present or absent); 列席 (attending without vote) is not counted.
EXPECTED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT)


def attendance_taken(status: ActivityStatus) -> bool:
    """Whether an activity's attendance is as it went: only a held one's. A planned
    activity lists those called (each 出席 until told otherwise), a cancelled one never
    met: their 实到 is not shown nor counted (应到 is)."""
    return status is ActivityStatus.HELD


def count_attendance(statuses: Sequence[AttendanceStatus]) -> tuple[int, int]:
    """(应到, 实到): everyone called (present or absent), and those present; 列席 not counted."""
    expected = sum(1 for s in statuses if s in EXPECTED_STATUSES)
    present = sum(1 for s in statuses if s == AttendanceStatus.PRESENT)
    return expected, present


def absence_text(reason: AbsenceReason | None, text: str | None, lang: str = "zh") -> str:
    """Why someone was absent, in one phrase: the reason ("病假"), the reason and its words
    ("公出：赴区委党校培训"), the words alone for 其他 ("家中有急事"), or "" when neither
    was given. The minutes, the sign-in sheet and the activity's detail all print this."""
    words = (text or "").strip()
    if reason is None:
        return words
    name = reason.label(lang)
    if not words:
        return name
    if reason is AbsenceReason.OTHER:
        return words
    return f"{name}: {words}" if lang == "en" else f"{name}：{words}"
