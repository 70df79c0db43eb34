"""``scope.chunks``: the slices a query per IN list reads many records by."""

from __future__ import annotations

from pbc_desktop.services.scope import IN_CHUNK, chunks


def test_every_item_comes_once_in_order_in_slices_of_the_size() -> None:
    assert [list(c) for c in chunks(list(range(7)), 3)] == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []


def test_the_default_slice_is_in_chunk() -> None:
    sizes = [len(c) for c in chunks(list(range(IN_CHUNK * 2 + 1)))]
    assert sizes == [IN_CHUNK, IN_CHUNK, 1]
