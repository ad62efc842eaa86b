"""iCalendar files: one meeting, and the feed of all published meetings."""

import datetime

import pytest
from icalendar import Calendar

from baliprocess import calendars
from baliprocess.calendars import meeting_event
from meetings.models import Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def parse(response) -> Calendar:
    return Calendar.from_ical(response.content)


def brisbane_som(**overrides) -> Meeting:
    values = {
        "custom_title": "Senior Officials Meeting, Brisbane 2004",
        "start_date": datetime.date(2004, 6, 7),
        "end_date": datetime.date(2004, 6, 8),
        "city": "Brisbane",
        "country": "AU",
        "venue": "Brisbane Convention Centre",
        "summary": "Senior officials reviewed progress; Report to Ministers adopted.",
    }
    return MeetingFactory(**(values | overrides))


# --- One meeting ------------------------------------------------------------


def test_meeting_calendar_is_an_all_day_event_with_the_meeting_record(client):
    meeting = brisbane_som()

    response = client.get(f"/meetings/{meeting.slug}/calendar.ics")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == (f'attachment; filename="{meeting.slug}.ics"')
    calendar = parse(response)
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]) == "-//Bali Process secretariat//Bali Process portal//EN"
    (event,) = calendar.events
    assert str(event["uid"]) == f"{meeting.slug}@baliprocess"
    assert str(event["summary"]) == "Senior Officials Meeting, Brisbane 2004"
    assert event["dtstart"].dt == datetime.date(2004, 6, 7)
    assert event["dtend"].dt == datetime.date(2004, 6, 9)  # exclusive: the day after
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert str(event["location"]) == "Brisbane Convention Centre, Brisbane, Australia"
    assert str(event["url"]) == f"http://testserver{meeting.get_absolute_url()}"
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["description"]) == (
        "Senior officials meeting, 7–8 June 2004\n\n"
        "Senior officials reviewed progress; Report to Ministers adopted.\n\n"
        f"Record of the meeting: http://testserver{meeting.get_absolute_url()}"
    )


def test_meeting_calendar_uid_stays_the_same_across_downloads(client):
    meeting = brisbane_som()

    first = parse(client.get(f"/meetings/{meeting.slug}/calendar.ics"))
    second = parse(client.get(f"/meetings/{meeting.slug}/calendar.ics"))

    assert first.events[0]["uid"] == second.events[0]["uid"]
    assert first.to_ical() == second.to_ical()


def test_one_day_meeting_ends_the_next_day(client):
    meeting = brisbane_som(start_date=datetime.date(2013, 4, 1), end_date=None)

    (event,) = parse(client.get(f"/meetings/{meeting.slug}/calendar.ics")).events

    assert event["dtstart"].dt == datetime.date(2013, 4, 1)
    assert event["dtend"].dt == datetime.date(2013, 4, 2)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Meeting.Status.HELD, "CONFIRMED"),
        (Meeting.Status.PLANNED, "TENTATIVE"),
        (Meeting.Status.CANCELLED, "CANCELLED"),
    ],
)
def test_meeting_calendar_status_follows_the_meeting(client, status, expected):
    meeting = brisbane_som(status=status)

    (event,) = parse(client.get(f"/meetings/{meeting.slug}/calendar.ics")).events

    assert str(event["status"]) == expected


@pytest.mark.parametrize(
    ("precision", "known_to"),
    [("month", "known only to the month: June 2004"), ("year", "known only to the year: 2004")],
)
def test_meeting_known_only_to_month_or_year_gets_a_friendly_404(client, precision, known_to):
    meeting = brisbane_som(date_precision=precision, end_date=None)

    response = client.get(f"/meetings/{meeting.slug}/calendar.ics")

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>No calendar file for this meeting</h1>" in response.text
    assert known_to in response.text
    assert "does not invent a day" in response.text
    assert f'href="{meeting.get_absolute_url()}"' in response.text


def test_meeting_event_refuses_a_meeting_without_known_days():
    meeting = brisbane_som(date_precision="year", end_date=None)

    with pytest.raises(ValueError, match="known only to the year"):
        meeting_event(meeting, url="http://testserver/")


