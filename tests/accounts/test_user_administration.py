"""Administrators create users, change their roles, deactivate them and reset their
passwords, from the administration pages; each change is in the history, no password is.

Abel is the administrator; Olivia the field officer is the user he manages.
"""

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.accounts.roles import Role
from reunify.audit.models import HistoryEntry
from tests.api.conftest import token_for
from tests.conftest import CAST_PASSWORD

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def admin_client(abel: User) -> Client:
    client = Client()
    client.force_login(abel)
    return client


def signed_in(user: User, password: str = CAST_PASSWORD) -> Client:
    client = Client()
    answer = client.post(
        reverse("accounts:sign-in"), {"username": user.username, "password": password}
    )
    assert answer.status_code == 302, answer.content.decode()[:500]
    return client


def shown_password(answer_html: str) -> str:
    found = re.search(r'<code id="one-time-password">([^<]+)</code>', answer_html)
    assert found, "the page shows the one-time password"
    return found.group(1)


def test_an_administrator_creates_a_user_who_must_choose_a_password(
    admin_client: Client,
) -> None:
    answer = admin_client.post(
        reverse("accounts:user-new"),
        {"username": "nadia", "first_name": "Nadia", "last_name": "Reyes",
         "role": Role.COUNSEL, "organisation": "Immigrant Legal Resource Center"},
    )  # fmt: skip
    assert answer.status_code == 200
    password = shown_password(answer.content.decode())
    nadia = User.objects.get(username="nadia")
    assert (nadia.role, nadia.must_change_password) == (Role.COUNSEL, True)
    entry = HistoryEntry.objects.get(action="user.created", subject_id=nadia.pk)
    assert password not in str(entry.changes)

    client = signed_in(nadia, password)
    answer = client.get(reverse("families:search"))
    assert answer.status_code == 302
    assert answer["Location"] == reverse("accounts:password-change")
    assert client.get("/api/v1/persons").status_code == 401

    new_password = "a river of patience 2026"
    answer = client.post(
        reverse("accounts:password-change"),
        {"old_password": password, "new_password1": new_password, "new_password2": new_password},
    )
    assert answer.status_code == 302
    assert client.get(reverse("families:search")).status_code == 200
    nadia.refresh_from_db()
    assert not nadia.must_change_password
    assert HistoryEntry.objects.filter(action="user.password_changed", subject_id=nadia.pk).exists()


def test_a_new_user_needs_a_free_user_name_shown_beside_the_field(
    admin_client: Client, olivia: User
) -> None:
    answer = admin_client.post(
        reverse("accounts:user-new"),
        {"username": "OLIVIA", "first_name": "O", "last_name": "F", "role": Role.TRACING},
    )
    assert answer.status_code == 400
    page = answer.content.decode()
    assert 'id="id_username_error"' in page
    assert "already exists" in page
    assert User.objects.count() == 2


def test_a_role_change_is_recorded_and_ends_the_users_sessions(
    admin_client: Client, olivia: User
) -> None:
    olivias = signed_in(olivia)
    answer = admin_client.post(
        reverse("accounts:user-role", args=[olivia.pk]), {"role": Role.TRACING}
    )
    assert answer.status_code == 302
    olivia.refresh_from_db()
    assert olivia.role == Role.TRACING
    entry = HistoryEntry.objects.get(action="user.role_changed", subject_id=olivia.pk)
    assert entry.changes == {"role": {"before": Role.FIELD_OFFICER, "after": Role.TRACING}}
    assert olivias.get(reverse("families:search")).status_code == 302


def test_deactivation_ends_sessions_and_api_tokens_at_once(
    admin_client: Client, olivia: User
) -> None:
    olivias = signed_in(olivia)
    token = token_for(olivia)
    assert olivias.get(reverse("families:search")).status_code == 200

    answer = admin_client.post(reverse("accounts:user-deactivation", args=[olivia.pk]))

    assert answer.status_code == 302
    olivia.refresh_from_db()
    assert not olivia.is_active
    answer = olivias.get(reverse("families:search"))
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("accounts:sign-in"))
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/v1/persons").status_code == 401
    entry = HistoryEntry.objects.get(action="user.deactivated", subject_id=olivia.pk)
    assert entry.changes["sessions_ended"] == 1
    assert entry.changes["tokens_revoked"] == 1
    # Signing in again is refused, with the same answer as a wrong password.
    again = Client().post(
        reverse("accounts:sign-in"), {"username": olivia.username, "password": CAST_PASSWORD}
    )
    assert again.status_code == 200


def test_a_password_reset_gives_a_one_time_password_and_ends_sessions(
    admin_client: Client, olivia: User
) -> None:
    olivias = signed_in(olivia)
    answer = admin_client.post(reverse("accounts:user-password-reset", args=[olivia.pk]))
    assert answer.status_code == 200
    password = shown_password(answer.content.decode())
    assert olivias.get(reverse("families:search")).status_code == 302
    olivia.refresh_from_db()
    assert olivia.must_change_password
    client = signed_in(olivia, password)
    assert client.get(reverse("families:search"))["Location"] == reverse("accounts:password-change")
    entry = HistoryEntry.objects.get(action="user.password_reset", subject_id=olivia.pk)
    assert password not in str(entry.changes)


def test_an_administrator_cannot_lock_themselves_out(admin_client: Client, abel: User) -> None:
    answer = admin_client.post(reverse("accounts:user-deactivation", args=[abel.pk]))
    assert answer.status_code == 302
    abel.refresh_from_db()
    assert abel.is_active
    answer = admin_client.post(reverse("accounts:user-role", args=[abel.pk]), {"role": "COUNSEL"})
    assert answer.status_code == 400
    abel.refresh_from_db()
    assert abel.role == Role.ADMINISTRATOR


def test_the_user_list_is_paged(
    admin_client: Client, cast: Callable[[str], User], settings: object
) -> None:
    for name in ("olivia", "sam", "carmen", "luis", "tomas", "ada"):
        cast(name)
    setattr(settings, "PAGE_SIZE", 3)  # noqa: B010 - pytest-django's settings fixture
    first = admin_client.get(reverse("accounts:users")).content.decode()
    last = admin_client.get(reverse("accounts:users") + "?page=3").content.decode()
    assert "7 users" in first
    assert "Page 1 of 3" in first
    assert "Page 3 of 3" in last


def test_an_unknown_user_is_a_404(admin_client: Client) -> None:
    answer = admin_client.get(
        reverse("accounts:user", args=["00000000-0000-0000-0000-000000000000"])
    )
    assert answer.status_code == 404


def test_a_deactivated_user_comes_back_only_with_a_one_time_password(
    admin_client: Client, abel: User, olivia: User
) -> None:
    admin_client.post(reverse("accounts:user-deactivation", args=[olivia.pk]))
    answer = admin_client.post(reverse("accounts:user-reactivation", args=[olivia.pk]))
    assert answer.status_code == 200
    password = shown_password(answer.content.decode())
    olivia.refresh_from_db()
    assert olivia.is_active
    assert olivia.must_change_password
    assert not olivia.check_password(CAST_PASSWORD)
    client = signed_in(olivia, password)
    assert client.get(reverse("families:search"))["Location"] == reverse("accounts:password-change")
    assert HistoryEntry.objects.filter(action="user.reactivated", subject_id=olivia.pk).exists()
