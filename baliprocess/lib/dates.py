"""Dates known to the day, the month or only the year.

The record must not invent a day it does not know: "the Second Ministerial
Conference, April 2003" is stored as 1 April 2003 with month precision, and
shown as "April 2003". Queries compare the stored date; the precision says
how much of it to show and to believe.
"""

import datetime

from django.db import models
from django.utils.dates import MONTHS


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def normalise(value: datetime.date | None, precision: str) -> datetime.date | None:
    """The stored form of a date at a precision: the first day of its month or year."""
    if value is None:
        return None
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    return value


def period_end(value: datetime.date | None, precision: str) -> datetime.date | None:
    """The last day a date at a precision may stand for: 30 June 2004 for
    "June 2004", 31 December 2004 for "2004".

    Lists sort on it, so an item known only to the month or the year comes
    after the dated items of that month or year instead of passing for the
    1st of January.
    """
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return value.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        following = (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    return value


def format_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """'7 June 2004', 'June 2004' or '2004'; '' for no date."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTHS[value.month]} {value.year}"
    return f"{value.day} {MONTHS[value.month]} {value.year}"


def format_range(
    start: datetime.date | None,
    end: datetime.date | None,
    precision: str = DatePrecision.DAY,
) -> str:
    """A date range written the short way: '7–8 June 2004', '30 June – 2 July 2004'."""
    if start is None:
        return format_date(end, precision)
    if end is None or normalise(end, precision) == normalise(start, precision):
        return format_date(start, precision)
    if precision == DatePrecision.YEAR:
        return f"{start.year}–{end.year}"
    if precision == DatePrecision.MONTH:
        if start.year == end.year:
            return f"{MONTHS[start.month]}–{MONTHS[end.month]} {end.year}"
        return f"{format_date(start, precision)} – {format_date(end, precision)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month]} – {end.day} {MONTHS[end.month]} {end.year}"
    return f"{format_date(start)} – {format_date(end)}"


def format_period(
    start: datetime.date | None,
    start_precision: str,
    end: datetime.date | None,
    end_precision: str,
    *,
    style: str = "words",
    open_word: str = "from",
) -> str:
    """A dated period at its precision, or '' when neither end is known.

    style="words": 'from 2002 until June 2004', 'from 1 April 2013', 'until 1 April 2013';
    style="range": '2002 – June 2004', 'from 1 April 2013', 'until 1 April 2013'.
    `open_word` starts a period with no end ('since 14 April 2009' for a standing body).
    """
    start_text = format_date(start, start_precision)
    end_text = format_date(end, end_precision)
    if start_text and end_text:
        if style == "range":
            return f"{start_text} – {end_text}"
        return f"from {start_text} until {end_text}"
    if start_text:
        return f"{open_word} {start_text}"
    if end_text:
        return f"until {end_text}"
    return ""


def periods_overlap(
    start: datetime.date | None,
    end: datetime.date | None,
    other_start: datetime.date | None,
    other_end: datetime.date | None,
) -> bool:
    """Whether two half-open periods share a day: each starts before the other ends.

    A missing start is the beginning of time, a missing end is open. The models'
    database checks (MembershipPeriod.overlapping_periods, GroupMembership.clean)
    express the same rule as queries; forms use this to compare unsaved rows.
    """
    starts_before_other_ends = start is None or other_end is None or start < other_end
    other_starts_before_end = other_start is None or end is None or other_start < end
    return starts_before_other_ends and other_starts_before_end


def parse_partial_date(text: str) -> tuple[datetime.date, str]:
    """'2004', '2004-06' or '2004-06-07' to a stored date and its precision."""
    text = text.strip()
    parts = text.split("-")
    try:
        if len(parts) == 1:
            return datetime.date(int(parts[0]), 1, 1), DatePrecision.YEAR
        if len(parts) == 2:
            return datetime.date(int(parts[0]), int(parts[1]), 1), DatePrecision.MONTH
        if len(parts) == 3:
            return datetime.date.fromisoformat(text), DatePrecision.DAY
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date written as YYYY, YYYY-MM or YYYY-MM-DD")
