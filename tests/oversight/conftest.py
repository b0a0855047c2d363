"""Each test builds its own records: no report kept from another test's database."""

from collections.abc import Iterator

import pytest

from reunify.oversight.report_cache import forget_reports


@pytest.fixture(autouse=True)
def _fresh_reports() -> Iterator[None]:
    forget_reports()
    yield
    forget_reports()
