"""Reads about meetings, delegations and documents that pages and exports share.

Three sections: the portal's reads, the participant list's, and the sources
of facts (citations). Visibility is never decided here: it comes from the
querysets' `visible_to` / `listable_to` methods in models.py. The one
exception is which version of a participant list a user may have
(participant_list_versions), which those methods cannot say.
"""

import datetime
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, reduce
from operator import attrgetter, or_

from django.core.exceptions import PermissionDenied
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
from django.utils import timezone

from baliprocess.lib.dates import format_date
from baliprocess.lib.exporters import CellValue, ColumnType
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
# first, then the alternate, then the delegates in the order their delegation
# sent them. The capacity and the order come from
# DelegationQuerySet.with_capacity and the querysets' in_list_order; this
# section arranges what those return, counts, and writes the sentences.
#
# A list comes in three versions (ListVersion): public, circulation and
# restricted. participant_list_versions is the one place that decides who may
# have which; DELEGATE_COLUMNS the one place that says what a delegate's row
# shows in each. The page and every file format read both from here.

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

#: Printed on every page and sheet of the restricted version.
RESTRICTED_MARKING = "Restricted — secretariat use"

#: What a list of a meeting whose record names only some of those who attended says so.
PARTIAL_ATTENDANCE_NOTE = (
    "The record does not give the full attendance: the delegations listed are only those it names."
)


@dataclass(frozen=True)
class ListVersion:
    """One version of a participant list: which delegates it names, whether
    it gives their contact details, how it is marked, and who may have it
    (participant_list_versions)."""

    key: str
    label: str
    #: What it holds, as the page that offers it says.
    description: str
    #: The permission a user needs to have it; "" for anyone.
    permission: str
    #: The delegates it names (none for the public version).
    delegates: Callable[[], QuerySet[Delegate]]
    shows_names: bool = True
    shows_contacts: bool = False
    #: Printed on every page and sheet ("" for none).
    marking: str = ""
    #: Given to those who may have it without their asking for it; the
    #: restricted version, with contact details, only when asked for.
    by_default: bool = True


PUBLIC = ListVersion(
    "public",
    "Public",
    "the delegations and their numbers of delegates, without names",
    permission="",
    delegates=lambda: Delegate.objects.none(),
    shows_names=False,
)
CIRCULATION = ListVersion(
    "circulation",
    "Circulation",
    "the names, positions and agencies of the delegates who agreed to be listed, "
    "without contact details: the list member officials receive",
    permission="meetings.see_delegate_names",
    delegates=lambda: Delegate.objects.listed(),
)
RESTRICTED = ListVersion(
    "restricted",
    "Restricted",
    "every delegate, those who asked not to be listed too, with email and telephone",
    permission="meetings.see_delegate_contacts",
    delegates=lambda: Delegate.objects.all(),
    shows_contacts=True,
    marking=RESTRICTED_MARKING,
    by_default=False,
)
#: Every version, the narrowest first.
LIST_VERSIONS = {version.key: version for version in (PUBLIC, CIRCULATION, RESTRICTED)}


class ListVersionRefused(PermissionDenied):
    """A version of a participant list the user may not have."""


def participant_list_versions(user) -> list[ListVersion]:
    """The versions of a participant list `user` may have, the narrowest first.

    The one place that decides it: the public version (counts, no names) for
    anyone; the circulation version (listed delegates, no contact details)
    for whoever may see delegates' names — member officials and the
    secretariat; the restricted version (everyone, with contact details) for
    whoever may see delegates' contact details — the secretariat.
    """
    return [
        version
        for version in LIST_VERSIONS.values()
        if not version.permission or user.has_perm(version.permission)
    ]


def participant_list_version(user, key: str | None = None, *, widest: bool = False) -> ListVersion:
    """The version of a participant list `user` gets.

    With `key`, that version: KeyError when there is no such version,
    ListVersionRefused (a PermissionDenied: 403) when it is not one
    participant_list_versions gives them. Without, the widest they may have
    when `widest` (the secretariat's downloads in the admin), else the widest
    given by default: the circulation version to member officials and staff,
    the public one to everyone else.
    """
    allowed = participant_list_versions(user)
    if key is None:
        return (allowed if widest else [version for version in allowed if version.by_default])[-1]
    version = LIST_VERSIONS[key]
    if version not in allowed:
        raise ListVersionRefused(
            f"The {version.label.lower()} version of this participant list is not available to you."
        )
    return version


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


def _yes_or_no(delegate: ListedDelegate) -> str:
    return "yes" if delegate.may_be_listed else "no"


