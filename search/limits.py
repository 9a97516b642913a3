"""The limits of a search request and of what results show, named once.

The templates read MAX_QUERY_LENGTH too (the search box's maxlength), through
`search.context_processors.search_limits`.
"""

MAX_QUERY_LENGTH = 256  # characters of a query; longer ones are refused (400)
SNIPPET_LENGTH = 240  # characters of a summary shown when no words are highlighted in it
MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
LISTING_PAGE_SIZE = 20  # pages of a listing (the practice index...) shown at a time
