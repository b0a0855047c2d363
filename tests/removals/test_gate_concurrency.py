"""Two connections race: one changes what the gate depends on, one executes the removal.

The change's transaction is held open until PostgreSQL reports the removal's connection
waiting on a lock, then committed. The removal must then see the change and refuse: the
gate never answers on a stale read. Without the lock on the parent's row the removal
would not wait, would read the old election and pass, and these tests would fail.
"""

import threading
import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.choices import ElectionOption
from reunify.elections.models import Election
from reunify.elections.services import election_record, election_withdraw
from reunify.families.models import Facility, FamilyUnit, Person, Separation
from reunify.removals.errors import GateRefused
from reunify.removals.models import RemovalPlan, RemovalStatus
from reunify.removals.services import removal_execute
from reunify.vocabulary import Deficiency, GateBlock
from tests.elections.factories import (
    documented,
    elect_after_notice,
    kiche_mother_with_children,
)
from tests.families.factories import reunite, separate
from tests.removals.test_gate_scenarios import plan_for

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

LOCK_WAIT_TIMEOUT = 10.0


def someone_waits_on_a_lock() -> bool:
    # pg_locks, not pg_stat_activity: the latter is a snapshot frozen for the transaction.
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        (waiting,) = cursor.fetchone()
    return bool(waiting)


def race(change: Callable[[], object], plan: RemovalPlan, actor: User) -> object:
    """Run `change` in a transaction held open until the removal waits behind it."""
    changed = threading.Event()
    outcome: dict[str, object] = {}

    def execute_removal() -> None:
        changed.wait(LOCK_WAIT_TIMEOUT)
        try:
            outcome["result"] = removal_execute(actor=actor, plan=plan)
        except GateRefused as refusal:
            outcome["result"] = refusal
        finally:
            connections.close_all()

    def hold_change_open() -> None:
        try:
            with transaction.atomic():
                change()
                changed.set()
                deadline = time.monotonic() + LOCK_WAIT_TIMEOUT
                while not someone_waits_on_a_lock() and time.monotonic() < deadline:
                    time.sleep(0.02)
                outcome["removal_waited"] = someone_waits_on_a_lock()
        finally:
            changed.set()
            connections.close_all()

    remover = threading.Thread(target=execute_removal)
    changer = threading.Thread(target=hold_change_open)
    remover.start()
    changer.start()
    changer.join(30)
    remover.join(30)
    assert outcome.get("removal_waited") is True, "the removal did not wait for the change"
    return outcome["result"]


def acknowledged_children_remain(
    olivia: User, sam: User, station: Facility, children: tuple[str, ...] = ("Tomás",)
) -> tuple[FamilyUnit, Person, list[Person], Election]:
    unit, mother, kids = kiche_mother_with_children(
        actor=olivia, station=station, children=children
    )
    election = elect_after_notice(
        actor=olivia,
        parent=mother,
        children=kids,
        acknowledged_by=sam,
    )
    return unit, mother, kids, election


def test_a_withdrawal_committing_during_the_removal_stops_it(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, _, election = acknowledged_children_remain(olivia, sam, station)
    plan = plan_for(olivia, mother)

    result = race(
        lambda: election_withdraw(actor=olivia, election=election, note="Changed her mind."),
        plan,
        olivia,
    )

    assert isinstance(result, GateRefused)
    assert result.answer.blocks[0].deficiencies == (Deficiency.SUPERSEDED,)
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.PROPOSED


def test_a_new_election_to_depart_together_committing_during_the_removal_stops_it(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,), _ = acknowledged_children_remain(olivia, sam, station)
    plan = plan_for(olivia, mother)

    result = race(
        lambda: election_record(
            actor=olivia,
            parent=mother,
            details=documented(
                option=ElectionOption.DEPART_WITH_CHILDREN, children=[son], notice=None
            ),
        ),
        plan,
        olivia,
    )

    assert isinstance(result, GateRefused)
    assert result.answer.blocks[0].code is GateBlock.ELECTION_DEFICIENT


def test_a_new_separation_committing_during_the_removal_stops_it(
    olivia: User, sam: User, station: Facility
) -> None:
    unit, mother, (tomas, ana) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Tomás", "Ana")
    )
    # Ana is back with her mother; the election covers Tomás, the one child still apart.
    reunite(
        actor=olivia,
        unit=unit,
        separations=list(Separation.objects.filter(child=ana)),
        at=timezone.now() - timedelta(minutes=1),
    )
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[tomas],
        acknowledged_by=sam,
    )
    plan = plan_for(olivia, mother)

    result = race(
        lambda: separate(actor=olivia, unit=unit, parent=mother, child=ana, at=timezone.now()),
        plan,
        olivia,
    )

    assert isinstance(result, GateRefused)
    assert [block.child for block in result.answer.standing_blocks] == [ana.pk]
    assert result.answer.standing_blocks[0].code is GateBlock.CHILD_NOT_COVERED
