"""Deficiencies in words an officer can act on, built from the same facts the rules read.

"notice was given in Spanish, parent speaks K'iche', no interpreter recorded" tells the
officer what to fix; "LANGUAGE_NOT_UNDERSTOOD" alone does not.
"""

from collections.abc import Callable, Hashable, Mapping

from reunify.elections.validity import ElectionFacts, children_not_named
from reunify.families.languages import language_name
from reunify.vocabulary import CounselChoice, Deficiency, ElectionForm, SignatureKind


def _languages(codes: frozenset[str]) -> str:
    return " and ".join(sorted(language_name(code) for code in codes)) or "no recorded language"


def _language(facts: ElectionFacts, _names: Mapping[Hashable, str]) -> str:
    given = (
        f"notice was given in {language_name(facts.notice_language)}"
        if facts.notice_language
        else "no notice language recorded"
    )
    interpreter = (
        f"the interpreter recorded spoke {_languages(facts.interpreter_languages)}"
        if facts.interpreter_languages
        else "no interpreter recorded"
    )
    return f"{given}, parent speaks {_languages(facts.parent_languages)}, {interpreter}"


def _unsigned(facts: ElectionFacts, _names: Mapping[Hashable, str]) -> str:
    if facts.form is ElectionForm.UNSIGNED:
        return "the form was not signed by the parent"
    if facts.signed_on is None:
        return "the signature is not dated"
    if facts.signature is SignatureKind.MARK_BEFORE_WITNESSES:
        return f"the parent's mark has {facts.witnesses} witness(es), two are needed"
    return "no signature or witnessed mark is recorded"


def _counsel(facts: ElectionFacts, _names: Mapping[Hashable, str]) -> str:
    if not facts.counsel_advised:
        return "no record that the parent was told they may consult a lawyer"
    if facts.counsel is CounselChoice.NOT_RECORDED:
        return "the parent neither consulted a lawyer nor declined in writing"
    return "the counsel advisal is incomplete"


def _not_covered(facts: ElectionFacts, names: Mapping[Hashable, str]) -> str:
    missing = sorted(names.get(child, "a child") for child in children_not_named(facts))
    return f"the election does not name {', '.join(missing)}"


_FIXED = {
    Deficiency.VERBAL_ONLY: "the election was only spoken, never written",
    Deficiency.AFTER_REMOVAL: "the election was recorded after the removal",
    Deficiency.SUPERSEDED: "the election was withdrawn or replaced by a later one",
    Deficiency.WAIVER_NOT_EXPLICIT: (
        "the parent's waiver of reunification is not stated as knowing and voluntary"
    ),
    Deficiency.NOT_ACKNOWLEDGED: "a supervisor has not acknowledged the election",
}
_FROM_FACTS: dict[Deficiency, Callable[[ElectionFacts, Mapping[Hashable, str]], str]] = {
    Deficiency.UNSIGNED: _unsigned,
    Deficiency.LANGUAGE_NOT_UNDERSTOOD: _language,
    Deficiency.NO_COUNSEL_ADVISAL: _counsel,
    Deficiency.CHILD_NOT_COVERED: _not_covered,
}


def deficiency_words(
    code: Deficiency, facts: ElectionFacts, names: Mapping[Hashable, str] | None = None
) -> str:
    """One deficiency as a clause; `names` maps child keys to how to call each child."""
    if code in _FIXED:
        return _FIXED[code]
    return _FROM_FACTS[code](facts, names or {})
