from django.urls import path

from reunify.removals import views

app_name = "removals"

urlpatterns = [
    path("supervision/", views.supervision, name="supervision"),
    path("parents/<uuid:person_id>/new/", views.plan_new, name="plan-new"),
    path("<uuid:plan_id>/", views.plan, name="plan"),
    path("<uuid:plan_id>/itinerary/", views.plan_itinerary, name="plan-itinerary"),
    path("<uuid:plan_id>/<str:step>/", views.plan_gated_step, name="plan-gated-step"),
    path("<uuid:plan_id>/reasoned/<str:step>/", views.plan_reasoned_step, name="plan-reasoned"),
    path(
        "overrides/<uuid:override_id>/decision/",
        views.override_decision,
        name="override-decision",
    ),
]
