"""Reads about meetings, delegations and documents that pages and exports share.

Three sections: the portal's reads, the participant list's, and the sources
of facts (citations). Visibility is
never decided here: it comes from the querysets' `visible_to` /
`listable_to` methods in models.py.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce
from operator import attrgetter, or_

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from meetings.models import Citation, Delegate, Delegation, Document, Meeting, MeetingRole
from membership.models import MembershipPeriod, Participant
from membership.selectors import participant_status_history

# --- Portal ---------------------------------------------------------------
#
# Reads for the portal's meeting and document pages, the home page, and what a
# participant's page shows of meetings. A meeting's outcomes belong to the
# workshops app above this one and are read by its selectors.


def _roles_in_order() -> Prefetch:
    return Prefetch(
        "roles",
        queryset=MeetingRole.objects.select_related("participant").order_by("role", "order", "pk"),
    )


def meeting_list(*, user) -> QuerySet[Meeting]:
    """The meetings `user` may see, newest first, with their group and their
    co-chairs, hosts and co-organisers (two queries for the roles, whatever the size)."""
    return (
        Meeting.objects.visible_to(user)
        .newest_first()
        .select_related("group")
        .prefetch_related(_roles_in_order())
    )


def meeting_for_portal(slug: str, *, user) -> Meeting:
    """One meeting `user` may see, with its group, roles and themes; DoesNotExist otherwise."""
    return (
        Meeting.objects.visible_to(user)
        .select_related("group")
        .prefetch_related(_roles_in_order(), "themes")
        .get(slug=slug)
    )


@dataclass
class MeetingPeople:
    """Who chaired, hosted and co-organised a meeting, each in the staff's order."""

    co_chairs: list[MeetingRole]
    hosts: list[MeetingRole]
    co_organisers: list[MeetingRole]


def meeting_people(meeting: Meeting) -> MeetingPeople:
    """The meeting's roles by kind, from its prefetched roles (no query)."""
    roles = list(meeting.roles.all())
    return MeetingPeople(
        co_chairs=[role for role in roles if role.role == MeetingRole.Role.CO_CHAIR],
        hosts=[
            role for role in roles if role.role in (MeetingRole.Role.HOST, MeetingRole.Role.CO_HOST)
        ],
        co_organisers=[role for role in roles if role.role == MeetingRole.Role.CO_ORGANISER],
    )


# How the delegation counts name each capacity's row.
CAPACITY_ROW_LABELS = {
    Delegation.Capacity.MEMBER: "Members",
    Delegation.Capacity.OBSERVER: "Observers",
    Delegation.Capacity.GUEST: "Guests",
    Delegation.Capacity.SECRETARIAT: "Secretariat",
    Delegation.Capacity.NOT_RECORDED: "Capacity not recorded",
}


@dataclass
class DelegationCountRow:
    """How many delegations attended in one capacity: states and organisations."""

    capacity: str
    label: str
    states: int
    organisations: int

    @property
    def total(self) -> int:
        return self.states + self.organisations


@dataclass
class DelegationCounts:
    """A meeting's delegations counted by capacity and kind; no names."""

    rows: list[DelegationCountRow]
    reported_delegate_total: int | None
    #: Meeting.Attendance: whether the rows are every delegation or only those named.
    attendance: str = Meeting.Attendance.COMPLETE

    @property
    def is_partial(self) -> bool:
        return self.attendance == Meeting.Attendance.PARTIAL

    @property
    def states(self) -> int:
        return sum(row.states for row in self.rows)

    @property
    def organisations(self) -> int:
        return sum(row.organisations for row in self.rows)

    @property
    def total(self) -> int:
        return self.states + self.organisations


def meeting_delegation_counts(meeting: Meeting) -> DelegationCounts:
    """The meeting's delegations counted by capacity (DelegationQuerySet.with_capacity)
    and by kind (states and territories, organisations), in one query."""
    counts = Counter(
        (capacity, kind in Participant.STATE_KINDS)
        for capacity, kind in Delegation.objects.filter(meeting=meeting)
        .with_capacity()
        .order_by()
        .values_list("capacity", "participant__kind")
    )
    rows = [
        DelegationCountRow(
            capacity=capacity,
            label=label,
            states=counts[(capacity, True)],
            organisations=counts[(capacity, False)],
        )
        for capacity, label in CAPACITY_ROW_LABELS.items()
        if counts[(capacity, True)] or counts[(capacity, False)]
    ]
    return DelegationCounts(
        rows=rows,
        reported_delegate_total=meeting.reported_delegate_total,
        attendance=meeting.attendance,
    )


