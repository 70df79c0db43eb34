"""Organization names that almost match: 大溪坝党总支 in a roster, 大溪坝村党总支 stored.

Rosters from other systems spell an organization a little differently from the name stored
(村 left out, 中共 added, 党总支 for 总支). :class:`OrgNameMatcher` suggests the stored
name a roster's name most likely means; the import shows the suggestion and applies it
only when the user confirms it (``--map-org`` or the dialog's mapping step). Pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher, get_close_matches

from pbc_desktop.domain.validation import name_key

# Words around the place's own name that spellings of one organization add or leave out,
# longest first; a name loses them from its end (again and again) and its start.
_PREFIXES = ("中国共产党", "中共")
_SUFFIXES = (
    "村民委员会",
    "居民委员会",
    "总支部委员会",
    "支部委员会",
    "党总支部",
    "委员会",
    "党总支",
    "党支部",
    "居委会",
    "村委会",
    "党委",
    "总支",
    "支部",
    "社区",
    "村",
)
# Numbers tell branches apart: 第一党支部 is never 第二党支部, however alike the rest.
_NUMERALS = frozenset("0123456789零〇一二三四五六七八九十百")
#: How alike the cores of two names must be (difflib's ratio) to be suggested.
MIN_RATIO = 0.8


def name_core(name: str) -> str:
    """``中共大溪坝村党总支`` → ``大溪坝``: the name without the words that spellings of
    the same organization add or leave out (the whole key when less than two characters
    would be left)."""
    key = name_key(name)
    core = key
    for prefix in _PREFIXES:
        if core.startswith(prefix):
            core = core[len(prefix) :]
            break
    cut = True
    while cut:
        cut = False
        for suffix in _SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix):
                core = core[: -len(suffix)]
                cut = True
                break
    return core if len(core) >= 2 else key


class OrgNameMatcher:
    """Suggests, for a name not stored, the stored name it most likely means."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_core: dict[str, list[str]] = {}
        for name in names:
            self._by_core.setdefault(name_core(name), []).append(name)
        self._cores = list(self._by_core)

    def suggest(self, name: str) -> str | None:
        """The stored name closest to ``name``, or ``None`` when none is close or two are
        equally close (the user then picks one)."""
        core = name_core(name)
        if len(core) < 2:
            return None
        cores = [core] if core in self._by_core else []
        cores = cores or get_close_matches(core, self._cores, n=5, cutoff=MIN_RATIO)
        numbers = _numbers(core)
        kind = _kind(name)
        candidates = [
            n
            for c in cores
            if _numbers(c) == numbers
            for n in self._by_core[c]
            if kind is None or _kind(n) in (None, kind)
        ]
        if not candidates:
            return None
        key = name_key(name)
        scored = sorted(
            ((_alike(core, name_core(n)), _alike(key, name_key(n)), n) for n in candidates),
            reverse=True,
        )
        if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
            return None
        return scored[0][2]


def _kind(name: str) -> str | None:
    """``branch`` for a 党支部 or 党总支 (支部委员会 too), ``committee`` for a 党委 (…委员会
    that is no branch's, 党工委), None when the name does not say. A branch is never a
    committee, however alike their places' names: 和平社区党支部 is not 中共和平镇委员会."""
    key = name_key(name)
    if "支部" in key or key.endswith("总支"):
        return "branch"
    if key.endswith(("党委", "党工委", "委员会")):
        return "committee"
    return None


def _numbers(core: str) -> str:
    return "".join(c for c in core if c in _NUMERALS)


def _alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()
