"""Participant lists in every format: CSV and XLSX through the shared exporter
contract, and PDF and DOCX documents a secretariat would circulate.

Every format reads one structure, meetings.selectors.participant_list, so
they all show the same delegations in the same order, with names only where
DelegateQuerySet.listable_to allows and contact details only where the
selector included them.
"""

import functools
import html
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import override

from django.conf import settings

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

# The author recorded in the PDF's and the DOCX's properties.
DOCUMENT_AUTHOR = "Bali Process Secretariat"
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
                entry.listed_name,
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
#
# Drawn with ReportLab, from tables whose cells are plain strings wrapped
# here, at row heights computed here. Layout that costs per cell
# (WeasyPrint's, or a ReportLab Paragraph per cell) took 11-13 seconds for a
# list of 2,000 delegates; this takes about half a second.

_PDF_INK = "#0b3954"
_PDF_GREY = "#333333"
_PDF_RULE = "#9aa5b1"
_PDF_SHADE = "#e6ecf1"
# Every table row, header and delegation rows included, uses this size and
# leading, so a row's height is its number of lines times the leading plus padding.
_PDF_FONT_SIZE = 8.5
_PDF_LEADING = 10.5
_PDF_CELL_PADDING = 3.0  # points above and below the text
_PDF_CELL_SIDE_PADDING = 4.0  # points left and right of it
_PDF_FURNITURE_SIZE = 8  # the running head and the page numbers

# DejaVu Sans, from Debian's fonts-dejavu-core, has the letters of every
# language delegates' names are written in with Latin letters (Vietnamese
# included), and Greek and Cyrillic.
DEJAVU_SANS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
)


@dataclass(frozen=True)
class PdfFont:
    """A regular and a bold face, by the names ReportLab knows them by."""

    regular: str
    bold: str


def pdf_font_candidates() -> list[tuple[str, str]]:
    """(regular, bold) font files for the PDF, best first: DejaVu Sans where
    the system has it; else Bitstream Vera, which ships with ReportLab (every
    Western European letter, and Turkish and Polish ones, but not Vietnamese)."""
    import reportlab

    shipped = Path(reportlab.__file__).parent / "fonts"
    return [DEJAVU_SANS, (str(shipped / "Vera.ttf"), str(shipped / "VeraBd.ttf"))]


def pdf_font(candidates: Sequence[tuple[str, str]]) -> PdfFont:
    """The first (regular, bold) pair of TrueType files that exist and load,
    registered with ReportLab; Helvetica, which has Western European letters
    only, when none does."""
    from reportlab.pdfbase.ttfonts import TTFError

    for regular, bold in candidates:
        if not (os.path.isfile(regular) and os.path.isfile(bold)):
            continue
        try:
            return PdfFont(_registered_font(regular), _registered_font(bold))
        except (OSError, TTFError):
            continue
    return PdfFont("Helvetica", "Helvetica-Bold")


@functools.cache
def _registered_font(path: str) -> str:
    # Reading a font file takes tens of milliseconds: once per process.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"ParticipantList-{Path(path).stem}"
    pdfmetrics.registerFont(TTFont(name, path))
    return name


def _pdf_text(value) -> str:
    """A field as one line of text. A control character would be drawn as a
    missing-glyph box, and a line break inside a field would put the row's
    height out."""
    return " ".join(_CONTROL_CHARACTERS.sub("", str(value)).split())


def _pdf_markup(value) -> str:
    # Paragraphs read ReportLab's markup: an "&" or a "<" in a title is text.
    return html.escape(_pdf_text(value), quote=False)


def _pdf_colour(value: str):
    from reportlab.lib.colors import HexColor

    return HexColor(value)


@dataclass(frozen=True)
class _PdfColumn:
    header: str
    share: float  # of the table's width
    align: str = "LEFT"


def _pdf_columns(participant_list: ParticipantList) -> list[_PdfColumn]:
    if not participant_list.shows_names:
        return [_PdfColumn("Delegation", 0.75), _PdfColumn("Number of delegates", 0.25, "RIGHT")]
    if participant_list.shows_contacts:
        return [
            _PdfColumn("Name", 0.24),
            _PdfColumn("Position", 0.25),
            _PdfColumn("Agency", 0.27),
            _PdfColumn("Email and telephone", 0.24),
        ]
    return [_PdfColumn("Name", 0.30), _PdfColumn("Position", 0.35), _PdfColumn("Agency", 0.35)]


@dataclass(frozen=True)
class _PdfRow:
    cells: list[str]
    line_count: int
    #: A delegation's name: one shaded cell across the table.
    spans: bool = False

    @property
    def height(self) -> float:
        return max(self.line_count, 1) * _PDF_LEADING + 2 * _PDF_CELL_PADDING