def meeting_documents(meeting: Meeting, *, user) -> QuerySet[Document]:
    """The meeting's documents `user` may read, oldest first (the order of the meeting)."""
    return (
        Document.objects.visible_to(user)
        .filter(meeting=meeting)
        .select_related("meeting", "group")
        .order_by("sort_date", "date_precision", "title", "pk")
    )


def meeting_neighbours(meeting: Meeting, *, user) -> tuple[Meeting | None, Meeting | None]:
    """The previous and the next meeting of the same kind that `user` may see."""
    same_kind = Meeting.objects.visible_to(user).of_kind(meeting.kind)
    earlier = Q(start_date__lt=meeting.start_date) | Q(
        start_date=meeting.start_date, pk__lt=meeting.pk
    )
    later = Q(start_date__gt=meeting.start_date) | Q(
        start_date=meeting.start_date, pk__gt=meeting.pk
    )
    previous = same_kind.filter(earlier).order_by("-start_date", "-pk").values("pk")[:1]
    following = same_kind.filter(later).order_by("start_date", "pk").values("pk")[:1]
    # Both in one query: each is a scalar subquery choosing one row, or none.
    found = list(Meeting.objects.filter(Q(pk=Subquery(previous)) | Q(pk=Subquery(following))))
    place = (meeting.start_date, meeting.pk)
    before = next((other for other in found if (other.start_date, other.pk) < place), None)
    after = next((other for other in found if (other.start_date, other.pk) > place), None)
    return before, after


def document_list(*, user) -> QuerySet[Document]:
    """The documents `user` may read, newest first, with their meeting and group."""
    return Document.objects.visible_to(user).newest_first().select_related("meeting", "group")


def document_for_portal(slug: str, *, user) -> Document:
    """One document `user` may read; DoesNotExist when there is none they may read."""
    return Document.objects.visible_to(user).select_related("meeting", "group").get(slug=slug)


def document_exists(slug: str) -> bool:
    """Whether a document has this address at all, whoever may read it: the
    difference between "restricted" (403) and "no such page" (404)."""
    return Document.objects.filter(slug=slug).exists()


def upcoming_meetings(*, user, limit: int = 5) -> list[Meeting]:
    """The next meetings `user` may see, soonest first (cancelled ones left out)."""
    return list(Meeting.objects.visible_to(user).upcoming().order_by("start_date", "pk")[:limit])


def recent_meetings(*, user, limit: int = 5) -> list[Meeting]:
    """The latest meetings held that `user` may see, newest first."""
    held = Meeting.objects.visible_to(user).past().filter(status=Meeting.Status.HELD)
    return list(held.newest_first()[:limit])


def recent_documents(*, user, limit: int = 5) -> list[Document]:
    """The newest documents `user` may read, with their meeting."""
    return list(document_list(user=user)[:limit])


def meeting_figures(*, user) -> dict[str, int]:
    """{'meetings': n, 'workshops': m}: meetings and workshops held, of those
    `user` may see, in one query."""
    held = Meeting.objects.visible_to(user).past().filter(status=Meeting.Status.HELD)
    is_workshop = Q(kind=Meeting.Kind.WORKSHOP)
    return held.aggregate(
        meetings=Count("pk", filter=~is_workshop),
        workshops=Count("pk", filter=is_workshop),
    )


def participant_status_history_cited(participant: Participant, *, user) -> QuerySet:
    """The participant's status periods, oldest first, each annotated with whether
    it holds today (`is_current`) and whether the user may see its citations
    (`decided_at_visible`, `source_document_visible`)."""
    meetings = Meeting.objects.visible_to(user)
    documents = Document.objects.visible_to(user)
    return (
        participant_status_history(participant)
        .annotate(
            is_current=Exists(MembershipPeriod.objects.current().filter(pk=OuterRef("pk"))),
            decided_at_visible=Exists(meetings.filter(pk=OuterRef("decided_at"))),
            source_document_visible=Exists(documents.filter(pk=OuterRef("source_document"))),
        )
        .order_by(F("start_date").asc(nulls_first=True), "pk")
    )


