"""The language of messages produced outside Qt (services, domain, CLI, reports).

Widgets translate their own strings with Qt's ``tr()``; rules and services, which must not
depend on Qt, phrase their messages with :func:`t`, choosing the Chinese or English text.
"""

from __future__ import annotations

SUPPORTED = ("zh", "en")
_current = "zh"


def set_language(lang: str) -> None:
    global _current  # noqa: PLW0603
    if lang not in SUPPORTED:
        raise ValueError(lang)
    _current = lang


def language() -> str:
    return _current


def t(zh: str, en: str) -> str:
    """Return the message in the current language."""
    return en if _current == "en" else zh
