"""Tell a language-scoped translator, on the edit screen, which languages they may change,
and keep them from restoring an earlier revision (which would restore every language)."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from translations.scoping import editable_languages, is_language_scoped


def announce_languages(request):
    if request.method != "GET" or not is_language_scoped(request.user):
        return
    languages = sorted(editable_languages(request.user))
    if not languages:
        messages.warning(
            request,
            _(
                "You are a translator in no language group, so you cannot change any translated field. "
                "Ask an administrator to add you to a group such as “Translators (sq)”."
            ),
        )
        return
    messages.info(
        request,
        _("You can change the fields of these languages: %(languages)s. Every other field is read-only.")
        % {"languages": ", ".join(languages)},
    )


@hooks.register("before_edit_page")
def announce_languages_on_page(request, page):
    # The revert view is the edit view on an old revision: its read-only fields would carry
    # the other languages' old text into the new draft.
    if request.resolver_match.url_name == "revisions_revert" and is_language_scoped(request.user):
        messages.error(
            request,
            _("Translators cannot restore an earlier revision: it would change other languages too. Ask an editor."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    announce_languages(request)


@hooks.register("before_edit_snippet")
def announce_languages_on_snippet(request, instance):
    announce_languages(request)
