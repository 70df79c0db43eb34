"""Full-width punctuation in Chinese text: ：，（）；？！ rather than the ASCII marks.

Used by the check that keeps the UI strings, the translations and the printed reports in
the Chinese typographic convention, and by the one-off fixer of existing strings. Some
ASCII marks stay by convention or by need: a menu accelerator ``(&F)``, a file-dialog
filter ``(*.xlsx);;``, a format placeholder ``{0}`` / ``%(n)s`` and what is inside one,
a time ``14:32`` and marks between Latin words.
"""

from __future__ import annotations

import re

# Half-width punctuation typed between Chinese characters, and its full-width form.
_FULL_WIDTH = {
    ",": "\uff0c",
    ":": "\uff1a",
    ";": "\uff1b",
    "(": "\uff08",
    ")": "\uff09",
    "?": "\uff1f",
    "!": "\uff01",
}


def _is_cjk_char(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x2FFFF
    )


def cjk_punctuation(text: str) -> str:
    """Half-width , : ; ( ) ? ! next to a Chinese character become full-width (,:;()?!).

    Clerks often type with a half-width input method; on paper the Chinese forms are
    expected. Times (14:30), numbers (3,000) and Latin text are left alone.
    """
    if not any(ch in _FULL_WIDTH for ch in text):
        return text
    chars = list(text)
    changed = True
    while changed:  # "(签字):" — the colon follows a bracket that has just become full-width
        changed = False
        for i, ch in enumerate(chars):
            if ch not in _FULL_WIDTH:
                continue
            before = chars[i - 1] if i > 0 else " "
            after = chars[i + 1] if i + 1 < len(chars) else " "
            if _is_cjk_char(before) or _is_cjk_char(after):
                chars[i] = _FULL_WIDTH[ch]
                changed = True
    return "".join(chars)


# Spans left alone: placeholders, accelerators, file filters, the ;; between filters.
_PROTECTED = re.compile(
    r"\{(?:[^{}]|\{[^{}]*\})*\}"  # {0}, {name}, {n:,}, {'、'.join(f'{c}' for c in x)}
    r"|%\([A-Za-z_]\w*\)[#0\- +]*\d*(?:\.\d+)?[sdifr]"  # %(name)s
    r"|\(&(?:amp;)?[A-Za-z0-9]\)"  # (&F), (&amp;F) in .ts / .ui XML
    r"|\(\*[^()]*\)"  # (*.xlsx *.xls), (*)
    r"|;;"
    r"|&[a-z]+;|&#\d+;"  # XML entities
    r"|[a-z][a-z0-9+.-]*://[^\s,;，。、；（）“”]*"  # an address typed as it is: host:port
)


_ACCELERATOR_END = re.compile(r"\(&(?:amp;)?[A-Za-z0-9]$")


def is_cjk(ch: str) -> bool:
    """A Chinese character or a Chinese mark (full-width, “quotes”, …, —)."""
    return _is_cjk_char(ch) or ch in "“”‘’…—"


def has_cjk(text: str) -> bool:
    return any(0x4E00 <= ord(c) <= 0x9FFF for c in text)


def _chinese(text: str, protected: list[bool]) -> bool:
    """More Chinese characters than Latin letters (placeholders aside): a Chinese text,
    not an English one quoting a Chinese term."""
    cjk = sum(0x4E00 <= ord(c) <= 0x9FFF for c in text)
    latin = sum(c.isascii() and c.isalpha() and not p for c, p in zip(text, protected, strict=True))
    return cjk > 0 and cjk >= latin


def _letters(text: str, protected: list[bool], start: int, end: int) -> bool:
    return any(
        text[k].isascii() and text[k].isalpha() and not protected[k] for k in range(start, end)
    )


def _neighbour(text: str, i: int, step: int, protected: list[bool]) -> str:
    """The nearest character before (step -1) or after (+1) position ``i``, skipping spaces.

    A protected span counts as a neutral letter, so "{0}:" does not look Chinese."""
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    if not 0 <= j < len(text):
        return ""
    if protected[j] and text[j] == ")" and _ACCELERATOR_END.search(text, 0, j):
        return "）"  # "名称(&N):" is a Chinese label: its colon is "："
    return "a" if protected[j] else text[j]


def _matching(text: str, i: int, protected: list[bool]) -> int:
    depth = 0
    for j in range(i, len(text)):
        if protected[j]:
            continue
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return -1


def half_width_marks(text: str) -> list[int]:
    """Positions of ASCII punctuation that Chinese typography wants full-width.

    Only text holding Chinese is looked at. A comma, colon, semicolon, question or
    exclamation mark next to a Chinese character (spaces aside) is one; a pair of
    parentheses is one when it stands next to, or holds, Chinese."""
    protected = [False] * len(text)
    for m in _PROTECTED.finditer(text):
        for k in range(m.start(), m.end()):
            protected[k] = True
    if not _chinese(text, protected):
        return []
    found: set[int] = set()
    for i, ch in enumerate(text):
        if protected[i] or ch not in _FULL_WIDTH:
            continue
        if ch == "(":
            end = _matching(text, i, protected)
            if end < 0:
                continue
            inside = text[i + 1 : end]
            before = _neighbour(text, i, -1, protected)
            after = _neighbour(text, end, 1, protected)
            near = (before and is_cjk(before)) or (after and is_cjk(after))
            if has_cjk(inside) or near or not _letters(text, protected, i + 1, end):
                found.update((i, end))
        elif ch != ")":
            before = _neighbour(text, i, -1, protected)
            after = _neighbour(text, i, 1, protected)
            if (before and is_cjk(before)) or (after and is_cjk(after) and ch != ":"):
                found.add(i)
    return sorted(found)


def full_width(text: str) -> str:
    """``text`` with :func:`half_width_marks` made full-width and the spaces around them
    dropped (full-width marks carry their own space)."""
    marks = half_width_marks(text)
    if not marks:
        return text
    # A mark made full-width can make its neighbour Chinese ("（无）:"): go again.
    return full_width(_replaced(text, marks))


def _replaced(text: str, marks: list[int]) -> str:
    chars = list(text)
    drop: set[int] = set()
    for i in marks:
        chars[i] = _FULL_WIDTH[text[i]]
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(text) and text[j] == " ":
                drop.add(j)
                j += step
    return "".join(c for k, c in enumerate(chars) if k not in drop)


def labelled(label: str, value: object) -> str:
    """ "党组织：156" for a Chinese label, "Organizations: 156" for an English one."""
    return f"{label}：{value}" if has_cjk(label) else f"{label}: {value}"


def with_note(text: str, note: object) -> str:
    """ "张三（大溪坝村党支部）" when either side is Chinese, "Zhang San (branch)" otherwise."""
    if has_cjk(text) or has_cjk(str(note)):
        return f"{text}（{note}）"
    return f"{text} ({note})"
