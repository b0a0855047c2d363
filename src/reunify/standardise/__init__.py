"""Standard values from messy agency extracts, for the importer and record linkage.

Pure functions, no database. Each reads one kind of field as agencies write it (any
case, with or without accents, English or Spanish, codes or names) and returns the
standard value, or says why it cannot: a `Reading` (value, raw text, problem), or for
names and dates their own result types. Ambiguous dates are flagged, never guessed
silently.
"""

from reunify.standardise.a_numbers import standard_a_number
from reunify.standardise.countries import standard_country
from reunify.standardise.dates import (
    DateOrder,
    ExtractDate,
    UnreadableDate,
    infer_date_order,
    parse_extract_date,
)
from reunify.standardise.flags import standard_flag
from reunify.standardise.kinship_words import Kinship
from reunify.standardise.languages import standard_language, standard_languages
from reunify.standardise.names import (
    StandardName,
    given_names_unit,
    standard_full_name,
    standard_name,
    surname_units,
)
from reunify.standardise.phones import Phone, standard_phone
from reunify.standardise.phonetic import phonetic_key
from reunify.standardise.readings import Reading, is_blank
from reunify.standardise.relationships import Relationship, standard_relationship
from reunify.standardise.reported_parent import ReportedRelative, parse_reported_parent
from reunify.standardise.sex import standard_sex

__all__ = [
    "DateOrder",
    "ExtractDate",
    "Kinship",
    "Phone",
    "Reading",
    "Relationship",
    "ReportedRelative",
    "StandardName",
    "UnreadableDate",
    "given_names_unit",
    "infer_date_order",
    "is_blank",
    "parse_extract_date",
    "parse_reported_parent",
    "phonetic_key",
    "standard_a_number",
    "standard_country",
    "standard_flag",
    "standard_full_name",
    "standard_language",
    "standard_languages",
    "standard_name",
    "standard_phone",
    "standard_relationship",
    "standard_sex",
    "surname_units",
]
