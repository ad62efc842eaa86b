"""The portal's pages in a real browser: filters by keyboard, the "as at" day, a phone."""

import datetime

import pytest

from membership.models import MembershipPeriod
from membership.services import membership_change
from tests import factories
from tests.portal import builders

pytestmark = pytest.mark.django_db(transaction=True)

MAX_TAB_STOPS = 60


def _tab_to(page, element_id: str) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def _titles(page) -> list[str]:
    return [title.strip() for title in page.locator("main .record-list h3").all_inner_texts()]


def test_meetings_list_filters_by_year_with_the_keyboard_only(page):
    factories.MeetingFactory(custom_title="Brisbane SOM", start_date=datetime.date(2004, 6, 7))
    factories.MeetingFactory(custom_title="Fifth SOM", start_date=datetime.date(2013, 4, 1))
    page.goto("/meetings/")

    _tab_to(page, "id_year")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.type("2004")
    page.keyboard.press("Enter")
    page.wait_for_url("**/meetings/?*year=2004*")

    assert outline == "solid"
    assert _titles(page) == ["Brisbane SOM"]
    assert page.locator("#results-heading").inner_text() == "1 meeting"


def test_meetings_list_apply_button_is_reached_and_pressed_with_the_keyboard(page):
    factories.MeetingFactory(custom_title="Workshop", kind="workshop")
    factories.MeetingFactory(custom_title="A SOM")
    page.goto("/meetings/")

    _tab_to(page, "id_kind")
    page.keyboard.press("End")  # the last kind in the menu: "Other meeting"
    page.keyboard.press("ArrowUp")  # "Workshop"
    page.keyboard.press("Tab")
    for _ in range(MAX_TAB_STOPS):
        if page.evaluate("document.activeElement.textContent.trim()") == "Apply filters":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/meetings/?*kind=workshop*")

    assert _titles(page) == ["Workshop"]


def test_meetings_list_finds_who_attended_by_a_typed_name_and_offers_a_choice(page):
    thailand = factories.ParticipantFactory(short_name="Thailand", slug="thailand")
    tonga = factories.ParticipantFactory(short_name="Tonga", slug="tonga")
    factories.DelegationFactory(
        meeting=factories.MeetingFactory(custom_title="Bangkok SOM"), participant=thailand
    )
    factories.DelegationFactory(
        meeting=factories.MeetingFactory(custom_title="Nuku'alofa SOM"), participant=tonga
    )
    page.goto("/meetings/")

    page.get_by_label("Attended by").fill("t")
    page.keyboard.press("Enter")
    page.wait_for_url("**/meetings/?*participant=t*")
    offered = page.locator("main [role=alert] a").all_inner_texts()
    page.get_by_role("link", name="Thailand", exact=True).click()
    page.wait_for_url("**/meetings/?*participant=thailand*")

    assert offered == ["Thailand", "Tonga"]
    assert _titles(page) == ["Bangkok SOM"]
    assert page.get_by_label("Attended by").input_value() == "thailand"


def test_members_list_as_at_filter_shows_the_status_on_that_day(page):
    united_states = factories.ParticipantFactory(short_name="United States", name="United States")
    factories.MembershipPeriodFactory(
        participant=united_states, status=MembershipPeriod.Status.OBSERVER
    )
    membership_change(
        participant=united_states,
        status=MembershipPeriod.Status.MEMBER,
        on=datetime.date(2013, 4, 1),
    )
    builders.member(short_name="Indonesia")
    page.goto("/members/")
    today = page.locator("main table tbody tr").all_inner_texts()

    page.get_by_label("As at").fill("2004-06-01")
    page.get_by_label("Status").select_option("observer")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/members/?*as_at=2004-06-01*")
    then = page.locator("main table tbody tr").all_inner_texts()

    assert [row.split("\t") for row in today] == [
        ["Indonesia", "State", "Member"],
        ["United States", "State", "Member"],
    ]
    assert [row.split("\t") for row in then] == [["United States", "State", "Observer"]]
    assert page.locator("main table caption").inner_text() == "Status on 1 June 2004"


def test_members_list_names_a_wrong_day(page):
    builders.member(short_name="Indonesia")
    page.goto("/members/?as_at=2004-02-30")

    alert = page.get_by_role("alert")

    assert "As at: “2004-02-30” is not a date" in alert.inner_text()


@pytest.mark.parametrize("path", ["meeting", "/meetings/", "/members/", "/outcomes/", "/groups/"])
def test_portal_page_fits_a_320_pixel_screen_without_sideways_scrolling(phone_page, path):
    meeting = builders.full_meeting(
        custom_title="Regional Roundtable on Irregular Movements by Sea, Jakarta, "
        "with a long title that must wrap on a phone",
        reported_delegate_total=139,
    )
    factories.GroupFactory(name="Working Group on Trafficking in Persons, a long name")
    phone_page.goto(meeting.get_absolute_url() if path == "meeting" else path)

    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )

    assert overflow == 0
