"""The removals report as a PDF: it renders, a page is not blank, and it reads the counts."""

import subprocess
from pathlib import Path

import pytest

from reunify.cli.main import main
from reunify.oversight.charts import bar_chart
from reunify.vocabulary import ElectionForm, ElectionOption
from tests.oversight.records import extract_election, removed_parent

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_the_pdf_renders_its_counts_definitions_and_cases(tmp_path: Path) -> None:
    ana = removed_parent("Ana", removed="2018-08-01")
    extract_election(ana, form=ElectionForm.VERBAL)
    berta = removed_parent("Berta", removed="2019-03-10", citizenship="HN", country="HN")
    extract_election(berta, option=ElectionOption.DEPART_WITH_CHILDREN)
    removed_parent("Carla", removed="2018-11-20")
    out = tmp_path / "removals.pdf"

    assert main(["report", "removals", "--format", "pdf", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")

    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Removals of separated parents" in text
    assert "Removed parents who left a separated child behind" in text
    for line in ("Without any election", "With a deficient election"):
        assert line in text
    assert "VERBAL_ONLY" in text
    assert "Berta López" in text
    assert "Method" in text
    summary = text.split("Definitions and trends")[0]
    assert " 3\n" in summary  # three removed parents
    assert summary.count(" 1\n") >= 3  # one each: none, deficient, contrary


def test_a_page_of_the_pdf_is_not_blank(tmp_path: Path) -> None:
    removed_parent("Ana")
    out = tmp_path / "removals.pdf"
    assert main(["report", "removals", "--format", "pdf", "--out", str(out)]) == 0

    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
        check=True,
    )
    image = next(tmp_path.glob("page*.png"))
    assert image.stat().st_size > 2000
    ink = _dark_share(image)
    assert 0.005 < ink < 0.5


def _dark_share(image: Path) -> float:
    """The share of pixels that are not near white, read through pdftoppm's own PGM."""
    pgm = image.with_suffix(".pgm")
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile",
         str(image.with_name("removals.pdf")), str(pgm.with_suffix(""))],
        check=True,
    )  # fmt: skip
    data = pgm.read_bytes()
    # P5 header: magic, width height, max value, then one byte per pixel.
    parts = data.split(b"\n", 3)
    pixels = parts[3]
    return sum(1 for value in pixels if value < 200) / len(pixels)


def test_a_chart_escapes_its_title_and_draws_a_bar_per_month() -> None:
    svg = bar_chart("<b>Removed</b>", [("2018-06", 2), ("2018-07", 0), ("2018-08", 5)])
    assert "<b>" not in svg
    assert svg.count("<rect") == 3
    assert "No removals" in bar_chart("Removed", [])
