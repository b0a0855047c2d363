"""Users: one known role each, and a name that says who they are and in what capacity."""

import pytest
from django.db import IntegrityError, transaction

from reunify.accounts.models import User
from reunify.accounts.roles import Role

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_user_with_an_unknown_role_is_refused_by_the_database() -> None:
    # Given / When / Then
    with pytest.raises(IntegrityError, match="user_role_is_known"), transaction.atomic():
        User.objects.create(username="mallory", role="OVERLORD")
    assert not User.objects.filter(username="mallory").exists()


def test_a_user_without_a_role_is_refused_by_the_database() -> None:
    # Given / When / Then
    with pytest.raises(IntegrityError, match="user_role_is_known"), transaction.atomic():
        User.objects.create(username="nobody", role="")


def test_the_display_name_gives_name_and_role(olivia: User) -> None:
    # Given / When / Then
    assert str(olivia) == "Olivia Field"
    assert olivia.display_name == "Olivia Field (Field officer)"


def test_a_user_without_a_full_name_is_shown_by_username() -> None:
    # Given
    user = User.objects.create(username="tracer7", role=Role.TRACING)

    # When / Then
    assert user.display_name == "tracer7 (Tracing team)"
