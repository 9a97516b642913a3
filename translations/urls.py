from django.urls import path

from translations import views

app_name = "translations"
urlpatterns = [
    path("", views.report, name="report"),
    path("export/", views.export, name="export"),
    path("import/", views.import_view, name="import"),
]
