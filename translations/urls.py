from django.urls import path

from translations import views

app_name = "translations"
urlpatterns = [
    path("", views.report, name="report"),
    path("export/", views.export, name="export"),
    path("import/", views.import_view, name="import"),
    path("snippets/", views.snippets, name="snippets"),
    path("snippets/export/", views.snippets_export, name="snippets_export"),
]
