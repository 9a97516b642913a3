import pytest
from lxml import html


@pytest.fixture
def practice():
    from practices.models import PracticePage

    return PracticePage.objects.live().public().order_by("pk").first()


def feedback_fields(response):
    """The hidden fields of the page's "Was this helpful?" form, as a visitor's browser sends them."""
    tree = html.fromstring(response.content.decode())
    form = tree.get_element_by_id("feedback").find(".//form")
    return form.get("action"), {field.get("name"): field.get("value") for field in form.findall(".//input")}
