"""One error body for every API failure: `{"detail": ..., "code": ..., "errors": {...}}`.

A removal the gate refuses adds `"gate"`, the gate's answer, to the same body (409).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from reunify.accounts.permissions import PermissionDenied
from reunify.removals.errors import GateRefused


class ErrorOut(Schema):
    detail: str
    code: str
    errors: dict[str, list[str]] | None = None


# What a read or a write endpoint may answer besides success, for `response={...}`.
READ_ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {400: ErrorOut, **READ_ERRORS}


def _error(
    api: NinjaAPI,
    request: HttpRequest,
    status: int,
    code: str,
    detail: str,
    errors: dict[str, list[str]] | None = None,
) -> HttpResponse:
    return api.create_response(
        request, {"detail": detail, "code": code, "errors": errors}, status=status
    )


_PLACES = frozenset({"query", "path", "body", "form", "file", "header", "cookie"})


def _field_name(location: Any) -> str:
    """The field as the client sent it: ("body", "payload", "children", 0) is "children.0"."""
    parts = [str(part) for part in location]
    if parts and parts[0] in _PLACES:
        # A JSON body is one parameter of the endpoint; its name means nothing to clients.
        parts = parts[2:] if parts[0] == "body" else parts[1:]
    return ".".join(parts) or "request"


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(NinjaValidationError)
    def invalid_request(request: HttpRequest, error: NinjaValidationError) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for item in error.errors:
            errors.setdefault(_field_name(item.get("loc", ())), []).append(str(item.get("msg")))
        return _error(api, request, 422, "invalid_request", "The request is not valid.", errors)

    @api.exception_handler(ValidationError)
    def rejected(request: HttpRequest, error: ValidationError) -> HttpResponse:
        errors = error.message_dict if hasattr(error, "error_dict") else {"request": error.messages}
        return _error(api, request, 422, "rejected", "Nothing was recorded.", errors)

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
        return _error(api, request, 403, "forbidden", str(error))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        return _error(
            api,
            request,
            401,
            "unauthenticated",
            "Sign in, or send 'Authorization: Bearer <token>'.",
        )

    @api.exception_handler(GateRefused)
    def gate_closed(request: HttpRequest, error: GateRefused) -> HttpResponse:
        return api.create_response(
            request,
            {
                "detail": str(error),
                "code": "gate_closed",
                "errors": None,
                "gate": error.answer.to_json(),
            },
            status=409,
        )

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        # Ninja's own refusals, such as a body that is not JSON (400).
        code = "bad_request" if error.status_code == 400 else f"http_{error.status_code}"
        return _error(api, request, error.status_code, code, error.message)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        return _error(api, request, 404, "not_found", str(error) or "Not found.")
