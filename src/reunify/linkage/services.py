"""`linkage_run`: resolve every staged record into a person, keeping person ids stable.

Splink runs outside any transaction (minutes on a national extract); its answer is
written in one transaction with its history entry, replacing the previous run's.
"""

import math
import time
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, nullcontext
from functools import partial
from typing import Any

import pandas as pd
from django.db import connection, transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import LINKAGE_RUNNERS
from reunify.audit.history import record_change
from reunify.bulk_copy import insert_rows, new_ids
from reunify.linkage.decisions import apply_decisions
from reunify.linkage.errors import LinkageRefused
from reunify.linkage.family_decisions import apply_family_decisions
from reunify.linkage.family_links import LINK_COLUMNS, family_links
from reunify.linkage.family_records.linked_rows import linked_rows_apart
from reunify.linkage.family_records.refresh import family_records_refresh
from reunify.linkage.family_records.writing import (
    Encoded,
    encoded_values,
    indexes_built_whole,
    insert,
    keys_checked_whole,
)
from reunify.linkage.models import (
    FamilyLink,
    FamilyLinkDecision,
    FamilyLinkStatus,
    LinkageRun,
    LinkedRecord,
    ReviewStatus,
)
from reunify.linkage.person_ids import stable_person_ids
from reunify.linkage.review_queue import decided_pairs, doubtful_pairs, queue_update
from reunify.linkage.run_linkage import MATCH_THRESHOLD, link_persons
from reunify.linkage.spark_engine import spark_missing
from reunify.linkage.staged_frame import staged_frame

ENGINES = ("duckdb", "spark")
# Splink learns its parameters from the data: with too few records EM has nothing to
# learn from, and the model would link by chance.
FEWEST_RECORDS = 50
WRITE_BATCH = 5000


