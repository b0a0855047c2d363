"""The notice of options prints in the parent's language, names every child, carries its
record code on every page, and its translations are complete and compiled."""

import dataclasses
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import pgettext
from django.utils.translation.template import templatize

import reunify.elections.notice_document as notice_document
from reunify.elections.notice_document import (
    WRITTEN_NOTICE_LANGUAGES,
    NoticeChild,
    NoticeContent,
    data_only_fetcher,
    render_notice_html,
    render_notice_pdf,
)

MODULE = Path(notice_document.__file__)
TEMPLATE = MODULE.parent / "templates" / "elections" / "notice_document.html"
LOCALE = MODULE.parent.parent / "locale"
CONTEXT = "notice of options"

ANA = NoticeChild("Ana López García", date(2017, 3, 5), "DAY")
TOMAS = NoticeChild("Tomás Q'anil Xiloj", date(2011, 3, 1), "MONTH")


def notice(**changes: Any) -> NoticeContent:
    """Rosa, a K'iche' mother separated from Ana and Tomás, unless a test says otherwise."""
    rosa = NoticeContent(
        short_code="N7K3-D9XM",
        verify_url="https://reunify.example/verify/N7K3-D9XM",
        language="spa",
        parent_full_name="Rosa Xiloj Tzoc",
        parent_a_number="A-123-456-789",
        children=(ANA, TOMAS),
        prepared_on=date(2026, 11, 5),
        interpreter_language_name=None,
    )
    return dataclasses.replace(rosa, **changes)


