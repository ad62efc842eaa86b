"""`manage.py import_delegates`, and the private store that keeps an upload
between preview and confirm."""

import io
import os
import time
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import CommandError, call_command

from meetings.importers import ImportFileStore
from meetings.models import Delegate
from tests.factories import DelegateFactory, DelegationFactory
from tests.meetings.importing.spreadsheets import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def test_command_prints_the_preview_and_writes_nothing_without_commit(meeting, australia, tmp_path):
    path = tmp_path / "delegates.csv"
    path.write_bytes(csv_bytes([["Nation", "Name", "Role"], ["Australia", "Jane Citizen", "Head"]]))
    out = io.StringIO()

    call_command(
        "import_delegates", meeting.slug, str(path), "--map", "Nation=participant", stdout=out
    )

    text = out.getvalue()
    assert "A “Nation” → Participant (country or organisation)" in text
    assert "row 2: add Jane Citizen (Australia) — role: Head of delegation" in text
    assert "Dry run: nothing was written. Run again with --commit to import." in text
    assert Delegate.objects.count() == 0


def test_command_commits(meeting, australia, tmp_path):
    path = tmp_path / "delegates.csv"
    path.write_bytes(csv_bytes([["Country", "Name"], ["Australia", "Jane Citizen"]]))
    out = io.StringIO()

    call_command("import_delegates", meeting.slug, str(path), "--commit", stdout=out)

    assert out.getvalue() == (
        "delegates.csv (CSV, 1 rows) into Fifth Senior Officials Meeting\n"
        "Columns:\n"
        "  A “Country” → Participant (country or organisation)\n"
        "  B “Name” → Name\n"
        "Delegates: 1 to add, 0 to update, 0 unchanged. Delegations: 1 to add, 0 to update.\n"
        "  add delegation Australia — capacity: Member\n"
        "  row 2: add Jane Citizen (Australia)\n"
        "Imported “delegates.csv”: 1 delegate added, 0 updated, 0 unchanged; 1 delegation "
        "added. (Fifth Senior Officials Meeting)\n"
    )
    assert Delegate.objects.get().name == "Jane Citizen"
    assert (
        Delegate.objects.get().history.get().history_change_reason == "Imported from delegates.csv"
    )


def test_command_reads_the_sheet_and_header_row_it_is_told(meeting, australia, tmp_path):
    path = tmp_path / "delegates.xlsx"
    path.write_bytes(
        xlsx_bytes(
            sheets=[
                ("Delegates", [["Country", "Name"], ["Australia", "Jane Citizen"]]),
                ("Late", [["Country", "Name"], ["Nation", "Person"], ["Australia", "Ana Lima"]]),
            ]
        )
    )
    out = io.StringIO()

    call_command(
        "import_delegates",
        meeting.slug,
        str(path),
        "--sheet=2",
        "--header-row=2",
        "--map",
        "Nation=participant",
        "--map",
        "Person=name",
        stdout=out,
    )

    text = out.getvalue()
    assert (
        "Note: The workbook has 2 sheets (“Delegates”, “Late”); “Late”, the second, was read: "
        "as chosen." in text
    )
    assert "Note: Row 1 above the header row (row 2) was skipped: “Country | Name”." in text
    assert "row 3: add Ana Lima (Australia)" in text


def test_command_refuses_a_file_with_problems_and_writes_nothing(meeting, australia, tmp_path):
    path = tmp_path / "delegates.csv"
    path.write_bytes(
        csv_bytes([["Country", "Name"], ["Australia", "Jane Citizen"], ["Atlantis", "Nemo"]])
    )
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 problem: nothing was imported"):
        call_command("import_delegates", meeting.slug, str(path), "--commit", stdout=out)

    assert "Row 3, column “Country” (A3): no participant is called “Atlantis”." in out.getvalue()
    assert Delegate.objects.count() == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["no-such-meeting", "x.csv"], "No meeting has the slug “no-such-meeting”."),
        (["MEETING", "/no/such/file.csv"], "Cannot read /no/such/file.csv"),
        (["MEETING", "EMPTY"], "is empty"),
        (["MEETING", "GOOD", "--map", "Colour=name"], "The file has no column “Colour”"),
        (["MEETING", "GOOD", "--header-row", "7"], "Row 7 of “good.csv” is empty"),
    ],
)
def test_command_explains_what_is_wrong(meeting, tmp_path, arguments, message):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    good = tmp_path / "good.csv"
    good.write_bytes(b"Country,Name\r\nAustralia,Jane\r\n")
    replacements = {"MEETING": meeting.slug, "EMPTY": str(empty), "GOOD": str(good)}

    with pytest.raises(CommandError, match=message):
        call_command("import_delegates", *[replacements.get(item, item) for item in arguments])


