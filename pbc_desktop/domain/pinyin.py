"""Names in pinyin: the order of names in every list, and search by pinyin.

:func:`name_keys` gives the three facts stored beside the name of a member, an
organization and a community, so that SQL can sort and search them on any backend:

- ``sort``: the order key. Character by character, the tone-less syllable (padded to six
  letters with ``0``), the tone (1–4, 5 for the neutral tone) and the character's code
  point (five hex digits), so names sort by pinyin, the same syllable by tone, and the same
  reading by character: every 张 together before 章, 李 before 张, 曾 (a surname: zeng)
  before 张. Letters and digits in a name are a "syllable" of their own; punctuation and
  spaces are left out. Only ``0-9a-z`` occur, so every collation (SQLite's binary one,
  PostgreSQL's ``C``, ``en_US`` or ``zh_CN``) orders the keys alike;
- ``initials``: the first letter of each syllable (张伟 ``zw``, 大溪坝村党总支 ``dxbcdzz``);
- ``pinyin``: the tone-less syllables run together (张伟 ``zhangwei``).

A person's surname is read as a surname (曾 zeng, 单 shan, 解 xie, 仇 qiu, 朴 piao, 区 ou,
查 zha …, and the compound surnames 尉迟 yuchi, 万俟 moqi, 长孙 zhangsun,
澹台 tantai). Other polyphonic characters take
pypinyin's reading of the word they are in.

:func:`pinyin_needle` tells whether typed search text is pinyin (``zw``, ``Zhang Wei``,
``xi'an``) and gives it in the stored spelling.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from pypinyin.seg.mmseg import Seg

# The surname readings of characters whose everyday reading differs (TONE3 spelling).
SURNAMES: dict[str, tuple[str, ...]] = {
    "曾": ("zeng1",),
    "单": ("shan4",),
    "解": ("xie4",),
    "仇": ("qiu2",),
    "朴": ("piao2",),
    "区": ("ou1",),
    "查": ("zha1",),
    "盖": ("ge3",),
    "覃": ("qin2",),
    "缪": ("miao4",),
    "召": ("shao4",),
    "乐": ("yue4",),
    "员": ("yun4",),
    "种": ("chong2",),
    "翟": ("zhai2",),
    "繁": ("po2",),
    "秘": ("bi4",),
    "隗": ("wei3",),
    "褚": ("chu3",),
    "藏": ("zang4",),
    "句": ("gou1",),
    "能": ("nai4",),
    "折": ("she2",),
    "柏": ("bai3",),
    "谌": ("chen2",),
    "牟": ("mou2",),
    "都": ("du1",),
    "重": ("chong2",),
    "宿": ("su4",),
    "冼": ("xian3",),
    "洗": ("xian3",),
    "燕": ("yan1",),
    "纪": ("ji3",),
    "任": ("ren2",),
    "华": ("hua4",),
    "过": ("guo1",),
    "沈": ("shen3",),
    "石": ("shi2",),
    "莫": ("mo4",),
    "费": ("fei4",),
    "那": ("na1",),
    "贾": ("jia3",),
    "尉迟": ("yu4", "chi2"),
    "万俟": ("mo4", "qi2"),
    "澹台": ("tan2", "tai2"),
    "长孙": ("zhang3", "sun1"),
}
_COMPOUND = tuple(s for s in SURNAMES if len(s) == 2)

_PAD = 6  # the longest syllable: zhuang, chuang, shuang
#: An order key for characters without a reading: after every syllable.
_NO_READING = ("zzzzzz", 0)


# pypinyin's dictionaries, loaded on the first name (importing them takes a good part of a
# second, which the program's start does not wait for, and about 55 MB), or by the window
# once it is idle (ui/shell/preload.py).
_READINGS: dict[int, str] = {}  # code point -> "zhāng,cháng"
_PHRASES: dict[str, list[list[str]]] = {}  # word -> each character's readings
_WORDS: Seg | None = None  # pypinyin's word segmentation (forward maximum matching)
#: Held while the dictionaries load: a thread asking for them meanwhile waits for the same
#: load (the window's preload and a first name at once load them once).
_LOADING = threading.Lock()


def dictionaries_loaded() -> bool:
    """Whether pypinyin's dictionaries are loaded (a name needs no load any more)."""
    return _WORDS is not None


