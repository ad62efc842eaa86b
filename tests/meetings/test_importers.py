"""Delegate lists imported from spreadsheets: reading files, recognising
columns, validating rows, the preview, the atomic write, the round trip with
the exports, the command and the private file store."""

import csv
import datetime
import io
import os
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import Client, override_settings

from meetings.exporters import render_participant_list_csv, render_participant_list_xlsx
from meetings.importers import (
    ImportFileError,
    ImportFileStore,
    apply_mapping_changes,
    delegate_import_preview,
    import_summary,
    looks_like_formula,
    mapping_problems,
    parse_mapping_options,
    read_sheet,
    recognise_columns,
)
from meetings.models import Delegate, Delegation
from meetings.selectors import participant_list
from meetings.services import DelegateRow, delegation_import, delegation_import_plan
from membership.models import MembershipPeriod
from tests.concurrency import (
    OtherStaffMember,
    on_postgresql,
    wait_for_a_transaction_to_wait_on_a_lock,
)
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
    ParticipantNameFactory,
)

pytestmark = pytest.mark.django_db

HEADER = ["Country", "Full name", "Title", "Ministry", "Role", "E-mail"]


def csv_bytes(rows, *, encoding="utf-8", delimiter=",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, *, sheets=1) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Delegates"
    for row in rows:
        sheet.append(row)
    for number in range(1, sheets):
        workbook.create_sheet(f"Notes {number}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def meeting():
    return MeetingFactory(custom_title="Fifth Senior Officials Meeting")


@pytest.fixture
def australia():
    participant = ParticipantFactory(
        name="Commonwealth of Australia", short_name="Australia", country="AU"
    )
    MembershipPeriodFactory(participant=participant)
    return participant


@pytest.fixture
def indonesia():
    participant = ParticipantFactory(
        name="Republic of Indonesia", short_name="Indonesia", country="ID"
    )
    MembershipPeriodFactory(participant=participant)
    return participant


def preview_of(meeting, content, filename="delegates.csv", mapping=None):
    return delegate_import_preview(
        meeting=meeting, sheet=read_sheet(content, filename), mapping=mapping
    )


def problems_of(preview):
    return [str(problem) for problem in preview.problems]


def import_file(meeting, content, filename="delegates.csv", mapping=None):
    preview = preview_of(meeting, content, filename, mapping)
    assert problems_of(preview) == []
    return delegation_import(meeting=meeting, rows=preview.rows, reason=f"Imported from {filename}")


# --- Columns ----------------------------------------------------------------------


def test_common_header_variants_are_recognised_ignoring_case_and_punctuation():
    headers = [
        "Country / Organisation",
        "FULL NAME",
        "Designation",
        "Ministry / Agency",
        "Role in delegation",
        "E-mail address",
        "Telephone",
        "Salutation",
        "Capacity",
        "May be listed?",
        "Number of delegates",
        "Notes",
    ]

    assert recognise_columns(headers) == {
        0: "participant",
        1: "name",
        2: "position",
        3: "agency",
        4: "role",
        5: "email",
        6: "phone",
        7: "honorific",
        8: "capacity",
        9: "may_be_listed",
        10: "head_count",
    }


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Name", "name"),
        ("Delegate", "name"),
        ("Delegation", "participant"),
        ("Member", "participant"),
        ("Organization", "participant"),
        ("Position", "position"),
        ("Department", "agency"),
        ("Honorific", "honorific"),
        ("Email", "email"),
        ("Phone", "phone"),
        ("Listed", "may_be_listed"),
    ],
)
def test_each_variant_named_in_the_brief_is_recognised(header, field):
    assert recognise_columns([header]) == {0: field}


def test_the_first_of_two_columns_meaning_the_same_field_wins():
    assert recognise_columns(["Name", "Full name"]) == {0: "name"}


def test_mapping_by_hand_overrides_and_ignores_columns():
    headers = ["Nation", "Person", "Email"]
    mapping = recognise_columns(headers)

    changes = parse_mapping_options(["nation=participant", "Person=name", "Email="], headers)

    assert apply_mapping_changes(mapping, changes) == {0: "participant", 1: "name"}


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("Nation", 'is not of the form "Header=field"'),
        ("Colour=name", "The file has no column “Colour”"),
        ("Nation=favourite_colour", "“favourite_colour” is not a field"),
    ],
)
def test_mapping_options_name_what_is_wrong(option, message):
    with pytest.raises(ImportFileError, match=message):
        parse_mapping_options([option], ["Nation", "Person"])


def test_mapping_problems_say_what_is_missing():
    assert mapping_problems({0: "name", 1: "name"}) == [
        "Two columns are mapped to “Name”; keep one.",
        "No column gives the participant (the country or organisation): choose which column does.",
    ]
    assert mapping_problems({0: "participant"})[0].startswith("No column gives the delegates'")
    assert mapping_problems({0: "participant", 1: "head_count"}) == []


def test_unrecognised_columns_block_the_preview_until_mapped(meeting, australia):
    content = csv_bytes([["Nation", "Person"], ["Australia", "Jane Citizen"]])

    unmapped = preview_of(meeting, content)
    mapped = preview_of(meeting, content, mapping={0: "participant", 1: "name"})

    assert unmapped.plan is None
    assert len(unmapped.problems) == 2
    assert [column.header for column in unmapped.ignored_columns] == ["Nation", "Person"]
    assert problems_of(mapped) == []
    assert [change.name for change in mapped.plan.created_delegates] == ["Jane Citizen"]


# --- The preview, and importing -------------------------------------------------------


def test_preview_lists_what_will_be_created_and_writes_nothing(meeting, australia, indonesia):
    content = csv_bytes(
        [
            HEADER,
            [
                "Australia",
                "Jane Citizen",
                "First Assistant Secretary",
                "DFAT",
                "Head of delegation",
                "jane@example.org",
            ],
            ["AU", "John Smith", "Director", "Home Affairs", "delegate", ""],
            ["Republic of Indonesia", "Siti Rahma", "Director", "Kemlu", "HoD", "siti@example.org"],
        ]
    )

    preview = preview_of(meeting, content)

    assert problems_of(preview) == []
    assert preview.can_import
    assert [
        (change.participant.short_name, change.name) for change in preview.plan.created_delegates
    ] == [
        ("Australia", "Jane Citizen"),
        ("Australia", "John Smith"),
        ("Indonesia", "Siti Rahma"),
    ]
    assert [change.participant.short_name for change in preview.plan.created_delegations] == [
        "Australia",
        "Indonesia",
    ]
    assert ("role", "", "Head of delegation") in preview.plan.created_delegates[0].changes
    assert Delegation.objects.count() == Delegate.objects.count() == 0


