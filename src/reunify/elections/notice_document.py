"""The written notice of options a separated parent receives, as a print-ready PDF.

Pure rendering: plain data in, HTML or PDF bytes out, no database, so services, views,
the CLI and tests all print the same paper. Every sentence the parent reads lives in the
template and the gettext catalogs (context "notice of options"), never in Python, so
translators review the notice as one document and a change to a web page's wording can
never change the notice's.
"""

import base64
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

import segno
import weasyprint  # type: ignore[import-untyped]
from django.template import Context, Engine
from django.utils import translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext
from weasyprint.urls import FatalURLFetchingError  # type: ignore[import-untyped]

from reunify.families.choices import BirthDatePrecision
from reunify.vocabulary import ElectionOption

__all__ = [
    "FORM_VERSION",
    "WRITTEN_NOTICE_LANGUAGES",
    "NoticeChild",
    "NoticeContent",
    "data_only_fetcher",
    "render_notice_html",
    "render_notice_pdf",
]

# ISO 639-3 codes of the languages the notice is written in; a parent who reads none of
# them has it read aloud by an interpreter, whose attestation the form carries.
WRITTEN_NOTICE_LANGUAGES: Final[tuple[str, ...]] = ("eng", "spa", "por")

# Printed on every page; bump it whenever the wording changes, so a signed paper can be
# matched to the exact text the parent was given.
FORM_VERSION: Final = "RFY-N1 2026-11"

_DJANGO_LANGUAGE: Final = {"eng": "en", "spa": "es", "por": "pt"}

# The order the options are printed in; each has its own wording in the template.
_OPTIONS: Final = (
    ElectionOption.DEPART_WITH_CHILDREN,
    ElectionOption.CHILDREN_REMAIN,
    ElectionOption.MORE_TIME,
)

_QR_SIDE_MM: Final = 16.0
_QR_QUIET_MODULES: Final = 2

# The template is read from this package, not looked up by name among installed apps,
# so no other app's template can stand in for the legal text.
_ENGINE: Final = Engine(
    dirs=[str(Path(__file__).resolve().parent / "templates")],
    libraries={"i18n": "django.templatetags.i18n"},
)


@dataclass(frozen=True, slots=True)
class NoticeChild:
    full_name: str
    birth_date: date | None
    birth_date_precision: str  # "DAY" | "MONTH" | "YEAR" | "UNKNOWN"


@dataclass(frozen=True, slots=True)
class NoticeContent:
    short_code: str  # ties the paper to the record, e.g. "N7K3-D9XM"
    verify_url: str | None  # what the QR code encodes; the short code when None
    language: str  # one of WRITTEN_NOTICE_LANGUAGES
    parent_full_name: str
    parent_a_number: str | None
    children: tuple[NoticeChild, ...]
    prepared_on: date
    interpreter_language_name: str | None  # e.g. "K'iche'", when read aloud by an interpreter


def render_notice_html(content: NoticeContent) -> str:
    """The notice as one self-contained HTML document in the parent's language."""
    _check(content)
    django_language = _DJANGO_LANGUAGE[content.language]
    with translation.override(django_language):
        template = _ENGINE.get_template("elections/notice_document.html")
        return template.render(Context(_template_context(content, django_language)))


def render_notice_pdf(content: NoticeContent) -> bytes:
    """The notice as a US Letter PDF, rendered without any network access."""
    html = render_notice_html(content)
    try:
        pdf: bytes = weasyprint.HTML(string=html, url_fetcher=data_only_fetcher()).write_pdf()
    except FatalURLFetchingError as refused:
        # WeasyPrint stops with a BaseException; callers expect an ordinary error.
        raise RuntimeError(f"The notice asked for an outside resource: {refused}") from refused
    return pdf


def data_only_fetcher() -> weasyprint.URLFetcher:
    """A fetcher for WeasyPrint that reads only what the document carries (data: URLs,
    like the QR code). Anything else is a bug in the template, so it stops the render
    instead of reaching the network or the file system. One per render: it keeps state."""
    return weasyprint.URLFetcher(allowed_protocols=("data",), fail_on_errors=True)


