"""The page's figures read from the kept build say what the report built afresh says.

Given a generated world loaded with its elections as extract rows and its report kept
(`report_store`), when the kept rows are filtered and counted by the database
(`stored_figures`), then every figure, every deficiency count, each month's counts, the
people behind each figure and the data-quality findings equal those of the report built
afresh with the same filters.
"""

from collections import Counter
from datetime import date

import pytest

from reunify.oversight.data_quality import data_quality
from reunify.oversight.filters import ReportFilters
from reunify.oversight.read_model import removals_report
from reunify.oversight.report import COUNTS
from reunify.oversight.report_store import removals_report_build
from reunify.oversight.stored_figures import StoredReport
from reunify.synth import build_world
from reunify.vocabulary import Deficiency
from tests.oversight.loaded_world import load_as_extracts

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_every_figure_of_the_kept_report_equals_the_report_built_afresh() -> None:
    load_as_extracts(build_world(600, 2019))
    stored = removals_report_build(actor=None)
    whole = removals_report()
    assert stored.parents == len(whole.parents) > 50

    facilities = Counter(parent.removal.facility for parent in whole.parents)
    nationalities = Counter(parent.nationality for parent in whole.parents)
    days = sorted(parent.removal.at.date() for parent in whole.parents)
    busiest = facilities.most_common(1)[0][0]
    asked = [
        ReportFilters(),
        ReportFilters(removed_from=days[len(days) // 3], removed_to=days[2 * len(days) // 3]),
        ReportFilters(facilities=(busiest.upper(), "Nowhere")),
        ReportFilters(nationality=nationalities.most_common(1)[0][0]),
        ReportFilters(removed_from=date(1990, 1, 1), removed_to=date(1990, 1, 2)),
    ]
    for filters in asked:
        afresh = removals_report(filters)
        kept = StoredReport(stored, filters)
        assert kept.counts == afresh.counts, filters
        assert kept.deficiency_counts == afresh.deficiency_counts, filters
        assert kept.over_time() == afresh.over_time(), filters
        for count in COUNTS:
            behind = {str(row.person_id) for row in kept.members_of(count)}
            assert behind == {parent.person_key for parent in afresh.members_of(count)}, count
        for code in Deficiency:
            behind = {str(row.person_id) for row in kept.with_deficiency(code)}
            assert behind == {parent.person_key for parent in afresh.with_deficiency(code)}
        findings = data_quality(afresh).findings
        counted = kept.finding_counts()
        assert {kind: counted.get(kind, 0) for kind in findings} == {
            kind: len(found) for kind, found in findings.items()
        }, filters
