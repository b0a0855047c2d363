"""The API at /api/v1/: OpenAPI 3 at /api/v1/openapi.json, docs at /api/v1/docs."""

from ninja import NinjaAPI

from reunify.api.auth import API_AUTH
from reunify.api.errors import install_error_handlers
from reunify.api.inputs import OneValueEach
from reunify.elections.api import router as elections_router
from reunify.families.api import router as families_router
from reunify.removals.api import router as removals_router
from reunify.tracing.api import router as tracing_router

api = NinjaAPI(
    title="Reunify API",
    version="1",
    description="Records of families across custodians. Every answer is scoped to the caller.",
    auth=API_AUTH,
    urls_namespace="api",
    parser=OneValueEach(),
)
install_error_handlers(api)
api.add_router("/", families_router)
api.add_router("/", elections_router)
api.add_router("/", removals_router)
api.add_router("/", tracing_router)
