"""What an import would do, row by row, against the record as it stands,
without writing. The preview shows the plan; `writing.delegation_import`
makes it again under a lock and writes it, so what staff see is what is
written.

Rules:
- a delegate is identified by meeting, participant and name, ignoring case
  and accents: importing the same list again updates instead of
  duplicating, and "Nguyen Van Thanh" is the "Nguyễn Văn Thành" recorded
  already (flagged for staff; the spelling with accents is kept);
- a row whose values are all recorded already is left unchanged, and an
  empty cell changes nothing;
- a participant without a delegation at the meeting gets one;
- a capacity equal to the participant's membership status on the meeting's
  start date (or guest, without one) clears the staff's override, any other
  capacity sets it; a row without a name sets the delegation's reported
  number of delegates;
- the rows' order is the delegates' place in the delegation (`order`), kept
  as recorded when the file lists the recorded delegates in the order the
  list shows them already;
- refused, with the row: the same delegate twice, two capacities or two
  numbers for one delegation, a number on a row with a name, a second head
  of delegation (in the file, or beside a head recorded already who keeps
  the role), and any value the model refuses (an invalid email address, a
  name too long).
"""

import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from meetings.importers.problems import NAME_MATCH, ImportProblem, note
from meetings.importers.vocabulary import CAPACITY, HEAD_COUNT
from meetings.models import Delegate, Delegation, Meeting
from membership.models import Participant

# The delegate fields an import may set, in the order a preview lists changes.
IMPORTED_DELEGATE_FIELDS = (
    "honorific",
    "name",
    "family_name",
    "position",
    "agency",
    "role",
    "email",
    "phone",
    "may_be_listed",
)
PLACE = "order"  # the delegate's place in the delegation: the rows' order


@dataclass(frozen=True)
class DelegateRow:
    """One validated row of a delegate list.

    `values` holds only the delegate fields the row gives: an empty cell
    leaves what is recorded unchanged. A row without a name stands for the
    delegation itself (its capacity and reported number of delegates).
    `not_head` says the file marks the delegate as not the head of delegation.
    """

    row: int
    participant: Participant
    name: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)
    capacity: str | None = None
    head_count: int | None = None
    not_head: bool = False


