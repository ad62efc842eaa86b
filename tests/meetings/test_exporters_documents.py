"""The participant list as documents, read back: PDF (pypdf) and DOCX
(python-docx) — title block, tables, notes, furniture, long lists."""

import datetime
import io
import os
import re

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from pypdf import PdfReader

from baliprocess.lib.dates import DatePrecision
from meetings.exporters import (
    DEJAVU_SANS,
    PdfFont,
    pdf_font,
    pdf_font_candidates,
    render_participant_list_docx,
    render_participant_list_pdf,
    render_participant_list_xlsx,
)
from meetings.models import Delegate
from meetings.selectors import participant_list
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    ParticipantFactory,
)
from tests.meetings.participant_list_support import (
    docx_document,
    flat,
    pdf_pages,
    sample_meeting,
    w,
)

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


@pytest.fixture
def meeting():
    return sample_meeting()


def _pdf_text(meeting, user, **options) -> str:
    list_ = participant_list(meeting=meeting, user=user, **options)
    return flat(" ".join(pdf_pages(render_participant_list_pdf(list_))))


def _member_pdf_pages(meeting, user) -> list[str]:
    return pdf_pages(render_participant_list_pdf(participant_list(meeting=meeting, user=user)))


# --- PDF ----------------------------------------------------------------------


def test_pdf_has_title_block_summary_table_notes_and_footer(meeting, member_user):
    list_ = participant_list(meeting=meeting, user=member_user)
    content = render_participant_list_pdf(list_)

    assert content.startswith(b"%PDF")
    pages = pdf_pages(content)
    text = flat(" ".join(pages))
    assert len(pages) == 1
    assert text.startswith(
        "Bali Process on People Smuggling, Trafficking in Persons and Related Transnational "
        "Crime List of participants Senior Officials Meeting, Brisbane 2004 "
        "7–8 June 2004, Brisbane, Australia "
        f"{list_.issue_line} "
        "The meeting was attended by eight delegates representing two countries and one "
        "international organisation. "
        "The meeting was attended by Australia, as well as representatives of the "
        "International Organization for Migration (IOM). "
        "Canada also participated as an observer. "
        "Members Name Role Position Agency Australia (3 delegates) Ms Jane Citizen Head of "
        "delegation First Assistant Secretary Department of Foreign Affairs and Trade"
    )
    assert "And 1 more delegate who asked not to be listed. IOM (4 delegates)" in text
    assert "IOM (4 delegates) Names not recorded." in text
    assert "Observers Name Role Position Agency Canada (1 delegate) Dr Marie Tremblay" in text
    assert text.endswith(f"Page 1 of 1 {list_.issue_line}")
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

    text = _pdf_text(meeting, member_user)

    assert "November 2003, Kuala Lumpur, Malaysia" in text
    assert "1 November 2003" not in text
    assert "No delegations have been recorded for this meeting." in text


def test_public_pdf_lists_delegations_and_counts_only(meeting):
    nauru = ParticipantFactory(short_name="Nauru", country="NR")
    DelegationFactory(meeting=meeting, participant=nauru)

    text = _pdf_text(meeting, ANONYMOUS)

    assert "Members Delegation Number of delegates Australia 3 IOM 4" in text
    assert "Observers Delegation Number of delegates Canada 1" in text
    assert "Guests Delegation Number of delegates Nauru not recorded" in text
    assert "Jane Citizen" not in text
    assert "Position" not in text


def test_restricted_pdf_is_landscape_with_contact_details_and_everyone(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    content = render_participant_list_pdf(list_)

    text = flat(" ".join(pdf_pages(content)))
    assert "Name Role Position Agency Email Telephone Listed" in text
    assert "jane.citizen@example.org +61 2 6261 1111 yes" in text
    assert "Ms Quiet Person Delegate Director Ministry of Foreign Affairs quiet@example.org" in text
    assert "who asked not to be listed" not in text
    box = PdfReader(io.BytesIO(content)).pages[0].mediabox
    assert box.width > box.height


def test_pdf_prints_markup_characters_in_a_title_as_text(member_user):
    meeting = MeetingFactory(custom_title="Workshop on Identity & Document Fraud <draft>")

    assert "Workshop on Identity & Document Fraud <draft>" in _pdf_text(meeting, member_user)


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
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    lines = "\n".join(pdf_pages(render_participant_list_pdf(list_))).splitlines()

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
                order=person,
            )
    return meeting


def test_long_pdf_repeats_the_table_header_and_numbers_every_page(long_meeting, member_user):
    list_ = participant_list(meeting=long_meeting, user=member_user)
    pages = pdf_pages(render_participant_list_pdf(list_))

    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert re.search(r"Name\s+Role\s+Position\s+Agency", page), f"no header on page {number}"
        # The page number and the issue line, and after the first page the
        # meeting's title at the head.
        furniture = f"Page {number} of {len(pages)} {list_.issue_line}"
        assert flat(page).endswith(furniture + ("" if number == 1 else " A long meeting"))


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

    pages = [flat(page) for page in _member_pdf_pages(meeting, member_user)]

    text = " ".join(pages)
    assert [text.count(f"Indonesia Delegate {person:03d}") for person in range(120)] == [1] * 120
    indonesia = [index for index, page in enumerate(pages) if "Indonesia Delegate" in page]
    japan = [index for index, page in enumerate(pages) if "Japan Delegate" in page]
    assert len(indonesia) >= 3
    assert japan == [indonesia[-1] + 1]  # Japan fits on a page: the next one
    assert "Indonesia (120 delegates)" in pages[indonesia[0]]
    continued = [index for index, page in enumerate(pages) if "Indonesia (continued)" in page]
    assert continued == indonesia[1:]
    assert re.search(r"Name\s+Role\s+Position\s+Agency\s+Japan \(40 delegates\)", pages[japan[0]])


