"""`reunify export pfif`: valid PFIF 1.4 by the specification's field rules, and nothing
a public people-finder should not have."""

import json
from pathlib import Path

import pytest
from django.utils import timezone

from reunify.cli.main import main
from reunify.families.choices import ReunionMethod, ReunionSetting
from reunify.families.models import Facility
from reunify.tracing.choices import Channel, Outcome, ParoleMilestone
from reunify.tracing.services import (
    contact_attempt_record,
    parole_step_record,
    reunification_plan,
    reunification_record,
)
from tests.tracing.factories import CastMember, reach, removed_mother_and_son
from tests.tracing.pfif_rules import problems

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

VALID = b"""<?xml version="1.0" encoding="utf-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>example.org/p1</pfif:person_record_id>
    <pfif:source_date>2026-01-01T00:00:00Z</pfif:source_date>
    <pfif:full_name>Ana</pfif:full_name>
    <pfif:note>
      <pfif:note_record_id>example.org/n1</pfif:note_record_id>
      <pfif:author_name>Someone</pfif:author_name>
      <pfif:source_date>2026-01-01T00:00:00Z</pfif:source_date>
    </pfif:note>
  </pfif:person>
</pfif:pfif>"""


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (VALID.replace(b"1.4", b"1.1"), "not pfif:pfif"),
        (VALID.replace(b"<pfif:full_name>Ana</pfif:full_name>", b""), "required full_name"),
        (VALID.replace(b"example.org/p1", b"p1"), "domain/local-id"),
        (VALID.replace(b"2026-01-01T00:00:00Z</pfif:source_date>\n    <pfif:full",
                       b"2026-01-01</pfif:source_date>\n    <pfif:full"), "yyyy-mm-dd"),
        (VALID.replace(b"<pfif:full_name>Ana</pfif:full_name>",
                       b"<pfif:full_name>Ana</pfif:full_name><pfif:sex>F</pfif:sex>"), "sex"),
        (VALID.replace(b"<pfif:person_record_id>example.org/p1</pfif:person_record_id>", b"")
         .replace(b"<pfif:full_name>Ana</pfif:full_name>",
                  b"<pfif:full_name>Ana</pfif:full_name><pfif:person_record_id>example.org/p1"
                  b"</pfif:person_record_id>"), "order"),
        (VALID.replace(b"example.org/n1", b"example.org/p1"), "used twice"),
    ],
)  # fmt: skip
def test_the_rules_catch_what_the_specification_forbids(broken: bytes, message: str) -> None:
    assert problems(VALID) == []
    assert any(message in problem for problem in problems(broken)), problems(broken)


def test_the_export_is_valid_pfif_1_4_and_keeps_children_out(
    cast: CastMember, station: Facility, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    contact_attempt_record(
        actor=tomas, case=world.case, channel=Channel.PHONE, outcome=Outcome.DETAIL_DEAD,
        attempted_at=timezone.now(), detail_text="+502 5123 4567",
    )  # fmt: skip
    case = reach(tracer=tomas, case=world.case, number="+502 5999 0000")
    plan = reunification_plan(
        actor=tomas, case=case, setting=ReunionSetting.IN_COUNTRY,
        method=ReunionMethod.PAROLE_OF_REMOVED_PARENT,
    )  # fmt: skip
    parole_step_record(
        actor=tomas, plan=plan, milestone=ParoleMilestone.GRANTED, reached_on=timezone.localdate()
    )
    reunification_record(actor=tomas, case=case, reunited_at=timezone.now())

    out = tmp_path / "tracing.pfif.xml"
    assert main(["export", "pfif", "--out", str(out), "--domain", "reunify.example.org"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "export": "pfif", "persons": 1, "notes": 4, "out": str(out),
    }  # fmt: skip
    document = out.read_bytes()
    assert problems(document) == []
    text = document.decode()
    assert world.mother.full_name in text
    assert "Removed to Guatemala" in text
    assert "Reunited with their child" in text
    for private in (world.son.given_names, "5123", "5999", "212-345-678"):
        assert private not in text


def test_a_domain_with_a_slash_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", "pfif", "--out", str(tmp_path / "x"), "--domain", "a/b"])
    assert exit_.value.code == 1