def participant_delegations(participant: Participant, *, user) -> QuerySet:
    """The participant's delegations to meetings the user may see, newest meeting
    first, each with its `capacity` (member, observer, guest…) at that meeting."""
    meetings = Meeting.objects.visible_to(user)
    return (
        participant.delegations.filter(meeting__in=meetings)
        .with_capacity()
        .select_related("meeting")
        .order_by("-meeting__start_date", "meeting__date_precision", "-meeting__pk")
    )


def participant_meeting_roles(participant: Participant, *, user) -> QuerySet:
    """What the participant chaired, hosted or co-organised, at meetings the user
    may see, newest first."""
    meetings = Meeting.objects.visible_to(user)
    return (
        participant.meeting_roles.filter(meeting__in=meetings)
        .select_related("meeting")
        .order_by("-meeting__start_date", "meeting__date_precision", "-meeting__pk", "role")
    )


# --- Participant lists ----------------------------------------------------
#
# The participant list of one meeting, as the 2004 Report to Ministers prints
# it: members first, then observers, guests and the secretariat; states and
# territories before organisations; by short name; the head of delegation
# first. The capacity and the order come from DelegationQuerySet.with_capacity
# and in_list_order, the names from DelegateQuerySet.listable_to: this section
# only arranges what those return, counts, and writes the sentences.

PARTICIPANT_LIST_HEADINGS = CAPACITY_ROW_LABELS

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# Words that make a state's name take "the" in running English: it names a
# kind of polity ("the Republic of Korea", "the Russian Federation", "the
# United States of America") or is a plural ("the Netherlands").
_ARTICLE_WORDS = frozenset(
    {
        "commonwealth",
        "confederation",
        "emirates",
        "federation",
        "kingdom",
        "principality",
        "republic",
        "states",
        "sultanate",
        "union",
    }
)
_ARTICLE_NAMES = frozenset(
    {"bahamas", "comoros", "gambia", "holy see", "maldives", "netherlands", "philippines"}
)


@dataclass(frozen=True, slots=True)
class ListedDelegate:
    """One delegate as a list shows them: a plain row, not a model instance.

    A 2,000-name list is read with values_list: building model instances
    for it cost more than the query and the rendering together.
    """

    honorific: str
    name: str
    position: str
    agency: str
    role: str
    role_label: str
    may_be_listed: bool
    email: str = ""
    phone: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}".strip()


@dataclass
class ListedDelegation:
    """One delegation on the list, with the delegates the viewer may see."""

    delegation: Delegation
    delegates: list[ListedDelegate]
    #: Every named delegate, listed or not: counts are public, names are not.
    named_count: int

    @property
    def participant(self) -> Participant:
        return self.delegation.participant

    @property
    def capacity(self) -> str:
        return self.delegation.capacity

    @property
    def listed_name(self) -> str:
        """The name the list prints: as the meeting's record gives it, else
        the participant's short name."""
        return self.delegation.recorded_name or self.participant.short_name

    @property
    def delegate_count(self) -> int | None:
        """How many delegates it sent: the reported head count, else the named
        delegates when the meeting's record names every delegate; None ("not
        recorded") otherwise. A record that names one person of a delegation
        does not say the delegation was one person."""
        reported = self.delegation.reported_head_count
        if reported is not None:
            return max(self.named_count, reported) or None
        if self.delegation.meeting.attendance_is_complete:
            return self.named_count or None
        return None

    @property
    def hidden_count(self) -> int:
        """Named delegates the viewer does not see (not listed, or no right to names)."""
        return self.named_count - len(self.delegates)


@dataclass
class CapacityGroup:
    """The delegations that attended in one capacity (members, observers…)."""

    capacity: str
    heading: str
    delegations: list[ListedDelegation]

    @property
    def states(self) -> list[ListedDelegation]:
        return [entry for entry in self.delegations if entry.participant.is_state]

    @property
    def organisations(self) -> list[ListedDelegation]:
        return [entry for entry in self.delegations if not entry.participant.is_state]

    @property
    def delegate_count(self) -> int | None:
        """The delegates of its delegations (participant_list_delegate_total's rule)."""
        if not self.delegations:
            return None
        return _known_sum(self.delegations[0].delegation.meeting, self.delegations)


