"""Characters the report fonts lack, found before printing instead of printed as blanks.

Real names use rare characters (䶮 U+4DAE and 㐀 U+3400 of CJK extension A, 𠀀 U+20000 of
extension B…) and free text holds emoji. The bundled font and the Windows official fonts
lack most of them, and ReportLab would print a blank. Every report paragraph is therefore a
:class:`Paragraph` of this module: each run of characters its font lacks is set in the
first fallback font that has them (:func:`pbc_desktop.reports.fonts.fallback_fonts`:
SimSun-ExtB on Windows, 花園明朝 on Linux…); a character no font has is printed as
:data:`REPLACEMENT`, and the words holding it are listed (:func:`unprintable`) so that the
document and the user are told which names to correct by hand.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import ttfonts as _rl_ttfonts
from reportlab.platypus import Flowable, KeepTogether, Table
from reportlab.platypus import Paragraph as _ReportLabParagraph

from pbc_desktop.lang import language
from pbc_desktop.reports.fonts import (
    SYSTEM_FONTS_ENV,
    bundled_font,
    covers,
    fallback_fonts,
    font_dirs,
    glyph_map,
)

#: Printed in place of a character no installed font has (the typesetters' 〓, U+3013).
REPLACEMENT = "\u3013"
MAX_LISTED = 20  # words named in a message; the rest are counted
MAX_WORD = 10  # characters of a long word shown around its unprintable character
# What separates the words (names) of a paragraph when naming the unprintable ones.
_WORD_BREAKS = re.compile(r"[\s、,，;；:：。()（）「」“”‘’\"'!！?？/|·]+")
# Variation selectors: invisible, dropped when no font has them.
_SELECTORS = frozenset((*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)))


def _utf16_hex(code: int) -> str:
    """A code point as the UTF-16BE hex a PDF ToUnicode CMap expects (surrogate pairs
    beyond U+FFFF)."""
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


_rl_to_unicode_cmap = _rl_ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap, with 𠀀 (U+20000) and emoji written as surrogate pairs.

    ReportLab writes ``<20000>``, an odd-length hex string that readers reject, so the
    text of the PDF (copy, search, extraction) would lose every character beyond U+FFFF.
    """
    cmap = _rl_to_unicode_cmap(fontname, subset)
    if all(code <= 0xFFFF for code in subset):
        return str(cmap)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            line = f"<{index:02X}> <{code:04X}>"
            cmap = cmap.replace(line, f"<{index:02X}> <{_utf16_hex(code)}>")
    return str(cmap)


_rl_ttfonts.makeToUnicodeCMap = _to_unicode_cmap

_lock = threading.Lock()
_fallback_cache: dict[tuple[object, ...], list[str]] = {}
_choice_cache: dict[tuple[tuple[object, ...], str, str], str | None] = {}


def _key() -> tuple[object, ...]:
    """What the fallback fonts depend on (tests change these between documents)."""
    return (tuple(font_dirs()), os.environ.get(SYSTEM_FONTS_ENV))


def _fallbacks(key: tuple[object, ...]) -> list[str]:
    with _lock:
        found = _fallback_cache.get(key)
    if found is None:
        found = fallback_fonts()
        with _lock:
            _fallback_cache[key] = found
    return found


def font_for(char: str, font: str) -> str | None:
    """``font`` when it has ``char``, else the first fallback font that has it, else None."""
    if covers(font, char):
        return font
    key = _key()
    cached = (key, font, char)
    with _lock:
        if cached in _choice_cache:
            return _choice_cache[cached]
    choice = next((name for name in _fallbacks(key) if covers(name, char)), None)
    with _lock:
        _choice_cache[cached] = choice
    return choice


def _invisible(char: str) -> bool:
    """Format characters (zero-width joiner, bidi marks) and variation selectors."""
    return ord(char) in _SELECTORS or unicodedata.category(char) == "Cf"


def _runs(text: str, font: str) -> tuple[list[tuple[str, str]], set[str]]:
    """``text`` cut into (font, text) runs, and the characters no font has."""
    runs: list[tuple[str, str]] = []
    missing: set[str] = set()
    for char in text:
        chosen = font_for(char, font)
        printed = char
        if chosen is None:
            if _invisible(char):
                continue
            missing.add(char)
            chosen = font_for(REPLACEMENT, font) or font
            printed = REPLACEMENT
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + printed)
        else:
            runs.append((chosen, printed))
    return runs, missing


