"""Which field each column fills, and the cells of each row: headers and
content recognised, conflicts and unmapped columns shown, names put
together, honorifics and placeholders, yes/no heads of delegation."""

import pytest

from meetings.importers import (
    DelegateImportError,
    apply_mapping_changes,
    mapping_problems,
    parse_mapping_options,
    recognise_columns,
)
from meetings.models import Delegate
from tests.factories import DelegateFactory, DelegationFactory
from tests.meetings.importing.spreadsheets import (
    csv_bytes,
    import_file,
    notes_of,
    preview_of,
    problems_of,
    sheet_of,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


# --- Headers ------------------------------------------------------------------------------


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
        "Head of delegation",
        "Surname",
        "First Name",
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
        12: "head",
        13: "family_name",
        14: "given_name",
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
        ("Job title", "position"),
        ("Department", "agency"),
        ("Honorific", "honorific"),
        ("Email", "email"),
        ("Phone", "phone"),
        ("Mobile", "phone"),
        ("Listed", "may_be_listed"),
        ("Given name(s)", "given_name"),
        ("Family name", "family_name"),
        ("Last name", "family_name"),
        ("HoD", "head"),
    ],
)
def test_each_variant_is_recognised(header, field):
    assert recognise_columns([header]) == {0: field}


def test_a_title_column_is_the_honorific_or_the_position_by_its_content(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Title", "Name", "Position title"],
            ["Australia", "H.E.", "Jane Citizen", "Ambassador"],
            ["Australia", "Mr", "John Smith", "Director"],
            ["Australia", "Dr", "Ana Lima", "Adviser"],
            ["Australia", "Ms", "Mary Major", "First Secretary"],
        ]
    )
    positions = csv_bytes(
        [["Country", "Title", "Name"], ["Australia", "First Assistant Secretary", "Jane Citizen"]]
    )

    preview = preview_of(meeting, content)

    assert preview.mapping == {0: "participant", 1: "honorific", 2: "name", 3: "position"}
    assert [row.values["honorific"] for row in preview.rows] == ["H.E.", "Mr", "Dr", "Ms"]
    assert notes_of(preview, "content") == [
        "Column B “Title” holds honorifics (Mr, Ms, H.E., Dr…), so it fills Honorific. Choose "
        "another field below if that is wrong."
    ]
    assert preview_of(meeting, positions).mapping == {0: "participant", 1: "position", 2: "name"}


def test_a_position_column_of_honorifics_is_the_honorific():
    sheet = sheet_of(csv_bytes([["Country", "Position", "Name"], ["AU", "Ms", "Jane"]] * 1))

    assert recognise_columns(sheet.headers, sheet.rows) == {
        0: "participant",
        1: "honorific",
        2: "name",
    }


def test_a_column_without_a_recognised_header_is_named_by_its_email_addresses():
    sheet = sheet_of(
        csv_bytes([["Country", "Name", "Contact"], ["AU", "Jane", "jane@example.org"]])
    )

    assert recognise_columns(sheet.headers, sheet.rows) == {0: "participant", 1: "name", 2: "email"}


# --- Conflicts and columns not imported ------------------------------------------------------


def test_two_columns_filling_one_field_are_a_conflict_for_staff_to_resolve(meeting, australia):
    content = csv_bytes(
        [["Country", "Name", "Full name", "Notes"], ["Australia", "Jane", "Jane Citizen", "x"]]
    )

    conflicted = preview_of(meeting, content)
    resolved = preview_of(meeting, content, mapping={0: "participant", 2: "name"})

    assert conflicted.plan is None
    assert problems_of(conflicted) == [
        "Columns B “Name” and C “Full name” both fill “Name”: choose the one that does, and "
        "set the other to “not imported” (or to another field)."
    ]
    assert [problem.topic for problem in conflicted.conflicts] == ["conflict"]
    assert notes_of(conflicted, "unmapped") == [
        "Not imported: column D “Notes”. Choose a field below for any that should be."
    ]
    assert problems_of(resolved) == []
    assert [row.name for row in resolved.rows] == ["Jane Citizen"]
    assert notes_of(resolved, "unmapped") == [
        "Not imported: columns B “Name” and D “Notes”. Choose a field below for any that should be."
    ]


