"""The participant list in every format, read back: CSV (csv), XLSX (openpyxl),
DOCX (python-docx) and PDF (pypdf)."""

import csv
import datetime
import io
import re

import docx
import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import override_settings
from pypdf import PdfReader

from baliprocess.lib.dates import DatePrecision
from meetings.exporters import (
    PARTICIPANT_LIST_FORMATS,
    ParticipantListExporter,
    content_cached,
    participant_list_filename,
    render_participant_list_csv,
    render_participant_list_docx,
    render_participant_list_pdf,
    render_participant_list_xlsx,
)
from meetings.models import Delegate
from meetings.selectors import participant_list
from membership.models import MembershipPeriod
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


@pytest.fixture
def meeting():
    """Australia (a member, three delegates, one not listed), IOM (a member
    whose names were not recorded: four reported) and Canada (an observer)."""
    meeting = MeetingFactory(
        custom_title="Senior Officials Meeting, Brisbane 2004",
        city="Brisbane",
        country="AU",
        start_date=datetime.date(2004, 6, 7),
        end_date=datetime.date(2004, 6, 8),
    )
    australia = ParticipantFactory(short_name="Australia", country="AU")
    MembershipPeriodFactory(participant=australia)
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    DelegateFactory(
        delegation=delegation,
        honorific="Ms",
        name="Jane Citizen",
        position="First Assistant Secretary",
        agency="Department of Foreign Affairs and Trade",
        role=Delegate.Role.HEAD,
        email="jane.citizen@example.org",
        phone="+61 2 6261 1111",
    )
    DelegateFactory(
        delegation=delegation,
        honorific="Mr",
        name='=HYPERLINK("http://evil.example")',
        position="-Adviser",
        role=Delegate.Role.ADVISER,
        email="adviser@example.org",
    )
    DelegateFactory(
        delegation=delegation, name="Quiet Person", may_be_listed=False, email="quiet@example.org"
    )
    iom = OrganisationFactory(
        short_name="IOM", acronym="IOM", name="International Organization for Migration"
    )
    MembershipPeriodFactory(participant=iom)
    DelegationFactory(meeting=meeting, participant=iom, reported_head_count=4)
    canada = ParticipantFactory(short_name="Canada", country="CA")
    MembershipPeriodFactory(participant=canada, status=MembershipPeriod.Status.OBSERVER)
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=canada),
        honorific="Dr",
        name="Marie Tremblay",
        position="Director",
        agency="Immigration, Refugees and Citizenship Canada",
        role=Delegate.Role.HEAD,
        email="marie@example.org",
        phone="+1 613 000 0000",
    )
    return meeting


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


# --- CSV ----------------------------------------------------------------------


def test_public_csv_has_one_row_per_delegation_with_counts_and_no_names(meeting):
    content = render_participant_list_csv(participant_list(meeting=meeting, user=ANONYMOUS))

    assert _csv_rows(content) == [
        ["Capacity", "Participant", "Number of delegates"],
        ["Member", "Australia", "3"],
        ["Member", "IOM", "4"],
        ["Observer", "Canada", "1"],
    ]


def test_member_csv_has_listed_names_and_no_contact_details(meeting, member_user):
    content = render_participant_list_csv(participant_list(meeting=meeting, user=member_user))

    rows = _csv_rows(content)
    assert rows[0] == [
        "Capacity",
        "Participant",
        "Role",
        "Honorific",
        "Name",
        "Position",
        "Agency",
        "Number of delegates",
    ]
    assert rows[1:] == [
        [
            "Member",
            "Australia",
            "Head of delegation",
            "Ms",
            "Jane Citizen",
            "First Assistant Secretary",
            "Department of Foreign Affairs and Trade",
            "",
        ],
        [
            "Member",
            "Australia",
            "Adviser",
            "Mr",
            '\'=HYPERLINK("http://evil.example")',
            "'-Adviser",
            "Ministry of Foreign Affairs",
            "",
        ],
        ["Member", "IOM", "", "", "", "", "", "4"],
        [
            "Observer",
            "Canada",
            "Head of delegation",
            "Dr",
            "Marie Tremblay",
            "Director",
            "Immigration, Refugees and Citizenship Canada",
            "",
        ],
    ]
    assert "@example.org" not in content.decode("utf-8-sig")
    assert "Quiet Person" not in content.decode("utf-8-sig")