@dataclass
class PlannedChange:
    """What the import does with one delegation or delegate."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"

    action: str
    participant: Participant
    name: str  # '' for the delegation itself
    row: int | None
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # label, old, new


@dataclass
class DelegationImportPlan:
    """What an import of rows into one meeting would create, update and leave."""

    meeting: Meeting
    delegations: list[PlannedChange] = field(default_factory=list)
    delegates: list[PlannedChange] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)  # each blocks the import
    notes: list[ImportProblem] = field(default_factory=list)  # names matched loosely
    # What to write, in the order it must be written.
    new_delegations: list[Delegation] = field(default_factory=list)
    changed_delegations: list[Delegation] = field(default_factory=list)
    demoted_heads: list[Delegate] = field(default_factory=list)
    changed_delegates: list[Delegate] = field(default_factory=list)
    new_delegates: list[Delegate] = field(default_factory=list)
    # The delegate fields the changed delegates change (one bulk update writes them all).
    changed_fields: set[str] = field(default_factory=set)

    def _of(self, changes: list[PlannedChange], action: str) -> list[PlannedChange]:
        return [change for change in changes if change.action == action]

    @property
    def created_delegations(self) -> list[PlannedChange]:
        return self._of(self.delegations, PlannedChange.CREATE)

    @property
    def updated_delegations(self) -> list[PlannedChange]:
        return self._of(self.delegations, PlannedChange.UPDATE)

    @property
    def created_delegates(self) -> list[PlannedChange]:
        return self._of(self.delegates, PlannedChange.CREATE)

    @property
    def updated_delegates(self) -> list[PlannedChange]:
        return self._of(self.delegates, PlannedChange.UPDATE)

    @property
    def unchanged_delegates(self) -> list[PlannedChange]:
        return self._of(self.delegates, PlannedChange.UNCHANGED)

    @property
    def writes_anything(self) -> bool:
        return bool(
            self.new_delegations
            or self.changed_delegations
            or self.changed_delegates
            or self.demoted_heads
            or self.new_delegates
        )

    @property
    def updates_existing(self) -> bool:
        return bool(self.changed_delegations or self.changed_delegates or self.demoted_heads)

    def refuse(self, row: int | None, name: str, message: str) -> None:
        self.problems.append(ImportProblem(message, row=row, field=name))


# How a preview names the fields whose verbose names are long.
_LABELS = {
    HEAD_COUNT: "reported number of delegates",
    CAPACITY: "capacity",
    "role": "role",
    "may_be_listed": "listed",
    PLACE: "place in the delegation",
}


def _label(model, name: str) -> str:
    return _LABELS.get(name) or str(model._meta.get_field(name).verbose_name)


def _shown(name: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    choices = {
        "role": Delegate.Role,
        "capacity_override": Delegation.Capacity,
        CAPACITY: Delegation.Capacity,
    }
    if name in choices:
        return dict(choices[name].choices).get(value, str(value))
    return str(value)


# Letters with no accent to take off that people write without their stroke.
_PLAIN_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss"}
)


def without_accents(name: str) -> str:
    """'Nguyễn Văn Thành' → 'Nguyen Van Thanh'."""
    text = unicodedata.normalize("NFKD", name.translate(_PLAIN_LETTERS))
    return unicodedata.normalize(
        "NFC", "".join(char for char in text if not unicodedata.combining(char))
    )


def person_key(name: str) -> str:
    """A name as the import identifies a person: case, accents and spacing ignored."""
    return " ".join(without_accents(name).casefold().split())


def delegation_import_plan(
    *, meeting: Meeting, rows: Sequence[DelegateRow]
) -> DelegationImportPlan:
    """Work out, without writing, what importing `rows` into `meeting` does
    (the rules are in this module's docstring). Reads three queries at most,
    whatever the number of rows."""
    plan = DelegationImportPlan(meeting=meeting)
    by_participant: dict[int, list[DelegateRow]] = defaultdict(list)
    for row in rows:
        by_participant[row.participant.pk].append(row)
    if not by_participant:
        return plan
    existing = _recorded_delegations(meeting, list(by_participant))
    missing = [pk for pk in by_participant if pk not in existing]
    statuses = dict(
        Participant.objects.filter(pk__in=missing)
        .with_status_on(meeting.start_date)
        .values_list("pk", "status_on_date")
    )
    recorded = _recorded_delegates(existing.values())
    for participant_rows in by_participant.values():
        participant = participant_rows[0].participant
        delegation = existing.get(participant.pk)
        natural = (
            delegation.status_on_meeting_date if delegation else statuses.get(participant.pk)
        ) or Delegation.Capacity.GUEST
        target = _plan_delegation(plan, meeting, participant, delegation, natural, participant_rows)
        known = recorded.get(delegation.pk, []) if delegation else []
        _DelegatesPlan(plan, participant, target, known).make(participant_rows)
    plan.problems.sort(key=lambda problem: (problem.row or 0, problem.field))
    plan.notes.sort(key=lambda problem: problem.row or 0)
    return plan


def _recorded_delegations(meeting: Meeting, participant_ids: list[int]) -> dict:
    return {
        delegation.participant_id: delegation
        for delegation in Delegation.objects.filter(
            meeting=meeting, participant__in=participant_ids
        ).with_capacity()
    }


def _recorded_delegates(delegations) -> dict[int, list[Delegate]]:
    recorded: dict[int, list[Delegate]] = defaultdict(list)
    delegations = list(delegations)
    if not delegations:
        return recorded
    for delegate in Delegate.objects.filter(delegation__in=delegations).order_by("pk"):
        recorded[delegate.delegation_id].append(delegate)
    return recorded


# --- The delegation ---------------------------------------------------------------


def _plan_delegation(plan, meeting, participant, delegation, natural, rows) -> Delegation:
    """Plan the delegation of `rows`; return it (a new one when none is recorded)."""
    capacity = _one_capacity(plan, participant, rows)
    nameless = _one_nameless_row(plan, participant, rows)
    head_count = nameless.head_count if nameless else None
    wanted_override = None
    if capacity is not None:
        wanted_override = "" if capacity == natural else capacity
    if delegation is None:
        return _new_delegation(
            plan, meeting, participant, rows[0].row, wanted_override or "", natural, head_count
        )
    changes = []
    if wanted_override is not None and wanted_override != delegation.capacity_override:
        changes.append(
            ("capacity", _shown(CAPACITY, delegation.capacity), _shown(CAPACITY, capacity))
        )
        delegation.capacity_override = wanted_override
    if head_count is not None and head_count != delegation.reported_head_count:
        changes.append(
            (
                _label(Delegation, HEAD_COUNT),
                _shown(HEAD_COUNT, delegation.reported_head_count),
                str(head_count),
            )
        )
        delegation.reported_head_count = head_count
    if changes:
        _validate(plan, delegation, rows[0].row, ["capacity_override", "reported_head_count"])
        plan.changed_delegations.append(delegation)
        plan.delegations.append(
            PlannedChange(PlannedChange.UPDATE, participant, "", rows[0].row, changes)
        )
    elif nameless:
        plan.delegations.append(
            PlannedChange(PlannedChange.UNCHANGED, participant, "", nameless.row)
        )
    return delegation


def _new_delegation(plan, meeting, participant, row, override, natural, head_count):
    delegation = Delegation(
        meeting=meeting,
        participant=participant,
        capacity_override=override,
        reported_head_count=head_count,
    )
    changes = [("capacity", "", _shown(CAPACITY, override or natural))]
    if head_count is not None:
        changes.append((_label(Delegation, HEAD_COUNT), "", str(head_count)))
    _validate(plan, delegation, row, ["capacity_override", "reported_head_count"])
    plan.new_delegations.append(delegation)
    plan.delegations.append(PlannedChange(PlannedChange.CREATE, participant, "", row, changes))
    return delegation


def _one_capacity(plan, participant, rows) -> str | None:
    capacity_rows = [row for row in rows if row.capacity is not None]
    if not capacity_rows:
        return None
    first = capacity_rows[0]
    for row in capacity_rows[1:]:
        if row.capacity != first.capacity:
            plan.refuse(
                row.row,
                CAPACITY,
                f"Row {row.row} gives {participant} the capacity "
                f"{_shown(CAPACITY, row.capacity)}, but row {first.row} gives "
                f"{_shown(CAPACITY, first.capacity)}: a delegation has one capacity.",
            )
    return first.capacity


def _one_nameless_row(plan, participant, rows) -> DelegateRow | None:
    nameless = [row for row in rows if not row.name]
    for row in nameless[1:]:
        plan.refuse(
            row.row,
            HEAD_COUNT,
            f"Row {row.row} repeats row {nameless[0].row}: {participant} has one row "
            "without a name (the delegation itself).",
        )
    for row in rows:
        if row.name and row.head_count is not None:
            plan.refuse(
                row.row,
                HEAD_COUNT,
                "A number of delegates belongs on a row without a name (one row for a "
                "delegation whose names were not recorded); leave it empty on a "
                "delegate's row.",
            )
    return nameless[0] if nameless else None


# --- The delegates ----------------------------------------------------------------


@dataclass
class _Entry:
    """A named row of the file and the delegate it creates or updates."""

    row: DelegateRow
    delegate: Delegate
    change: PlannedChange
    was_head: bool = False
    changed: set[str] = field(default_factory=set)

    @property
    def is_new(self) -> bool:
        return self.change.action == PlannedChange.CREATE


class _DelegatesPlan:
    """The delegates of one delegation: matched to the recorded ones by name,
    then their heads and their places checked across the rows."""

    def __init__(self, plan: DelegationImportPlan, participant, delegation, recorded):
        self.plan, self.participant, self.delegation = plan, participant, delegation
        self.recorded = recorded
        self.by_key: dict[str, list[Delegate]] = defaultdict(list)
        for delegate in recorded:
            self.by_key[person_key(delegate.name)].append(delegate)
        self.entries: list[_Entry] = []

    def make(self, rows: Sequence[DelegateRow]) -> None:
        seen: dict[str, DelegateRow] = {}
        for row in rows:
            if not row.name:
                continue
            key = person_key(row.name)
            if key in seen:
                self.plan.refuse(
                    row.row,
                    "name",
                    f"Row {row.row} repeats row {seen[key].row}: {row.name} of "
                    f"{self.participant} is on the list once.",
                )
                continue
            seen[key] = row
            matches = self.by_key.get(key)
            self.entries.append(self._update(row, matches) if matches else self._create(row))
        _plan_places(self.entries, self.recorded)
        self._check_heads()
        self._record()

    def _create(self, row: DelegateRow) -> _Entry:
        delegate = Delegate(delegation=self.delegation, name=row.name, **row.values)
        changes = [
            (_label(Delegate, name), "", _shown(name, value)) for name, value in row.values.items()
        ]
        change = PlannedChange(PlannedChange.CREATE, self.participant, row.name, row.row, changes)
        return _Entry(row, delegate, change, changed={"name", *row.values})

    def _update(self, row: DelegateRow, matches: list[Delegate]) -> _Entry:
        delegate = _best_match(row.name, matches)
        entry = _Entry(
            row,
            delegate,
            PlannedChange(PlannedChange.UNCHANGED, self.participant, row.name, row.row),
            was_head=delegate.role == Delegate.Role.HEAD,
        )
        wanted = {**row.values, "name": self._kept_name(row, delegate)}
        if row.not_head and "role" not in wanted and entry.was_head:
            wanted["role"] = Delegate.Role.DELEGATE
        for name in IMPORTED_DELEGATE_FIELDS:
            if name in wanted and wanted[name] != getattr(delegate, name):
                _change(entry, name, wanted[name])
        return entry

    def _kept_name(self, row: DelegateRow, delegate: Delegate) -> str:
        """The file's spelling, unless it only drops the recorded one's accents;
        a name matched other than letter for letter is flagged for staff."""
        if row.name == delegate.name:
            return row.name
        accents_only = row.name.casefold() != delegate.name.casefold()
        keep = accents_only and without_accents(row.name) == row.name
        differ = "accents" if accents_only else "case"
        outcome = (
            "the recorded spelling is kept"
            if keep
            else f"the name is updated to the file's spelling, {row.name}"
        )
        self.plan.notes.append(
            note(
                f"“{row.name}” is taken to be {delegate.name} of {self.participant}, recorded "
                f"already: the names differ only in {differ}, so {outcome}. If they are two "
                "people, write the name differently in the file.",
                NAME_MATCH,
                row=row.row,
                field="name",
            )
        )
        return delegate.name if keep else row.name

    def _check_heads(self) -> None:
        in_file = [
            (entry.row.row, entry.row.name)
            for entry in self.entries
            if entry.delegate.role == Delegate.Role.HEAD
        ]
        matched = {entry.delegate.pk for entry in self.entries if not entry.is_new}
        recorded = [
            delegate.name
            for delegate in self.recorded
            if delegate.role == Delegate.Role.HEAD and delegate.pk not in matched
        ]
        if len(in_file) + len(recorded) > 1:
            _report_heads(self.plan, self.participant, in_file, recorded)

    def _record(self) -> None:
        plan = self.plan
        for entry in self.entries:
            plan.delegates.append(entry.change)
            if entry.is_new:
                _validate(plan, entry.delegate, entry.row.row, entry.changed)
                plan.new_delegates.append(entry.delegate)
                continue
            if not entry.changed:
                continue
            entry.change.action = PlannedChange.UPDATE
            _validate(plan, entry.delegate, entry.row.row, entry.changed)
            plan.changed_fields |= entry.changed
            demoted = entry.was_head and entry.delegate.role != Delegate.Role.HEAD
            (plan.demoted_heads if demoted else plan.changed_delegates).append(entry.delegate)


def _best_match(name: str, matches: list[Delegate]) -> Delegate:
    """Of the recorded delegates whose names match, the closest: letter for
    letter, then ignoring case, then ignoring accents too."""
    for same in (lambda text: text == name, lambda text: text.casefold() == name.casefold()):
        found = [delegate for delegate in matches if same(delegate.name)]
        if found:
            return found[0]
    return matches[0]


def _change(entry: _Entry, name: str, value) -> None:
    old = getattr(entry.delegate, name)
    if not entry.is_new:
        entry.change.changes.append(
            (_label(Delegate, name), _shown(name, old), _shown(name, value))
        )
    setattr(entry.delegate, name, value)
    entry.changed.add(name)


_ROLE_RANK = {Delegate.Role.HEAD: 0, Delegate.Role.ALTERNATE: 1}


def _plan_places(entries: list[_Entry], recorded: list[Delegate]) -> None:
    """Each delegate's place is its row's among the delegation's rows, unless
    the file adds no one and lists the recorded delegates in the order the
    list shows them already (then nothing is moved)."""
    if not entries:
        return

    def rank(entry: _Entry) -> int:
        return _ROLE_RANK.get(entry.delegate.role, 2)

    wanted = sorted(range(len(entries)), key=lambda index: (rank(entries[index]), index))
    shown = sorted(
        range(len(entries)),
        key=lambda index: (
            rank(entries[index]),
            entries[index].delegate.order is None,
            entries[index].delegate.order or 0,
            entries[index].delegate.name.casefold(),
            entries[index].delegate.pk or 0,
        ),
    )
    adds = any(entry.is_new for entry in entries)
    if not adds and wanted == shown:
        return
    for place, entry in enumerate(entries, start=1):
        if entry.delegate.order != place:
            _change(entry, PLACE, place)


def _report_heads(plan, participant, in_file, recorded) -> None:
    if recorded:
        for row, name in in_file:
            plan.refuse(
                row,
                "role",
                f"{participant}'s head of delegation is {recorded[0]} already, who is "
                f"not in this file; a delegation has one head. Make {name} alternate "
                f"head, or add {recorded[0]} to the file with another role.",
            )
        return
    first_row, first_name = in_file[0]
    for row, name in in_file[1:]:
        plan.refuse(
            row,
            "role",
            f"Rows {first_row} and {row} both make a head of delegation for "
            f"{participant} ({first_name}, {name}); a delegation has one head.",
        )


def _validate(plan, instance, row: int, fields) -> None:
    # Field rules only (lengths, email, choices), for the fields the row sets:
    # the rules across rows are the plan's own, checked above against the rows
    # and the record in memory, and the database's constraints stand behind
    # them when writing.
    exclude = [
        model_field.name
        for model_field in instance._meta.concrete_fields
        if model_field.name not in fields
    ]
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                plan.refuse(row, name, message)
