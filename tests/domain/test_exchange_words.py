"""The words of a received package's counts, shared by the 数据移交单 and the command line."""

from __future__ import annotations

from pbc_desktop import lang
from pbc_desktop.domain.exchange import RECEIVED_COUNTS, received_headings
from pbc_desktop.services.exchange.merge import Change


def test_one_column_per_kind_of_change_in_reading_order() -> None:
    assert [key for key, _zh, _en in RECEIVED_COUNTS] == [c.value for c in Change]


def test_headings_in_either_language() -> None:
    lang.set_language("zh")
    assert received_headings() == ["数据类别", "新增", "修改", "未变", "冲突", "删除"]
    lang.set_language("en")
    try:
        assert received_headings() == [
            "Records",
            "New",
            "Changed",
            "Unchanged",
            "Conflicts",
            "Deleted",
        ]
    finally:
        lang.set_language("zh")


def test_every_travelling_field_has_a_name_for_people() -> None:
    """The preview, the conflict list and ``pbc exchange import`` name changed fields in
    Chinese, never by their column (``chair``, ``origin_office``)."""
    from pbc_desktop.domain.exchange import field_label
    from pbc_desktop.services.exchange import records

    unnamed = [
        f"{shape.name}.{column}"
        for shape in records.exchanged_tables()
        for column in [c.name for c in shape.columns] + list(shape.references)
        if column not in {"uuid", "created_at", "updated_at"}
        and field_label(shape.name, column) == column
    ]
    assert unnamed == []
    assert field_label("activity", "chair") == "主持人"
