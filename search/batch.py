"""What the documents of a batch of pages read at once: facet values and URLs.

A rebuild prepares documents for thousands of pages; one query per relation and a few URL
reversals per batch keep that cheap (docs/performance.md), where per-page lookups cost
more than the indexing itself.
"""

from urllib.parse import quote

from django.utils import translation
from wagtail.models import Site

import searchable
from languages.codes import LANGUAGE_CODES

# What Django's reverse() leaves unquoted in a path (django.urls.resolvers).
PATH_SAFE = "!$&'()*+,;=/~:@"


def relation_values(pages):
    """{page pk: {"beneficiaries": [...], "setting": ..., ...}}: each declared facet's values."""
    values = {page.pk: {} for page in pages}
    for model, group in by_model(pages).items():
        for facet in searchable.type_for(model).facets:
            read = many_values if facet.is_many(model) else one_values
            for pk, value in read(model, group, facet).items():
                values[pk][facet.index_field] = value
    return values


def many_values(model, pages, facet):
    """A many-to-many facet's values of `pages`: one query through the relation's table."""
    field = model._meta.get_field(facet.relation)
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = field.remote_field.through.objects.filter(**{f"{source}__in": [page.pk for page in pages]})
    found = {}
    for pk, value in sorted(rows.values_list(source, f"{target}__{facet.key}")):
        found.setdefault(pk, []).append(value)
    return found


def one_values(model, pages, facet):
    """A foreign-key facet's value of each of `pages`: one query for the terms chosen."""
    column = model._meta.get_field(facet.relation).attname
    chosen = {getattr(page, column) for page in pages} - {None}
    terms = dict(facet.term_model(model).objects.filter(pk__in=chosen).values_list("pk", facet.key))
    return {page.pk: terms.get(getattr(page, column)) for page in pages}


def by_model(pages):
    groups = {}
    for page in pages:
        groups.setdefault(type(page), []).append(page)
    return groups


def page_urls(pages, roots=None):
    """{page pk: {language: URL}}, equal to `page.get_url()` in each language (tested).

    Wagtail's get_url() finds the page's site and reverses the serve view for every call; a
    page's URL is its site root's URL plus the rest of its (translated) url_path, so the
    roots are looked up once per language (`roots`: `site_roots_by_language()`, which a
    rebuild reads once for all its batches)."""
    roots = roots or site_roots_by_language()
    urls = {page.pk: {} for page in pages}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            for page in pages:
                urls[page.pk][language] = url_in(page, roots[language])
    return urls


def site_roots_by_language():
    roots = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            roots[language] = site_roots()
    return roots


def site_roots():
    """[(root url_path, root URL)] in the active language, longest path first."""
    roots = []
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        url = root.get_url()
        if url is not None:
            roots.append((root.url_path, url))
    return sorted(roots, key=lambda root: len(root[0]), reverse=True)


def url_in(page, roots):
    path = page.url_path
    for root_path, root_url in roots:
        if path.startswith(root_path):
            return root_url + quote(path[len(root_path) :], safe=PATH_SAFE)
    return page.get_url()
