"""How personal data (ID numbers, phones, birth dates) is shown when it must not be read.

The scheme, and why
-------------------
A PRC resident ID number is ``RRRRRR YYYYMMDD SSS C``: a 6-digit region code, the birth
date, a 3-digit sequence (its last digit gives the sex) and a check character computed
from the 17 others. The old mask ``440514********416X`` hid exactly the 8 birth-date
digits; every roster and export prints the birth date beside it, so the full number could
be read back from any masked row.

A masked ID number therefore shows **only its last 4 characters**
(``**************416X``), and wherever an ID number is masked, a birth date shown beside it
is cut to **the year** (``1985``). What is left to guess is the region code and the month
and day: even for someone who assumes the district's own region code, about 365 / 11 ≈ 33
numbers fit each row (the check character removes 10 of every 11 guesses), and thousands
without it. The sex shown beside it is already given by the visible sequence digit.

Phones keep the first 3 and the last 4 digits (``138****5678``), the form Chinese
services print; nothing else shown beside a member tells the hidden 4 digits. A shorter
number hides 4 all the same: an 8-digit landline without its area code shows only its last
4 (``****4321``). A mobile typed a digit short or long (``1381234567``, ``138123456789``)
is masked the same way in free text (``******4567``, ``138*****6789``).

Free text (log lines, tracebacks, audit summaries, error messages) goes through
:func:`scrub_text`, which masks anything that looks like an ID number or a phone; a message
quoting what a cell of an imported file held goes through :func:`scrub_quoted` (a roster
whose columns slipped puts an ID number under 出生日期 or a phone under 所在党组织).
"""

from __future__ import annotations

import re
from datetime import date

MASK = "*"

#: Characters of an ID number left visible by :func:`mask_id_number`.
ID_VISIBLE = 4


def mask_id_number(value: str | None) -> str:
    """Only the last 4 characters: ``**************416X``; ``""`` when there is none."""
    if not value:
        return ""
    text = value.strip()
    if len(text) <= ID_VISIBLE:
        return MASK * len(text)
    return MASK * (len(text) - ID_VISIBLE) + text[-ID_VISIBLE:]


#: Characters of a phone left visible by :func:`mask_phone`: at its start and at its end.
PHONE_SHOWN_START = 3
PHONE_SHOWN_END = 4
#: Characters a phone's mask hides at the least: a phone shorter than a mobile keeps fewer.
PHONE_HIDDEN_AT_LEAST = 4
#: The shortest phone that shows its first 3 and last 4 characters (11: a mobile), and the
#: shortest that shows its last 4 (8); a shorter one shows its last 2.
PHONE_SHOWS_START_FROM = PHONE_SHOWN_START + PHONE_SHOWN_END + PHONE_HIDDEN_AT_LEAST
PHONE_SHOWS_END_FROM = PHONE_SHOWN_END + PHONE_HIDDEN_AT_LEAST
PHONE_SHORT_SHOWN_END = 2


def phone_shown(length: int) -> tuple[int, int]:
    """How many characters a phone of ``length`` shows at its start and at its end.

    A mobile or a landline with its area code shows its first 3 and last 4; an 8-digit
    landline typed without its area code (``87654321``) shows only its last 4, not 7 of its
    8 digits (``876*4321`` would leave 10 numbers to try), and so does a mobile typed a
    digit short; one of 7 or fewer shows its last 2.
    """
    if length >= PHONE_SHOWS_START_FROM:
        return PHONE_SHOWN_START, PHONE_SHOWN_END
    if length >= PHONE_SHOWS_END_FROM:
        return 0, PHONE_SHOWN_END
    return 0, min(PHONE_SHORT_SHOWN_END, length)


def mask_phone(value: str | None) -> str:
    """The first 3 and the last 4 characters: ``138****5678`` (only the last 4 of a shorter
    number, ``****4321``, see :func:`phone_shown`); ``""`` when there is none."""
    if not value:
        return ""
    text = value.strip()
    start, end = phone_shown(len(text))
    return text[:start] + MASK * (len(text) - start - end) + text[len(text) - end :]


def mask_birth_date(value: date | None) -> str:
    """The birth year only (``1985``), shown beside a masked ID number."""
    return f"{value.year:04d}" if value is not None else ""


