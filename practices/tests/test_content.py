"""Demo content, visible fallback, restricted pages and editorial permissions."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation
from wagtail.models import PageViewRestriction

from demo.loader import DemoLoader
from languages.codes import LANGUAGE_CODES
from languages.transliteration import cyrillic_to_latin
from practices.models import (
    Beneficiary,
    GlossaryTerm,
    GuideIndexPage,
    GuidePage,
    Indicator,
    IndicatorDomain,
    PracticeIndexPage,
    PracticePage,
    ReferralPathway,
)

pytestmark = pytest.mark.django_db
LANGS = ("en", "sq", "bs", "hr", "cnr", "sr", "sr_latn", "mk")


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Beneficiary, PracticePage, GuidePage, Indicator, IndicatorDomain, ReferralPathway, GlossaryTerm)
    }


def test_demo_content_meets_the_brief():
    assert sorted(Beneficiary.objects.values_list("code", flat=True)) == ["AL", "BA", "ME", "MK", "RS", "XK"]
    practices = PracticePage.objects.live()
    assert practices.count() >= 12
    assert {code for p in practices for code in p.beneficiaries.values_list("code", flat=True)} == {
        "AL",
        "BA",
        "ME",
        "MK",
        "RS",
        "XK",
    }
    assert PageViewRestriction.objects.filter(page__in=practices).count() == 2
    assert any(p.title_sr and not p.title_en for p in practices), "a Serbian Cyrillic practice with no English"
    guide = GuidePage.objects.get()
    assert len(guide.steps_en) >= 8
    assert all(len(getattr(guide, f"steps_{code}")) == len(guide.steps_en) for code in LANGS)
    assert Indicator.objects.count() >= 12 and IndicatorDomain.objects.count() >= 4
    assert ReferralPathway.objects.count() == 6
    assert GlossaryTerm.objects.count() >= 40
    assert all(getattr(term, f"term_{code}") for term in GlossaryTerm.objects.all() for code in LANGS)


def test_loading_demo_content_twice_creates_no_duplicates():
    before = counts()
    DemoLoader().load()
    assert counts() == before


def test_kosovo_is_always_shown_with_its_asterisk():
    kosovo = Beneficiary.objects.get(code="XK")
    for code in ("en", "sq", "sr", "mk"):
        with translation.override(code):
            assert kosovo.display_name.endswith("*")


def test_practice_only_in_its_original_language_falls_back_visibly(client):
    practice = next(p for p in PracticePage.objects.live().public() if p.title_sr and not p.title_en)
    with translation.override("en"):
        url = practice.get_url()
    html = client.get(url).content.decode()
    assert practice.title_sr in html
    assert 'class="fallback-notice"' in html
    assert 'lang="sr-Cyrl"' in html


def test_anonymous_visitors_get_the_login_page_for_restricted_practices(client):
    restricted = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page")).first()
    response = client.get(restricted.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    listing = client.get(restricted.get_parent().url).content.decode()
    assert restricted.localized_value("title") not in listing


def test_the_sitemap_lists_public_practices_but_never_restricted_ones(client):
    restricted = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page"))
    assert restricted.count() == 2
    sitemap = client.get("/sitemap.xml").content.decode()
    assert PracticePage.objects.live().public().first().slug_en in sitemap
    for page in restricted:
        assert page.slug_en not in sitemap


def test_verified_professionals_see_restricted_practices_and_contacts(client):
    restricted = PracticePage.objects.filter(pk__in=PageViewRestriction.objects.values("page")).first()
    user = User.objects.create_user("verified", password="x-password-1")
    user.groups.add(Group.objects.get(name="Verified professionals"))
    client.force_login(user)
    response = client.get(restricted.url)
    assert response.status_code == 200
    html = response.content.decode()
    # The person and a link to write to them (exchange/): never the address itself.
    assert restricted.contact_name in html and f'href="{restricted.url}contact/"' in html
    assert restricted.contact_email not in html


def test_contact_person_is_hidden_from_anonymous_visitors(client):
    practice = next(p for p in PracticePage.objects.live().public() if p.contact_email)
    assert practice.contact_email not in client.get(practice.url).content.decode()


def test_translators_cannot_publish_but_reviewers_can():
    practice = PracticePage.objects.live().first()
    translator = User.objects.create_user("translator")
    translator.groups.add(Group.objects.get(name="Translators"))
    reviewer = User.objects.create_user("reviewer")
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    assert practice.permissions_for_user(translator).can_edit()
    assert not practice.permissions_for_user(translator).can_publish()
    assert practice.permissions_for_user(reviewer).can_publish()  # editors neither: test_editorial.py


def test_practices_and_guides_go_through_review():
    practice = PracticePage.objects.live().first()
    workflow = practice.get_workflow()
    assert workflow is not None and workflow.active
    assert "Reviewers" in [g.name for task in workflow.tasks.specific() for g in task.groups.all()]


def test_observation_form_lists_every_indicator_in_the_visitors_language(client):
    from practices.models import ScreeningToolPage

    page = ScreeningToolPage.objects.get()
    with translation.override("mk"):
        url = page.get_url() + "observation-form/"
    html = client.get(url).content.decode()
    for indicator in Indicator.objects.all():
        assert indicator.name_mk in html


def test_practice_listing_filters_by_beneficiary(client):
    index = PracticePage.objects.live().first().get_parent()
    html = client.get(index.url + "?beneficiary=AL").content.decode()
    albanian = [p for p in PracticePage.objects.live().public().filter(beneficiaries__code="AL")]
    others = [p for p in PracticePage.objects.live().public().exclude(beneficiaries__code="AL")]
    assert albanian and all(p.localized_value("title") in html for p in albanian)
    assert not any(p.localized_value("title") in html for p in others if p.localized_value("title"))


def test_documents_for_verified_professionals_are_refused_to_anonymous_visitors(client):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from practices.access import restricted_collection

    document = Document.objects.create(
        title="Risk assessment protocol",
        collection=restricted_collection(),
        file=ContentFile(b"protocol", name="protocol.txt"),
    )
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]
    verified = User.objects.create_user("verified-docs")
    verified.groups.add(Group.objects.get(name="Verified professionals"))
    client.force_login(verified)
    assert client.get(document.url).status_code == 200


@pytest.mark.parametrize(
    "model, parent_model",
    [("practicepage", "practiceindexpage"), ("guidepage", "guideindexpage")],
)
def test_editors_can_open_the_add_form_of_each_page_type(client, model, parent_model):
    from django.contrib.contenttypes.models import ContentType

    editor = User.objects.create_user("editor-admin", password="x-password-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    parent = ContentType.objects.get(app_label="practices", model=parent_model).get_all_objects_for_this_type().first()
    response = client.get(f"/admin/pages/add/practices/{model}/{parent.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for code in LANGS:
        assert f'name="title_{code}"' in html
    title_en = re.search(r'<input[^>]*name="title_en"[^>]*>', html).group(0)
    assert "required" not in title_en  # English is not mandatory; the original language's title is


def test_a_practice_saved_without_english_keeps_its_original_title():
    index = PracticePage.objects.live().first().get_parent()
    page = PracticePage(title_mk="Пробациска поддршка во заедницата", original_language="mk")
    index.add_child(instance=page)
    page.refresh_from_db()
    assert page.title_mk == "Пробациска поддршка во заедницата"
    assert page.slug_en  # derived, so every language's URL resolves
    with translation.override("en"):
        assert page.get_url()


def test_a_practice_without_a_title_in_its_original_language_is_refused():
    from django.core.exceptions import ValidationError

    index = PracticePage.objects.live().first().get_parent()
    with pytest.raises(ValidationError):
        index.add_child(instance=PracticePage(title_en="Only English", original_language="sq"))


def _practice_fields():
    from practices.models import Beneficiary

    return {
        "title_cnr": "Vršnjačka podrška u Zavodu za izvršenje krivičnih sankcija",
        "summary_cnr": "Osuđeni koji su završili obuku pomažu novoprimljenima da se snađu u prvim sedmicama kazne.",
        "original_language": "cnr",
        "beneficiaries": [str(Beneficiary.objects.get(code="ME").pk)],
    }


def _guide_fields():
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    step = {
        "title": "Пријем и процена потреба",
        "body": rich_text("<p>Стручни тим у року од 15 дана процењује потребе повратника и породице.</p>"),
        "responsible": "Центар за социјални рад",
        "timing": "",
        "documents": {"count": "0"},
        "checklist": {"count": "0"},
        "legal_references": {"count": "0"},
    }
    # The admin renders StreamFields with JavaScript: a browser posts each language's count.
    empty = {f"steps_{code.replace('-', '_')}-count": "0" for code in LANGUAGE_CODES if code != "sr"}
    return {
        **empty,
        "title_sr": "Водич за прихват повратника из зона сукоба",
        "original_language": "sr",
        **nested_form_data({"steps_sr": streamfield([("step", step)])}),
    }


@pytest.mark.parametrize(
    "model, parent_model, fields, original, title",
    [
        ("practicepage", PracticeIndexPage, _practice_fields, "cnr", "Vršnjačka podrška u Zavodu"),
        ("guidepage", GuideIndexPage, _guide_fields, "sr", "Водич за прихват повратника"),
    ],
)
def test_editors_page_goes_through_review_to_visitors_in_every_language(
    client, model, parent_model, fields, original, title
):
    """An editor writes a page in its original language in the admin and submits it; a reviewer
    approves; visitors read it in that language, and in every other with the fallback notice."""
    from wagtail.models import Page
    from wagtail.test.utils.form_data import querydict_from_html

    index = parent_model.objects.get()
    editor = User.objects.create_user("editor-flow", password="x-password-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = User.objects.create_user("reviewer-flow", password="x-password-1")
    reviewer.groups.add(Group.objects.get(name="Reviewers"))

    client.force_login(editor)
    add_url = f"/admin/pages/add/practices/{model}/{index.pk}/"
    data = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    for name, value in {**fields(), "action-submit": "Submit for review"}.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = Page.objects.get(**{f"title_{original}__startswith": title}).specific
    assert not page.live  # waiting for review, invisible to the public
    with translation.override(original):
        draft_url = page.get_url()
    client.logout()
    assert client.get(draft_url).status_code == 404

    task_state = page.current_workflow_task_state
    assert task_state is not None and task_state.task.name == "Reviewers' approval"
    client.force_login(reviewer)
    response = client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live

    client.logout()
    for language in LANGUAGE_CODES:
        with translation.override(language):
            url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, (language, url)
        html = response.content.decode()
        # Serbian readers of the other script, and Bosnian/Croatian/Montenegrin readers whose
        # chain reaches Serbian Latin, read the Cyrillic guide transliterated.
        assert title in html or cyrillic_to_latin(title) in html, language
        notices = 'class="fallback-notice"' in html or 'class="transliteration-notice"' in html
        assert notices == (language != original), language


def test_a_rich_text_link_to_another_practice_renders(client):
    # Wagtail's link handler reads `page.localized`: a method of that name on our pages broke it.
    page, other = PracticePage.objects.live().public()[:2]
    page.approach_en = f'<p>See also <a linktype="page" id="{other.pk}">the related practice</a>.</p>'
    page.save_revision().publish()
    with translation.override("en"):  # the English text holds the link
        page_url, other_url = page.get_url(), other.get_url()
    response = client.get(page_url)
    assert response.status_code == 200
    assert f'href="{other_url}"' in response.content.decode()
