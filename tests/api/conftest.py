from collections.abc import Iterator

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction

from reunify.accounts.models import User
from reunify.accounts.tokens import api_token_issue


def token_for(user: User) -> str:
    with transaction.atomic():
        return api_token_issue(actor=user, user=user, name="tests")


@pytest.fixture
def olivia_token(olivia: User, db: None) -> str:
    return token_for(olivia)


@pytest.fixture
def sam_token(sam: User, db: None) -> str:
    return token_for(sam)


@pytest.fixture
def ada_token(ada: User, db: None) -> str:
    return token_for(ada)


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """Calls into the WSGI app inside a test transaction must not close its connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
