"""Participant lists in every format: CSV and XLSX through the shared exporter
contract, and PDF and DOCX documents a secretariat would circulate.

Every format reads one structure, meetings.selectors.participant_list, so
they all show the same delegations in the same order, with names only where
DelegateQuerySet.listable_to allows and contact details only where the
selector included them.
"""

import functools
import hashlib
import io
import logging
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string

from baliprocess.lib.exporters import (
    TABLE_FORMATS,
    CellValue,
    Column,
    ColumnType,
    Exporter,
)
from meetings.models import Delegate, Delegation
from meetings.selectors import ParticipantList

# The headers of the tabular formats. They are also headers the delegate
# import recognises, so an exported list can be imported back unchanged.
CAPACITY_HEADER = "Capacity"
PARTICIPANT_HEADER = "Participant"
ROLE_HEADER = "Role"
HONORIFIC_HEADER = "Honorific"
NAME_HEADER = "Name"
POSITION_HEADER = "Position"
AGENCY_HEADER = "Agency"
EMAIL_HEADER = "Email"
PHONE_HEADER = "Phone"
LISTED_HEADER = "Listed"
COUNT_HEADER = "Number of delegates"

PRINT_STYLESHEET = "css/participant-list-print.css"
# Characters XML (and so DOCX) cannot hold, and a PDF would draw as boxes.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ParticipantListExporter(Exporter):
    """The participant list as a table.

    With names: one row per delegate, head of delegation first; a delegation
    whose delegates the viewer cannot see (or whose names were not recorded)
    has one row with its number of delegates. Without names (the public):
    one row per delegation with its number of delegates. Contact details and
    the "listed" flag only when the list includes them.
    """

    sheet_name = "Participants"

    def __init__(self, participant_list: ParticipantList):
        self.participant_list = participant_list
        self.title = participant_list.title

    def columns(self) -> Sequence[Column]:
        columns = [Column(CAPACITY_HEADER, width=12), Column(PARTICIPANT_HEADER, width=30)]
        if self.participant_list.shows_names:
            columns += [
                Column(ROLE_HEADER, width=26),
                Column(HONORIFIC_HEADER, width=12),
                Column(NAME_HEADER, width=30),
                Column(POSITION_HEADER, width=36),
                Column(AGENCY_HEADER, width=36),
            ]
        if self.participant_list.shows_contacts:
            columns += [
                Column(EMAIL_HEADER, width=32),
                Column(PHONE_HEADER, width=20),
                Column(LISTED_HEADER, ColumnType.BOOLEAN, width=9),
            ]
        columns.append(Column(COUNT_HEADER, ColumnType.INTEGER, width=12))
        return columns

    def data_rows(self) -> Iterator[Sequence[CellValue]]:
        shows_names = self.participant_list.shows_names
        shows_contacts = self.participant_list.shows_contacts
        capacity_labels = dict(Delegation.Capacity.choices)
        for entry in self.participant_list.delegations:
            start = [
                capacity_labels.get(entry.capacity, entry.capacity),
                entry.participant.short_name,
            ]
            if not shows_names:
                yield [*start, entry.delegate_count]
                continue
            if not entry.delegates:
                blanks = [""] * (5 + (3 if shows_contacts else 0))
                if shows_contacts:
                    blanks[-1] = None
                yield [*start, *blanks, entry.delegate_count]
                continue
            for delegate in entry.delegates:
                row = [
                    *start,
                    delegate.role_label,
                    delegate.honorific,
                    delegate.name,
                    delegate.position,
                    delegate.agency,
                ]
                if shows_contacts:
                    row += [delegate.email, delegate.phone, delegate.may_be_listed]
                yield [*row, None]


def participant_list_filename(participant_list: ParticipantList, extension: str) -> str:
    return f"{participant_list.meeting.slug}-participants.{extension}"


def render_participant_list_csv(participant_list: ParticipantList) -> bytes:
    return TABLE_FORMATS["csv"].render(ParticipantListExporter(participant_list))


def render_participant_list_xlsx(participant_list: ParticipantList) -> bytes:
    return TABLE_FORMATS["xlsx"].render(ParticipantListExporter(participant_list))


# --- PDF ------------------------------------------------------------------

# Documents that took longer than this to lay out are kept for repeat
# downloads; small lists are quicker to lay out again than to keep.
SLOW_RENDER_SECONDS = 0.25


def _print_stylesheet():
    """The PDF's stylesheet, parsed once per version of the file, and its digest."""
    path = finders.find(PRINT_STYLESHEET)
    if path is None:  # pragma: no cover - the file ships with the code
        raise FileNotFoundError(f"The stylesheet {PRINT_STYLESHEET} is missing.")
    return _parsed_stylesheet(path, os.stat(path).st_mtime_ns)