def test_secretariat_csv_has_everyone_and_contact_details(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, with_contacts=True)

    rows = _csv_rows(render_participant_list_csv(list_))

    assert rows[0][-4:] == ["Email", "Phone", "Listed", "Number of delegates"]
    assert [row[4] for row in rows[1:]] == [
        "Jane Citizen",
        "Quiet Person",
        '\'=HYPERLINK("http://evil.example")',
        "",
        "Marie Tremblay",
    ]
    jane = rows[1]
    assert jane[7:] == ["jane.citizen@example.org", "'+61 2 6261 1111", "yes", ""]
    assert rows[2][-4:] == ["quiet@example.org", "'+62 21 000 0000", "no", ""]
    assert rows[4][-4:] == ["", "", "", "4"]
    assert rows[4][2:7] == ["", "", "", "", ""]


# --- XLSX ---------------------------------------------------------------------


def test_secretariat_xlsx_has_typed_columns_frozen_header_and_autofilter(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, with_contacts=True)

    workbook = openpyxl.load_workbook(io.BytesIO(render_participant_list_xlsx(list_)))

    sheet = workbook.active
    assert workbook.properties.title == (
        "List of participants: Senior Officials Meeting, Brisbane 2004"
    )
    assert sheet.title == "Participants"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K6"
    assert [cell.value for cell in sheet[1]] == [
        "Capacity",
        "Participant",
        "Role",
        "Honorific",
        "Name",
        "Position",
        "Agency",
        "Email",
        "Phone",
        "Listed",
        "Number of delegates",
    ]
    assert sheet.column_dimensions["B"].width == 30
    jane = [cell.value for cell in sheet[2]]
    assert jane[4] == "Jane Citizen"
    assert jane[8:] == ["+61 2 6261 1111", True, None]
    assert sheet["I2"].quotePrefix is True
    assert sheet["E4"].value == '=HYPERLINK("http://evil.example")'
    assert (sheet["E4"].data_type, sheet["E4"].quotePrefix) == ("s", True)
    assert sheet["J3"].value is False
    iom = [cell.value for cell in sheet[5]]
    assert iom[:2] == ["Member", "IOM"]
    assert (iom[-1], sheet["K5"].data_type) == (4, "n")


def test_public_xlsx_has_one_row_per_delegation(meeting):
    content = render_participant_list_xlsx(participant_list(meeting=meeting, user=ANONYMOUS))

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Capacity", "Participant", "Number of delegates"],
        ["Member", "Australia", 3],
        ["Member", "IOM", 4],
        ["Observer", "Canada", 1],
    ]


def test_exporter_rows_come_header_first_from_the_selector(meeting):
    exporter = ParticipantListExporter(participant_list(meeting=meeting, user=ANONYMOUS))

    rows = list(exporter.rows())

    assert rows[0] == ["Capacity", "Participant", "Number of delegates"]
    assert len(rows) == 4


# --- PDF ----------------------------------------------------------------------


def _pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_pdf_has_title_meeting_dates_place_summary_and_page_numbers(meeting, member_user):
    content = render_participant_list_pdf(participant_list(meeting=meeting, user=member_user))

    assert content.startswith(b"%PDF")
    pages = _pdf_pages(content)
    text = " ".join(" ".join(pages).split())
    assert "List of participants" in text
    assert "Senior Officials Meeting, Brisbane 2004" in text
    assert "7–8 June 2004, Brisbane, Australia" in text
    assert (
        "The meeting was attended by eight delegates representing two countries and one "
        "international organisation." in text
    )
    assert "Jane Citizen (Head of delegation)" in text
    assert f"Page 1 of {len(pages)}" in text
    assert "Quiet Person" not in text
    assert "@example.org" not in text


