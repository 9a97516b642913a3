from django.urls import path, re_path

from exchange import views

app_name = "exchange"

urlpatterns = [
    path("exchange/share/", views.share, name="share"),
    path("exchange/mine/", views.mine, name="mine"),
    path("exchange/mine/<int:page_id>/edit/", views.share, name="edit"),
    path("exchange/alerts/", views.alerts, name="alerts"),
    path("exchange/alerts/<int:alert_id>/delete/", views.delete_alert, name="delete_alert"),
    path("exchange/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # `<practice URL>contact/`, included before Wagtail's pages; anything that is not a practice falls
    # through to Wagtail's own serving (views.contact), so a page whose slug is "contact" still works.
    re_path(r"^(?P<page_path>(?:[^/]+/)+)contact/$", views.contact, name="contact"),
]
