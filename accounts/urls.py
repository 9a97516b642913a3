"""/<lang>/accounts/...: allauth's sign-up, login, logout, password reset, e-mail and MFA pages, and the profile."""

from django.urls import include, path

from accounts import views

urlpatterns = [
    path("profile/", views.profile, name="accounts_profile"),
    path("", include("allauth.urls")),
]
