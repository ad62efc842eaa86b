"""What an import would do: created, updated, unchanged; the rules across
rows (one head, one capacity, no one twice); names matched ignoring case
and accents; the delegates' places; every problem with its row and column."""

import pytest

from meetings.importers import (
    DelegateImportError,
    DelegateRow,
    delegation_import,
    delegation_import_plan,
)
from meetings.models import Delegate, Delegation
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    OrganisationFactory,
    ParticipantFactory,
    ParticipantNameFactory,
)
from tests.meetings.importing.spreadsheets import (
    HEADER,
    csv_bytes,
    import_file,
    notes_of,
    preview_of,
    problems_of,
)

pytestmark = pytest.mark.django_db


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
    ] == [("Australia", "Jane Citizen"), ("Australia", "John Smith"), ("Indonesia", "Siti Rahma")]
    assert [change.participant.short_name for change in preview.plan.created_delegations] == [
        "Australia",
        "Indonesia",
    ]
    assert ("role", "", "Head of delegation") in preview.plan.created_delegates[0].changes
    assert Delegation.objects.count() == Delegate.objects.count() == 0


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
    assert notes_of(preview, "name-match") == [
        "Row 2, column “Full name” (B2): “JANE CITIZEN” is taken to be Jane Citizen of "
        "Australia, recorded already: the names differ only in case, so the name is updated to "
        "the file's spelling, JANE CITIZEN. If they are two people, write the name differently "
        "in the file."
    ]
    assert sorted(Delegate.objects.values_list("name", flat=True)) == ["JANE CITIZEN", "New Person"]
    assert Delegation.objects.count() == 1


def test_a_name_without_its_accents_is_the_recorded_person_and_keeps_them(meeting, viet_nam):
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=viet_nam),
        name="Nguyễn Văn Thành",
        position="Director",
    )
    content = csv_bytes(
        [["Country", "Name", "Position"], ["Viet Nam", "Nguyen Van Thanh", "Director General"]]
    )

    preview = preview_of(meeting, content)
    import_file(meeting, content)

    assert [(change.action, change.changes) for change in preview.plan.delegates] == [
        ("update", [("position", "Director", "Director General")])
    ]
    assert notes_of(preview, "name-match") == [
        "Row 2, column “Name” (B2): “Nguyen Van Thanh” is taken to be Nguyễn Văn Thành of Viet "
        "Nam, recorded already: the names differ only in accents, so the recorded spelling is "
        "kept. If they are two people, write the name differently in the file."
    ]
    assert list(Delegate.objects.values_list("name", "position")) == [
        ("Nguyễn Văn Thành", "Director General")
    ]


def test_a_name_with_accents_corrects_the_recorded_spelling(meeting, viet_nam):
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=viet_nam), name="Dang Thi Ha"
    )

    import_file(meeting, csv_bytes([["Country", "Name"], ["Viet Nam", "Đặng Thị Hà"]]))

    assert list(Delegate.objects.values_list("name", flat=True)) == ["Đặng Thị Hà"]


def test_one_name_with_and_without_accents_in_one_file_is_a_repeat(meeting, viet_nam):
    content = csv_bytes(
        [["Country", "Name"], ["Viet Nam", "Nguyễn Văn Thành"], ["Viet Nam", "nguyen van thanh"]]
    )

    assert problems_of(preview_of(meeting, content)) == [
        "Row 3, column “Name” (B3): Row 3 repeats row 2: nguyen van thanh of Viet Nam is on the "
        "list once."
    ]


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


# --- Places in the delegation -------------------------------------------------------------


def test_delegates_take_the_order_of_the_rows(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "Role"],
            ["Australia", "Zoe Adviser", "Adviser"],
            ["Australia", "Jane Head", "Head"],
            ["Australia", "Abel Delegate", "Delegate"],
        ]
    )

    import_file(meeting, content)

    assert list(Delegate.objects.in_list_order().values_list("name", "order")) == [
        ("Jane Head", 2),
        ("Zoe Adviser", 1),
        ("Abel Delegate", 3),
    ]


def test_a_file_in_the_recorded_order_moves_no_one(meeting, australia):
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    DelegateFactory(delegation=delegation, name="Jane Head", role=Delegate.Role.HEAD)
    DelegateFactory(delegation=delegation, name="Abel Delegate")
    DelegateFactory(delegation=delegation, name="Zoe Delegate")
    in_order = csv_bytes(
        [
            ["Country", "Name"],
            ["Australia", "Jane Head"],
            ["Australia", "Abel Delegate"],
            ["Australia", "Zoe Delegate"],
        ]
    )
    reordered = csv_bytes(
        [
            ["Country", "Name"],
            ["Australia", "Jane Head"],
            ["Australia", "Zoe Delegate"],
            ["Australia", "Abel Delegate"],
        ]
    )

    unchanged = preview_of(meeting, in_order)
    moved = preview_of(meeting, reordered)

    assert unchanged.has_nothing_to_do
    assert [(change.name, change.changes) for change in moved.plan.updated_delegates] == [
        ("Jane Head", [("place in the delegation", "—", "1")]),
        ("Zoe Delegate", [("place in the delegation", "—", "2")]),
        ("Abel Delegate", [("place in the delegation", "—", "3")]),
    ]


# --- Delegations ----------------------------------------------------------------------------


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
    import_file(meeting, content)

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


# --- Rows that block the import -------------------------------------------------------------


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


def test_participants_are_matched_by_alternative_name_iso_code_and_acronym(
    meeting, australia, viet_nam
):
    ParticipantNameFactory(participant=viet_nam, name="Vietnam")
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
        viet_nam,
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
    rows = [
        DelegateRow(row=2, participant=indonesia, name="Siti Rahma"),
        DelegateRow(row=3, participant=australia, name="Jane Citizen", values={"email": "broken"}),
    ]

    with pytest.raises(DelegateImportError) as refused:
        delegation_import(meeting=meeting, rows=rows)

    assert not preview_of(meeting, content).can_import
    assert refused.value.messages == ["Row 3: Enter a valid email address."]
    assert Delegation.objects.count() == Delegate.objects.count() == 0


def test_refused_import_names_the_rows_in_its_error(meeting, australia):
    rows = [
        DelegateRow(row=2, participant=australia, name="Jane Citizen"),
        DelegateRow(row=5, participant=australia, name="jane citizen"),
    ]

    with pytest.raises(DelegateImportError) as refused:
        delegation_import(meeting=meeting, rows=rows)

    assert refused.value.messages == [
        "Row 5 repeats row 2: jane citizen of Australia is on the list once."
    ]


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