def test_import_writes_delegations_and_delegates_with_history(meeting, australia, editor_user):
    content = csv_bytes(
        [
            HEADER,
            [
                "Australia",
                "Jane Citizen",
                "First Assistant Secretary",
                "DFAT",
                "Head",
                "jane@example.org",
            ],
        ]
    )
    preview = preview_of(meeting, content)

    plan = delegation_import(
        meeting=meeting,
        rows=preview.rows,
        changed_by=editor_user,
        reason="Imported from delegates.csv",
    )

    delegate = Delegate.objects.get()
    assert (delegate.delegation.meeting, delegate.delegation.participant) == (meeting, australia)
    assert (delegate.name, delegate.position, delegate.agency, delegate.role, delegate.email) == (
        "Jane Citizen",
        "First Assistant Secretary",
        "DFAT",
        Delegate.Role.HEAD,
        "jane@example.org",
    )
    assert delegate.may_be_listed is True
    history = delegate.history.get()
    assert (history.history_user, history.history_change_reason) == (
        editor_user,
        "Imported from delegates.csv",
    )
    assert delegate.delegation.history.count() == 1
    assert len(plan.created_delegates) == 1


def test_importing_the_same_file_again_updates_instead_of_duplicating(meeting, australia):
    first = csv_bytes([HEADER, ["Australia", "Jane Citizen", "Director", "DFAT", "Head", ""]])
    import_file(meeting, first)
    again = csv_bytes(
        [
            HEADER,
            ["Australia", "JANE CITIZEN", "First Assistant Secretary", "DFAT", "Head", ""],
            ["Australia", "New Person", "", "", "", ""],
        ]
    )

    preview = preview_of(meeting, again)
    import_file(meeting, again)

    assert [(change.action, change.name) for change in preview.plan.delegates] == [
        ("update", "JANE CITIZEN"),
        ("create", "New Person"),
    ]
    assert preview.plan.updated_delegates[0].changes == [
        ("name", "Jane Citizen", "JANE CITIZEN"),
        ("position", "Director", "First Assistant Secretary"),
    ]
    assert sorted(Delegate.objects.values_list("name", flat=True)) == ["JANE CITIZEN", "New Person"]
    assert Delegation.objects.count() == 1


def test_unchanged_rows_are_skipped_and_empty_cells_change_nothing(meeting, australia):
    import_file(
        meeting,
        csv_bytes(
            [HEADER, ["Australia", "Jane Citizen", "Director", "DFAT", "Head", "jane@example.org"]]
        ),
    )

    preview = preview_of(
        meeting, csv_bytes([HEADER, ["Australia", "Jane Citizen", "", "", "", ""]])
    )

    assert [change.action for change in preview.plan.delegates] == ["unchanged"]
    assert preview.has_nothing_to_do
    assert not preview.can_import
    assert Delegate.objects.get().email == "jane@example.org"


def test_capacity_sets_an_override_only_when_it_differs_from_the_status(
    meeting, australia, indonesia
):
    content = csv_bytes(
        [
            ["Country", "Name", "Capacity"],
            ["Australia", "Jane Citizen", "Member"],
            ["Indonesia", "Siti Rahma", "Secretariat"],
        ]
    )

    import_file(meeting, content)

    overrides = dict(Delegation.objects.values_list("participant__short_name", "capacity_override"))
    assert overrides == {"Australia": "", "Indonesia": "secretariat"}


def test_a_row_without_a_name_records_the_delegation_and_its_number(meeting, australia):
    content = csv_bytes([["Participant", "Name", "Number of delegates"], ["Australia", "", "5"]])

    preview = preview_of(meeting, content)
    import_file(meeting, content)

    assert [change.action for change in preview.plan.delegations] == ["create"]
    assert Delegation.objects.get().reported_head_count == 5
    assert Delegate.objects.count() == 0


def test_existing_delegations_get_their_capacity_and_number_updated(meeting, australia, indonesia):
    DelegationFactory(meeting=meeting, participant=australia, reported_head_count=5)
    DelegationFactory(
        meeting=meeting, participant=indonesia, capacity_override=Delegation.Capacity.GUEST
    )
    content = csv_bytes(
        [
            ["Country", "Name", "Capacity", "Number of delegates"],
            ["Australia", "", "Observer", "7"],
            ["Indonesia", "", "Member", ""],
        ]
    )

    preview = preview_of(meeting, content)
    plan = import_file(meeting, content)

    assert [
        (change.participant.short_name, change.changes)
        for change in preview.plan.updated_delegations
    ] == [
        (
            "Australia",
            [("capacity", "Member", "Observer"), ("reported number of delegates", "5", "7")],
        ),
        ("Indonesia", [("capacity", "Guest", "Member")]),
    ]
    assert dict(Delegation.objects.values_list("participant__short_name", "capacity_override")) == {
        "Australia": "observer",
        "Indonesia": "",
    }
    assert Delegation.objects.get(participant=australia).reported_head_count == 7
    assert import_summary(plan, "d.csv") == (
        "Imported “d.csv”: 0 delegates added, 0 updated, 0 unchanged; 2 delegations updated."
    )


def test_a_delegation_row_already_recorded_is_unchanged(meeting, australia):
    DelegationFactory(meeting=meeting, participant=australia, reported_head_count=5)

    preview = preview_of(
        meeting, csv_bytes([["Country", "Number of delegates"], ["Australia", "5"]])
    )

    assert [change.action for change in preview.plan.delegations] == ["unchanged"]
    assert preview.has_nothing_to_do


def test_two_rows_without_a_name_for_one_delegation_are_refused(meeting, australia):
    content = csv_bytes([["Country", "Number of delegates"], ["Australia", "5"], ["AU", "6"]])

    assert problems_of(preview_of(meeting, content)) == [
        "Row 3, column “Number of delegates” (B3): Row 3 repeats row 2: Australia has one row "
        "without a name (the delegation itself)."
    ]


def test_refused_import_names_the_rows_in_its_error(meeting, australia):
    rows = [
        DelegateRow(row=2, participant=australia, name="Jane Citizen"),
        DelegateRow(row=5, participant=australia, name="jane citizen"),
    ]

    with pytest.raises(ValidationError) as refused:
        delegation_import(meeting=meeting, rows=rows)

    assert refused.value.messages == [
        "Row 5 repeats row 2: jane citizen of Australia is on the list once."
    ]


