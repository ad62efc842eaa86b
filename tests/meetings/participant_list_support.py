"""What the participant-list tests share: a small meeting to list, and every
format read back as plain text — CSV (csv), XLSX (openpyxl, with the printed
header and footer), DOCX (python-docx, with its header and footer) and PDF
(pypdf, page by page)."""

import csv
import datetime
import io

import docx
import openpyxl
from pypdf import PdfReader

from meetings.models import Delegate
from membership.models import MembershipPeriod
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
)

FORMATS = ["csv", "xlsx", "pdf", "docx"]
MARKING = "Restricted — secretariat use"


def sample_meeting():
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
        order=1,
    )
    DelegateFactory(
        delegation=delegation,
        name="Quiet Person",
        may_be_listed=False,
        email="quiet@example.org",
        order=2,
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


def member_delegation(meeting, **participant_fields):
    participant = ParticipantFactory(**participant_fields)
    MembershipPeriodFactory(participant=participant, status=MembershipPeriod.Status.MEMBER)
    return DelegationFactory(meeting=meeting, participant=participant)


def observer_delegation(meeting, participant=None, **participant_fields):
    participant = participant or ParticipantFactory(**participant_fields)
    MembershipPeriodFactory(participant=participant, status=MembershipPeriod.Status.OBSERVER)
    return DelegationFactory(meeting=meeting, participant=participant)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def xlsx_rows(content: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def flat(text: str) -> str:
    """Every run of whitespace as one space: a wrapped line reads as one."""
    return " ".join(text.split())


def docx_document(content: bytes):
    return docx.Document(io.BytesIO(content))


def w(tag: str) -> str:
    """A WordprocessingML element's qualified name."""
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}"


def text_of(content: bytes, fmt: str) -> str:
    """Everything a list says, as plain text, whatever its format: an XLSX
    file's cells and its printed header and footer, a DOCX file's header,
    paragraphs, tables and footer, a PDF's pages."""
    if fmt == "csv":
        return content.decode("utf-8-sig")
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        cells = [str(cell.value) for row in sheet.iter_rows() for cell in row]
        furniture = [sheet.oddHeader.center.text or "", sheet.oddFooter.center.text or ""]
        return "\n".join(furniture + cells)
    if fmt == "docx":
        document = docx_document(content)
        section = document.sections[0]
        parts = [paragraph.text for paragraph in section.header.paragraphs]
        parts += [paragraph.text for paragraph in document.paragraphs]
        parts += [
            cell.text for table in document.tables for row in table.rows for cell in row.cells
        ]
        parts += [paragraph.text for paragraph in section.footer.paragraphs]
        return "\n".join(parts)
    if fmt == "pdf":
        return "\n".join(pdf_pages(content))
    return content.decode()