# An 18-character ID (17 digits and a digit or X) or a 15-digit one, not inside a longer
# run of digits; full-width digits are caught too, and so is a number typed in groups
# (``440514 19850302 416X``, ``4405-1419-…``): one space or hyphen may separate digits.
# An ID number typed one or two characters short (16 or 17 in a row, e.g. a remark's
# ``44051419850302416``) is one too: it shows all but a check character anyone can compute.
_D = "[0-9０-９]"
_SEP = "[ \\-－\u3000]"
_ID_RE = re.compile(
    rf"(?<!{_D})(?<!{_D}{_SEP})"
    rf"(?:{_D}(?:{_SEP}?{_D}){{16}}{_SEP}?[0-9０-９XxＸｘ]|{_D}(?:{_SEP}?{_D}){{14}}"
    rf"|{_D}{{15,16}}[0-9０-９XxＸｘ])"
    rf"(?![0-9０-９XxＸｘ])(?!{_SEP}{_D})"
)
# A mainland mobile (optionally +86 / 86 / spaced or hyphenated 3-4-4) or a landline with
# its area code (0754-87654321, 075487654321, (0754)87654321); full-width digits too.
# A mobile typed one digit short or long (``1381234567``, ``138123456789``) is one too: it
# shows all but a digit or two of the number meant. Such a near-mobile is taken only when
# no decimal point joins it to more digits (``1500000000.00`` is an amount).
_PHONE_RE = re.compile(
    rf"(?<!{_D})(?:(?:[+＋]?[8８][6６]{_SEP}?)?[1１][3-9３-９]{_D}{_SEP}?{_D}{{4}}{_SEP}?{_D}{{4}}"
    rf"|(?:[0０][1-9１-９]{_D}{{1,2}}|[(（][0０][1-9１-９]{_D}{{1,2}}[)）]){_SEP}?{_D}{{7,8}})"
    rf"(?!{_D})"
    rf"|(?<!{_D})(?<!{_D}[.．])"
    rf"(?:(?:[+＋]?[8８][6６]{_SEP}?)?[1１][3-9３-９]{_D}{_SEP}?{_D}{{4}}{_SEP}?(?:{_D}{{5}}|{_D}{{3}}))"
    rf"(?!{_D})(?![.．]{_D})"
)


def _mask_match(match: re.Match[str]) -> str:
    text = re.sub(_SEP, "", match.group(0))
    return MASK * (len(text) - ID_VISIBLE) + text[-ID_VISIBLE:]


def _mask_phone_match(match: re.Match[str]) -> str:
    digits = re.sub(r"[^0-9０-９]", "", match.group(0))
    return mask_phone(digits)


# A record's UUID (``b3233186-0754-4123-8765-43210fedcba9``) or a file's SHA-256 (64 hex
# digits, an attachment's in the audit log) is never personal data, but its digit groups
# can look like a landline or a grouped ID number (``…ee06a0873615658a…``): such spans are
# left alone.
_UUID_RE = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|(?<![0-9a-zA-Z])(?=[0-9]*[a-fA-F])[0-9a-fA-F]{64}(?![0-9a-zA-Z])"
)


def _outside_uuids(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is_uuid, part) pieces."""
    parts: list[tuple[bool, str]] = []
    last = 0
    for match in _UUID_RE.finditer(text):
        parts.append((False, text[last : match.start()]))
        parts.append((True, match.group(0)))
        last = match.end()
    parts.append((False, text[last:]))
    return parts


def _scrub_part(text: str) -> str:
    return _PHONE_RE.sub(_mask_phone_match, _ID_RE.sub(_mask_match, text))


def scrub_text(text: str) -> str:
    """``text`` with every ID number and phone number in it masked (for logs, audit, errors)."""
    if not text:
        return text
    return "".join(part if is_uuid else _scrub_part(part) for is_uuid, part in _outside_uuids(text))


_QUOTED_RE = re.compile("“([^“”]*)”")


def scrub_quoted(text: str) -> str:
    """``text`` with every ID number and phone *inside “quotes”* masked: a message quoting
    what a cell held (``出生日期“13812345678”无法识别``) keeps its own examples
    (``如 13812345678``) as written."""
    return _QUOTED_RE.sub(lambda m: f"“{scrub_text(m.group(1))}”", text)


def contains_personal_numbers(text: str) -> bool:
    """True when ``text`` holds something that looks like a full ID number or phone."""
    return any(
        not is_uuid and bool(_ID_RE.search(part) or _PHONE_RE.search(part))
        for is_uuid, part in _outside_uuids(text)
    )
