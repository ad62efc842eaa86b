"""Reads about groups, workshops and outcomes that the portal's pages share.

Visibility is never decided here: meetings, documents and outcomes come
through their querysets' `visible_to(user)`. Groups, themes and participants
are public. Where a public record cites a meeting or a document (the meeting
that adopted a term of reference, the document an outcome is recorded in),
the citation is annotated with whether the viewer may see it, so a page can
name and link only what the viewer may open, in the same query.
"""

from dataclasses import dataclass
from operator import attrgetter

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from baliprocess.lib.excerpts import Excerpt, excerpt
from meetings.models import Document, Meeting, MeetingRole
from meetings.selectors import FactKind
from membership.models import Participant
from workshops.models import (
    Group,
    GroupMembership,
    GroupRole,
    Outcome,
    OutcomeLink,
    OutcomeStatus,
    TermOfReference,
)

# The kinds of meeting the workshops list shows: workshops, and the other
# working-level meetings (the 2013 roundtable on irregular movements by sea).
WORKSHOP_LIST_KINDS = (Meeting.Kind.WORKSHOP, Meeting.Kind.OTHER)
HOST_ROLES = (MeetingRole.Role.HOST, MeetingRole.Role.CO_HOST)


def _visible(queryset: QuerySet, field: str) -> Exists:
    """Whether the record `field` points to is in `queryset` (one the viewer may see)."""
    return Exists(queryset.filter(pk=OuterRef(field)))


# --- Groups -----------------------------------------------------------------


def group_list() -> QuerySet[Group]:
    """Every group, active and discontinued, by name, with the group it works under."""
    return Group.objects.select_related("parent").order_by("name")


def group_for_portal(slug: str, *, user) -> Group:
    """One group, with whether `user` may see the meetings that established and
    discontinued it (`established_by_visible`, `discontinued_by_visible`);
    DoesNotExist when there is none."""
    meetings = Meeting.objects.visible_to(user)
    return (
        Group.objects.select_related("parent", "established_by", "discontinued_by")
        .annotate(
            established_by_visible=_visible(meetings, "established_by"),
            discontinued_by_visible=_visible(meetings, "discontinued_by"),
        )
        .get(slug=slug)
    )


def group_terms_of_reference(group: Group, *, user) -> QuerySet[TermOfReference]:
    """The group's terms of reference in their order, each with the meeting that
    adopted it and whether `user` may see that meeting (`adopted_by_visible`)."""
    meetings = Meeting.objects.visible_to(user)
    return (
        group.terms_of_reference.select_related("adopted_by")
        .annotate(adopted_by_visible=_visible(meetings, "adopted_by"))
        .order_by("order", "pk")
    )


def group_roles(group: Group) -> QuerySet[GroupRole]:
    """Who coordinated, chaired or co-managed the group, in the staff's order."""
    return group.roles.select_related("participant").order_by("order", "pk")


def group_composition(group: Group, *, user) -> QuerySet[GroupMembership]:
    """The group's composition over time, earliest first, each with whether `user`
    may see the meeting that decided it (`decided_at_visible`)."""
    meetings = Meeting.objects.visible_to(user)
    return (
        group.composition.select_related("participant", "decided_at")
        .annotate(decided_at_visible=_visible(meetings, "decided_at"))
        .order_by(F("start_date").asc(nulls_first=True), "participant__short_name", "pk")
    )


def group_subgroups(group: Group) -> QuerySet[Group]:
    return group.subgroups.order_by("name")


def group_meetings(group: Group, *, user) -> QuerySet[Meeting]:
    """Meetings and workshops held under the group that `user` may see, newest first."""
    return Meeting.objects.visible_to(user).filter(group=group).newest_first()


def group_outcomes(group: Group, *, user) -> QuerySet[Outcome]:
    """Outcomes that came from the group or that it is responsible for, that `user`
    may see, newest first, with their current status."""
    outcomes = outcomes_of_group(Outcome.objects.visible_to(user), group)
    return (
        outcomes.with_current_status()
        .select_related("source_meeting", "source_group", "responsible_group")
        .order_by(*Outcome.NEWEST_FIRST)
    )


def group_documents(group: Group, *, user) -> QuerySet[Document]:
    """The group's documents that `user` may read, newest first."""
    return (
        Document.objects.visible_to(user)
        .filter(group=group)
        .select_related("meeting", "group")
        .newest_first()
    )


