"""A paper notice found again by the code printed on it: typed into the form on the
decisions area, or scanned from its QR code, it opens the parent's decisions at that
notice — for whoever may see the parent, and for nobody else."""

import re
from collections.abc import Callable
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from reunify.accounts.models import User
from reunify.elections.models import Notice
from reunify.elections.short_codes import (
    ALPHABET,
    TYPED_SHORT_CODE_PATTERN,
    normalise_short_code,
    short_code_from,
)
from reunify.families.models import Facility
from tests.elections.factories import delivered_notice, kiche_mother_with_children
from tests.families.factories import history

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

FIND = "/decisions/notices/find/"


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response: object) -> str:
    content = response.content.decode()  # type: ignore[attr-defined]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", content)).split())


def as_typed_from_paper(code: str) -> str:
    """The code as an officer might type it: lower case, a space for the dash, and a
    zero read as the letter O."""
    return code.lower().replace("-", " ").replace("0", "o")


@pytest.fixture
def notice(olivia: User, station: Facility) -> Notice:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    return delivered_notice(actor=olivia, parent=mother)


def at_the_notice(notice: Notice) -> str:
    return f"{reverse('elections:parent', args=[notice.parent_id])}#notice-{notice.short_code}"


def test_the_code_from_the_qr_leads_to_the_parents_decisions_at_the_notice(
    olivia: User, notice: Notice
) -> None:
    answer = client_of(olivia).get(f"/decisions/notices/code/{notice.short_code}/")

    assert answer.status_code == 302
    assert answer["Location"] == at_the_notice(notice)
    seen = history("view.notice")
    assert [(e.actor, e.subject_type, e.subject_id) for e in seen] == [
        (olivia, "notice", notice.pk)
    ]
    assert seen[0].person_ids == [str(notice.parent_id)]


def test_a_code_typed_from_paper_any_way_finds_the_notice(olivia: User, notice: Notice) -> None:
    typed = as_typed_from_paper(notice.short_code)
    assert normalise_short_code(typed) == notice.short_code

    found = client_of(olivia).get(FIND, {"code": typed})
    scanned = client_of(olivia).get(f"/decisions/notices/code/{typed}/")

    assert found.status_code == 302
    assert found["Location"] == at_the_notice(notice)
    assert scanned["Location"] == at_the_notice(notice)
    assert len(history("view.notice")) == 2


def test_the_parents_page_holds_the_notice_the_lookup_points_at(
    olivia: User, notice: Notice
) -> None:
    page = client_of(olivia).get(reverse("elections:parent", args=[notice.parent_id]))
    assert f'id="notice-{notice.short_code}"' in page.content.decode()
    assert f'href="{FIND}"' in page.content.decode()


def test_a_user_outside_the_parents_scope_finds_nothing_as_if_it_did_not_exist(
    cast: Callable[[str], User], notice: Notice
) -> None:
    """Luis is counsel with no client: the code of someone else's notice answers just as
    a code no notice has, and no look is recorded."""
    luis = client_of(cast("luis"))
    unknown = "ZZZZ-ZZZZ"
    assert not Notice.objects.filter(short_code=unknown).exists()

    for code in (notice.short_code, unknown):
        assert luis.get(f"/decisions/notices/code/{code}/").status_code == 404
        typed = luis.get(FIND, {"code": code})
        assert typed.status_code == 404
        assert f"No notice you may see has the code {code}" in text(typed)
    assert history("view.notice") == []


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("N7K3", "“N7K3” is not a notice code"),
        ("N7K3-D9XU", "“N7K3-D9XU” is not a notice code"),  # U is never printed
        ("N7K3-D9XM-22", "“N7K3-D9XM-22” is not a notice code"),
    ],
)
def test_a_malformed_code_is_refused_with_what_a_code_looks_like(
    olivia: User, typed: str, shown: str
) -> None:
    client = client_of(olivia)
    for answer in (
        client.get(FIND, {"code": typed}),
        client.get(f"/decisions/notices/code/{typed}/"),
    ):
        assert answer.status_code == 400
        page = text(answer)
        assert "That is not a notice code" in page
        assert f"{shown}: a code has eight letters and digits" in page
        assert "like N7K3-D9XM" in page
    assert history("view.notice") == []


def test_an_empty_code_asks_for_one(olivia: User) -> None:
    answer = client_of(olivia).get(FIND, {"code": "  "})
    assert answer.status_code == 400
    assert "This field is required." in text(answer)


def test_the_form_is_labelled_described_and_marks_its_error_for_assistive_technology(
    olivia: User,
) -> None:
    client = client_of(olivia)
    blank = client.get(FIND).content.decode()
    refused = client.get(FIND, {"code": "nope"}).content.decode()

    assert client.get(FIND).status_code == 200
    assert '<label for="id_code">Code printed on the notice</label>' in blank
    assert 'id="id_code_helptext"' in blank
    assert re.search(r'<input[^>]*aria-describedby="id_code_helptext"', blank)
    assert '<form method="get"' in blank  # a plain form: Enter submits, no script needed
    assert '<button class="button" type="submit">Find the notice</button>' in blank
    assert 'role="alert"' in refused
    assert re.search(r'<input[^>]*aria-invalid="true"', refused)
    assert re.search(r'<input[^>]*aria-describedby="id_code_helptext id_code_error"', refused)
    assert '<p class="error-message" id="id_code_error">' in refused
    assert 'href="#id_code"' in refused  # the error links back to the field


def test_the_stored_form_of_a_code_is_its_own_normal_form() -> None:
    assert short_code_from(" n7k3 d9xm ") == "N7K3-D9XM"
    assert short_code_from("N7K3D9XM") == "N7K3-D9XM"
    assert short_code_from("n7k3-d9xm") == "N7K3-D9XM"
    with pytest.raises(ValueError, match="An empty code is not a notice code"):
        short_code_from("")


@given(st.from_regex(TYPED_SHORT_CODE_PATTERN, fullmatch=True))
def test_whatever_the_apis_published_pattern_allows_is_taken_as_a_code(typed: str) -> None:
    code = short_code_from(typed)
    assert len(code) == 9
    assert code[4] == "-"
    assert set(code.replace("-", "")) <= set(ALPHABET)


def test_every_page_leads_to_the_notice_finder(cast: Callable[[str], User]) -> None:
    # Given someone holding a paper notice on any page
    home = client_of(cast("olivia")).get("/", follow=True)
    finder = client_of(cast("olivia")).get(FIND)

    # Then the main navigation leads to the finder, marked current on it
    assert f'href="{FIND}"' in home.content.decode()
    assert re.search(rf'href="{FIND}"\s+aria-current="page"', finder.content.decode())
