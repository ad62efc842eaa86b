"""The shapes of the facts the record modules hold.

A fact names what it refers to by natural key (a participant's, meeting's,
group's or document's slug; an outcome's key in `outcomes.py`), so the data
reads like the seeds and the loader resolves the references. Dates are
written as precisely as the seeds give them: "2004", "2004-06" or
"2004-06-07" (`baliprocess.lib.dates.parse_partial_date` turns each into the
stored date and its precision); None where the seeds say nothing.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Cite:
    """The passage a fact rests on.

    Either a quote from one of the seed documents (`document` is its slug;
    `passage` is copied from its text, and a test finds it there verbatim,
    whitespace aside; `at` locates it: "para. 24", "Participants"), or, for
    the few facts no seed states (an official name), another public source
    given by `title` and `url`, which the portal shows as such.
    """

    document: str | None
    passage: str
    at: str = ""
    title: str = ""
    url: str = ""


@dataclass(frozen=True)
class Retraction:
    """A fact an earlier version of the record loaded and this one no longer
    states, because no source supports it. `load_record` deletes the row
    (django-simple-history keeps the deletion), so an existing database is
    corrected without a trace lost.

    `kind` is one of "meeting", "meeting_role", "delegation", "delegate",
    "group_role", "group_membership", "outcome", "outcome_status",
    "meeting_theme" (meeting slug, theme slug: the theme is taken off);
    `key` is the row's natural key, in the order the loader documents.
    """

    kind: str
    key: tuple
    reason: str


@dataclass(frozen=True)
class ParticipantFact:
    slug: str
    kind: str
    name: str
    short_name: str
    country: str = ""
    acronym: str = ""
    alternative_names: tuple[str, ...] = ()
    description: str = ""
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class StatusFact:
    """One membership status. A participant's first status is stored as it
    stands; each later one is recorded through `membership_change`, which
    closes the status before it."""

    status: str
    source_document: str
    start: str | None = None
    decided_at: str | None = None
    note: str = ""
    # When `start` is unknown: the first date the sources show the status
    # held ("since at least 7 June 2004"); None when they give none.
    known_since: str | None = None
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class MembershipFact:
    participant: str
    statuses: tuple[StatusFact, ...]


@dataclass(frozen=True)
class DocumentFact:
    slug: str
    source: str
    kind: str
    title: str
    date: str
    meeting: str
    summary: str
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class MeetingRoleFact:
    participant: str
    role: str
    order: int = 0
    represented_by: str = ""
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class MeetingFact:
    slug: str
    kind: str
    start: str
    summary: str
    end: str | None = None
    ordinal: int | None = None
    title: str = ""
    city: str = ""
    country: str = ""
    group: str | None = None
    reported_delegate_total: int | None = None
    roles: tuple[MeetingRoleFact, ...] = ()
    themes: tuple[str, ...] = ()
    # How much of the attendance the source records: "complete" (every
    # delegate named), "delegations" (every delegation, not every delegate),
    # or "partial" (some of those who attended). See Meeting.Attendance.
    attendance: str = "partial"
    reported_country_total: int | None = None
    reported_organisation_total: int | None = None
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class DelegateFact:
    name: str
    role: str
    honorific: str = ""
    position: str = ""
    agency: str = ""
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class DelegationFact:
    meeting: str
    participant: str
    delegates: tuple[DelegateFact, ...] = ()
    # The name under which the meeting's record lists the participant
    # ("People's Republic of China"), and its place in that record's list
    # when the source fixes an order.
    recorded_name: str = ""
    recorded_order: int | None = None
    # Capacity the source states when the membership statuses do not give
    # it; "not_recorded" when it gives none (see Delegation.Capacity).
    capacity: str = ""
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class ThemeFact:
    slug: str
    name: str


@dataclass(frozen=True)
class GroupRoleFact:
    participant: str
    role: str
    order: int = 0
    person_name: str = ""
    person_position: str = ""
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class TermOfReferenceFact:
    label: str
    text: str
    order: int
    adopted_by: str | None = None
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class CompositionFact:
    participant: str
    start: str | None = None
    decided_at: str | None = None
    note: str = ""
    known_since: str | None = None
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class GroupFact:
    slug: str
    name: str
    short_name: str
    kind: str
    mandate: str
    description: str = ""
    parent: str | None = None
    established: str | None = None
    established_by: str | None = None
    discontinued: str | None = None
    discontinued_by: str | None = None
    roles: tuple[GroupRoleFact, ...] = ()
    terms_of_reference: tuple[TermOfReferenceFact, ...] = ()
    composition: tuple[CompositionFact, ...] = ()
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class OutcomeStatusFact:
    status: str
    date: str
    meeting: str | None
    document: str
    note: str = ""
    # The last day when the status is the act of a meeting of several days
    # ("7–8 June 2004"); None for one day.
    end: str | None = None
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class OutcomeFact:
    """An outcome; `key` only lets links name it (the database's natural key
    is its source and title)."""

    key: str
    kind: str
    title: str
    text: str
    date: str
    source_document: str
    source_meeting: str | None = None
    source_group: str | None = None
    paragraph: str = ""
    responsible_group: str | None = None
    responsible_participants: tuple[str, ...] = ()
    amount: str | None = None
    currency: str = ""
    statuses: tuple[OutcomeStatusFact, ...] = ()
    # A meeting of several days: its decisions carry its dates, not one day.
    end_date: str | None = None
    # Groups it proposes or decides to set up, change or wind up.
    concerns_groups: tuple[str, ...] = ()
    # Titles an earlier version of the record used, so a renamed outcome is
    # found and corrected rather than loaded twice.
    former_titles: tuple[str, ...] = ()
    cites: tuple[Cite, ...] = ()


@dataclass(frozen=True)
class OutcomeLinkFact:
    from_outcome: str
    relation: str
    to_outcome: str
    cites: tuple[Cite, ...] = ()