def linkage_run(
    *,
    actor: User | None,
    actor_label: str,
    engine: str = "duckdb",
    threshold: float = MATCH_THRESHOLD,
    memory_limit: str | None = None,
) -> LinkageRun:
    if actor is not None:
        require_role(actor, LINKAGE_RUNNERS, action="run record linkage")
    if engine not in ENGINES:
        raise LinkageRefused(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine == "spark" and (missing := spark_missing()) is not None:
        raise LinkageRefused(missing)
    if not 0 < threshold < 1:
        raise LinkageRefused(f"the threshold must lie between 0 and 1, not {threshold}")
    started_at = timezone.now()
    clock = time.perf_counter()
    frame = staged_frame()
    read_seconds = time.perf_counter() - clock
    if len(frame) < FEWEST_RECORDS:
        raise LinkageRefused(
            f"{len(frame)} staged records are too few to learn a model from (at least "
            f"{FEWEST_RECORDS}); import the agency extracts first"
        )
    found = link_persons(frame, threshold=threshold, memory_limit=memory_limit, engine=engine)
    modelled = dict(zip(found.clusters["unique_id"], found.clusters["person_id"], strict=True))
    clock = time.perf_counter()
    doubtful = doubtful_pairs(found.pairs)
    model_seconds, parameters = found.seconds, plain_parameters(found.parameters)
    # A national run holds gigabytes at once: each large table is let go once used, so
    # the family-records refresh at the end does not stack on top of them all.
    del found
    # Outside any transaction (the command line), the family rules' rows can be read on
    # a connection of their own, from the committed staged records, while this one builds
    # the linked rows' table; a caller's open transaction (a test's) would hide them.
    reading_apart = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        clusters = apply_decisions(
            modelled,
            same=decided_pairs(ReviewStatus.SAME),
            different=decided_pairs(ReviewStatus.DIFFERENT),
        )
        previous = {
            f"{source}:{record_id}": person_id
            for source, record_id, person_id in LinkedRecord.objects.values_list(
                "source", "record_id", "person_id"
            ).iterator(chunk_size=WRITE_BATCH)
        }
        persons = stable_person_ids(clusters, previous)
        persons_kept = len(set(persons.values()) & set(previous.values()))
        first_run = not previous
        del modelled, clusters, previous
        # Review decisions applied, ids kept from the last run.
        person_ids_seconds = time.perf_counter() - clock
        clock = time.perf_counter()
        run = LinkageRun.objects.create(
            engine=engine,
            threshold=threshold,
            started_at=started_at,
            finished_at=timezone.now(),
            started_by=actor,
            starter_label=actor_label,
            records=len(persons),
            persons=len(set(persons.values())),
            seconds={
                "read_staged": round(read_seconds, 2),
                **{stage: round(seconds, 2) for stage, seconds in model_seconds.items()},
                "person_ids": round(person_ids_seconds, 2),
            },
            parameters=parameters,
        )
        # On a first run the run's keys are checked once, as whole tables, not row by
        # row at the commit (a million linked records, a third of a million links).
        keys = ExitStack()
        if first_run:
            keys.enter_context(keys_checked_whole((LinkageRun, LinkedRecord, FamilyLink)))
        with keys:
            linked_records_replace(run, persons, first_run=first_run)
            waiting = queue_update(run, doubtful)
            del doubtful
            # Linked records and the review queue written.
            run.seconds["write_linked"] = round(time.perf_counter() - clock, 2)
            found_links = FamilyLinksFound(frame, persons, family_verdicts(), run=run)
            read_apart = partial(linked_rows_apart, persons) if reading_apart else None
            del frame, persons  # held by `found_links` until the links are found
            started = time.perf_counter()
            family_records_refresh(
                actor=actor, run=run, links=found_links.accepted, rows_apart=read_apart
            )
            del read_apart
            run.seconds["family_records"] = round(time.perf_counter() - started, 2)
            started = time.perf_counter()
            links_replace(run, found_links.links, first_run=first_run, ready=found_links.rows)
            del found_links
            keys.close()
            run.seconds["write_links"] = round(time.perf_counter() - started, 2)
        run.save(update_fields=["seconds"])
        record_change(
            actor=actor,
            action="linkage.run",
            subject_type="linkage_run",
            subject_id=run.pk,
            changes={
                "engine": engine,
                "threshold": threshold,
                "records": run.records,
                "persons": run.persons,
                "persons_kept": persons_kept,
                "pairs_for_review": waiting,
                "family_links": run.family_links,
                "family_links_for_review": run.family_links_for_review,
            },
        )
        committing = time.perf_counter()
    # Known only now, so not saved with the run's other stages: the caller may report it.
    run.seconds["commit"] = round(time.perf_counter() - committing, 2)
    return run


def _filled(
    model: type[LinkedRecord] | type[FamilyLink], *, first_run: bool
) -> AbstractContextManager[None]:
    """Linked records and links are rewritten whole each run. On the first, into tables
    no one is reading yet, their indexes are built once filled (`indexes_built_whole`:
    9.5 s → 3 s for a million linked records); later runs keep them, so that the pages
    reading them never wait on a run."""
    return indexes_built_whole((model,)) if first_run else nullcontext()


def linked_records_replace(run: LinkageRun, persons: dict[str, Any], *, first_run: bool) -> None:
    """This run's person of each record (by "source:record_id") instead of the last's."""
    with _filled(LinkedRecord, first_run=first_run):
        LinkedRecord.objects.all().delete()
        insert_rows(
            LinkedRecord,
            (
                (row_id, *unique_id.split(":", 1), person_id, run.pk)
                for row_id, (unique_id, person_id) in zip(
                    new_ids(len(persons)), persons.items(), strict=True
                )
            ),
        )


class FamilyLinksFound:
    """The run's parent-child links, found when the family-records refresh asks for them:
    on PostgreSQL while the server writes persons and custody, so the two share the
    machine's cores, and there encoded for their write (`rows`) too. Lets go of the
    linkage table once done."""

    def __init__(
        self,
        frame: pd.DataFrame,
        persons: dict[str, uuid.UUID],
        verdicts: dict[tuple[str, str], str],
        *,
        run: LinkageRun,
    ) -> None:
        self._inputs: tuple[pd.DataFrame, dict[str, uuid.UUID]] | None = (frame, persons)
        self._verdicts, self._run = verdicts, run
        self.links = pd.DataFrame(columns=list(LINK_COLUMNS))
        self.rows: Encoded | None = None

    def accepted(self) -> dict[tuple[uuid.UUID, uuid.UUID], float]:
        """Find the links (`links`: LINK_COLUMNS, review decisions applied); the accepted
        ones' confidence by (parent, child), as `accepted_links` reads them once written."""
        if self._inputs is None:
            raise RuntimeError("a run's family links are found once")
        started = time.perf_counter()
        frame, persons = self._inputs
        self._inputs = None
        clusters = as_clusters(persons)
        self.links = apply_family_decisions(
            family_links(frame, clusters).links,
            self._verdicts,
            persons=set(clusters["person_id"].unique()),
        )
        self._run.seconds["family_links"] = round(time.perf_counter() - started, 2)
        if connection.vendor == "postgresql":
            started = time.perf_counter()
            self.rows = encoded_values(FamilyLink, link_rows(self._run, self.links))
            self._run.seconds["links_encoded"] = round(time.perf_counter() - started, 2)
        accepted = self.links[self.links["status"] == "accepted"]
        return {
            (uuid.UUID(str(parent)), uuid.UUID(str(child))): float(confidence)
            for parent, child, confidence in zip(
                accepted["parent_person_id"],
                accepted["child_person_id"],
                accepted["confidence"],
                strict=True,
            )
        }


def family_verdicts() -> dict[tuple[str, str], str]:
    return {
        (str(parent), str(child)): verdict
        for parent, child, verdict in FamilyLinkDecision.objects.values_list(
            "parent_person_id", "child_person_id", "verdict"
        )
    }


def as_clusters(persons: dict[str, uuid.UUID]) -> pd.DataFrame:
    """Records (unique_id) and their persons' ids as text (person_id)."""
    # A person's id is written out once, not once per record.
    text = {person: str(person) for person in set(persons.values())}
    return pd.DataFrame(
        {"unique_id": list(persons), "person_id": [text[person] for person in persons.values()]}
    )


_LINK_STATUSES = {
    "accepted": FamilyLinkStatus.ACCEPTED.value,
    "review": FamilyLinkStatus.REVIEW.value,
}


def link_rows(run: LinkageRun, links: pd.DataFrame) -> Iterator[tuple[Any, ...]]:
    """`links` (LINK_COLUMNS) as `FamilyLink` rows of `run`: values in field order."""
    rows = links[list(LINK_COLUMNS)].itertuples(index=False)
    for row_id, (parent, child, confidence, status, evidence) in zip(
        new_ids(len(links)), rows, strict=True
    ):
        yield (
            row_id, parent, child, float(confidence), _LINK_STATUSES[status], list(evidence),
            run.pk,
        )  # fmt: skip


def links_replace(
    run: LinkageRun,
    links: pd.DataFrame,
    *,
    first_run: bool = False,
    ready: Encoded | None = None,
) -> None:
    """This run's parent-child links instead of the last run's; `ready` holds them
    already encoded (`link_rows` of `links`, on PostgreSQL)."""
    with _filled(FamilyLink, first_run=first_run):
        FamilyLink.objects.all().delete()
        if ready is None:
            insert_rows(FamilyLink, link_rows(run, links))
        else:
            insert(FamilyLink, ready)
    run.family_links = int((links["status"] == "accepted").sum())
    run.family_links_for_review = len(links) - run.family_links
    run.save(update_fields=["family_links", "family_links_for_review", "seconds"])


def plain_parameters(parameters: pd.DataFrame) -> list[dict[str, Any]]:
    """Learnt m and u as JSON: a level never reached has no value (NaN), kept as null."""
    rows: list[dict[str, Any]] = parameters.to_dict(orient="records")  # type: ignore[assignment]
    return [
        {
            key: None if isinstance(value, float) and not math.isfinite(value) else value
            for key, value in row.items()
        }
        for row in rows
    ]