def with_fallback_fonts(frags: Sequence[Any]) -> tuple[list[Any], set[str]]:
    """Parsed paragraph fragments with each uncovered run in a font that has it.

    Returns the new fragments and the characters that no font has (printed as 〓).
    """
    out: list[Any] = []
    missing: set[str] = set()
    for frag in frags:
        text = getattr(frag, "text", "")
        font = getattr(frag, "fontName", None)
        if not text or not isinstance(text, str) or font is None or text.isascii():
            out.append(frag)
            continue
        glyphs = glyph_map(font)
        if glyphs is None or all(ord(char) in glyphs for char in text):  # the usual case
            out.append(frag)
            continue
        runs, lost = _runs(text, font)
        missing |= lost
        if len(runs) == 1 and runs[0] == (font, text):
            out.append(frag)
            continue
        out.extend(frag.clone(text=run, fontName=name) for name, run in runs)
    return out, missing


def _around(word: str, wanted: set[str]) -> str:
    """A long word (a sentence without punctuation) cut to a few characters around the first
    wanted character."""
    if len(word) <= MAX_WORD:
        return word
    first = next(i for i, ch in enumerate(word) if ch in wanted)
    start = max(0, min(first - MAX_WORD // 2, len(word) - MAX_WORD))
    cut = word[start : start + MAX_WORD]
    return ("…" if start else "") + cut + ("…" if start + MAX_WORD < len(word) else "")


def words_with(text: str, chars: Iterable[str]) -> list[str]:
    """The words (names) of ``text`` that hold one of ``chars``, in order, once each."""
    wanted = set(chars)
    words: list[str] = []
    for word in _WORD_BREAKS.split(text):
        if word and wanted.intersection(word):
            shown = _around(word, wanted)
            if shown not in words:
                words.append(shown)
    return words


class Paragraph(_ReportLabParagraph):  # type: ignore[misc]
    """A ReportLab paragraph whose characters all print (see the module's description).

    ``unprintable`` lists the words of the paragraph holding a character no font has.
    """

    frags: list[Any]
    unprintable: tuple[str, ...] = ()

    def _setup(self, text: Any, style: Any, bullet_text: Any, frags: Any, cleaner: Any) -> None:
        super()._setup(text, style, bullet_text, frags, cleaner)
        if frags is not None:  # a part of a split paragraph: already done
            return
        self.frags, missing = with_fallback_fonts(self.frags)
        if missing:
            source = _plain_text(self.text if isinstance(self.text, str) else "")
            self.unprintable = tuple(words_with(source, missing))

    def markup_with_fonts(self) -> str:
        """The paragraph as markup with explicit font runs (for a table of contents, which
        makes its own ReportLab paragraphs of a heading's text)."""
        parts = []
        for frag in self.frags:
            text = getattr(frag, "text", "")
            if getattr(frag, "lineBreak", False):
                parts.append("<br/>")
            elif text:
                parts.append(f'<font face="{frag.fontName}">{escape(text)}</font>')
        return "".join(parts)


_TAG = re.compile(r"<[^>]*>")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&"}
_ENTITY = re.compile("|".join(re.escape(e) for e in _ENTITIES))


def _plain_text(markup: str) -> str:
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], _TAG.sub(" ", markup))


def _walk(item: object) -> Iterable[object]:
    if isinstance(item, list | tuple):
        for part in item:
            yield from _walk(part)
        return
    yield item
    if isinstance(item, Table):
        yield from _walk(item._cellvalues)
    elif isinstance(item, KeepTogether):
        yield from _walk(item._content)


def unprintable(story: Sequence[Flowable]) -> list[str]:
    """The words of the story's paragraphs (also in tables) that hold a character no
    installed font has, in order, once each."""
    words: list[str] = []
    for item in _walk(list(story)):
        for word in getattr(item, "unprintable", ()):
            if word not in words:
                words.append(word)
    return words


WarnFn = Callable[[str], None]


def unprintable_message(words: Sequence[str], *, english: bool | None = None) -> str:
    """One sentence naming the words printed with 〓 (for the document, the window, the CLI),
    in English when ``english`` (default: the window's language)."""
    if english is None:
        english = language() == "en"

    def say(zh: str, en: str) -> str:
        return en if english else zh

    sep = say("、", ", ")
    listed = sep.join(words[:MAX_LISTED])
    codes = sorted({ch for word in words for ch in word if font_for(ch, bundled_font()) is None})
    if codes:
        listed += say("（", " (") + sep.join(f"U+{ord(ch):04X}" for ch in codes[:MAX_LISTED])
        listed += say("）", ")")
    more = len(words) - MAX_LISTED
    if more > 0:
        listed += say(f" 等 {len(words)} 处", f" and {more} more")
    return say(
        f"本机字库中没有以下文字中的个别字，PDF 中以“{REPLACEMENT}”标出，请打印后手写补正："
        f"{listed}。可安装 SimSun-ExtB 或花园明朝（HanaMin）字库后重新生成。",
        f"Some characters of these words are in no font on this computer and are marked "
        f"“{REPLACEMENT}” in the PDF; correct them by hand after printing: {listed}. "
        "Installing SimSun-ExtB or HanaMin fonts and writing the PDF again prints them.",
    )
