"""Contacting a practice's owner: the portal mails the contact person, Reply-To the sender, and
neither address reaches the other party's page; at most 10 a day; logged without the body."""

import pytest
from django.utils import translation

import roles
from exchange.models import ContactMessage
from exchange.tests.conftest import member
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice():
    return next(p for p in PracticePage.objects.live().public().order_by("pk") if p.contact_email)


def contact_url(practice, language="en"):
    with translation.override(language):
        return practice.get_url() + "contact/"


def test_the_contact_person_receives_the_message_and_no_address_is_shown(client, practice, professional, smtp_server):
    client.force_login(professional)
    form = client.get(contact_url(practice)).content.decode()
    assert 'name="message"' in form and practice.contact_email not in form

    response = client.post(contact_url(practice), {"message": "Could we visit your programme in May?"})
    html = response.content.decode()
    assert response.status_code == 200 and practice.contact_email not in html

    [mail] = smtp_server.messages
    assert mail["To"] == practice.contact_email and mail["Reply-To"] == professional.email
    body = mail.get_content()
    assert "Could we visit your programme in May?" in body and "Ana Hoxha" in body
    log = ContactMessage.objects.get()
    assert (log.sender, log.page_id, log.recipient) == (professional, practice.pk, practice.contact_email)
    assert not any("May" in str(getattr(log, f.attname)) for f in ContactMessage._meta.fields)


def test_a_message_over_5000_characters_comes_back_with_an_error(client, practice, professional, smtp_server):
    client.force_login(professional)
    text = "x" * 4990 + " too long!"
    html = client.post(contact_url(practice, "mk"), {"message": text + "!"}).content.decode()
    assert "Пораката е предолга" in html and text in html
    assert smtp_server.messages == []


def test_the_eleventh_message_of_the_day_is_refused(client, practice, professional, smtp_server):
    client.force_login(professional)
    ContactMessage.objects.bulk_create(
        [ContactMessage(sender=professional, page_id=practice.pk, recipient="x@example.org") for _ in range(10)]
    )
    html = client.post(contact_url(practice, "hr"), {"message": "Hello"}).content.decode()
    assert "Danas ste poslali 10 poruka" in html and "Hello" in html
    assert smtp_server.messages == []


def test_only_verified_professionals_may_write(client, practice):
    response = client.get(contact_url(practice))
    assert response.status_code == 302 and "next=" in response["Location"]
    client.force_login(member("someone"))
    assert client.get(contact_url(practice)).status_code == 403


def test_a_page_that_is_not_a_practice_keeps_its_own_contact_subpage(client):
    assert client.get("/en/contact/").status_code == 404  # Wagtail's answer, not the exchange's
    assert client.get("/en/not-a-page/contact/").status_code == 404


def test_verification_withdrawn_closes_the_form(client, practice, professional):
    client.force_login(professional)
    professional.groups.remove(professional.groups.get(name=roles.VERIFIED_PROFESSIONALS))
    assert client.get(contact_url(practice)).status_code == 403


def test_the_mail_speaks_the_owners_language_not_the_practices(client, practice, professional, smtp_server):
    """The contact person has an account whose access request chose Macedonian; the practice was
    written in another language. (The profile is the accounts app's: reached through Django's app
    registry, as the exchange reads it, since one feature app's tests import no other's.)"""
    from django.apps import apps

    owner = member("owner")
    owner.email = practice.contact_email.upper()
    owner.save(update_fields=["email"])
    apps.get_model("accounts", "Profile").objects.create(
        user=owner,
        name="Owner",
        institution="Uprava za izvršenje sankcija",
        beneficiary=apps.get_model("practices", "Beneficiary").objects.get(code="MK"),
        role="prison",
        preferred_language="mk",
        statement="Contact person of a practice.",
    )
    assert practice.original_language != "mk"
    client.force_login(professional)
    client.post(contact_url(practice, "en"), {"message": "Could we visit your programme in May?"})

    [mail] = smtp_server.messages
    with translation.override("mk"):
        assert translation.gettext("Reply to this e-mail to answer them.") in mail.get_content()