@pytest.mark.parametrize("size", [40, 42, 44])
def test_capacity_heading_stays_with_a_first_delegation_near_a_page_long(member_user, size):
    meeting = MeetingFactory()
    participant = ParticipantFactory(short_name="Australia")
    MembershipPeriodFactory(participant=participant)
    delegation = DelegationFactory(meeting=meeting, participant=participant)
    for person in range(size):
        DelegateFactory(delegation=delegation, name=f"Delegate {person:03d}")

    pages = _member_pdf_pages(meeting, member_user)

    heading = [index for index, page in enumerate(pages) if "Members Name" in flat(page)]
    first = [index for index, page in enumerate(pages) if "Delegate 000" in page]
    assert heading == first
    assert sum(len(re.findall(r"Delegate \d{3}", page)) for page in pages) == size


# --- DOCX ---------------------------------------------------------------------


def test_docx_is_a_styled_document_with_a_title_block_and_a_real_table(meeting, member_user):
    list_ = participant_list(meeting=meeting, user=member_user)
    document = docx_document(render_participant_list_docx(list_))

    paragraphs = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    assert paragraphs[:4] == [
        ("Title", "List of participants"),
        ("Subtitle", "Senior Officials Meeting, Brisbane 2004"),
        ("Normal", "7–8 June 2004, Brisbane, Australia"),
        ("Caption", list_.issue_line),
    ]
    assert [text for style, text in paragraphs if style == "Heading 1"] == ["Members", "Observers"]
    assert document.core_properties.title == (
        "List of participants: Senior Officials Meeting, Brisbane 2004"
    )
    members = document.tables[0]
    assert [cell.text for cell in members.rows[0].cells] == ["Name", "Role", "Position", "Agency"]
    assert [[cell.text for cell in row.cells][:2] for row in members.rows[1:]] == [
        ["Australia (3 delegates)", "Australia (3 delegates)"],
        ["Ms Jane Citizen", "Head of delegation"],
        ['Mr =HYPERLINK("http://evil.example")', "Adviser"],
        ["And 1 more delegate who asked not to be listed."] * 2,
        ["IOM (4 delegates)", "IOM (4 delegates)"],
        ["Names not recorded."] * 2,
    ]
    assert "Quiet Person" not in "\n".join(cell.text for row in members.rows for cell in row.cells)


def test_docx_table_header_repeats_and_delegations_stay_together_with_their_notes(
    meeting, member_user
):
    document = docx_document(
        render_participant_list_docx(participant_list(meeting=meeting, user=member_user))
    )

    rows = document.tables[0]._tbl.tr_lst
    assert rows[0].trPr.find(w("tblHeader")) is not None
    assert all(row.trPr.find(w("cantSplit")) is not None for row in rows[1:])
    # Every row of a delegation but its last keeps with the next: its name,
    # its delegates and its note stay on one page.
    keep = [row.find(f".//{w('keepNext')}") is not None for row in rows[1:]]
    assert keep == [True, True, True, False, True, False]
    heading = rows[1].tc_lst[0]
    assert heading.tcPr.find(w("gridSpan")).get(w("val")) == "4"
    note = rows[4].tc_lst[0]
    assert note.find(f".//{w('i')}") is not None


def test_docx_footer_names_the_version_and_numbers_the_pages(meeting):
    list_ = participant_list(meeting=meeting, user=ANONYMOUS)
    document = docx_document(render_participant_list_docx(list_))

    footer = document.sections[0].footer.paragraphs[0]
    codes = [element.text.strip() for element in footer._p.iter(w("instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith(f"{list_.issue_line} — Page ")
    assert [paragraph.text for paragraph in document.sections[0].header.paragraphs] == [""]


def test_public_docx_has_counts_and_no_names(meeting):
    document = docx_document(
        render_participant_list_docx(participant_list(meeting=meeting, user=ANONYMOUS))
    )

    table = document.tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Delegation", "Number of delegates"],
        ["Australia", "3"],
        ["IOM", "4"],
    ]


def test_restricted_docx_is_landscape_with_contact_columns(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    document = docx_document(render_participant_list_docx(list_))

    section = document.sections[0]
    assert section.page_width > section.page_height
    assert [cell.text for cell in document.tables[0].rows[0].cells] == [
        "Name",
        "Role",
        "Position",
        "Agency",
        "Email",
        "Telephone",
        "Listed",
    ]
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[2][4:] == ["jane.citizen@example.org", "+61 2 6261 1111", "yes"]
    assert rows[4][0] == "Ms Quiet Person"
    assert rows[4][-1] == "no"


def test_control_characters_never_break_a_document(member_user):
    meeting = MeetingFactory()
    participant = ParticipantFactory()
    MembershipPeriodFactory(participant=participant)
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=participant),
        name="Name\x0bWith\x01Controls",
    )
    list_ = participant_list(meeting=meeting, user=member_user)

    document = docx_document(render_participant_list_docx(list_))
    pdf = pdf_pages(render_participant_list_pdf(list_))
    sheet = openpyxl.load_workbook(io.BytesIO(render_participant_list_xlsx(list_))).active

    assert "Ms NameWithControls" in [
        cell.text for row in document.tables[0].rows for cell in row.cells
    ]
    assert "NameWithControls" in " ".join(pdf).replace("\n", "")
    assert sheet["D2"].value == "NameWithControls"