def test_a_whole_name_and_a_part_of_it_are_a_conflict(meeting, australia):
    content = csv_bytes(
        [["Country", "Full name", "Surname"], ["Australia", "Jane Citizen", "Citizen"]]
    )

    assert problems_of(preview_of(meeting, content)) == [
        "Column B “Full name” gives the whole name and C “Surname” part of it: import one or the "
        "other, and set the rest to “not imported”."
    ]


def test_unrecognised_columns_block_the_preview_until_mapped(meeting, australia):
    content = csv_bytes([["Nation", "Person"], ["Australia", "Jane Citizen"]])

    unmapped = preview_of(meeting, content)
    mapped = preview_of(meeting, content, mapping={0: "participant", 1: "name"})

    assert unmapped.plan is None
    assert len(unmapped.problems) == 2
    assert [column.header for column in unmapped.ignored_columns] == ["Nation", "Person"]
    assert problems_of(mapped) == []
    assert [change.name for change in mapped.plan.created_delegates] == ["Jane Citizen"]


def test_mapping_problems_say_what_is_missing():
    headers = ["Name", "Full name"]

    assert [problem.message for problem in mapping_problems({0: "name", 1: "name"}, headers)] == [
        "Columns A “Name” and B “Full name” both fill “Name”: choose the one that does, and set "
        "the other to “not imported” (or to another field).",
        "No column gives the participant (the country or organisation): choose which column does.",
    ]
    assert mapping_problems({0: "participant"}, headers)[0].message.startswith(
        "No column gives the delegates' names"
    )
    assert mapping_problems({0: "participant", 1: "head_count"}, headers) == []
    assert mapping_problems({0: "participant", 1: "family_name"}, headers) == []


def test_mapping_by_hand_overrides_ignores_columns_and_settles_conflicts():
    headers = ["Nation", "Person", "Email", "Full name"]
    mapping = {1: "name", 2: "email", 3: "name"}

    changes = parse_mapping_options(["nation=participant", "Full name=name", "Email="], headers)

    assert apply_mapping_changes(mapping, changes) == {0: "participant", 3: "name"}


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("Nation", 'is not of the form "Header=field"'),
        ("Colour=name", "The file has no column “Colour”"),
        ("Nation=favourite_colour", "“favourite_colour” is not a field"),
    ],
)
def test_mapping_options_name_what_is_wrong(option, message):
    with pytest.raises(DelegateImportError, match=message):
        parse_mapping_options([option], ["Nation", "Person"])


# --- Names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        ["Country", "Surname", "Given name(s)"],
        ["Country", "Family name", "First Name"],
    ],
)
def test_split_names_are_joined_given_name_first(meeting, australia, header):
    content = csv_bytes(
        [header, ["Australia", "Citizen", "Jane Mary"], ["Australia", "Nguyen", ""]]
    )

    preview = preview_of(meeting, content)

    assert problems_of(preview) == []
    assert [row.name for row in preview.rows] == ["Jane Mary Citizen", "Nguyen"]
    # The family name is kept apart too, for lists sorted by it.
    assert [row.values["family_name"] for row in preview.rows] == ["Citizen", "Nguyen"]


def test_delegates_sort_by_family_name_where_the_list_gave_one(meeting, australia):
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    for name, family in (("Jane Mary Citizen", "Citizen"), ("Ana Lima", ""), ("Tom Abbott", "")):
        DelegateFactory(delegation=delegation, name=name, family_name=family)

    ordered = Delegate.objects.filter(delegation=delegation).by_family_name()

    # "Ana Lima" has no family name recorded: it sorts by the name as written.
    assert [delegate.name for delegate in ordered] == [
        "Ana Lima",
        "Jane Mary Citizen",
        "Tom Abbott",
    ]