def test_a_new_head_can_replace_the_recorded_one_in_the_same_file(meeting, australia):
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    DelegateFactory(delegation=delegation, name="Old Head", role=Delegate.Role.HEAD)
    content = csv_bytes(
        [
            ["Country", "Name", "Role"],
            ["Australia", "Old Head", "Alternate head of delegation"],
            ["Australia", "New Head", "Head of delegation"],
        ]
    )

    import_file(meeting, content)

    assert dict(Delegate.objects.values_list("name", "role")) == {
        "Old Head": "alternate",
        "New Head": "head",
    }


# --- Rows that block the import ---------------------------------------------------------


def test_unmatched_participant_is_reported_with_suggestions_not_guessed(meeting, australia):
    preview = preview_of(meeting, csv_bytes([["Country", "Name"], ["Austrailia", "Jane Citizen"]]))

    assert problems_of(preview) == [
        "Row 2, column “Country” (A2): no participant is called “Austrailia”. Did you mean "
        "“Australia”? Add it (or this name as one of its alternative names) in the admin, or "
        "correct the file."
    ]
    assert not preview.can_import


def test_ambiguous_participant_is_reported_with_its_candidates(meeting):
    north = ParticipantFactory(
        name="Democratic People's Republic of Korea", short_name="DPRK", country="KP"
    )
    south = ParticipantFactory(
        name="Republic of Korea", short_name="Republic of Korea", country="KR"
    )
    ParticipantNameFactory(participant=north, name="Korea")
    alias = ParticipantNameFactory.build(participant=south, name="korea ")
    # An alias differing only in spacing: a name two participants answer to.
    alias.save()

    preview = preview_of(meeting, csv_bytes([["Country", "Name"], ["Korea", "Kim"]]))

    assert problems_of(preview) == [
        "Row 2, column “Country” (A2): “Korea” could be Democratic People's Republic of Korea "
        "(DPRK) or Republic of Korea (Republic of Korea): write the name in full, or its ISO "
        "code or acronym."
    ]


def test_participants_are_matched_by_alternative_name_iso_code_and_acronym(meeting, australia):
    vietnam = ParticipantFactory(
        name="Socialist Republic of Viet Nam", short_name="Viet Nam", country="VN"
    )
    ParticipantNameFactory(participant=vietnam, name="Vietnam")
    iom = OrganisationFactory(
        name="International Organization for Migration", short_name="IOM", acronym="IOM"
    )
    content = csv_bytes(
        [
            ["Country", "Name"],
            ["Vietnam", "Nguyen Van A"],
            ["au", "Jane Citizen"],
            ["I.O.M.", "Ana Fonseca"],
        ]
    )

    preview = preview_of(meeting, content)

    assert [change.participant for change in preview.plan.created_delegates] == [
        vietnam,
        australia,
        iom,
    ]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            ["", "Jane Citizen", "", ""],
            "Row 2, column “Country” (A2): no participant: every row needs its country or "
            "organisation.",
        ),
        (
            ["Australia", "Jane Citizen", "Chief", ""],
            "Row 2, column “Role” (C2): “Chief” is not a role; use one of: Head of delegation, "
            "Alternate head of delegation, Delegate, Adviser.",
        ),
        (
            ["Australia", "Jane Citizen", "", "not-an-address"],
            "Row 2, column “Email” (D2): Enter a valid email address.",
        ),
        (
            ["Australia", "", "Head", ""],
            "Row 2, column “Name” (B2): no name: a delegate's row needs the delegate's name.",
        ),
    ],
)
def test_invalid_cells_are_reported_with_row_column_and_message(meeting, australia, row, problem):
    preview = preview_of(meeting, csv_bytes([["Country", "Name", "Role", "Email"], row]))

    assert problems_of(preview) == [problem]


def test_capacity_listed_and_number_are_checked(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "Capacity", "Listed", "Number of delegates"],
            ["Australia", "Jane Citizen", "VIP", "perhaps", ""],
            ["Australia", "", "", "", "many"],
            ["Australia", "John Smith", "", "", "3"],
        ]
    )

    assert problems_of(preview_of(meeting, content)) == [
        "Row 2, column “Capacity” (C2): “VIP” is not a capacity; use one of: Member, Observer, "
        "Guest, Secretariat.",
        "Row 2, column “Listed” (D2): “perhaps” is not yes or no.",
        "Row 3, column “Number of delegates” (E3): “many” is not a number of delegates (a whole "
        "number).",
        "Row 4, column “Number of delegates” (E4): A number of delegates belongs on a row "
        "without a name (one row for a delegation whose names were not recorded); leave it "
        "empty on a delegate's row.",
    ]


def test_duplicate_rows_in_one_file_are_refused(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name"],
            ["Australia", "Jane Citizen"],
            ["Australia", "Someone Else"],
            ["AU", "jane  citizen"],
        ]
    )

    assert problems_of(preview_of(meeting, content)) == [
        "Row 4, column “Name” (B4): Row 4 repeats row 2: jane citizen of Australia is on the list "
        "once."
    ]


def test_two_heads_of_delegation_in_one_file_are_refused(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "Role"],
            ["Australia", "Jane Citizen", "Head"],
            ["Australia", "John Smith", "Head of delegation"],
        ]
    )

    assert problems_of(preview_of(meeting, content)) == [
        "Row 3, column “Role” (C3): Rows 2 and 3 both make a head of delegation for Australia "
        "(Jane Citizen, John Smith); a delegation has one head."
    ]


def test_a_second_head_beside_the_recorded_one_is_refused(meeting, australia):
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=australia),
        name="Recorded Head",
        role=Delegate.Role.HEAD,
    )

    preview = preview_of(
        meeting, csv_bytes([["Country", "Name", "Role"], ["Australia", "John Smith", "Head"]])
    )

    assert problems_of(preview) == [
        "Row 2, column “Role” (C2): Australia's head of delegation is Recorded Head already, "
        "who is not in this file; a delegation has one head. Make John Smith alternate head, or "
        "add Recorded Head to the file with another role."
    ]


