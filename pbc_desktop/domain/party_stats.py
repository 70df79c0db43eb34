"""党内统计: how the annual statistics forms group members, as pure rules.

The bands follow the layout of the 党内统计 forms (中共党员数量和结构): age bands of five
years from 31 to 60, 学历 in six levels, 入党时间 cut at the founding of the PRC, the Third
Plenum of the 11th Central Committee (十一届三中全会, December 1978) and the 16th, 18th and
20th Party congresses. A member's value that the app does not know (no birth date, an
education typed in other words) falls in 未填写, so the bands always add up to the total.
"""

from __future__ import annotations

from datetime import date

from pbc_desktop.domain.enums import Gender, LabeledEnum, MemberCategory, OrgField, OrgKind
from pbc_desktop.domain.member_changes import MemberChangeKind

#: The changes of the year the forms count (党员增减情况), in the forms' order: the
#: increases, then the decreases. Every change of the roll is one of them, and a coming
#: onto it without one is :data:`OTHER_INCREASE` (a row after the increases), so that the
#: members at the end of last year with these added and taken away are this year's
#: (恢复党籍 and 停止党籍 left out, a suspension changed the count unexplained).
CHANGE_KINDS: tuple[MemberChangeKind, ...] = (
    MemberChangeKind.DEVELOPED,
    MemberChangeKind.TRANSFERRED_IN,
    MemberChangeKind.RESTORED,
    MemberChangeKind.TRANSFERRED_OUT,
    MemberChangeKind.DECEASED,
    MemberChangeKind.LEFT_PARTY,
    MemberChangeKind.SUSPENDED,
)

#: The row after the increases counting the members who came onto the roll by their
#: joining date alone, with no change recorded (entered by hand in the member editor, or
#: by a roster's import, joining in the year): the roll counts them from that date (see
#: ``member_changes.roll``), so without it the table would not add up. Counted, not
#: recorded as 发展: the editor does not know whether they were admitted here or joined
#: elsewhere and came since, and 发展 is the admission of the development records.
OTHER_INCREASE = "其他增加"

UNKNOWN = "未填写"

#: (label, lowest age, highest age or None) — the forms' age columns.
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("30岁及以下", 0, 30),
    ("31至35岁", 31, 35),
    ("36至40岁", 36, 40),
    ("41至45岁", 41, 45),
    ("46至50岁", 46, 50),
    ("51至55岁", 51, 55),
    ("56至60岁", 56, 60),
    ("61岁及以上", 61, None),
)

EDUCATION_BANDS: tuple[str, ...] = ("研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下")

#: Words of a typed 学历 → its band, the first match wins (研究生 before 本科: "本科及研究生
#: 学历" is rare, but 硕士研究生 is common).
_EDUCATION_WORDS: tuple[tuple[str, str], ...] = (
    ("研究生", "研究生"),
    ("博士", "研究生"),
    ("硕士", "研究生"),
    ("本科", "大学本科"),
    ("学士", "大学本科"),
    ("大专", "大学专科"),
    ("专科", "大学专科"),
    ("高职", "大学专科"),
    ("中专", "中专"),
    ("中技", "中专"),
    ("技校", "中专"),
    ("职高", "中专"),
    ("中职", "中专"),
    ("高中", "高中"),
    ("初中", "初中及以下"),
    ("小学", "初中及以下"),
    ("文盲", "初中及以下"),
    ("识字", "初中及以下"),
)

#: (label, first day) of each 入党时间 band, oldest first; a band ends where the next begins.
JOINED_BANDS: tuple[tuple[str, date], ...] = (
    ("建国前", date(1, 1, 1)),
    ("建国后至十一届三中全会前", date(1949, 10, 1)),
    ("十一届三中全会后至党的十六大前", date(1979, 1, 1)),
    ("党的十六大至十八大前", date(2002, 11, 8)),
    ("党的十八大至二十大前", date(2012, 11, 8)),
    ("党的二十大以来", date(2022, 10, 16)),
)

ETHNIC_BANDS: tuple[str, ...] = ("汉族", "少数民族")


def years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_cutoffs(day: date) -> tuple[tuple[str, date | None], ...]:
    """Each age band with the birth date its members are born after (None: the oldest
    band, everyone left): a member born after ``years_before(day, high + 1)`` is at most
    ``high`` years old on ``day``. For counting in SQL as :func:`age_band` does."""
    return tuple(
        (label, years_before(day, high + 1) if high is not None else None)
        for label, _low, high in AGE_BANDS
    )


def age_at(birth: date, day: date) -> int:
    """Full years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_band(birth: date | None, day: date) -> str:
    if birth is None:
        return UNKNOWN
    age = age_at(birth, day)
    for label, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return UNKNOWN


def education_band(education: str | None) -> str:
    text = (education or "").strip()
    for word, band in _EDUCATION_WORDS:
        if word in text:
            return band
    return UNKNOWN


def joined_band(joined: date | None) -> str:
    if joined is None:
        return UNKNOWN
    found = UNKNOWN
    for label, first in JOINED_BANDS:
        if joined >= first:
            found = label
    return found


def ethnic_band(ethnicity: str | None) -> str:
    text = (ethnicity or "").strip()
    if not text:
        return UNKNOWN
    return "汉族" if text in ("汉族", "汉") else "少数民族"


def band_labels(labels: tuple[str, ...], counts: dict[str, int]) -> tuple[str, ...]:
    """The form's labels, with 未填写 after them only when some member falls there."""
    return labels + ((UNKNOWN,) if counts.get(UNKNOWN) else ())


#: The English of the bands' labels (the labels themselves, Chinese, are the keys of the
#: tables and of their export); a band of an enum has its own (``LabeledEnum.en``).
BAND_ENGLISH: dict[str, str] = {
    UNKNOWN: "Not recorded",
    OTHER_INCREASE: "Other additions (no change recorded)",
    "30岁及以下": "30 and under",
    "31至35岁": "31 to 35",
    "36至40岁": "36 to 40",
    "41至45岁": "41 to 45",
    "46至50岁": "46 to 50",
    "51至55岁": "51 to 55",
    "56至60岁": "56 to 60",
    "61岁及以上": "61 and over",
    "研究生": "Postgraduate",
    "大学本科": "Bachelor's degree",
    "大学专科": "Junior college",
    "中专": "Secondary vocational school",
    "高中": "Senior high school",
    "初中及以下": "Junior high school or less",
    "建国前": "Before October 1949",
    "建国后至十一届三中全会前": "October 1949 to the Third Plenum (1978)",
    "十一届三中全会后至党的十六大前": "The Third Plenum to the 16th Party Congress",
    "党的十六大至十八大前": "The 16th to the 18th Party Congress",
    "党的十八大至二十大前": "The 18th to the 20th Party Congress",
    "党的二十大以来": "Since the 20th Party Congress",
    "汉族": "Han",
    "少数民族": "Ethnic minorities",
}

_ENUMS: tuple[type[LabeledEnum], ...] = (Gender, MemberCategory, OrgField, OrgKind)


def english_label(label: str) -> str:
    """The English of a label of the tables (a band, a sex, a field, a kind of
    organization or of change); a label it does not know (合计 already made English,
    a name) as it is."""
    if label in BAND_ENGLISH:
        return BAND_ENGLISH[label]
    for kind in CHANGE_KINDS:
        if kind.zh == label:
            return kind.en
    for enum_cls in _ENUMS:
        for member in enum_cls:
            if member.zh == label:
                return member.en
    return label
