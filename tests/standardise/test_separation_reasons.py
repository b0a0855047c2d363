"""Separation reasons: codes from the words border records use, and OTHER kept with its text."""

import pytest

from reunify.standardise.separation_reasons import separation_reason
from reunify.synth.spellings import SEPARATION_REASON_SPELLINGS
from reunify.vocabulary import SeparationReason

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        (reason, text)
        for reason, table in SEPARATION_REASON_SPELLINGS.items()
        for text in table.values
    ],
)
def test_every_spelling_the_generator_writes_reads_as_its_reason(
    reason: SeparationReason, text: str
) -> None:
    assert separation_reason(text)[0] is reason


def test_an_unrecognised_reason_is_other_with_its_words() -> None:
    assert separation_reason("OTHER: father ill in hospital ward B")[0] is (
        SeparationReason.PARENT_HOSPITALISED
    )
    assert separation_reason("OTHER: gang threat at home") == (
        SeparationReason.OTHER,
        "gang threat at home",
    )
    assert separation_reason("  ") == (SeparationReason.OTHER, "No reason in the border record")
