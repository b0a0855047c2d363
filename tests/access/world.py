"""One record of every kind a route can name, built through the real services, so every
route can be asked for by every role.

Every record is in scope for the whole cast: the mother is Luis's client, and her son is
held at the shelter Carmen is assigned to (so Carmen sees the son, his family unit and
its members). `outsiders` adds users of the same roles whose scope holds none of it.
"""

from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.roles import Role
from reunify.accounts.scope_services import counsel_grant_give, shelter_assignment_start
from reunify.families.choices import CustodyKind
from reunify.families.models import Facility, Person
from reunify.families.services import custody_move
from reunify.imports.models import ImportBatch
from reunify.imports.services import extract_import
from reunify.linkage.models import FamilyLink, FamilyLinkStatus, LinkageRun, ReviewItem
from reunify.removals.services import override_request, removal_plan_propose
from tests.elections.factories import delivered_notice, elect, kiche_mother_with_children
from tests.tracing.factories import tracing_case_of


def every_kind_of_record(
    *, people: dict[str, User], station: Facility, tmp: Path
) -> dict[str, str]:
    """Placeholder name → an id (or value) that route parameter can take."""
    olivia, abel = people["olivia"], people["abel"]
    unit, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    shelter = Facility.objects.create(name="Casa Padre Shelter", kind=CustodyKind.SHELTER)
    custody_move(
        actor=olivia, person=son, kind=CustodyKind.SHELTER, facility=shelter,
        moved_at=timezone.now() - timedelta(days=18),
    )  # fmt: skip
    grant = counsel_grant_give(actor=abel, counsel=people["luis"], client=mother)
    assignment = shelter_assignment_start(
        actor=abel, case_manager=people["carmen"], shelter=shelter
    )
    notice = delivered_notice(actor=olivia, parent=mother)
    election = elect(actor=olivia, parent=mother, children=[son], notice=notice)
    plan = removal_plan_propose(
        actor=olivia, parent=mother, departs_at=timezone.now() + timedelta(days=3),
        destination_country="GT", itinerary="ICE Air charter HRL-GUA", children=[],
    )  # fmt: skip
    override = override_request(
        actor=olivia, plan=plan, reason="Court-ordered removal date, see file."
    )
    extract = tmp / "cbp.csv"
    extract.write_text(
        "record_id,event_id,apprehended_on,given_names,surnames\nE1,EV1,2018-05-10,ANA,PEREZ\n",
        encoding="utf-8",
    )
    extract_import(actor=None, actor_label="test", source="cbp", path=extract)
    run = LinkageRun.objects.create(
        engine="duckdb", threshold=0.5, started_at=timezone.now(), starter_label="test"
    )
    item = ReviewItem.objects.create(
        left_record="cbp:E1",
        right_record="orr:U1",
        match_probability=0.4,
        match_weight=-0.5,
        run=run,
    )
    link = FamilyLink.objects.create(
        parent_person_id=mother.pk, child_person_id=son.pk, confidence=0.7,
        status=FamilyLinkStatus.REVIEW, evidence=["shared_surname"], run=run,
    )  # fmt: skip
    return {
        "person_id": str(mother.pk),
        "family_unit_id": str(unit.pk),
        "notice_id": str(notice.pk),
        "code": notice.short_code,
        "election_id": str(election.pk),
        "plan_id": str(plan.pk),
        "override_id": str(override.pk),
        "batch_id": str(ImportBatch.objects.get().pk),
        "item_id": str(item.pk),
        "link_id": str(link.pk),
        "step": "schedule",
        "case_id": str(tracing_case_of(son)),
        "user_id": str(olivia.pk),
        "grant_id": str(grant.pk),
        "assignment_id": str(assignment.pk),
        "child_id": str(son.pk),
    }


def outsiders(*, abel: User, station: Facility) -> dict[str, User]:
    """Bruno, counsel to another client, and Cora, case manager at another shelter: the
    same roles as Luis and Carmen, with none of `every_kind_of_record` in their scope."""
    bruno = _user("bruno", Role.COUNSEL)
    cora = _user("cora", Role.CASE_MANAGER)
    _, other_client, (other_child,) = kiche_mother_with_children(actor=abel, station=station)
    counsel_grant_give(actor=abel, counsel=bruno, client=other_client)
    other_shelter = Facility.objects.create(name="Casa Norte Shelter", kind=CustodyKind.SHELTER)
    custody_move(
        actor=abel, person=other_child, kind=CustodyKind.SHELTER, facility=other_shelter,
        moved_at=timezone.now() - timedelta(days=2),
    )  # fmt: skip
    shelter_assignment_start(actor=abel, case_manager=cora, shelter=other_shelter)
    return {"bruno": bruno, "cora": cora}


def _user(username: str, role: Role) -> User:
    user = User(username=username, first_name=username.title(), last_name="Outside", role=role)
    user.set_unusable_password()
    user.save()
    return user


def in_case_managers_scope(
    *, case_manager: User, child: Person, shelter: Facility, abel: User
) -> None:
    """Move `child` (apprehended more than 18 days ago) to `shelter` and assign the case
    manager there: the child, their family unit and its members come into their scope."""
    custody_move(
        actor=abel, person=child, kind=CustodyKind.SHELTER, facility=shelter,
        moved_at=timezone.now() - timedelta(days=18),
    )  # fmt: skip
    shelter_assignment_start(actor=abel, case_manager=case_manager, shelter=shelter)
