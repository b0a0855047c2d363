"""Folding names in PostgreSQL (`fold_sql`) gives what `fold` gives, character by
character: the family-records refresh writes the search key set-wise with it."""

import random

import pytest
from django.db import connection

from reunify.families.names import fold, fold_sql, name_search_key, name_search_sql

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]

# Latin, Greek, Cyrillic, combining marks of every block below CJK, compatibility forms.
EVERY_SMALL_CODE_POINT = [
    chr(point)
    for point in [*range(0x1, 0x3000), *range(0xFB00, 0xFFFE), 0x1D400, 0x1F600, 0xE0100]
    if not 0xD800 <= point <= 0xDFFF
]


def _folded_in_sql(texts: list[str]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(  # the expression is built from constants; the texts are parameters
            f"SELECT {fold_sql('t')} FROM unnest(%s::text[]) WITH ORDINALITY AS given(t, n) "  # noqa: S608
            "ORDER BY n",
            [texts],
        )
        return [folded for (folded,) in cursor.fetchall()]


def test_each_character_folds_in_sql_as_in_python() -> None:
    # Given each character between letters, in upper and lower case
    texts = [f"Ab{char}Cd x{char}" for char in EVERY_SMALL_CODE_POINT]

    # When
    folded = _folded_in_sql(texts)

    # Then
    differing = [(t, f, fold(t)) for t, f in zip(texts, folded, strict=True) if f != fold(t)]
    assert differing == []


def test_random_names_fold_in_sql_as_in_python() -> None:
    # Given names of random words from mixed alphabets, spaces and punctuation
    chosen = random.Random(5)
    alphabet = "aáàäâãåAÁÉÑñçÇßøØæœłđþ'`-. \t\u2019\u00b4\u02bc" + "".join(
        EVERY_SMALL_CODE_POINT[::97]
    )
    texts = [
        "".join(chosen.choice(alphabet) for _ in range(chosen.randint(0, 30))) for _ in range(3000)
    ]

    # When
    folded = _folded_in_sql(texts)

    # Then
    assert folded == [fold(t) for t in texts]


def test_ascii_names_fold_in_sql_as_in_python() -> None:
    # Given ASCII names, most tidy (lower-case words, one space), some with capitals,
    # digits, apostrophes, punctuation, tabs, several spaces, spaces at either end
    chosen = random.Random(8)
    texts = [
        "".join(chosen.choice(alphabet) for _ in range(chosen.randint(0, 24)))
        for alphabet in ("abcxyz ", "abcxyz '09", "aZ `'-.\t ", "ab  ", " ab.,;:!?\\/_()")
        for _ in range(600)
    ]

    # When
    folded = _folded_in_sql(texts)

    # Then
    assert folded == [fold(t) for t in texts]


def test_the_search_key_in_sql_is_the_search_key() -> None:
    # Given
    names = [
        ("María José", "LÓPEZ", "García"),
        ("Ana", "", ""),
        ("K\u2019iche\u2019", "de la Cruz", ""),
        ("", "", ""),
    ]

    # When
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {name_search_sql('g', 'f', 's')} FROM unnest(%s::text[], %s::text[], "  # noqa: S608
            "%s::text[]) WITH ORDINALITY AS given(g, f, s, n) ORDER BY n",
            [list(column) for column in zip(*names, strict=True)],
        )
        keys = [key for (key,) in cursor.fetchall()]

    # Then
    assert keys == [name_search_key(*name) for name in names]
