"""The removals report arranged for reading: each figure with its title, definition,
chart and people, the same on the page and in the PDF."""

from dataclasses import dataclass
from typing import Any, Protocol

from django.utils.safestring import SafeString, mark_safe

from reunify.oversight.charts import bar_chart
from reunify.oversight.definitions import DEFICIENCY_WORDS, DEFINITIONS, TITLES
from reunify.oversight.report import COUNTS
from reunify.vocabulary import Deficiency


class ReportFigures(Protocol):
    """What a figure needs: a report built afresh (`report.RemovalsReport`, the PDF) or a
    kept one seen through the page's filters (`stored_figures.StoredReport`)."""

    @property
    def counts(self) -> dict[str, int]: ...

    @property
    def deficiency_counts(self) -> dict[str, int]: ...

    def over_time(self) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    definition: str
    value: int
    chart: SafeString


@dataclass(frozen=True)
class DeficiencyFigure:
    code: str
    words: str
    value: int


def figures(report: ReportFigures) -> list[Figure]:
    series = report.over_time()
    return [
        Figure(
            key=count,
            title=TITLES[count],
            definition=DEFINITIONS[count],
            value=report.counts[count],
            # bar_chart escapes every text it draws; the numbers are ours.
            chart=mark_safe(  # noqa: S308
                bar_chart(TITLES[count], [(point["month"], point[count]) for point in series])
            ),
        )
        for count in COUNTS
    ]


def deficiency_figures(report: ReportFigures) -> list[DeficiencyFigure]:
    return [
        DeficiencyFigure(code.value, DEFICIENCY_WORDS[code], report.deficiency_counts[code.value])
        for code in Deficiency
    ]