def test_pdf_shows_dates_only_at_their_precision(member_user):
    meeting = MeetingFactory(
        custom_title="Workshop on legislation",
        start_date=datetime.date(2003, 11, 1),
        date_precision=DatePrecision.MONTH,
        city="Kuala Lumpur",
        country="MY",
    )

    text = " ".join(
        _pdf_pages(render_participant_list_pdf(participant_list(meeting=meeting, user=member_user)))
    )

    assert "November 2003, Kuala Lumpur, Malaysia" in text
    assert "1 November 2003" not in text
    assert "No delegations have been recorded for this meeting." in text


def test_public_pdf_lists_delegations_and_counts_only(meeting):
    text = " ".join(
        _pdf_pages(render_participant_list_pdf(participant_list(meeting=meeting, user=ANONYMOUS)))
    )

    assert "Number of delegates" in text
    assert "Jane Citizen" not in text
    assert re.search(r"IOM\s+4", text)


def test_secretariat_pdf_has_contact_details(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, with_contacts=True)

    text = " ".join(_pdf_pages(render_participant_list_pdf(list_)))

    assert "jane.citizen@example.org" in text
    assert "Quiet Person" in text


@pytest.fixture
def long_meeting():
    """Forty delegations of nine delegates: several pages."""
    meeting = MeetingFactory(custom_title="A long meeting")
    for number in range(40):
        participant = ParticipantFactory(short_name=f"Country {number:02d}")
        MembershipPeriodFactory(participant=participant)
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        for person in range(9):
            DelegateFactory(
                delegation=delegation,
                name=f"Person {number:02d}-{person}",
                role=Delegate.Role.HEAD if person == 0 else Delegate.Role.DELEGATE,
            )
    return meeting


def test_long_pdf_repeats_the_table_header_and_keeps_delegations_together(
    long_meeting, member_user
):
    content = render_participant_list_pdf(participant_list(meeting=long_meeting, user=member_user))

    pages = _pdf_pages(content)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert re.search(r"Name\s+Position\s+Agency", page), f"no table header on page {number}"
        assert f"Page {number} of {len(pages)}" in page
    for country in range(40):
        holding = {
            index
            for index, page in enumerate(pages)
            for person in range(9)
            if f"Person {country:02d}-{person}" in page
        }
        assert len(holding) == 1, f"Country {country:02d} is split over pages {holding}"


@override_settings(PARTICIPANT_LIST_CACHE_SECONDS=3600)
def test_identical_documents_are_served_from_the_cache_only_for_the_same_source():
    cache.clear()
    calls = []

    def render():
        calls.append(1)
        return f"document {len(calls)}".encode()

    first = content_cached("test", "the same html", render, keep_if_slower_than=0)
    again = content_cached("test", "the same html", render, keep_if_slower_than=0)
    other = content_cached("test", "another list", render, keep_if_slower_than=0)

    assert (first, again, other) == (b"document 1", b"document 1", b"document 2")


@override_settings(PARTICIPANT_LIST_CACHE_SECONDS=0)
def test_cache_can_be_turned_off():
    cache.clear()
    calls = []

    def render():
        calls.append(1)
        return b"x"

    content_cached("test", "html", render, keep_if_slower_than=0)
    content_cached("test", "html", render, keep_if_slower_than=0)

    assert len(calls) == 2


def test_quick_documents_are_not_kept():
    cache.clear()
    calls = []

    def render():
        calls.append(1)
        return b"x"

    content_cached("test", "quick", render)
    content_cached("test", "quick", render)

    assert len(calls) == 2


# --- DOCX ---------------------------------------------------------------------


def _docx(content: bytes):
    return docx.Document(io.BytesIO(content))


def _w(tag: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}"


