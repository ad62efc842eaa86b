"""The layout in a real browser: keyboard, skip link, narrow screens."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")

    assert focused == "Skip to main content"
    assert page.evaluate("document.activeElement.id") == "main"


def test_focus_is_visible_on_links(page):
    page.goto("/")

    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")

    assert outline == "solid"


def test_page_fits_a_320_pixel_screen_without_sideways_scrolling(phone_page):
    phone_page.goto("/")

    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )

    assert overflow == 0
    assert phone_page.get_by_role("navigation", name="Main").is_visible()
