"""A notice found through the API by the code printed on it, and the QR code both printed
notices carry: the same address, which finds the notice by that code."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from reunify.accounts.models import User
from reunify.elections import api as elections_api
from reunify.elections import views as elections_views
from reunify.elections.models import Notice
from reunify.elections.notice_document import NoticeContent, render_notice_pdf
from reunify.families.models import Facility
from tests.api.conftest import token_for
from tests.elections.factories import delivered_notice, kiche_mother_with_children
from tests.families.factories import history

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def bearer(token: str) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def notice(olivia: User, station: Facility) -> Notice:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    return delivered_notice(actor=olivia, parent=mother)


def test_a_notice_is_found_by_its_code_typed_any_way(
    client: Client, olivia_token: str, notice: Notice
) -> None:
    typed = notice.short_code.lower().replace("-", "")

    found = client.get(f"/api/v1/notices/by-code/{typed}", **bearer(olivia_token))
    by_id = client.get(f"/api/v1/notices/{notice.pk}", **bearer(olivia_token))

    assert found.status_code == 200, found.json()
    assert found.json() == by_id.json()
    assert found.json()["short_code"] == notice.short_code
    assert [entry.subject_id for entry in history("view.notice")] == [notice.pk, notice.pk]


def test_reading_a_notice_by_id_or_as_a_pdf_is_kept_in_the_history(
    client: Client, olivia: User, olivia_token: str, notice: Notice
) -> None:
    by_id = client.get(f"/api/v1/notices/{notice.pk}", **bearer(olivia_token))
    pdf = client.get(f"/api/v1/notices/{notice.pk}/pdf", **bearer(olivia_token))

    assert (by_id.status_code, pdf.status_code) == (200, 200)
    seen = history("view.notice")
    assert [(entry.actor_id, entry.subject_id) for entry in seen] == [(olivia.pk, notice.pk)] * 2
    assert all(str(notice.parent_id) in entry.person_ids for entry in seen)


def test_a_notice_outside_the_callers_scope_answers_as_an_unknown_code(
    client: Client, cast: Callable[[str], User], notice: Notice
) -> None:
    luis = token_for(cast("luis"))  # counsel, with no client
    outside = client.get(f"/api/v1/notices/by-code/{notice.short_code}", **bearer(luis))
    unknown = client.get("/api/v1/notices/by-code/ZZZZ-ZZZZ", **bearer(luis))

    assert outside.status_code == 404
    assert outside.json()["code"] == "not_found"
    assert unknown.status_code == 404
    assert (
        outside.json()["detail"].replace(notice.short_code, "ZZZZ-ZZZZ")
        == (unknown.json()["detail"])
    )
    assert history("view.notice") == []


@pytest.mark.parametrize("typed", ["N7K3", "N7K3-D9XU", "N7K3-D9XM-22"])
def test_a_malformed_code_is_refused_with_what_a_code_looks_like(
    client: Client, olivia_token: str, typed: str
) -> None:
    answer = client.get(f"/api/v1/notices/by-code/{typed}", **bearer(olivia_token))

    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid_request"
    assert answer.json()["errors"]["code"] == [
        f"“{typed}” is not a notice code: a code has eight letters and digits, "
        "printed as two groups of four, like N7K3-D9XM."
    ]


def test_both_printed_notices_carry_the_same_qr_which_finds_the_notice(
    client: Client,
    olivia: User,
    olivia_token: str,
    notice: Notice,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the QR code holds is read as it goes to the renderer; the renderer itself is
    the real one, so both PDFs are still printed."""
    printed: list[NoticeContent] = []

    def printing(content: NoticeContent, *args: Any, **kwargs: Any) -> bytes:
        printed.append(content)
        return render_notice_pdf(content, *args, **kwargs)

    monkeypatch.setattr(elections_api, "render_notice_pdf", printing)
    monkeypatch.setattr(elections_views, "render_notice_pdf", printing)

    from_api = client.get(f"/api/v1/notices/{notice.pk}/pdf", **bearer(olivia_token))
    page = Client()
    page.force_login(olivia)
    from_page = page.get(f"/decisions/notices/{notice.pk}/notice.pdf")

    assert from_api.status_code == from_page.status_code == 200
    lookup = f"http://testserver/decisions/notices/code/{notice.short_code}/"
    assert [content.verify_url for content in printed] == [lookup, lookup]
    assert all(content.short_code == notice.short_code for content in printed)
    scanned = page.get(lookup)
    assert scanned.status_code == 302
    assert scanned["Location"] == (
        f"/decisions/parents/{notice.parent_id}/#notice-{notice.short_code}"
    )
