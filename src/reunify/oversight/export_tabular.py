"""The removals report for analysts: CSV and XLSX, one row per counted parent.

The XLSX adds a sheet of the counts and a sheet of the deficiency codes, so a workbook
read on its own says what the rows add up to.
"""

import csv
from collections.abc import Mapping
from io import BytesIO
from typing import IO

from reunify.oversight.case_rows import COLUMNS, case_rows
from reunify.oversight.report import COUNTS, RemovalsReport
from reunify.web.spreadsheet_safety import inert


def write_csv(report: RemovalsReport, names: Mapping[str, str], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    written = 0
    for row in case_rows(report, names):
        writer.writerow(row.inert_values())
        written += 1
    return written


def xlsx_bytes(report: RemovalsReport, names: Mapping[str, str]) -> bytes:
    """A workbook: the cases, the counts, and the count per deficiency code."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)

    cases = workbook.create_sheet("Cases")
    cases.append(list(COLUMNS))
    for row in case_rows(report, names):
        cases.append(list(row.inert_values()))

    counts = workbook.create_sheet("Counts")
    counts.append(["count", "value"])
    for name in COUNTS:
        counts.append([name, report.counts[name]])
    counts.append([])
    counts.append(["as_of", inert(report.filters.as_of or "now")])
    counts.append(["filters", inert(report.filters.describe())])
    counts.append(["generated_at", report.generated_at.isoformat()])

    deficiencies = workbook.create_sheet("Deficiencies")
    deficiencies.append(["code", "removed parents"])
    for code, number in report.deficiency_counts.items():
        deficiencies.append([code, number])

    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
