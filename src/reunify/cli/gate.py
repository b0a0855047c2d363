"""`reunify gate check PERSON`: the removal gate's answer for one parent, as JSON.

The exit code carries the answer, so a script can ask before it acts: 0 open, 3 blocked.
"""

import argparse
import json
from uuid import UUID

from reunify.cli.errors import CommandFailed
from reunify.families.choices import IdentifierScheme
from reunify.families.identifiers import normalize_a_number
from reunify.families.models import Person, PersonIdentifier
from reunify.removals.gate_facts import gate_check

EXIT_OPEN = 0
EXIT_BLOCKED = 3


def person_named(text: str) -> Person:
    """The person a command line names: by id (a UUID) or by A-number, typed any way."""
    try:
        person_id = UUID(text.strip())
    except ValueError:
        pass
    else:
        person = Person.objects.filter(pk=person_id).first()
        if person is None:
            raise CommandFailed(f"no person has the id {person_id}")
        return person
    a_number = normalize_a_number(text)
    if a_number is None:
        raise CommandFailed(f"{text!r} is neither a person id (UUID) nor an A-number")
    people = list(
        Person.objects.filter(
            pk__in=PersonIdentifier.objects.filter(
                scheme=IdentifierScheme.A_NUMBER, normalized=a_number
            ).values("person_id")
        ).order_by("id")
    )
    if not people:
        raise CommandFailed(f"no person has the A-number {a_number}")
    if len(people) > 1:
        ids = ", ".join(str(person.pk) for person in people)
        raise CommandFailed(
            f"the A-number {a_number} is recorded for {len(people)} people ({ids}); "
            "give the person's id instead"
        )
    return people[0]


def gate(arguments: argparse.Namespace) -> int:
    if arguments.gate_command != "check":
        raise AssertionError(f"unhandled gate command {arguments.gate_command}")
    answer = gate_check(person_named(arguments.person))
    print(json.dumps(answer.to_json(), indent=2, ensure_ascii=False))
    return EXIT_OPEN if answer.passes else EXIT_BLOCKED
