from django.urls import include, path

from reunify.api.router import api

urlpatterns = [
    path("", include("reunify.web.urls")),
    path("accounts/", include("reunify.accounts.urls")),
    path("families/", include("reunify.families.urls")),
    path("decisions/", include("reunify.elections.urls")),
    path("removals/", include("reunify.removals.urls")),
    path("imports/", include("reunify.imports.urls")),
    path("linkage/", include("reunify.linkage.urls")),
    path("audit/", include("reunify.audit.urls")),
    path("oversight/", include("reunify.oversight.urls")),
    path("tracing/", include("reunify.tracing.urls")),
    path("api/v1/", api.urls),
]
