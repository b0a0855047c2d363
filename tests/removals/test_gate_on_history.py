"""Elections imported from historical extracts never open the gate.

An `ice` row says nothing of acknowledgment or of which children the election named
(DESIGN.md); the removals report may leave those rules unjudged, but the gate judges
every rule, so an unknown is never taken for a documented, acknowledged decision.
"""

import pytest

from reunify.demo.load_world import load_world
from reunify.elections.facts import latest_election_of
from reunify.families.models import Person, Separation
from reunify.removals.gate_facts import gate_check
from reunify.synth import build_world
from reunify.vocabulary import Deficiency, ElectionOrigin, GateBlock

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_no_parent_whose_election_came_from_an_extract_passes_the_gate() -> None:
    load_world(build_world(120, 11), elections_as_extract=True)
    parents = Person.objects.filter(pk__in=Separation.objects.values("parent_id")).order_by("pk")

    judged = 0
    for parent in parents:
        election = latest_election_of(parent.pk)
        if election is None:
            continue
        assert election.origin == ElectionOrigin.EXTRACT
        answer = gate_check(parent)
        if not answer.children:
            continue  # reunited since: nothing for the gate to guard
        judged += 1
        assert not answer.passes, parent.pk
        # The extract named no child; were one named, acknowledgment is still unknown.
        for block in answer.blocks:
            assert block.code is GateBlock.CHILD_NOT_COVERED or (
                Deficiency.NOT_ACKNOWLEDGED in block.deficiencies
            )
    assert judged >= 5
