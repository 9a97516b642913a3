"""A visitor answers "Was this helpful?" under a page, without an account and without JavaScript."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from feedback.models import Feedback
from feedback.tests.conftest import feedback_fields

pytestmark = pytest.mark.django_db


def page_url(page, language):
    with translation.override(language):
        return page.get_url()


def answer(client, page, language="en", **fields):
    response = client.get(page_url(page, language))
    action, data = feedback_fields(response)
    return client.post(action, {**data, **fields})


def test_an_answer_and_its_comment_are_kept_and_the_page_thanks(client, practice, settings):
    settings.FEEDBACK_MIN_SECONDS = 0
    page = client.get(page_url(practice, "hr"))
    # The form sets no cookie, so the page stays publicly cacheable (caching/headers.py).
    assert "public" in page["Cache-Control"] and not page.cookies

    response = answer(client, practice, "hr", helpful="no", comment="Nedostaje primjer obrasca.")

    assert response.status_code == 302 and response["Location"].endswith("?feedback=thanks#feedback")
    with translation.override("hr"):
        assert gettext("Thank you for your answer.") in client.get(response["Location"]).content.decode()
    kept = Feedback.objects.get()
    assert (kept.page_id, kept.language, kept.helpful, kept.comment) == (
        practice.pk,
        "hr",
        False,
        "Nedostaje primjer obrasca.",
    )


def test_too_fast_honeypot_and_links_are_refused_with_a_message_and_the_comment_comes_back(client, practice, settings):
    settings.FEEDBACK_MIN_SECONDS = 60
    too_fast = answer(client, practice, helpful="yes", comment="Useful steps.")
    assert too_fast.status_code == 400
    assert "faster than anyone can read the page" in too_fast.content.decode()
    assert "Useful steps." in too_fast.content.decode()

    settings.FEEDBACK_MIN_SECONDS = 0
    bot = answer(client, practice, helpful="yes", website="http://spam.example")
    assert bot.status_code == 400 and "as if a program filled it in" in bot.content.decode()

    link = answer(client, practice, helpful="yes", comment="Cheap pills at www.spam.example")
    assert link.status_code == 400 and "leave links out" in link.content.decode()
    assert not Feedback.objects.exists()


def test_the_rate_limit_stops_a_flood_of_answers(client, practice, settings):
    settings.FEEDBACK_MIN_SECONDS = 0
    settings.RATE_LIMIT_FEEDBACK = "2/h"
    assert [answer(client, practice, helpful="no").status_code for _ in range(3)] == [302, 302, 429]
    with translation.override("sq"):
        refused = answer(client, practice, "sq", helpful="no")
        message = gettext("You have sent many answers in a short time. Please try again later.")
        assert refused.status_code == 429 and message in refused.content.decode()
    assert Feedback.objects.count() == 2


ASKING = [
    "practices.practicepage",
    "practices.guidepage",
    "practices.screeningtoolpage",
    "news.newspage",
    "news.eventpage",
]


def test_practices_guides_the_tool_and_news_ask_other_pages_do_not(client):
    # Through the app registry: the feature apps' tests import no other feature app (the layers).
    from django.apps import apps

    for label in ASKING:
        page = apps.get_model(label).objects.live().public().first()
        assert b'id="feedback"' in client.get(page_url(page, "en")).content, label
    assert b'id="feedback"' not in client.get("/en/").content


@pytest.mark.parametrize("language", ["sq", "bs", "hr", "cnr", "sr", "sr-latn", "mk"])
def test_the_form_speaks_every_language(client, practice, language):
    content = client.get(page_url(practice, language)).content.decode()
    with translation.override(language):
        for text in ("Was this page helpful?", "Yes", "No", "Comment (optional)"):
            assert gettext(text) != text and gettext(text) in content, text
