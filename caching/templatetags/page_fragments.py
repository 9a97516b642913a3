"""`{% page_fragment "name" vary_on... %}…{% endpage_fragment %}`: part of a page rendered once
per page revision and language, then read from the cache (docs/performance.md).

Django's cache, with `{% cache %}`'s key function over the page's live revision, the language, the
fragments' generation (caching/fragments.py: every publish, unpublish, move, page save, snippet or
document change renews it, so a renamed theme or a moved linked page shows at once) and what
the template names to vary on (who may see a part of it). A preview (an editor's draft, a
revision) carries the live revision's id with other content: it is always rendered, never stored.
`{% cache %}` itself cannot skip a preview, hence this tag.
Only what is the same for every visitor of the same audience may go inside: never a CSRF token,
a form or a user's name.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation
from wagtail.models import Page

from caching.fragments import generation

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        page, request = context.get("page"), context.get("request")
        revision = page.live_revision_id if isinstance(page, Page) else None
        if revision is None or request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        # The generation as this request's context read it (caching.context_processors).
        current = context.get("fragment_generation") or generation()
        vary_on = [page.pk, revision, translation.get_language(), current]
        key = make_template_fragment_key(self.name, vary_on + [value.resolve(context) for value in self.vary_on])
        return cache.get_or_set(key, lambda: self.nodelist.render(context), settings.FRAGMENT_CACHE_SECONDS)


@register.tag
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])
