"""Language-scoped translators, through the real admin edit views (pages and snippets)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from wagtail.models import GroupPagePermission, Revision

from home.models import HomePage
from practices.editorial import ensure_editorial_setup
from practices.models import GuidePage, PracticePage, Theme
from roles import LANGUAGE_GROUPS, TRANSLATED_LANGUAGES
from translations.scoping import editable_languages

pytestmark = pytest.mark.django_db

NOT_YOURS = "not your language"
REFUSED = "You may not change this field"


def make_user(name, *groups, superuser=False):
    user = User.objects.create_user(name, password="x", is_superuser=superuser, is_staff=superuser)
    user.groups.add(*(Group.objects.get(name=group) for group in groups))
    return user


def browser_post_data(html):
    """What a browser without JavaScript would submit from the edit form: enabled fields only."""
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"data-edit-form": True}) or BeautifulSoup(
        html, "html.parser"
    ).find("form", method="post")
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled") or element.get("type") in ("submit", "button", "file"):
            continue
        if element.name == "textarea":
            value = [element.text.removeprefix("\n")]
        elif element.name == "select":
            value = [
                option.get("value", option.text) for option in element.find_all("option") if option.has_attr("selected")
            ]
        elif element.get("type") in ("checkbox", "radio"):
            value = [element.get("value", "on")] if element.has_attr("checked") else []
        else:
            value = [element.get("value", "")]
        data.setdefault(name, []).extend(value)
    return data


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def snippet_url(obj):
    return f"/admin/snippets/practices/{obj._meta.model_name}/edit/{obj.pk}/"


def a_practice():
    return PracticePage.objects.live().order_by("pk").first()


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def draft_of(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def disabled(html, name):
    element = BeautifulSoup(html, "html.parser").find(attrs={"name": name})
    return element is not None and element.has_attr("disabled")


# Groups and who may change what ---------------------------------------------------------


def test_one_translator_group_per_translated_language_with_the_translators_permissions():
    translators = Group.objects.get(name="Translators")
    home = HomePage.objects.get()
    # What the editorial set-up created in the database, against the names written out.
    created = set(Group.objects.filter(name__startswith="Translators (").values_list("name", flat=True))
    assert created == {f"Translators ({code})" for code in ("sq", "bs", "hr", "cnr", "sr", "sr-latn", "mk")}
    for name in LANGUAGE_GROUPS:
        group = Group.objects.get(name=name)
        assert set(group.permissions.all()) == set(translators.permissions.all())
        codenames = set(
            GroupPagePermission.objects.filter(group=group, page=home).values_list("permission__codename", flat=True)
        )
        assert codenames == {"change_page"}


def test_editorial_setup_is_idempotent():
    home = HomePage.objects.get()
    sections = [page.specific for page in home.get_children()]
    before = (Group.objects.count(), GroupPagePermission.objects.count())
    ensure_editorial_setup(home, sections)
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == before


def test_editable_languages_are_the_union_of_language_groups_and_all_for_editors():
    assert editable_languages(make_user("t1", "Translators (sq)", "Translators (mk)")) == {"sq", "mk"}
    assert editable_languages(make_user("t0", "Translators")) == set()
    everything = set(TRANSLATED_LANGUAGES) | {"en"}
    assert editable_languages(make_user("ed", "Editors", "Translators (sq)")) == everything
    assert editable_languages(make_user("rev", "Reviewers")) == everything
    assert editable_languages(make_user("root", superuser=True)) == everything


# Pages -------------------------------------------------------------------------------


def test_edit_view_shows_other_languages_and_shared_fields_read_only(client):
    client.force_login(make_user("sq", "Translators (sq)"))
    practice = a_practice()
    response = client.get(edit_url(practice))
    assert response.status_code == 200
    html = response.content.decode()
    assert disabled(html, "summary_en") and disabled(html, "title_sr") and disabled(html, "start_year")
    assert not disabled(html, "summary_sq") and not disabled(html, "title_sq")
    # Rich text of other languages is shown as text, not as an editor that posts a value.
    assert 'data-read-only="approach_en"' in html and 'name="approach_en"' not in html
    assert 'name="approach_sq"' in html
    assert NOT_YOURS in html
    assert "You can change the fields of these languages: sq" in html


def test_guide_steps_of_other_languages_are_read_only_and_the_editor_still_renders(client):
    client.force_login(make_user("sq", "Translators (sq)"))
    guide = GuidePage.objects.order_by("pk").first()
    response = client.get(edit_url(guide))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-read-only="steps_en"' in html
    assert 'id="steps_sq"' in html  # the StreamField editor of the translator's language


def test_translator_change_to_own_language_is_saved_as_a_draft(client):
    client.force_login(make_user("sq", "Translators (sq)"))
    practice = a_practice()
    live_summary = practice.summary_sq
    data = browser_post_data(client.get(edit_url(practice)).content.decode())
    data["summary_sq"] = ["Përmbledhje e re nga përkthyesi."]
    before = revisions(practice)

    response = client.post(edit_url(practice), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert revisions(practice) == before + 1
    draft = draft_of(practice)
    assert draft.summary_sq == "Përmbledhje e re nga përkthyesi."
    practice.refresh_from_db()
    assert practice.summary_sq == live_summary and practice.has_unpublished_changes


@pytest.mark.parametrize(
    "crafted",
    [
        {"summary_en": "Rewritten English"},
        {"title_sr": "Нови наслов"},
        {"start_year": "1999"},
        {"original_language": "mk"},
    ],
    ids=lambda crafted: next(iter(crafted)),
)
def test_crafted_post_changing_another_language_or_a_shared_field_is_refused(client, crafted):
    client.force_login(make_user("sq", "Translators (sq)"))
    practice = a_practice()
    data = browser_post_data(client.get(edit_url(practice)).content.decode())
    data["summary_sq"] = ["Ndryshim i ligjshëm."]
    data.update({name: [value] for name, value in crafted.items()})
    before = revisions(practice)
    stored = PracticePage.objects.get(pk=practice.pk)

    response = client.post(edit_url(practice), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSED in html and "Nothing was saved" in html
    assert revisions(practice) == before
    after = PracticePage.objects.get(pk=practice.pk)
    for name in (*crafted, "summary_sq"):
        assert getattr(after, name) == getattr(stored, name)


def test_crafted_post_changing_another_languages_steps_is_refused(client):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    client.force_login(make_user("sq", "Translators (sq)"))
    guide = GuidePage.objects.order_by("pk").first()
    data = browser_post_data(client.get(edit_url(guide)).content.decode())
    step = {
        "title": "Injected",
        "body": rich_text("<p>Injected</p>"),
        "responsible": "",
        "timing": "",
        "documents": streamfield([]),
        "checklist": streamfield([]),
        "legal_references": streamfield([]),
    }
    # The browser's StreamField editor posts the translator's own steps (here: none).
    data.update(nested_form_data({"steps_sq": streamfield([]), "steps_en": streamfield([("step", step)])}))
    before = revisions(guide)

    response = client.post(edit_url(guide), data)

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert revisions(guide) == before
    assert "Injected" not in str(GuidePage.objects.get(pk=guide.pk).steps_en.raw_data)


def test_translator_of_two_languages_changes_both(client):
    client.force_login(make_user("sqmk", "Translators (sq)", "Translators (mk)"))
    practice = a_practice()
    data = browser_post_data(client.get(edit_url(practice)).content.decode())
    data["summary_sq"] = ["Shqip e re."]
    data["summary_mk"] = ["Ново резиме."]

    assert client.post(edit_url(practice), data).status_code == 302
    draft = draft_of(practice)
    assert (draft.summary_sq, draft.summary_mk) == ("Shqip e re.", "Ново резиме.")


def test_translator_in_no_language_group_changes_nothing(client):
    client.force_login(make_user("none", "Translators"))
    practice = a_practice()
    response = client.get(edit_url(practice))
    html = response.content.decode()
    assert response.status_code == 200
    assert disabled(html, "summary_sq") and disabled(html, "summary_en")
    assert "You are a translator in no language group" in html
    data = browser_post_data(html)
    data["summary_sq"] = ["Nuk lejohet."]
    before = revisions(practice)
    assert client.post(edit_url(practice), data).status_code == 200
    assert revisions(practice) == before


# Publishing --------------------------------------------------------------------------


def test_translator_publish_only_saves_a_draft_and_submit_goes_to_review(client):
    client.force_login(make_user("sq", "Translators (sq)"))
    practice = a_practice()
    live_summary = practice.summary_sq
    data = browser_post_data(client.get(edit_url(practice)).content.decode())
    data["summary_sq"] = ["Botim i pa lejuar."]

    assert client.post(edit_url(practice), {**data, "action-publish": "action-publish"}).status_code == 302
    practice.refresh_from_db()
    assert practice.summary_sq == live_summary
    assert draft_of(practice).summary_sq == "Botim i pa lejuar."

    assert client.post(edit_url(practice), {**data, "action-submit": "action-submit"}).status_code == 302
    practice.refresh_from_db()
    assert practice.summary_sq == live_summary
    assert practice.current_workflow_state is not None and practice.current_workflow_state.status == "in_progress"


def test_reviewer_who_is_also_a_translator_publishes_any_language(client):
    client.force_login(make_user("rev", "Reviewers", "Translators (sq)"))
    practice = a_practice()
    html = client.get(edit_url(practice)).content.decode()
    assert not disabled(html, "summary_en")
    data = browser_post_data(html)
    data["summary_en"] = ["Published by a reviewer."]

    response = client.post(edit_url(practice), {**data, "action-publish": "action-publish"})

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.summary_en == "Published by a reviewer." and practice.live


def test_translator_cannot_restore_an_earlier_revision(client):
    practice = a_practice()
    old = practice.save_revision()
    client.force_login(make_user("sq", "Translators (sq)"))
    url = f"/admin/pages/{practice.pk}/revisions/{old.pk}/revert/"
    before = revisions(practice)

    assert client.get(url)["Location"] == edit_url(practice)
    data = browser_post_data(client.get(edit_url(practice)).content.decode())
    response = client.post(url, data)

    assert response.status_code == 302 and response["Location"] == edit_url(practice)
    assert revisions(practice) == before


# Snippets ----------------------------------------------------------------------------


def test_translator_changes_own_language_of_a_snippet_and_nothing_else(client):
    client.force_login(make_user("sq", "Translators (sq)"))
    theme = Theme.objects.order_by("pk").first()
    html = client.get(snippet_url(theme)).content.decode()
    assert disabled(html, "name_en") and disabled(html, "slug") and not disabled(html, "name_sq")
    data = browser_post_data(html)

    refused = client.post(snippet_url(theme), {**data, "name_sq": ["Temë"], "name_en": ["Hijacked"]})
    assert refused.status_code == 200 and REFUSED in refused.content.decode()
    stored = Theme.objects.get(pk=theme.pk)
    assert (stored.name_en, stored.name_sq) == (theme.name_en, theme.name_sq)

    refused = client.post(snippet_url(theme), {**data, "slug": ["hijacked"]})
    assert refused.status_code == 200 and Theme.objects.get(pk=theme.pk).slug == theme.slug

    assert client.post(snippet_url(theme), {**data, "name_sq": ["Temë e re"]}).status_code == 302
    stored = Theme.objects.get(pk=theme.pk)
    assert (stored.name_en, stored.name_sq, stored.slug) == (theme.name_en, "Temë e re", theme.slug)


# Every edit screen still renders ---------------------------------------------------------


@pytest.mark.parametrize(
    "page_type",
    [
        "home.HomePage",
        "practices.PracticeIndexPage",
        "practices.GuideIndexPage",
        "practices.PracticePage",
        "practices.GuidePage",
        "practices.ScreeningToolPage",
    ],
)
def test_every_page_type_edit_view_renders_for_a_translator(client, page_type):
    from django.apps import apps

    client.force_login(make_user("sq", "Translators (sq)"))
    page = apps.get_model(page_type).objects.order_by("pk").first()
    response = client.get(edit_url(page))
    assert response.status_code == 200
    assert disabled(response.content.decode(), "title_en") and not disabled(response.content.decode(), "title_sq")


@pytest.mark.parametrize(
    "model_name",
    [
        "beneficiary",
        "setting",
        "theme",
        "targetgroup",
        "glossaryterm",
        "indicatordomain",
        "indicator",
        "referralpathway",
    ],
)
def test_every_snippet_edit_view_renders_for_a_translator(client, model_name):
    from django.apps import apps

    client.force_login(make_user("sq", "Translators (sq)"))
    obj = apps.get_model("practices", model_name).objects.order_by("pk").first()
    response = client.get(snippet_url(obj))
    assert response.status_code == 200
    assert NOT_YOURS in response.content.decode()


def test_crafted_change_to_an_attachment_is_refused(client):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    practice = a_practice()
    document = Document.objects.create(title="Manual", file=ContentFile(b"%PDF-1.4", name="manual.pdf"))
    practice.attachments.create(document=document, label_en="Manual", label_sq="Manuali")
    practice.save_revision().publish()
    client.force_login(make_user("sq", "Translators (sq)"))
    html = client.get(edit_url(practice)).content.decode()
    assert disabled(html, "attachments-0-label_en") and not disabled(html, "attachments-0-label_sq")
    data = browser_post_data(html)
    data["attachments-0-label_en"] = ["Hijacked"]
    before = revisions(practice)

    response = client.post(edit_url(practice), data)

    assert response.status_code == 200 and "label_en" in response.content.decode()
    assert "Nothing was saved" in response.content.decode() and revisions(practice) == before
    assert PracticePage.objects.get(pk=practice.pk).attachments.get().label_en == "Manual"
    data["attachments-0-label_en"] = ["Manual"]
    data["attachments-0-label_sq"] = ["Udhëzuesi"]
    assert client.post(edit_url(practice), data).status_code == 302
    assert draft_of(practice).attachments.get().label_sq == "Udhëzuesi"
