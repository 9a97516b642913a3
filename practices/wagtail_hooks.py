from wagtail import hooks

from practices.explorer import PracticeViewSet


@hooks.register("register_admin_viewset")
def register_practice_viewset():
    # Serves the practice index's explorer (practices/explorer.py); the name is the viewset's own.
    return PracticeViewSet("practice_pages")