def pdf_text(pdf: bytes) -> str:
    """The PDF's text with whitespace folded, so a phrase broken across lines still matches."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    """One render per language, shared: a render costs a few tenths of a second."""
    return {
        language: render_notice_pdf(notice(language=language)) for language in ("eng", "spa", "por")
    }


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "eng",
            [
                "Notice of your options about your separated children",
                "Silence is not a choice.",
                "I make it knowingly and voluntarily: I waive reunification",
                "list of free legal service providers",
                "Nov. 5, 2026",
                "March 2011",
                "Page 1 of",
            ],
        ),
        (
            "spa",
            [
                "Aviso de sus opciones tras la separación de sus hijos",
                "El silencio no es una decisión.",
                "con pleno conocimiento y de manera voluntaria: renuncio a la reunificación",
                "proveedores de servicios legales gratuitos",
                "5 de noviembre de 2026",
                "marzo de 2011",
                "Página 1 de",
            ],
        ),
        (
            "por",
            [
                "Aviso sobre suas opções após a separação de seus filhos",
                "O silêncio não é uma escolha.",
                "de forma consciente e voluntária: renuncio à reunificação",
                "prestadores de serviços jurídicos gratuitos",
                "de 2026",
                "Página 1 de",
            ],
        ),
    ],
)
def test_the_notice_reads_in_the_parents_language(
    pdfs: dict[str, bytes], language: str, phrases: list[str]
) -> None:
    text = pdf_text(pdfs[language])
    for phrase in phrases:
        assert phrase in text
    if language != "eng":
        assert "Silence is not a choice" not in text
        assert "Your rights" not in text


@pytest.mark.parametrize("language", ["eng", "spa", "por"])
def test_the_pdf_names_each_child_the_parent_and_the_record_code(
    pdfs: dict[str, bytes], language: str
) -> None:
    pdf = pdfs[language]
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for name in ("Ana López García", "Tomás Q'anil Xiloj", "Rosa Xiloj Tzoc", "A-123-456-789"):
        assert name in text
    assert text.count("N7K3-D9XM") >= 2  # beside the QR code, and in every page's footer
    assert "DEPART_WITH_CHILDREN" in text
    assert "CHILDREN_REMAIN" in text
    assert "MORE_TIME" in text


@pytest.mark.parametrize("language", ["eng", "spa", "por"])
def test_each_option_has_its_own_signature_block_and_counsel_is_offered(
    pdfs: dict[str, bytes], language: str
) -> None:
    """Signing one option signs that option only; declining counsel is signed apart."""
    text = pdf_text(pdfs[language])
    with translation.override({"eng": "en", "spa": "es", "por": "pt"}[language]):
        signature = pgettext(CONTEXT, "Parent's signature")
        mark = pgettext(CONTEXT, "Parent's mark")
        second_witness = pgettext(CONTEXT, "Second witness: signature")
        counsel = pgettext(CONTEXT, "You may speak with a lawyer before you decide.")
        declined = pgettext(
            CONTEXT, "I was told that I may consult a lawyer, and I decline to do so."
        )
    assert text.count(mark) == 3
    assert text.count(second_witness) == 3
    assert text.count(signature) == 3 + 1  # one per option, one to decline counsel
    assert counsel in text
    assert declined in text


def test_an_interpreters_language_is_printed_in_the_attestation() -> None:
    text = pdf_text(render_notice_pdf(notice(interpreter_language_name="Q'anjob'al")))
    assert "en Q'anjob'al, un idioma que me dijo que entiende" in text


def test_page_one_carries_ink_in_the_body_and_in_the_footer(
    pdfs: dict[str, bytes], tmp_path: Path
) -> None:
    """Drawn at 50 dpi in grey (PGM, simple to read without an imaging library)."""
    (tmp_path / "notice.pdf").write_bytes(pdfs["spa"])
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-singlefile", "notice.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    grey = (tmp_path / "page.pgm").read_bytes()
    magic, width, height, _maximum, pixels = grey.split(maxsplit=4)
    assert magic == b"P5"
    columns, rows = int(width), int(height)
    assert (columns, rows) == (425, 550)  # US Letter, 8.5 x 11 in

    def dark(top: float, bottom: float, left: float, right: float) -> int:
        """Dark pixels in a share of the page (0 to 1 across and down)."""
        return sum(
            1
            for row in range(int(rows * top), int(rows * bottom))
            for value in pixels[
                row * columns + int(columns * left) : row * columns + int(columns * right)
            ]
            if value < 128
        )

    assert dark(0.0, 0.88, 0.0, 1.0) > 2000  # the text of the notice
    assert dark(0.88, 1.0, 0.0, 0.2) > 200  # the QR code in the bottom-left margin
    assert dark(0.88, 1.0, 0.2, 1.0) > 50  # the record code and page number beside it


@pytest.mark.parametrize(
    ("language", "child", "printed"),
    [
        ("eng", NoticeChild("A", date(2011, 3, 5), "DAY"), "March 5, 2011"),
        ("eng", NoticeChild("A", date(2011, 3, 5), "MONTH"), "March 2011"),
        ("eng", NoticeChild("A", date(2011, 3, 5), "YEAR"), "2011"),
        ("eng", NoticeChild("A", date(2011, 3, 5), "UNKNOWN"), "unknown"),
        ("eng", NoticeChild("A", None, "DAY"), "unknown"),
        ("spa", NoticeChild("A", date(2011, 3, 5), "DAY"), "5 de marzo de 2011"),
        ("spa", NoticeChild("A", date(2011, 3, 5), "MONTH"), "marzo de 2011"),
        ("spa", NoticeChild("A", None, "UNKNOWN"), "desconocida"),
        ("por", NoticeChild("A", date(2011, 3, 5), "MONTH"), "março de 2011"),
        ("por", NoticeChild("A", None, "UNKNOWN"), "desconhecida"),
    ],
)
def test_only_the_known_part_of_a_birth_date_is_printed(
    language: str, child: NoticeChild, printed: str
) -> None:
    html = render_notice_html(notice(language=language, children=(child,)))
    # Lower case: Django's Portuguese month names are capitalised ("Março").
    assert f"<td>a</td><td>{printed}</td>".lower() in html.lower()


def test_one_child_is_spoken_of_in_the_singular() -> None:
    html = " ".join(render_notice_html(notice(language="eng", children=(ANA,))).split())
    assert "<h1>Notice of your options about your separated child</h1>" in html
    assert "<h2> Your separated child </h2>" in html
    assert "separated children" not in html


def test_no_written_notice_in_kiche() -> None:
    with pytest.raises(ValueError, match="No written notice exists in 'quc'"):
        render_notice_pdf(notice(language="quc"))
    assert "quc" not in WRITTEN_NOTICE_LANGUAGES


def test_a_notice_names_at_least_one_child() -> None:
    with pytest.raises(ValueError, match="at least one separated child"):
        render_notice_html(notice(children=()))


def test_a_birth_date_precision_must_be_one_of_the_known_ones() -> None:
    with pytest.raises(ValueError, match="precision for 'Ana López García'"):
        render_notice_html(notice(children=(NoticeChild("Ana López García", None, "WEEK"),)))


def test_names_and_codes_cannot_escape_into_markup_or_styles() -> None:
    html = render_notice_html(
        notice(parent_full_name="<b>Rosa</b>", short_code='X"}</style><script>')
    )
    assert "<b>Rosa</b>" not in html
    assert html.count("</style>") == 1
    assert "<script>" not in html


def test_the_renderer_reads_only_data_urls() -> None:
    fetcher = data_only_fetcher()
    for outside in ("https://reunify.example/logo.png", "http://10.0.0.1/", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher(outside)
    assert fetcher("data:text/plain;base64,b2s=").read() == b"ok"
    assert "http" not in render_notice_html(notice())  # the verify URL is only in the QR code


@pytest.fixture(scope="module")
def notice_pot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The notice's messages as they are in the source today, extracted the way
    `makemessages` does, so a catalog that lags behind the template fails here."""
    work = tmp_path_factory.mktemp("notice_pot")
    template_as_python = work / "notice_document.html.py"
    template_as_python.write_text(templatize(TEMPLATE.read_text(), origin=str(TEMPLATE)))
    pot = work / "notice.pot"
    subprocess.run(
        [
            "xgettext",
            "--language=Python",
            "--from-code=UTF-8",
            "--keyword=pgettext:1c,2",
            "--keyword=npgettext:1c,2,3",
            "--keyword=gettext_noop",
            f"--output={pot}",
            str(template_as_python),
            str(MODULE),
        ],
        check=True,
    )
    return pot


