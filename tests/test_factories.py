"""The test factories themselves: numbers they generate never meet numbers a test spells out."""

from __future__ import annotations

from datetime import date

from pbc_desktop.domain.enums import Gender
from tests.factories import make_id, next_id


def test_generated_id_numbers_never_repeat_a_hand_written_one() -> None:
    # A test writes make_id("19980402", "224") for its own member while make_record draws
    # numbers from next_id for the same birthday: the two once met after ~60 draws on an
    # xdist worker, and the import refused the test's row as a duplicate.
    hand_written = {make_id("19980402", f"{seq:03d}") for seq in range(1000)}
    born = date(1998, 4, 2)
    generated = {next_id(born, g) for g in (Gender.MALE, Gender.FEMALE) for _ in range(1500)}
    assert len(generated) == 3000
    assert not generated & hand_written
