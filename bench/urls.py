"""The portal's URLs plus the built-in backend's search view, for the bench only."""

from django.urls import path

from bench.views import builtin_search
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [path("bench/builtin-search/", builtin_search), *portal_urlpatterns]
