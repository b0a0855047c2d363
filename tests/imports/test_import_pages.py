"""The import pages: administrators and auditors see each import and every quarantined
row with its reasons; other roles are refused."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.imports.models import ImportBatch
from tests.imports.support import CBP_HEADER, import_file, write_csv

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def imported(tmp_path: Path) -> ImportBatch:
    path = write_csv(
        tmp_path / "cbp-2018-06.csv",
        CBP_HEADER,
        [
            ("E1", "EV1", "2018-05-10", "MARIA", "LOPEZ", ""),
            ("E2", "EV1", "31/02/2018", "ANA", "LOPEZ", ""),
        ],
    )
    import_file("cbp", path)
    return ImportBatch.objects.get()


def test_an_auditor_reads_the_imports_and_each_quarantined_row(
    client: Client, ada: User, imported: ImportBatch
) -> None:
    client.force_login(ada)

    listing = client.get(reverse("imports:batches"))
    page = client.get(reverse("imports:batch", args=[imported.pk]))

    assert listing.status_code == 200
    assert "cbp-2018-06.csv" in listing.content.decode()
    text = page.content.decode()
    assert page.status_code == 200
    assert "2 read = 1 accepted (1 new) + 1 quarantined" in text
    assert "impossible date in apprehended_on: 31/02/2018" in text


def test_a_field_officer_may_not_read_imports(
    client: Client, olivia: User, imported: ImportBatch
) -> None:
    client.force_login(olivia)

    assert client.get(reverse("imports:batches")).status_code == 403
    assert client.get(reverse("imports:batch", args=[imported.pk])).status_code == 403


def test_no_import_yet_says_how_to_import(client: Client, abel: User) -> None:
    client.force_login(abel)

    text = client.get(reverse("imports:batches")).content.decode()

    assert "No extract has been imported yet" in text
