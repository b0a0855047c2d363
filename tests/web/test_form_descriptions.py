"""Every field's description is one a screen reader can find: each id a form's
`aria-describedby` names is an element of the page (help text and errors alike)."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.elections.factories import kiche_mother_with_children

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


class _Descriptions(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described_by: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        self.described_by += (found.get("aria-describedby") or "").split()


def _dangling_descriptions(html: str) -> tuple[list[str], list[str]]:
    page = _Descriptions()
    page.feed(html)
    return page.described_by, [name for name in page.described_by if name not in page.ids]


def test_help_texts_and_errors_are_the_elements_fields_say_describe_them(
    client: Client, olivia: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    client.force_login(olivia)
    election_form = reverse("elections:election-new", args=[mother.pk])

    for response in (client.get(election_form), client.post(election_form, {})):
        described, dangling = _dangling_descriptions(response.content.decode())
        assert described, "the form has help texts: some field must name its description"
        assert dangling == []