class _PdfTables:
    """Rows and tables in the document's columns, wrapped and measured here.

    A capacity's table is drawn as a header row, set again at the top of
    every page the table continues on (ReportLab's SetPageTopFlowables), and
    a small table per delegation under it in the same columns, kept on one
    page (NOSPLIT) when it fits on one. One LongTable with NOSPLIT ranges
    would look the same, but ReportLab maps every cell of what remains of it
    again for each page it lays out: over two seconds for 2,000 delegates.
    """

    def __init__(self, *, font: PdfFont, columns: list[_PdfColumn], width: float, page: float):
        from reportlab.lib.utils import simpleSplit
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self._split = simpleSplit
        self._string_width = stringWidth
        self._wrapped: dict[tuple[str, float, str], list[str]] = {}
        self.font = font
        self.columns = columns
        self.widths = [width * column.share for column in columns]
        self._text_widths = [column - 2 * _PDF_CELL_SIDE_PADDING for column in self.widths]
        self._span_width = width - 2 * _PDF_CELL_SIDE_PADDING
        self.header_row = self.row([column.header for column in columns], font=font.bold)
        #: The most a delegation may take to be kept on one page, under the
        #: header, with a point to spare for rounding.
        self.page_room = page - self.header_row.height - 1

    def lines(self, value, width: float, font_name: str) -> list[str]:
        """`value` wrapped to `width` points; a word wider than that (a long
        email address) broken between characters rather than overflow."""
        text = _pdf_text(value)
        key = (text, width, font_name)
        # Positions and agencies repeat down a list: each is wrapped once.
        if key not in self._wrapped:
            self._wrapped[key] = self._wrap(text, width, font_name)
        return self._wrapped[key]

    def _wrap(self, text: str, width: float, font_name: str) -> list[str]:
        lines = []
        for line in self._split(text, font_name, _PDF_FONT_SIZE, width):
            if self._string_width(line, font_name, _PDF_FONT_SIZE) <= width:
                lines.append(line)
                continue
            # Only a single word is ever wider than the column.
            piece = ""
            for character in line:
                if (
                    piece
                    and self._string_width(piece + character, font_name, _PDF_FONT_SIZE) > width
                ):
                    lines.append(piece)
                    piece = character
                else:
                    piece += character
            lines.append(piece)
        return lines

    def row(self, values: Sequence, *, font: str = "") -> _PdfRow:
        """A row of one cell per column; a cell given as a tuple has a line
        (or more, wrapped) per item."""
        font_name = font or self.font.regular
        cells = []
        for value, width in zip(values, self._text_widths, strict=True):
            parts = value if isinstance(value, tuple) else (value,)
            cells.append([line for part in parts for line in self.lines(part, width, font_name)])
        return _PdfRow(["\n".join(cell) for cell in cells], max(len(cell) for cell in cells))

    def name_row(self, value) -> _PdfRow:
        """A bold, shaded row whose one cell spans the table: a delegation's name."""
        lines = self.lines(value, self._span_width, self.font.bold)
        return _PdfRow(["\n".join(lines), *[""] * (len(self.columns) - 1)], len(lines), True)

    def table(self, rows: list[_PdfRow], *, keep: tuple[int, int] | None = None):
        """A table of `rows` in the columns; rows keep[0] to keep[1] are
        never split apart."""
        from reportlab.platypus import Table, TableStyle

        style = [
            ("FONT", (0, 0), (-1, -1), self.font.regular, _PDF_FONT_SIZE, _PDF_LEADING),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), _PDF_CELL_SIDE_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), _PDF_CELL_SIDE_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), _PDF_CELL_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), _PDF_CELL_PADDING),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, _pdf_colour(_PDF_RULE)),
        ]
        style += [
            ("ALIGN", (index, 0), (index, -1), column.align)
            for index, column in enumerate(self.columns)
            if column.align != "LEFT"
        ]
        for index, row in enumerate(rows):
            if row.spans:
                style += [
                    ("SPAN", (0, index), (-1, index)),
                    ("FONT", (0, index), (-1, index), self.font.bold, _PDF_FONT_SIZE, _PDF_LEADING),
                    ("BACKGROUND", (0, index), (-1, index), _pdf_colour(_PDF_SHADE)),
                ]
        if keep is not None and 0 <= keep[0] < keep[1]:
            style.append(("NOSPLIT", (0, keep[0]), (-1, keep[1])))
        table = Table(
            [row.cells for row in rows],
            colWidths=self.widths,
            rowHeights=[row.height for row in rows],
            hAlign="LEFT",
        )
        table.setStyle(TableStyle(style))
        return table

    def header(self):
        """The header row, bold and ruled off in black."""
        from reportlab.platypus import TableStyle

        table = self.table([self.header_row])
        bold = [("FONT", (0, 0), (-1, 0), self.font.bold, _PDF_FONT_SIZE, _PDF_LEADING)]
        # Drawn over the grey rule every row has.
        rule = [("LINEBELOW", (0, 0), (-1, 0), 1, _pdf_colour("#000000"))]
        table.setStyle(TableStyle(bold + rule))
        return table


