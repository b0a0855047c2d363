"""The dashboard's trend chart: for each quarter of apprehension, the children still apart,
reunified and declined, as stacked bars (geometry only; the template draws the SVG, and the
table beside it carries the same numbers for screen readers)."""

from dataclasses import dataclass
from typing import Any

HEIGHT = 160
BAR = 28
GAP = 14
# The parts of each bar, bottom up: key in the figures, label, colour (USWDS palette).
PARTS = (
    ("reunified", "Reunified", "#00a91c"),
    ("declined", "Declined", "#936f38"),
    ("open", "Still apart", "#d83933"),
)


@dataclass(frozen=True)
class Segment:
    y: int
    height: int
    colour: str
    title: str


@dataclass(frozen=True)
class Bar:
    x: int
    label: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    legend: tuple[tuple[str, str], ...]


def trend_chart(period_rows: list[dict[str, Any]]) -> TrendChart:
    """`period_rows`: the figures' breakdown by period (`value`, `counts`)."""
    tallest = max(
        (sum(row["counts"][key] for key, _, _ in PARTS) for row in period_rows), default=0
    )
    scale = HEIGHT / tallest if tallest else 0
    bars = []
    for index, row in enumerate(period_rows):
        top = HEIGHT
        segments = []
        for key, label, colour in PARTS:
            count = row["counts"][key]
            height = round(count * scale)
            top -= height
            segments.append(Segment(top, height, colour, f"{row['value']}: {label} {count}"))
        bars.append(Bar(GAP + index * (BAR + GAP), row["value"] or "?", tuple(segments)))
    return TrendChart(
        width=GAP + len(bars) * (BAR + GAP),
        height=HEIGHT,
        bars=tuple(bars),
        legend=tuple((label, colour) for _, label, colour in PARTS),
    )
