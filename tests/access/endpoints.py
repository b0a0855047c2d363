"""Every page route and API operation Reunify serves, found by walking the URL conf and
the API's OpenAPI document, so a new endpoint cannot escape the access matrix."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from reunify.api.router import api


@dataclass(frozen=True)
class Endpoint:
    key: str  # "page families:search" or "api GET /persons/{person_id}"
    method: str
    path: str  # with {placeholders} for ids


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str, namespace: str
) -> Iterator[tuple[str, str]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith("api/"):
                continue  # the API is walked through its OpenAPI document
            yield from _walk(
                pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace
            )
        else:
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield name, prefix + str(pattern.pattern)


def page_endpoints() -> list[Endpoint]:
    found = []
    for name, route in _walk(get_resolver().url_patterns, "/", ""):
        path = route
        for converter in ("uuid", "str"):
            path = path.replace(f"<{converter}:", "{")
        path = path.replace(">", "}")
        found.append(Endpoint(f"page {name}", "GET", path))
    return found


def api_endpoints() -> list[Endpoint]:
    schema = api.get_openapi_schema()
    found = []
    for path, operations in schema["paths"].items():
        for method in operations:
            short = path.removeprefix("/api/v1")
            found.append(Endpoint(f"api {method.upper()} {short}", method.upper(), path))
    return found
