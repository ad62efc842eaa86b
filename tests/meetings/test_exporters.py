"""The participant list as tables, read back: CSV (csv) and XLSX (openpyxl);
the file names and types of every format. The PDF and the DOCX are in
test_exporters_documents.py, the versions across every format in
test_participant_list_versions.py."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser

from meetings.exporters import (
    PARTICIPANT_LIST_FORMATS,
    ParticipantListExporter,
    participant_list_filename,
    render_participant_list_csv,
    render_participant_list_xlsx,
)
from meetings.importers import recognise_columns
from meetings.models import Meeting
from meetings.selectors import participant_list
from tests.factories import DelegationFactory, MembershipPeriodFactory, ParticipantFactory
from tests.meetings.participant_list_support import MARKING, csv_rows, sample_meeting, xlsx_rows

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


@pytest.fixture
def meeting():
    return sample_meeting()


# --- CSV ----------------------------------------------------------------------


def test_public_csv_has_one_row_per_delegation_with_counts_and_no_names(meeting):
    content = render_participant_list_csv(participant_list(meeting=meeting, user=ANONYMOUS))

    assert csv_rows(content) == [
        ["Capacity", "Participant", "Number of delegates", "List note"],
        ["Member", "Australia", "3", ""],
        ["Member", "IOM", "4", ""],
        ["Observer", "Canada", "1", ""],
    ]


def test_circulation_csv_has_listed_names_notes_and_no_contact_details(meeting, member_user):
    content = render_participant_list_csv(participant_list(meeting=meeting, user=member_user))

    rows = csv_rows(content)
    assert rows[0] == [
        "Capacity",
        "Participant",
        "Honorific",
        "Name",
        "Role",
        "Position",
        "Agency",
        "Number of delegates",
        "List note",
    ]
    assert rows[1:] == [
        [
            "Member",
            "Australia",
            "Ms",
            "Jane Citizen",
            "Head of delegation",
            "First Assistant Secretary",
            "Department of Foreign Affairs and Trade",
            "",
            "",
        ],
        [
            "Member",
            "Australia",
            "Mr",
            '\'=HYPERLINK("http://evil.example")',
            "Adviser",
            "'-Adviser",
            "Ministry of Foreign Affairs",
            "",
            "",
        ],
        [
            "Member",
            "Australia",
            *[""] * 6,
            "And 1 more delegate who asked not to be listed.",
        ],
        ["Member", "IOM", "", "", "", "", "", "4", "Names not recorded."],
        [
            "Observer",
            "Canada",
            "Dr",
            "Marie Tremblay",
            "Head of delegation",
            "Director",
            "Immigration, Refugees and Citizenship Canada",
            "",
            "",
        ],
    ]
    assert "@example.org" not in content.decode("utf-8-sig")
    assert "Quiet Person" not in content.decode("utf-8-sig")


def test_restricted_csv_has_everyone_contact_details_and_the_marking_on_every_row(
    meeting, editor_user
):
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    rows = csv_rows(render_participant_list_csv(list_))

    assert rows[0][:3] == ["Marking", "Capacity", "Participant"]
    assert rows[0][-5:] == ["Email", "Phone", "Listed", "Number of delegates", "List note"]
    assert {row[0] for row in rows[1:]} == {MARKING}
    assert [row[4] for row in rows[1:]] == [
        "Jane Citizen",
        '\'=HYPERLINK("http://evil.example")',
        "Quiet Person",
        "",
        "Marie Tremblay",
    ]
    jane = rows[1]
    assert jane[8:] == ["jane.citizen@example.org", "'+61 2 6261 1111", "yes", "", ""]
    assert rows[3][-5:] == ["quiet@example.org", "'+62 21 000 0000", "no", "", ""]
    assert rows[4][-5:] == ["", "", "", "4", "Names not recorded."]
    assert rows[4][3:8] == ["", "", "", "", ""]


def test_the_import_reads_every_column_but_the_note_and_the_marking(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    header = csv_rows(render_participant_list_csv(list_))[0]

    recognised = recognise_columns(header)
    assert [header[index] for index in range(len(header)) if index not in recognised] == [
        "Marking",
        "List note",
    ]


def test_partial_record_says_so_on_the_first_row_and_adds_no_row(member_user):
    meeting = sample_meeting()
    meeting.attendance = Meeting.Attendance.PARTIAL
    meeting.save()
    list_ = participant_list(meeting=meeting, user=member_user)

    rows = csv_rows(render_participant_list_csv(list_))

    assert rows[1][-1] == (
        "The record does not give the full attendance: the delegations listed are only "
        "those it names."
    )
    assert len(rows) == 6
    assert [row[-1] for row in rows[2:]] == [
        "",
        "And 1 more delegate who asked not to be listed.",
        "Names not recorded.",
        "",
    ]


# --- XLSX ---------------------------------------------------------------------


def test_restricted_xlsx_has_the_marking_first_then_typed_columns_under_a_frozen_header(
    meeting, editor_user
):
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    workbook = openpyxl.load_workbook(io.BytesIO(render_participant_list_xlsx(list_)))

    sheet = workbook.active
    assert workbook.properties.title == (
        "List of participants: Senior Officials Meeting, Brisbane 2004"
    )
    assert sheet.title == "Participants (restricted)"
    assert [cell.value for cell in sheet[1]] == [MARKING] + [None] * 12
    assert sheet["A1"].font.bold is True
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:M7"
    assert [cell.value for cell in sheet[2]] == [
        "Marking",
        "Capacity",
        "Participant",
        "Honorific",
        "Name",
        "Role",
        "Position",
        "Agency",
        "Email",
        "Phone",
        "Listed",
        "Number of delegates",
        "List note",
    ]
    assert sheet.column_dimensions["C"].width == 30
    jane = [cell.value for cell in sheet[3]]
    assert jane[:5] == [MARKING, "Member", "Australia", "Ms", "Jane Citizen"]
    assert jane[9:] == ["+61 2 6261 1111", True, None, None]
    assert sheet["J3"].quotePrefix is True
    assert sheet["E4"].value == '=HYPERLINK("http://evil.example")'
    assert (sheet["E4"].data_type, sheet["E4"].quotePrefix) == ("s", True)
    assert sheet["K5"].value is False
    iom = [cell.value for cell in sheet[6]]
    assert iom[1:3] == ["Member", "IOM"]
    assert (iom[-2], sheet["L6"].data_type, iom[-1]) == (4, "n", "Names not recorded.")


def test_restricted_xlsx_is_marked_at_the_head_and_foot_of_every_printed_page(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    sheet = openpyxl.load_workbook(io.BytesIO(render_participant_list_xlsx(list_))).active

    assert sheet.oddHeader.center.text == MARKING
    assert sheet.oddFooter.center.text == f"{MARKING} — {list_.issue_line}"
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert sheet.print_title_rows == "$1:$2"


def test_circulation_xlsx_footer_names_the_version_without_a_marking(meeting, member_user):
    list_ = participant_list(meeting=meeting, user=member_user)

    sheet = openpyxl.load_workbook(io.BytesIO(render_participant_list_xlsx(list_))).active

    assert sheet.title == "Participants (circulation)"
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A2", "$1:$1")
    assert sheet.oddHeader.center.text == list_.title
    assert sheet.oddFooter.center.text == list_.issue_line
    assert sheet.oddFooter.center.text.startswith("Circulation version, issued ")
    assert MARKING not in str(xlsx_rows(render_participant_list_xlsx(list_)))


def test_public_xlsx_has_one_row_per_delegation(meeting):
    content = render_participant_list_xlsx(participant_list(meeting=meeting, user=ANONYMOUS))

    assert xlsx_rows(content) == [
        ["Capacity", "Participant", "Number of delegates", "List note"],
        ["Member", "Australia", 3, None],
        ["Member", "IOM", 4, None],
        ["Observer", "Canada", 1, None],
    ]


def test_exporter_rows_come_header_first_from_the_selector(meeting):
    exporter = ParticipantListExporter(participant_list(meeting=meeting, user=ANONYMOUS))

    rows = list(exporter.rows())

    assert rows[0] == ["Capacity", "Participant", "Number of delegates", "List note"]
    assert len(rows) == 4


def test_a_delegation_without_a_known_size_has_an_empty_count(member_user):
    meeting = sample_meeting()
    nauru = ParticipantFactory(short_name="Nauru", country="NR")
    MembershipPeriodFactory(participant=nauru)
    DelegationFactory(meeting=meeting, participant=nauru, reported_head_count=None)
    meeting.attendance = Meeting.Attendance.DELEGATIONS
    meeting.save()

    rows = csv_rows(render_participant_list_csv(participant_list(meeting=meeting, user=ANONYMOUS)))

    assert ["Member", "Nauru", "", ""] in rows


# --- File names and types -------------------------------------------------------------


def test_every_format_has_a_filename_with_version_date_and_revision(meeting):
    list_ = participant_list(meeting=meeting, user=ANONYMOUS)
    stem = f"participants-{meeting.slug}-public-{list_.issued.isoformat()}-r{list_.revision}"

    assert {
        key: (participant_list_filename(list_, item.extension), item.content_type)
        for key, item in PARTICIPANT_LIST_FORMATS.items()
    } == {
        "csv": (f"{stem}.csv", "text/csv; charset=utf-8"),
        "xlsx": (
            f"{stem}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "pdf": (f"{stem}.pdf", "application/pdf"),
        "docx": (
            f"{stem}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    }
    assert len(list_.revision) == 7
