from django.urls import path

from reunify.linkage import views

app_name = "linkage"

urlpatterns = [
    path("review/", views.queue, name="queue"),
    path("review/<uuid:item_id>/", views.pair, name="pair"),
]
