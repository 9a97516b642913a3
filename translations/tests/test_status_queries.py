"""Recording translation status costs a fixed number of queries per save, not one per translation:
editors save snippets one by one, imports and the demo loader save hundreds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from languages.codes import LANGUAGE_CODES
from languages.fields import set_translated
from practices.models import GlossaryTerm
from translations.models import TranslationRecord

pytestmark = pytest.mark.django_db


def test_a_new_term_in_every_language_records_its_translations_in_a_few_queries():
    term = GlossaryTerm(slug="query-count-term")
    for name in ("term", "definition", "note"):
        set_translated(term, name, {code: f"{name} in {code}" for code in LANGUAGE_CODES})

    with CaptureQueriesContext(connection) as queries:
        term.save()

    translations = 3 * (len(LANGUAGE_CODES) - 1)
    assert TranslationRecord.objects.filter(object_id=str(term.pk)).count() == translations
    # Read the term's records, write them, read them again for the stored status.
    records = [q["sql"] for q in queries.captured_queries if "translations_translationrecord" in q["sql"]]
    assert len(records) <= 3, "\n".join(sql[:120] for sql in records)
