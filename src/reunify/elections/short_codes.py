"""Short codes printed on a notice (and in its QR code) to find its record again.

Eight characters from Crockford's base-32 alphabet (no I, L, O or U, so nothing is
misread when typed back from paper), shown as two groups of four: "N7K3-D9XM".
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TYPED_AS = {"O": "0", "I": "1", "L": "1"}
_STORED_FORM = re.compile(f"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")
# Every way of typing a code that `short_code_from` takes (any case, spaces and dashes
# anywhere, O, I and L for 0, 1 and 1), for the API's description of its path parameter.
TYPED_SHORT_CODE_PATTERN = r"^[\s-]*(?:[0-9A-TV-Za-tv-z][\s-]*){8}$"


def new_short_code() -> str:
    letters = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


def normalise_short_code(typed: str) -> str:
    """What someone typed from paper, in the stored form ("n7k3 d9xm" → "N7K3-D9XM")."""
    letters = "".join(_TYPED_AS.get(c, c) for c in typed.upper() if c.isalnum())
    return f"{letters[:4]}-{letters[4:]}" if len(letters) == 8 else typed.strip().upper()


def short_code_from(typed: str) -> str:
    """The stored form of a code typed or scanned from paper; ValueError, in words an
    officer can act on, when it cannot be one (wrong length, a letter not used)."""
    code = normalise_short_code(typed)
    if not _STORED_FORM.fullmatch(code):
        typed = typed.strip()
        shown = f"“{typed[:20]}{'…' if len(typed) > 20 else ''}”" if typed else "An empty code"
        raise ValueError(
            f"{shown} is not a notice code: a code has eight letters and digits, "
            "printed as two groups of four, like N7K3-D9XM."
        )
    return code
