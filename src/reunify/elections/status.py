"""A parent's decision at a glance: notice given? election? valid? gate open, and why not?

Read-only; used by the family page (one line per parent) and the parent's decisions page.
"""

from dataclasses import dataclass

from reunify.elections.facts import JudgedElection, judge_election, spoken_languages
from reunify.elections.models import Election, Notice
from reunify.families.languages import language_name
from reunify.families.models import Person
from reunify.removals.gate import GateAnswer
from reunify.removals.gate_facts import gate_check, open_plan_of
from reunify.removals.models import OPEN_STATUSES, RemovalPlan


@dataclass(frozen=True)
class ParentStatus:
    parent: Person
    languages: list[str]  # names, for people
    notices: list[Notice]
    elections: list[JudgedElection]  # newest first; the first governs
    gate: GateAnswer
    open_plan: RemovalPlan | None
    past_plans: list[RemovalPlan]

    @property
    def latest_notice(self) -> Notice | None:
        return self.notices[0] if self.notices else None

    @property
    def governing(self) -> JudgedElection | None:
        return self.elections[0] if self.elections else None


def parent_status(parent: Person) -> ParentStatus:
    codes = spoken_languages(parent.pk)
    elections = list(
        Election.objects.filter(parent=parent)
        .select_related("notice", "acknowledged_by", "recorded_by")
        .order_by("-made_at", "-created_at")
    )
    judged = [
        judge_election(election, is_latest=index == 0, parent_languages=codes)
        for index, election in enumerate(elections)
    ]
    plan = open_plan_of(parent)
    return ParentStatus(
        parent=parent,
        languages=sorted(language_name(code) for code in codes),
        notices=list(
            Notice.objects.filter(parent=parent)
            .select_related("delivered_by")
            .prefetch_related("children")
            .order_by("-created_at")
        ),
        elections=judged,
        gate=gate_check(parent, plan=plan),
        open_plan=plan,
        past_plans=list(
            RemovalPlan.objects.filter(parent=parent)
            .exclude(status__in=OPEN_STATUSES)
            .order_by("-departs_at")
        ),
    )
