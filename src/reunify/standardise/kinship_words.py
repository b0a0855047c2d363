"""Relationship words in English and Spanish (and the Portuguese a clerk may meet),
folded, with the kinship each names and the sex it implies."""

from enum import StrEnum


class Kinship(StrEnum):
    """What a person is to the family's principal member (the head, or the other member
    named on the record). A published vocabulary: codes keep their meaning."""

    MOTHER = "MOTHER"
    FATHER = "FATHER"
    PARENT = "PARENT"
    STEP_PARENT = "STEP_PARENT"
    GUARDIAN = "GUARDIAN"
    CHILD = "CHILD"
    STEP_CHILD = "STEP_CHILD"
    WARD = "WARD"
    GRANDPARENT = "GRANDPARENT"
    GRANDCHILD = "GRANDCHILD"
    AUNT_UNCLE = "AUNT_UNCLE"
    NIECE_NEPHEW = "NIECE_NEPHEW"
    SIBLING = "SIBLING"
    COUSIN = "COUSIN"
    SPOUSE = "SPOUSE"
    OTHER_RELATIVE = "OTHER_RELATIVE"
    NOT_RELATED = "NOT_RELATED"
    HEAD = "HEAD"
    UNKNOWN = "UNKNOWN"


K = Kinship
_F, _M, _ANY = "F", "M", None


Meaning = tuple[Kinship, str | None]  # the kinship and the sex ("F", "M") a word says


def _words(kinship: Kinship, sex: str | None, *spellings: str) -> dict[str, Meaning]:
    return dict.fromkeys(spellings, (kinship, sex))


# Folded phrases (lower case, no accents, punctuation as spaces) of one to four words.
PHRASES: dict[str, Meaning] = {
    **_words(K.MOTHER, _F, "mother", "mom", "mommy", "mum", "mama", "mami", "mamita", "madre",
             "mae", "birth mother", "biological mother", "bio mother", "madre biologica"),
    **_words(K.FATHER, _M, "father", "dad", "daddy", "papa", "papi", "papito", "padre", "pai",
             "birth father", "biological father", "bio father", "padre biologico"),
    **_words(K.PARENT, _ANY, "parent", "parents", "padres", "progenitor", "progenitora",
             "padre madre", "madre padre", "biological parent"),
    **_words(K.STEP_PARENT, _M, "stepfather", "step father", "padrastro"),
    **_words(K.STEP_PARENT, _F, "stepmother", "step mother", "madrastra"),
    **_words(K.STEP_PARENT, _ANY, "stepparent", "step parent"),
    **_words(K.GUARDIAN, _ANY, "guardian", "legal guardian", "tutor", "tutor legal",
             "guardian legal", "custodian", "legal custodian", "tutela", "encargado",
             "encargada", "responsable"),
    **_words(K.GUARDIAN, _F, "tutora", "tutora legal"),
    **_words(K.CHILD, _M, "son", "hijo", "boy", "nino", "filho"),
    **_words(K.CHILD, _F, "daughter", "hija", "girl", "nina", "filha"),
    **_words(K.CHILD, _ANY, "child", "children", "kid", "hijo a", "hijos", "minor child",
             "hijo menor", "hija menor", "offspring", "juvenile", "uac", "uc"),
    **_words(K.STEP_CHILD, _M, "stepson", "step son", "hijastro"),
    **_words(K.STEP_CHILD, _F, "stepdaughter", "step daughter", "hijastra"),
    **_words(K.STEP_CHILD, _ANY, "stepchild", "step child"),
    **_words(K.WARD, _ANY, "ward", "minor", "menor", "menor de edad", "pupilo", "pupila",
             "dependent", "dependiente"),
    **_words(K.GRANDPARENT, _F, "grandmother", "grandma", "granny", "abuela", "abuelita",
             "great grandmother", "bisabuela"),
    **_words(K.GRANDPARENT, _M, "grandfather", "grandpa", "abuelo", "abuelito",
             "great grandfather", "bisabuelo"),
    **_words(K.GRANDPARENT, _ANY, "grandparent", "abuelos", "avo"),
    **_words(K.GRANDCHILD, _F, "granddaughter", "nieta", "bisnieta", "neta"),
    **_words(K.GRANDCHILD, _M, "grandson", "nieto", "bisnieto", "neto"),
    **_words(K.GRANDCHILD, _ANY, "grandchild", "nietos"),
    **_words(K.AUNT_UNCLE, _F, "aunt", "auntie", "tia", "great aunt", "tia abuela", "tia politica"),
    **_words(K.AUNT_UNCLE, _M, "uncle", "tio", "great uncle", "tio abuelo", "tio politico"),
    **_words(K.NIECE_NEPHEW, _F, "niece", "sobrina"),
    **_words(K.NIECE_NEPHEW, _M, "nephew", "sobrino"),
    **_words(K.SIBLING, _F, "sister", "hermana", "half sister", "media hermana", "stepsister",
             "step sister", "hermanastra"),
    **_words(K.SIBLING, _M, "brother", "hermano", "half brother", "medio hermano",
             "stepbrother", "step brother", "hermanastro", "irmao"),
    **_words(K.SIBLING, _ANY, "sibling", "siblings", "hermanos"),
    **_words(K.COUSIN, _F, "prima"),
    **_words(K.COUSIN, _M, "primo"),
    **_words(K.COUSIN, _ANY, "cousin"),
    **_words(K.SPOUSE, _F, "wife", "esposa", "companera", "concubina", "mujer", "novia"),
    **_words(K.SPOUSE, _M, "husband", "esposo", "companero", "concubino", "marido", "novio"),
    **_words(K.SPOUSE, _ANY, "spouse", "partner", "pareja", "common law", "conyuge"),
    **_words(K.OTHER_RELATIVE, _ANY, "relative", "other relative", "family", "family member",
             "familiar", "pariente", "in law", "brother in law", "sister in law", "cunado",
             "cunada", "suegro", "suegra", "father in law", "mother in law", "son in law",
             "daughter in law", "yerno", "nuera", "godmother", "godfather", "madrina",
             "padrino", "otro familiar", "other"),
    **_words(K.NOT_RELATED, _ANY, "friend", "amigo", "amiga", "neighbor", "neighbour",
             "vecino", "vecina", "not related", "no relation", "unrelated", "non relative",
             "sin parentesco", "ninguno", "ninguna", "none", "acquaintance", "conocido"),
    **_words(K.HEAD, _ANY, "self", "hoh", "head", "head of household", "head of family",
             "principal", "jefe de familia", "jefa de familia", "jefe de hogar",
             "jefa de hogar", "subject", "primary"),
    **_words(K.UNKNOWN, _ANY, "unknown", "unk", "desconocido", "desconocida", "no sabe"),
}  # fmt: skip

LONGEST_PHRASE = max(len(phrase.split()) for phrase in PHRASES)
