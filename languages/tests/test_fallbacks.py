"""Fallback chains, Serbian served in the other script, and URLs that never break."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from languages import i18n
from languages.codes import LANGUAGE_CODES
from languages.fallbacks import FALLBACK_CHAINS, Reading, choose, fallback_chain
from languages.transliteration import cyrillic_to_latin, is_cyrillic, latin_to_cyrillic
from practices.models import GuidePage, PracticePage, ScreeningToolPage


def name(code):
    return translation.get_language_info(code)["name_local"]


def h1(html):
    return unescape(re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip())


def notice(html, kind="fallback"):
    """The text of the fallback (language missing) or transliteration notice, else ""."""
    match = re.search(rf'<p class="{kind}-notice" role="note">(.*?)</p>', html, re.S)
    return unescape(match.group(1)) if match else ""


def transliteration_notice(html):
    return notice(html, "transliteration")


def url_of(page, language):
    with translation.override(language):
        return page.get_url()


def get_practice(record_slug):
    return PracticePage.objects.get(record_slug=record_slug)


# The table ---------------------------------------------------------------------------


def test_every_language_has_a_chain_ending_in_english():
    assert set(FALLBACK_CHAINS) == set(LANGUAGE_CODES)
    for language in LANGUAGE_CODES:
        chain = fallback_chain(language)
        assert chain[0] == language and chain[-1] == "en", chain


@pytest.mark.parametrize(
    "language, written, original, expected",
    [
        ("cnr", {"en", "bs", "hr"}, "hr", Reading("bs", "bs")),  # cnr -> sr-latn -> bs
        ("cnr", {"en", "sr"}, "sr", Reading("sr-latn", "sr")),  # sr-latn met by transliteration
        ("bs", {"en", "hr", "sr-latn"}, "en", Reading("hr", "hr")),
        ("hr", {"en", "bs"}, "en", Reading("bs", "bs")),
        ("hr", {"en", "sr"}, "sr", Reading("sr-latn", "sr")),
        ("sr", {"en", "sr-latn"}, "sr-latn", Reading("sr", "sr-latn")),  # script before English
        ("sr-latn", {"sr"}, "sr", Reading("sr-latn", "sr")),
        ("mk", {"sr"}, "sr", Reading("sr", "sr")),  # the original language, last
        ("mk", {"en", "sr"}, "sr", Reading("en", "en")),
        ("sq", {"mk"}, "mk", Reading("mk", "mk")),
        ("en", {"sq"}, "sq", Reading("sq", "sq")),
        ("sq", set(), None, Reading("en", "en")),
    ],
)
def test_choose_follows_the_chain_then_the_original(language, written, original, expected):
    assert choose(language, written, original) == expected


def test_modeltranslation_uses_the_same_chains():
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    assert fallbacks["default"] == ("en",)
    assert fallbacks["cnr"] == ("sr-latn", "bs", "hr", "en")
    assert fallbacks["bs"] == FALLBACK_CHAINS["bs"]


@pytest.mark.django_db
def test_plain_fields_follow_the_chain_but_slugs_fall_back_to_english():
    practice = get_practice("ba-probation-training-croatian-exchange")  # en, bs, hr
    with translation.override("cnr"):
        assert practice.title == practice.title_bs
        assert practice.slug == practice.slug_en
        assert practice.get_url().endswith(f"/{practice.slug_en}/")


# Serbian in the other script -----------------------------------------------------------


@pytest.mark.django_db
def test_latin_visitor_reads_a_cyrillic_only_practice_transliterated(client):
    practice = get_practice("rs-postpenal-employment-novi-pazar")  # only sr
    assert not practice.title_sr_latn and not practice.title_en
    html = client.get(url_of(practice, "sr-latn")).content.decode()
    latin_title = cyrillic_to_latin(practice.title_sr)
    assert h1(html) == latin_title
    assert f"<title>{latin_title} ·" in unescape(html)
    assert cyrillic_to_latin(practice.summary_sr) in unescape(html)
    assert '<article lang="sr-Latn">' in html
    assert name("sr") in transliteration_notice(html) and name("sr-latn") in transliteration_notice(html)
    assert not notice(html)  # the language is there, only in the other script
    article = re.search(r"<article.*</article>", html, re.S).group()
    article = article.replace(f"<dd>{name('sr')}</dd>", "")  # "Original language: српски" is a name
    assert not is_cyrillic(re.sub(r"<[^>]+>", "", article))


@pytest.mark.django_db
def test_cyrillic_visitor_reads_a_latin_only_practice_with_its_rich_text_transliterated(client):
    practice = get_practice("rs-mentoring-zabela")
    PracticePage.objects.filter(pk=practice.pk).update(title_sr="", summary_sr="", approach_sr="")
    html = client.get(url_of(practice, "sr")).content.decode()
    assert h1(html) == latin_to_cyrillic(practice.title_sr_latn)
    approach = latin_to_cyrillic(practice.approach_sr_latn)
    assert "<p>" in approach and approach.split("</p>")[0] in html  # markup intact
    assert name("sr-latn") in transliteration_notice(html) and not notice(html)


@pytest.mark.django_db
def test_montenegrin_visitor_of_a_cyrillic_only_practice_reads_latin_with_both_notices(client):
    practice = get_practice("rs-postpenal-employment-novi-pazar")
    html = client.get(url_of(practice, "cnr")).content.decode()
    assert h1(html) == cyrillic_to_latin(practice.title_sr)
    assert name("cnr") in notice(html) and name("sr-latn") in notice(html)
    assert name("sr") in transliteration_notice(html)


@pytest.mark.django_db
def test_montenegrin_visitor_reads_bosnian_before_english(client):
    practice = get_practice("ba-probation-training-croatian-exchange")
    html = client.get(url_of(practice, "cnr")).content.decode()
    assert h1(html) == practice.title_bs
    assert '<article lang="bs">' in html and name("bs") in notice(html) and not transliteration_notice(html)


@pytest.mark.django_db
def test_guide_steps_are_transliterated_in_the_stream_field(client):
    guide = GuidePage.objects.live().get()
    GuidePage.objects.filter(pk=guide.pk).update(title_sr_latn="", introduction_sr_latn="", steps_sr_latn=[])
    html = client.get(url_of(guide, "sr-latn")).content.decode()
    assert transliteration_notice(html)
    html = unescape(html)
    first_step = guide.steps_sr[0].value
    assert f"<h3>{cyrillic_to_latin(first_step['title'])}</h3>" in html
    assert cyrillic_to_latin(first_step["body"].source)[:60] in html


@pytest.mark.django_db
def test_search_results_come_in_the_visitors_script(client, search_index):
    practice = get_practice("rs-postpenal-employment-novi-pazar")
    word = max(practice.title_sr.split(), key=len)
    data = client.get("/api/v1/search/", {"q": word, "lang": "sr-latn"}).json()
    hit = next(item for item in data["results"] if item["slug"] == practice.record_slug)
    assert hit["title"] == cyrillic_to_latin(practice.title_sr)
    assert hit["language"] == "sr-latn" and hit["url"] == url_of(practice, "sr-latn")
    assert not is_cyrillic(hit["snippet"])


# The script toggle -----------------------------------------------------------------------


@pytest.mark.django_db
def test_serbian_pages_offer_a_script_toggle_to_the_same_page(client):
    practice = get_practice("rs-mentoring-zabela")
    html = client.get(url_of(practice, "sr")).content.decode()
    toggle = re.search(r'<nav class="script-toggle".*?</nav>', html, re.S).group()
    assert f'href="{url_of(practice, "sr-latn")}"' in toggle and "Latinica" in toggle
    assert re.search(rf'href="{re.escape(url_of(practice, "sr"))}"[^>]*aria-current="true"[^>]*>Ћирилица', toggle)
    latin = client.get(url_of(practice, "sr-latn")).content.decode()
    assert re.search(r'aria-current="true"[^>]*>Latinica', latin)


@pytest.mark.django_db
def test_other_languages_have_no_script_toggle(client):
    for language in ("en", "mk", "hr"):
        assert "script-toggle" not in client.get(f"/{language}/").content.decode()


# Every generated URL resolves -------------------------------------------------------------


def demo_pages():
    """Every page type of the demo, incl. original-language-only, Cyrillic and restricted ones."""
    pages = [page.specific for page in Page.objects.live().filter(depth__gt=1)]
    form = ScreeningToolPage.objects.live().get().reverse_subpage("observation_form")
    return pages, form


def switcher_links(html):
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S).group()
    return re.findall(r'href="([^"]+)"', nav)


@pytest.mark.django_db
def test_every_page_in_every_language_and_every_switcher_link_resolves(client):
    pages, form = demo_pages()
    kinds = {type(page).__name__ for page in pages}
    assert {
        "HomePage",
        "PracticeIndexPage",
        "PracticePage",
        "GuideIndexPage",
        "GuidePage",
        "ScreeningToolPage",
    } <= kinds
    restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    assert restricted, "the demo has restricted practices"
    seen, checked = {}, 0
    for page in pages:
        # Every language of the page first, then their switchers: a switcher links the page's
        # other languages, which are then already fetched (one request per page and language).
        responses = {}
        for language in LANGUAGE_CODES:
            url = url_of(page, language)
            assert url.startswith(f"/{language}/"), url
            urls = [url] + ([url + form] if isinstance(page, ScreeningToolPage) else [])
            for target in urls:
                response = client.get(target)
                seen[target] = response.status_code
                if page.pk in restricted:
                    assert response.status_code == 302 and "/login/" in response["Location"], target
                    continue
                assert response.status_code == 200, target
                responses[target] = (language, response.content.decode())
        for target, (language, html) in responses.items():
            reading = i18n.reading(page, language)
            if reading.language != language:
                assert name(language) in notice(html) and name(reading.language) in notice(html), target
            else:
                assert not notice(html), target
            for link in switcher_links(html):
                if link not in seen:
                    seen[link] = client.get(link).status_code
                assert seen[link] == 200, (target, link)
            checked += 1
    assert checked > 100


@pytest.mark.django_db
def test_restricted_pages_resolve_in_every_language_for_verified_professionals(client):
    client.force_login(User.objects.create_superuser("chief", "chief@example.org", "x"))
    for page_id in PageViewRestriction.objects.values_list("page_id", flat=True):
        page = Page.objects.get(pk=page_id).specific
        for language in LANGUAGE_CODES:
            response = client.get(url_of(page, language))
            assert response.status_code == 200, (page, language)
            if page.reading(language).language != language:
                assert name(language) in notice(response.content.decode())


# An editor accepts the transliteration ------------------------------------------------------


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("urednik", "urednik@example.org", "x")
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_editor_fills_the_latin_fields_from_cyrillic_as_a_draft(client, editor):
    practice = get_practice("rs-postpenal-employment-novi-pazar")
    revisions = practice.revisions.count()
    edit = client.get(f"/admin/pages/{practice.pk}/edit/").content.decode()
    url = f"/admin/transliterate/{practice.pk}/sr-latn/"
    assert f'href="{url}"' in edit
    confirm = client.get(url).content.decode()
    assert "summary" in confirm and "<form" in confirm
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{practice.pk}/edit/"
    assert any("draft" in str(m) for m in response.context["messages"])
    practice.refresh_from_db()
    assert practice.revisions.count() == revisions + 1 and practice.has_unpublished_changes
    assert not practice.title_sr_latn  # the live page is unchanged until someone publishes
    draft = practice.get_latest_revision_as_object()
    assert draft.title_sr_latn == cyrillic_to_latin(practice.title_sr)
    assert draft.summary_sr_latn == cyrillic_to_latin(practice.summary_sr)
    assert draft.approach_sr_latn == cyrillic_to_latin(practice.approach_sr) and "<p>" in draft.approach_sr_latn
    assert draft.title_sr == practice.title_sr  # the source is untouched


@pytest.mark.django_db
def test_editor_fills_guide_steps_into_cyrillic(client, editor):
    guide = GuidePage.objects.live().get()
    GuidePage.objects.filter(pk=guide.pk).update(title_sr="", introduction_sr="", steps_sr=[])
    client.post(f"/admin/transliterate/{guide.pk}/sr/")
    draft = GuidePage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert draft.title_sr == latin_to_cyrillic(guide.title_sr_latn)
    assert draft.steps_sr[0].value["title"] == latin_to_cyrillic(guide.steps_sr_latn[0].value["title"])


@pytest.mark.django_db
def test_only_users_who_may_edit_the_page_can_fill_it(client):
    from django.contrib.auth.models import Permission

    user = User.objects.create_user("reader", "reader@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    practice = get_practice("rs-postpenal-employment-novi-pazar")
    revisions = practice.revisions.count()
    for response in (
        client.get(f"/admin/transliterate/{practice.pk}/sr-latn/"),
        client.post(f"/admin/transliterate/{practice.pk}/sr-latn/"),
    ):
        assert response.status_code in (302, 403)
    assert practice.revisions.count() == revisions
    assert client.post(f"/admin/transliterate/{practice.pk}/en/").status_code in (302, 403, 404)


@pytest.mark.django_db
def test_unknown_script_is_not_found(client, editor):
    practice = get_practice("rs-postpenal-employment-novi-pazar")
    # (LocaleMiddleware first tries the path under /en/, which is not found either)
    assert client.post(f"/admin/transliterate/{practice.pk}/mk/", follow=True).status_code == 404
    assert client.post("/admin/transliterate/999999/sr/", follow=True).status_code == 404