def test_honorifics_in_a_full_name_go_to_the_honorific_with_a_note(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "Honorific"],
            ["Australia", "H.E. Mr John Smith", ""],
            ["Australia", "Police Major General Krerckphong Pukprayura", ""],
            ["Australia", "Dr Ana Lima", "Dr"],
            ["Australia", "He Yafei", ""],
        ]
    )

    preview = preview_of(meeting, content)

    assert [(row.values.get("honorific"), row.name) for row in preview.rows] == [
        ("H.E. Mr", "John Smith"),
        ("Police Major General", "Krerckphong Pukprayura"),
        ("Dr", "Ana Lima"),
        (None, "He Yafei"),
    ]
    assert notes_of(preview, "honorific") == [
        "Honorifics were taken out of 3 names into the honorific (row 2: “H.E. Mr” from “H.E. "
        "Mr John Smith”; row 3: “Police Major General” from “Police Major General Krerckphong "
        "Pukprayura”; row 4: “Dr” from “Dr Ana Lima”)."
    ]


# --- Cells are data ----------------------------------------------------------------------------


def test_placeholders_in_optional_fields_are_read_as_empty_with_a_note(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "E-mail", "Phone", "Position"],
            ["Australia", "Jane Citizen", "-", "N/A", "—"],
            ["Australia", "John Smith", "n/a", "none", "Director"],
            ["Australia", "Ana Lima", "ana@example.org", "+61 2 6261 1111 ext. 123", "-"],
        ]
    )

    preview = preview_of(meeting, content)
    import_file(meeting, content)

    assert problems_of(preview) == []
    assert [row.values for row in preview.rows] == [
        {},
        {"position": "Director"},
        {"email": "ana@example.org", "phone": "+61 2 6261 1111 ext. 123"},
    ]
    assert notes_of(preview, "placeholder") == [
        "2 cells of column C “E-mail” hold a placeholder (“-”, “n/a”), read "
        "as empty: rows 2 and 3.",
        "2 cells of column D “Phone” hold a placeholder (“N/A”, “none”), read "
        "as empty: rows 2 and 3.",
        "2 cells of column E “Position” hold a placeholder (“-”, “—”), read "
        "as empty: rows 2 and 4.",
    ]
    assert set(Delegate.objects.values_list("email", flat=True)) == {"", "ana@example.org"}


def test_a_placeholder_is_not_a_name(meeting, australia):
    preview = preview_of(meeting, csv_bytes([["Country", "Name"], ["Australia", "N/A"]]))

    assert [row.name for row in preview.rows] == ["N/A"]


# --- Heads of delegation -------------------------------------------------------------------------


def test_a_yes_no_head_of_delegation_column_sets_the_role(meeting, australia):
    content = xlsx_bytes(
        [
            ["Country", "Name", "Head of delegation"],
            ["Australia", "Jane Citizen", "Yes"],
            ["Australia", "John Smith", "No"],
            ["Australia", "Ana Lima", None],
        ]
    )

    import_file(meeting, content, "delegates.xlsx")

    assert dict(Delegate.objects.values_list("name", "role")) == {
        "Jane Citizen": "head",
        "John Smith": "delegate",
        "Ana Lima": "delegate",
    }


def test_an_x_marks_the_head_and_no_steps_the_recorded_head_down(meeting, australia):
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    DelegateFactory(delegation=delegation, name="Old Head", role=Delegate.Role.HEAD)
    content = csv_bytes(
        [
            ["Country", "Name", "HoD"],
            ["Australia", "Old Head", "no"],
            ["Australia", "New Head", "x"],
        ]
    )

    preview = preview_of(meeting, content)
    import_file(meeting, content)

    assert preview.plan.updated_delegates[0].changes == [
        ("role", "Head of delegation", "Delegate"),
        ("place in the delegation", "—", "1"),
    ]
    assert dict(Delegate.objects.values_list("name", "role")) == {
        "Old Head": "delegate",
        "New Head": "head",
    }


def test_a_head_column_that_disagrees_with_the_role_is_reported(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "Role", "Head of delegation"],
            ["Australia", "Jane Citizen", "Adviser", "Yes"],
            ["Australia", "John Smith", "", "maybe"],
        ]
    )

    assert problems_of(preview_of(meeting, content)) == [
        "Row 2, column “Head of delegation” (D2): the row says “Yes” to head of delegation, but "
        "its role is Adviser: make them agree.",
        "Row 3, column “Head of delegation” (D3): “maybe” is not yes or no.",
    ]
