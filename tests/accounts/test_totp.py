"""TOTP codes as RFC 6238 defines them, accepted once, within a step of clock drift."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.accounts.totp import code_for, matching_step, new_secret, step_at

pytestmark = pytest.mark.sqlite

# RFC 6238 appendix B: the SHA-1 key "12345678901234567890", 8-digit codes; our 6 digits
# are the last six of theirs.
RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
RFC_VECTORS = {
    59: "94287082",
    1111111109: "07081804",
    1234567890: "89005924",
    2000000000: "69279037",
}


def test_codes_match_the_rfc_6238_test_vectors() -> None:
    for unix_time, eight_digits in RFC_VECTORS.items():
        assert code_for(RFC_SECRET, step_at(unix_time)) == eight_digits[-6:]


def test_a_code_works_once() -> None:
    secret, now = new_secret(), 1_800_000_000.0
    code = code_for(secret, step_at(now))

    used = matching_step(secret, code, unix_time=now, last_used_step=None)

    assert used == step_at(now)
    assert matching_step(secret, code, unix_time=now, last_used_step=used) is None


def test_a_step_of_drift_either_way_is_forgiven_but_not_two() -> None:
    secret, now = new_secret(), 1_800_000_000.0
    step = step_at(now)

    assert matching_step(secret, code_for(secret, step - 1), unix_time=now, last_used_step=None)
    assert matching_step(secret, code_for(secret, step + 1), unix_time=now, last_used_step=None)
    assert (
        matching_step(secret, code_for(secret, step - 2), unix_time=now, last_used_step=None)
        is None
    )


@given(st.text(max_size=12))
def test_anything_but_the_right_six_digits_is_refused(typed: str) -> None:
    secret, now = RFC_SECRET, 1_800_000_000.0
    right = {code_for(secret, step_at(now) + drift) for drift in (-1, 0, 1)}
    if "".join(typed.split()) not in right:
        assert matching_step(secret, typed, unix_time=now, last_used_step=None) is None
