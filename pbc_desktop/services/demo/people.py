"""Believable people for the demo district: names, resident ID numbers, phones, dates."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import accumulate

from pbc_desktop.domain.enums import Gender
from pbc_desktop.domain.validation import id_check_char
from pbc_desktop.services.demo import data


class WeightedChoice:
    """Fast repeated weighted choice from a fixed table of (value, weight)."""

    def __init__(self, table: tuple[tuple[str, int], ...]) -> None:
        self.values = [v for v, _ in table]
        self.cum = list(accumulate(w for _, w in table))

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.values, cum_weights=self.cum)[0]


def random_date(rng: random.Random, first: date, last: date) -> date:
    """A day between ``first`` and ``last`` inclusive (``first`` when the range is empty)."""
    span = (last - first).days
    return first if span <= 0 else first + timedelta(days=rng.randint(0, span))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class PeopleFactory:
    """Makes people with unique ID numbers and phones, all from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = WeightedChoice(data.SURNAMES)
        self._regions = WeightedChoice(data.REGION_CODES)
        self._education = WeightedChoice(data.EDUCATION)
        self._ids: set[str] = set()
        self._phones: set[str] = set()

    def name(self, gender: Gender) -> str:
        rng = self.rng
        chars = data.MALE_CHARS if gender == Gender.MALE else data.FEMALE_CHARS
        given = rng.choice(chars)
        if rng.random() < 0.8:
            given = rng.choice(data.SHARED_CHARS + chars) + given
        return self._surnames.pick(rng) + given

    def gender(self, male_share: float = 0.62) -> Gender:
        return Gender.MALE if self.rng.random() < male_share else Gender.FEMALE

    def id_number(self, birth: date, gender: Gender) -> str:
        """A valid, unused 18-digit number; the 17th digit is odd for men, even for women."""
        rng = self.rng
        while True:
            seq = rng.randint(0, 99) * 10 + rng.randrange(1 if gender == Gender.MALE else 0, 10, 2)
            first17 = f"{self._regions.pick(rng)}{birth:%Y%m%d}{seq:03d}"
            number = first17 + id_check_char(first17)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def phone(self) -> str:
        rng = self.rng
        while True:
            number = rng.choice(data.MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def education(self) -> str:
        return self._education.pick(self.rng)

    def birth_date(self, today: date, min_age: int, max_age: int) -> date:
        latest = add_years(today, -min_age)
        earliest = add_years(today, -max_age)
        return random_date(self.rng, earliest, latest)
