from django.conf import settings

from caching.fragments import generation


def fragments(request):
    """The key parts and lifetime of the cached fragments (`{% cache %}` in base.html)."""
    return {"fragment_generation": generation(), "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS}
