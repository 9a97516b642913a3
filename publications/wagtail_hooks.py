from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from wagtail import hooks

from publications.access import may_download


@hooks.register("before_serve_document")
def refuse_hidden_publication_files(document, request):
    """A publication's file is served only to whoever may see the publication now."""
    if may_download(request.user, document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