def _import_dictionaries() -> tuple[dict[int, str], dict[str, list[list[str]]], Seg]:
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.pinyin_dict import pinyin_dict
    from pypinyin.seg.mmseg import seg

    return pinyin_dict, PHRASES_DICT, seg


def load_dictionaries() -> None:
    """Load pypinyin's dictionaries now (a fraction of a second, holding the interpreter),
    so that the first name does not wait for them; once, whichever threads ask."""
    global _READINGS, _PHRASES, _WORDS
    if dictionaries_loaded():
        return
    with _LOADING:
        if dictionaries_loaded():  # loaded by the thread this one waited for
            return
        # stored left to right: _WORDS last, so a thread that sees it sees the other two
        _READINGS, _PHRASES, _WORDS = _import_dictionaries()


@dataclass(frozen=True)
class NameKeys:
    """What is stored beside a name for ordering and searching (see the module text)."""

    sort: str
    initials: str
    pinyin: str


# One reading: (syllable without tone, tone digit), or a letter or digit with tone 0.
_Reading = tuple[str, int]


def _split(tone3: str) -> _Reading:
    if tone3 and tone3[-1].isdigit():
        return tone3[:-1], int(tone3[-1])
    return tone3, 5


def _has_reading(ch: str) -> bool:
    return ord(ch) in _READINGS


def _polyphonic(ch: str) -> bool:
    return "," in _READINGS.get(ord(ch), "")


@lru_cache(maxsize=4096)
def _syllable(marked: str) -> _Reading:
    """A syllable as pypinyin's dictionaries spell it (``zhāng``) as ``("zhang", 1)``."""
    from pypinyin.contrib.tone_convert import to_tone3

    return _split(to_tone3(marked, neutral_tone_with_five=True))


def _char_reading(ch: str) -> _Reading:
    return _syllable(_READINGS[ord(ch)].split(",", 1)[0])


def _run_readings(run: str) -> tuple[_Reading, ...]:
    """Readings of a run of characters that all have one: as pypinyin's ``lazy_pinyin``
    reads them (its word segmentation and phrase dictionary, then each character's first
    reading), without its per-call style machinery, which costs ten times as much; a run
    without a polyphonic character is read character by character."""
    if not any(_polyphonic(ch) for ch in run):
        return tuple(_char_reading(ch) for ch in run)
    out: list[_Reading] = []
    assert _WORDS is not None
    for word in _WORDS.cut(run):
        phrase = _PHRASES.get(word)
        if phrase is not None and len(phrase) == len(word):
            out.extend(_syllable(readings[0]) for readings in phrase)
        else:
            out.extend(_char_reading(ch) for ch in word)
    return tuple(out)


def _runs(text: str) -> list[str]:
    """``text`` in the pieces it is read in: each run of characters that have a reading
    (read together, as words), each other character on its own."""
    out: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if not _has_reading(ch):
            if start < i:
                out.append(text[start:i])
            out.append(ch)
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out


def _readings(text: str) -> list[tuple[str, _Reading]]:
    """Each character that counts for ordering, with its reading."""
    out: list[tuple[str, _Reading]] = []
    for piece in _runs(text):
        if _has_reading(piece[0]):
            out.extend(zip(piece, _run_readings(piece), strict=True))
        elif piece.isascii() and piece.isalnum():
            out.append((piece, (piece.lower(), 0)))
        elif unicodedata.category(piece).startswith("Lo"):  # a character pypinyin cannot read
            out.append((piece, _NO_READING))
    return out


def _surname(name: str) -> tuple[str, tuple[str, ...]] | None:
    for compound in _COMPOUND:
        if name.startswith(compound):
            return compound, SURNAMES[compound]
    if name and name[0] in SURNAMES:
        return name[0], SURNAMES[name[0]]
    return None


