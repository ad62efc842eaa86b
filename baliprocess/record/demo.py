"""Demonstration documents for development, so that a newcomer can see the
visibility rules at work: the seeds hold only public documents.

They are never part of the record: each is titled "Demonstration: …" and
says so in its text, and the command that adds them refuses unless demo
accounts are enabled (development and tests only).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from baliprocess.lib.cache import record_version_bump
from baliprocess.record import keys
from baliprocess.record.sync import RecordError, Tally, upsert
from meetings.models import Document, Meeting

NOTICE = (
    "This is demonstration content, added by `manage.py load_demo_content` for development. "
    "It is not part of the record of the Bali Process."
)


@dataclass(frozen=True)
class DemoDocument:
    slug: str
    title: str
    visibility: str
    who_may_read: str
    embargoed: bool = False


DEMO_DOCUMENTS = (
    DemoDocument(
        slug="demonstration-members-only-document",
        title="Demonstration: a members-only document",
        visibility=Document.Visibility.MEMBERS,
        who_may_read="Signed-in member officials and the secretariat may read it; the public "
        "may not.",
    ),
    DemoDocument(
        slug="demonstration-secretariat-only-document",
        title="Demonstration: a secretariat-only document",
        visibility=Document.Visibility.SECRETARIAT,
        who_may_read="Only secretariat managers may read it.",
    ),
    DemoDocument(
        slug="demonstration-embargoed-public-document",
        title="Demonstration: an embargoed public document",
        visibility=Document.Visibility.PUBLIC,
        who_may_read="It is public, but embargoed for a year from the day it was loaded: "
        "until then only secretariat staff may read it.",
        embargoed=True,
    ),
)


def a_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def demo_content_ensure(*, today: datetime.date | None = None) -> Tally:
    """Create or refresh the demonstration documents; return what was done.

    Side effects: three documents attached to the Brisbane SOM of 2004, one
    per restricted kind of access. The embargo is set a year ahead when the
    document is created, and moved a year ahead again only once it has
    passed, so running this twice changes nothing. Retires the cached
    anonymous pages.
    """
    if not settings.DEMO_ACCOUNTS_ENABLED:
        raise ImproperlyConfigured(
            "Demonstration content is for development only, and these settings disable it "
            "(DEMO_ACCOUNTS_ENABLED is off)."
        )
    meeting = Meeting.objects.filter(slug=keys.BRISBANE_SOM).first()
    if meeting is None:
        raise RecordError(
            "The demonstration documents belong to the Senior Officials Meeting, Brisbane "
            "2004, which is not in the database: run `manage.py load_record` first."
        )
    today = today or timezone.localdate()
    tally = Tally()
    for demo in DEMO_DOCUMENTS:
        embargo_until = None
        if demo.embargoed:
            current = (
                Document.objects.filter(slug=demo.slug)
                .values_list("embargo_until", flat=True)
                .first()
            )
            embargo_until = current if current and current > today else a_year_after(today)
        upsert(
            tally,
            Document,
            lookup={"slug": demo.slug},
            values={
                "kind": Document.Kind.OTHER,
                "title": demo.title,
                "date": meeting.end_date or meeting.start_date,
                "date_precision": meeting.date_precision,
                "text": f"{NOTICE} {demo.who_may_read}",
                "summary": f"Demonstration content, not part of the record. {demo.who_may_read}",
                "visibility": demo.visibility,
                "embargo_until": embargo_until,
                "meeting": meeting,
                "group": None,
            },
        )
    record_version_bump()
    return tally