def test_two_capacities_for_one_delegation_are_refused(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "Capacity"],
            ["Australia", "A Person", "Member"],
            ["Australia", "B Person", "Observer"],
        ]
    )

    assert problems_of(preview_of(meeting, content)) == [
        "Row 3, column “Capacity” (C3): Row 3 gives Australia the capacity Observer, but row 2 "
        "gives Member: a delegation has one capacity."
    ]


def test_too_long_values_are_reported_by_the_models_rules(meeting, australia):
    preview = preview_of(meeting, csv_bytes([["Country", "Name"], ["Australia", "x" * 201]]))

    assert problems_of(preview) == [
        "Row 2, column “Name” (B2): Ensure this value has at most 200 characters (it has 201)."
    ]


def test_one_bad_row_blocks_the_whole_import(meeting, australia, indonesia):
    content = csv_bytes(
        [
            ["Country", "Name", "Email"],
            ["Indonesia", "Siti Rahma", "siti@example.org"],
            ["Australia", "Jane Citizen", "broken"],
        ]
    )
    preview = delegate_import_preview(meeting=meeting, sheet=read_sheet(content, "d.csv"))
    rows = [
        DelegateRow(row=2, participant=indonesia, name="Siti Rahma"),
        DelegateRow(row=3, participant=australia, name="Jane Citizen", values={"email": "broken"}),
    ]

    with pytest.raises(ValidationError) as refused:
        delegation_import(meeting=meeting, rows=rows)

    assert not preview.can_import
    assert refused.value.messages == ["Row 3: Enter a valid email address."]
    assert Delegation.objects.count() == Delegate.objects.count() == 0


def test_confirming_checks_the_record_again(meeting, australia):
    preview = preview_of(
        meeting, csv_bytes([["Country", "Name", "Role"], ["Australia", "John Smith", "Head"]])
    )
    assert preview.can_import
    # Meanwhile a colleague enters a head of delegation in the admin.
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=australia),
        name="Entered Meanwhile",
        role=Delegate.Role.HEAD,
    )

    with pytest.raises(ValidationError, match="head of delegation is Entered Meanwhile already"):
        delegation_import(meeting=meeting, rows=preview.rows)

    assert list(Delegate.objects.values_list("name", flat=True)) == ["Entered Meanwhile"]


def test_plan_reads_a_constant_number_of_queries(meeting, django_assert_num_queries):
    rows = []
    for number in range(5):
        participant = ParticipantFactory()
        rows += [
            DelegateRow(
                row=number * 3 + person, participant=participant, name=f"P{number}-{person}"
            )
            for person in range(3)
        ]

    with django_assert_num_queries(2):
        plan = delegation_import_plan(meeting=meeting, rows=rows)

    assert len(plan.created_delegates) == 15


# --- Bad files ----------------------------------------------------------------------------


def refused(content, filename="delegates.csv"):
    with pytest.raises(ImportFileError) as error:
        read_sheet(content, filename)
    return str(error.value)


def test_empty_file_is_refused():
    assert refused(b"") == "“delegates.csv” is empty."
    assert refused(b" \r\n\r\n") == "“delegates.csv” is empty."


@override_settings(DELEGATE_IMPORT_MAX_BYTES=1024)
def test_too_large_file_is_refused_naming_the_limit():
    message = refused(b"Country,Name\r\n" + b"Australia,Jane Citizen\r\n" * 100)

    assert message == (
        "“delegates.csv” is 2.4\xa0KB; the largest delegate list that can be imported is "
        "1.0\xa0KB. Split it into smaller files."
    )


def test_header_only_is_refused():
    assert refused(b"Country,Name\r\n") == (
        "“delegates.csv” has a header row but no rows of delegates below it."
    )


@override_settings(DELEGATE_IMPORT_MAX_ROWS=5000)
def test_ten_thousand_rows_are_refused_naming_the_number_and_the_limit():
    content = b"Country,Name\r\n" + b"".join(
        b"Australia,Person %d\r\n" % number for number in range(10_000)
    )

    assert refused(content) == (
        "“delegates.csv” has 10,000 rows of delegates; one import takes at most 5,000. Split "
        "the list into smaller files."
    )


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"%PDF-1.7 ...", "delegates.csv", "“delegates.csv” is a PDF document, not a spreadsheet"),
        (
            b"\x89PNG\r\n\x1a\n....",
            "delegates.xlsx",
            "“delegates.xlsx” is a PNG image, not a spreadsheet",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "delegates.xlsx",
            "is an Excel 97–2003 (.xls) or other old Office file",
        ),
        (b"\x00\x01\x02binary", "delegates.csv", "is a binary file, not a spreadsheet"),
        (
            b"Country,Name\r\n",
            "delegates.pdf",
            "is not a CSV file (.csv) or an Excel workbook (.xlsx)",
        ),
    ],
)
def test_wrong_kinds_of_file_are_refused_by_their_content(content, filename, message):
    assert message in refused(content, filename)


def test_renamed_text_file_is_not_a_workbook():
    assert refused(b"Country,Name\r\nAustralia,Jane\r\n", "delegates.xlsx") == (
        "“delegates.xlsx” is named as an Excel workbook but holds plain text: if it is a CSV "
        "file, name it .csv; otherwise save it from Excel as .xlsx."
    )


def test_workbook_named_csv_is_refused():
    assert "is named as a CSV file but holds an Excel workbook" in refused(
        xlsx_bytes([["Country", "Name"]]), "delegates.csv"
    )


def test_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    word = buffer.getvalue()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", "not really")

    assert refused(word, "delegates.xlsx") == (
        "“delegates.xlsx” is a Word document, not an Excel workbook: save the delegate list "
        "from Excel as .xlsx, or as CSV."
    )
    assert refused(buffer.getvalue(), "delegates.xlsx").startswith(
        "“delegates.xlsx” is a ZIP archive, not an Excel workbook"
    )