def test_docx_is_a_styled_document_with_a_real_table(meeting, member_user):
    document = _docx(
        render_participant_list_docx(participant_list(meeting=meeting, user=member_user))
    )

    paragraphs = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    assert paragraphs[:3] == [
        ("Title", "List of participants"),
        ("Subtitle", "Senior Officials Meeting, Brisbane 2004"),
        ("Normal", "7–8 June 2004, Brisbane, Australia"),
    ]
    assert [text for style, text in paragraphs if style == "Heading 1"] == ["Members", "Observers"]
    assert document.core_properties.title == (
        "List of participants: Senior Officials Meeting, Brisbane 2004"
    )
    members = document.tables[0]
    assert [cell.text for cell in members.rows[0].cells] == ["Name", "Position", "Agency"]
    assert [row.cells[0].text for row in members.rows[1:]] == [
        "Australia (3 delegates)",
        "Ms Jane Citizen (Head of delegation)",
        'Mr =HYPERLINK("http://evil.example") (Adviser)',
        "IOM (4 delegates)",
    ]
    assert "Quiet Person" not in "\n".join(cell.text for row in members.rows for cell in row.cells)


def test_docx_table_header_repeats_and_delegations_stay_together(meeting, member_user):
    document = _docx(
        render_participant_list_docx(participant_list(meeting=meeting, user=member_user))
    )

    rows = document.tables[0]._tbl.tr_lst
    assert rows[0].trPr.find(_w("tblHeader")) is not None
    assert all(row.trPr.find(_w("cantSplit")) is not None for row in rows[1:])
    # The delegation's row and all but its last delegate keep with the next row.
    keep = [row.find(f".//{_w('keepNext')}") is not None for row in rows[1:]]
    assert keep == [True, True, False, False]
    heading = rows[1].tc_lst[0]
    assert heading.tcPr.find(_w("gridSpan")).get(_w("val")) == "3"


def test_docx_footer_numbers_the_pages(meeting):
    document = _docx(
        render_participant_list_docx(participant_list(meeting=meeting, user=ANONYMOUS))
    )

    footer = document.sections[0].footer.paragraphs[0]
    codes = [element.text.strip() for element in footer._p.iter(_w("instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Page ")


def test_public_docx_has_counts_and_no_names(meeting):
    document = _docx(
        render_participant_list_docx(participant_list(meeting=meeting, user=ANONYMOUS))
    )

    table = document.tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Delegation", "Number of delegates"],
        ["Australia", "3"],
        ["IOM", "4"],
    ]


def test_secretariat_docx_is_landscape_with_contact_columns(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, with_contacts=True)

    document = _docx(render_participant_list_docx(list_))

    section = document.sections[0]
    assert section.page_width > section.page_height
    assert [cell.text for cell in document.tables[0].rows[0].cells] == [
        "Name",
        "Position",
        "Agency",
        "Email",
        "Telephone",
    ]
    texts = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "jane.citizen@example.org" in texts
    assert "Ms Quiet Person" in texts


def test_control_characters_never_break_a_document(member_user):
    meeting = MeetingFactory()
    participant = ParticipantFactory()
    MembershipPeriodFactory(participant=participant)
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=participant),
        name="Name\x0bWith\x01Controls",
    )
    list_ = participant_list(meeting=meeting, user=member_user)

    document = _docx(render_participant_list_docx(list_))
    pdf = _pdf_pages(render_participant_list_pdf(list_))
    sheet = openpyxl.load_workbook(io.BytesIO(render_participant_list_xlsx(list_))).active

    assert "Ms NameWithControls" in [
        cell.text for row in document.tables[0].rows for cell in row.cells
    ]
    assert "NameWithControls" in " ".join(pdf).replace("\n", "")
    assert sheet["E2"].value == "NameWithControls"


def test_every_format_has_a_filename_and_a_content_type(meeting):
    list_ = participant_list(meeting=meeting, user=ANONYMOUS)

    assert {
        key: (participant_list_filename(list_, item.extension), item.content_type)
        for key, item in PARTICIPANT_LIST_FORMATS.items()
    } == {
        "csv": (f"{meeting.slug}-participants.csv", "text/csv; charset=utf-8"),
        "xlsx": (
            f"{meeting.slug}-participants.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "pdf": (f"{meeting.slug}-participants.pdf", "application/pdf"),
        "docx": (
            f"{meeting.slug}-participants.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    }