# --- Workshops --------------------------------------------------------------


def workshop_list(*, user) -> QuerySet[Meeting]:
    """Workshops and other working-level meetings `user` may see, newest first,
    with their group, hosts and co-organisers, and themes."""
    roles = MeetingRole.objects.select_related("participant").order_by("role", "order", "pk")
    return (
        Meeting.objects.visible_to(user)
        .of_kind(*WORKSHOP_LIST_KINDS)
        .newest_first()
        .select_related("group")
        .prefetch_related(Prefetch("roles", queryset=roles), "themes")
    )


def hosted_by(queryset: QuerySet[Meeting], participant) -> QuerySet[Meeting]:
    """Meetings `participant` hosted or co-hosted (co-organisers are not hosts)."""
    roles = MeetingRole.objects.filter(
        meeting=OuterRef("pk"), participant=participant, role__in=HOST_ROLES
    )
    return queryset.filter(Exists(roles))


# --- Outcomes ---------------------------------------------------------------


def outcome_list(*, user) -> QuerySet[Outcome]:
    """The outcome register: outcomes `user` may see, newest first, with their
    current status, sources and who is responsible."""
    return (
        Outcome.objects.visible_to(user)
        .with_current_status()
        .select_related("source_meeting", "source_group", "responsible_group")
        .prefetch_related("responsible_participants")
        .order_by(*Outcome.NEWEST_FIRST)
    )


def outcomes_of_meeting(queryset: QuerySet[Outcome], meeting: Meeting) -> QuerySet[Outcome]:
    """Outcomes that came from `meeting` or whose status history cites it."""
    cited = OutcomeStatus.objects.filter(meeting=meeting).values("outcome")
    return queryset.filter(Q(source_meeting=meeting) | Q(pk__in=cited))


def outcomes_of_group(queryset: QuerySet[Outcome], group: Group) -> QuerySet[Outcome]:
    """Outcomes that came from `group` or that it is responsible for."""
    return queryset.filter(Q(source_group=group) | Q(responsible_group=group))


def outcome_for_portal(pk: int, *, user) -> Outcome:
    """One outcome `user` may see, with its current status, sources, and whether
    `user` may read the document it is recorded in (`source_document_visible`);
    DoesNotExist otherwise."""
    documents = Document.objects.visible_to(user)
    return (
        Outcome.objects.visible_to(user)
        .with_current_status()
        .select_related("source_meeting", "source_group", "source_document", "responsible_group")
        .prefetch_related("responsible_participants")
        .annotate(source_document_visible=_visible(documents, "source_document"))
        .get(pk=pk)
    )


def outcome_status_timeline(outcome: Outcome, *, user) -> QuerySet[OutcomeStatus]:
    """The outcome's status history, oldest first, each entry with whether `user`
    may see the meeting and the document it cites."""
    meetings = Meeting.objects.visible_to(user)
    documents = Document.objects.visible_to(user)
    return (
        outcome.status_history.select_related("meeting", "document")
        .annotate(
            meeting_visible=_visible(meetings, "meeting"),
            document_visible=_visible(documents, "document"),
        )
        .order_by("date", "pk")
    )


def outcome_links(outcome: Outcome, *, user) -> tuple[list[OutcomeLink], list[OutcomeLink]]:
    """The outcome's links both ways, to outcomes `user` may see: those it makes
    ("endorses …", "follows from …") and those made to it ("endorsed by …")."""
    visible = Outcome.objects.visible_to(user)
    outgoing = (
        outcome.links_out.filter(to_outcome__in=visible)
        .select_related("to_outcome")
        .order_by("relation", "to_outcome__date", "pk")
    )
    incoming = (
        outcome.links_in.filter(from_outcome__in=visible)
        .select_related("from_outcome")
        .order_by("relation", "from_outcome__date", "pk")
    )
    return list(outgoing), list(incoming)


def recent_outcomes(*, user, limit: int = 5) -> list[Outcome]:
    """The newest outcomes `user` may see, with their current status and source."""
    return list(
        Outcome.objects.visible_to(user)
        .with_current_status()
        .select_related("source_meeting", "source_group")
        .order_by(*Outcome.NEWEST_FIRST)[:limit]
    )


# --- What meeting and participant pages show of the working level ---------


