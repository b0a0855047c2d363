"""Preparing a parent's notice of options and recording its delivery."""

from collections.abc import Sequence
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import ELECTION_RECORDERS
from reunify.audit.history import record_change
from reunify.elections.choices import NoticeDelivery
from reunify.elections.models import Notice
from reunify.elections.notice_document import FORM_VERSION, WRITTEN_NOTICE_LANGUAGES
from reunify.elections.short_codes import new_short_code
from reunify.families.errors import raise_if_any
from reunify.families.languages import language_name
from reunify.families.locking import lock_people
from reunify.families.models import Person
from reunify.families.rules import Problem, event_time_problems, length_problems
from reunify.families.selectors import children_apart_from


@transaction.atomic
def notice_prepare(
    *,
    actor: User,
    parent: Person,
    language: str,
    children: Sequence[Person] | None = None,
) -> Notice:
    """A notice in `language` naming each child now separated from `parent` (or `children`).

    Written notices exist in `WRITTEN_NOTICE_LANGUAGES`; a parent who speaks none of them
    gets one read by an interpreter, named when the delivery is recorded.
    """
    require_role(actor, ELECTION_RECORDERS, action="prepare notices of options")
    lock_people([parent.pk])
    separated = {child.pk: child for child in children_apart_from(parent)}
    chosen = list(separated.values()) if children is None else list(children)
    problems: list[Problem] = []
    if language not in WRITTEN_NOTICE_LANGUAGES:
        written = ", ".join(language_name(code) for code in WRITTEN_NOTICE_LANGUAGES)
        problems.append(
            Problem("language", f"A written notice exists in {written}; choose one of them.")
        )
    if not separated:
        problems.append(Problem("children", "No child is separated from this parent now."))
    for child in chosen:
        if child.pk not in separated:
            problems.append(
                Problem("children", f"{child.full_name} is not separated from this parent.")
            )
    if separated and not chosen:
        problems.append(Problem("children", "Name at least one separated child."))
    raise_if_any(problems)

    notice = _create_with_unique_code(parent=parent, language=language, actor=actor)
    notice.children.set(chosen)
    record_change(
        actor=actor,
        action="notice.prepared",
        subject_type="notice",
        subject_id=notice.id,
        person_ids=[parent.id, *(child.id for child in chosen)],
        changes={
            "short_code": notice.short_code,
            "language": language,
            "form_version": notice.form_version,
            "children": [child.id for child in chosen],
        },
    )
    return notice


def _create_with_unique_code(*, parent: Person, language: str, actor: User) -> Notice:
    # 32**8 codes make a clash rare; a savepoint lets us try again if one happens.
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Notice.objects.create(
                    parent=parent,
                    short_code=new_short_code(),
                    form_version=FORM_VERSION,
                    language=language,
                    prepared_by=actor,
                )
        except IntegrityError:
            continue
    raise RuntimeError("Could not find an unused notice code after five attempts.")


def delivery_problems(
    *,
    notice_language: str,
    parent_languages: frozenset[str],
    interpreter_name: str,
    interpreter_language: str,
) -> list[Problem]:
    """A notice in a language the parent does not speak needs an interpreter of theirs."""
    if not parent_languages:
        return [
            Problem(
                "interpreter_language",
                "No language is recorded for this parent: record the language they speak "
                "before delivering the notice.",
            )
        ]
    problems: list[Problem] = []
    if interpreter_name.strip() and not interpreter_language:
        problems.append(Problem("interpreter_language", "Which language did the interpreter use?"))
    if interpreter_language and not interpreter_name.strip():
        problems.append(Problem("interpreter_name", "Name the interpreter."))
    if interpreter_language and interpreter_language not in parent_languages:
        spoken = ", ".join(sorted(language_name(code) for code in parent_languages))
        problems.append(
            Problem(
                "interpreter_language",
                f"The parent speaks {spoken}, not {language_name(interpreter_language)}.",
            )
        )
    if notice_language not in parent_languages and not interpreter_name.strip():
        spoken = " or ".join(sorted(language_name(code) for code in parent_languages))
        problems.append(
            Problem(
                "interpreter_name",
                f"The notice is in {language_name(notice_language)} and the parent speaks "
                f"{spoken}: name the interpreter of {spoken} who read it to them.",
            )
        )
    return problems


@transaction.atomic
def notice_delivery_record(
    *,
    actor: User,
    notice: Notice,
    delivered_at: datetime,
    method: str,
    interpreter_name: str = "",
    interpreter_language: str = "",
) -> Notice:
    """Record that `actor` gave the notice to the parent: when, how, through whom."""
    require_role(actor, ELECTION_RECORDERS, action="record the delivery of notices")
    lock_people([notice.parent_id])
    notice.refresh_from_db()
    problems = event_time_problems("delivered_at", delivered_at, now=timezone.now())
    if notice.is_delivered:
        problems.append(Problem("notice", "This notice's delivery is already recorded."))
    # Forms give minutes; a notice printed at 10:04:31 may be given "at 10:04".
    if delivered_at < notice.created_at.replace(second=0, microsecond=0):
        problems.append(Problem("delivered_at", "A notice cannot be given before it is printed."))
    if method not in NoticeDelivery.values:
        problems.append(Problem("method", f"Unknown delivery method {method!r}."))
    problems += length_problems("interpreter_name", interpreter_name, limit=200)
    problems += delivery_problems(
        notice_language=notice.language,
        parent_languages=frozenset(notice.parent.languages.values_list("code", flat=True)),
        interpreter_name=interpreter_name,
        interpreter_language=interpreter_language,
    )
    raise_if_any(problems)

    notice.delivered_at = delivered_at
    notice.delivered_by = actor
    notice.delivery_method = method
    notice.interpreter_name = interpreter_name.strip()
    notice.interpreter_language = interpreter_language
    notice.save()
    record_change(
        actor=actor,
        action="notice.delivered",
        subject_type="notice",
        subject_id=notice.id,
        person_ids=[notice.parent_id],
        changes={
            "delivered_at": delivered_at,
            "method": method,
            "interpreter_name": notice.interpreter_name,
            "interpreter_language": interpreter_language,
        },
    )
    return notice
