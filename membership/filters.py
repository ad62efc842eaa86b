"""The members list's strict FilterSet (the shared pieces are in baliprocess.lib.filters)."""

import datetime

from django.utils import timezone

from baliprocess.lib.filters import DayFilter, KindChoiceFilter, PortalFilterSet
from membership.models import MembershipPeriod, Participant
from membership.selectors import participants_in_status_on

# --- Members and observers --------------------------------------------------


class ParticipantFilterSet(PortalFilterSet):
    """Who was a member or an observer on a date, of which kind.

    The "as at" date is not a filter of its own: it decides every
    participant's status, so `filter_queryset` applies it first (today when
    left empty) and the status filter then reads that status.
    """

    KIND_STATES = "states"
    KIND_ORGANISATIONS = "organisations"

    status = KindChoiceFilter(
        label="Status",
        choices=MembershipPeriod.Status.choices,
        noun="status",
        empty_label="Members and observers",
        method="filter_status",
    )
    kind = KindChoiceFilter(
        label="Kind",
        choices=[
            (KIND_STATES, "States and territories"),
            (KIND_ORGANISATIONS, "Organisations and regional processes"),
        ],
        noun="kind of participant",
        empty_label="States and organisations",
        method="filter_kind",
    )
    as_at = DayFilter(
        label="As at",
        method="filter_as_at",
        help_text="Their status on this day; today when left empty. E.g. 2004-06-01.",
    )

    layout = ("as_at", "status", "kind")

    class Meta(PortalFilterSet.Meta):
        model = Participant
        fields = ()

    @property
    def as_at_date(self) -> datetime.date:
        """The day the list describes: the one asked for when valid, else today."""
        if self.is_bound and self.is_valid() and self.form.cleaned_data.get("as_at"):
            return self.form.cleaned_data["as_at"]
        return timezone.localdate()

    def filter_queryset(self, queryset):
        queryset = participants_in_status_on(self.as_at_date, queryset=queryset)
        return super().filter_queryset(queryset)

    def filter_as_at(self, queryset, name, value):
        return queryset  # applied first, in filter_queryset

    def filter_status(self, queryset, name, value):
        return queryset.filter(status_on_date=value) if value else queryset

    def filter_kind(self, queryset, name, value):
        if value == self.KIND_STATES:
            return queryset.states()
        if value == self.KIND_ORGANISATIONS:
            return queryset.organisations()
        return queryset
