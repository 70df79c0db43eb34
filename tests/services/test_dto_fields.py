"""``scope.from_fields``: a DTO filled from the attributes of the same names."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from pbc_desktop.services.scope import from_fields


@dataclass(frozen=True)
class _Row:
    id: int
    name: str
    count: int


def test_fields_are_read_by_name_and_given_ones_win() -> None:
    source = SimpleNamespace(id=3, name="文光村", count=9, other="ignored")
    assert from_fields(_Row, source) == _Row(3, "文光村", 9)
    assert from_fields(_Row, source, count=0) == _Row(3, "文光村", 0)


def test_a_field_the_source_lacks_must_be_given() -> None:
    with pytest.raises(AttributeError):
        from_fields(_Row, SimpleNamespace(id=1, name="x"))
    assert from_fields(_Row, SimpleNamespace(id=1, name="x"), count=2).count == 2


def test_an_unknown_given_name_is_refused() -> None:
    with pytest.raises(TypeError, match="nme"):
        from_fields(_Row, SimpleNamespace(id=1, name="x", count=2), nme="y")
