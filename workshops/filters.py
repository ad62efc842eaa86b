"""Strict FilterSets of the groups, workshops and outcomes lists.

Each narrows its selector's queryset (workshops.selectors.group_list,
workshop_list, outcome_list), which already holds only what the viewer may
see; the filters' own rules (what "hosted by" or "the group's outcomes"
means) are the selectors' too.
"""

from django.db.models import Exists, OuterRef

from baliprocess.lib.filters import (
    MAX_SELECT_OPTIONS,
    KindChoiceFilter,
    PortalFilterSet,
    RecordFilter,
    YearFilter,
)
from meetings.filters import (
    GROUP_NAMES,
    MEETING_NAMES,
    PARTICIPANT_NAMES,
    meeting_label,
    visible_meetings,
)
from meetings.models import Meeting, MeetingRole
from membership.models import Participant
from workshops.models import Group, Outcome, OutcomeStatus, Theme
from workshops.selectors import (
    HOST_ROLES,
    WORKSHOP_LIST_KINDS,
    hosted_by,
    outcomes_of_group,
    outcomes_of_meeting,
)


def all_groups(request):
    return Group.objects.order_by("name")


def all_themes(request):
    return Theme.objects.order_by("name")


def workshop_hosts(request):
    """Participants that hosted or co-hosted a workshop or other working-level
    meeting the viewer may see."""
    hosted = MeetingRole.objects.filter(
        participant=OuterRef("pk"),
        role__in=HOST_ROLES,
        meeting__in=visible_meetings(request).of_kind(*WORKSHOP_LIST_KINDS),
    )
    return Participant.objects.filter(Exists(hosted)).order_by("short_name")


def responsible_participants(request):
    """Participants responsible for an outcome the viewer may see."""
    outcomes = Outcome.objects.visible_to(request.user) if request else Outcome.objects.none()
    responsible = Outcome.responsible_participants.through.objects.filter(
        participant=OuterRef("pk"), outcome__in=outcomes
    )
    return Participant.objects.filter(Exists(responsible)).order_by("short_name")


class GroupFilterSet(PortalFilterSet):
    """Groups by status (active, discontinued, or not recorded) and kind.

    The states are Group.status_label's, each a GroupQuerySet method: a group
    the sources show at work without dating its establishment or end is
    neither active nor discontinued, as far as the record goes."""

    ACTIVE = "active"
    DISCONTINUED = "discontinued"
    NOT_RECORDED = "not_recorded"

    state = KindChoiceFilter(
        label="Status",
        choices=[
            (ACTIVE, "Active"),
            (DISCONTINUED, "Discontinued"),
            (NOT_RECORDED, "Status not recorded"),
        ],
        noun="status of a group",
        empty_label="Any status",
        method="filter_state",
    )
    kind = KindChoiceFilter(
        label="Kind", choices=Group.Kind.choices, noun="kind of group", field_name="kind"
    )

    layout = ("state", "kind")

    class Meta(PortalFilterSet.Meta):
        model = Group
        fields = ()

    def filter_state(self, queryset, name, value):
        if value == self.ACTIVE:
            return queryset.active()
        if value == self.DISCONTINUED:
            return queryset.discontinued()
        if value == self.NOT_RECORDED:
            return queryset.status_not_recorded()
        return queryset


class WorkshopFilterSet(PortalFilterSet):
    """Workshops by theme, host, year and group."""

    theme = RecordFilter(
        label="Theme",
        queryset=all_themes,
        noun="theme",
        field_name="themes",
        select_up_to=MAX_SELECT_OPTIONS,
        name_fields=("name",),
    )
    host = RecordFilter(
        label="Hosted by",
        queryset=workshop_hosts,
        noun="host",
        method="filter_host",
        help_text="The member that hosted or co-hosted it: its name, e.g. Thailand.",
        **PARTICIPANT_NAMES,
    )
    year = YearFilter(label="Year", field_name="start_date")
    group = RecordFilter(
        label="Held under",
        queryset=all_groups,
        noun="group",
        field_name="group",
        select_up_to=MAX_SELECT_OPTIONS,
        **GROUP_NAMES,
    )

    layout = ("theme", "host", "year", "group")

    class Meta(PortalFilterSet.Meta):
        model = Meeting
        fields = ()

    def filter_host(self, queryset, name, value):
        return hosted_by(queryset, value) if value else queryset


class OutcomeFilterSet(PortalFilterSet):
    """The outcome register by kind, current status, group, meeting, participant and year."""

    kind = KindChoiceFilter(
        label="Kind", choices=Outcome.Kind.choices, noun="kind of outcome", field_name="kind"
    )
    status = KindChoiceFilter(
        label="Current status",
        choices=OutcomeStatus.Status.choices,
        noun="status",
        field_name="current_status",
    )
    group = RecordFilter(
        label="Group",
        queryset=all_groups,
        noun="group",
        method="filter_group",
        help_text="The group it came from or that is responsible for it.",
        select_up_to=MAX_SELECT_OPTIONS,
        **GROUP_NAMES,
    )
    meeting = RecordFilter(
        label="Meeting",
        queryset=visible_meetings,
        noun="meeting",
        method="filter_meeting",
        label_of=meeting_label,
        help_text="The meeting it came from, or one that endorsed or reported on it: "
        "its title, or part of it.",
        **MEETING_NAMES,
    )
    participant = RecordFilter(
        label="Responsible participant",
        queryset=responsible_participants,
        noun="participant",
        field_name="responsible_participants",
        help_text="Who is responsible for it, or pledged it: its name, e.g. Australia.",
        **PARTICIPANT_NAMES,
    )
    year = YearFilter(label="Year", field_name="date")

    layout = ("kind", "status", "group", "meeting", "participant", "year")

    class Meta(PortalFilterSet.Meta):
        model = Outcome
        fields = ()

    def filter_group(self, queryset, name, value):
        return outcomes_of_group(queryset, value) if value else queryset

    def filter_meeting(self, queryset, name, value):
        return outcomes_of_meeting(queryset, value) if value else queryset