@functools.lru_cache(maxsize=2)
def _parsed_stylesheet(path: str, modified: int):
    # Keyed on the file's modification time: an edited stylesheet is read
    # again without restarting the server.
    from weasyprint import CSS

    with open(path, "rb") as handle:
        content = handle.read()
    return CSS(string=content.decode("utf-8")), hashlib.sha256(content).hexdigest()


def document_cache_seconds() -> int:
    """How long a slow document is kept for identical repeat downloads:
    settings.PARTICIPANT_LIST_CACHE_SECONDS (default an hour; 0 turns it off)."""
    return getattr(settings, "PARTICIPANT_LIST_CACHE_SECONDS", 3600)


def content_cached(
    kind: str,
    source: str,
    render: Callable[[], bytes],
    *,
    keep_if_slower_than: float = SLOW_RENDER_SECONDS,
) -> bytes:
    """`render()`, or the bytes it returned before for exactly the same `source`.

    The key is a digest of the source itself (the PDF's HTML, with everything
    the viewer may see and nothing else), so a changed list or another
    viewer's list can never be served from it: nothing needs invalidating,
    and no name or address is in the key. Only renders slower than
    `keep_if_slower_than` seconds are kept.
    """
    seconds = document_cache_seconds()
    if not seconds:
        return render()
    key = f"participant-list:{kind}:{hashlib.sha256(source.encode()).hexdigest()}"
    content = cache.get(key)
    if content is not None:
        return content
    started = time.perf_counter()
    content = render()
    if time.perf_counter() - started >= keep_if_slower_than:
        cache.set(key, content, seconds)
    return content


def participant_list_pdf_html(participant_list: ParticipantList) -> str:
    """The HTML the PDF is laid out from."""
    return render_to_string(
        "meetings/participant_list_pdf.html",
        {"participant_list": participant_list, "site_long_name": settings.SITE_LONG_NAME},
    )


def render_participant_list_pdf(participant_list: ParticipantList) -> bytes:
    """An A4 document: title, meeting, dates and place, the summary and the
    attendance paragraphs, then a table per capacity whose header repeats on
    every page, each delegation kept on one page where it fits, and
    "Page 2 of 5" at the foot of every page."""
    # WeasyPrint reports each step of its work at INFO, from its import on: a
    # line per step per PDF would bury the application's own log.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    # WeasyPrint is heavy to import; only this download needs it.
    import weasyprint

    # A stray control character would be drawn as a missing-glyph box.
    html = _CONTROL_CHARACTERS.sub("", participant_list_pdf_html(participant_list))
    stylesheet, stylesheet_digest = _print_stylesheet()

    def render() -> bytes:
        document = weasyprint.HTML(string=html, base_url=None)
        return document.write_pdf(stylesheets=[stylesheet])

    source = f"{weasyprint.__version__}\n{stylesheet_digest}\n{html}"
    return content_cached("pdf", source, render)


# --- DOCX -----------------------------------------------------------------

# Word measures table widths in twentieths of a point.
_TWIPS_PER_CM = 1440 / 2.54


def render_participant_list_docx(participant_list: ParticipantList) -> bytes:
    """An editable Word document built from the template's own styles: a
    title, headings per capacity, a real table whose header row repeats on
    every page and whose delegations do not split across pages, and page
    numbers in the footer."""
    # python-docx is imported here: only this download needs it.
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    meeting = participant_list.meeting
    document = Document()
    properties = document.core_properties
    properties.title = participant_list.title
    properties.author = "Bali Process Secretariat"
    properties.subject = meeting.title

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if participant_list.shows_contacts:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    _add_page_number_footer(section)

    document.add_heading("List of participants", level=0)
    document.add_paragraph(_docx_text(meeting.title), style="Subtitle")
    where_when = ", ".join(part for part in (meeting.dates_label, meeting.place_label) if part)
    if where_when:
        document.add_paragraph(_docx_text(where_when))
    document.add_paragraph(_docx_text(participant_list.summary_sentence))
    for paragraph in participant_list.attendance:
        document.add_paragraph(_docx_text(paragraph))

    for group in participant_list.groups:
        document.add_heading(group.heading, level=1)
        _add_group_table(document, participant_list, group)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_text(value) -> str:
    # Word's XML cannot hold control characters; a stray one must not break the file.
    return _CONTROL_CHARACTERS.sub("", str(value))


@dataclass(frozen=True)
class _DocxColumn:
    header: str
    width_cm: float


def _docx_columns(participant_list: ParticipantList) -> list[_DocxColumn]:
    if not participant_list.shows_names:
        return [_DocxColumn("Delegation", 12.0), _DocxColumn("Number of delegates", 5.0)]
    if participant_list.shows_contacts:
        return [
            _DocxColumn("Name", 5.2),
            _DocxColumn("Position", 5.6),
            _DocxColumn("Agency", 5.6),
            _DocxColumn("Email", 5.6),
            _DocxColumn("Telephone", 3.7),
        ]
    return [_DocxColumn("Name", 5.2), _DocxColumn("Position", 6.0), _DocxColumn("Agency", 5.8)]


