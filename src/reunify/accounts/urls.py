from django.contrib.auth import views as auth_views
from django.urls import path

from reunify.accounts import second_factor_views

app_name = "accounts"

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="accounts/sign_in.html", redirect_authenticated_user=True
        ),
        name="sign-in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("two-factor/", second_factor_views.two_factor, name="two-factor"),
]
