from django.urls import path

from reunify.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.batches, name="batches"),
    path("<uuid:batch_id>/", views.batch, name="batch"),
]
