"""Each family-link evidence code in words a reviewer reads (codes: `family_links.WEIGHTS`)."""

EVIDENCE_WORDS: dict[str, str] = {
    "co_apprehended_same_event": "apprehended together in one border event",
    "same_family_group": "the border agent put them in one family group",
    "different_family_group": "the border agent put them in different family groups",
    "child_word": "the child was recorded as a son or daughter",
    "adult_relative_word": "the adult was recorded as another relative (aunt, grandfather…)",
    "child_relative_word": "the child was recorded as a relative's child (niece, grandson…)",
    "roles_reversed": "the words on the records have the roles the other way round",
    "word_sex_conflict": "the relationship word does not match the adult's sex",
    "age_gap_14_to_60": "the adult is 14 to 60 years older",
    "age_gap_implausible": "the age gap is impossible for a parent",
    "shared_surname": "they share a surname",
    "no_shared_surname": "they share no surname",
    "reported_parent_name_matches": "the shelter child named this adult as their parent",
    "reported_parent_given_name_matches": "the shelter child gave this adult's given name",
    "reported_parent_name_differs": "the shelter child named someone else",
    "reported_kinship_sex_conflict": "the child said mother or father; the sex disagrees",
    "reported_as_relative": "the child named this adult as another relative",
    "parent_a_number_matches": "the shelter record gives this adult's A-number as the parent's",
    "parent_a_number_differs": "the shelter record gives another A-number for the parent",
    "parent_phone_matches": "a sibling named this adult and gave the same phone",
    "reviewer_accepted": "a reviewer accepted this link",
}


def evidence_in_words(code: str) -> str:
    if code.startswith("relationship_word:"):
        words = code.split(":", 1)[1].replace("/", " and ").lower()
        return f"the records call them {words}"
    return EVIDENCE_WORDS.get(code, code.replace("_", " "))
