"""Calling the search API as a client would, for the search tests."""


def api(client, path="/api/v1/search/", **params):
    """The JSON answer of `path`; anything but HTTP 200 fails the test."""
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def slugs(data):
    return [item["slug"] for item in data["results"]]
