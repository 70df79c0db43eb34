"""Attendance rules (``domain/attendance.py``): 应到/实到, and the one phrasing of an absence."""

from __future__ import annotations

import pytest

from pbc_desktop.domain.attendance import absence_text, count_attendance
from pbc_desktop.domain.enums import AbsenceReason, AttendanceStatus

P, A, N = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.NON_VOTING


def test_count_attendance() -> None:
    assert count_attendance([P, P, A, N, N]) == (3, 2)
    assert count_attendance([]) == (0, 0)


@pytest.mark.parametrize(
    ("reason", "text", "zh", "en"),
    [
        (AbsenceReason.SICK, None, "病假", "Sick leave"),
        (AbsenceReason.SICK, "  ", "病假", "Sick leave"),
        (
            AbsenceReason.BUSINESS,
            " 赴区委党校培训 ",
            "公出：赴区委党校培训",
            "On official business: 赴区委党校培训",
        ),
        (AbsenceReason.OTHER, "家中有急事", "家中有急事", "家中有急事"),
        (AbsenceReason.OTHER, None, "其他", "Other"),
        (None, "在外务工", "在外务工", "在外务工"),
        (None, None, "", ""),
    ],
)
def test_an_absence_reads_the_same_everywhere(
    reason: AbsenceReason | None, text: str | None, zh: str, en: str
) -> None:
    assert absence_text(reason, text) == zh
    assert absence_text(reason, text, "zh") == zh
    assert absence_text(reason, text, "en") == en
