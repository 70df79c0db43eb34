"""Fixtures of the exchange's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pbc_desktop.db.engine import Database
from tests.services.exchange.helpers import office_db


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """A village's database and a town's (a module may fill them in its own ``offices``)."""
    village, town = office_db(tmp_path, "village"), office_db(tmp_path, "town")
    yield village, town
    village.dispose()
    town.dispose()