@dataclass(frozen=True)
class DelegateColumn:
    """One column of a delegate's row.

    `header` heads it in CSV and XLSX (a header the delegate import
    recognises, so a downloaded list imports back), `label` on the page and
    in the PDF and the DOCX ("" where those show it within another column:
    the honorific, in the name). `value` is its typed cell in a spreadsheet,
    `text` its words in a document (str(value) when not given). `versions`
    are the keys of the versions that show it; `width` is in characters in a
    spreadsheet, `share` its part of a document table's width.
    """

    key: str
    header: str
    label: str
    versions: frozenset[str]
    value: Callable[[ListedDelegate], CellValue]
    text: Callable[[ListedDelegate], str] | None = None
    type: ColumnType = ColumnType.TEXT
    width: int = 16
    share: float = 1.0

    def text_of(self, delegate: ListedDelegate) -> str:
        if self.text is not None:
            return self.text(delegate)
        value = self.value(delegate)
        return "" if value is None else str(value)


_NAMED = frozenset({CIRCULATION.key, RESTRICTED.key})
_SECRETARIAT = frozenset({RESTRICTED.key})

#: What a delegate's row shows, in every version and format, in this order.
#: The public version shows no delegates: a row per delegation, with its
#: number of delegates (DELEGATION_LABEL, COUNT_LABEL).
DELEGATE_COLUMNS = (
    DelegateColumn("honorific", "Honorific", "", _NAMED, attrgetter("honorific"), width=12),
    DelegateColumn(
        "name",
        "Name",
        "Name",
        _NAMED,
        attrgetter("name"),
        text=attrgetter("display_name"),
        width=30,
        share=3,
    ),
    DelegateColumn("role", "Role", "Role", _NAMED, attrgetter("role_label"), width=26, share=2.4),
    DelegateColumn(
        "position", "Position", "Position", _NAMED, attrgetter("position"), width=36, share=3.5
    ),
    DelegateColumn("agency", "Agency", "Agency", _NAMED, attrgetter("agency"), width=36, share=3.5),
    DelegateColumn("email", "Email", "Email", _SECRETARIAT, attrgetter("email"), width=32, share=4),
    DelegateColumn(
        "phone", "Phone", "Telephone", _SECRETARIAT, attrgetter("phone"), width=20, share=2.5
    ),
    DelegateColumn(
        "listed",
        "Listed",
        "Listed",
        _SECRETARIAT,
        attrgetter("may_be_listed"),
        text=_yes_or_no,
        type=ColumnType.BOOLEAN,
        width=9,
        share=1.2,
    ),
)
#: The columns of a list without names: a delegation and its number of delegates.
DELEGATION_LABEL = "Delegation"
COUNT_LABEL = "Number of delegates"


@dataclass
class ListedDelegation:
    """One delegation on the list, with the delegates its version names."""

    delegation: Delegation
    delegates: list[ListedDelegate]
    #: Every named delegate, listed or not: counts are public, names are not.
    named_count: int
    #: What the list says under its delegates ("Names not recorded."); see _delegation_note.
    note: str = ""
    #: The document columns of its version (ParticipantList.document_columns).
    columns: tuple[DelegateColumn, ...] = ()

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
    def count_text(self) -> str:
        """Its number of delegates as a list without names prints it."""
        count = self.delegate_count
        return "not recorded" if count is None else str(count)

    @property
    def heading(self) -> str:
        """'Australia (3 delegates)': its name, and its number of delegates when known."""
        count = self.delegate_count
        if count is None:
            return self.listed_name
        return f"{self.listed_name} ({count} delegate{'' if count == 1 else 's'})"

    @property
    def hidden_count(self) -> int:
        """Named delegates its version does not name (not listed, or no names at all)."""
        return self.named_count - len(self.delegates)

    @property
    def cells(self) -> list[list[str]]:
        """Each delegate's row as a document shows it: a text per document column."""
        columns = self.columns
        return [[column.text_of(delegate) for column in columns] for delegate in self.delegates]


