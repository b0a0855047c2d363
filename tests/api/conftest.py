from collections.abc import Iterator

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from reunify.accounts.models import User
from reunify.accounts.tokens import api_token_issue


@pytest.fixture
def olivia_token(olivia: User, db: None) -> str:
    from django.db import transaction

    with transaction.atomic():
        return api_token_issue(actor=olivia, user=olivia, name="tests")


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """Calls into the WSGI app inside a test transaction must not close its connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
