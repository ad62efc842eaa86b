"""Writes about meetings: publishing them, and importing their delegations and delegates.

`delegation_import_plan` works out what an import would do, row by row,
against the record as it stands, without writing; `delegation_import` does it
inside one transaction, after planning again under a lock, so what staff
confirmed is re-validated and written completely or not at all. The preview
and the write share the plan, so the preview shows exactly what is written.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from baliprocess.lib.cache import record_version_bump
from baliprocess.lib.db import is_write_conflict
from meetings.models import Delegate, Delegation, Meeting
from membership.models import Participant


@transaction.atomic
def meetings_publish(*, meeting_ids: Sequence[int], published: bool, user) -> list[Meeting]:
    """Publish (or withdraw from the portal) the given meetings; return those changed.

    Side effects: each meeting whose flag changes is saved with a history entry
    naming `user`; meetings already in the wanted state are left untouched; the
    cached anonymous pages are retired. Callers check the publish_meeting
    permission (the admin's action does).
    """
    meetings = list(
        Meeting.objects.select_for_update(no_key=True)
        .filter(pk__in=meeting_ids, is_published=not published)
        .order_by("start_date", "pk")
    )
    for meeting in meetings:
        meeting.is_published = published
        meeting._history_user = user
        meeting.save(update_fields=["is_published", "updated_at"])
    # Each save above retires the cached pages too; this keeps doing so if the
    # loop becomes one update().
    record_version_bump()
    return meetings


# The delegate fields an import may set, in the order a preview lists changes.
IMPORTED_DELEGATE_FIELDS = (
    "honorific",
    "name",
    "position",
    "agency",
    "role",
    "email",
    "phone",
    "may_be_listed",
)
# Not a model field: the head count of a row without a name, and the capacity.
HEAD_COUNT = "head_count"
CAPACITY = "capacity"


@dataclass(frozen=True)
class DelegateRow:
    """One validated row of a delegate list.

    `values` holds only the delegate fields the row gives: an empty cell
    leaves what is recorded unchanged. A row without a name stands for the
    delegation itself (its capacity and reported number of delegates).
    """

    row: int
    participant: Participant
    name: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)
    capacity: str | None = None
    head_count: int | None = None


@dataclass(frozen=True)
class ImportIssue:
    """Why a row cannot be imported: its number, the field at fault and a plain message."""

    row: int | None
    field: str
    message: str

    def __str__(self) -> str:
        if self.row is None or self.message.startswith(f"Row {self.row} "):
            return self.message
        return f"Row {self.row}: {self.message}"


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
    issues: list[ImportIssue] = field(default_factory=list)
    # What to write, in the order it must be written.
    new_delegations: list[Delegation] = field(default_factory=list)
    changed_delegations: list[Delegation] = field(default_factory=list)
    demoted_heads: list[Delegate] = field(default_factory=list)
    changed_delegates: list[Delegate] = field(default_factory=list)
    new_delegates: list[Delegate] = field(default_factory=list)

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
            or self.new_delegates
        )

    @property
    def updates_existing(self) -> bool:
        return bool(self.changed_delegations or self.changed_delegates)


# How a preview names the fields whose verbose names are long.
_LABELS = {
    HEAD_COUNT: "reported number of delegates",
    CAPACITY: "capacity",
    "role": "role",
    "may_be_listed": "listed",
}


def _label(model, name: str) -> str:
    return _LABELS.get(name) or str(model._meta.get_field(name).verbose_name)


def _shown(model, name: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    choices = {"role": Delegate.Role, "capacity_override": Delegation.Capacity}
    choices[CAPACITY] = Delegation.Capacity
    if name in choices:
        return dict(choices[name].choices).get(value, str(value))
    return str(value)


def delegation_import_plan(
    *, meeting: Meeting, rows: Sequence[DelegateRow]
) -> DelegationImportPlan:
    """Work out, without writing, what importing `rows` into `meeting` does.

    Rules:
    - a delegate is identified by meeting, participant and name, ignoring case:
      importing the same list again updates instead of duplicating, and a row
      whose values are all recorded already is left unchanged;
    - a participant without a delegation at the meeting gets one;
    - a capacity equal to the participant's membership status on the
      meeting's start date (or guest, without one) clears the staff's
      override, any other capacity sets it; a row without a name sets the
      delegation's reported number of delegates;
    - refused, with the row: the same delegate twice, two capacities or
      two numbers for one delegation, a number on a row with a name, a second
      head of delegation (in the file, or beside a head recorded already who
      keeps the role), and any value the model refuses (an invalid email
      address, a name too long).

    Reads three queries at most, whatever the number of rows.
    """
    plan = DelegationImportPlan(meeting=meeting)
    by_participant: dict[int, list[DelegateRow]] = defaultdict(list)
    for row in rows:
        by_participant[row.participant.pk].append(row)
    if not by_participant:
        return plan

    existing_delegations = {
        delegation.participant_id: delegation
        for delegation in Delegation.objects.filter(
            meeting=meeting, participant__in=list(by_participant)
        ).with_capacity()
    }
    missing = [pk for pk in by_participant if pk not in existing_delegations]
    statuses = dict(
        Participant.objects.filter(pk__in=missing)
        .with_status_on(meeting.start_date)
        .values_list("pk", "status_on_date")
    )
    existing_delegates: dict[int, list[Delegate]] = defaultdict(list)
    for delegate in Delegate.objects.filter(
        delegation__in=list(existing_delegations.values())
    ).order_by("pk"):
        existing_delegates[delegate.delegation_id].append(delegate)

    for participant_rows in by_participant.values():
        participant = participant_rows[0].participant
        delegation = existing_delegations.get(participant.pk)
        natural = (
            delegation.status_on_meeting_date if delegation else statuses.get(participant.pk)
        ) or Delegation.Capacity.GUEST
        _plan_delegation(plan, meeting, participant, delegation, natural, participant_rows)
        target = delegation or plan.new_delegations[-1]
        _plan_delegates(
            plan,
            participant,
            target,
            existing_delegates.get(delegation.pk, []) if delegation else [],
            participant_rows,
        )
    plan.issues.sort(key=lambda issue: (issue.row or 0, issue.field))
    return plan


def _plan_delegation(plan, meeting, participant, delegation, natural, rows) -> None:
    capacity_rows = [row for row in rows if row.capacity is not None]
    capacity = capacity_rows[0].capacity if capacity_rows else None
    for row in capacity_rows[1:]:
        if row.capacity != capacity:
            plan.issues.append(
                ImportIssue(
                    row.row,
                    CAPACITY,
                    f"Row {row.row} gives {participant} the capacity "
                    f"{_shown(Delegation, CAPACITY, row.capacity)}, but row "
                    f"{capacity_rows[0].row} gives "
                    f"{_shown(Delegation, CAPACITY, capacity)}: a delegation has one capacity.",
                )
            )
    nameless = [row for row in rows if not row.name]
    for row in nameless[1:]:
        plan.issues.append(
            ImportIssue(
                row.row,
                HEAD_COUNT,
                f"Row {row.row} repeats row {nameless[0].row}: {participant} has one row "
                "without a name (the delegation itself).",
            )
        )
    for row in rows:
        if row.name and row.head_count is not None:
            plan.issues.append(
                ImportIssue(
                    row.row,
                    HEAD_COUNT,
                    "A number of delegates belongs on a row without a name (one row for a "
                    "delegation whose names were not recorded); leave it empty on a "
                    "delegate's row.",
                )
            )
    head_count = nameless[0].head_count if nameless else None
    first_row = rows[0].row

    wanted_override = None
    if capacity is not None:
        wanted_override = "" if capacity == natural else capacity

    if delegation is None:
        delegation = Delegation(
            meeting=meeting,
            participant=participant,
            capacity_override=wanted_override or "",
            reported_head_count=head_count,
        )
        changes = []
        capacity_shown = wanted_override or natural
        changes.append(("capacity", "", _shown(Delegation, CAPACITY, capacity_shown)))
        if head_count is not None:
            changes.append((_label(Delegation, HEAD_COUNT), "", str(head_count)))
        _validate(plan, delegation, first_row, exclude=["meeting", "participant"])
        plan.new_delegations.append(delegation)
        plan.delegations.append(
            PlannedChange(PlannedChange.CREATE, participant, "", first_row, changes)
        )
        return

    changes = []
    if wanted_override is not None and wanted_override != delegation.capacity_override:
        changes.append(
            (
                "capacity",
                _shown(Delegation, CAPACITY, delegation.capacity),
                _shown(Delegation, CAPACITY, capacity),
            )
        )
        delegation.capacity_override = wanted_override
    if head_count is not None and head_count != delegation.reported_head_count:
        changes.append(
            (
                _label(Delegation, HEAD_COUNT),
                _shown(Delegation, HEAD_COUNT, delegation.reported_head_count),
                str(head_count),
            )
        )
        delegation.reported_head_count = head_count
    if changes:
        _validate(plan, delegation, first_row, exclude=["meeting", "participant"])
        plan.changed_delegations.append(delegation)
        plan.delegations.append(
            PlannedChange(PlannedChange.UPDATE, participant, "", first_row, changes)
        )
    elif nameless:
        plan.delegations.append(
            PlannedChange(PlannedChange.UNCHANGED, participant, "", nameless[0].row)
        )


def _plan_delegates(plan, participant, delegation, recorded, rows) -> None:
    recorded_by_name = {delegate.name.casefold(): delegate for delegate in recorded}
    seen: dict[str, DelegateRow] = {}
    # Who holds the headship after the import, and where each claim comes from.
    untouched = dict(recorded_by_name)
    heads: list[tuple[int | None, str]] = []
    for row in rows:
        if not row.name:
            continue
        key = row.name.casefold()
        if key in seen:
            plan.issues.append(
                ImportIssue(
                    row.row,
                    "name",
                    f"Row {row.row} repeats row {seen[key].row}: {row.name} of {participant} "
                    "is on the list once.",
                )
            )
            continue
        seen[key] = row
        untouched.pop(key, None)
        existing = recorded_by_name.get(key)
        if existing is None:
            delegate = Delegate(delegation=delegation, name=row.name, **row.values)
            _validate(plan, delegate, row.row, exclude=["delegation"])
            plan.new_delegates.append(delegate)
            plan.delegates.append(
                PlannedChange(
                    PlannedChange.CREATE,
                    participant,
                    row.name,
                    row.row,
                    [
                        (_label(Delegate, name), "", _shown(Delegate, name, value))
                        for name, value in row.values.items()
                    ],
                )
            )
            role = delegate.role
        else:
            changes = []
            was_head = existing.role == Delegate.Role.HEAD
            wanted = {"name": row.name, **row.values}
            for name in IMPORTED_DELEGATE_FIELDS:
                if name in wanted and wanted[name] != getattr(existing, name):
                    changes.append(
                        (
                            _label(Delegate, name),
                            _shown(Delegate, name, getattr(existing, name)),
                            _shown(Delegate, name, wanted[name]),
                        )
                    )
                    setattr(existing, name, wanted[name])
            action = PlannedChange.UPDATE if changes else PlannedChange.UNCHANGED
            plan.delegates.append(PlannedChange(action, participant, row.name, row.row, changes))
            if changes:
                _validate(plan, existing, row.row, exclude=["delegation"])
                if was_head and existing.role != Delegate.Role.HEAD:
                    plan.demoted_heads.append(existing)
                else:
                    plan.changed_delegates.append(existing)
            role = existing.role
        if role == Delegate.Role.HEAD:
            heads.append((row.row, row.name))
    heads += [
        (None, delegate.name)
        for delegate in untouched.values()
        if delegate.role == Delegate.Role.HEAD
    ]
    if len(heads) > 1:
        _report_heads(plan, participant, heads)


def _report_heads(plan, participant, heads) -> None:
    in_file = [(row, name) for row, name in heads if row is not None]
    recorded = [name for row, name in heads if row is None]
    if recorded:
        for row, name in in_file:
            plan.issues.append(
                ImportIssue(
                    row,
                    "role",
                    f"{participant}'s head of delegation is {recorded[0]} already, who is "
                    f"not in this file; a delegation has one head. Make {name} alternate "
                    f"head, or add {recorded[0]} to the file with another role.",
                )
            )
        return
    first_row, first_name = in_file[0]
    for row, name in in_file[1:]:
        plan.issues.append(
            ImportIssue(
                row,
                "role",
                f"Rows {first_row} and {row} both make a head of delegation for "
                f"{participant} ({first_name}, {name}); a delegation has one head.",
            )
        )


def _validate(plan, instance, row: int, *, exclude: list[str]) -> None:
    # Field rules only (lengths, email, choices): the rules across rows are the
    # plan's own, checked above against the rows and the record in memory,
    # and the database's constraints stand behind them when writing.
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                plan.issues.append(ImportIssue(row, name, message))


@transaction.atomic
def delegation_import(
    *,
    meeting: Meeting,
    rows: Sequence[DelegateRow],
    changed_by=None,
    reason: str = "",
) -> DelegationImportPlan:
    """Import `rows` into `meeting`: everything or nothing.

    Side effects: the meeting's row is locked for the transaction, so two
    imports into one meeting run one after the other; the plan is made again
    under that lock (re-validating what staff confirmed against the record
    as it now is) and refused whole with ValidationError if any row has an
    issue; then new delegations are created, changed ones saved, demoted
    heads of delegation saved before any new head, changed delegates saved
    and new ones created — each with a history entry by `changed_by` with
    `reason`; the cached anonymous pages are retired.
    """
    # NO KEY UPDATE: it serialises imports into the meeting, yet lets other staff add rows
    # that refer to the meeting, whose foreign key checks at commit take a KEY SHARE lock
    # on its row. A plain FOR UPDATE would deadlock with them.
    Meeting.objects.select_for_update(no_key=True).filter(pk=meeting.pk).first()
    plan = delegation_import_plan(meeting=meeting, rows=rows)
    if plan.issues:
        raise ValidationError([str(issue) for issue in plan.issues])
    try:
        with transaction.atomic():
            _write(plan, changed_by=changed_by, reason=reason)
            # bulk_create and bulk_update send no signals.
            record_version_bump()
    except DatabaseError as error:
        if not is_write_conflict(error):
            raise
        raise ValidationError(
            "The meeting's delegations changed while the list was being imported, so "
            "nothing was imported. Check the preview again and confirm."
        ) from None
    return plan


def _write(plan: DelegationImportPlan, *, changed_by, reason: str) -> None:
    history = {"default_user": changed_by, "default_change_reason": reason or None}
    if plan.new_delegations:
        created = bulk_create_with_history(plan.new_delegations, Delegation, **history)
        # Delegates of a new delegation need its primary key.
        by_participant = {delegation.participant_id: delegation for delegation in created}
        for delegate in plan.new_delegates:
            if delegate.delegation.pk is None:
                delegate.delegation = by_participant[delegate.delegation.participant_id]
    if plan.changed_delegations:
        bulk_update_with_history(
            plan.changed_delegations,
            Delegation,
            ["capacity_override", "reported_head_count"],
            **history,
        )
    # One head per delegation at every moment: the old head steps down first.
    if plan.demoted_heads:
        bulk_update_with_history(
            plan.demoted_heads, Delegate, list(IMPORTED_DELEGATE_FIELDS), **history
        )
    if plan.changed_delegates:
        bulk_update_with_history(
            plan.changed_delegates, Delegate, list(IMPORTED_DELEGATE_FIELDS), **history
        )
    if plan.new_delegates:
        bulk_create_with_history(plan.new_delegates, Delegate, batch_size=500, **history)
