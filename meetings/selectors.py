"""Reads about meetings, delegations and documents that pages and exports share.

Two sections: the portal's reads, and the participant list's. Visibility is
never decided here: it comes from the querysets' `visible_to` /
`listable_to` methods in models.py.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from meetings.models import Delegate, Delegation, Document, Meeting, MeetingRole
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
    return DelegationCounts(rows=rows, reported_delegate_total=meeting.reported_delegate_total)


def meeting_documents(meeting: Meeting, *, user) -> QuerySet[Document]:
    """The meeting's documents `user` may read, oldest first (the order of the meeting)."""
    return (
        Document.objects.visible_to(user)
        .filter(meeting=meeting)
        .select_related("meeting", "group")
        .order_by("date", "title", "pk")
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
        .order_by("-meeting__start_date", "-meeting__pk")
    )


def participant_meeting_roles(participant: Participant, *, user) -> QuerySet:
    """What the participant chaired, hosted or co-organised, at meetings the user
    may see, newest first."""
    meetings = Meeting.objects.visible_to(user)
    return (
        participant.meeting_roles.filter(meeting__in=meetings)
        .select_related("meeting")
        .order_by("-meeting__start_date", "-meeting__pk", "role")
    )


# --- Participant lists ----------------------------------------------------
#
# The participant list of one meeting, as the 2004 Report to Ministers prints
# it: members first, then observers, guests and the secretariat; states and
# territories before organisations; by short name; the head of delegation
# first. The capacity and the order come from DelegationQuerySet.with_capacity
# and in_list_order, the names from DelegateQuerySet.listable_to: this section
# only arranges what those return, counts, and writes the sentences.

PARTICIPANT_LIST_HEADINGS = {
    Delegation.Capacity.MEMBER: "Members",
    Delegation.Capacity.OBSERVER: "Observers",
    Delegation.Capacity.GUEST: "Guests",
    Delegation.Capacity.SECRETARIAT: "Secretariat",
}

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
    def delegate_count(self) -> int | None:
        """The larger of the named delegates and the reported head count;
        None when neither is known."""
        reported = self.delegation.reported_head_count
        if reported is None:
            return self.named_count or None
        return max(self.named_count, reported) or None

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
        counts = [entry.delegate_count for entry in self.delegations]
        known = [count for count in counts if count is not None]
        return sum(known) if known else None


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


def participant_list_delegate_total(meeting: Meeting, groups: list[CapacityGroup]) -> int | None:
    """How many delegates attended.

    The sum over delegations of the larger of named delegates and the
    reported head count; when the meeting's reported total
    (Meeting.reported_delegate_total, "139 delegates") is larger — names were
    not all recorded — the reported total. None when nothing is known, and
    when the only figure known is zero.
    """
    counts = [entry.delegate_count for group in groups for entry in group.delegations]
    known = [count for count in counts if count is not None]
    candidates = [sum(known)] if known else []
    if meeting.reported_delegate_total is not None:
        candidates.append(meeting.reported_delegate_total)
    if not candidates:
        return None
    return max(candidates) or None


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
    countries = sum(1 for participant in participants if participant.is_state)
    organisations = len(participants) - countries
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
    verbs = _verbs(meeting)
    paragraphs: list[str] = []
    for group in groups:
        states = [participant_name_in_text(entry.participant) for entry in group.states]
        organisations = [
            participant_name_in_text(entry.participant) for entry in group.organisations
        ]
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
        else:
            names = join_in_text(states + organisations)
            paragraphs.append(f"Secretariat support {verbs['secretariat']} {names}.")
    return paragraphs
