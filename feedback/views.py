"""Where the "Was this helpful?" form posts: a plain form, no JavaScript needed.

It is exempt from CSRF on purpose. The form sits on publicly cached pages (caching/headers.py):
a CSRF token would set a cookie, which makes every such page private, or be served from the
cache to everyone. CSRF protects what a signed-in user's session may do; an answer here is
anonymous, changes nothing of the visitor's and grants nothing, so a forged post gains nothing a
direct one would not. What stops abuse is the signed timestamp, the honeypot and the rate limit."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from feedback.forms import FeedbackForm
from feedback.models import Feedback
from feedback.pages import page_to_rate
from ratelimits.windows import over_limit


@csrf_exempt
@require_POST
def submit(request):
    # Only a hash of the address is kept, in the rate limits' cache, for one window: never in
    # the feedback table.
    if over_limit(request, "feedback", settings.RATE_LIMIT_FEEDBACK):
        return render(request, "feedback/not_kept.html", {"too_many": True}, status=429)
    form = FeedbackForm(request.POST)
    page = page_to_rate(form.data.get("page"), request) if form.data.get("page", "").isdigit() else None
    if page is None:
        return render(request, "feedback/not_kept.html", {"no_page": True}, status=404)
    if not form.is_valid():
        return render(request, "feedback/not_kept.html", {"form": form, "rated_page": page}, status=400)
    Feedback.objects.create(
        page=page,
        language=get_language(),
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    return redirect(page.get_url(request) + "?feedback=thanks#feedback")
