"""What a document holds, read for a whole batch of pages, equals what each page says itself."""

import pytest
from django.utils import translation

import searchable
from languages.codes import LANGUAGE_CODES
from search import batch
from search.content import plain
from search.indexing import searchable_pages

pytestmark = pytest.mark.django_db


def test_batch_urls_equal_each_pages_own_url_in_every_language():
    pages = list(searchable_pages().specific())
    assert len(pages) > 10
    urls = batch.page_urls(pages)
    for language in LANGUAGE_CODES:
        with translation.override(language):
            for page in pages:
                assert urls[page.pk][language] == page.get_url(), (page.pk, language)


def test_a_non_ascii_slug_is_quoted_as_wagtail_quotes_it():
    page = next(p for p in searchable_pages().specific() if p._meta.model_name == "practicepage")
    page.slug_sr = "ресоцијализација-и-рад"
    page.save()
    with translation.override("sr"):
        expected = page.get_url()
    assert "%D1%80" in expected
    assert batch.page_urls([page])[page.pk]["sr"] == expected


def test_batch_facet_values_equal_each_pages_relations():
    pages = list(searchable_pages().specific())
    values = batch.relation_values(pages)
    for page in pages:
        for facet in searchable.type_for(type(page)).facets:
            related = getattr(page, facet.relation)
            if facet.is_many(type(page)):
                expected = sorted(getattr(term, facet.key) for term in related.all())
                assert values[page.pk].get(facet.index_field, []) == expected, (page.pk, facet.param)
            else:
                assert values[page.pk][facet.index_field] == (getattr(related, facet.key) if related else None)


def test_rich_text_becomes_words_never_glued_together():
    assert plain("<p>Release planning.</p><p>Mentors&#x27; role</p>") == "Release planning. Mentors' role"
    assert plain("plain text stays") == "plain text stays"
