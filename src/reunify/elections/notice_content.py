"""What a stored notice prints: its record turned into `NoticeContent` for the renderer.

The API's PDF and the notice page both print through `notice_content_for`, with the QR
code holding `notice_lookup_url`, so the paper a parent holds reads the same whichever way
it was printed.
"""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from reunify.elections.models import Notice
from reunify.elections.notice_document import NoticeChild, NoticeContent
from reunify.families.choices import IdentifierScheme
from reunify.families.languages import language_name
from reunify.families.models import Person, PersonLanguage

__all__ = ["notice_content_for", "notice_lookup_url"]


def notice_lookup_url(request: HttpRequest, notice: Notice) -> str:
    """What the QR code on every printed notice holds, whichever way it was printed: the
    address that finds the notice by its short code, so a phone scan opens the record
    (for whoever may see it) and the code stays the one key printed on the paper."""
    return request.build_absolute_uri(reverse("elections:notice-by-code", args=[notice.short_code]))


def notice_content_for(notice: Notice, *, verify_url: str | None = None) -> NoticeContent:
    """The notice as printed; `verify_url` is what its QR code holds (the short code if None)."""
    parent = notice.parent
    spoken = list(parent.languages.all())
    children = notice.children.order_by("given_names", "first_surname", "id")
    return NoticeContent(
        short_code=notice.short_code,
        verify_url=verify_url,
        language=notice.language,
        parent_full_name=parent.full_name,
        parent_a_number=_a_number_of(parent),
        children=tuple(
            NoticeChild(child.full_name, child.birth_date, child.birth_date_precision)
            for child in children
        ),
        prepared_on=timezone.localdate(notice.created_at),
        interpreter_language_name=_interpreter_language_name(notice, spoken),
    )


def _a_number_of(parent: Person) -> str | None:
    """The parent's A-number in the form printed on agency papers: "A-212-345-678"."""
    identifier = (
        parent.identifiers.filter(scheme=IdentifierScheme.A_NUMBER).order_by("created_at").first()
    )
    if identifier is None:
        return None
    digits = identifier.normalized
    if len(digits) != 9:
        return identifier.value
    return f"A-{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def _interpreter_language_name(notice: Notice, spoken: list[PersonLanguage]) -> str | None:
    """The language an interpreter reads the notice in, when the parent does not read the
    notice's own: the one recorded at delivery, else the parent's primary (or only)
    language. None leaves the line blank for the interpreter to fill in by hand."""
    if notice.language in {language.code for language in spoken}:
        return None
    if notice.interpreter_language:
        return language_name(notice.interpreter_language)
    primary = [language.code for language in spoken if language.is_primary]
    if len(spoken) == 1:
        primary = [spoken[0].code]
    return language_name(primary[0]) if primary else None
