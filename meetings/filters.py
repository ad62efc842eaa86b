"""Strict FilterSets of the meetings and documents lists.

A page or an export reads a list one way: the selector's queryset (meetings.
selectors.meeting_list, document_list), which holds only what the viewer may
see, narrowed by the FilterSet given the request it serves —
`MeetingFilterSet(request.GET, queryset=meeting_list(user=request.user),
request=request)`. A meeting, a participant or a country is named by typing
(baliprocess.lib.filters.RecordFilter): only records the viewer may see can
fit, so a filter never reveals a meeting the viewer may not see, nor who
attended one.
"""

from django.db.models import Exists, OuterRef, Q

from baliprocess.lib.filters import (
    MAX_SELECT_OPTIONS,
    CountryFilter,
    DayFilter,
    KindChoiceFilter,
    PortalFilterSet,
    RecordFilter,
    TextFilter,
    YearFilter,
)
from meetings.models import Delegation, Document, Meeting, MeetingRole
from membership.models import Participant

# How a participant is named: short or official name, acronym, another name it
# is known by (compared whole and word by word), or its ISO code (whole).
PARTICIPANT_NAMES = {
    "name_fields": ("short_name", "name", "acronym", "alternative_names__name"),
    "code_fields": ("country",),
}
MEETING_NAMES = {"name_fields": ("title",), "word_fields": ("city",)}
GROUP_NAMES = {"name_fields": ("name", "short_name")}


def meeting_label(meeting: Meeting) -> str:
    """A meeting as a choice names it: titles repeat, so with its dates."""
    return f"{meeting.title} ({meeting.dates_label})"


def visible_meetings(request):
    """The meetings a filter may name: those the viewer may see, newest first
    (none without a request: a FilterSet is always given the request it serves)."""
    if request is None:
        return Meeting.objects.none()
    return Meeting.objects.visible_to(request.user).newest_first()


def participants_that_attended(request):
    """Participants that sent a delegation to a meeting the viewer may see."""
    attended = Delegation.objects.filter(
        participant=OuterRef("pk"), meeting__in=visible_meetings(request)
    )
    return Participant.objects.filter(Exists(attended)).order_by("short_name")


def participants_with_roles(request):
    """Participants that chaired, hosted or co-organised a meeting the viewer may see."""
    roles = MeetingRole.objects.filter(
        participant=OuterRef("pk"), meeting__in=visible_meetings(request)
    )
    return Participant.objects.filter(Exists(roles)).order_by("short_name")


def all_groups(request):
    # Groups belong to the workshops app above this one: reach their model
    # through the relation rather than an import against the arrows.
    return Meeting._meta.get_field("group").related_model.objects.order_by("name")


class MeetingFilterSet(PortalFilterSet):
    """Meetings by words, kind, year or date range, host country, group, attendance and roles."""

    q = TextFilter(
        label="Words",
        method="filter_words",
        help_text="In the title, summary or city, e.g. Brisbane.",
    )
    kind = KindChoiceFilter(
        label="Kind", choices=Meeting.Kind.choices, noun="kind of meeting", field_name="kind"
    )
    year = YearFilter(label="Year", field_name="start_date")
    date_from = DayFilter(label="From", field_name="start_date", lookup_expr="gte")
    date_to = DayFilter(label="To", field_name="start_date", lookup_expr="lte")
    country = CountryFilter(
        label="Host country",
        queryset=visible_meetings,
        noun="host country",
        plural="host countries",
        field_name="country",
        help_text="Where the meeting took place: a name or its code, e.g. Thailand or TH.",
    )
    group = RecordFilter(
        label="Held under",
        queryset=all_groups,
        noun="group",
        field_name="group",
        select_up_to=MAX_SELECT_OPTIONS,
        **GROUP_NAMES,
    )
    participant = RecordFilter(
        label="Attended by",
        queryset=participants_that_attended,
        noun="participant",
        method="filter_participant",
        help_text="A member or observer that sent a delegation: its name, e.g. Fiji or UNHCR.",
        **PARTICIPANT_NAMES,
    )
    role = RecordFilter(
        label="Chaired, hosted or organised by",
        queryset=participants_with_roles,
        noun="participant",
        method="filter_role",
        help_text="A co-chair, host or co-organiser: its name, e.g. Indonesia.",
        **PARTICIPANT_NAMES,
    )

    layout = (
        "q",
        "kind",
        "year",
        ("Held between", ("date_from", "date_to")),
        "country",
        "group",
        "participant",
        "role",
    )
    date_ranges = (("date_from", "date_to"),)

    class Meta(PortalFilterSet.Meta):
        model = Meeting
        fields = ()

    def filter_words(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(city__icontains=word)
            )
        return queryset

    def filter_participant(self, queryset, name, value):
        return queryset.attended_by(value) if value else queryset

    def filter_role(self, queryset, name, value):
        roles = MeetingRole.objects.filter(meeting=OuterRef("pk"), participant=value)
        return queryset.filter(Exists(roles)) if value else queryset


class DocumentFilterSet(PortalFilterSet):
    """Documents by kind, meeting, group and year."""

    kind = KindChoiceFilter(
        label="Kind", choices=Document.Kind.choices, noun="kind of document", field_name="kind"
    )
    meeting = RecordFilter(
        label="Meeting",
        queryset=visible_meetings,
        noun="meeting",
        field_name="meeting",
        label_of=meeting_label,
        help_text="Its title, or part of it, e.g. Fourth Ministerial.",
        **MEETING_NAMES,
    )
    group = RecordFilter(
        label="Group",
        queryset=all_groups,
        noun="group",
        field_name="group",
        select_up_to=MAX_SELECT_OPTIONS,
        **GROUP_NAMES,
    )
    year = YearFilter(label="Year", field_name="date")

    layout = ("kind", "meeting", "group", "year")

    class Meta(PortalFilterSet.Meta):
        model = Document
        fields = ()
