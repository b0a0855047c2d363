"""How long the notice of options takes to render as a PDF (target: well under 1 s).

A field officer prints the notice while the parent waits, so a render must feel instant.
`time_notice_pdfs()` is for bench/run.py; `python -m bench.notice_pdf` prints p50/p99/max.
"""

import argparse
import logging
import statistics
import time
from datetime import date

from bench.http_latency import percentile
from reunify.cli.django_setup import setup_django


def time_notice_pdfs(count: int = 20) -> list[float]:
    """Seconds per render, after one warm-up render (fonts, template, catalogs load once).

    Each render is a realistic notice: three children, a K'iche' interpreter, in English,
    Spanish and Portuguese in turn.
    """
    setup_django()
    # WeasyPrint logs every step at INFO, from its import on; a bench prints only results.
    weasyprint_log = logging.getLogger("weasyprint")
    level = weasyprint_log.level
    weasyprint_log.setLevel(logging.WARNING)
    # Imported after set-up: rendering reads the settings (languages, catalogs).
    from reunify.elections.notice_document import (
        WRITTEN_NOTICE_LANGUAGES,
        NoticeChild,
        NoticeContent,
        render_notice_pdf,
    )

    def notice(language: str) -> NoticeContent:
        return NoticeContent(
            short_code="N7K3-D9XM",
            verify_url="https://reunify.example/verify/N7K3-D9XM",
            language=language,
            parent_full_name="Rosa Xiloj Tzoc",
            parent_a_number="A-123-456-789",
            children=(
                NoticeChild("Ana López García", date(2017, 3, 5), "DAY"),
                NoticeChild("Tomás Q'anil Xiloj", date(2011, 3, 1), "MONTH"),
                NoticeChild("Juan Xiloj Tzoc", None, "UNKNOWN"),
            ),
            prepared_on=date(2026, 11, 5),
            interpreter_language_name="K'iche'",
        )

    try:
        render_notice_pdf(notice("spa"))
        seconds: list[float] = []
        for index in range(count):
            content = notice(WRITTEN_NOTICE_LANGUAGES[index % len(WRITTEN_NOTICE_LANGUAGES)])
            started = time.perf_counter()
            render_notice_pdf(content)
            seconds.append(time.perf_counter() - started)
        return seconds
    finally:
        weasyprint_log.setLevel(level)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the notice of options PDF.")
    parser.add_argument("--count", type=int, default=20, help="renders to time (default 20)")
    seconds = sorted(time_notice_pdfs(parser.parse_args().count))
    print(
        f"notice PDF, {len(seconds)} renders: p50 {statistics.median(seconds) * 1000:.0f} ms, "
        f"p99 {percentile(seconds, 0.99) * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