def test_damaged_workbooks_are_refused():
    whole = xlsx_bytes([["Country", "Name"], ["Australia", "Jane"]])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "this is not XML")
        archive.writestr("[Content_Types].xml", "nor this")

    assert "is a damaged ZIP archive" in refused(whole[: len(whole) // 2], "delegates.xlsx")
    assert "could not be read as an Excel workbook" in refused(buffer.getvalue(), "delegates.xlsx")


def test_broken_encoding_names_the_lines_that_cannot_be_read():
    content = (
        b"Country,Name\r\nAustralia,Jane\r\nFrance,Ren\x81\x8d\r\nFiji,Ok\r\nPeru,\x90\x9d\r\n"
    )

    assert refused(content) == (
        "“delegates.csv” is not text in UTF-8 or Windows-1252, the encodings a CSV file is read "
        "in. Lines 3 and 5 could not be read. Save it from Excel as “CSV UTF-8 (Comma "
        "delimited)”."
    )


def test_a_file_of_empty_cells_has_no_header():
    assert refused(b",,,\r\n,,\r\n") == (
        "“delegates.csv” is empty: it has no header row and no rows."
    )


def test_many_unreadable_lines_are_counted_beyond_ten():
    content = b"Country,Name\r\n" + b"France,Ren\x81\r\n" * 12

    assert "Lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more could not be read." in refused(content)


def test_rows_with_values_only_in_ignored_columns_are_skipped(meeting, australia):
    content = csv_bytes(
        [["Country", "Name", "Notes"], ["", "", "see annex"], ["Australia", "Jane", ""]]
    )

    preview = preview_of(meeting, content)

    assert problems_of(preview) == []
    assert [row.row for row in preview.rows] == [3]


def test_windows_1252_file_is_read_and_the_preview_says_so(meeting):
    france = ParticipantFactory(short_name="France", country="FR")
    content = csv_bytes([["Country", "Name"], ["France", "René Lefèvre"]], encoding="cp1252")

    preview = preview_of(meeting, content)

    assert preview.sheet.notes == [
        "The file is not UTF-8, so it was read as Windows-1252 (Western European) text: check "
        "that accented names look right below."
    ]
    assert [(change.participant, change.name) for change in preview.plan.created_delegates] == [
        (france, "René Lefèvre")
    ]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "note"),
    [
        ("utf-8-sig", ",", []),
        ("utf-8", ";", ["The columns are separated by semicolons."]),
        ("utf-16", "\t", ["The columns are separated by tabs."]),
    ],
)
def test_utf8_with_bom_semicolons_and_excel_unicode_text_are_read(encoding, delimiter, note):
    content = csv_bytes(
        [["Country", "Name"], ["Việt Nam", "Nguyễn Thị Hà"]], encoding=encoding, delimiter=delimiter
    )

    sheet = read_sheet(content, "delegates.csv")

    assert (sheet.headers, [cell.value for cell in sheet.rows[0].cells]) == (
        ["Country", "Name"],
        ["Việt Nam", "Nguyễn Thị Hà"],
    )
    assert sheet.notes == note


def test_unclosed_quote_is_reported():
    assert refused(b'Country,Name\r\nAustralia,"Jane\r\n').startswith(
        "“delegates.csv” could not be read as CSV"
    )


def test_formulas_in_workbook_cells_are_refused_with_their_position(meeting, australia):
    content = xlsx_bytes(
        [
            ["Country", "Name", "Email"],
            ["Australia", "Jane Citizen", '=HYPERLINK("http://evil.example","x")'],
        ]
    )

    preview = preview_of(meeting, content, "delegates.xlsx")

    assert problems_of(preview) == [
        'Row 2, column “Email” (C2): the cell holds a formula (=HYPERLINK("http://evil.example","x"));'
        " formulas are never run or stored. Type the value itself."
    ]
    assert preview.rows == []


def test_formulas_in_csv_cells_are_refused_but_telephone_numbers_are_not(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "Phone"],
            ["Australia", "Jane Citizen", "+61 2 6261 1111"],
            ["Australia", "=1+1", ""],
            ["Australia", "John Smith", "+cmd|' /C calc'!A0"],
        ]
    )

    assert problems_of(preview_of(meeting, content)) == [
        "Row 3, column “Name” (B3): the cell holds a formula (=1+1); formulas are never run or "
        "stored. Type the value itself.",
        "Row 4, column “Phone” (C4): the cell holds a formula (+cmd|' /C calc'!A0); formulas "
        "are never run or stored. Type the value itself.",
    ]


@pytest.mark.parametrize(
    ("text", "is_formula"),
    [
        ("=A1", True),
        ("@SUM(A1)", True),
        ("+61 2 6261 1111", False),
        ("-12", False),
        ("-2+3", True),
        ("+A1*2", True),
        ("Jane", False),
    ],
)
def test_what_looks_like_a_formula(text, is_formula):
    assert looks_like_formula(text) is is_formula


def test_escaped_cells_read_back_as_the_text_they_stand_for(meeting, australia):
    content = csv_bytes([["Country", "Name", "Phone"], ["Australia", "'=Jane", "'+61 2 6261 1111"]])

    preview = preview_of(meeting, content)

    assert problems_of(preview) == []
    assert (preview.rows[0].name, preview.rows[0].values["phone"]) == ("=Jane", "+61 2 6261 1111")


def test_workbook_reads_the_first_sheet_and_types_of_cells(meeting, australia):
    content = xlsx_bytes(
        [
            ["Country", "Name", "Phone", "Listed", "Number of delegates"],
            ["Australia", "Jane Citizen", 61262611111, False, None],
            ["Indonesia", None, None, None, 4.0],
        ],
        sheets=2,
    )
    ParticipantFactory(short_name="Indonesia", country="ID")

    preview = preview_of(meeting, content, "delegates.xlsx")

    assert preview.sheet.notes == [
        "The workbook has 2 sheets; only the first, “Delegates”, was read."
    ]
    assert problems_of(preview) == []
    assert preview.rows[0].values == {"phone": "61262611111", "may_be_listed": False}
    assert (preview.rows[1].name, preview.rows[1].head_count) == ("", 4)


def test_workbook_cells_of_every_type_become_text(meeting):
    content = xlsx_bytes(
        [
            ["Country", "Name", "Position", "Agency", None, None],
            # A workbook's dates and times are naive: Excel has no time zones.
            ["Australia", "'=Jane", datetime.datetime(2004, 6, 7), 2.5, None, None],  # noqa: DTZ001
            [
                "Australia",
                "John",
                datetime.datetime(2004, 6, 7, 9, 30),  # noqa: DTZ001
                datetime.date(2004, 6, 8),
                None,
                None,
            ],
        ]
    )

    sheet = read_sheet(content, "delegates.xlsx")

    assert sheet.headers == ["Country", "Name", "Position", "Agency"]
    assert [[cell.value for cell in row.cells[:4]] for row in sheet.rows] == [
        ["Australia", "=Jane", "2004-06-07", "2.5"],
        ["Australia", "John", "2004-06-07T09:30:00", "2004-06-08"],
    ]


