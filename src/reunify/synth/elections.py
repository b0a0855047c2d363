"""The elections separated parents made (or were said to have made).

Each separated parent gets a `Scenario` drawn from tables that depend on how their
story ended and on whether the written notice of options existed yet (July 2018). The
scenario fixes the election's option, form, languages, counsel and date so that the
removals report sees exactly the intended case:

- before the notice most removed parents have no election at all, or a spoken one
  ("significant flaws", "verbal waivers": DHS OIG-21-36);
- after it most have a signed CHILDREN_REMAIN, and a minority are flawed in one
  checkable way each, or elected to depart with the child or to have more time and
  were removed without the child all the same;
- parents removed together with their children elected to depart with them.

Some parents changed their minds: an earlier election is then superseded by the last.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from random import Random

from reunify.synth.custody import ParentFate, ParentStory
from reunify.synth.languages import ENGLISH, PORTUGUESE, SPANISH
from reunify.synth.periods import NOTICE_FORM_FROM
from reunify.synth.weighted import WeightedTable
from reunify.synth.world import SynthElection, SynthPerson
from reunify.vocabulary import ElectionForm, ElectionOption


class Scenario(StrEnum):
    NONE = "NONE"
    VALID = "VALID"
    CONTRARY_DEPART = "CONTRARY_DEPART"
    CONTRARY_MORE_TIME = "CONTRARY_MORE_TIME"
    VERBAL = "VERBAL"
    UNSIGNED = "UNSIGNED"
    LANGUAGE = "LANGUAGE"
    NO_COUNSEL = "NO_COUNSEL"
    AFTER_REMOVAL = "AFTER_REMOVAL"


S = Scenario
REMOVED_ALONE_BEFORE_NOTICE = WeightedTable(
    [(S.NONE, 55.0), (S.VERBAL, 22.0), (S.UNSIGNED, 6.0), (S.LANGUAGE, 3.0),
     (S.NO_COUNSEL, 4.0), (S.AFTER_REMOVAL, 3.0), (S.VALID, 4.0),
     (S.CONTRARY_DEPART, 3.0), (S.CONTRARY_MORE_TIME, 1.0)]
)  # fmt: skip
REMOVED_ALONE_AFTER_NOTICE = WeightedTable(
    [(S.NONE, 8.0), (S.VALID, 48.0), (S.CONTRARY_DEPART, 7.0), (S.CONTRARY_MORE_TIME, 5.0),
     (S.VERBAL, 3.0), (S.UNSIGNED, 5.0), (S.LANGUAGE, 9.0), (S.NO_COUNSEL, 9.0),
     (S.AFTER_REMOVAL, 8.0)]
)  # fmt: skip
REMOVED_TOGETHER_BEFORE_NOTICE = WeightedTable([(S.NONE, 50.0), (S.VERBAL, 40.0), (S.VALID, 10.0)])
REMOVED_TOGETHER_AFTER_NOTICE = WeightedTable(
    [(S.VALID, 85.0), (S.NO_COUNSEL, 5.0), (S.UNSIGNED, 3.0), (S.NONE, 7.0)]
)
# Parents who were not removed: the share who made any election, after the notice.
ELECTION_SHARE_IF_NOT_REMOVED = {
    ParentFate.REUNIFIED: 0.25,
    ParentFate.RELEASED_APART: 0.2,
    ParentFate.STILL_DETAINED: 0.5,
}
NOT_REMOVED_OPTIONS: dict[ParentFate, WeightedTable[ElectionOption]] = {
    ParentFate.REUNIFIED: WeightedTable(
        [(ElectionOption.DEPART_WITH_CHILDREN, 60.0), (ElectionOption.MORE_TIME, 40.0)]
    ),
    ParentFate.RELEASED_APART: WeightedTable(
        [(ElectionOption.CHILDREN_REMAIN, 60.0), (ElectionOption.MORE_TIME, 40.0)]
    ),
    ParentFate.STILL_DETAINED: WeightedTable([(ElectionOption.MORE_TIME, 1.0)]),
}
# The option of an election flawed in some way, for a parent removed alone.
FLAWED_OPTIONS = WeightedTable(
    [(ElectionOption.CHILDREN_REMAIN, 80.0), (ElectionOption.DEPART_WITH_CHILDREN, 15.0),
     (ElectionOption.MORE_TIME, 5.0)]
)  # fmt: skip
SUPERSEDED_SHARE = 0.15
ONE_CHILD_NOT_NAMED_SHARE = 0.1
INTERPRETER_FOR_BILINGUAL_SHARE = 0.3
AFTER_REMOVAL_DAYS = (1, 20)
STILL_DETAINED_DECISION_DAYS = 60


@dataclass(frozen=True, slots=True)
class _Draft:
    option: ElectionOption
    form: ElectionForm
    notice_language: str
    interpreter_language: str | None
    counsel_advised: bool | None


def _understood(rng: Random, languages: tuple[str, ...]) -> tuple[str, str | None]:
    """A notice the parent could follow: their language, or an interpreter of it."""
    if PORTUGUESE in languages:
        return PORTUGUESE, None
    if SPANISH not in languages:
        return SPANISH, languages[0]
    if languages[0] != SPANISH and rng.random() < INTERPRETER_FOR_BILINGUAL_SHARE:
        return SPANISH, languages[0]
    return SPANISH, None


def _not_understood(rng: Random, languages: tuple[str, ...]) -> tuple[str, str | None]:
    """A notice the parent could not follow: Spanish to a K'iche' or Portuguese
    speaker with no interpreter (or a Spanish one), or English to anyone."""
    if SPANISH in languages:
        return ENGLISH, None
    roll = rng.random()
    if roll < 0.7:
        return SPANISH, None
    if roll < 0.85:
        return SPANISH, SPANISH
    return ENGLISH, None


def _draft(
    rng: Random, scenario: Scenario, option: ElectionOption, languages: tuple[str, ...]
) -> _Draft:
    notice, interpreter = _understood(rng, languages)
    form = ElectionForm.SIGNED
    counsel: bool | None = True
    if scenario is S.VERBAL:
        # Spoken in Spanish at the facility, nothing written, counsel never mentioned.
        form, notice, interpreter = ElectionForm.VERBAL, SPANISH, None
        counsel = None if rng.random() < 0.8 else False
    elif scenario is S.UNSIGNED:
        form = ElectionForm.UNSIGNED
        counsel = True if rng.random() < 0.5 else None
    elif scenario is S.LANGUAGE:
        notice, interpreter = _not_understood(rng, languages)
        counsel = True if rng.random() < 0.7 else None
    elif scenario is S.NO_COUNSEL:
        counsel = False if rng.random() < 0.6 else None
    elif scenario is S.AFTER_REMOVAL:
        counsel = True if rng.random() < 0.7 else None
    return _Draft(option, form, notice, interpreter, counsel)


def _day_between(rng: Random, lo: date, hi: date) -> date:
    return date.fromordinal(rng.randint(lo.toordinal(), max(lo, hi).toordinal()))


def _decision_day(story: ParentStory) -> date:
    """The day the parent's choice had to be made by: removal, release, or a while in."""
    if story.removed_on is not None:
        return story.removed_on
    if story.released_on is not None:
        return story.released_on
    return story.detained_from + timedelta(days=STILL_DETAINED_DECISION_DAYS)


