from django.contrib.auth import views as auth_views
from django.urls import path

from reunify.accounts import administration_views as admin
from reunify.accounts import password_views, second_factor_views

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
    path("password/", password_views.password_change, name="password-change"),
    path("administration/users/", admin.users, name="users"),
    path("administration/users/new/", admin.user_new, name="user-new"),
    path("administration/users/<uuid:user_id>/", admin.user_detail, name="user"),
    path("administration/users/<uuid:user_id>/role/", admin.user_role, name="user-role"),
    path(
        "administration/users/<uuid:user_id>/deactivation/",
        admin.user_deactivation,
        name="user-deactivation",
    ),
    path(
        "administration/users/<uuid:user_id>/reactivation/",
        admin.user_reactivation,
        name="user-reactivation",
    ),
    path(
        "administration/users/<uuid:user_id>/password-reset/",
        admin.user_password,
        name="user-password-reset",
    ),
    path("administration/grants/", admin.grants, name="grants"),
    path(
        "administration/grants/<uuid:grant_id>/revocation/",
        admin.grant_revocation,
        name="grant-revocation",
    ),
    path("administration/shelters/", admin.shelters, name="shelters"),
    path(
        "administration/shelters/<uuid:assignment_id>/end/",
        admin.shelter_assignment_ending,
        name="shelter-assignment-end",
    ),
]
