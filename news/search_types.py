"""What search indexes of news and events: the types `news` and `event` (docs/search.md)."""

from practices.search_types import BENEFICIARY, CONTENT_PAGE, beneficiary_label
from searchable import Facet, SearchableType, register

# An event has one Beneficiary (a foreign key), indexed in the same field as the others' many,
# so `?beneficiary=BA` filters news, events and practices alike.
EVENT_BENEFICIARY = Facet(
    BENEFICIARY.param,
    "beneficiary",
    BENEFICIARY.label,
    key="code",
    field=BENEFICIARY.index_field,
    option_label=beneficiary_label,
    in_results=True,
)

register(
    SearchableType(
        "news.NewsPage", summary="lead", body=("place", "body"), facets=(BENEFICIARY,), date="date", **CONTENT_PAGE
    ),
    SearchableType(
        "news.EventPage",
        summary="lead",
        body=("place", "body"),
        facets=(EVENT_BENEFICIARY,),
        date="start_date",
        **CONTENT_PAGE,
    ),
)