@dataclass
class MeetingOutcomes:
    """What came from a meeting, and what was decided or reported at it: the first
    of each, with how many there are."""

    #: Outcomes whose source is the meeting, with `current_status`.
    produced: Excerpt
    #: Status entries citing the meeting, of outcomes from elsewhere (an endorsement
    #: of an earlier recommendation), each with its outcome.
    recorded: Excerpt


def meeting_outcomes(meeting: Meeting, *, user) -> MeetingOutcomes:
    """Outcomes `user` may see that came from the meeting or whose status history
    cites it, the first of each kind (baliprocess.lib.excerpts), in two queries."""
    visible = Outcome.objects.visible_to(user)
    produced = (
        visible.filter(source_meeting=meeting)
        .with_current_status()
        .select_related("source_meeting", "source_group")
        .order_by(*Outcome.OLDEST_FIRST)
    )
    recorded = (
        OutcomeStatus.objects.filter(meeting=meeting, outcome__in=visible)
        .exclude(outcome__source_meeting=meeting)
        .select_related("outcome")
        .order_by("date", "pk")
    )
    return MeetingOutcomes(produced=excerpt(produced), recorded=excerpt(recorded))


def participant_group_roles(participant: Participant) -> QuerySet:
    """The groups the participant coordinated, chaired or co-managed (groups are public)."""
    return participant.group_roles.select_related("group").order_by(
        F("start_date").asc(nulls_first=True), "group__name", "pk"
    )


def participant_group_memberships(participant: Participant, *, user) -> QuerySet:
    """The groups the participant sat on, oldest first, each annotated with whether
    the user may see the meeting that decided it (`decided_at_visible`)."""
    meetings = Meeting.objects.visible_to(user)
    return (
        participant.group_memberships.select_related("group", "decided_at")
        .annotate(decided_at_visible=Exists(meetings.filter(pk=OuterRef("decided_at"))))
        .order_by(F("start_date").asc(nulls_first=True), "group__name", "pk")
    )


def participant_outcomes(participant: Participant, *, user) -> QuerySet:
    """Outcomes the participant is responsible for or pledged, that the user may
    see, newest first, with their current status."""
    outcomes = Outcome.objects.visible_to(user)
    return (
        outcomes.filter(responsible_participants=participant)
        .with_current_status()
        .select_related("source_meeting", "source_group")
        .order_by(*Outcome.NEWEST_FIRST)
    )


# --- Sources and the outcomes that concern a group -------------------------

# This section's imports: it was appended below the module's others.


def group_outcomes_concerning(group: Group, *, user) -> Excerpt:
    """Outcomes `user` may see that propose or decide to set up, change or wind
    up `group` (Outcome.concerned_groups), oldest first, each with its current
    status, so a proposal shows as a proposal and not as the act."""
    return excerpt(
        Outcome.objects.visible_to(user)
        .filter(concerned_groups=group)
        .with_current_status()
        .select_related("source_meeting", "source_group")
        .order_by(*Outcome.OLDEST_FIRST)
    )


def _outcomes(user) -> QuerySet[Outcome]:
    return Outcome.objects.visible_to(user)


# The kinds of fact of this app a citation may support (see meetings.selectors.FactKind).
WORKSHOP_FACT_KINDS = (
    FactKind(Group, "Groups", lambda user: Group.objects.all(), public=True),
    FactKind(
        GroupRole,
        "Coordinators and chairs of groups",
        lambda user: GroupRole.objects.select_related("group", "participant"),
        public=True,
        page=attrgetter("group"),
    ),
    FactKind(
        TermOfReference,
        "Terms of reference",
        lambda user: TermOfReference.objects.select_related("group"),
        public=True,
        page=attrgetter("group"),
    ),
    FactKind(
        GroupMembership,
        "Composition of groups",
        lambda user: GroupMembership.objects.select_related("group", "participant"),
        public=True,
        page=attrgetter("group"),
    ),
    FactKind(Outcome, "Outcomes", _outcomes),
    FactKind(
        OutcomeStatus,
        "Status of outcomes",
        lambda user: OutcomeStatus.objects.filter(outcome__in=_outcomes(user)).select_related(
            "outcome"
        ),
        page=attrgetter("outcome"),
    ),
    FactKind(
        OutcomeLink,
        "Links between outcomes",
        lambda user: OutcomeLink.objects.filter(
            from_outcome__in=_outcomes(user), to_outcome__in=_outcomes(user)
        ).select_related("from_outcome", "to_outcome"),
        page=attrgetter("from_outcome"),
    ),
)
