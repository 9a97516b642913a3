from django.urls import path

from search.views import autocomplete_api, search_api

urlpatterns = [
    path("search/", search_api, name="search_api"),
    path("autocomplete/", autocomplete_api, name="autocomplete_api"),
]
