"""Portal pages of the membership app: members and observers, and one participant.

`PortalListView` is the list view every portal list uses (meetings, groups,
workshops, outcomes, documents too): it lives here, in the lowest app, so the
others may import it without an import against the arrows.
"""

from django.http import Http404
from django.utils import timezone
from django.views.generic import DetailView
from django_filters.views import FilterView

from membership.filters import ParticipantFilterSet
from membership.models import MembershipPeriod, Participant
from membership.selectors import (
    participant_delegations,
    participant_for_portal,
    participant_group_memberships,
    participant_group_roles,
    participant_meeting_roles,
    participant_outcomes,
    participant_status_history_cited,
)


def _page_count_phrase(count: int) -> str:
    return "one page" if count == 1 else f"{count} pages"


class PortalListView(FilterView):
    """A ListView with a strict FilterSet and pagination that never fails.

    - The FilterSet is always bound, so an empty query string is a valid,
      unfiltered request and the FilterSet's own `filter_queryset` always runs.
    - Strict: when a filter value is wrong, the list is empty and the page
      names what is wrong (`filter_problems`).
    - A page number that is not a number, or lies past the end, shows a
      message (`page_problem`) and the nearest real page instead of a 404.
    """

    paginate_by = 20
    strict = True

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["data"] = self.request.GET
        return kwargs

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=True
        )
        raw = self.request.GET.get(self.page_kwarg, "")
        number, self.page_problem = self._page_number(raw.strip(), paginator)
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    @staticmethod
    def _page_number(raw: str, paginator) -> tuple[int, str]:
        if raw == "":
            return 1, ""
        if raw == "last":
            return paginator.num_pages, ""
        shown = raw if len(raw) <= 20 else f"{raw[:20]}…"
        try:
            number = int(raw)
        except ValueError:
            return 1, f"“{shown}” is not a page number; here is the first page."
        pages = paginator.num_pages
        if number < 1:
            return 1, f"Pages are numbered from 1; “{shown}” is not one. Here is the first page."
        if number > pages:
            return pages, (
                f"There is no page {shown}; this list has {_page_count_phrase(pages)}. "
                f"Here is page {pages}."
            )
        return number, ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_problems"] = self.filterset.problems()
        context["page_problem"] = getattr(self, "page_problem", "")
        page = context.get("page_obj")
        context["page_range"] = (
            list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
            if page is not None
            else []
        )
        return context


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
        return context


class ParticipantDetailView(DetailView):
    """/members/<slug>/: one participant's status history, meetings, groups and outcomes."""

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
        current = [period for period in periods if period.is_current]
        context.update(
            periods=periods,
            current_period=current[0] if current else None,
            delegations=list(participant_delegations(participant, user=user)),
            meeting_roles=list(participant_meeting_roles(participant, user=user)),
            group_roles=list(participant_group_roles(participant)),
            group_memberships=list(participant_group_memberships(participant, user=user)),
            outcomes=list(participant_outcomes(participant, user=user)),
            member_status=MembershipPeriod.Status.MEMBER,
        )
        return context
