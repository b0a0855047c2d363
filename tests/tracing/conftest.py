"""The browser fixtures of tests/web (Playwright on Debian's Chromium), for tracing's
browser test."""

from tests.web.conftest import browser, page, signed_in

__all__ = ["browser", "page", "signed_in"]
