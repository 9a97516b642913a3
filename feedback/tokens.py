"""The form's signed timestamp: when the form was rendered, for which page.

Bots post at once, or replay a form they fetched long ago; a person reads first. The token is
signed with SECRET_KEY, so it cannot be forged or moved to another page, and needs no cookie
or session (the page stays publicly cacheable: caching/headers.py)."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "feedback.form"


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str = ""  # "invalid", "too_fast", "expired"


def make_token(page_id, now=None):
    now = time.time() if now is None else now
    return signing.dumps({"p": page_id, "t": int(now)}, salt=SALT, compress=True)


def check_token(token, page_id, now=None):
    now = time.time() if now is None else now
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return Verdict(False, "invalid")
    if data.get("p") != page_id:
        return Verdict(False, "invalid")
    age = now - data.get("t", 0)
    if age < settings.FEEDBACK_MIN_SECONDS:
        return Verdict(False, "too_fast")
    if age > settings.FEEDBACK_MAX_FORM_AGE:
        return Verdict(False, "expired")
    return Verdict(True)
