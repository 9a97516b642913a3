from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from curation import views as curation_views
from home.admin_search import AdminPageSearchView
from results import views as results_views
from search import views as search_views

urlpatterns = [
    # Wagtail's page search counted once (home/admin_search.py): matched before Wagtail's own
    # URLs, at the same paths, so every link to `wagtailadmin_pages:search` comes here.
    path("admin/pages/search/", AdminPageSearchView.as_view()),
    path("admin/pages/search/results/", AdminPageSearchView.as_view(results_only=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap),
    path("api/v1/", include("search.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/open/", curation_views.open_result, name="search_open"),
    path("opensearch.xml", search_views.opensearch, name="opensearch"),
    path("accounts/", include("accounts.urls")),
    path("", include("exchange.urls")),
    path("", include("feedback.urls")),
    # A dot is not in a Wagtail page path: the results page's CSV files are served beside it.
    path("results/<slug:chart>.csv", results_views.chart_csv, name="results_chart_csv"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
