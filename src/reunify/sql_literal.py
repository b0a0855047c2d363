"""SQL text for constants the code itself holds (codes, names of kinds, hours): never for
values that came from a user or a file, which go as query parameters."""


def literal(text: str) -> str:
    """A PostgreSQL string literal (standard-conforming: only quotes are doubled)."""
    return "'" + text.replace("'", "''") + "'"


def case_of(expression: str, values: dict[str, str], default: str = "NULL") -> str:
    """SQL: the value `values` gives for `expression` (each value already SQL text)."""
    whens = " ".join(f"WHEN {literal(key)} THEN {value}" for key, value in values.items())
    return f"CASE {expression} {whens} ELSE {default} END"
