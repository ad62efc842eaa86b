"""Writing an import: everything the plan says, or nothing.

`delegation_import` locks the meeting, plans again (re-validating what staff
confirmed against the record as it now is) and writes with bulk inserts and
updates, each with its history entry: a list of 2,000 delegates is written
in a few queries, not 2,000 saves. Bulk writes send no signals, so the
cached anonymous pages are retired here (record_version_bump), as the
record's loader does.
"""

from collections.abc import Sequence

from django.db import DatabaseError, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from baliprocess.lib.cache import record_version_bump
from baliprocess.lib.db import is_write_conflict
from meetings.importers.planning import DelegateRow, DelegationImportPlan, delegation_import_plan
from meetings.importers.problems import DelegateImportError
from meetings.models import Delegate, Delegation, Meeting

# Rows per INSERT, and per UPDATE: an UPDATE of many rows is one CASE per
# field with a branch per row, which the database reads for every row it
# updates, so a batch of 2,000 costs a hundred times one of 200 per row.
CREATE_BATCH = 500
UPDATE_BATCH = 100


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
    under that lock and refused whole with DelegateImportError if any row has a
    problem; then new delegations are created, changed ones saved, demoted
    heads of delegation saved before any new head, changed delegates saved
    and new ones created — each with a history entry by `changed_by` with
    `reason`; the cached anonymous pages are retired.
    """
    # NO KEY UPDATE: it serialises imports into the meeting, yet lets other staff add rows
    # that refer to the meeting, whose foreign key checks at commit take a KEY SHARE lock
    # on its row. A plain FOR UPDATE would deadlock with them.
    Meeting.objects.select_for_update(no_key=True).filter(pk=meeting.pk).first()
    plan = delegation_import_plan(meeting=meeting, rows=rows)
    if plan.problems:
        raise DelegateImportError(plan.problems)
    try:
        with transaction.atomic():
            _write(plan, changed_by=changed_by, reason=reason)
            # bulk_create and bulk_update send no signals.
            record_version_bump()
    except DatabaseError as error:
        if not is_write_conflict(error):
            raise
        raise DelegateImportError(
            "The meeting's delegations changed while the list was being imported, so "
            "nothing was imported. Check the preview again and confirm."
        ) from None
    return plan


def _write(plan: DelegationImportPlan, *, changed_by, reason: str) -> None:
    history = {"default_user": changed_by, "default_change_reason": reason or None}
    if plan.new_delegations:
        created = bulk_create_with_history(
            plan.new_delegations, Delegation, batch_size=CREATE_BATCH, **history
        )
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
            batch_size=UPDATE_BATCH,
            **history,
        )
    fields = sorted(plan.changed_fields)
    # One head per delegation at every moment: the old head steps down first.
    for delegates in (plan.demoted_heads, plan.changed_delegates):
        if delegates:
            bulk_update_with_history(
                delegates, Delegate, fields, batch_size=UPDATE_BATCH, **history
            )
    if plan.new_delegates:
        bulk_create_with_history(plan.new_delegates, Delegate, batch_size=CREATE_BATCH, **history)
