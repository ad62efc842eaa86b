"""Portal pages of the membership app: members and observers, and one participant.

A participant's page shows what it did in the apps above this one (meetings
attended, groups, outcomes): as a view it may read their selectors (see
docs/architecture.md, "The view layer").
"""

from django.http import Http404
from django.utils import timezone
from django.views.generic import DetailView

from baliprocess.lib.excerpts import excerpt
from baliprocess.lib.views import PortalListView
from meetings.selectors import (
    attach_sources,
    participant_delegations,
    participant_meeting_roles,
    participant_status_history_cited,
)
from membership.filters import ParticipantFilterSet
from membership.models import MembershipPeriod, Participant
from membership.selectors import participant_for_portal, status_not_recorded_count
from workshops.selectors import (
    participant_group_memberships,
    participant_group_roles,
    participant_outcomes,
)


class ParticipantListView(PortalListView):
    """/members/: members and observers on a day (today unless asked), with their status."""

    template_name = "membership/participant_list.html"
    filterset_class = ParticipantFilterSet
    paginate_by = 60
    context_object_name = "participants"

    def get_queryset(self):
        # The FilterSet applies the status-on-a-date selector itself: the day is one of its fields.
        return Participant.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["as_at"] = self.filterset.as_at_date
        context["as_at_is_today"] = self.filterset.as_at_date == timezone.localdate()
        context["status_not_recorded"] = status_not_recorded_count(self.filterset.as_at_date)
        return context


class ParticipantDetailView(DetailView):
    """/members/<slug>/: one participant's status history, meetings, groups and outcomes.

    Meetings attended, roles at meetings and outcomes grow with the record: the
    page shows the most recent of each (an Excerpt, with how many there are) and
    links to the list of them all, filtered by the participant.
    """

    template_name = "membership/participant_detail.html"
    context_object_name = "participant"

    def get_object(self, queryset=None):
        try:
            return participant_for_portal(self.kwargs["slug"])
        except Participant.DoesNotExist:
            raise Http404("No such participant") from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participant, user = self.object, self.request.user
        periods = list(participant_status_history_cited(participant, user=user))
        attach_sources([participant, *periods], user=user)
        current = [period for period in periods if period.is_current]
        context.update(
            periods=periods,
            current_period=current[0] if current else None,
            delegations=excerpt(participant_delegations(participant, user=user)),
            meeting_roles=excerpt(participant_meeting_roles(participant, user=user)),
            group_roles=list(participant_group_roles(participant)),
            group_memberships=list(participant_group_memberships(participant, user=user)),
            outcomes=excerpt(participant_outcomes(participant, user=user)),
            member_status=MembershipPeriod.Status.MEMBER,
        )
        return context
