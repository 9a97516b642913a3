"""Sharing a practice from the public site: the import's form, a draft in the review workflow,
the contributor's list with each practice's status, and the e-mails on the way."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

import roles
from exchange import attachments
from exchange.models import Contribution
from exchange.tests.conftest import member
from practices.models import PracticeIndexPage, PracticePage, Setting, Theme

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def practice_data(**changes):
    data = {
        "title": "Mentorstvo u zatvoru",
        "summary": "Mentori prate osuđene.",
        "body": "Prvi odlomak.\n\nDrugi odlomak.",
        "beneficiary": ["BA"],
        "setting": Setting.objects.order_by("pk").first().slug,
        "themes": [Theme.objects.order_by("pk").first().slug],
        "start_year": "2022",
        "contact_name": "Amra",
        "contact_email": "amra@example.org",
        "submit": "",
    }
    data.update(changes)
    return data


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get("/bs/exchange/share/")
    assert response.status_code == 302
    assert response["Location"].startswith("/bs/accounts/login/") and "next=/bs/exchange/share/" in response["Location"]


def test_the_header_offers_the_exchange_to_verified_professionals_only(client):
    assert "/en/exchange/share/" not in client.get("/en/").content.decode()
    client.force_login(member("neva"))
    assert "/en/exchange/share/" not in client.get("/en/").content.decode()
    client.force_login(member("ana", roles.VERIFIED_PROFESSIONALS))
    header = client.get("/sq/").content.decode()
    assert 'href="/sq/exchange/share/"' in header and 'href="/sq/exchange/mine/"' in header
    assert "Shkëmbimi i praktikave" in header


def test_an_unverified_account_is_told_why_not(client):
    client.force_login(member("neva"))
    response = client.get("/bs/exchange/share/")
    assert response.status_code == 403


def test_a_submitted_practice_is_a_draft_in_review_in_the_contributors_language(
    client, professional, reviewer, smtp_server
):
    client.force_login(professional)
    pdf = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    response = client.post("/bs/exchange/share/", practice_data(attachments=[pdf]))
    assert response.status_code == 302 and response["Location"] == "/bs/exchange/mine/"

    page = PracticePage.objects.get(title_bs="Mentorstvo u zatvoru")
    assert not page.live and page.original_language == "bs"
    assert page.get_parent().specific_class is PracticeIndexPage
    assert Contribution.objects.get(page_id=page.pk).contributor == professional
    assert page.current_workflow_state.status == "in_progress"
    draft = page.get_latest_revision_as_object()
    assert [a.document.title for a in draft.attachments.all()] == ["plan.pdf"]
    # Wagtail's workflow notice reaches the Reviewers.
    assert any(reviewer.email in message["To"] for message in smtp_server.messages)

    mine = client.get("/bs/exchange/mine/").content.decode()
    assert "Mentorstvo u zatvoru" in mine and "status-in_review" in mine


def test_a_draft_is_kept_and_can_be_continued(client, professional):
    client.force_login(professional)
    data = practice_data()
    data.pop("submit")
    data["draft"] = ""
    client.post("/bs/exchange/share/", data)
    page = PracticePage.objects.get(title_bs="Mentorstvo u zatvoru")
    assert page.current_workflow_state is None

    form = client.get(f"/bs/exchange/mine/{page.pk}/edit/").content.decode()
    assert "Drugi odlomak." in form and "amra@example.org" in form


def test_bad_input_is_explained_in_the_users_language_and_the_form_comes_back_filled(client, professional, monkeypatch):
    client.force_login(professional)
    html = client.post("/sq/exchange/share/", practice_data(beneficiary=["XX"])).content.decode()
    assert "“XX” nuk është në listë" in html
    assert "Mentori prate osuđene." in html

    monkeypatch.setattr(attachments, "MAX_BYTES", 10)
    fake = SimpleUploadedFile("report.pdf", b"just some text, not a PDF")
    html = client.post("/sq/exchange/share/", practice_data(attachments=[fake])).content.decode()
    assert "report.pdf" in html and "Mentorstvo u zatvoru" in html
    assert not PracticePage.objects.filter(title_sq="Mentorstvo u zatvoru").exists()


def test_changes_requested_then_resubmitted_then_published(client, professional, reviewer, smtp_server):
    client.force_login(professional)
    client.post("/bs/exchange/share/", practice_data())
    page = PracticePage.objects.get(title_bs="Mentorstvo u zatvoru")

    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    task_state.specific.task.specific.on_action(task_state, reviewer, "reject", comment="Dodajte rezultate.")
    mine = client.get("/bs/exchange/mine/").content.decode()
    assert "status-changes_requested" in mine and "Dodajte rezultate." in mine
    decision = smtp_server.messages[-1]
    assert decision["To"] == professional.email and "Dodajte rezultate." in decision.get_content()

    data = practice_data(results="Manje incidenata.")
    assert client.post(f"/bs/exchange/mine/{page.pk}/edit/", data).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"

    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    task_state.specific.task.specific.on_action(task_state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live and page.results_bs == "Manje incidenata."
    assert "status-published" in client.get("/bs/exchange/mine/").content.decode()
    assert smtp_server.messages[-1]["To"] == professional.email


def test_verified_professionals_only_edit_their_own(client, professional):
    client.force_login(professional)
    client.post("/bs/exchange/share/", practice_data())
    page = PracticePage.objects.get(title_bs="Mentorstvo u zatvoru")
    client.force_login(member("other", roles.VERIFIED_PROFESSIONALS))
    assert client.get(f"/bs/exchange/mine/{page.pk}/edit/").status_code == 404