def _pdf_group(participant_list: ParticipantList, group, tables: _PdfTables, heading) -> list:
    """One capacity: its heading, its header row, and its delegations. With
    names, a shaded row per delegation and a row per delegate; without, a
    row per delegation with its count."""
    from reportlab.platypus import CondPageBreak, SetPageTopFlowables

    heading_height = heading.style.spaceBefore + heading.style.leading + heading.style.spaceAfter
    # Not the header table placed under the heading: ReportLab marks a table
    # it had to move to the next page, and a marked one cannot move again.
    page_header = tables.header()
    body = []
    if not participant_list.shows_names:
        rows = []
        for entry in group.delegations:
            count = entry.delegate_count
            rows.append(tables.row([entry.listed_name, "not recorded" if count is None else count]))
        first_rows = rows[:1]
        body.append(tables.table(rows))
    else:
        first_rows = []
        role_labels = dict(Delegate.Role.choices)
        for entry in group.delegations:
            rows = [tables.name_row(_delegation_heading(entry))]
            for delegate in entry.delegates:
                name = delegate.display_name
                if delegate.role not in (Delegate.Role.DELEGATE, Delegate.Role.NOT_RECORDED):
                    name = f"{name} ({role_labels.get(delegate.role, delegate.role)})"
                values = [name, delegate.position, delegate.agency]
                if participant_list.shows_contacts:
                    values.append(tuple(part for part in (delegate.email, delegate.phone) if part))
                rows.append(tables.row(values))
            # The first delegation shares its page with the capacity's heading.
            room = tables.page_room - (0 if first_rows else heading_height)
            if sum(row.height for row in rows) <= room:
                body.append(tables.table(rows, keep=(0, len(rows) - 1)))
                first_rows = first_rows or rows
                continue
            # Longer than a page: it splits, but its name never ends a page
            # alone, nor its last delegate start one alone, and the pages it
            # continues on say whose delegates they list.
            continued = tables.name_row(f"{entry.listed_name} (continued)")
            rest = rows[2:]
            body += [
                tables.table(rows[:2], keep=(0, 1)),
                SetPageTopFlowables([page_header, tables.table([continued])]),
                tables.table(rest, keep=(len(rest) - 2, len(rest) - 1)),
                SetPageTopFlowables([page_header]),
            ]
            first_rows = first_rows or rows[:2]
    first_height = tables.header_row.height + sum(row.height for row in first_rows)
    return [
        # A new page rather than a heading without its table's first rows under it.
        CondPageBreak(heading_height + first_height),
        heading,
        tables.header(),
        SetPageTopFlowables([page_header]),
        *body,
        SetPageTopFlowables([]),
    ]


def _pdf_styles(font: PdfFont) -> dict:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm

    body = ParagraphStyle(
        "body", fontName=font.regular, fontSize=9.5, leading=12.5, spaceAfter=2.5 * mm
    )
    ink = _pdf_colour(_PDF_INK)
    return {
        "body": body,
        "forum": ParagraphStyle(
            "forum", body, fontSize=8.5, leading=11, textColor=_pdf_colour(_PDF_GREY)
        ),
        "title": ParagraphStyle(
            "title", body, fontName=font.bold, fontSize=18, leading=22, textColor=ink
        ),
        "meeting": ParagraphStyle(
            "meeting", body, fontName=font.bold, fontSize=13, leading=16, spaceAfter=1 * mm
        ),
        "summary": ParagraphStyle("summary", body, fontName=font.bold),
        "heading": ParagraphStyle(
            "heading",
            body,
            fontName=font.bold,
            fontSize=13,
            leading=16,
            textColor=ink,
            spaceBefore=6 * mm,
            spaceAfter=2 * mm,
        ),
    }