def test_every_notice_message_carries_the_notice_context(notice_pot: Path) -> None:
    contexts = [line for line in notice_pot.read_text().splitlines() if line.startswith("msgctxt")]
    assert len(contexts) > 50
    assert set(contexts) == {f'msgctxt "{CONTEXT}"'}
    messages = [line for line in notice_pot.read_text().splitlines() if line.startswith("msgid ")]
    assert len(messages) == len(contexts) + 1  # the header has no context


@pytest.mark.parametrize("locale", ["es", "pt"])
def test_every_notice_message_is_translated_and_not_fuzzy(
    notice_pot: Path, locale: str, tmp_path: Path
) -> None:
    catalog = LOCALE / locale / "LC_MESSAGES" / "django.po"
    merged = tmp_path / "merged.po"
    subprocess.run(
        [
            "msgmerge",
            "--quiet",
            "--no-fuzzy-matching",
            "-o",
            str(merged),
            str(catalog),
            str(notice_pot),
        ],
        check=True,
    )
    for selection in ("--untranslated", "--only-fuzzy"):
        left = subprocess.run(
            ["msgattrib", selection, "--no-obsolete", str(merged)],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        assert "msgctxt" not in left, f"{selection} in {locale}:\n{left}"
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalog)], check=True)


@pytest.mark.parametrize("locale", ["es", "pt"])
def test_the_compiled_catalogs_are_current(locale: str, tmp_path: Path) -> None:
    """Django reads the .mo, not the .po: a translation fixed in one and not compiled into
    the other would never reach the paper."""
    messages = LOCALE / locale / "LC_MESSAGES"
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(messages / "django.po")], check=True)
    assert compiled.read_bytes() == (messages / "django.mo").read_bytes(), (
        f"run `django-admin compilemessages -l {locale}` in src/reunify"
    )