class _RowWriter:
    """Appends rows to a Word table as XML, directly.

    python-docx's own row and cell objects re-read the whole table on every
    access, which makes a 2,000-row list take seconds; writing the few
    elements a row needs keeps it linear.
    """

    def __init__(self, table, widths_cm: list[float]):
        from docx.oxml.ns import qn

        self.qn = qn
        self.tbl = table._tbl
        self.widths = [str(round(width * _TWIPS_PER_CM)) for width in widths_cm]
        self.total_width = str(sum(round(width * _TWIPS_PER_CM) for width in widths_cm))
        for grid_column, width in zip(self.tbl.tblGrid.gridCol_lst, self.widths, strict=True):
            grid_column.set(qn("w:w"), width)

    def add(self, values, *, header=False, keep_with_next=False, bold=False):
        """A row of one cell per value; `values` of one item spans the whole row."""
        from lxml import etree

        qn = self.qn
        row = etree.SubElement(self.tbl, qn("w:tr"))
        row_properties = etree.SubElement(row, qn("w:trPr"))
        etree.SubElement(row_properties, qn("w:cantSplit"))
        if header:
            etree.SubElement(row_properties, qn("w:tblHeader"))
        spans = len(values) == 1 and len(self.widths) > 1
        widths = [self.total_width] if spans else self.widths
        for value, width in zip(values, widths, strict=True):
            cell = etree.SubElement(row, qn("w:tc"))
            cell_properties = etree.SubElement(cell, qn("w:tcPr"))
            cell_width = etree.SubElement(cell_properties, qn("w:tcW"))
            cell_width.set(qn("w:w"), width)
            cell_width.set(qn("w:type"), "dxa")
            if spans:
                etree.SubElement(cell_properties, qn("w:gridSpan")).set(
                    qn("w:val"), str(len(self.widths))
                )
            paragraph = etree.SubElement(cell, qn("w:p"))
            if keep_with_next:
                etree.SubElement(etree.SubElement(paragraph, qn("w:pPr")), qn("w:keepNext"))
            text = _docx_text(value)
            if not text:
                continue
            run = etree.SubElement(paragraph, qn("w:r"))
            if bold:
                etree.SubElement(etree.SubElement(run, qn("w:rPr")), qn("w:b"))
            text_element = etree.SubElement(run, qn("w:t"))
            text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            text_element.text = text


def _add_group_table(document, participant_list: ParticipantList, group) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    columns = _docx_columns(participant_list)
    table = document.add_table(rows=0, cols=len(columns))
    table.style = "Light List Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    writer = _RowWriter(table, [column.width_cm for column in columns])
    writer.add([column.header for column in columns], header=True)

    if not participant_list.shows_names:
        for entry in group.delegations:
            count = entry.delegate_count
            writer.add([entry.participant.short_name, "" if count is None else count])
        return

    role_labels = dict(Delegate.Role.choices)
    for entry in group.delegations:
        # The delegation's name spans the row and stays with its delegates.
        delegates = entry.delegates
        writer.add([_delegation_heading(entry)], keep_with_next=bool(delegates), bold=True)
        for index, delegate in enumerate(delegates):
            name = delegate.display_name
            if delegate.role != Delegate.Role.DELEGATE:
                name = f"{name} ({role_labels.get(delegate.role, delegate.role)})"
            values = [name, delegate.position, delegate.agency]
            if participant_list.shows_contacts:
                values += [delegate.email, delegate.phone]
            writer.add(values, keep_with_next=index < len(delegates) - 1)


def _delegation_heading(entry) -> str:
    count = entry.delegate_count
    heading = entry.participant.short_name
    if count is not None:
        noun = "delegate" if count == 1 else "delegates"
        heading = f"{heading} ({count} {noun})"
    return heading


def _add_page_number_footer(section) -> None:
    """'Page 2 of 5' in the footer, as Word fields that update themselves."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    _add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _add_field(paragraph, "NUMPAGES", "1")


def _add_field(paragraph, instruction: str, placeholder: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def field_char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    paragraph.add_run()._r.append(field_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(field_char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(field_char("end"))


# --- Formats ----------------------------------------------------------------


@dataclass(frozen=True)
class ListFormat:
    """One format of the participant list: how to name, label and write it."""

    extension: str
    label: str
    content_type: str
    render: Callable[[ParticipantList], bytes]


PARTICIPANT_LIST_FORMATS = {
    "csv": ListFormat("csv", "CSV", TABLE_FORMATS["csv"].content_type, render_participant_list_csv),
    "xlsx": ListFormat(
        "xlsx", "Excel", TABLE_FORMATS["xlsx"].content_type, render_participant_list_xlsx
    ),
    "pdf": ListFormat("pdf", "PDF", "application/pdf", render_participant_list_pdf),
    "docx": ListFormat(
        "docx",
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        render_participant_list_docx,
    ),
}