_Keys = tuple[str, str, str]  # order key, initials, pinyin of a part of a name


def _keys(readings: Iterable[tuple[str, _Reading]]) -> _Keys:
    sort: list[str] = []
    spoken: list[str] = []
    for ch, reading in readings:
        sort.append(_token(ch, reading))
        if reading != _NO_READING:
            spoken.append(reading[0])
    return "".join(sort), "".join(s[0] for s in spoken if s), "".join(spoken)


@lru_cache(maxsize=4096)  # given names repeat: 3,651 among the demo's 30,000 members
def _part(text: str) -> _Keys:
    alone = [_alone(ch) for ch in text]
    # None: a character whose reading depends on the word it is in
    pieces = _pieces(text) if None in alone else cast(list[_Keys], alone)
    # The keys of the name's pieces (a character reading the same in any word, or a run
    # of characters read as words), run together.
    return (
        "".join(k[0] for k in pieces),
        "".join(k[1] for k in pieces),
        "".join(k[2] for k in pieces),
    )


def _pieces(text: str) -> list[_Keys]:
    """The keys of ``text`` piece by piece, as :func:`_readings` reads it: a run of
    characters with a polyphonic one among them is read as a whole (its words)."""
    out: list[_Keys] = []
    for piece in _runs(text):
        alone = _alone(piece) if len(piece) == 1 else None
        if alone is not None:
            out.append(alone)
        elif any(_polyphonic(ch) for ch in piece):
            out.append(_run_keys(piece))
        else:
            out.extend(cast(_Keys, _alone(ch)) for ch in piece)
    return out


@lru_cache(maxsize=4096)  # a polyphonic character in a given name: often the same run
def _run_keys(run: str) -> _Keys:
    return _keys(zip(run, _run_readings(run), strict=True))


@lru_cache(maxsize=16384)
def _alone(ch: str) -> _Keys | None:
    """A character's keys when no word changes them (it has one reading, or none: a
    letter, a digit, punctuation), else None: :func:`_readings` reads the whole run."""
    if _polyphonic(ch):
        return None
    return _keys(_readings(ch))


@lru_cache(maxsize=8192)
def _token(ch: str, reading: _Reading) -> str:
    """One character's part of the order key."""
    syllable, tone = reading
    return f"{syllable.ljust(_PAD, '0')}{tone}{ord(ch):05x}"


@lru_cache(maxsize=1024)  # the three columns of one row ask for the same name
def name_keys(name: str, *, person: bool = False) -> NameKeys:
    """The order key, initials and pinyin of ``name``; a ``person``'s surname is read as a
    surname."""
    load_dictionaries()
    text = unicodedata.normalize("NFKC", name).strip()
    if not person:
        return NameKeys(*_part(text))
    surname = _surname(text)
    if surname is None:  # the first character on its own: no word across the surname
        head = _part(text[:1])
        rest = text[1:]
    else:
        chars, tones = surname
        head = _keys((ch, _split(tone3)) for ch, tone3 in zip(chars, tones, strict=True))
        rest = text[len(chars) :]
    tail = _part(rest)
    return NameKeys(*(a + b for a, b in zip(head, tail, strict=True)))


def sort_key(name: str, *, person: bool = False) -> str:
    """The order key of ``name`` (for a list sorted in Python, as SQL sorts the stored key)."""
    return name_keys(name, person=person).sort


_NEEDLE_DROPPED = str.maketrans({" ": None, "'": None, "’": None, "-": None, "ü": "v"})


def pinyin_needle(text: str) -> str | None:
    """Typed search text as stored pinyin (lower case, no spaces or apostrophes, ü as v)
    when it is made of Latin letters only (``zw``, ``Zhang Wei``, ``xi'an``); else None."""
    compact = unicodedata.normalize("NFKC", text).lower().translate(_NEEDLE_DROPPED)
    if compact and compact.isascii() and compact.isalpha():
        return compact
    return None
