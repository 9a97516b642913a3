"""What the home page and the Beneficiary pages show of the content app, as this visitor may see it."""

from practices.models import GuidePage, PracticePage
from practices.models.screening import live_pathways
from roles.restrictions import visible_to

LATEST = 3


def front_page_content(user):
    """The newest practices and guides (the news come from news_tags)."""
    return {
        "latest_practices": visible_to(user, PracticePage.objects.live())
        .prefetch_related("beneficiaries")
        .order_by("-first_published_at")[:LATEST],
        "latest_guides": visible_to(user, GuidePage.objects.live()).order_by("-first_published_at")[:LATEST],
    }


def beneficiary_content(beneficiary, user):
    return {
        "practices": visible_to(user, PracticePage.objects.live().filter(beneficiaries=beneficiary))
        .distinct()
        .order_by("-first_published_at"),
        "guides": visible_to(user, GuidePage.objects.live().filter(beneficiaries=beneficiary)).distinct(),
        "referral_pathway": live_pathways().filter(beneficiary=beneficiary).first(),
    }
