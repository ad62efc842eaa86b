"""Template helpers shared by every portal page."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html, format_html_join

from baliprocess.lib.dates import DatePrecision, format_date
from meetings.models import Delegation, ordinal_word
from meetings.selectors import MeetingPeople, meeting_people
from membership.models import MembershipPeriod, Participant
from workshops.models import OutcomeStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, href: str, label: str) -> str:
    """A primary navigation item, marked as the current section when it is one."""
    request = context.get("request")
    path = request.path if request is not None else ""
    if path == href:
        marker = "page"
    elif path.startswith(href):
        marker = "true"  # a page inside this section
    else:
        return format_html('<li><a href="{}">{}</a></li>', href, label)
    return format_html('<li><a href="{}" aria-current="{}">{}</a></li>', href, marker, label)


@register.filter
def web_address(value: str) -> str:
    """The address if it is an http(s) one, else '': a link out of the record
    never carries another scheme (javascript:, data:), whoever typed it."""
    value = (value or "").strip()
    return value if urlsplit(value).scheme.lower() in ("http", "https") else ""


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """The address of page `number` of the current list, keeping its filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


def _joined(items: list) -> list:
    """Separators to put between items in running text: ', ' … ' and '."""
    count = len(items)
    return [
        "" if index == 0 else (" and " if index == count - 1 else ", ") for index in range(count)
    ]


@register.filter
def join_and(items) -> str:
    """'Indonesia', 'Indonesia and Australia', 'Fiji, UNHCR and IOM'."""
    items = [str(item) for item in items]
    return "".join(separator + item for separator, item in zip(_joined(items), items, strict=True))


@register.simple_tag
def participant_links(items) -> str:
    """Participants (or roles at a meeting) as links to their pages, joined in
    running text: 'Indonesia and Australia'."""
    participants = [item if isinstance(item, Participant) else item.participant for item in items]
    return format_html_join(
        "",
        '{}<a href="{}">{}</a>',
        (
            (separator, participant.get_absolute_url(), participant.short_name)
            for separator, participant in zip(_joined(participants), participants, strict=True)
        ),
    )


@register.filter
def membership_status(value) -> str:
    """'Member' or 'Observer' for a stored status ('' for none)."""
    return MembershipPeriod.Status(value).label if value else ""


@register.filter
def outcome_status(value) -> str:
    """'Endorsed', 'In progress'… for a stored outcome status ('' for none)."""
    return OutcomeStatus.Status(value).label if value else ""


@register.filter
def capacity(value) -> str:
    """'Member', 'Observer', 'Guest' or 'Secretariat' for a delegation's capacity."""
    return Delegation.Capacity(value).label if value else ""


@register.simple_tag
def iso_date(value, precision=DatePrecision.DAY) -> str:
    """A date for a <time datetime="…"> attribute at its precision: '2004',
    '2004-06' or '2004-06-07', so not even the machine-readable form invents a day."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


@register.simple_tag
def people_of(meeting) -> MeetingPeople:
    """A meeting's co-chairs, hosts and co-organisers, from its prefetched roles."""
    return meeting_people(meeting)


@register.filter
def ordinal(number) -> str:
    """'Fifth' for 5, '21st' beyond the words the record spells out."""
    return ordinal_word(int(number)) if number else ""


@register.simple_tag
def date_label(value, precision=DatePrecision.DAY) -> str:
    """'7 June 2004', 'June 2004' or '2004', as precise as the record is."""
    return format_date(value, precision)