def test_unpublished_meeting_calendar_is_404_for_the_public(client):
    meeting = brisbane_som(is_published=False)

    response = client.get(f"/meetings/{meeting.slug}/calendar.ics")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


def test_unpublished_meeting_calendar_is_404_for_a_member_official(member_client):
    meeting = brisbane_som(is_published=False)

    response = member_client.get(f"/meetings/{meeting.slug}/calendar.ics")

    assert response.status_code == 404


def test_unpublished_meeting_calendar_is_available_to_staff_as_a_preview(editor_client):
    meeting = brisbane_som(is_published=False)

    response = editor_client.get(f"/meetings/{meeting.slug}/calendar.ics")

    assert response.status_code == 200
    assert len(parse(response).events) == 1


def test_unknown_meeting_calendar_is_404(client):
    response = client.get("/meetings/no-such-meeting/calendar.ics")

    assert response.status_code == 404


@pytest.mark.parametrize("item_count", [1, 3])
def test_meeting_calendar_query_count_is_fixed(client, django_assert_num_queries, item_count):
    meetings = [brisbane_som(custom_title=f"Meeting {n}") for n in range(item_count)]

    with django_assert_num_queries(1):
        response = client.get(f"/meetings/{meetings[-1].slug}/calendar.ics")

    assert response.status_code == 200


# --- The feed of all meetings -----------------------------------------------


def test_calendar_feed_holds_published_meetings_with_known_days(client):
    held = brisbane_som()
    planned = brisbane_som(
        custom_title="Sixth Senior Officials Meeting",
        start_date=datetime.date(2030, 3, 4),
        end_date=None,
        status=Meeting.Status.PLANNED,
    )
    brisbane_som(custom_title="Draft meeting", is_published=False)
    brisbane_som(custom_title="Second Ministerial Conference", date_precision="month")
    brisbane_som(custom_title="First Ministerial Conference", date_precision="year")

    response = client.get("/calendar.ics")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="bali-process-meetings.ics"'
    )
    calendar = parse(response)
    assert str(calendar["x-wr-calname"]) == "Bali Process meetings"
    assert str(calendar["method"]) == "PUBLISH"
    assert [str(event["uid"]) for event in calendar.events] == [
        f"{held.slug}@baliprocess",
        f"{planned.slug}@baliprocess",
    ]
    assert str(calendar.events[1]["status"]) == "TENTATIVE"


def test_calendar_feed_is_the_same_for_every_viewer(client, manager_client):
    brisbane_som()
    brisbane_som(custom_title="Draft meeting", is_published=False)

    anonymous = client.get("/calendar.ics")
    manager = manager_client.get("/calendar.ics")

    assert manager.content == anonymous.content
    assert b"Draft meeting" not in manager.content


def test_calendar_feed_of_an_empty_record_is_a_valid_calendar(client):
    calendar = parse(client.get("/calendar.ics"))

    assert calendar.events == []
    assert str(calendar["version"]) == "2.0"


@pytest.mark.parametrize("item_count", [1, 3])
def test_calendar_feed_query_count_is_fixed(client, django_assert_num_queries, item_count):
    for number in range(item_count):
        brisbane_som(custom_title=f"Meeting {number}")
        brisbane_som(custom_title=f"Undated meeting {number}", date_precision="year")

    with django_assert_num_queries(1):
        response = client.get("/calendar.ics")

    assert len(parse(response).events) == item_count


def test_calendar_feed_holds_only_the_latest_meetings(client, monkeypatch):
    monkeypatch.setattr(calendars, "FEED_LIMIT", 2)
    oldest, middle, newest = (
        brisbane_som(
            custom_title=f"Meeting of {year}",
            start_date=datetime.date(year, 6, 7),
            end_date=datetime.date(year, 6, 8),
        )
        for year in (2004, 2011, 2013)
    )

    calendar = parse(client.get("/calendar.ics"))

    assert [str(event["uid"]) for event in calendar.events] == [
        f"{middle.slug}@baliprocess",
        f"{newest.slug}@baliprocess",
    ]
    assert client.get(f"/meetings/{oldest.slug}/calendar.ics").status_code == 200