def test_command_says_when_there_is_nothing_to_import(meeting, australia, tmp_path):
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=australia), name="Jane Citizen"
    )
    path = tmp_path / "delegates.csv"
    path.write_bytes(b"Country,Name\r\nAustralia,Jane Citizen\r\n")
    out = io.StringIO()

    call_command("import_delegates", meeting.slug, str(path), stdout=out)

    assert "Everything in the file is recorded already: nothing to import." in out.getvalue()


# --- The private file store --------------------------------------------------------------------


def _file_store(root, **kwargs) -> ImportFileStore:
    storage = FileSystemStorage(
        location=root, directory_permissions_mode=0o700, file_permissions_mode=0o600
    )
    return ImportFileStore(storage, **kwargs)


def test_store_keeps_a_file_under_a_random_token_and_deletes_it(tmp_path):
    store = _file_store(tmp_path)

    token = store.save(b"Country,Name\r\n", "delegates.csv")

    assert len(token) == 32
    assert store.load(token) == b"Country,Name\r\n"
    assert (tmp_path / token / "upload.csv").exists()
    assert oct((tmp_path / token).stat().st_mode & 0o777) == "0o700"
    assert oct((tmp_path / token / "upload.csv").stat().st_mode & 0o777) == "0o600"
    store.delete(token)
    assert store.load(token) is None
    assert not (tmp_path / token).exists()


def test_store_uses_the_imports_storage_by_default(settings):
    store = ImportFileStore()

    token = store.save(b"Country,Name\r\n", "delegates.xlsx")

    assert store.storage is storages["imports"]
    assert (Path(settings.MEDIA_ROOT) / "imports" / token / "upload.xlsx").exists()
    store.delete(token)


def test_store_keeps_an_odd_extension_out_of_the_stored_name(tmp_path):
    store = _file_store(tmp_path)

    token = store.save(b"Country,Name\r\n", "list.c$v")

    assert (tmp_path / token / "upload.csv").exists()


@pytest.mark.parametrize("token", ["../../etc", "", "0" * 31, "g" * 32, "../" + "0" * 29])
def test_store_refuses_tokens_that_are_not_its_own(tmp_path, token):
    store = _file_store(tmp_path)

    assert store.load(token) is None
    store.delete(token)  # never touches anything outside its folder


def test_store_refuses_a_token_with_a_trailing_newline(tmp_path):
    store = _file_store(tmp_path)
    token = store.save(b"Country,Name\r\nAustralia,Jane\r\n", "delegates.csv")
    # A folder whose name ends in a newline: "$" in a pattern would accept it.
    planted = tmp_path / f"{token}\n"
    planted.mkdir()
    for stored in (tmp_path / token).iterdir():
        (planted / stored.name).write_bytes(b"planted")

    assert store.load(f"{token}\n") is None
    assert store.load(token) == b"Country,Name\r\nAustralia,Jane\r\n"


def test_store_forgets_stale_uploads(tmp_path):
    store = _file_store(tmp_path, max_age=60)
    old = store.save(b"old", "old.csv")
    past = time.time() - 120
    for path in (tmp_path / old, tmp_path / old / "upload.csv"):
        os.utime(path, (past, past))

    assert store.load(old) is None
    assert not (tmp_path / old).exists()


def test_store_prunes_stale_folders_on_the_next_upload(tmp_path):
    store = _file_store(tmp_path, max_age=60)
    old = store.save(b"old", "old.csv")
    past = time.time() - 120
    os.utime(tmp_path / old / "upload.csv", (past, past))

    new = store.save(b"new", "new.xlsx")

    assert list(store.tokens()) == [new]
    assert (tmp_path / new / "upload.xlsx").exists()


def test_store_prunes_an_emptied_folder(tmp_path):
    store = _file_store(tmp_path, max_age=60)
    (tmp_path / ("a" * 32)).mkdir()

    store.prune()

    assert list(store.tokens()) == []


def test_an_upload_is_kept_an_hour_at_most():
    assert ImportFileStore().max_age == 3600


def test_prune_pending_imports_deletes_uploads_older_than_an_hour():
    store = ImportFileStore()
    abandoned = store.save(b"Country,Name,Email\r\nAustralia,Jane,jane@example.org\r\n", "a.csv")
    recent = store.save(b"Country,Name\r\nAustralia,John\r\n", "b.csv")
    past = time.time() - 3601
    for name in (abandoned, f"{abandoned}/upload.csv"):
        os.utime(storages["imports"].path(name), (past, past))
    out = io.StringIO()

    call_command("prune_pending_imports", stdout=out)

    left = set(store.tokens())
    store.delete(recent)
    assert abandoned not in left
    assert recent in left
    assert out.getvalue().startswith("Deleted ")
