from django.urls import path

from reunify.audit import views

app_name = "audit"

urlpatterns = [path("", views.log, name="log")]