@functools.cache
def _numbered_canvas_class():
    """A ReportLab canvas that numbers its pages "Page 2 of 5": the total is
    known only at the end, so pages are kept until save() and finished then
    (the two-pass canvas of ReportLab's own examples)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, running_head: str, font: str, margin: float, **kwargs):
            super().__init__(*args, **kwargs)
            self._running_head = running_head
            self._furniture_font = font
            self._margin = margin
            self._kept_pages: list[dict] = []

        @override
        def showPage(self):
            self._kept_pages.append(dict(self.__dict__))
            self._startPage()

        @override
        def save(self):
            total = len(self._kept_pages)
            for number, state in enumerate(self._kept_pages, start=1):
                self.__dict__.update(state)
                self._draw_furniture(number, total)
                super().showPage()
            super().save()

        def _draw_furniture(self, number: int, total: int) -> None:
            width, height = self._pagesize
            font, size = self._furniture_font, _PDF_FURNITURE_SIZE
            self.saveState()
            self.setFont(font, size)
            self.setFillColor(_pdf_colour(_PDF_GREY))
            self.drawCentredString(width / 2, self._margin / 2, f"Page {number} of {total}")
            if number > 1:
                # The meeting's title at the head of every page after the first,
                # shortened to the line if it has to be.
                head, room = self._running_head, width - 2 * self._margin
                if stringWidth(head, font, size) > room:
                    while head and stringWidth(f"{head}…", font, size) > room:
                        head = head[:-1]
                    head = f"{head.rstrip()}…"
                self.drawRightString(width - self._margin, height - self._margin / 2, head)
            self.restoreState()

    return NumberedCanvas


def render_participant_list_pdf(participant_list: ParticipantList) -> bytes:
    """An A4 document: the forum, "List of participants", the meeting's title,
    dates (at their precision) and place; the summary and the attendance
    paragraphs; then a heading and a table per capacity whose header row
    repeats on every page, each delegation kept on one page where it fits;
    "Page 2 of 5" at the foot of every page. Landscape when it has contact
    details, for the room."""
    # ReportLab is imported here: only this download needs it.
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, HRFlowable, PageTemplate, Paragraph

    meeting = participant_list.meeting
    font = pdf_font(pdf_font_candidates())
    styles = _pdf_styles(font)
    page_width, page_height = landscape(A4) if participant_list.shows_contacts else A4
    margin, top, bottom = 15 * mm, 18 * mm, 20 * mm
    width, height = page_width - 2 * margin, page_height - top - bottom

    story = [
        Paragraph(_pdf_markup(settings.SITE_LONG_NAME), styles["forum"]),
        Paragraph("List of participants", styles["title"]),
        Paragraph(_pdf_markup(meeting.title), styles["meeting"]),
    ]
    where_when = ", ".join(part for part in (meeting.dates_label, meeting.place_label) if part)
    if where_when:
        story.append(Paragraph(_pdf_markup(where_when), styles["body"]))
    story += [
        HRFlowable(width="100%", thickness=1.5, color=_pdf_colour(_PDF_INK), spaceAfter=5 * mm),
        Paragraph(_pdf_markup(participant_list.summary_sentence), styles["summary"]),
        *(Paragraph(_pdf_markup(text), styles["body"]) for text in participant_list.attendance),
    ]
    tables = _PdfTables(font=font, columns=_pdf_columns(participant_list), width=width, page=height)
    for group in participant_list.groups:
        heading = Paragraph(_pdf_markup(group.heading), styles["heading"])
        story += _pdf_group(participant_list, group, tables, heading)

    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=top,
        bottomMargin=bottom,
        title=participant_list.title,
        author=DOCUMENT_AUTHOR,
        subject=meeting.title,
        creator=settings.SITE_LONG_NAME,
        lang="en-GB",
        displayDocTitle=True,
    )
    frame = Frame(
        margin,
        bottom,
        width,
        height,
        id="text",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    document.build(
        story,
        canvasmaker=functools.partial(
            _numbered_canvas_class(), running_head=meeting.title, font=font.regular, margin=margin
        ),
    )
    return buffer.getvalue()


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
    properties.author = DOCUMENT_AUTHOR
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
            writer.add([entry.listed_name, "" if count is None else count])
        return

    role_labels = dict(Delegate.Role.choices)
    for entry in group.delegations:
        # The delegation's name spans the row and stays with its delegates.
        delegates = entry.delegates
        writer.add([_delegation_heading(entry)], keep_with_next=bool(delegates), bold=True)
        for index, delegate in enumerate(delegates):
            name = delegate.display_name
            if delegate.role not in (Delegate.Role.DELEGATE, Delegate.Role.NOT_RECORDED):
                name = f"{name} ({role_labels.get(delegate.role, delegate.role)})"
            values = [name, delegate.position, delegate.agency]
            if participant_list.shows_contacts:
                values += [delegate.email, delegate.phone]
            writer.add(values, keep_with_next=index < len(delegates) - 1)


def _delegation_heading(entry) -> str:
    count = entry.delegate_count
    heading = entry.listed_name
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
