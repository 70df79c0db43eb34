"""The objects alive once the window is up, kept out of the garbage collector's passes.

A full pass walks every object it tracks, holding the interpreter: run by a background
read (the reminders, 三会一课), it froze the window 90-140 ms of CPU time each, several
times a read (20-50 ms without them). :func:`settle_heap` moves what is alive then
(modules, classes, Qt's wrappers: some 200,000) to the permanent generation
(``gc.freeze``); they stay alive as they would have.
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """Collect, then freeze what is left: garbage frozen would never be freed (a cycle
    made while the window was built stayed until the program ended)."""
    gc.collect()
    gc.freeze()


def resettle_heap() -> None:
    """After a database switch: the old database's tabs, settled with the window, are
    garbage now; unfrozen, collected, and what is alive settled again. Nothing is done
    where the heap was never settled (a test, a command)."""
    if gc.get_freeze_count() == 0:
        return
    gc.unfreeze()
    settle_heap()


def age_heap() -> None:
    """After a long piece of work with collection off (an import): what is alive moved to
    the oldest generation, no object looked at (``gc.freeze`` then ``gc.unfreeze``), so the
    collector's next look at the youngest objects does not go through all it made.

    Where the heap was settled, that unfreeze would also put the settled objects back into
    the collector's passes (a full pass walking them again, the window frozen): what is
    alive is frozen with them instead. The cycles left while collection was off then stay
    until the heap is settled again (a database switch), as the settled ones do."""
    settled = gc.get_freeze_count() > 0
    gc.freeze()  # every generation into the permanent one …
    if not settled:
        gc.unfreeze()  # … and all of it back into the oldest


def settle_more() -> None:
    """Where the heap was settled: what was made alive since and kept for good (pypinyin's
    dictionaries, about 190,000 objects, loaded once the window is idle) collected and
    settled beside it, so that no later full pass walks them; the objects settled before
    are not looked at again (no unfreeze). Nothing where the heap was never settled."""
    if gc.get_freeze_count() == 0:
        return
    settle_heap()
