"""Bulk entries in the admin's search index (Wagtail's PostgreSQL database backend) for pages the
bench created in bulk, the same rows its `add_items` would write.

Wagtail's `add_items` is one INSERT already, but builds it slowly in Python: every text becomes a
Django `SearchVector` expression that is resolved, copied and compiled, and every field's value is
read five times (title, body, autocomplete and two plain texts). With a practice's 73 texts in
eight languages that was about 0.1-0.24 s a practice, over an hour for the 20 000 step of
`bench/scale_bench.py`. Here each value is read once and the SQL is written as text: the same
`setweight(to_tsvector(...))` terms joined with `||` in the same balanced order, so PostgreSQL
stores identical vectors (bench/tests/test_admin_index.py compares them with `add_items`' rows).
"""

from django.db import connections, router
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import balanced_reduce, get_content_type_pk
from wagtail.search.backends import get_search_backend

ROWS_PER_INSERT = 200
EMPTY_VECTOR = ("to_tsvector(COALESCE(%s, %s))", ["", ""])  # modelsearch's EMPTY_VECTOR, compiled


def add_items(model, objs):
    """Index `objs` (instances of `model`) in the default Wagtail search backend."""
    backend = get_search_backend()
    search_fields = model.get_search_fields()
    objs = list(objs)
    if not search_fields or not objs:
        return
    connection = connections[router.db_for_write(IndexEntry)]
    content_type = get_content_type_pk(model)
    indexer = ObjectIndexer(objs[0], backend)  # only its value preparation is used, for every object
    for start in range(0, len(objs), ROWS_PER_INSERT):
        batch = objs[start : start + ROWS_PER_INSERT]
        insert(connection, [row(indexer, backend, content_type, obj, search_fields) for obj in batch])
    backend.get_index_for_model(model)._refresh_title_norms()


def row(indexer, backend, content_type, obj, search_fields):
    """(SQL of the VALUES tuple, its parameters) of one object's index entry."""
    title, body, autocomplete = [], [], []
    for field in search_fields:
        for current, weight, value in indexer.prepare_field(obj, field):
            if isinstance(current, AutocompleteField):
                autocomplete.append((value, weight))
            elif isinstance(current, SearchField):
                (title if current.field_name == "title" else body).append((value, weight))
    vectors = [
        vector(title, backend.config),
        vector(autocomplete, backend.autocomplete_config),
        vector(body, backend.config),
    ]
    sql = "(%s, %s, {}, {}, {}, 1.0, %s, %s)".format(*(vector_sql for vector_sql, _params in vectors))
    params = [content_type, str(obj.pk)]
    for _sql, vector_params in vectors:
        params += vector_params
    params += [plain(title), plain(body)]
    return sql, params


def vector(texts, config):
    """ObjectIndexer.as_vector's SearchVector, as SQL and parameters."""
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return EMPTY_VECTOR
    if config:
        term = "setweight(to_tsvector(%s::regconfig, COALESCE(%s, %s)), %s)"
        terms = [(term, [config, text, "", weight]) for text, weight in texts]
    else:
        term = "setweight(to_tsvector(COALESCE(%s, %s)), %s)"
        terms = [(term, [text, "", weight]) for text, weight in texts]
    return balanced_reduce(lambda left, right: (f"({left[0]} || {right[0]})", left[1] + right[1]), terms)


def plain(texts):
    """ObjectIndexer.title_text / body_text: the non-empty stripped values, joined by spaces."""
    return " ".join(text.strip() for text, _weight in texts if text.strip())


def insert(connection, rows):
    values = ", ".join(sql for sql, _params in rows)
    params = [param for _sql, row_params in rows for param in row_params]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            (VALUES {values})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,
            params,
        )
