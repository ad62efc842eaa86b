"""The participant list in every format, read back: CSV (csv), XLSX (openpyxl),
DOCX (python-docx) and PDF (pypdf)."""

import csv
import datetime
import io
import os
import re

import docx
import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from pypdf import PdfReader

from baliprocess.lib.dates import DatePrecision
from meetings.exporters import (
    DEJAVU_SANS,
    PARTICIPANT_LIST_FORMATS,
    ParticipantListExporter,
    PdfFont,
    participant_list_filename,
    pdf_font,
    pdf_font_candidates,
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


def _flat(text: str) -> str:
    """Every run of whitespace as one space: a wrapped line reads as one."""
    return " ".join(text.split())


def _member_pdf_pages(meeting, user) -> list[str]:
    return _pdf_pages(render_participant_list_pdf(participant_list(meeting=meeting, user=user)))


def test_pdf_has_title_meeting_dates_place_summary_and_page_numbers(meeting, member_user):
    content = render_participant_list_pdf(participant_list(meeting=meeting, user=member_user))

    assert content.startswith(b"%PDF")
    pages = _pdf_pages(content)
    text = _flat(" ".join(pages))
    assert len(pages) == 1
    assert text.startswith(
        "Bali Process on People Smuggling, Trafficking in Persons and Related Transnational "
        "Crime List of participants Senior Officials Meeting, Brisbane 2004 "
        "7–8 June 2004, Brisbane, Australia "
        "The meeting was attended by eight delegates representing two countries and one "
        "international organisation. "
        "The meeting was attended by Australia, as well as representatives of the "
        "International Organization for Migration (IOM). "
        "Canada also participated as an observer. "
        "Members Name Position Agency Australia (3 delegates) Ms Jane Citizen (Head of "
        "delegation) First Assistant Secretary Department of Foreign Affairs and Trade"
    )
    assert "IOM (4 delegates)" in text
    assert "Observers Name Position Agency Canada (1 delegate) Dr Marie Tremblay" in text
    assert text.endswith("Page 1 of 1")
    assert "Quiet Person" not in text
    assert "@example.org" not in text
    assert "+61" not in text


def test_pdf_properties_name_the_list_and_the_secretariat(meeting):
    reader = PdfReader(
        io.BytesIO(render_participant_list_pdf(participant_list(meeting=meeting, user=ANONYMOUS)))
    )

    metadata = reader.metadata
    assert (metadata.title, metadata.author, metadata.subject) == (
        "List of participants: Senior Officials Meeting, Brisbane 2004",
        "Bali Process Secretariat",
        "Senior Officials Meeting, Brisbane 2004",
    )
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait


def test_pdf_shows_dates_only_at_their_precision(member_user):
    meeting = MeetingFactory(
        custom_title="Workshop on legislation",
        start_date=datetime.date(2003, 11, 1),
        date_precision=DatePrecision.MONTH,
        city="Kuala Lumpur",
        country="MY",
    )

    text = _flat(" ".join(_member_pdf_pages(meeting, member_user)))

    assert "November 2003, Kuala Lumpur, Malaysia" in text
    assert "1 November 2003" not in text
    assert "No delegations have been recorded for this meeting." in text


def test_public_pdf_lists_delegations_and_counts_only(meeting):
    nauru = ParticipantFactory(short_name="Nauru", country="NR")
    DelegationFactory(meeting=meeting, participant=nauru)

    text = _flat(
        " ".join(
            _pdf_pages(
                render_participant_list_pdf(participant_list(meeting=meeting, user=ANONYMOUS))
            )
        )
    )

    assert "Members Delegation Number of delegates Australia 3 IOM 4" in text
    assert "Observers Delegation Number of delegates Canada 1" in text
    assert "Guests Delegation Number of delegates Nauru not recorded" in text
    assert "Jane Citizen" not in text
    assert "Position" not in text


def test_secretariat_pdf_is_landscape_with_contact_details(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, with_contacts=True)

    content = render_participant_list_pdf(list_)

    text = _flat(" ".join(_pdf_pages(content)))
    assert "Name Position Agency Email and telephone" in text
    assert "jane.citizen@example.org +61 2 6261 1111" in text
    assert "Quiet Person" in text
    box = PdfReader(io.BytesIO(content)).pages[0].mediabox
    assert box.width > box.height


def test_pdf_prints_markup_characters_in_a_title_as_text(member_user):
    meeting = MeetingFactory(custom_title="Workshop on Identity & Document Fraud <draft>")

    text = _flat(" ".join(_member_pdf_pages(meeting, member_user)))

    assert "Workshop on Identity & Document Fraud <draft>" in text


def test_pdf_draws_accented_names(member_user):
    meeting = MeetingFactory()
    participant = ParticipantFactory(short_name="Türkiye", country="TR")
    MembershipPeriodFactory(participant=participant)
    delegation = DelegationFactory(meeting=meeting, participant=participant)
    names = ["José Müller", "Şahin Ertuğrul", "Łukasz Nowak", "Zoë Ångström"]
    for name in names:
        DelegateFactory(delegation=delegation, name=name, honorific="")

    text = " ".join(_member_pdf_pages(meeting, member_user))

    assert [name for name in names if name in text] == names
    assert "Türkiye (4 delegates)" in text


@pytest.mark.skipif(
    not all(os.path.isfile(path) for path in DEJAVU_SANS),
    reason="Debian's fonts-dejavu-core is not installed: the PDF falls back to Bitstream Vera",
)
def test_pdf_draws_vietnamese_names_with_dejavu_sans(member_user):
    meeting = MeetingFactory()
    participant = ParticipantFactory(short_name="Vietnam", country="VN")
    MembershipPeriodFactory(participant=participant)
    delegation = DelegationFactory(meeting=meeting, participant=participant)
    names = ["Nguyễn Thị Ánh", "Đặng Văn Lâm", "Trần Quốc Vượng"]
    for name in names:
        DelegateFactory(delegation=delegation, name=name, honorific="")

    text = " ".join(_member_pdf_pages(meeting, member_user))

    assert [name for name in names if name in text] == names


def test_pdf_font_falls_back_to_the_font_shipped_with_reportlab():
    shipped = pdf_font_candidates()[-1]

    font = pdf_font([("/nonexistent/DejaVuSans.ttf", "/nonexistent/DejaVuSans-Bold.ttf"), shipped])

    assert font == PdfFont("ParticipantList-Vera", "ParticipantList-VeraBd")


def test_pdf_font_is_helvetica_when_no_font_file_loads(tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")

    font = pdf_font([(str(broken), str(broken)), ("/nonexistent/a.ttf", "/nonexistent/b.ttf")])

    assert font == PdfFont("Helvetica", "Helvetica-Bold")


def test_pdf_breaks_a_word_too_long_for_its_column(meeting, editor_user):
    email = "director.general.immigration.intelligence@imigrasi.go.example.id"
    delegate = Delegate.objects.get(name="Jane Citizen")
    delegate.email = email
    delegate.save()
    list_ = participant_list(meeting=meeting, user=editor_user, with_contacts=True)

    lines = "\n".join(_pdf_pages(render_participant_list_pdf(list_))).splitlines()

    assert [line for line in lines if email in line] == []
    assert email in "".join(lines)


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


def test_long_pdf_repeats_the_table_header_and_numbers_every_page(long_meeting, member_user):
    pages = _member_pdf_pages(long_meeting, member_user)

    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert re.search(r"Name\s+Position\s+Agency", page), f"no table header on page {number}"
        # The page number, and after the first page the meeting's title at the head.
        furniture = f"Page {number} of {len(pages)}" + ("" if number == 1 else " A long meeting")
        assert _flat(page).endswith(furniture)


def test_long_pdf_keeps_each_delegation_that_fits_on_one_page(long_meeting, member_user):
    pages = _member_pdf_pages(long_meeting, member_user)

    pages_of = {
        country: {
            index
            for index, page in enumerate(pages)
            for person in range(9)
            if f"Person {country:02d}-{person}" in page
        }
        for country in range(40)
    }
    assert {country: len(held) for country, held in pages_of.items()} == dict.fromkeys(range(40), 1)


def test_delegation_longer_than_a_page_splits_and_says_so_where_it_continues(member_user):
    meeting = MeetingFactory(custom_title="A meeting with a large host delegation")
    for name, size in (("Indonesia", 120), ("Japan", 40)):
        participant = ParticipantFactory(short_name=name)
        MembershipPeriodFactory(participant=participant)
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        for person in range(size):
            DelegateFactory(
                delegation=delegation,
                name=f"{name} Delegate {person:03d}",
                role=Delegate.Role.HEAD if person == 0 else Delegate.Role.DELEGATE,
            )

    pages = _member_pdf_pages(meeting, member_user)

    text = " ".join(pages)
    assert [text.count(f"Indonesia Delegate {person:03d}") for person in range(120)] == [1] * 120
    indonesia = [index for index, page in enumerate(pages) if "Indonesia Delegate" in page]
    japan = [index for index, page in enumerate(pages) if "Japan Delegate" in page]
    assert len(indonesia) >= 3
    assert japan == [indonesia[-1] + 1]  # Japan fits on a page: the next one
    assert "Indonesia (120 delegates)" in pages[indonesia[0]]
    continued = [index for index, page in enumerate(pages) if "Indonesia (continued)" in page]
    assert continued == indonesia[1:]
    assert re.search(r"Name\s+Position\s+Agency\s+Japan \(40 delegates\)", pages[japan[0]])


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


@pytest.mark.parametrize("size", [40, 42, 44])
def test_capacity_heading_stays_with_a_first_delegation_near_a_page_long(member_user, size):
    meeting = MeetingFactory()
    participant = ParticipantFactory(short_name="Australia")
    MembershipPeriodFactory(participant=participant)
    delegation = DelegationFactory(meeting=meeting, participant=participant)
    for person in range(size):
        DelegateFactory(delegation=delegation, name=f"Delegate {person:03d}")

    pages = _member_pdf_pages(meeting, member_user)

    heading = [index for index, page in enumerate(pages) if "Members Name" in _flat(page)]
    first = [index for index, page in enumerate(pages) if "Delegate 000" in page]
    assert heading == first
    assert " ".join(pages).count("Delegate ") == size
