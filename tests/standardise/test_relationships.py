"""Relationship words, English and Spanish, to a kinship, its sex and the role it implies."""

import pytest

from reunify.standardise import Kinship, standard_relationship
from reunify.synth.spellings import RELATIONSHIP_SPELLINGS
from reunify.vocabulary import MemberRole

pytestmark = pytest.mark.sqlite

K = Kinship


@pytest.mark.parametrize(
    ("text", "kinship", "sex"),
    [
        ("MOTHER", K.MOTHER, "F"), ("madre", K.MOTHER, "F"), ("mamá", K.MOTHER, "F"),
        ("MOM", K.MOTHER, "F"), ("father", K.FATHER, "M"), ("Padre", K.FATHER, "M"),
        ("papá", K.FATHER, "M"), ("son", K.CHILD, "M"), ("HIJO", K.CHILD, "M"),
        ("daughter", K.CHILD, "F"), ("hija", K.CHILD, "F"), ("child", K.CHILD, None),
        ("niño", K.CHILD, "M"), ("hijo/a", K.CHILD, None), ("grandmother", K.GRANDPARENT, "F"),
        ("ABUELA", K.GRANDPARENT, "F"), ("aunt", K.AUNT_UNCLE, "F"), ("tía", K.AUNT_UNCLE, "F"),
        ("uncle", K.AUNT_UNCLE, "M"), ("TÍO", K.AUNT_UNCLE, "M"), ("brother", K.SIBLING, "M"),
        ("hermano", K.SIBLING, "M"), ("sister", K.SIBLING, "F"), ("hermana", K.SIBLING, "F"),
        ("stepfather", K.STEP_PARENT, "M"), ("step-father", K.STEP_PARENT, "M"),
        ("padrastro", K.STEP_PARENT, "M"), ("legal guardian", K.GUARDIAN, None),
        ("tutor", K.GUARDIAN, None), ("TUTORA LEGAL", K.GUARDIAN, "F"), ("HOH", K.HEAD, None),
        ("head of household", K.HEAD, None), ("self", K.HEAD, None), ("MINOR", K.WARD, None),
        ("sobrina", K.NIECE_NEPHEW, "F"), ("nieto", K.GRANDCHILD, "M"), ("primo", K.COUSIN, "M"),
        ("esposa", K.SPOUSE, "F"), ("cuñado", K.OTHER_RELATIVE, None),
        ("friend", K.NOT_RELATED, None), ("desconocido", K.UNKNOWN, None),
        ("mother of HOH", K.MOTHER, "F"), ("my step father", K.STEP_PARENT, "M"),
    ],
)  # fmt: skip
def test_relationship_words_give_a_kinship_and_sex(
    text: str, kinship: Kinship, sex: str | None
) -> None:
    # Given / When
    read = standard_relationship(text).value

    # Then
    assert read is not None
    assert (read.kinship, read.sex) == (kinship, sex)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("madre", MemberRole.PARENT), ("FATHER", MemberRole.PARENT),
        ("legal guardian", MemberRole.LEGAL_GUARDIAN), ("hijo", MemberRole.CHILD),
        ("MINOR", MemberRole.CHILD), ("sobrino", MemberRole.CHILD), ("nieta", MemberRole.CHILD),
        ("tía", MemberRole.OTHER_RELATIVE), ("abuelo", MemberRole.OTHER_RELATIVE),
        ("padrastro", MemberRole.OTHER_RELATIVE), ("hermana", None), ("COUSIN", None),
        ("HOH", None), ("amigo", None),
    ],
)  # fmt: skip
def test_the_role_a_word_implies(text: str, role: MemberRole | None) -> None:
    # Given / When
    read = standard_relationship(text).value

    # Then: where age decides (a sister may be the adult or one of the children), None
    assert read is not None
    assert read.implied_role == role


def test_every_word_the_generator_writes_is_read() -> None:
    # Given
    written = {text for table in RELATIONSHIP_SPELLINGS.values() for text in table.values}

    # When
    unread = sorted(text for text in written if standard_relationship(text).value is None)

    # Then
    assert unread == []


def test_an_unknown_word_is_a_problem_and_blank_is_not() -> None:
    # Given / When
    odd, blank = standard_relationship("xyzzy"), standard_relationship("")

    # Then
    assert odd.value is None
    assert odd.problem is not None
    assert blank.blank
