from django.urls import path

from reunify.elections import views

app_name = "elections"

urlpatterns = [
    path("parents/<uuid:person_id>/", views.parent, name="parent"),
    path("parents/<uuid:person_id>/notices/new/", views.notice_new, name="notice-new"),
    path("parents/<uuid:person_id>/elections/new/", views.election_new, name="election-new"),
    path("notices/find/", views.notice_find, name="notice-find"),
    path("notices/code/<str:code>/", views.notice_by_code, name="notice-by-code"),
    path("notices/<uuid:notice_id>/notice.pdf", views.notice_pdf, name="notice-pdf"),
    path("notices/<uuid:notice_id>/delivery/", views.notice_delivery, name="notice-delivery"),
    path(
        "elections/<uuid:election_id>/withdrawal/",
        views.election_withdrawal,
        name="election-withdrawal",
    ),
    path(
        "elections/<uuid:election_id>/acknowledgment/",
        views.election_acknowledgment,
        name="election-acknowledgment",
    ),
]
