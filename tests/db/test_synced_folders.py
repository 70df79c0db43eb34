"""A database in a folder OneDrive keeps in sync (a Windows Documents folder) is said
to be at risk when it is opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbc_desktop.db.engine import sqlite_url
from pbc_desktop.db.migrate import open_database


def test_a_database_in_a_onedrive_folder_is_opened_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OneDrive uploads a file while it is written and makes conflicting copies: a
    database kept in a Documents folder it backs up is said to be at risk."""
    synced = tmp_path / "OneDrive - 城南镇"
    monkeypatch.setenv("OneDrive", str(synced))
    monkeypatch.delenv("OneDriveCommercial", raising=False)
    monkeypatch.delenv("OneDriveConsumer", raising=False)
    inside = synced / "文档" / "pbc.sqlite"
    inside.parent.mkdir(parents=True)
    db = open_database(sqlite_url(inside))
    try:
        assert len(db.notices) == 1 and "OneDrive" in db.notices[0]
        assert str(inside) in db.notices[0]
    finally:
        db.dispose()
    outside = tmp_path / "数据" / "pbc.sqlite"
    outside.parent.mkdir()
    db = open_database(sqlite_url(outside))
    try:
        assert db.notices == []
    finally:
        db.dispose()
