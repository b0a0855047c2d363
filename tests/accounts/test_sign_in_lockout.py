"""Repeated failed sign-ins pause that user name from that address, and no one else; a
wrong user name and a wrong password get the same answer."""

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from tests.conftest import CAST_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

LIMIT = 5


def attempt(client: Client, username: str, password: str, address: str = "10.0.0.1") -> int:
    answer = client.post(
        reverse("accounts:sign-in"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )
    status: int = answer.status_code
    return status


def test_five_failures_pause_that_user_from_that_address_and_no_one_else(
    olivia: User, sam: User
) -> None:
    for _ in range(LIMIT - 1):
        assert attempt(Client(), "olivia", "wrong guess") == 200
    assert attempt(Client(), "olivia", "wrong guess") == 429  # the fifth failure pauses

    assert attempt(Client(), "olivia", CAST_PASSWORD) == 429
    assert attempt(Client(), "sam", CAST_PASSWORD) == 302
    assert attempt(Client(), "olivia", CAST_PASSWORD, address="10.0.0.2") == 302


def test_the_pause_page_says_what_to_do(olivia: User) -> None:
    for _ in range(LIMIT):
        attempt(Client(), "olivia", "wrong guess")

    page = Client().post(
        reverse("accounts:sign-in"),
        {"username": "olivia", "password": CAST_PASSWORD},
        REMOTE_ADDR="10.0.0.1",
    )

    assert page.status_code == 429
    assert "Too many failed sign-ins" in page.content.decode()


def test_a_success_clears_the_count(olivia: User) -> None:
    for _ in range(LIMIT - 1):
        attempt(Client(), "olivia", "wrong guess")
    assert attempt(Client(), "olivia", CAST_PASSWORD) == 302

    for _ in range(LIMIT - 1):
        attempt(Client(), "olivia", "wrong guess")
    assert attempt(Client(), "olivia", CAST_PASSWORD) == 302


def test_a_wrong_user_and_a_wrong_password_read_the_same(olivia: User) -> None:
    def answer(username: str) -> str:
        page = Client().post(
            reverse("accounts:sign-in"), {"username": username, "password": "not it"}
        )
        text = page.content.decode()
        return text[text.index("<main") :].replace(username, "NAME")

    wrong_password, no_such_user = answer("olivia"), answer("nobody-here")

    assert "do not match an account" in wrong_password
    assert (
        wrong_password.split("csrfmiddlewaretoken")[0]
        == no_such_user.split("csrfmiddlewaretoken")[0]
    )
