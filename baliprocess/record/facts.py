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
class ParticipantFact:
    slug: str
    kind: str
    name: str
    short_name: str
    country: str = ""
    acronym: str = ""
    alternative_names: tuple[str, ...] = ()
    description: str = ""


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


@dataclass(frozen=True)
class MeetingRoleFact:
    participant: str
    role: str
    order: int = 0
    represented_by: str = ""


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


@dataclass(frozen=True)
class DelegateFact:
    name: str
    role: str
    honorific: str = ""
    position: str = ""
    agency: str = ""


@dataclass(frozen=True)
class DelegationFact:
    meeting: str
    participant: str
    delegates: tuple[DelegateFact, ...] = ()


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


@dataclass(frozen=True)
class TermOfReferenceFact:
    label: str
    text: str
    order: int
    adopted_by: str | None = None


@dataclass(frozen=True)
class CompositionFact:
    participant: str
    start: str | None = None
    decided_at: str | None = None
    note: str = ""


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


@dataclass(frozen=True)
class OutcomeStatusFact:
    status: str
    date: str
    meeting: str | None
    document: str
    note: str = ""


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


@dataclass(frozen=True)
class OutcomeLinkFact:
    from_outcome: str
    relation: str
    to_outcome: str
