"""Small SVG charts drawn on the server: a count by month, as bars, with no script.

The page and the PDF embed the same markup, so what a reader sees on screen is what is
printed. Text in the SVG is escaped; numbers are the only data drawn.
"""

from collections.abc import Sequence
from html import escape

WIDTH = 360
HEIGHT = 140
LEFT = 34
BOTTOM = 22
TOP = 10
BAR_COLOUR = "#005ea2"
AXIS_COLOUR = "#565c65"


def _nice_top(value: int) -> int:
    """A round maximum for the axis at or above `value`."""
    if value <= 5:
        return max(value, 1)
    step = int(10 ** (len(str(value)) - 1))
    for multiple in (1, 2, 5, 10):
        if value <= multiple * step:
            return multiple * step
    return value


def bar_chart(title: str, points: Sequence[tuple[str, int]]) -> str:
    """`points` are (month "YYYY-MM", count) in time order; an empty series says so."""
    label = escape(title)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{label}">'
        f"<title>{label}</title>"
    )
    if not points:
        return (
            f'{head}<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" '
            f'font-size="11" fill="{AXIS_COLOUR}">No removals in this report</text></svg>'
        )
    top = _nice_top(max(count for _, count in points))
    plot_width = WIDTH - LEFT - 6
    plot_height = HEIGHT - BOTTOM - TOP
    slot = plot_width / len(points)
    bar = max(slot * 0.8, 0.5)
    parts = [head]
    baseline = TOP + plot_height
    parts.append(
        f'<line x1="{LEFT}" y1="{baseline}" x2="{WIDTH - 6}" y2="{baseline}" '
        f'stroke="{AXIS_COLOUR}" stroke-width="1"/>'
    )
    for value, y in ((top, TOP), (0, baseline)):
        parts.append(
            f'<text x="{LEFT - 4}" y="{y + 4}" text-anchor="end" font-size="10" '
            f'fill="{AXIS_COLOUR}">{value:,}</text>'
        )
    for index, (month, count) in enumerate(points):
        height = plot_height * count / top
        x = LEFT + index * slot + (slot - bar) / 2
        parts.append(
            f'<rect x="{x:.2f}" y="{baseline - height:.2f}" width="{bar:.2f}" '
            f'height="{height:.2f}" fill="{BAR_COLOUR}"><title>{escape(month)}: {count:,}'
            "</title></rect>"
        )
    for index in sorted({0, len(points) - 1}):
        anchor = "start" if index == 0 else "end"
        x = LEFT if index == 0 else WIDTH - 6
        parts.append(
            f'<text x="{x}" y="{HEIGHT - 6}" text-anchor="{anchor}" font-size="10" '
            f'fill="{AXIS_COLOUR}">{escape(points[index][0])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
