"""Writes about meetings: publishing them.

The delegate import writes through its own pipeline: meetings.importers
(`writing.delegation_import`, atomic, with history).
"""

from collections.abc import Sequence

from django.db import transaction

from baliprocess.lib.cache import record_version_bump
from meetings.models import Meeting


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