def _delegation_note(entry: ListedDelegation, version: ListVersion) -> str:
    """What a list with names says under a delegation's rows: that some
    delegates asked not to be listed, or that the record names none."""
    if not version.shows_names:
        return ""
    hidden = entry.hidden_count
    delegates = "delegate" if hidden == 1 else "delegates"
    if hidden and entry.delegates:
        return f"And {hidden} more {delegates} who asked not to be listed."
    if hidden:
        return f"{hidden} {delegates}, not listed by name."
    if not entry.delegates:
        return "Names not recorded."
    return ""


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
    """Everything any format of one version of a meeting's participant list shows."""

    meeting: Meeting
    version: ListVersion
    groups: list[CapacityGroup]
    delegate_total: int | None
    summary: str
    attendance: list[str]
    #: The title block's lines on who chaired and hosted ("Co-chairs: Indonesia and
    #: Australia"); none when the record names nobody.
    people: list[str]
    #: The date of issue: the day it was made, in TIME_ZONE.
    issued: datetime.date

    @property
    def shows_names(self) -> bool:
        return self.version.shows_names

    @property
    def shows_contacts(self) -> bool:
        return self.version.shows_contacts

    @property
    def marking(self) -> str:
        return self.version.marking

    @property
    def columns(self) -> tuple[DelegateColumn, ...]:
        """The columns of a delegate's row in this version (DELEGATE_COLUMNS)."""
        key = self.version.key
        return tuple(column for column in DELEGATE_COLUMNS if key in column.versions)

    @property
    def document_columns(self) -> tuple[DelegateColumn, ...]:
        """The columns a document (page, PDF, DOCX) shows: those with a label."""
        return tuple(column for column in self.columns if column.label)

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
    def where_when(self) -> str:
        """'7–8 June 2004, Brisbane, Australia': its dates and place, as known."""
        meeting = self.meeting
        return ", ".join(part for part in (meeting.dates_label, meeting.place_label) if part)

    @property
    def issued_label(self) -> str:
        return format_date(self.issued)

    @cached_property
    def revision(self) -> str:
        """Seven hexadecimal digits that name what this version of the list
        says: a hash of everything it shows but its date of issue. It changes
        when a delegate this version shows is added, edited or removed — or the
        title block, a count or a sentence changes — and never otherwise; the
        public version, which names nobody, keeps its revision when a name is
        corrected. Computed from what was read: no query."""
        content = json.dumps(self._content(), ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(content.encode()).hexdigest()[:7]

    def _content(self) -> list:
        columns = self.columns

        def entry_content(entry: ListedDelegation) -> list:
            rows = [[column.value(delegate) for column in columns] for delegate in entry.delegates]
            return [entry.listed_name, entry.delegate_count, entry.note, rows]

        return [
            self.version.key,
            self.meeting.title,
            self.where_when,
            self.people,
            self.summary_paragraphs,
            self.attendance,
            [
                [group.heading, [entry_content(entry) for entry in group.delegations]]
                for group in self.groups
            ],
        ]

    @property
    def issue_line(self) -> str:
        """'Circulation version, issued 25 November 2026, revision 3fa2c1d': the
        title block and the footer of every format say which list this is."""
        return f"{self.version.label} version, issued {self.issued_label}, revision {self.revision}"

    @property
    def summary_sentence(self) -> str:
        """The summary as a sentence: 'The meeting was attended by 139 delegates
        representing 47 countries and nine international and regional organisations.'
        A cancelled meeting says so, and who had registered."""
        cancelled = self.meeting.status == Meeting.Status.CANCELLED
        if not self.summary:
            if cancelled:
                return "The meeting was cancelled."
            if self.partial_note:
                return self.partial_note
            return "No delegations have been recorded for this meeting."
        if cancelled:
            return f"The meeting was cancelled. Registered: {self.summary}."
        verb = _verbs(self.meeting)["attended"]
        return f"The meeting {verb} {self.summary}."

    @property
    def partial_note(self) -> str:
        """PARTIAL_ATTENDANCE_NOTE when the record names only some of those who
        attended a meeting that was held or is planned; '' otherwise."""
        if (
            self.meeting.attendance == Meeting.Attendance.PARTIAL
            and self.meeting.status != Meeting.Status.CANCELLED
            and self.groups
        ):
            return PARTIAL_ATTENDANCE_NOTE
        return ""

    @property
    def summary_paragraphs(self) -> list[str]:
        """The summary sentence, and the partial-attendance note when the
        summary (a reported total) does not already say the list is partial."""
        sentence = self.summary_sentence
        note = self.partial_note
        return [sentence, note] if note and note != sentence else [sentence]

    @property
    def table_notes(self) -> list[str]:
        """What a table (CSV, XLSX), which has no paragraphs for the summary,
        says of the whole list: that the record is partial."""
        return [self.partial_note] if self.partial_note else []


def participant_list_meeting(slug: str, *, user) -> Meeting:
    """The meeting at `slug` if `user` may see it (MeetingQuerySet.visible_to),
    without the extras a meeting page loads; DoesNotExist otherwise."""
    return Meeting.objects.visible_to(user).get(slug=slug)


def participant_list(
    *,
    meeting: Meeting,
    user,
    version: ListVersion | str | None = None,
    with_contacts: bool = False,
) -> ParticipantList:
    """One version of the participant list of `meeting`, for `user`, in four
    queries whatever its size: the delegations (with capacity, order and the
    number of named delegates), the delegates the version names (none for
    the public version), and the co-chairs and hosts.

    `version` (a ListVersion or its key) is checked by
    participant_list_version: KeyError for no such version,
    ListVersionRefused when `user` may not have it. Without one, the version
    `user` gets by default, or with `with_contacts` the widest they may have.
    Contact details are read from the database only for a version that shows
    them.
    """
    key = version.key if isinstance(version, ListVersion) else version
    version = participant_list_version(user, key, widest=with_contacts)
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
    delegates_by_delegation = _listed_delegates(meeting, version)
    document_columns = tuple(
        column for column in DELEGATE_COLUMNS if version.key in column.versions and column.label
    )
    groups: dict[str, CapacityGroup] = {}
    for delegation in delegations:
        # The delegation's own meeting is this one: no query to fetch it again.
        delegation.meeting = meeting
        group = groups.get(delegation.capacity)
        if group is None:
            heading = PARTICIPANT_LIST_HEADINGS.get(delegation.capacity, "Others")
            group = groups[delegation.capacity] = CapacityGroup(delegation.capacity, heading, [])
        entry = ListedDelegation(
            delegation,
            delegates_by_delegation.get(delegation.pk, []),
            delegation.named_count,
            columns=document_columns,
        )
        entry.note = _delegation_note(entry, version)
        group.delegations.append(entry)
    ordered_groups = list(groups.values())
    total = participant_list_delegate_total(meeting, ordered_groups)
    return ParticipantList(
        meeting=meeting,
        version=version,
        groups=ordered_groups,
        delegate_total=total,
        summary=participant_list_summary(meeting, ordered_groups, total),
        attendance=attendance_paragraphs(meeting, ordered_groups),
        people=participant_list_people(meeting),
        issued=timezone.localdate(),
    )


_LISTED_FIELDS = ("honorific", "name", "position", "agency", "role", "may_be_listed")


def _listed_delegates(meeting: Meeting, version: ListVersion) -> dict[int, list[ListedDelegate]]:
    """The delegates of `meeting` that `version` names, in list order, by
    delegation id, in one query (none when it names nobody). Contact details
    are read only for a version that shows them."""
    if not version.shows_names:
        return {}
    fields = _LISTED_FIELDS + (("email", "phone") if version.shows_contacts else ())
    rows = (
        version.delegates()
        .filter(delegation__meeting=meeting)
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


# The roles a list's title block names, and how.
_TITLE_BLOCK_ROLES = (MeetingRole.Role.CO_CHAIR, MeetingRole.Role.HOST, MeetingRole.Role.CO_HOST)


def participant_list_people(meeting: Meeting) -> list[str]:
    """The title block's lines on who chaired and hosted the meeting, in one
    query: 'Co-chairs: Indonesia (Foreign Minister Marty Natalegawa) and
    Australia (Foreign Minister Kevin Rudd)', 'Host: Thailand'. Co-chairs
    and hosts each in their order, hosts before co-hosts ('Thailand
    (co-host)'); no line for a role the record does not name."""
    roles = (
        MeetingRole.objects.filter(meeting=meeting, role__in=_TITLE_BLOCK_ROLES)
        .select_related("participant")
        .order_by("order", "pk")
    )
    co_chairs: list[str] = []
    hosts: list[tuple[bool, str]] = []
    for role in roles:
        details = ["co-host"] if role.role == MeetingRole.Role.CO_HOST else []
        if role.represented_by:
            details.append(role.represented_by)
        name = role.participant.short_name
        text = f"{name} ({'; '.join(details)})" if details else name
        if role.role == MeetingRole.Role.CO_CHAIR:
            co_chairs.append(text)
        else:
            hosts.append((role.role == MeetingRole.Role.CO_HOST, text))
    hosts.sort(key=lambda host: host[0])  # stable: each kind keeps its order
    lines = []
    if co_chairs:
        lines.append(f"Co-chair{'s' if len(co_chairs) > 1 else ''}: {join_in_text(co_chairs)}")
    if hosts:
        lines.append(
            f"Host{'s' if len(hosts) > 1 else ''}: {join_in_text([text for _, text in hosts])}"
        )
    return lines


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
