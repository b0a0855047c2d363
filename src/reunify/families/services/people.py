"""Creating people as recorded at apprehension or from an agency's record."""

from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.utils import timezone

from reunify.families.choices import BirthDatePrecision, IdentifierScheme, Sex
from reunify.families.countries import is_country_code
from reunify.families.errors import raise_if_any
from reunify.families.identifiers import normalize_identifier
from reunify.families.languages import is_language_code
from reunify.families.models import Person, PersonIdentifier, PersonLanguage
from reunify.families.names import name_search_key
from reunify.families.rules import Problem, birth_date_problems, length_problems


@dataclass(frozen=True)
class PersonDetails:
    """What is known of a person when they are first recorded."""

    given_names: str
    first_surname: str = ""
    second_surname: str = ""
    sex: str = Sex.UNKNOWN
    birth_date: date | None = None
    birth_date_precision: str = BirthDatePrecision.DAY
    birth_date_estimated: bool = False
    citizenship: str = ""
    # ISO 639-3 codes; the first is the person's primary language.
    languages: tuple[str, ...] = ()
    literate: bool | None = None
    identifiers: tuple[tuple[str, str], ...] = field(default=())


def person_details_problems(details: PersonDetails, *, prefix: str = "") -> list[Problem]:
    problems: list[Problem] = []
    if not details.given_names.strip():
        problems.append(Problem(f"{prefix}given_names", "Enter the person's given names."))
    for name in ("given_names", "first_surname", "second_surname"):
        problems += [
            Problem(f"{prefix}{p.field}", p.message)
            for p in length_problems(name, getattr(details, name), limit=_max_length(Person, name))
        ]
    problems += [
        Problem(f"{prefix}{p.field}", p.message)
        for p in birth_date_problems(details.birth_date, today=timezone.localdate())
    ]
    if details.birth_date_precision not in BirthDatePrecision.values or (
        details.birth_date is not None
        and details.birth_date_precision == BirthDatePrecision.UNKNOWN
    ):
        problems.append(
            Problem(
                f"{prefix}birth_date_precision",
                f"Say how precise the birth date is, not {details.birth_date_precision!r}.",
            )
        )
    if details.sex not in Sex.values:
        problems.append(Problem(f"{prefix}sex", f"Unknown sex code {details.sex!r}."))
    if details.citizenship and not is_country_code(details.citizenship):
        problems.append(
            Problem(f"{prefix}citizenship", f"Unknown country code {details.citizenship!r}.")
        )
    for code in details.languages:
        if not is_language_code(code):
            problems.append(
                Problem(f"{prefix}languages", f"Unknown language code {code!r} (use ISO 639-3).")
            )
    if len(set(details.languages)) != len(details.languages):
        problems.append(Problem(f"{prefix}languages", "A language is listed twice."))
    seen: set[tuple[str, str]] = set()
    value_limit = _max_length(PersonIdentifier, "value")
    for scheme, value in details.identifiers:
        normalized = normalize_identifier(scheme, value)
        if scheme not in IdentifierScheme.values:
            problems.append(
                Problem(f"{prefix}identifiers", f"Unknown identifier scheme {scheme!r}.")
            )
        elif normalized is None or len(value.strip()) > value_limit:
            label = IdentifierScheme(scheme).label
            problems.append(
                Problem(f"{prefix}{scheme.lower()}", f"{value!r} is not a valid {label}.")
            )
        elif (scheme, normalized) in seen:
            # The same number typed twice ("A 012-345-678" and "12345678") is one identifier.
            problems.append(Problem(f"{prefix}{scheme.lower()}", f"{value!r} is listed twice."))
        else:
            seen.add((scheme, normalized))
    return problems


def _max_length(model: type[models.Model], field_name: str) -> int:
    field = model._meta.get_field(field_name)
    if not isinstance(field, models.Field) or field.max_length is None:
        raise TypeError(f"{model.__name__}.{field_name} has no max_length")
    return field.max_length


def person_create(details: PersonDetails) -> Person:
    """Store a person whose details already passed `person_details_problems`.

    Not a service on its own: it runs inside the service that records the person's
    arrival (a family unit at apprehension, a member added), which writes the history.
    """
    raise_if_any(person_details_problems(details))
    precision = details.birth_date_precision if details.birth_date else BirthDatePrecision.UNKNOWN
    person = Person.objects.create(
        given_names=details.given_names.strip(),
        first_surname=details.first_surname.strip(),
        second_surname=details.second_surname.strip(),
        name_search=name_search_key(
            details.given_names, details.first_surname, details.second_surname
        ),
        sex=details.sex,
        birth_date=details.birth_date,
        birth_date_precision=precision,
        birth_date_estimated=details.birth_date_estimated,
        citizenship=details.citizenship,
    )
    PersonLanguage.objects.bulk_create(
        PersonLanguage(person=person, code=code, is_primary=index == 0, reads=details.literate)
        for index, code in enumerate(details.languages)
    )
    PersonIdentifier.objects.bulk_create(
        PersonIdentifier(
            person=person,
            scheme=scheme,
            value=value.strip(),
            normalized=normalize_identifier(scheme, value) or "",
        )
        for scheme, value in details.identifiers
    )
    return person


def person_summary(person: Person) -> dict[str, object]:
    """The fields of a person a history entry keeps."""
    return {
        "given_names": person.given_names,
        "first_surname": person.first_surname,
        "second_surname": person.second_surname,
        "sex": person.sex,
        "birth_date": person.birth_date,
        "citizenship": person.citizenship,
    }
