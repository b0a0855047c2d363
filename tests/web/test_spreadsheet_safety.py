"""Exported values a spreadsheet would run as formulas arrive as text."""

import pytest

from reunify.web.spreadsheet_safety import inert

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("value", "exported"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+1-2", "'+1-2"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tE1", "'\tE1"),
        ("E3-04117816", "E3-04117816"),
        (None, ""),
    ],
)
def test_formula_starts_are_made_text(value: object, exported: str) -> None:
    assert inert(value) == exported
