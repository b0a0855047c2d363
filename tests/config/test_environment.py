"""Settings read from the environment fail loudly on a value that cannot be right."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from reunify.config.environment import env_bool, env_int, env_list, env_path, env_str

NAME = "REUNIFY_TEST_SETTING"


@pytest.fixture(autouse=True)
def _unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NAME, raising=False)


@pytest.mark.parametrize("raw", ["1", "true", "TRUE", "Yes", "on", " true "])
def test_env_bool_reads_true(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    # Given
    monkeypatch.setenv(NAME, raw)

    # When / Then
    assert env_bool(NAME, False) is True


@pytest.mark.parametrize("raw", ["0", "false", "False", "no", "OFF", ""])
def test_env_bool_reads_false(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    # Given
    monkeypatch.setenv(NAME, raw)

    # When / Then
    assert env_bool(NAME, True) is False


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_is_the_default(default: bool) -> None:
    # Given / When / Then
    assert env_bool(NAME, default) is default


@pytest.mark.parametrize("raw", ["maybe", "2", "tru", "y", "enabled"])
def test_env_bool_refuses_anything_else(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    # Given
    monkeypatch.setenv(NAME, raw)

    # When / Then: the message names the setting and the value
    with pytest.raises(ImproperlyConfigured, match=rf"{NAME} must be a boolean.*'{raw}'"):
        env_bool(NAME, False)


@pytest.mark.parametrize(("raw", "value"), [("60", 60), (" 25 ", 25), ("0", 0), ("", 7)])
def test_env_int_reads_an_integer_or_falls_back_when_blank(
    monkeypatch: pytest.MonkeyPatch, raw: str, value: int
) -> None:
    # Given
    monkeypatch.setenv(NAME, raw)

    # When / Then
    assert env_int(NAME, 7) == value


def test_env_int_unset_is_the_default() -> None:
    # Given / When / Then
    assert env_int(NAME, 25, minimum=1) == 25


@pytest.mark.parametrize("raw", ["ten", "1.5", "8h", "0x10"])
def test_env_int_refuses_what_is_not_an_integer(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    # Given
    monkeypatch.setenv(NAME, raw)

    # When / Then
    with pytest.raises(ImproperlyConfigured, match=f"{NAME} must be an integer"):
        env_int(NAME, 7)


@pytest.mark.parametrize(("raw", "minimum"), [("59", 60), ("-1", 0), ("0", 1)])
def test_env_int_refuses_a_value_below_the_minimum(
    monkeypatch: pytest.MonkeyPatch, raw: str, minimum: int
) -> None:
    # Given
    monkeypatch.setenv(NAME, raw)

    # When / Then
    with pytest.raises(ImproperlyConfigured, match=f"{NAME} must be at least {minimum}"):
        env_int(NAME, 600, minimum=minimum)


def test_env_int_accepts_the_minimum_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given
    monkeypatch.setenv(NAME, "60")

    # When / Then
    assert env_int(NAME, 600, minimum=60) == 60


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        ("a.example, b.example", ["a.example", "b.example"]),
        ("one", ["one"]),
        (" , ,", []),
        ("", []),
    ],
)
def test_env_list_splits_on_commas_and_drops_blanks(
    monkeypatch: pytest.MonkeyPatch, raw: str, items: list[str]
) -> None:
    # Given
    monkeypatch.setenv(NAME, raw)

    # When / Then
    assert env_list(NAME, ["default"]) == items


def test_env_list_unset_is_the_default() -> None:
    # Given / When / Then
    assert env_list(NAME, ["localhost"]) == ["localhost"]


def test_env_path_is_absolute_with_home_expanded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Given
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(NAME, "~/reunify-data")

    # When / Then
    assert env_path(NAME, Path("/default")) == tmp_path.resolve() / "reunify-data"


@pytest.mark.parametrize("raw", [None, ""])
def test_env_path_unset_or_blank_is_the_default(
    monkeypatch: pytest.MonkeyPatch, raw: str | None
) -> None:
    # Given
    if raw is not None:
        monkeypatch.setenv(NAME, raw)

    # When / Then
    assert env_path(NAME, Path("/default")) == Path("/default")


def test_env_str_reads_the_value_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given
    monkeypatch.setenv(NAME, " Production ")

    # When / Then
    assert env_str(NAME, "development") == " Production "
    monkeypatch.delenv(NAME)
    assert env_str(NAME, "development") == "development"
