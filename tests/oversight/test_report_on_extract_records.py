"""One removed parent per class on historical records, and who is not counted at all."""

import pytest

from reunify.oversight.read_model import removals_report
from reunify.oversight.report import RemovalsReport
from reunify.vocabulary import Deficiency, ElectionForm, ElectionOption
from tests.oversight.records import extract_election, removed_parent, reunite

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def persons(report: RemovalsReport, count: str) -> list[str]:
    return report.to_json()[f"persons_{count}"]


def test_a_removed_parent_with_no_election_is_counted_without_one() -> None:
    ana = removed_parent("Ana")
    report = removals_report()
    assert persons(report, "without_any_election") == [str(ana.parent.pk)]
    assert report.counts["removed_parents_with_separated_children"] == 1


def test_a_valid_extract_election_is_valid_with_its_acknowledgment_unknown() -> None:
    ana = removed_parent("Ana")
    extract_election(ana)
    report = removals_report()
    assert persons(report, "with_valid_election") == [str(ana.parent.pk)]
    assert persons(report, "acknowledgment_unknown") == [str(ana.parent.pk)]
    assert report.counts["with_deficient_election"] == 0


def test_a_spoken_election_is_deficient_with_its_codes() -> None:
    ana = removed_parent("Ana")
    extract_election(ana, form=ElectionForm.VERBAL, counsel_advised=False)
    report = removals_report().to_json()
    assert report["persons_with_deficient_election"] == [str(ana.parent.pk)]
    assert report["deficiencies"][Deficiency.VERBAL_ONLY] == 1
    assert report["deficiencies"][Deficiency.NO_COUNSEL_ADVISAL] == 1
    assert report["deficiencies"][Deficiency.NOT_ACKNOWLEDGED] == 0
    assert report["acknowledgment_unknown"] == 0


def test_a_notice_in_a_language_the_parent_does_not_speak_is_deficient() -> None:
    ana = removed_parent("Ana", languages=("quc",))
    extract_election(ana, notice_language="spa")
    report = removals_report().to_json()
    assert report["persons_by_deficiency"][Deficiency.LANGUAGE_NOT_UNDERSTOOD] == [
        str(ana.parent.pk)
    ]


def test_an_election_made_after_the_removal_is_deficient() -> None:
    ana = removed_parent("Ana", removed="2018-08-01")
    extract_election(ana, made="2018-08-05")
    report = removals_report().to_json()
    assert report["persons_by_deficiency"][Deficiency.AFTER_REMOVAL] == [str(ana.parent.pk)]


@pytest.mark.parametrize("option", [ElectionOption.DEPART_WITH_CHILDREN, ElectionOption.MORE_TIME])
def test_removed_alone_after_electing_otherwise_is_contrary(option: ElectionOption) -> None:
    ana = removed_parent("Ana")
    extract_election(ana, option=option)
    assert persons(removals_report(), "removed_contrary_to_election") == [str(ana.parent.pk)]


def test_the_latest_election_governs() -> None:
    ana = removed_parent("Ana")
    extract_election(ana, made="2018-07-01", option=ElectionOption.DEPART_WITH_CHILDREN)
    extract_election(ana, made="2018-07-20", option=ElectionOption.CHILDREN_REMAIN)
    assert persons(removals_report(), "with_valid_election") == [str(ana.parent.pk)]


def test_a_parent_removed_with_the_child_is_not_counted() -> None:
    removed_parent("Ana", child_removed_too=True)
    assert removals_report().counts["removed_parents_with_separated_children"] == 0


def test_a_parent_reunited_before_the_removal_is_not_counted() -> None:
    ana = removed_parent("Ana", removed="2018-08-01")
    reunite(ana, on="2018-07-01")
    assert removals_report().counts["removed_parents_with_separated_children"] == 0
