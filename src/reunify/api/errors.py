"""One error body for every API failure: `{"detail": ..., "code": ..., "errors": {...}}`."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from reunify.accounts.permissions import PermissionDenied


class ErrorOut(Schema):
    detail: str
    code: str
    errors: dict[str, list[str]] | None = None


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


def _field_name(location: Any) -> str:
    parts = [str(part) for part in location if part not in ("query", "body", "path")]
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

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        return _error(api, request, 404, "not_found", str(error) or "Not found.")
