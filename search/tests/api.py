"""Calling the search API as a client would, and what the node did, for the search tests."""


def api(client, path="/api/v1/search/", **params):
    """The JSON answer of `path`; anything but HTTP 200 fails the test."""
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def slugs(data):
    return [item["slug"] for item in data["results"]]


def counts_cached(es_client):
    """How many searches the node has answered from its request cache (search.listing.ListingSearch.counting)."""
    from search.documents import PageDocument

    stats = es_client.indices.stats(index=PageDocument.alias(), metric="request_cache")
    return stats["_all"]["total"]["request_cache"]["hit_count"]
