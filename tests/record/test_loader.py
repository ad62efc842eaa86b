"""The loader itself: its summary, idempotence, repairs, and all-or-nothing failure.

Each test starts from an empty database and runs the loader itself.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from baliprocess.record import keys
from baliprocess.record.loader import record_load
from baliprocess.record.sync import RecordError
from meetings.models import Document, Meeting
from membership.models import Participant, ParticipantName
from tests.factories import ParticipantFactory, ThemeFactory
from tests.record.tables import table_row_counts
from workshops.models import Theme

pytestmark = pytest.mark.django_db

FIRST_RUN = [
    "Loaded the Bali Process record from baliprocess/record/sources/:",
    "  participants: 59 created, 0 updated, 0 unchanged",
    "  alternative names: 24 created, 0 updated, 0 unchanged",
    "  meetings: 22 created, 0 updated, 0 unchanged",
    "  groups: 6 created, 0 updated, 0 unchanged",
    "  documents: 5 created, 0 updated, 0 unchanged",
    "  membership statuses: 60 created, 0 updated, 0 unchanged",
    "  co-chairs, hosts and organisers: 26 created, 0 updated, 0 unchanged",
    "  delegations: 59 created, 0 updated, 0 unchanged",
    "  delegates: 6 created, 0 updated, 0 unchanged",
    "  themes: 11 created, 0 updated, 0 unchanged",
    "  coordinators and chairs: 4 created, 0 updated, 0 unchanged",
    "  terms of reference: 3 created, 0 updated, 0 unchanged",
    "  composition: 4 created, 0 updated, 0 unchanged",
    "  outcomes: 64 created, 0 updated, 0 unchanged",
    "  status history: 26 created, 0 updated, 0 unchanged",
    "  links to other outcomes: 10 created, 0 updated, 0 unchanged",
    "  citations: 646 created, 0 updated, 0 unchanged",
    "Total: 1035 created, 0 updated, 0 unchanged.",
]


def load_record(**options) -> list[str]:
    out = io.StringIO()
    call_command("load_record", stdout=out, **options)
    return out.getvalue().splitlines()


def stored_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def test_load_record_prints_a_summary_by_kind():
    output = load_record()

    assert output == FIRST_RUN


def test_second_run_reports_nothing_created_or_updated():
    load_record()

    output = load_record()

    assert output[-1] == "Total: 0 created, 0 updated, 1035 unchanged."
    assert output[1] == "  participants: 0 created, 0 updated, 59 unchanged"


def test_second_run_leaves_every_table_as_it_was_history_included():
    load_record()
    before = table_row_counts()

    load_record()

    assert table_row_counts() == before
    assert before["membership_historicalparticipant"] == 59
    assert before["meetings_historicaldocument"] == 5
    assert before["workshops_historicaloutcome"] > 0


def test_second_run_sends_no_write_to_the_database():
    record_load()

    with CaptureQueriesContext(connection) as queries:
        record_load()

    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []


def test_second_run_stores_no_file_again():
    load_record()
    files = stored_files()
    names = set(Document.objects.values_list("file", flat=True))

    load_record()

    assert stored_files() == files
    assert set(Document.objects.values_list("file", flat=True)) == names


def test_loader_restores_a_changed_fact_and_writes_only_that_row():
    load_record()
    # QuerySet.update() bypasses history, as a change made outside the admin would.
    Meeting.objects.filter(slug=keys.BRISBANE_SOM).update(summary="Edited by hand.")
    before = table_row_counts()

    output = load_record()

    after = table_row_counts()
    changed = {
        table: after[table] - before[table] for table in after if after[table] != before[table]
    }
    assert "  meetings: 0 created, 1 updated, 21 unchanged" in output
    assert output[-1] == "Total: 0 created, 1 updated, 1034 unchanged."
    assert Meeting.objects.get(slug=keys.BRISBANE_SOM).summary.startswith("Senior officials met")
    assert changed == {"meetings_historicalmeeting": 1}


def test_loader_stores_a_lost_file_again():
    load_record()
    document = Document.objects.get(slug=keys.REPORT_2004)
    document.file.storage.delete(document.file.name)

    output = load_record()

    document.refresh_from_db()
    assert "  documents: 0 created, 1 updated, 4 unchanged" in output
    with document.file.open("rb") as stored:
        assert stored.read().decode("utf-8").strip() == document.text


def test_loader_keeps_what_staff_added_beside_the_record():
    load_record()
    australia = Participant.objects.get(slug=keys.AUSTRALIA)
    ParticipantName.objects.create(participant=australia, name="Commonwealth of Australia")
    returns = Theme.objects.get(slug=keys.RETURNS)
    returns.meetings.add(Meeting.objects.get(slug=keys.BRISBANE_SOM))

    output = load_record()

    assert output[-1] == "Total: 0 created, 0 updated, 1035 unchanged."
    assert australia.alternative_names.filter(name="Commonwealth of Australia").exists()
    assert returns.meetings.filter(slug=keys.BRISBANE_SOM).exists()


def test_load_that_fails_changes_nothing_and_names_the_fact():
    # A theme of the same name under another slug: the loader reaches it only
    # after it has stored the documents' files.
    ThemeFactory(name="Returns", slug="return-of-migrants")
    files = stored_files()
    before = table_row_counts()

    with pytest.raises(CommandError) as failure:
        load_record()

    assert str(failure.value) == (
        "The record was not loaded; nothing was changed. theme (slug='returns'): "
        "Theme with this Name already exists."
    )
    assert table_row_counts() == before
    assert stored_files() == files


def test_load_that_conflicts_with_a_participant_is_refused_with_the_reason():
    ParticipantFactory(country="NZ", slug="aotearoa", name="Aotearoa", short_name="Aotearoa")

    with pytest.raises(CommandError) as failure:
        load_record()

    assert "participant (slug='new-zealand')" in str(failure.value)
    assert "Another participant already has this country." in str(failure.value)
    assert list(Participant.objects.values_list("slug", flat=True)) == ["aotearoa"]


def test_loader_refuses_a_missing_source_and_changes_nothing(tmp_path):
    with pytest.raises(RecordError) as failure:
        record_load(sources_dir=tmp_path)

    assert "cannot read" in str(failure.value)
    assert "000_13e19d178235bbad.txt" in str(failure.value)
    assert Participant.objects.count() == 0
    assert Document.objects.count() == 0


def test_load_record_is_silent_at_verbosity_zero():
    output = load_record(verbosity=0)

    assert output == []
    assert Participant.objects.count() == 59
