"""Supervisors, auditors and administrators sign in with a password and then a code from
their authenticator app; a code works once; field officers need only the password."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import SecondFactor, User
from reunify.accounts.totp import code_for, step_at
from reunify.audit.models import HistoryEntry
from tests.conftest import CAST_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite, pytest.mark.second_factor]


def sign_in(client: Client, user: User) -> None:
    answer = client.post(
        reverse("accounts:sign-in"), {"username": user.username, "password": CAST_PASSWORD}
    )
    assert answer.status_code == 302


def current_code(user: User, steps_ahead: int = 0) -> str:
    secret = SecondFactor.objects.get(user=user).secret
    return code_for(secret, step_at(time.time()) + steps_ahead)


def test_a_supervisor_enrols_an_app_then_reaches_the_records(client: Client, sam: User) -> None:
    sign_in(client, sam)

    held = client.get(reverse("families:search"))
    page = client.get(held["Location"])
    api = client.get("/api/v1/persons")
    entered = client.post(
        reverse("accounts:two-factor"), {"code": current_code(sam), "next": "/families/search/"}
    )

    assert held.status_code == 302
    assert held["Location"].startswith(reverse("accounts:two-factor"))
    assert "Set up your authenticator app" in page.content.decode()
    assert re.search(r"<svg", page.content.decode())
    assert api.status_code == 401
    assert entered.status_code == 302
    assert entered["Location"] == "/families/search/"
    assert client.get(reverse("families:search")).status_code == 200
    assert HistoryEntry.objects.filter(action="accounts.second_factor_enrolled").count() == 1


def test_a_code_works_once_and_every_sign_in_asks_again(sam: User) -> None:
    first = Client()
    sign_in(first, sam)
    first.get(reverse("accounts:two-factor"))  # enrolment begins on the page
    code = current_code(sam)
    assert first.post(reverse("accounts:two-factor"), {"code": code}).status_code == 302

    second = Client()
    sign_in(second, sam)
    replayed = second.post(reverse("accounts:two-factor"), {"code": code})
    assert replayed.status_code == 400
    assert "used already" in replayed.content.decode()
    assert "Second step of sign-in" in replayed.content.decode()
    assert (
        second.post(reverse("accounts:two-factor"), {"code": current_code(sam, 1)}).status_code
        == 302
    )
    assert second.get(reverse("families:search")).status_code == 200


def test_five_wrong_codes_end_the_session(client: Client, ada: User) -> None:
    sign_in(client, ada)
    client.get(reverse("accounts:two-factor"))

    for _ in range(5):
        client.post(reverse("accounts:two-factor"), {"code": "000000"})

    assert client.get(reverse("families:search"))["Location"].startswith(
        reverse("accounts:sign-in")
    )


def test_a_field_officer_needs_no_second_factor(client: Client, olivia: User) -> None:
    sign_in(client, olivia)

    assert client.get(reverse("families:search")).status_code == 200


def test_an_open_redirect_after_the_code_is_refused(client: Client, abel: User) -> None:
    sign_in(client, abel)
    client.get(reverse("accounts:two-factor"))

    answer = client.post(
        reverse("accounts:two-factor"),
        {"code": current_code(abel), "next": "https://evil.example/"},
    )

    assert answer["Location"] == "/"


def test_the_demo_supervisor_signs_in_with_the_published_key(client: Client) -> None:
    from reunify.demo.users import DEMO_AUTHENTICATOR_KEY, DEMO_PASSWORD, ensure_demo_users

    ensure_demo_users()
    client.post(reverse("accounts:sign-in"), {"username": "supervisor", "password": DEMO_PASSWORD})
    code = code_for(DEMO_AUTHENTICATOR_KEY, step_at(time.time()))

    assert client.post(reverse("accounts:two-factor"), {"code": code}).status_code == 302
    assert client.get(reverse("families:search")).status_code == 200