def _check(content: NoticeContent) -> None:
    if content.language not in WRITTEN_NOTICE_LANGUAGES:
        raise ValueError(
            f"No written notice exists in {content.language!r}; written notices exist in "
            f"{', '.join(WRITTEN_NOTICE_LANGUAGES)}. For another language, print one of "
            "these and record the interpreter who reads it aloud."
        )
    if not content.children:
        raise ValueError("A notice of options must name at least one separated child.")
    for child in content.children:
        if child.birth_date_precision not in BirthDatePrecision.values:
            raise ValueError(
                f"Birth date precision for {child.full_name!r} must be one of "
                f"{', '.join(BirthDatePrecision.values)}, not {child.birth_date_precision!r}."
            )


def _template_context(content: NoticeContent, django_language: str) -> dict[str, object]:
    """Everything the template shows; called inside the parent's language."""
    qr_url = _qr_data_url(content.verify_url or content.short_code)
    footer_code = pgettext("notice of options", "Record code %(code)s · Form %(form)s") % {
        "code": content.short_code,
        "form": FORM_VERSION,
    }
    return {
        "html_lang": django_language,
        "form_version": FORM_VERSION,
        "short_code": content.short_code,
        "parent_full_name": content.parent_full_name,
        "parent_a_number": content.parent_a_number,
        "prepared_on": content.prepared_on,
        "interpreter_language_name": content.interpreter_language_name,
        "children": [
            {"full_name": child.full_name, "born": _birth_date_text(child)}
            for child in content.children
        ],
        "children_count": len(content.children),
        "options": _OPTIONS,
        "qr_url": qr_url,
        "footer_qr_css": mark_safe(f"url({_css_string(qr_url)})"),  # noqa: S308 -- escaped
        "footer_code_css": mark_safe(_css_string(footer_code)),  # noqa: S308 -- escaped
        "footer_page_css": _page_counter_css(),
    }


def _birth_date_text(child: NoticeChild) -> str:
    """Only as much of the birth date as is known: a guessed day would misidentify a child."""
    if child.birth_date is None or child.birth_date_precision == BirthDatePrecision.UNKNOWN:
        return pgettext("notice of options", "unknown")
    if child.birth_date_precision == BirthDatePrecision.YEAR:
        return str(child.birth_date.year)
    if child.birth_date_precision == BirthDatePrecision.MONTH:
        return date_format(child.birth_date, "YEAR_MONTH_FORMAT")
    return date_format(child.birth_date, "DATE_FORMAT")


def _page_counter_css() -> SafeString:
    """'Page X of Y' as CSS `content`, with the page counters wherever the translation
    puts them, since word order differs between languages."""
    label = pgettext("notice of options", "Page %(page)s of %(pages)s")
    # Odd pieces are the counters' names, even pieces the translation's own words.
    pieces = (label % {"page": "\0page\0", "pages": "\0pages\0"}).split("\0")
    parts = [
        f"counter({piece})" if index % 2 else _css_string(piece)
        for index, piece in enumerate(pieces)
        if piece
    ]
    return mark_safe(" ".join(parts))  # noqa: S308 -- every literal piece is escaped


def _css_string(text: str) -> str:
    """A quoted CSS string; anything but plain ASCII letters, digits and a few harmless
    marks is hex-escaped, so no name or translation can end the string or the <style>."""
    harmless = " -_.,:;+/=%"
    escaped = "".join(
        char if (char.isascii() and char.isalnum()) or char in harmless else f"\\{ord(char):x} "
        for char in text
    )
    return f'"{escaped}"'


def _qr_data_url(data: str) -> str:
    """An SVG QR code as a data: URL, sized in millimetres for the page footer."""
    code = segno.make_qr(data, error="m")
    modules, _ = code.symbol_size(scale=1, border=_QR_QUIET_MODULES)
    svg = io.BytesIO()
    code.save(
        svg,
        kind="svg",
        scale=_QR_SIDE_MM / modules,
        unit="mm",
        border=_QR_QUIET_MODULES,
        xmldecl=False,
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode("ascii")
