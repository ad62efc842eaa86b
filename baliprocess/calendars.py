"""Meetings as iCalendar (RFC 5545) files, built with the icalendar library.

Meetings are all-day events: the record knows the days of a meeting, not its
hours. A meeting whose dates are known only to the month or the year has no
place in a calendar, which would need a day the record does not know; it is
left out of the calendar feed, and its own calendar file is refused.
"""

import datetime
from collections.abc import Callable, Iterable

from icalendar import Calendar, Event

from baliprocess.lib.dates import DatePrecision
from meetings.models import Meeting

PRODUCT_ID = "-//Bali Process secretariat//Bali Process portal//EN"
# UIDs must stay the same across downloads so calendars update, not duplicate.
UID_DOMAIN = "baliprocess"
FEED_NAME = "Bali Process meetings"
FEED_FILENAME = "bali-process-meetings.ics"
CONTENT_TYPE = "text/calendar; charset=utf-8"

EVENT_STATUS = {
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.PLANNED: "TENTATIVE",
    Meeting.Status.CANCELLED: "CANCELLED",
}


# Meetings in the calendar feed: a subscribed calendar needs the coming meetings
# and the recent ones, not the whole archive (5,000 meetings made a 3.6 MB file
# that took 3 s to build). Older meetings keep their own calendar file.
FEED_LIMIT = 100


def calendar_meetings() -> list[Meeting]:
    """The FEED_LIMIT latest published meetings whose dates are known to the day
    (planned ones are the latest), in date order."""
    latest = (
        Meeting.objects.published()
        .filter(date_precision=DatePrecision.DAY)
        .order_by("-start_date", "-pk")[:FEED_LIMIT]
    )
    return sorted(latest, key=lambda meeting: (meeting.start_date, meeting.pk))


def has_calendar_dates(meeting: Meeting) -> bool:
    return meeting.date_precision == DatePrecision.DAY


def meeting_uid(meeting: Meeting) -> str:
    return f"{meeting.slug}@{UID_DOMAIN}"


def meeting_filename(meeting: Meeting) -> str:
    return f"{meeting.slug}.ics"


def meeting_event(meeting: Meeting, *, url: str) -> Event:
    """One all-day VEVENT; DTEND is the day after the last day, as RFC 5545 wants."""
    if not has_calendar_dates(meeting):
        raise ValueError(f"{meeting}: dates known only to the {meeting.date_precision}")
    last_day = meeting.end_date or meeting.start_date
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", meeting.updated_at)
    event.add("created", meeting.created_at)
    event.add("last-modified", meeting.updated_at)
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.start_date)
    event.add("dtend", last_day + datetime.timedelta(days=1))
    if meeting.place_label:
        event.add("location", meeting.place_label)
    event.add("url", url)
    event.add("description", _description(meeting, url))
    event.add("status", EVENT_STATUS[meeting.status])
    event.add("categories", [meeting.get_kind_display()])
    event.add("transp", "TRANSPARENT")
    return event


def _description(meeting: Meeting, url: str) -> str:
    lines = [f"{meeting.get_kind_display()}, {meeting.dates_label}"]
    if meeting.status == Meeting.Status.CANCELLED:
        lines.append("This meeting was cancelled.")
    if meeting.summary:
        lines.append(meeting.summary.strip())
    lines.append(f"Record of the meeting: {url}")
    return "\n\n".join(lines)


def meetings_calendar(
    meetings: Iterable[Meeting], *, url_of: Callable[[Meeting], str], name: str = FEED_NAME
) -> bytes:
    """A VCALENDAR with one event per meeting, serialised."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, url=url_of(meeting)))
    return calendar.to_ical()
