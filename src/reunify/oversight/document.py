"""The removals report as a publishable PDF (WeasyPrint): definitions, method, a chart of
each count over time, the deficiency codes, the overrides and a table of cases.

Rendered from one self-contained HTML document with no outside resource: the charts are
inline SVG, and a fetcher that reads only data: URLs stops any other request.
"""

from collections.abc import Mapping
from datetime import UTC

import weasyprint  # type: ignore[import-untyped]
from django.template.loader import render_to_string

from reunify.elections.notice_document import data_only_fetcher
from reunify.oversight.case_rows import case_rows
from reunify.oversight.data_quality import FINDING_TITLES, data_quality
from reunify.oversight.definitions import METHOD
from reunify.oversight.presentation import deficiency_figures, figures
from reunify.oversight.report import RemovalsReport

# A printed table of 200,000 cases helps no one; the CSV and XLSX carry every row.
CASES_IN_PRINT = 500


def document_html(report: RemovalsReport, names: Mapping[str, str]) -> str:
    rows = list(case_rows(report, names))
    return render_to_string(
        "oversight/removals_document.html",
        {
            "report": report,
            "figures": figures(report),
            "deficiencies": deficiency_figures(report),
            "method": METHOD,
            "filters": report.filters.describe(),
            "as_of": report.filters.as_of,
            "generated_at": report.generated_at.astimezone(UTC),
            "overrides": [
                (row, row.parent.override_justifications)
                for row in rows
                if row.parent.passed_by_override
            ],
            "findings": [
                (FINDING_TITLES[kind], len(found))
                for kind, found in data_quality(report).findings.items()
            ],
            "cases": rows[:CASES_IN_PRINT],
            "cases_left_out": max(len(rows) - CASES_IN_PRINT, 0),
        },
    )


def pdf_bytes(report: RemovalsReport, names: Mapping[str, str]) -> bytes:
    html = document_html(report, names)
    pdf: bytes = weasyprint.HTML(string=html, url_fetcher=data_only_fetcher()).write_pdf()
    return pdf