@dataclass
class ParticipantList:
    """Everything any format of one meeting's participant list shows."""

    meeting: Meeting
    groups: list[CapacityGroup]
    #: Whether the viewer may see delegates' names (DelegateQuerySet.listable_to).
    shows_names: bool
    #: Whether delegates' email and telephone are included (secretariat downloads only).
    shows_contacts: bool
    delegate_total: int | None
    summary: str
    attendance: list[str]

    @property
    def delegations(self) -> list[ListedDelegation]:
        return [entry for group in self.groups for entry in group.delegations]

    @property
    def country_count(self) -> int:
        return sum(1 for entry in self.delegations if entry.participant.is_state)

    @property
    def organisation_count(self) -> int:
        return sum(1 for entry in self.delegations if not entry.participant.is_state)

    @property
    def title(self) -> str:
        return f"List of participants: {self.meeting.title}"

    @property
    def summary_sentence(self) -> str:
        """The summary as a sentence: 'The meeting was attended by 139 delegates
        representing 47 countries and nine international and regional organisations.'
        A cancelled meeting says so, and who had registered."""
        cancelled = self.meeting.status == Meeting.Status.CANCELLED
        if not self.summary:
            if cancelled:
                return "The meeting was cancelled."
            if self.meeting.attendance == Meeting.Attendance.PARTIAL and self.delegations:
                return (
                    "The record does not give the full attendance: the delegations below "
                    "are only those it names."
                )
            return "No delegations have been recorded for this meeting."
        if cancelled:
            return f"The meeting was cancelled. Registered: {self.summary}."
        verb = _verbs(self.meeting)["attended"]
        return f"The meeting {verb} {self.summary}."


def participant_list_meeting(slug: str, *, user) -> Meeting:
    """The meeting at `slug` if `user` may see it (MeetingQuerySet.visible_to),
    without the extras a meeting page loads; DoesNotExist otherwise."""
    return Meeting.objects.visible_to(user).get(slug=slug)


def participant_list(*, meeting: Meeting, user, with_contacts: bool = False) -> ParticipantList:
    """The participant list of `meeting` as `user` may see it, in three queries
    whatever its size: the delegations (with capacity, order and the number of
    named delegates), and the delegates the user may see.

    Names come only from DelegateQuerySet.listable_to(user). Contact details
    are included only when the caller asks for them (the secretariat's
    downloads in the admin) and the user holds meetings.see_delegate_contacts;
    otherwise they are not even read from the database.
    """
    listable = Delegate.objects.listable_to(user)
    shows_names = not listable.query.is_empty()
    shows_contacts = (
        with_contacts and shows_names and user.has_perm("meetings.see_delegate_contacts")
    )
    named = (
        Delegate.objects.filter(delegation=OuterRef("pk"))
        .order_by()
        .values("delegation")
        .annotate(count=Count("pk"))
        .values("count")
    )
    delegations = (
        Delegation.objects.filter(meeting=meeting)
        .with_capacity()
        .annotate(named_count=Coalesce(Subquery(named), Value(0)))
        .select_related("participant")
        .in_list_order()
    )
    delegates_by_delegation = _listed_delegates(meeting, listable, with_contacts=shows_contacts)
    groups: dict[str, CapacityGroup] = {}
    for delegation in delegations:
        # The delegation's own meeting is this one: no query to fetch it again.
        delegation.meeting = meeting
        group = groups.get(delegation.capacity)
        if group is None:
            heading = PARTICIPANT_LIST_HEADINGS.get(delegation.capacity, "Others")
            group = groups[delegation.capacity] = CapacityGroup(delegation.capacity, heading, [])
        group.delegations.append(
            ListedDelegation(
                delegation, delegates_by_delegation.get(delegation.pk, []), delegation.named_count
            )
        )
    ordered_groups = list(groups.values())
    total = participant_list_delegate_total(meeting, ordered_groups)
    return ParticipantList(
        meeting=meeting,
        groups=ordered_groups,
        shows_names=shows_names,
        shows_contacts=shows_contacts,
        delegate_total=total,
        summary=participant_list_summary(meeting, ordered_groups, total),
        attendance=attendance_paragraphs(meeting, ordered_groups),
    )


_LISTED_FIELDS = ("honorific", "name", "position", "agency", "role", "may_be_listed")


