from django.urls import path

from reunify.linkage import views

app_name = "linkage"

urlpatterns = [
    path("review/", views.queue, name="queue"),
    path("review/<uuid:item_id>/", views.pair, name="pair"),
    path("review/families/", views.family_queue, name="family-queue"),
    path("review/families/<uuid:link_id>/", views.family_link_page, name="family-link"),
]