def _scenario_and_option(
    rng: Random, story: ParentStory, after_notice: bool
) -> tuple[Scenario, ElectionOption]:
    if story.fate is ParentFate.REMOVED_ALONE:
        table = REMOVED_ALONE_AFTER_NOTICE if after_notice else REMOVED_ALONE_BEFORE_NOTICE
        scenario = table.pick(rng)
        option = {
            S.VALID: ElectionOption.CHILDREN_REMAIN,
            S.CONTRARY_DEPART: ElectionOption.DEPART_WITH_CHILDREN,
            S.CONTRARY_MORE_TIME: ElectionOption.MORE_TIME,
        }.get(scenario) or FLAWED_OPTIONS.pick(rng)
        return scenario, option
    if story.fate is ParentFate.REMOVED_WITH_CHILDREN:
        table = REMOVED_TOGETHER_AFTER_NOTICE if after_notice else REMOVED_TOGETHER_BEFORE_NOTICE
        return table.pick(rng), ElectionOption.DEPART_WITH_CHILDREN
    if not after_notice or rng.random() >= ELECTION_SHARE_IF_NOT_REMOVED[story.fate]:
        return S.NONE, ElectionOption.MORE_TIME
    return S.VALID, NOT_REMOVED_OPTIONS[story.fate].pick(rng)


def _earlier_option(option: ElectionOption) -> ElectionOption:
    """What a parent who later chose `option` had said before."""
    if option is ElectionOption.MORE_TIME:
        return ElectionOption.DEPART_WITH_CHILDREN
    if option is ElectionOption.DEPART_WITH_CHILDREN:
        return ElectionOption.CHILDREN_REMAIN
    return ElectionOption.MORE_TIME


def draw_elections(rng: Random, story: ParentStory, parent: SynthPerson) -> list[SynthElection]:
    decision_day = _decision_day(story)
    after_notice = decision_day > NOTICE_FORM_FROM + timedelta(days=3)
    scenario, option = _scenario_and_option(rng, story, after_notice)
    if scenario is S.NONE:
        return []
    draft = _draft(rng, scenario, option, parent.languages)
    earliest = story.separated_on + timedelta(days=1)
    if after_notice and draft.form is not ElectionForm.VERBAL:
        earliest = max(earliest, NOTICE_FORM_FROM)
    if scenario is S.AFTER_REMOVAL and story.removed_on is not None:
        made_on = story.removed_on + timedelta(days=rng.randint(*AFTER_REMOVAL_DAYS))
    else:
        made_on = _day_between(rng, earliest, decision_day - timedelta(days=1))

    children = story.children
    if len(children) > 1 and rng.random() < ONE_CHILD_NOT_NAMED_SHARE:
        children = children[:-1]
    valid_looking = scenario in (S.VALID, S.CONTRARY_DEPART, S.CONTRARY_MORE_TIME)
    elections: list[SynthElection] = []
    if rng.random() < SUPERSEDED_SHARE and earliest < made_on - timedelta(days=1):
        earlier = _day_between(rng, earliest, made_on - timedelta(days=1))
        elections.append(
            _election(rng, story, draft, _earlier_option(option), earlier, children, valid_looking)
        )
    elections.append(_election(rng, story, draft, option, made_on, children, valid_looking))
    return elections


def _election(
    rng: Random,
    story: ParentStory,
    draft: _Draft,
    option: ElectionOption,
    made_on: date,
    children: tuple[str, ...],
    valid_looking: bool,
) -> SynthElection:
    # Supervisors signed off on well-made elections more often; history does not say.
    acknowledged = rng.random() < (0.7 if valid_looking else 0.3)
    waiver: bool | None = None
    if option is ElectionOption.CHILDREN_REMAIN:
        waiver = rng.random() < (0.8 if valid_looking else 0.5)
    return SynthElection(
        parent_key=story.parent_key,
        option=option,
        children=children,
        form=draft.form,
        made_on=made_on,
        notice_language=draft.notice_language,
        interpreter_language=draft.interpreter_language,
        counsel_advised=draft.counsel_advised,
        acknowledged=acknowledged,
        waiver_explicit=waiver,
    )
