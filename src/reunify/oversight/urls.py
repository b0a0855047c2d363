from django.urls import path

from reunify.oversight import views

app_name = "oversight"

urlpatterns = [path("removals/", views.removals, name="removals")]