# --- The round trip: export, then import ------------------------------------------------------


def _source_meeting():
    meeting = MeetingFactory()
    australia = ParticipantFactory(short_name="Australia", country="AU")
    MembershipPeriodFactory(participant=australia)
    canada = ParticipantFactory(short_name="Canada", country="CA")
    MembershipPeriodFactory(participant=canada, status=MembershipPeriod.Status.OBSERVER)
    iom = OrganisationFactory(
        short_name="IOM", acronym="IOM", name="International Organization for Migration"
    )
    MembershipPeriodFactory(participant=iom)
    rso = OrganisationFactory(short_name="RSO", acronym="RSO", name="Regional Support Office")
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    DelegateFactory(
        delegation=delegation,
        name="Jane Citizen",
        role=Delegate.Role.HEAD,
        phone="+61 2 6261 1111",
        honorific="H.E.",
    )
    DelegateFactory(
        delegation=delegation,
        name="=Odd Name",
        role=Delegate.Role.ADVISER,
        may_be_listed=False,
        email="",
    )
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=canada),
        name="Marie Tremblay",
        position="-",
        agency="IRCC, Ottawa",
    )
    DelegationFactory(meeting=meeting, participant=iom, reported_head_count=4)
    DelegationFactory(
        meeting=meeting, participant=rso, capacity_override=Delegation.Capacity.SECRETARIAT
    )
    return meeting


@pytest.mark.parametrize(
    ("extension", "render"),
    [("csv", render_participant_list_csv), ("xlsx", render_participant_list_xlsx)],
)
def test_an_exported_list_imports_back_to_the_same_list(extension, render, editor_user):
    source = _source_meeting()
    exported = render(participant_list(meeting=source, user=editor_user, with_contacts=True))
    copy = MeetingFactory()

    again = preview_of(source, exported, f"list.{extension}")
    import_file(copy, exported, f"list.{extension}")
    reexported = render(participant_list(meeting=copy, user=editor_user, with_contacts=True))

    assert [change.action for change in again.plan.delegates] == ["unchanged"] * 3
    assert not again.plan.writes_anything
    if extension == "csv":
        assert reexported == exported
    else:
        rows = [
            [cell.value for cell in row]
            for row in openpyxl.load_workbook(io.BytesIO(reexported)).active.iter_rows()
        ]
        original = [
            [cell.value for cell in row]
            for row in openpyxl.load_workbook(io.BytesIO(exported)).active.iter_rows()
        ]
        assert rows == original
    assert (
        participant_list(meeting=copy, user=AnonymousUser()).summary
        == participant_list(meeting=source, user=AnonymousUser()).summary
    )


# --- The command ------------------------------------------------------------------------------


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


# --- Importing through the admin ---------------------------------------------------------------


def _upload_url(meeting) -> str:
    return f"/admin/meetings/meeting/{meeting.pk}/import-delegates/"


def _upload(client, meeting, content, filename="delegates.csv"):
    upload = io.BytesIO(content)
    upload.name = filename
    return client.post(_upload_url(meeting), {"file": upload})


def _store():
    return ImportFileStore()


GOOD_CSV = (
    b"Country,Full name,Title,Role,E-mail\r\n"
    b"Australia,Jane Citizen,First Assistant Secretary,Head of delegation,jane@example.org\r\n"
    b"Indonesia,Siti Rahma,Director,,\r\n"
)


def test_upload_page_explains_the_file_and_has_a_labelled_field(editor_client, meeting):
    response = editor_client.get(_upload_url(meeting))

    assert response.status_code == 200
    assert '<label class="required" for="id_file">Delegate list:</label>' in response.text
    assert "at most 2.0\xa0MB and 5000 rows" in response.text


def test_import_is_refused_to_anonymous_member_officials_and_staff_without_the_right(
    client, member_client, meeting
):
    for visitor in (client, member_client):
        response = visitor.get(_upload_url(meeting))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    reader = get_user_model().objects.create_user(username="reader", is_staff=True)
    reader.user_permissions.set(Permission.objects.filter(codename="view_meeting"))
    client.force_login(reader)
    assert client.get(_upload_url(meeting)).status_code == 403
    assert _upload(client, meeting, GOOD_CSV).status_code == 403
    assert Delegate.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "delegates.csv", "The submitted file is empty."),
        (b"Country,Name\r\n", "delegates.csv", "has a header row but no rows of delegates"),
        (b"%PDF-1.4", "delegates.csv", "is a PDF document, not a spreadsheet"),
        (b"Country,Name\r\nAustralia,Jane\r\n", "delegates.xlsx", "holds plain text"),
    ],
)
def test_bad_uploads_are_refused_on_the_form_and_nothing_is_kept(
    editor_client, meeting, content, filename, message
):
    before = set(_store().tokens())

    response = _upload(editor_client, meeting, content, filename)

    assert response.status_code == 200
    assert message in response.text
    assert set(_store().tokens()) == before
    assert Delegate.objects.count() == 0


@override_settings(DELEGATE_IMPORT_MAX_BYTES=100)
def test_too_large_upload_names_the_limit(editor_client, meeting):
    response = _upload(editor_client, meeting, GOOD_CSV)

    assert "the largest delegate list that can be imported is 100\xa0bytes" in response.text


def _previewed(client, meeting, content=GOOD_CSV, filename="delegates.csv"):
    response = _upload(client, meeting, content, filename)
    assert response.status_code == 302, response.text
    return response["Location"]


def test_upload_keeps_the_file_privately_and_previews_without_writing(
    editor_client, meeting, australia, indonesia
):
    preview_url = _previewed(editor_client, meeting)
    token = preview_url.rstrip("/").rsplit("/", 1)[-1]

    response = editor_client.get(preview_url)

    assert _store().load(token) == GOOD_CSV
    assert response.status_code == 200
    text = response.text
    assert "Nothing has been written yet." in text
    assert "Delegates: 2 to add, 0 to update, 0 unchanged. Delegations: 2 to add" in text
    assert (
        '<option value="participant" selected>Participant (country or organisation)</option>'
        in text
    )
    assert "Jane Citizen" in text
    assert 'value="confirm"' in text
    assert Delegate.objects.count() == 0


