"""The search API and autocomplete answer a client that asks too often with a clear 429."""

import pytest

SEARCH = "/api/v1/search/"
AUTOCOMPLETE = "/api/v1/autocomplete/"


@pytest.fixture
def tight_limits(settings):
    settings.RATE_LIMITS = {SEARCH: "3/m", AUTOCOMPLETE: "2/m"}
    settings.CLIENT_IP_HEADER = ""
    return settings


def ask(client, path, address="203.0.113.7", **headers):
    return client.get(path, {"q": "prison"}, REMOTE_ADDR=address, **headers)


@pytest.mark.django_db
def test_search_api_refuses_the_request_over_the_limit_with_retry_after(client, tight_limits):
    answers = [ask(client, SEARCH).status_code for _ in range(3)]
    assert 429 not in answers
    refused = ask(client, SEARCH)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    body = refused.json()
    assert body["retry_after"] == int(refused["Retry-After"])
    assert "Too many requests" in body["error"]


@pytest.mark.django_db
def test_autocomplete_has_its_own_limit(client, tight_limits):
    for _ in range(2):
        assert ask(client, AUTOCOMPLETE).status_code != 429
    assert ask(client, AUTOCOMPLETE).status_code == 429
    # The search API's count is separate.
    assert ask(client, SEARCH).status_code != 429


@pytest.mark.django_db
def test_the_refusal_speaks_the_requested_language(client, tight_limits):
    for _ in range(2):
        client.get(AUTOCOMPLETE, {"q": "zatvor", "lang": "sr"}, REMOTE_ADDR="203.0.113.8")
    refused = client.get(AUTOCOMPLETE, {"q": "zatvor", "lang": "sr"}, REMOTE_ADDR="203.0.113.8")
    assert refused.status_code == 429
    assert "Превише" in refused.json()["error"]


@pytest.mark.django_db
def test_each_client_is_counted_apart(client, tight_limits):
    for _ in range(3):
        ask(client, SEARCH, address="203.0.113.9")
    assert ask(client, SEARCH, address="203.0.113.9").status_code == 429
    assert ask(client, SEARCH, address="198.51.100.4").status_code != 429


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_escape_the_limit(client, tight_limits):
    answers = [
        ask(client, SEARCH, address="203.0.113.10", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(4)
    ]
    assert answers[-1] == 429


@pytest.mark.django_db
def test_behind_a_declared_proxy_the_forwarded_address_is_the_client(client, tight_limits):
    tight_limits.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = "10.0.0.1"
    for _ in range(3):
        ask(client, SEARCH, address=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.11")
    assert ask(client, SEARCH, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.11").status_code == 429
    # Another client behind the same proxy is not refused; a forged first entry changes nothing.
    assert ask(client, SEARCH, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.12").status_code != 429
    assert ask(client, SEARCH, address=proxy, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.11").status_code == 429


@pytest.mark.django_db
def test_pages_other_than_the_apis_are_not_limited(client, tight_limits):
    for _ in range(5):
        assert client.get("/en/search/", {"q": "prison"}).status_code != 429
