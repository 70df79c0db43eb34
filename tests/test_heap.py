"""The heap settled once the window is up: collected before it is frozen, and again after
a database switch."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from pbc_desktop.heap import resettle_heap, settle_heap, settle_more


class Node:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def no_automatic_passes() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


@pytest.mark.usefixtures("no_automatic_passes")
def test_garbage_made_before_the_heap_settles_is_collected_not_frozen() -> None:
    cycle = Node()
    gone = weakref.ref(cycle)
    del cycle  # a cycle: only a collection frees it
    settle_heap()
    assert gone() is None
    assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("no_automatic_passes")
def test_what_a_switch_left_behind_is_collected_and_the_rest_settled_again() -> None:
    old_tab = Node()  # alive when the heap settled, garbage after the switch
    gone = weakref.ref(old_tab)
    settle_heap()
    del old_tab
    gc.collect()  # a full pass leaves the frozen alone
    assert gone() is not None
    resettle_heap()
    assert gone() is None and gc.get_freeze_count() > 0


@pytest.mark.usefixtures("no_automatic_passes")
def test_a_heap_never_settled_is_left_alone() -> None:
    resettle_heap()
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("no_automatic_passes")
def test_an_import_leaves_the_settled_heap_frozen() -> None:
    from pbc_desktop.services.member_import.row_checks import _collection_paused

    settle_heap()
    settled = gc.get_freeze_count()
    with _collection_paused():
        made = [Node() for _ in range(1000)]  # what the import made meanwhile
    assert gc.get_freeze_count() >= settled
    del made


@pytest.mark.usefixtures("no_automatic_passes")
def test_an_import_on_a_heap_never_settled_freezes_nothing() -> None:
    from pbc_desktop.services.member_import.row_checks import _collection_paused

    with _collection_paused():
        made = [Node() for _ in range(1000)]
    assert gc.get_freeze_count() == 0
    del made


@pytest.mark.usefixtures("no_automatic_passes")
def test_what_was_kept_since_the_heap_settled_is_settled_beside_it() -> None:
    """pypinyin's dictionaries loaded once the window is idle: frozen too, no full pass
    walks them; the objects settled before stay frozen."""
    settle_heap()
    settled = gc.get_freeze_count()
    kept = [Node() for _ in range(1000)]
    settle_more()
    assert gc.get_freeze_count() >= settled + 1000
    assert not any(o is kept[0] for o in gc.get_objects())
    del kept


@pytest.mark.usefixtures("no_automatic_passes")
def test_a_heap_never_settled_is_not_settled_after_a_load() -> None:
    settle_more()
    assert gc.get_freeze_count() == 0