def test_confirm_writes_everything_deletes_the_file_and_says_what_was_done(
    editor_client, editor_user, meeting, australia, indonesia
):
    preview_url = _previewed(editor_client, meeting)
    token = preview_url.rstrip("/").rsplit("/", 1)[-1]
    page = editor_client.get(preview_url)
    mapping = {
        f"column_{index}": value
        for index, value in enumerate(["participant", "name", "position", "role", "email"])
    }
    assert page.status_code == 200

    response = editor_client.post(preview_url, {"action": "confirm", **mapping}, follow=True)

    assert response.redirect_chain[0][0] == f"/admin/meetings/meeting/{meeting.pk}/change/"
    assert (
        "Imported “delegates.csv”: 2 delegates added, 0 updated, 0 unchanged; 2 delegations "
        "added." in response.text
    )
    assert sorted(Delegate.objects.values_list("name", flat=True)) == ["Jane Citizen", "Siti Rahma"]
    assert Delegate.objects.get(name="Jane Citizen").history.get().history_user == editor_user
    assert _store().load(token) is None
    assert token not in editor_client.session.get("delegate_imports", {})


def test_cancel_deletes_the_file_and_changes_nothing(editor_client, meeting, australia, indonesia):
    preview_url = _previewed(editor_client, meeting)
    token = preview_url.rstrip("/").rsplit("/", 1)[-1]

    response = editor_client.post(preview_url, {"action": "cancel"}, follow=True)

    assert "Import of “delegates.csv” cancelled: nothing was changed." in response.text
    assert _store().load(token) is None
    assert Delegate.objects.count() == Delegation.objects.count() == 0


def test_columns_can_be_mapped_by_hand_before_confirming(editor_client, meeting, australia):
    content = b"Nation,Person\r\nAustralia,Jane Citizen\r\n"
    preview_url = _previewed(editor_client, meeting, content)

    blocked = editor_client.get(preview_url)
    remapped = editor_client.post(
        preview_url, {"action": "remap", "column_0": "participant", "column_1": "name"}
    )
    after = editor_client.get(preview_url)
    editor_client.post(
        preview_url, {"action": "confirm", "column_0": "participant", "column_1": "name"}
    )

    assert "No column gives the participant" in blocked.text
    assert 'value="confirm"' not in blocked.text
    assert remapped.status_code == 302
    assert "Delegates: 1 to add" in after.text
    assert Delegate.objects.get().name == "Jane Citizen"


def test_confirm_with_changed_columns_previews_again_instead_of_importing(
    editor_client, meeting, australia
):
    content = b"Country,Name,Position\r\nAustralia,Jane Citizen,Director\r\n"
    preview_url = _previewed(editor_client, meeting, content)

    response = editor_client.post(
        preview_url,
        {"action": "confirm", "column_0": "participant", "column_1": "name", "column_2": ""},
        follow=True,
    )

    assert "The columns changed, so nothing was imported yet" in response.text
    assert Delegate.objects.count() == 0


def test_invalid_column_choices_are_shown_on_the_preview(editor_client, meeting, australia):
    preview_url = _previewed(editor_client, meeting, b"Country,Name\r\nAustralia,Jane\r\n")

    response = editor_client.post(
        preview_url, {"action": "remap", "column_0": "name", "column_1": "name"}
    )

    assert response.status_code == 200
    assert "Two columns are mapped to “Name”; keep one." in response.text


def test_rows_with_problems_block_the_import_until_the_file_is_fixed(
    editor_client, meeting, australia
):
    content = b"Country,Name,Email\r\nAustralia,Jane Citizen,jane@example.org\r\nAtlantis,Nemo,\r\n"
    preview_url = _previewed(editor_client, meeting, content)

    page = editor_client.get(preview_url)
    forced = editor_client.post(
        preview_url,
        {"action": "confirm", "column_0": "participant", "column_1": "name", "column_2": "email"},
    )

    assert "1 problem blocks this import. Correct the spreadsheet" in page.text
    assert "<td>No participant is called “Atlantis”" in page.text
    assert 'value="confirm"' not in page.text
    assert forced.status_code == 200
    assert Delegate.objects.count() == 0


def test_formula_cells_are_refused_through_the_admin_too(editor_client, meeting, australia):
    content = xlsx_bytes([["Country", "Name"], ["Australia", '=HYPERLINK("http://x")']])
    preview_url = _previewed(editor_client, meeting, content, "delegates.xlsx")

    page = editor_client.get(preview_url)

    assert "<td>Name (B2)</td><td>The cell holds a formula" in page.text


def test_a_token_from_another_session_is_refused_and_its_file_kept(
    editor_client, manager_user, meeting, australia
):
    preview_url = _previewed(editor_client, meeting)
    token = preview_url.rstrip("/").rsplit("/", 1)[-1]
    stranger = Client()
    stranger.force_login(manager_user)

    response = stranger.post(preview_url, {"action": "cancel"}, follow=True)

    assert "That import is not one you started for this meeting" in response.text
    assert _store().load(token) == GOOD_CSV


def test_a_token_for_another_meeting_or_made_up_is_refused(editor_client, meeting, australia):
    preview_url = _previewed(editor_client, meeting)
    token = preview_url.rstrip("/").rsplit("/", 1)[-1]
    other = MeetingFactory()

    elsewhere = editor_client.get(
        f"/admin/meetings/meeting/{other.pk}/import-delegates/{token}/", follow=True
    )
    made_up = editor_client.get(
        f"/admin/meetings/meeting/{meeting.pk}/import-delegates/{'0' * 32}/", follow=True
    )

    assert "That import is not one you started for this meeting" in elsewhere.text
    assert "That import is not one you started for this meeting" in made_up.text
    assert _store().load(token) == GOOD_CSV


def test_a_stale_upload_is_refused(editor_client, meeting, australia):
    preview_url = _previewed(editor_client, meeting)
    token = preview_url.rstrip("/").rsplit("/", 1)[-1]
    past = time.time() - 7 * 3600
    folder = Path(_store().storage.path(token))
    for path in (folder, folder / "upload.csv"):
        os.utime(path, (past, past))

    response = editor_client.get(preview_url, follow=True)

    assert "That upload has expired" in response.text
    assert not (Path(_store().storage.path(token))).exists()


def test_an_unknown_action_is_a_404(editor_client, meeting, australia):
    preview_url = _previewed(editor_client, meeting)

    assert editor_client.post(preview_url, {"action": "explode"}).status_code == 404


