"""A practice's article is rendered once per revision, language and audience and then remembered,
yet a reader never sees it outlive what it shows: a new revision, a renamed theme, the contact
person kept for verified professionals, an editor's preview of a draft."""

import pytest
from django.contrib.auth.models import User
from django.utils import translation

from practices.access import verified_group
from practices.models import PracticePage

pytestmark = pytest.mark.django_db

FOR_PROFESSIONALS = "Contact the practice's owner"
FOR_OTHERS = "The contact person is shown to verified professionals who are logged in."


def contact_shown(client, url):
    html = client.get(url).content.decode()
    assert (FOR_PROFESSIONALS in html) != (FOR_OTHERS in html)
    return FOR_PROFESSIONALS in html


def test_the_remembered_article_follows_every_change_and_every_audience(client):
    practice = PracticePage.objects.live().public().exclude(contact_email="").filter(themes__isnull=False).first()
    with translation.override("en"):
        url = practice.get_url()
    assert not contact_shown(client, url)  # remembered for visitors

    professional = User.objects.create_user("article-reader", password="x-long-password-1")
    professional.groups.add(verified_group())
    client.force_login(professional)
    assert contact_shown(client, url)
    client.logout()
    assert not contact_shown(client, url)

    practice.summary_en = "A summary published a moment ago."
    practice.save_revision().publish()
    assert "A summary published a moment ago." in client.get(url).content.decode()

    theme = practice.themes.first()
    theme.name_en = "A theme renamed a moment ago"
    theme.save()
    assert "A theme renamed a moment ago" in client.get(url).content.decode()

    practice.refresh_from_db()  # as the editor's form has it: the live revision's id, a new text
    practice.summary_en = "A draft nobody has published."
    assert "A draft nobody has published." in practice.make_preview_request().content.decode()
    assert "A draft nobody has published." not in client.get(url).content.decode()


def test_a_related_practice_linked_in_a_new_revision_shows_at_the_next_view(client):
    practice, other = PracticePage.objects.live().public().exclude(title_en="").order_by("path")[:2]
    with translation.override("en"):
        url, other_url = practice.get_url(), other.get_url()
    assert f'<a href="{other_url}">' not in client.get(url).content.decode()  # its links remembered

    practice.related_practices.set([other])
    practice.save_revision().publish()
    assert f'<a href="{other_url}">' in client.get(url).content.decode()
