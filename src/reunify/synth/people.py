"""Making one `SynthPerson`: keys, A-numbers, phones, literacy.

A-numbers are unique within a world. Numbers issued in 2017-2018 ran in the 20x-21x
millions; a person with an earlier encounter may hold a much older number, which in
canonical 9-digit form starts with 0 (the extracts then sometimes drop the zero).
"""

from datetime import date
from random import Random

from reunify.synth.countries import ADULT_LITERACY, MOBILE_NUMBERING
from reunify.synth.languages import PORTUGUESE, SPANISH
from reunify.synth.world import Sex, SynthPerson

NEW_A_NUMBERS = (208_000_000, 216_999_999)
PRIOR_A_NUMBERS = (200_000_000, 207_999_999)
OLD_A_NUMBERS = (70_000_000, 99_999_999)
PRIOR_ENCOUNTER_SHARE = 0.10
OLD_NUMBER_SHARE_OF_PRIOR = 0.6
ADULT_WITHOUT_A_NUMBER = 0.03
CHILD_WITHOUT_A_NUMBER = 0.06
PARENT_WITH_PHONE = 0.75
RELATIVE_WITH_PHONE = 0.65
# Literacy among adults who speak no Spanish or Portuguese, relative to the national rate.
MONOLINGUAL_INDIGENOUS_LITERACY_FACTOR = 0.6
SCHOOL_AGE = 7
CHILD_LITERACY = 0.92


class PersonFactory:
    """Hands out person keys and unique A-numbers, in the order persons are made."""

    __slots__ = ("_issued", "_next", "_rng")

    def __init__(self, rng: Random) -> None:
        self._rng = rng
        self._next = 1
        self._issued: set[int] = set()

    def _a_number(self, child: bool) -> str | None:
        rng = self._rng
        if rng.random() < (CHILD_WITHOUT_A_NUMBER if child else ADULT_WITHOUT_A_NUMBER):
            return None
        span = NEW_A_NUMBERS
        if not child and rng.random() < PRIOR_ENCOUNTER_SHARE:
            span = OLD_A_NUMBERS if rng.random() < OLD_NUMBER_SHARE_OF_PRIOR else PRIOR_A_NUMBERS
        while True:
            number = rng.randint(*span)
            if number not in self._issued:
                self._issued.add(number)
                return f"{number:09d}"

    def _literate(self, age: int, citizenship: str, languages: tuple[str, ...]) -> bool:
        speaks_national = SPANISH in languages or PORTUGUESE in languages
        if age < SCHOOL_AGE:
            return False
        rate = CHILD_LITERACY if age < 18 else ADULT_LITERACY[citizenship]
        if not speaks_national:
            rate *= MONOLINGUAL_INDIGENOUS_LITERACY_FACTOR
        return self._rng.random() < rate

    def make(
        self,
        *,
        given_names: str,
        surnames: tuple[str, str],
        sex: Sex,
        birth_date: date,
        age: int,
        citizenship: str,
        languages: tuple[str, ...],
        phone_share: float,
    ) -> SynthPerson:
        key = f"P{self._next:07d}"
        self._next += 1
        child = age < 18
        phone = None
        if self._rng.random() < phone_share:
            phone = MOBILE_NUMBERING[citizenship].draw(self._rng)
        return SynthPerson(
            key=key,
            given_names=given_names,
            first_surname=surnames[0],
            second_surname=surnames[1],
            sex=sex,
            birth_date=birth_date,
            citizenship=citizenship,
            languages=languages,
            literate=self._literate(age, citizenship, languages),
            a_number=self._a_number(child),
            phone=phone,
        )
