"""Strict FilterSets of the meetings and documents lists.

A page or an export reads a list one way: the selector's queryset (meetings.
selectors.meeting_list, document_list), which holds only what the viewer may
see, narrowed by the FilterSet given the request it serves —
`MeetingFilterSet(request.GET, queryset=meeting_list(user=request.user),
request=request)`. Choices that name meetings or the participants that
attended them are limited the same way, so a menu never reveals a meeting the
viewer may not see.
"""

from django.db.models import Q
from django_countries import countries

from baliprocess.lib.filters import (
    DayFilter,
    KindChoiceFilter,
    PortalFilterSet,
    SlugChoiceFilter,
    TextFilter,
    YearFilter,
)
from meetings.models import Document, Meeting
from membership.models import Participant


def visible_meetings(request):
    """The meetings a choice may name: those the viewer may see, newest first
    (none without a request: a FilterSet is always given the request it serves)."""
    if request is None:
        return Meeting.objects.none()
    return Meeting.objects.visible_to(request.user).newest_first()


def participants_that_attended(request):
    """Participants that sent a delegation to a meeting the viewer may see."""
    return (
        Participant.objects.filter(delegations__meeting__in=visible_meetings(request))
        .distinct()
        .order_by("short_name")
    )


def document_groups(request):
    # Groups belong to the workshops app above this one: reach their model
    # through the relation rather than an import against the arrows.
    return Document._meta.get_field("group").related_model.objects.order_by("name")


class MeetingFilterSet(PortalFilterSet):
    """Meetings by words, kind, year or date range, host country and attendance."""

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
    country = KindChoiceFilter(
        label="Host country",
        choices=[],
        noun="host country",
        field_name="country",
        help_text="Where the meeting took place.",
    )
    participant = SlugChoiceFilter(
        label="Attended by",
        queryset=participants_that_attended,
        noun="participant",
        method="filter_participant",
        help_text="A member or observer that sent a delegation.",
    )

    layout = (
        "q",
        "kind",
        "year",
        ("Held between", ("date_from", "date_to")),
        "country",
        "participant",
    )
    date_ranges = (("date_from", "date_to"),)

    class Meta(PortalFilterSet.Meta):
        model = Meeting
        fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The countries meetings the viewer may see took place in, read once
        # when the form is built (validation and the menu share the list). A
        # closure, not a bound method: the form deep-copies its fields' choices.
        self.filters["country"].extra["choices"] = lambda: self._host_countries()

    def _host_countries(self):
        if not hasattr(self, "_host_country_choices"):
            codes = set(
                self.queryset.exclude(country="")
                .order_by()
                .values_list("country", flat=True)
                .distinct()
            )
            self._host_country_choices = sorted(
                ((code, countries.name(code)) for code in codes), key=lambda choice: choice[1]
            )
        return self._host_country_choices

    def filter_words(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(city__icontains=word)
            )
        return queryset

    def filter_participant(self, queryset, name, value):
        return queryset.attended_by(value) if value else queryset


class DocumentFilterSet(PortalFilterSet):
    """Documents by kind, meeting, group and year."""

    kind = KindChoiceFilter(
        label="Kind", choices=Document.Kind.choices, noun="kind of document", field_name="kind"
    )
    meeting = SlugChoiceFilter(
        label="Meeting", queryset=visible_meetings, noun="meeting", field_name="meeting"
    )
    group = SlugChoiceFilter(
        label="Group", queryset=document_groups, noun="group", field_name="group"
    )
    year = YearFilter(label="Year", field_name="date")

    layout = ("kind", "meeting", "group", "year")

    class Meta(PortalFilterSet.Meta):
        model = Document
        fields = ()