@pytest.mark.parametrize("item_count", [1, 3])
def test_preview_query_count_is_constant(
    editor_client, meeting, django_assert_num_queries, item_count
):
    rows = [["Country", "Name"]]
    for number in range(item_count):
        participant = ParticipantFactory(short_name=f"Land {number}")
        rows += [
            [participant.short_name, f"Person {number}-{person}"] for person in range(item_count)
        ]
    preview_url = _previewed(editor_client, meeting, csv_bytes(rows))

    # Session, user, permissions (two), meeting, participants and their names (the
    # matcher), delegations and statuses (the plan); the delegates are not read for a
    # meeting without delegations.
    with django_assert_num_queries(9):
        response = editor_client.get(preview_url)

    assert f"Delegates: {item_count * item_count} to add" in response.text


def test_confirm_checks_the_record_again_and_writes_nothing_when_it_changed(
    editor_client, meeting, australia
):
    content = b"Country,Name,Role\r\nAustralia,John Smith,Head\r\n"
    preview_url = _previewed(editor_client, meeting, content)
    assert 'value="confirm"' in editor_client.get(preview_url).text
    # Meanwhile a colleague enters a head of delegation in the admin.
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=australia),
        name="Entered Meanwhile",
        role=Delegate.Role.HEAD,
    )

    response = editor_client.post(
        preview_url,
        {"action": "confirm", "column_0": "participant", "column_1": "name", "column_2": "role"},
    )

    assert response.status_code == 200
    assert "head of delegation is Entered Meanwhile already" in response.text
    assert list(Delegate.objects.values_list("name", flat=True)) == ["Entered Meanwhile"]


def test_staff_who_may_add_but_not_change_delegates_cannot_overwrite_them(
    client, meeting, australia
):
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=australia),
        name="Jane Citizen",
        position="Director",
    )
    adder = get_user_model().objects.create_user(username="adder", is_staff=True)
    adder.user_permissions.set(
        Permission.objects.filter(codename__in=["view_meeting", "add_delegate"])
    )
    client.force_login(adder)
    content = b"Country,Name,Position\r\nAustralia,Jane Citizen,Deputy Director\r\n"
    preview_url = _previewed(client, meeting, content)

    response = client.post(
        preview_url,
        {
            "action": "confirm",
            "column_0": "participant",
            "column_1": "name",
            "column_2": "position",
        },
    )

    assert "you may add delegates but not change them" in response.text
    assert Delegate.objects.get().position == "Director"


def test_preview_is_refused_to_staff_without_the_right(client, editor_client, meeting, australia):
    preview_url = _previewed(editor_client, meeting)
    reader = get_user_model().objects.create_user(username="reader", is_staff=True)
    reader.user_permissions.set(Permission.objects.filter(codename="view_meeting"))
    client.force_login(reader)

    assert client.get(preview_url).status_code == 403


def test_a_session_keeps_at_most_ten_unfinished_imports(editor_client, meeting, australia):
    tokens = [_previewed(editor_client, meeting).rstrip("/").rsplit("/", 1)[-1] for _ in range(11)]

    pending = editor_client.session["delegate_imports"]

    assert len(pending) == 10
    assert tokens[0] not in pending
    assert _store().load(tokens[0]) is None
    assert _store().load(tokens[-1]) == GOOD_CSV


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


# --- A write the database refuses after all -----------------------------------------------


CHANGED_WHILE_IMPORTING = [
    "The meeting's delegations changed while the list was being imported, so nothing was "
    "imported. Check the preview again and confirm."
]


class Importer(threading.Thread):
    def __init__(self, meeting, rows):
        super().__init__(daemon=True)
        self.meeting, self.rows, self.refused = meeting, rows, None

    def run(self):
        try:
            delegation_import(meeting=self.meeting, rows=self.rows)
        except ValidationError as error:
            self.refused = error.messages
        finally:
            connections.close_all()

    def start_and_wait_for_a_lock(self):
        """Start the import, and return once it waits on the other transaction's rows."""
        self.start()
        wait_for_a_transaction_to_wait_on_a_lock()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_import_racing_another_write_is_refused_whole_with_a_message(meeting, australia):
    """Someone adds Australia's delegation in the admin while the import, which planned to
    create it, is writing: the database refuses the second one, and the import writes
    nothing and says why instead of failing."""
    other = OtherStaffMember(
        lambda: Delegation.objects.create(meeting=meeting, participant=australia)
    )
    importer = Importer(
        meeting,
        [
            DelegateRow(row=2, participant=australia, name="Jane Citizen", values={"role": "head"}),
            DelegateRow(row=3, participant=australia, name="John Citizen"),
        ],
    )
    other.start()
    other.take_step()  # Australia's delegation, not committed

    importer.start_and_wait_for_a_lock()
    other.commit()
    importer.join(30)

    assert importer.refused == CHANGED_WHILE_IMPORTING
    assert Delegation.objects.filter(meeting=meeting).count() == 1
    assert Delegate.objects.count() == 0


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_import_the_database_aborts_in_a_deadlock_is_refused_whole(
    meeting, australia, indonesia
):
    """The import and another staff member each add a head of delegation the other adds
    too, in the opposite order: PostgreSQL aborts the import to break the deadlock, and
    the import says so instead of failing."""
    delegations = {
        participant: DelegationFactory(meeting=meeting, participant=participant)
        for participant in (australia, indonesia)
    }

    def add_head(participant, *, slow_to_detect_deadlocks=False):
        def step():
            if slow_to_detect_deadlocks:
                # So the import, waiting first, finds the deadlock first and is aborted.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL deadlock_timeout = '30s'")
            Delegate.objects.create(
                delegation=delegations[participant], name=f"Head of {participant}", role="head"
            )

        return step

    other = OtherStaffMember(
        add_head(australia, slow_to_detect_deadlocks=True), add_head(indonesia)
    )
    importer = Importer(
        meeting,
        [
            DelegateRow(row=2, participant=indonesia, name="Ina Head", values={"role": "head"}),
            DelegateRow(row=3, participant=australia, name="Aus Head", values={"role": "head"}),
        ],
    )
    other.start()
    other.take_step()  # Australia's head, not committed

    importer.start_and_wait_for_a_lock()  # it added Indonesia's head, and waits on Australia's
    other.take_step(wait=False)  # Indonesia's head: it waits on the import in turn
    importer.join(30)
    other.finished.get(timeout=30)
    other.commit()

    assert importer.refused == CHANGED_WHILE_IMPORTING
    assert sorted(Delegate.objects.values_list("name", flat=True)) == [
        "Head of Australia",
        "Head of Indonesia",
    ]