def _listed_delegates(
    meeting: Meeting, listable: QuerySet[Delegate], *, with_contacts: bool
) -> dict[int, list[ListedDelegate]]:
    """The delegates of `meeting` in `listable`, in list order, by delegation id,
    in one query (none when the viewer may see no names). Contact details are
    read only when they are to be shown."""
    fields = _LISTED_FIELDS + (("email", "phone") if with_contacts else ())
    rows = (
        listable.filter(delegation__meeting=meeting)
        .in_list_order()
        .values_list("delegation_id", *fields)
    )
    role_labels = dict(Delegate.Role.choices)
    by_delegation: dict[int, list[ListedDelegate]] = {}
    for delegation_id, *values in rows:
        row = dict(zip(fields, values, strict=True))
        row["role_label"] = role_labels.get(row["role"], row["role"])
        by_delegation.setdefault(delegation_id, []).append(ListedDelegate(**row))
    return by_delegation


def _known_sum(meeting: Meeting, entries: list["ListedDelegation"]) -> int | None:
    """The delegates of `entries` added up, or None ("not recorded").

    A meeting whose record names every delegate (Meeting.Attendance.COMPLETE)
    adds up what is known; otherwise only when every delegation's size is
    known (reported head counts): a total is never made of the few people a
    record happens to name."""
    counts = [entry.delegate_count for entry in entries]
    known = [count for count in counts if count is not None]
    if not known or (None in counts and not meeting.attendance_is_complete):
        return None
    return sum(known)


def participant_list_delegate_total(meeting: Meeting, groups: list[CapacityGroup]) -> int | None:
    """How many delegates attended.

    The delegations' counts added up (_known_sum); the meeting's reported
    total (Meeting.reported_delegate_total, "139 delegates") where the source
    gives one and it is larger. None when nothing is known, and when the only
    figure known is zero.
    """
    entries = [entry for group in groups for entry in group.delegations]
    candidates = [count for count in (_known_sum(meeting, entries),) if count is not None]
    if meeting.reported_delegate_total is not None:
        candidates.append(meeting.reported_delegate_total)
    return max(candidates, default=0) or None


def count_phrase(number: int, singular: str, plural: str | None = None) -> str:
    """'one country', 'nine organisations', '47 countries', '2,000 delegates':
    numbers below ten in words, as the secretariat writes them."""
    noun = singular if number == 1 else (plural or f"{singular}s")
    amount = NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else f"{number:,}"
    return f"{amount} {noun}"


def organisation_kinds_word(participants: Iterable[Participant]) -> str:
    """'international', 'regional' or 'international and regional', from the
    organisations' kinds ('' when there are none)."""
    kinds = {participant.kind for participant in participants if not participant.is_state}
    words = []
    if Participant.Kind.INTERNATIONAL_ORGANISATION in kinds:
        words.append("international")
    if Participant.Kind.REGIONAL_ORGANISATION in kinds:
        words.append("regional")
    return " and ".join(words)


def participant_list_summary(
    meeting: Meeting, groups: list[CapacityGroup], total: int | None
) -> str:
    """'139 delegates representing 47 countries and nine international and
    regional organisations' (the Brisbane SOM, 2004).

    Rules: states and territories count as countries; organisations are
    described as international, regional, or international and regional
    after their kinds; numbers below ten are words ('one country',
    'one delegate'), larger ones figures ('139 delegates', '2,000 delegates');
    every capacity counts, the secretariat included. Without a known number
    of delegates: 'delegations of 47 countries and …'. '' when no delegation
    and no total is recorded.
    """
    participants = [entry.participant for group in groups for entry in group.delegations]
    if meeting.delegations_are_complete:
        countries = sum(1 for participant in participants if participant.is_state)
        organisations = len(participants) - countries
    else:
        # Only some delegations are recorded: counting them would pass the
        # few for the whole. Only figures the source reports are stated.
        countries = organisations = 0
    if meeting.reported_country_total is not None:
        countries = meeting.reported_country_total
    if meeting.reported_organisation_total is not None:
        organisations = meeting.reported_organisation_total
    parts = []
    if countries:
        parts.append(count_phrase(countries, "country", "countries"))
    if organisations:
        kinds = organisation_kinds_word(participants)
        parts.append(count_phrase(organisations, f"{kinds} organisation"))
    represented = " and ".join(parts)
    if total is None:
        return f"delegations of {represented}" if represented else ""
    delegates = count_phrase(total, "delegate")
    return f"{delegates} representing {represented}" if represented else delegates


