"""Writes about participants and their status."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from baliprocess.lib.cache import record_version_bump
from baliprocess.lib.dates import DatePrecision, format_period
from membership.models import MembershipPeriod, Participant


@transaction.atomic
def membership_change(
    *,
    participant: Participant,
    status: str,
    on: datetime.date,
    precision: str = DatePrecision.DAY,
    decided_at=None,
    source_document=None,
    note: str = "",
) -> MembershipPeriod:
    """Record that `participant` became `status` on `on`.

    Side effects: the participant's open period, if any, is closed on `on`
    (half-open periods: the old status no longer holds that day); a new open
    period starts on `on`. Refused when the participant already has that
    status then, or when a later period exists (enter history in order, or
    edit the periods directly).
    """
    # NO KEY UPDATE serialises changes of one participant's status without blocking other
    # staff adding rows that refer to it (see meetings.importers.delegation_import).
    participant = Participant.objects.select_for_update(no_key=True).get(pk=participant.pk)
    open_period = participant.membership_periods.filter(end_date__isnull=True).first()
    if open_period is not None:
        if open_period.status == status:
            since = format_period(
                open_period.start_date, open_period.start_precision, None, open_period.end_precision
            )
            raise ValidationError(
                f"{participant} is already a{'n' if status == 'observer' else ''} "
                f"{open_period.get_status_display().lower()} ({since or 'dates not recorded'})."
            )
        if open_period.start_date is not None and open_period.start_date >= on:
            raise ValidationError(
                f"{participant}'s current status began on or after this date; "
                "edit the periods directly to rewrite history."
            )
        open_period.end_date = on
        open_period.end_precision = precision
        open_period.full_clean()
        open_period.save()
    period = MembershipPeriod(
        participant=participant,
        status=status,
        start_date=on,
        start_precision=precision,
        decided_at=decided_at,
        source_document=source_document,
        note=note,
    )
    period.full_clean()
    period.save()
    # The saves retire the cached pages too; this keeps doing so if they become
    # an update().
    record_version_bump()
    return period
