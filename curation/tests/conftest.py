import pytest


@pytest.fixture(autouse=True)
def fresh_curation_caches():
    """Picks and synonyms a test creates are rolled back with it: so are the per-process caches."""
    yield
    from curation import picks, synonyms

    picks.clear_cache()
    synonyms.clear_cache()
