"""Markup that comes in through XLIFF never becomes executable, and what the admin shows of
another language's rich text is sanitised before it is marked safe."""

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation

from home.models import HomePage
from translations.forms import ReadOnlyDisplay
from translations.xliff import XliffError, export_xliff, import_xliff

from .test_xliff import fill_targets, practice

pytestmark = pytest.mark.django_db

PLANTED = "&lt;img src=x onerror=alert(document.cookie)&gt;"
SOURCE_HTML = '<p>Use <b>bold</b> and <a href="https://example.org/">a link</a>.</p>'


@pytest.fixture
def page():
    page = practice()
    page.approach_en = SOURCE_HTML
    page.save_revision().publish()
    return practice()


def with_planted_code(data):
    """A translator's file: an extra <data> holding an <img onerror> and a placeholder using it."""
    data = data.decode()
    data = data.replace("</originalData>", f'<data id="evil">{PLANTED}</data></originalData>', 1)
    head, _sep, tail = data.partition('<unit id="approach"')
    tail = tail.replace("</target>", '<ph id="99" dataRef="evil"/></target>', 1)
    return (head + '<unit id="approach"' + tail).encode()


def with_rewritten_code(data):
    """A translator's file whose data for the source's <b> now carries an event handler."""
    return data.replace(b"&lt;b&gt;</data>", b"&lt;b onmouseover=alert(1)&gt;</data>", 1)


@pytest.mark.parametrize("tamper", [with_planted_code, with_rewritten_code])
def test_markup_that_is_not_the_sources_is_refused_and_nothing_is_written(page, tamper, client):
    data = tamper(fill_targets(export_xliff([page], "bs")))
    assert b"alert(" in data
    with pytest.raises(XliffError, match="not one of the tags of this text"):
        import_xliff(data, publish=True)
    page = practice()
    assert not page.approach_bs
    assert "alert(" not in (page.get_latest_revision_as_object().approach_bs or "")
    with translation.override("bs"):
        html = client.get(page.get_url()).content.decode()
    assert "onerror" not in html and "onmouseover" not in html


def test_the_refusal_is_in_the_users_language(page):
    data = with_planted_code(fill_targets(export_xliff([page], "bs")))
    with translation.override("hr"), pytest.raises(XliffError) as error:
        import_xliff(data)
    assert "evil" in str(error.value) and "not one of the tags" not in str(error.value)


def test_the_sources_own_markup_still_comes_back(page):
    import_xliff(fill_targets(export_xliff([page], "bs"), translate=lambda text: f"BS {text}"), publish=True)
    assert practice().approach_bs == (
        '<p>BS Use <b>BS bold</b>BS  and <a href="https://example.org/">BS a link</a>BS .</p>'
    )


def test_read_only_display_of_rich_text_is_sanitised():
    stored = (
        '<p>Hello<img src="x" onerror="alert(1)"><script>alert(2)</script>'
        '<a href="javascript:alert(3)">bad</a> <a href="https://example.org/" onclick="alert(4)">good</a></p>'
    )
    html = str(ReadOnlyDisplay().render("approach_en", stored, {"id": "id_approach_en"}))
    for executable in ("onerror", "<script", "javascript:", "onclick", "alert("):
        assert executable not in html
    assert "<p>Hello" in html and '<a href="https://example.org/">good</a>' in html


def test_read_only_display_still_expands_internal_links():
    target = HomePage.objects.get()  # (practice pages' localized() hides Wagtail's Page.localized)
    html = str(ReadOnlyDisplay().render("approach_en", f'<p><a linktype="page" id="{target.pk}">see</a></p>'))
    assert f'href="{target.url}"' in html


def test_a_translator_does_not_load_markup_planted_in_another_language(client):
    page = practice()
    page.approach_en = '<p>Text<img src="x" onerror="alert(1)"></p>'
    page.save_revision().publish()
    user = User.objects.create_user("sq-reader", password="x")
    user.groups.add(Group.objects.get(name="Translators (sq)"))
    client.force_login(user)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    shown = html.split('data-read-only="approach_en"')[1].split("</div>")[0]
    assert "Text" in shown and "onerror" not in shown
