"""Sharing a practice, one's contributions, contacting a practice's owner, alerts. The work is
done in sharing.py, contributions.py, contact.py and digests.py; views only route and render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail import views as wagtail_views
from wagtail.models import Site

from exchange import contact as contacting
from exchange import contributions, digests, notifications, sharing
from exchange.access import verified_required
from exchange.forms import AlertForm, ContactForm, PracticeForm
from exchange.models import Alert
from practices.importing import ImportFailed
from practices.models import PracticePage


@verified_required
def share(request, page_id=None):
    page = None
    if page_id is not None:
        page = contributions.editable_page(request.user, page_id)
        if page is None:
            raise Http404
    if request.method != "POST":
        form = PracticeForm(initial=sharing.initial_from(page) if page else None)
        return render(request, "exchange/share.html", {"form": form, "page": page})
    form = PracticeForm(request.POST, request.FILES)
    if form.is_valid():
        language = page.original_language if page else translation.get_language()
        record = sharing.record_from(form.cleaned_data, language, page.record_slug if page else None)
        if page is None:
            record["slug"] = sharing.new_slug(form.cleaned_data["title"])
        for field, message in sharing.record_errors(record):
            form.add_error(field if field in form.fields else None, message)
    if not form.is_valid():
        return render(request, "exchange/share.html", {"form": form, "page": page})
    try:
        saved = sharing.save(record, request.user, form.cleaned_data["attachments"])
    except ImportFailed as exc:  # what the database refused after the checks (rare)
        form.add_error(None, str(exc))
        return render(request, "exchange/share.html", {"form": form, "page": page})
    notifications.quiet_wagtail_mails(request.user)
    if "submit" in request.POST:
        sharing.submit(saved, request.user)
        messages.success(request, _("Thank you: your practice was sent to the reviewers."))
    else:
        messages.success(request, _("Your draft is saved. You can continue it later from My contributions."))
    return redirect("exchange:mine")


@verified_required
def mine(request):
    return render(request, "exchange/mine.html", {"contributions": contributions.contributions_of(request.user)})


def practice_at(request, page_path):
    """The live practice at this path (as Wagtail routes it), or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        page = site.root_page.localized.specific.route(request, [part for part in page_path.split("/") if part])[0]
    except Http404:
        return None
    return page if isinstance(page, PracticePage) and page.live else None


def contact(request, page_path):
    page = practice_at(request, page_path)
    if page is None:
        return wagtail_views.serve(request, page_path + "contact/")
    return contact_owner(request, page)


@verified_required
def contact_owner(request, page):
    # The practice's own view restriction applies to its contact form too.
    if any(not restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        raise Http404
    if not contacting.can_contact(page):
        raise Http404
    form = ContactForm(request.POST or None)
    context = {"page": page, "form": form}
    if request.method == "POST" and form.is_valid():
        if contacting.over_limit(request.user):
            form.add_error(None, _("You have sent 10 messages today, the most a day. Please try again tomorrow."))
        else:
            contacting.send(page, request.user, form.cleaned_data["message"], page.get_full_url(request))
            context.update(sent=True, form=ContactForm())
    return render(request, "exchange/contact.html", context)


@verified_required
def alerts(request):
    form = AlertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        alert = form.save(commit=False)
        alert.user, alert.language = request.user, translation.get_language()
        alert.save()
        form.save_m2m()
        messages.success(request, _("Your alert is saved."))
        return redirect("exchange:alerts")
    return render(request, "exchange/alerts.html", {"form": form, "alerts": request.user.alerts.all()})


@require_POST
@verified_required
def delete_alert(request, alert_id):
    get_object_or_404(Alert, pk=alert_id, user=request.user).delete()
    return redirect("exchange:alerts")


@csrf_exempt  # the signed token is the authority; mail clients post here (RFC 8058 one-click)
def unsubscribe(request, token):
    alert = digests.alert_from_token(token)
    if alert is not None and request.method == "POST":
        alert.delete()
    # One click: the page's button posts; a link scanner's GET changes nothing.
    return render(request, "exchange/unsubscribed.html", {"done": alert is None or request.method == "POST"})
