"""Cells that a spreadsheet would run as formulas, made inert (OWASP "CSV injection").

Exports carry values that came from agency extracts; a record id written as
`=HYPERLINK(...)` must reach an analyst's spreadsheet as text. A leading quote is what
spreadsheets read as "this is text"; it is added only to values that need it.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
