from django.urls import path

from reunify.families import views

app_name = "families"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("new/", views.family_unit_new, name="family-unit-new"),
    path("people/<uuid:person_id>/", views.person, name="person"),
    path("people/<uuid:person_id>/history/", views.person_history, name="person-history"),
    path("<uuid:family_unit_id>/", views.family_unit, name="family-unit"),
    path("<uuid:family_unit_id>/members/new/", views.member_add, name="member-add"),
    path("<uuid:family_unit_id>/custody/new/", views.custody_move_new, name="custody-move"),
    path("<uuid:family_unit_id>/separations/new/", views.separation_new, name="separation-new"),
    path("<uuid:family_unit_id>/reunions/new/", views.reunion_new, name="reunion-new"),
]
