"""The least helpful pages: answers counted per page over a period and a language."""

from django.db.models import Count, ExpressionWrapper, F, FloatField, Q

from feedback.models import Feedback

COMMENTS_SHOWN = 20


def selection(since=None, until=None, language=None, via=""):
    """The answers of a period (dates, both included) and language (None: all), as a condition
    on Feedback, or on the model `via` leads from ("feedback__" from a page)."""
    condition = Q()
    if since:
        condition &= Q(**{f"{via}created__date__gte": since})
    if until:
        condition &= Q(**{f"{via}created__date__lte": until})
    if language:
        condition &= Q(**{f"{via}language": language})
    return condition


def least_helpful(pages, since=None, until=None, language=None):
    """Pages with answers, the smallest share of "yes" first, then the most "no"."""
    within = Q(feedback__isnull=False) & selection(since, until, language, via="feedback__")
    return (
        pages.annotate(
            answers=Count("feedback", filter=within),
            helpful_answers=Count("feedback", filter=within & Q(feedback__helpful=True)),
            unhelpful_answers=Count("feedback", filter=within & Q(feedback__helpful=False)),
        )
        .filter(answers__gt=0)
        .annotate(helpful_share=ExpressionWrapper(F("helpful_answers") * 1.0 / F("answers"), output_field=FloatField()))
        .order_by("helpful_share", "-unhelpful_answers", "title")
    )


def attach_comments(pages, since=None, until=None, language=None):
    """Each page's latest comments of the same period and language, as `page.comments`."""
    by_page = {page.pk: page for page in pages}
    for page in by_page.values():
        page.comments = []
    rows = Feedback.objects.filter(selection(since, until, language), page__in=list(by_page)).exclude(comment="")
    for row in rows.order_by("-created"):
        if len(by_page[row.page_id].comments) < COMMENTS_SHOWN:
            by_page[row.page_id].comments.append(row)
    return pages
