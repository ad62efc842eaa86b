"""Portal pages of the workshops app: groups, workshops and the outcome register."""

from django.http import Http404
from django.views.generic import DetailView

from baliprocess.lib.excerpts import excerpt
from baliprocess.lib.views import PortalListView
from meetings.selectors import attach_sources
from workshops.filters import GroupFilterSet, OutcomeFilterSet, WorkshopFilterSet
from workshops.models import Group, Outcome
from workshops.selectors import (
    group_composition,
    group_documents,
    group_for_portal,
    group_list,
    group_meetings,
    group_outcomes,
    group_outcomes_concerning,
    group_roles,
    group_subgroups,
    group_terms_of_reference,
    outcome_for_portal,
    outcome_links,
    outcome_list,
    outcome_status_timeline,
    workshop_list,
)


class GroupListView(PortalListView):
    """/groups/: every group, active, discontinued or of unrecorded status, with kind and period."""

    template_name = "workshops/group_list.html"
    filterset_class = GroupFilterSet
    context_object_name = "groups"
    paginate_by = 50

    def get_queryset(self):
        return group_list()


class GroupDetailView(DetailView):
    """/groups/<slug>/: a group's mandate, terms of reference, people, meetings and outcomes.

    Its meetings, outcomes and documents grow with the record: the page shows
    the most recent of each (an Excerpt) and links to the filtered list of them all.
    """

    template_name = "workshops/group_detail.html"
    context_object_name = "group"

    def get_object(self, queryset=None):
        try:
            return group_for_portal(self.kwargs["slug"], user=self.request.user)
        except Group.DoesNotExist:
            raise Http404("No such group") from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group, user = self.object, self.request.user
        terms = list(group_terms_of_reference(group, user=user))
        adopters = {(term.adopted_by_id, term.adopted_by_visible) for term in terms}
        roles = list(group_roles(group))
        composition = list(group_composition(group, user=user))
        attach_sources([group, *terms, *roles, *composition], user=user)
        context.update(
            terms_of_reference=terms,
            # When one meeting adopted them all, the page says so once, below the list.
            terms_adopted_together_by=(
                terms[0].adopted_by
                if len(adopters) == 1 and terms[0].adopted_by_id and terms[0].adopted_by_visible
                else None
            ),
            roles=roles,
            composition=composition,
            outcomes_concerning=group_outcomes_concerning(group, user=user),
            subgroups=list(group_subgroups(group)),
            meetings=excerpt(group_meetings(group, user=user)),
            outcomes=excerpt(group_outcomes(group, user=user)),
            documents=excerpt(group_documents(group, user=user)),
        )
        return context


class WorkshopListView(PortalListView):
    """/workshops/: workshops and other working-level meetings, each linking to its meeting page."""

    template_name = "workshops/workshop_list.html"
    filterset_class = WorkshopFilterSet
    context_object_name = "workshops"

    def get_queryset(self):
        return workshop_list(user=self.request.user)


class OutcomeListView(PortalListView):
    """/outcomes/: the outcome register."""

    template_name = "workshops/outcome_list.html"
    filterset_class = OutcomeFilterSet
    context_object_name = "outcomes"

    def get_queryset(self):
        return outcome_list(user=self.request.user)


class OutcomeDetailView(DetailView):
    """/outcomes/<pk>/: an outcome, its citation, status timeline and links both ways."""

    template_name = "workshops/outcome_detail.html"
    context_object_name = "outcome"

    def get_object(self, queryset=None):
        try:
            return outcome_for_portal(self.kwargs["pk"], user=self.request.user)
        except Outcome.DoesNotExist:
            raise Http404("No such outcome") from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        outcome, user = self.object, self.request.user
        outgoing, incoming = outcome_links(outcome, user=user)
        timeline = list(outcome_status_timeline(outcome, user=user))
        attach_sources([outcome, *timeline, *outgoing, *incoming], user=user)
        context.update(
            timeline=timeline,
            links_out=outgoing,
            links_in=incoming,
            responsible_participants=list(outcome.responsible_participants.all()),
        )
        return context
