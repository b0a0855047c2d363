"""Short codes printed on a notice (and in its QR code) to find its record again.

Eight characters from Crockford's base-32 alphabet (no I, L, O or U, so nothing is
misread when typed back from paper), shown as two groups of four: "N7K3-D9XM".
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TYPED_AS = {"O": "0", "I": "1", "L": "1"}


def new_short_code() -> str:
    letters = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


def normalise_short_code(typed: str) -> str:
    """What someone typed from paper, in the stored form ("n7k3 d9xm" → "N7K3-D9XM")."""
    letters = "".join(_TYPED_AS.get(c, c) for c in typed.upper() if c.isalnum())
    return f"{letters[:4]}-{letters[4:]}" if len(letters) == 8 else typed.strip().upper()
