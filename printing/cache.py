"""PDFs kept per page revision, language and audience, in the `printing` cache (files under var/).

A key names the live revision (and when it was published), so publishing a page gives its PDFs
new keys: nothing has to be deleted, and the old entries age out. What a PDF shows beyond the
page's own revision is covered by two more parts of the key:
- `generation`: a stamp renewed whenever a snippet or document a PDF prints is saved or deleted
  (indicators, referral pathways, Beneficiaries...: they have no revisions), see signals.py;
- `layout`: a digest of the templates, stylesheets and compiled catalogues that shape a PDF, so
  a deployment that changes them never serves PDFs laid out by the previous one.
"""

import hashlib
import time
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "printing"
GENERATION_KEY = "printing:generation"


def store():
    return caches[CACHE_ALIAS]


def generation():
    """The current stamp; a new one when none is stored (first use, evicted, cache cleared), so
    a lost stamp can never bring back the keys of older PDFs."""
    stamp = store().get(GENERATION_KEY)
    if stamp is None:
        stamp = renew_generation()
    return stamp


def renew_generation():
    stamp = str(time.time_ns())
    store().set(GENERATION_KEY, stamp, timeout=None)
    return stamp


@lru_cache(maxsize=1)
def layout():
    """Digest of what lays out a PDF in this deployment (read once per process)."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha1()
    patterns = ("printing/templates/**/*.html", "printing/static/printing/*.css", "*/templates/**/*.html")
    files = sorted({path for pattern in patterns for path in base.glob(pattern) if ".venv" not in path.parts})
    files += sorted(base.glob("locale/*/LC_MESSAGES/django.mo"))
    for path in files:
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def key(page, kind, language, audience):
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    parts = ("pdf", kind, page.pk, page.live_revision_id, f"{published:.0f}", language, audience)
    return ":".join(str(part) for part in (*parts, generation(), layout()))


def get(cache_key):
    return store().get(cache_key)


def put(cache_key, pdf):
    store().set(cache_key, pdf)
