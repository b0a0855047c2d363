"""From stored records to the plain facts `elections.validity` judges.

The only place that knows how a row maps onto the rules, so the page, the API, the gate
and the oversight report judge an election the same way.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db.models import Q

from reunify.elections.models import Election
from reunify.elections.validity import EXTRACT_CANNOT_SHOW, ElectionFacts, deficiencies_of
from reunify.elections.wording import deficiency_words
from reunify.families.models import Person, PersonLanguage, Separation
from reunify.vocabulary import (
    CounselChoice,
    Deficiency,
    ElectionForm,
    ElectionOption,
    ElectionOrigin,
    SignatureKind,
)


def spoken_languages(parent_id: UUID) -> frozenset[str]:
    return frozenset(
        PersonLanguage.objects.filter(person_id=parent_id).values_list("code", flat=True)
    )


def children_separated_from(parent_id: UUID, *, at: datetime) -> frozenset[UUID]:
    """Children apart from this parent at `at`: separated by then, not yet reunited."""
    return frozenset(
        Separation.objects.filter(parent_id=parent_id, separated_at__lte=at)
        .filter(Q(reunion__isnull=True) | Q(reunion__reunited_at__gt=at))
        .values_list("child_id", flat=True)
    )


def latest_election_of(parent_id: UUID) -> Election | None:
    """The election that governs: the parent's latest by when it was made."""
    return (
        Election.objects.filter(parent_id=parent_id)
        .select_related("notice")
        .order_by("-made_at", "-created_at")
        .first()
    )


def rules_the_record_cannot_show(election: Election) -> frozenset[Deficiency]:
    """What an oversight report must leave unjudged for this election: the rules a
    historical extract holds no facts for. The gate never asks this; it judges all."""
    if election.origin == ElectionOrigin.EXTRACT:
        return EXTRACT_CANNOT_SHOW
    return frozenset()


def interpreter_languages(election: Election) -> frozenset[str]:
    """Languages of every interpreter named, at the notice's delivery or the election."""
    found = {election.interpreter_language}
    if election.notice is not None and election.notice.is_delivered:
        found.add(election.notice.interpreter_language)
    return frozenset(code for code in found if code)


def notice_language(election: Election) -> str | None:
    if election.notice_language:
        return election.notice_language
    if election.notice is not None and election.notice.is_delivered:
        return election.notice.language
    return None


def election_facts(
    election: Election,
    *,
    is_latest: bool,
    parent_languages: frozenset[str],
    children_named: frozenset[UUID],
    children_separated_at_the_time: frozenset[UUID],
    removed_at: datetime | None = None,
) -> ElectionFacts:
    return ElectionFacts(
        option=ElectionOption(election.option),
        form=ElectionForm(election.form),
        signature=SignatureKind(election.signature) if election.signature else None,
        signed_on=election.signed_on,
        witnesses=election.witnesses,
        notice_language=notice_language(election),
        interpreter_languages=interpreter_languages(election),
        parent_languages=parent_languages,
        counsel_advised=election.counsel_advised,
        counsel=CounselChoice(election.counsel),
        children_named=frozenset(children_named),
        children_separated_at_the_time=frozenset(children_separated_at_the_time),
        made_at=election.made_at,
        removed_at=removed_at,
        is_latest=is_latest,
        withdrawn=election.is_withdrawn,
        waiver_explicit=election.waiver_explicit,
        acknowledged=election.is_acknowledged,
    )


@dataclass(frozen=True)
class JudgedElection:
    """An election with the rules' verdict, in codes and in words."""

    election: Election
    facts: ElectionFacts
    deficiencies: tuple[Deficiency, ...]
    words: tuple[str, ...]
    children: tuple[Person, ...]

    @property
    def is_valid(self) -> bool:
        return not self.deficiencies

    @property
    def coded_words(self) -> list[tuple[str, str]]:
        return [
            (code.value, words) for code, words in zip(self.deficiencies, self.words, strict=True)
        ]


def judge_election(
    election: Election,
    *,
    is_latest: bool,
    parent_languages: frozenset[str] | None = None,
    removed_at: datetime | None = None,
) -> JudgedElection:
    """Judge one stored election (a few small queries; callers loop over few elections)."""
    children = tuple(election.children.order_by("given_names"))
    separated = children_separated_from(election.parent_id, at=election.made_at)
    languages = (
        spoken_languages(election.parent_id) if parent_languages is None else parent_languages
    )
    facts = election_facts(
        election,
        is_latest=is_latest,
        parent_languages=languages,
        children_named=frozenset(child.pk for child in children),
        children_separated_at_the_time=separated,
        removed_at=removed_at,
    )
    codes, words = verdict_on(facts, Person.objects.filter(pk__in=separated))
    return JudgedElection(
        election=election, facts=facts, deficiencies=codes, words=words, children=children
    )


def verdict_on(
    facts: ElectionFacts, separated_children: Iterable[Person]
) -> tuple[tuple[Deficiency, ...], tuple[str, ...]]:
    """The rules' verdict in codes, and in words that name the children left out."""
    codes = deficiencies_of(facts)
    names: dict[Hashable, str] = {person.pk: person.full_name for person in separated_children}
    return codes, tuple(deficiency_words(code, facts, names) for code in codes)
