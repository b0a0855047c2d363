"""One record of every kind a route can name, built through the real services, so every
route can be asked for by every role."""

from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.models import Facility
from reunify.imports.models import ImportBatch
from reunify.imports.services import extract_import
from reunify.linkage.models import FamilyLink, FamilyLinkStatus, LinkageRun, ReviewItem
from reunify.removals.services import override_request, removal_plan_propose
from tests.elections.factories import delivered_notice, elect, kiche_mother_with_children
from tests.tracing.factories import tracing_case_of


def every_kind_of_record(
    *, olivia: User, sam: User, station: Facility, tmp: Path
) -> dict[str, str]:
    """Placeholder name → an id (or value) that route parameter can take."""
    unit, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
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
        "election_id": str(election.pk),
        "plan_id": str(plan.pk),
        "override_id": str(override.pk),
        "batch_id": str(ImportBatch.objects.get().pk),
        "item_id": str(item.pk),
        "link_id": str(link.pk),
        "step": "schedule",
        "case_id": str(tracing_case_of(son)),
    }
