"""The dashboard's trend chart: bars in proportion, stacked bottom up, every part titled."""

from reunify.tracing.trend_chart import HEIGHT, trend_chart


def row(value: str, reunified: int, declined: int, still_apart: int) -> dict[str, object]:
    return {"value": value, "counts": {"reunified": reunified, "declined": declined,
                                       "open": still_apart}}  # fmt: skip


def test_the_tallest_quarter_fills_the_chart_and_the_others_are_in_proportion() -> None:
    chart = trend_chart([row("2018-Q2", 6, 2, 12), row("2018-Q3", 1, 0, 4)])
    first, second = chart.bars
    assert sum(s.height for s in first.segments) == HEIGHT
    assert sum(s.height for s in second.segments) == HEIGHT // 4
    reunified, declined, still_apart = first.segments
    assert reunified.y + reunified.height == HEIGHT  # at the bottom
    assert declined.y + declined.height == reunified.y
    assert still_apart.title == "2018-Q2: Still apart 12"
    assert second.x > first.x


def test_no_quarter_no_bars() -> None:
    assert trend_chart([]).bars == ()
