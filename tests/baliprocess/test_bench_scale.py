"""`make bench-scale`'s generator: rows written by COPY that Django reads as its own."""

import datetime

import pytest
from django.db import connection, transaction

from baliprocess.record.loader import record_load
from meetings.models import Delegate, Delegation, Document, Meeting
from scripts.bench_scale import RARE_WORD, record_grow
from workshops.models import Outcome

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the generator writes with PostgreSQL's COPY"
    ),
]

SIZES = {
    "meetings": 20,
    "delegations": 200,
    "delegates": 200,
    "documents": 30,
    "outcomes": 10,
    "big_meeting_delegates": 40,
    "seed": 7,
}
MODELS = (Meeting, Delegation, Delegate, Document, Outcome)


@pytest.fixture(scope="module")
def grown(django_db_setup, django_db_blocker):
    """The real record grown by a tiny generated one, made once for this module
    and rolled back after it: (rows before, last pk before, rows added)."""
    with django_db_blocker.unblock(), transaction.atomic():
        record_load()
        before = {model: model.objects.count() for model in MODELS}
        last_pk = {model: model.objects.order_by("-pk")[0].pk for model in MODELS}
        added = record_grow(**SIZES)
        yield before, last_pk, added
        transaction.set_rollback(True)


def test_record_grow_adds_the_rows_asked_for(grown):
    before, _last_pk, added = grown

    counts = {model: model.objects.count() - before[model] for model in MODELS}

    assert counts == {
        Meeting: 20,
        Delegation: added["delegations"],
        Delegate: 200,
        Document: 30,
        Outcome: 10,
    }
    assert added["delegations"] > 59  # the big conference has every participant


def test_record_grow_writes_what_full_clean_would(grown):
    _before, last_pk, _added = grown
    new = {model: list(model.objects.filter(pk__gt=last_pk[model])) for model in MODELS}

    for model, rows in new.items():
        for row in rows:
            stored = {field.attname: getattr(row, field.attname) for field in model._meta.fields}
            row.full_clean()  # derives titles, slugs and dates again, and checks constraints
            assert {field.attname: getattr(row, field.attname) for field in model._meta.fields} == (
                stored
            ), row


def test_record_grow_leaves_the_id_sequences_after_its_rows(grown):
    meeting = Meeting(kind=Meeting.Kind.OTHER, start_date=datetime.date(2030, 1, 1))
    meeting.full_clean()

    meeting.save()

    assert meeting.pk > Meeting.objects.exclude(pk=meeting.pk).order_by("-pk")[0].pk


def test_portal_shows_the_grown_record(grown, client, member_client):
    _before, last_pk, _added = grown
    big = Meeting.objects.filter(pk__gt=last_pk[Meeting]).order_by("pk")[0]
    document = Document.objects.public().filter(pk__gt=last_pk[Document]).first()
    outcome = Outcome.objects.filter(pk__gt=last_pk[Outcome]).first()
    delegate = Delegate.objects.filter(delegation__meeting=big, may_be_listed=True).first()
    paths = [
        "/",
        "/meetings/",
        big.get_absolute_url(),
        f"{big.get_absolute_url()}participants/",
        "/members/",
        "/members/australia/",
        "/groups/",
        "/workshops/",
        "/outcomes/",
        outcome.get_absolute_url(),
        "/documents/",
        document.get_absolute_url(),
        "/search/?q=trafficking",
        '/search/?q="support office"',
        f"/search/?q={RARE_WORD}",
        "/sitemap.xml",
        "/feeds/documents/",
        "/calendar.ics",
    ]

    statuses = {path: client.get(path).status_code for path in paths}
    participants = member_client.get(f"{big.get_absolute_url()}participants/")

    assert statuses == dict.fromkeys(paths, 200)
    assert delegate.name in participants.text
