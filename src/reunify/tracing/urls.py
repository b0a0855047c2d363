from django.urls import path

from reunify.tracing import views

app_name = "tracing"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("removed-parents/", views.removed_parents, name="removed-parents"),
    path("open/", views.open_cases, name="open-cases"),
    path("children/<uuid:person_id>/new/", views.case_new, name="case-new"),
    path("cases/<uuid:case_id>/", views.case, name="case"),
    path("cases/<uuid:case_id>/contacts/", views.case_contact, name="case-contact"),
    path("cases/<uuid:case_id>/<str:step>/", views.case_step, name="case-step"),
]
