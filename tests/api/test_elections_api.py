"""Notices and elections through the API: the same services, judged by the same rules."""

import json
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.models import Facility, Person
from tests.conftest import at
from tests.elections.factories import (
    SIGNED_PDF,
    delivered_notice,
    elect,
    elect_after_notice,
    kiche_mother_with_children,
)
from tests.families.factories import mother_and_daughter

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def post_json(client: Client, path: str, token: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(
        path, json.dumps(body or {}), content_type="application/json", **bearer(token)
    )


def election_form(child: Person, notice_id: object, **changes: Any) -> dict[str, Any]:
    """A signed CHILDREN_REMAIN election answering the notice, every rule satisfied but
    the supervisor's acknowledgment; multipart fields, the signed form included."""
    form: dict[str, Any] = {
        "option": "CHILDREN_REMAIN",
        "form": "SIGNED",
        "made_at": timezone.now().isoformat(),
        "children": [str(child.pk)],
        "notice_id": str(notice_id),
        "signature": "SIGNATURE",
        "signed_on": timezone.localdate().isoformat(),
        "interpreter_name": "Juana Tzoc Us",
        "interpreter_language": "quc",
        "counsel_advised": "true",
        "counsel": "DECLINED_IN_WRITING",
        "waiver_explicit": "true",
        "signed_form": SimpleUploadedFile("form.pdf", SIGNED_PDF, "application/pdf"),
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


def test_a_notice_is_prepared_delivered_and_printed(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)

    prepared = post_json(
        client, f"/api/v1/persons/{mother.pk}/notices", olivia_token, {"language": "spa"}
    )
    notice = prepared.json()
    delivered = post_json(
        client,
        f"/api/v1/notices/{notice['id']}/delivery",
        olivia_token,
        {
            "delivered_at": timezone.now().isoformat(),
            "method": "READ_ALOUD",
            "interpreter_name": "Juana Tzoc Us",
            "interpreter_language": "quc",
        },
    )
    pdf = client.get(f"/api/v1/notices/{notice['id']}/pdf", **bearer(olivia_token))

    assert prepared.status_code == 201, prepared.json()
    assert notice["children"] == [{"id": str(son.pk), "name": son.full_name}]
    assert notice["short_code"][4] == "-"
    assert notice["delivered_at"] is None
    assert delivered.status_code == 200, delivered.json()
    assert delivered.json()["delivered_by"]["name"] == "Olivia Field"
    assert delivered.json()["interpreter_language"] == "quc"
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_a_notice_delivered_in_a_language_the_parent_does_not_speak_needs_an_interpreter(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    notice = post_json(
        client, f"/api/v1/persons/{mother.pk}/notices", olivia_token, {"language": "spa"}
    ).json()

    answer = post_json(
        client,
        f"/api/v1/notices/{notice['id']}/delivery",
        olivia_token,
        {"delivered_at": timezone.now().isoformat(), "method": "HANDED_OVER"},
    )

    assert answer.status_code == 422
    assert answer.json()["code"] == "rejected"
    assert "K'iche'" in answer.json()["errors"]["interpreter_name"][0]


def test_an_election_is_recorded_with_its_form_judged_then_acknowledged(
    client: Client, olivia: User, olivia_token: str, sam_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)

    recorded = client.post(
        f"/api/v1/persons/{mother.pk}/elections",
        election_form(son, notice.pk),
        **bearer(olivia_token),
    )
    election = recorded.json()
    acknowledged = post_json(
        client, f"/api/v1/elections/{election['id']}/acknowledgment", sam_token
    )
    listed = client.get(f"/api/v1/persons/{mother.pk}/elections", **bearer(olivia_token))

    assert recorded.status_code == 201, election
    assert election["is_valid"] is False
    assert election["deficiencies"] == [
        {"code": "NOT_ACKNOWLEDGED", "words": "a supervisor has not acknowledged the election"}
    ]
    assert election["signed_form"]["media_type"] == "application/pdf"
    assert election["recorded_by"]["name"] == "Olivia Field"
    assert acknowledged.status_code == 200, acknowledged.json()
    assert acknowledged.json()["is_valid"] is True
    assert acknowledged.json()["acknowledged_by"]["name"] == "Sam Super"
    assert [(e["id"], e["is_latest"], e["is_valid"]) for e in listed.json()] == [
        (election["id"], True, True)
    ]


def test_a_withdrawn_election_is_superseded(
    client: Client, olivia: User, sam: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    election = elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )

    answer = post_json(
        client,
        f"/api/v1/elections/{election.pk}/withdrawal",
        olivia_token,
        {"note": "The mother told the officer through the interpreter that she withdraws it."},
    )

    assert answer.status_code == 200, answer.json()
    assert answer.json()["withdrawn_at"] is not None
    assert "SUPERSEDED" in [d["code"] for d in answer.json()["deficiencies"]]


def test_an_election_naming_a_child_not_separated_is_refused_with_422(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    _, _, together = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    notice = delivered_notice(actor=olivia, parent=mother)

    answer = client.post(
        f"/api/v1/persons/{mother.pk}/elections",
        election_form(son, notice.pk, children=[str(son.pk), str(together.pk)]),
        **bearer(olivia_token),
    )

    assert answer.status_code == 422
    assert answer.json()["code"] == "rejected"
    assert answer.json()["errors"]["children"] == [
        f"{together.full_name} is not separated from this parent."
    ]


def test_a_signed_form_that_is_not_a_pdf_or_an_image_is_refused_with_422(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    fake = SimpleUploadedFile("form.pdf", b"MZ\x90\x00 not a form", "application/pdf")

    answer = client.post(
        f"/api/v1/persons/{mother.pk}/elections",
        election_form(son, notice.pk, signed_form=fake),
        **bearer(olivia_token),
    )

    assert answer.status_code == 422
    assert answer.json()["errors"]["signed_form"] == ["The signed form must be a PDF or an image."]


def test_a_moment_without_its_time_zone_is_refused_with_422(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)

    answer = client.post(
        f"/api/v1/persons/{mother.pk}/elections",
        election_form(son, notice.pk, made_at="2026-11-05T14:30:00"),
        **bearer(olivia_token),
    )

    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid_request"
    assert "made_at" in answer.json()["errors"]


def test_the_recorder_cannot_acknowledge_their_own_election(
    client: Client, olivia: User, sam: User, sam_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    election = elect(
        actor=sam,
        parent=mother,
        children=[son],
        notice=delivered_notice(actor=olivia, parent=mother),
    )

    answer = post_json(client, f"/api/v1/elections/{election.pk}/acknowledgment", sam_token)

    assert answer.status_code == 403
    assert answer.json() == {
        "detail": "The officer who recorded an election cannot acknowledge it.",
        "code": "forbidden",
        "errors": None,
    }


def test_a_field_officer_cannot_acknowledge_an_election(
    client: Client, olivia: User, sam: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    election = elect(
        actor=sam,
        parent=mother,
        children=[son],
        notice=delivered_notice(actor=olivia, parent=mother),
    )

    answer = post_json(client, f"/api/v1/elections/{election.pk}/acknowledgment", olivia_token)

    assert answer.status_code == 403
    assert answer.json()["code"] == "forbidden"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/notices/{id}"),
        ("get", "/api/v1/notices/{id}/pdf"),
        ("post", "/api/v1/notices/{id}/delivery"),
        ("get", "/api/v1/persons/{id}/elections"),
        ("post", "/api/v1/persons/{id}/notices"),
        ("post", "/api/v1/elections/{id}/acknowledgment"),
        ("post", "/api/v1/elections/{id}/withdrawal"),
    ],
)
def test_unknown_ids_answer_404_with_the_error_body(
    client: Client, olivia_token: str, sam_token: str, method: str, path: str
) -> None:
    bodies = {
        "delivery": {"delivered_at": timezone.now().isoformat(), "method": "HANDED_OVER"},
        "notices": {"language": "spa"},
        "withdrawal": {"note": "withdrawn in writing"},
    }
    url = path.format(id=uuid.uuid4())
    # Only a supervisor may get as far as looking the record up; others are refused first.
    token = sam_token if url.endswith("/acknowledgment") else olivia_token
    if method == "get":
        answer = client.get(url, **bearer(token))
    else:
        answer = post_json(client, url, token, bodies.get(url.rsplit("/", 1)[-1]))

    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found"