def participant_name_in_text(participant: Participant) -> str:
    """A participant's name as running text writes it.

    - States and territories: the short name, the one lists sort by ("China",
      "Iran", "France (New Caledonia)"), with "the" when the name names a kind
      of polity or is a plural ("the Republic of Korea", "the Russian
      Federation", "the United States of America", "the Netherlands").
    - Organisations: "the" and the official name, then the acronym in
      parentheses ("the United Nations Office on Drugs and Crime (UNODC)");
      no article for a one-word proper name ("Interpol"), no parentheses when
      the acronym is the name itself; a name that begins with "The" keeps
      its article, in lower case ("the Budapest Process").
    """
    if participant.is_state:
        name = participant.short_name
        words = {word.strip("(),.").casefold() for word in name.split()}
        takes_article = bool(words & _ARTICLE_WORDS) or name.casefold() in _ARTICLE_NAMES
        if takes_article and not name.casefold().startswith("the "):
            return f"the {name}"
        return name
    name = participant.name
    if name.casefold().startswith("the "):
        name = f"the {name[4:]}"
    elif " " in name:
        name = f"the {name}"
    acronym = participant.acronym
    if acronym and acronym.casefold() != participant.name.casefold():
        name = f"{name} ({acronym})"
    return name


def listed_name_in_text(entry: "ListedDelegation") -> str:
    """A delegation's name in a paragraph: the name the meeting's record gives
    it, as the record prints it ("People's Republic of China", "Interpol"),
    with "the" before an organisation's name of several words ("the
    International Labor Organization (ILO)"); without a recorded name, as
    participant_name_in_text writes the participant's."""
    recorded = entry.delegation.recorded_name
    if not recorded:
        return participant_name_in_text(entry.participant)
    if not entry.participant.is_state and " " in recorded:
        if recorded.casefold().startswith("the "):
            return f"the {recorded[4:]}"
        return f"the {recorded}"
    return recorded


