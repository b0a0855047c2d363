"""Turn pure-rule problems into the ValidationError that forms, API and CLI all understand."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError

from reunify.families.rules import Problem


def raise_if_any(problems: Iterable[Problem]) -> None:
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        by_field.setdefault(problem.field, []).append(problem.message)
    if by_field:
        raise ValidationError(by_field)
