"""Sessions end after 30 idle minutes and 8 hours in all, and when the password changes."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.accounts.session_limits import LAST_SEEN, STARTED, ended_because
from tests.conftest import CAST_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

HOUR = 3600


def sign_in(client: Client, user: User) -> None:
    answer = client.post(
        reverse("accounts:sign-in"), {"username": user.username, "password": CAST_PASSWORD}
    )
    assert answer.status_code == 302


def shift_session(client: Client, **seconds_ago: int) -> None:
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[{"started": STARTED, "last_seen": LAST_SEEN}[key]] = now - ago
    session.save()


def test_the_limits_as_rules() -> None:
    now = 100 * HOUR
    assert ended_because(now - HOUR, now - 60, now) is None
    assert "30 minutes without activity" in (ended_because(now - HOUR, now - 31 * 60, now) or "")
    assert "at most 8 hours" in (ended_because(now - 8 * HOUR, now - 60, now) or "")


def test_a_session_left_idle_for_half_an_hour_ends(client: Client, olivia: User) -> None:
    sign_in(client, olivia)
    assert client.get(reverse("families:search")).status_code == 200

    shift_session(client, last_seen=31 * 60)
    answer = client.get(reverse("families:search"), follow=True)

    assert answer.redirect_chain[0][0].startswith(reverse("accounts:sign-in"))
    assert "without activity" in answer.content.decode()
    assert client.get("/api/v1/persons").status_code == 401


def test_a_busy_session_still_ends_after_eight_hours(client: Client, olivia: User) -> None:
    sign_in(client, olivia)

    shift_session(client, started=8 * HOUR + 1, last_seen=10)
    answer = client.get(reverse("families:search"))

    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("accounts:sign-in"))


def test_activity_keeps_a_session_alive(client: Client, olivia: User) -> None:
    sign_in(client, olivia)

    shift_session(client, last_seen=29 * 60)
    assert client.get(reverse("families:search")).status_code == 200
    assert time.time() - client.session[LAST_SEEN] < 5


def test_changing_the_password_ends_the_other_sessions(olivia: User) -> None:
    here, elsewhere = Client(), Client()
    sign_in(here, olivia)
    sign_in(elsewhere, olivia)

    olivia.set_password("a new passphrase nobody guesses")
    olivia.save()

    assert elsewhere.get(reverse("families:search")).status_code == 302
