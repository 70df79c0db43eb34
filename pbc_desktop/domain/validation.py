"""Pure validators shared by forms, services and imports.

Each ``*_error`` function returns a sentence for the user (in the current language) or
``None`` when the value is acceptable. Callers normalise input first with
:func:`normalise_text` (or the more specific ``normalise_*`` helpers).
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from datetime import date
from typing import Literal

from pbc_desktop.domain.enums import Gender
from pbc_desktop.domain.privacy import mask_id_number
from pbc_desktop.lang import t

Label = tuple[str, str]  # (Chinese, English) name of a field in messages

# -- text -----------------------------------------------------------------------------

_FULLWIDTH_OFFSET = 0xFEE0  # U+FF01..U+FF5E map onto U+0021..U+007E
_HALFWIDTH = {code: code - _FULLWIDTH_OFFSET for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000]")
_SPACES = re.compile(r"\s+")
# Variants of the middle dot in transliterated names (e.g. 阿依古丽·买买提).
_MIDDLE_DOTS = str.maketrans(dict.fromkeys("•‧・∙⋅", "·"))


def to_halfwidth(value: str) -> str:
    """Full-width ASCII letters, digits and punctuation (and U+3000) become half-width.

    Text without such characters is returned as it is (the same object), so that equal
    cells of a workbook keep sharing one string; the others are one ``str.translate``.
    """
    if value.isascii() or _FULLWIDTH.search(value) is None:
        return value
    return value.translate(_HALFWIDTH)


def normalise_text(value: str | None) -> str:
    """Strip, convert full-width ASCII to half-width and collapse inner whitespace.

    CJK characters are left as they are. Text already normalised is returned as it is.
    """
    if not value:
        return ""
    text = to_halfwidth(value)
    # Every whitespace character but the ASCII space is unprintable, so a printable text
    # without doubled, leading or trailing spaces has nothing to change.
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    return _SPACES.sub(" ", text).strip()


def typed_number(text: str) -> str:
    """A number as a Chinese input method types it, in ASCII: full-width digits and point
    (``４．５``) and the ideographic full stop typed for a point (``0。5``) read ``4.5``
    and ``0.5``; anything else is left for the caller to refuse."""
    return to_halfwidth(text).replace("。", ".")


def optional_text(value: str | None) -> str | None:
    """:func:`normalise_text`, with an empty result as ``None`` (for nullable columns)."""
    return normalise_text(value) or None


def strip_or_none(value: str | None) -> str | None:
    """``value`` without surrounding whitespace, or ``None`` when nothing is left.

    Unlike :func:`optional_text`, the inner text is kept exactly as typed.
    """
    return (value or "").strip() or None


_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<={_CJK}) (?={_CJK})")


def person_name(value: str | None) -> str:
    """A person's name as stored: normalised, without the spaces that pad two-character
    Chinese names in registers (``王  五`` → ``王五``)."""
    text = normalise_text(value)
    return _SPACE_BETWEEN_CJK.sub("", text) if " " in text else text


def name_key(value: str | None) -> str:
    """A key under which two spellings of the same name compare equal (duplicate checks).

    Ignores case, width, whitespace and middle-dot variants.
    """
    return normalise_text(value).translate(_MIDDLE_DOTS).replace(" ", "").casefold()


# -- text typed or pasted into a field ----------------------------------------------------

# Spaces other than the ASCII one (full-width U+3000, no-break, en/em, narrow…) become " ".
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")
# Invisible characters that change how text is shown or compared: bidi marks, embeddings,
# overrides and isolates (a name that reads backwards), zero-width space/joiners, BOM.
_INVISIBLE = frozenset(
    "\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def _refused_char(char: str, multiline: bool) -> bool:
    if char == "\n":
        return not multiline
    if char == "\t":
        return False  # a tab is a space (see clean_text)
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:  # C0 and C1 control characters, DEL
        return True
    return char in _INVISIBLE or unicodedata.category(char) in ("Cf", "Cs")


_ZWJ = "\u200d"
# What may stand between a pictograph and the joiner: the emoji presentation selector and
# the skin tones (👩🏽‍💻, ❤️‍🔥).
_EMOJI_TRAILERS = frozenset("\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")


def _pictograph(char: str) -> bool:
    return ord(char) >= 0x2190 and unicodedata.category(char) == "So"


def _joins_emoji(text: str, index: int) -> bool:
    """Whether the zero-width joiner at ``text[index]`` joins two emoji into one (👨‍👩‍👧,
    👩‍💻): chat software puts it there, and it is shown as one picture, never hidden text."""
    before = index - 1
    while before >= 0 and text[before] in _EMOJI_TRAILERS:
        before -= 1
    after = index + 1
    return (
        before >= 0 and after < len(text) and _pictograph(text[before]) and _pictograph(text[after])
    )


def _first_refused(text: str, multiline: bool) -> tuple[int, str] | None:
    """The first refused character of ``text`` (line breaks made "\\n") and its position."""
    for index, char in enumerate(text):
        if _refused_char(char, multiline) and not (char == _ZWJ and _joins_emoji(text, index)):
            return index + 1, char
    return None


def refused_character(value: str | None, *, multiline: bool = False) -> str | None:
    """The first character of ``value`` that :func:`clean_text` would refuse ("\\n" for
    any line break in a single-line text), or ``None``.

    For a text that is stored as it came, not cleaned (a package from another office):
    it is not stripped first, so a line break or control character at either end is
    refused too, where :func:`clean_text` would have dropped it with the spaces.
    """
    if not value or value.isprintable():
        return None
    found = _first_refused(_LINE_BREAKS.sub("\n", value), multiline)
    return None if found is None else found[1]


def clean_text(
    value: str | None, label: Label, *, max_len: int | None = None, multiline: bool = False
) -> tuple[str, str | None]:
    """A name, place or title as stored, and why it is refused (``None`` when accepted).

    The text is stripped; full-width and other odd spaces and tabs become " "; Windows and
    Unicode line breaks become "\\n". Refused, with the field (``label``) named: control
    characters, bidi marks and overrides (U+200E/F, U+202A–202E, U+2066–2069), zero-width
    and other invisible format characters, a line break in a single-line field, and more
    than ``max_len`` characters.
    """
    if not value:
        return "", None
    # Every odd space, tab, line break and refused character is unprintable (Zs, Zl, Zp,
    # Cc, Cf or Cs): most texts are printable and need neither the replacing nor a look at
    # each character (an import checks ten texts a row).
    printable = value.isprintable()
    if printable:
        text = value.strip()
    else:
        text = _ODD_SPACES.sub(" ", value).replace("\t", " ")
        text = _LINE_BREAKS.sub("\n", text).strip()
        printable = text.isprintable()
    found = None if printable else _first_refused(text, multiline)
    if found is not None:
        position, char = found
        if char == "\n":
            return text, t(f"{label[0]}只能填写一行，不能换行", f"The {label[1]} must be one line")
        return text, t(
            f"{label[0]}的第 {position} 个字符是不可见的控制字符或排版标记（U+{ord(char):04X}，"
            "常由网页或聊天软件复制带入），请删除后重新输入",
            f"Character {position} of the {label[1]} is an invisible control or direction "
            f"mark (U+{ord(char):04X}, often copied from a web page or a chat); delete it "
            "and type the text again",
        )
    if max_len is not None and len(text) > max_len:
        return text, t(
            f"{label[0]}不能超过 {max_len} 个字（现为 {len(text)} 个）",
            f"The {label[1]} may have at most {max_len} characters (it has {len(text)})",
        )
    return text, None


def text_error(
    value: str | None, label: Label, *, max_len: int | None = None, multiline: bool = False
) -> str | None:
    """Why :func:`clean_text` refuses ``value``, or ``None``."""
    return clean_text(value, label, max_len=max_len, multiline=multiline)[1]


# -- resident ID number (GB 11643) ------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_WEIGHTED_ZEROS = ord("0") * sum(_ID_WEIGHTS)
_ID_SHAPE = re.compile(r"^\d{17}[\dX]$", re.ASCII)
_MIN_BIRTH_YEAR = 1900


def _without_invisible(text: str) -> str:
    """``text`` without its invisible marks (a zero-width space, a byte-order mark, a
    direction mark), which a number copied from a web page or a chat brings along: they
    mean nothing in a number, and made one look right but read as 19 digits."""
    if text.isprintable():
        return text
    return "".join(c for c in text if c.isprintable() or c.isspace())


def normalise_id_number(value: str | None) -> str:
    """Half-width, no spaces nor invisible marks, upper-case X."""
    if (
        value
        and value.isascii()
        and (value.isdigit() or (value[:-1].isdigit() and value[-1] == "X"))
    ):
        return value  # already so (a checked number is asked for again and again)
    return _without_invisible(normalise_text(value)).replace(" ", "").upper()


def id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(first17)
    # The digits' code points are each 48 more than the digit.
    total = sum(map(operator.mul, first17.encode("ascii"), _ID_WEIGHTS)) - _ID_WEIGHTED_ZEROS
    return _ID_CHECK_CHARS[total % 11]


def _birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


# What is wrong with a normalised ID number (put into words by _id_problem_text).
_IdProblem = Literal["empty", "length", "shape", "region", "birth", "future", "check"]


@functools.lru_cache(maxsize=256)
def _id_reading(number: str, today: date) -> tuple[_IdProblem | None, date | None]:
    """What is wrong with ``number`` (or None) and, when nothing is, its birth date.

    Remembered for the last numbers asked: a roster's row has its number checked when it
    is completed and again by the member's rules (twice for each of 30,000 rows); the
    sentence is made by the caller, in the language of the moment.
    """
    if not number:
        return "empty", None
    if len(number) != 18:
        return "length", None
    if not _ID_SHAPE.match(number):
        return "shape", None
    if number[0] == "0":
        return "region", None
    birth = _birth_date(number)
    if birth is None or birth.year < _MIN_BIRTH_YEAR:
        return "birth", None
    if birth > today:
        return "future", None
    if id_check_char(number[:17]) != number[17]:
        return "check", None
    return None, birth


def _id_problem_text(problem: _IdProblem, number: str) -> str:
    if problem == "empty":
        return t("身份证号不能为空", "The ID number is empty")
    if problem == "length":
        return t(
            f"身份证号应为 18 位，现为 {len(number)} 位",
            f"The ID number must have 18 characters, not {len(number)}",
        )
    if problem == "shape":
        return t(
            "身份证号只能由数字组成（最后一位可为 X）",
            "The ID number may contain only digits (the last may be X)",
        )
    if problem == "region":
        return t("身份证号的地区码无效", "The region code of the ID number is invalid")
    if problem == "birth":
        return t("身份证号中的出生日期无效", "The birth date in the ID number is invalid")
    if problem == "future":
        return t("身份证号中的出生日期晚于今天", "The birth date in the ID number is in the future")
    return t("身份证号校验位错误", "The check digit of the ID number is wrong")


def id_number_error(value: str | None, *, today: date | None = None) -> str | None:
    """Why ``value`` is not a valid 18-digit resident ID number, or ``None``."""
    number = normalise_id_number(value)
    problem, _birth = _id_reading(number, today or date.today())
    return None if problem is None else _id_problem_text(problem, number)


def is_valid_id_number(value: str | None, *, today: date | None = None) -> bool:
    return id_number_error(value, today=today) is None


def decode_id_number(value: str | None) -> tuple[date, Gender]:
    """Birth date and sex of an ID number that :func:`id_number_error` has accepted.

    The 17th digit is odd for men and even for women.
    """
    number = normalise_id_number(value)
    birth = _birth_date(number) if len(number) == 18 else None
    if birth is None:
        raise ValueError(f"not a checked ID number: {mask_id_number(value)!r}")
    return birth, _id_gender(number)


def _id_gender(number: str) -> Gender:
    """The sex of a checked ID number: its 17th digit is odd for men, even for women."""
    return Gender.MALE if int(number[16]) % 2 else Gender.FEMALE


def id_number_facts(value: str | None) -> tuple[date, Gender] | None:
    """Birth date and sex encoded in ``value``, checked once (``None`` when invalid)."""
    number = normalise_id_number(value)
    _problem, birth = _id_reading(number, date.today())
    return None if birth is None else (birth, _id_gender(number))


def birth_date_from_id(value: str | None) -> date | None:
    """The birth date encoded in a valid ID number (``None`` when the number is invalid)."""
    facts = id_number_facts(value)
    return facts[0] if facts else None


def gender_from_id(value: str | None) -> Gender | None:
    """The sex encoded in a valid ID number (``None`` when the number is invalid)."""
    facts = id_number_facts(value)
    return facts[1] if facts else None


# -- phone numbers ----------------------------------------------------------------------

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Optional area code (0 + 2-3 digits, optionally in brackets or followed by a dash),
# a local number of 7-8 digits not starting with 0/1, and an optional extension.
_LANDLINE = re.compile(
    r"^(?:(?:\(0\d{2,3}\)|0\d{2,3})-?)?[2-9]\d{6,7}(?:(?:-|转|#|ext\.?)\d{1,6})?$",
    re.IGNORECASE,
)


def normalise_phone(value: str | None) -> str:
    """Half-width, without spaces nor invisible marks; a leading +86/0086 country code is
    dropped."""
    if value and value.isascii() and value.isdigit() and not value.startswith("0086"):
        return value  # already so
    phone = _without_invisible(normalise_text(value)).replace(" ", "")
    for prefix in ("+86-", "+86", "0086-", "0086"):
        if phone.startswith(prefix):
            return phone[len(prefix) :]
    return phone


def is_mobile(value: str | None) -> bool:
    return bool(_MOBILE.match(normalise_phone(value)))


def is_landline(value: str | None) -> bool:
    return bool(_LANDLINE.match(normalise_phone(value)))


def mobile_error(value: str | None) -> str | None:
    if is_mobile(value):
        return None
    return t(
        "手机号码应为 1 开头的 11 位数字，如 13812345678",
        "A mobile number has 11 digits starting with 1, e.g. 13812345678",
    )


def landline_error(value: str | None) -> str | None:
    if is_landline(value):
        return None
    return t(
        "固定电话格式不正确，应如 0754-87654321 或 87654321，分机号写在后面如 -123",
        "A landline number looks like 0754-87654321 or 87654321, extension as -123",
    )


def phone_error(value: str | None) -> str | None:
    """A mobile or a landline number is accepted."""
    if is_mobile(value) or is_landline(value):
        return None
    return t(
        "电话号码格式不正确，应为手机号（如 13812345678）或固定电话（如 0754-87654321）",
        "The phone number is not valid: use a mobile (e.g. 13812345678) "
        "or a landline number (e.g. 0754-87654321)",
    )


# -- dates ------------------------------------------------------------------------------

START_DATE: Label = ("开始日期", "start date")
END_DATE: Label = ("结束日期", "end date")


def date_order_error(
    first: date | None,
    second: date | None,
    *,
    first_label: Label = START_DATE,
    second_label: Label = END_DATE,
    allow_equal: bool = True,
) -> str | None:
    """``second`` must not be before ``first`` (nor equal, unless ``allow_equal``).

    A missing date is not an error here; required dates are checked by the caller.
    """
    if first is None or second is None:
        return None
    if second > first or (allow_equal and second == first):
        return None
    if allow_equal:
        return t(
            f"{second_label[0]}不能早于{first_label[0]}",
            f"The {second_label[1]} cannot be before the {first_label[1]}",
        )
    return t(
        f"{second_label[0]}必须晚于{first_label[0]}",
        f"The {second_label[1]} must be after the {first_label[1]}",
    )


def future_date_error(
    value: date | None, *, label: Label = ("日期", "date"), today: date | None = None
) -> str | None:
    """``value`` must not be after today."""
    if value is None or value <= (today or date.today()):
        return None
    return t(f"{label[0]}不能晚于今天", f"The {label[1]} cannot be in the future")