def join_in_text(items: list[str], *, separator: str = ", ", last: str = " and ") -> str:
    """'A', 'A and B', 'A, B and C' (or with `separator="; "`, `last="; and "`:
    'A; B; and C', the observers' style in the 2004 report)."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return separator.join(items[:-1]) + last + items[-1]


def _verbs(meeting: Meeting) -> dict[str, str]:
    # A meeting not yet held is described in the future: its list is of those registered.
    # "{also}" is where "also " goes when a paragraph comes before.
    if meeting.status == Meeting.Status.HELD:
        return {
            "attended": "was attended by",
            "observers": "{also}participated as observers",
            "observer": "{also}participated as an observer",
            "guests": "{also}attended as guests",
            "guest": "{also}attended as a guest",
            "secretariat": "was provided by",
        }
    return {
        "attended": "is to be attended by",
        "observers": "are {also}to participate as observers",
        "observer": "is {also}to participate as an observer",
        "guests": "are {also}to attend as guests",
        "guest": "is {also}to attend as a guest",
        "secretariat": "is to be provided by",
    }


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def attendance_paragraphs(meeting: Meeting, groups: list[CapacityGroup]) -> list[str]:
    """The attendance paragraphs of a report, one per capacity present.

    Members: "The meeting was attended by Afghanistan, Australia … and
    Vietnam, as well as representatives of the United Nations High
    Commissioner for Refugees (UNHCR) and the International Organization for
    Migration (IOM)." — states separated by commas, organisations after
    "as well as representatives of".

    Observers (and guests): "The following countries and organisations also
    participated as observers: Austria; Canada; …; the United States of
    America; the Asia Pacific Consultations … (APC); …; and Interpol." —
    semicolons, "and" before the last; the noun says whether there are
    countries, organisations or both; one alone: "Austria also participated
    as an observer." "Also" only when a paragraph comes before.

    Secretariat: "Secretariat support was provided by …".

    Names follow participant_name_in_text. A meeting not held yet is written
    in the future ("is to be attended by"); a cancelled one has no attendance
    to describe, so no paragraphs.
    """
    if meeting.status == Meeting.Status.CANCELLED:
        return []
    if meeting.attendance == Meeting.Attendance.PARTIAL:
        # The record names some of those who attended: say so, and no more.
        named = [listed_name_in_text(entry) for group in groups for entry in group.delegations]
        if not named:
            return []
        return [f"Among those who attended, the record names {join_in_text(named)}."]
    verbs = _verbs(meeting)
    paragraphs: list[str] = []
    for group in groups:
        states = [listed_name_in_text(entry) for entry in group.states]
        organisations = [listed_name_in_text(entry) for entry in group.organisations]
        also = "also " if paragraphs else ""
        if group.capacity == Delegation.Capacity.MEMBER:
            attendees = join_in_text(states)
            if organisations:
                representatives = f"representatives of {join_in_text(organisations)}"
                attendees = (
                    f"{attendees}, as well as {representatives}" if states else representatives
                )
            paragraphs.append(f"The meeting {verbs['attended']} {attendees}.")
        elif group.capacity in (Delegation.Capacity.OBSERVER, Delegation.Capacity.GUEST):
            plural, singular = (
                ("observers", "observer")
                if group.capacity == Delegation.Capacity.OBSERVER
                else ("guests", "guest")
            )
            names = states + organisations
            if len(names) == 1:
                verb = verbs[singular].format(also=also)
                paragraphs.append(_capitalised(f"{names[0]} {verb}."))
                continue
            noun = " and ".join(
                word
                for word, present in (("countries", states), ("organisations", organisations))
                if present
            )
            listed = join_in_text(names, separator="; ", last="; and ")
            verb = verbs[plural].format(also=also)
            paragraphs.append(f"The following {noun} {verb}: {listed}.")
        elif group.capacity == Delegation.Capacity.SECRETARIAT:
            names = join_in_text(states + organisations)
            paragraphs.append(f"Secretariat support {verbs['secretariat']} {names}.")
        else:
            names = join_in_text(states + organisations)
            paragraphs.append(
                _capitalised(f"{names} {also}attended; the record does not say in what capacity.")
            )
    return paragraphs


# --- Sources --------------------------------------------------------------
#
# The passages the record's facts rest on (meetings.models.Citation): the
# "Source:" lines under each fact of a page, and a document's list of every
# fact that cites it. Which facts a viewer may see comes from each kind's own
# visibility rule (FactKind.rows); a cited document is linked only where
# DocumentQuerySet.visible_to admits it.

# This section's imports: it was appended below the module's others.


def of_kind(model: type[Model]) -> Q:
    """Citations of rows of `model` (its concrete model, as GenericRelation
    stores them), matched on the content type's natural key: a join on a small
    table, and no ContentType lookup whose cache would make a page's first
    request cost one query more than the next."""
    options = model._meta.concrete_model._meta
    return Q(content_type__app_label=options.app_label, content_type__model=options.model_name)


def citations_for_reading(*, user) -> QuerySet[Citation]:
    """Citations with their document (not its text) and whether `user` may read
    that document (`document_visible`), in their order."""
    readable = Document.objects.visible_to(user).filter(pk=OuterRef("document"))
    return (
        Citation.objects.select_related("document")
        .defer("document__text", "document__summary")
        .annotate(document_visible=Exists(readable))
        .order_by("order", "pk")
    )


def attach_sources(rows: Iterable[Model], *, user) -> None:
    """Give each of `rows` — the records a page shows, of any kinds (a meeting
    and its roles, a group and its terms of reference…) — `sources`: the
    citations of the fact it states (citations_for_reading). One query for all
    of them, whatever their number and kinds; none for no rows.

    Sets an attribute on the instances given, as prefetch_related does, so a
    template reads `role.sources` for the row it is rendering.
    """
    by_kind: dict[type[Model], dict[int, list[Model]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if row is None:
            continue
        row.sources = []
        by_kind[row._meta.concrete_model][row.pk].append(row)
    if not by_kind:
        return
    wanted = reduce(
        or_, (of_kind(model) & Q(object_id__in=list(rows_of)) for model, rows_of in by_kind.items())
    )
    labels = {(model._meta.app_label, model._meta.model_name): model for model in by_kind}
    for citation in citations_for_reading(user=user).filter(wanted).select_related("content_type"):
        kind = labels[(citation.content_type.app_label, citation.content_type.model)]
        for row in by_kind[kind][citation.object_id]:
            row.sources.append(citation)


def _itself(row: Model) -> Model:
    return row


@dataclass(frozen=True)
class FactKind:
    """A kind of fact a citation may support, as a document's facts page lists it.

    `rows(user)` gives the rows of this kind `user` may see, with what their
    str() and their page need; `public` says every row may be seen by anyone
    (no visibility filter needed); `page(row)` is the record whose portal page
    shows the fact: the row itself, or its parent (a role's meeting).
    """

    model: type[Model]
    heading: str
    rows: Callable[..., QuerySet]
    public: bool = False
    page: Callable[[Model], Model] = _itself

    @property
    def key(self) -> str:
        return self.model._meta.model_name


def _meetings(user) -> QuerySet[Meeting]:
    return Meeting.objects.visible_to(user)


MEETING_FACT_KINDS = (
    FactKind(Meeting, "Meetings", _meetings),
    FactKind(
        MeetingRole,
        "Co-chairs, hosts and co-organisers",
        lambda user: MeetingRole.objects.filter(meeting__in=_meetings(user)).select_related(
            "meeting", "participant"
        ),
        page=attrgetter("meeting"),
    ),
    FactKind(
        Delegation,
        "Delegations",
        lambda user: Delegation.objects.filter(meeting__in=_meetings(user)).select_related(
            "meeting", "participant"
        ),
        page=attrgetter("meeting"),
    ),
    FactKind(
        Delegate,
        "Delegates",
        # Names only for those who may see them on a participant list.
        lambda user: (
            Delegate.objects.listable_to(user)
            .filter(delegation__meeting__in=_meetings(user))
            .select_related("delegation__meeting")
        ),
        page=attrgetter("delegation.meeting"),
    ),
    FactKind(
        Document,
        "Documents",
        lambda user: Document.objects.visible_to(user).defer("text", "summary"),
    ),
    FactKind(Participant, "Participants", lambda user: Participant.objects.all(), public=True),
    FactKind(
        MembershipPeriod,
        "Membership statuses",
        lambda user: MembershipPeriod.objects.select_related("participant"),
        public=True,
        page=attrgetter("participant"),
    ),
)


def document_citations(document: Document, *, user, kinds: Iterable[FactKind]) -> QuerySet:
    """The citations quoting `document` whose fact `user` may see, grouped by
    kind in the order of `kinds` (`kind_rank`), then by fact and in their order.
    A citation of a kind not in `kinds` is not listed."""
    kinds = tuple(kinds)
    visible = reduce(
        or_,
        (
            of_kind(kind.model)
            if kind.public
            else of_kind(kind.model) & Q(object_id__in=kind.rows(user).values("pk"))
            for kind in kinds
        ),
    )
    rank = Case(*(When(of_kind(kind.model), then=Value(index)) for index, kind in enumerate(kinds)))
    return (
        Citation.objects.filter(document=document)
        .filter(visible)
        .annotate(kind_rank=rank)
        .order_by("kind_rank", "object_id", "order", "pk")
    )


@dataclass
class CitedFact:
    """One fact on a page of a document's facts, with its citations of the
    document there; `shown_on` is the record whose page shows it when that is
    not the fact itself (a role is shown on its meeting's page)."""

    fact: Model
    shown_on: Model | None
    citations: list[Citation]


@dataclass
class CitedFacts:
    """The facts of one kind on a page of a document's facts."""

    kind: FactKind
    facts: list[CitedFact]


def cited_facts(
    citations: Iterable[Citation], *, user, kinds: Iterable[FactKind]
) -> list[CitedFacts]:
    """The facts of `citations` (a page of document_citations, with the same
    `kinds`) grouped by kind and by fact, in the citations' order; read with one
    query per kind present on the page, never one per citation."""
    kinds = tuple(kinds)
    by_rank: dict[int, list[Citation]] = defaultdict(list)
    for citation in citations:
        by_rank[citation.kind_rank].append(citation)
    groups = []
    for rank in sorted(by_rank):
        kind = kinds[rank]
        found = kind.rows(user).in_bulk({citation.object_id for citation in by_rank[rank]})
        facts: list[CitedFact] = []
        for citation in by_rank[rank]:
            fact = found.get(citation.object_id)
            if fact is None:
                continue  # deleted, or hidden, between the two queries
            if facts and facts[-1].fact.pk == fact.pk:
                facts[-1].citations.append(citation)
                continue
            page = kind.page(fact)
            facts.append(
                CitedFact(fact=fact, shown_on=None if page is fact else page, citations=[citation])
            )
        if facts:
            groups.append(CitedFacts(kind=kind, facts=facts))
    return groups
