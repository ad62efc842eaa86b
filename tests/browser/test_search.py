"""The search in a real browser: typing a query, Enter, highlighted results."""

import pytest

from tests.factories import DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_typing_a_query_and_pressing_enter_shows_highlighted_results(page):
    MeetingFactory(
        custom_title="Regional Roundtable on Irregular Movements by Sea",
        summary="Officials discussed irregular movement by sea and loss of life at sea.",
    )
    DocumentFactory(
        title="Co-Chairs' outcomes of the fifth Senior Officials Meeting",
        text="The meeting noted the roundtable on irregular movements by sea in Jakarta.",
    )
    page.goto("/search/")

    page.get_by_label("Search for").fill("roundtable")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=roundtable**")

    results = page.locator(".search-result")
    assert results.count() == 2
    assert page.get_by_role("heading", level=2).first.inner_text() == ("2 results for “roundtable”")
    marks = page.locator(".search-result mark")
    assert marks.count() >= 2
    assert {text.lower() for text in marks.all_inner_texts()} == {"roundtable"}
    title = page.get_by_role("link", name="Regional Roundtable on Irregular Movements by Sea")
    assert title.is_visible()


def test_search_page_is_usable_on_a_320_pixel_screen(phone_page):
    DocumentFactory(title="Report to Ministers", text="Irregular movement by sea.")
    phone_page.goto("/search/?q=irregular")

    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )

    assert overflow == 0
    assert phone_page.get_by_label("Search for").is_visible()
    assert phone_page.locator(".search-result mark").first.is_visible()
