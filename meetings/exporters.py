"""Participant lists in every format: CSV and XLSX through the shared exporter
contract, and PDF and DOCX documents a secretariat would circulate.

Every format reads one structure, meetings.selectors.participant_list, for
one version of the list (public, circulation or restricted), so they all
show the same delegations in the same order, the same notes, and a delegate's
row as meetings.selectors.DELEGATE_COLUMNS declares it for that version.
Every file says which version it is, when it was issued and its revision: in
its name (participant_list_filename), its title block and its footer; the
restricted version is marked "Restricted — secretariat use" on every page
and sheet.
"""

import functools
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
from baliprocess.lib.pdf_fonts import ScriptFonts, text_lines
from meetings.models import Delegation
from meetings.selectors import COUNT_LABEL, DELEGATION_LABEL, ParticipantList

# The headers of the tabular formats around a delegate's columns
# (DELEGATE_COLUMNS). The delegate import recognises the first three, so an
# exported list can be imported back unchanged; it ignores the last two, and
# skips a row that has values only in columns it ignores (a list's notes).
CAPACITY_HEADER = "Capacity"
PARTICIPANT_HEADER = "Participant"
COUNT_HEADER = COUNT_LABEL
NOTE_HEADER = "List note"
MARKING_HEADER = "Marking"

# The author recorded in the PDF's and the DOCX's properties.
DOCUMENT_AUTHOR = "Bali Process Secretariat"
# Characters XML (and so DOCX) cannot hold, and a PDF would draw as boxes.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ParticipantListExporter(Exporter):
    """The participant list as a table.

    With names: one row per delegate, head of delegation first, in the
    version's columns (ParticipantList.columns); a delegation whose
    delegates the version does not name (or whose names were not recorded)
    has one row with its number of delegates. Without names (the public
    version): one row per delegation with its number of delegates. "List
    note" holds what the page says under a delegation ("And 1 more delegate
    who asked not to be listed.", on a row of its own after the delegates;
    "Names not recorded.") and, on the first row, before that row's own
    note, what it says of the whole list (that the record is partial):
    a row of its own would be read as a delegation's by whoever reads the
    file row by row.

    A CSV file has no page to mark and no place for a comment that every
    reader skips, and a first row above the headers would be read as the
    headers by most readers of CSV (csv.DictReader, pandas, a spreadsheet's
    filter). So a marked version (the restricted one) carries its
    marking in a first column, "Marking", on every row, where it survives
    sorting and copying; the import ignores that column. An XLSX file also
    has it as its first line, above the headers (the import finds the
    header row below it), and in every printed page's header and footer.
    """

    def __init__(self, participant_list: ParticipantList):
        self.participant_list = participant_list
        self.title = participant_list.title
        self.sheet_name = f"Participants ({participant_list.version.key})"
        marking = participant_list.marking
        self.first_line = marking
        self.page_header = marking or participant_list.title
        self.page_footer = " — ".join(
            part for part in (marking, participant_list.issue_line) if part
        )

    def columns(self) -> Sequence[Column]:
        list_ = self.participant_list
        columns = [Column(MARKING_HEADER, width=28)] if list_.marking else []
        columns += [Column(CAPACITY_HEADER, width=12), Column(PARTICIPANT_HEADER, width=30)]
        columns += [Column(column.header, column.type, column.width) for column in list_.columns]
        columns += [
            Column(COUNT_HEADER, ColumnType.INTEGER, width=12),
            Column(NOTE_HEADER, width=48),
        ]
        return columns

    def data_rows(self) -> Iterator[Sequence[CellValue]]:
        list_notes = self.participant_list.table_notes
        for index, row in enumerate(self._rows()):
            if index == 0 and list_notes:
                row[-1] = " ".join([*list_notes, row[-1]]).strip()
            yield row

    def _rows(self) -> Iterator[list[CellValue]]:
        list_ = self.participant_list
        columns = list_.columns
        marking = [list_.marking] if list_.marking else []
        blanks = [None] * len(columns)
        capacity_labels = dict(Delegation.Capacity.choices)
        for entry in list_.delegations:
            capacity = capacity_labels.get(entry.capacity, entry.capacity)
            start = [*marking, capacity, entry.listed_name]
            if not entry.delegates:
                yield [*start, *blanks, entry.delegate_count, entry.note]
                continue
            for delegate in entry.delegates:
                yield [*start, *(column.value(delegate) for column in columns), None, ""]
            if entry.note:
                yield [*start, *blanks, None, entry.note]


def participant_list_filename(participant_list: ParticipantList, extension: str) -> str:
    """'participants-<meeting>-circulation-2026-11-25-r3fa2c1d.pdf': the meeting,
    the version, the date of issue and the revision (ParticipantList.revision)."""
    list_ = participant_list
    return (
        f"participants-{list_.meeting.slug}-{list_.version.key}-"
        f"{list_.issued.isoformat()}-r{list_.revision}.{extension}"
    )


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
_PDF_MARKING = "#9b1c1c"  # the restricted version's marking
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


def _pdf_markup(value, *, bold: bool = False) -> str:
    # Paragraphs read ReportLab's markup: an "&" or a "<" in a title is text.
    # A run in a script the document's font lacks (Chinese, Arabic…) is put in
    # a <font> of its own, shaped and in drawing order; in the regular weight
    # unless `bold`, as ReportLab's <font> tag sets the weight itself.
    return _pdf_scripts().markup(_pdf_text(value), bold=bold)


def _pdf_scripts() -> ScriptFonts:
    """The fonts of every script, with the document's font first (pdf_font).
    A new one each time: it remembers the texts it has seen."""
    font = pdf_font(pdf_font_candidates())
    return ScriptFonts(font.regular, font.bold)


def _pdf_colour(value: str):
    from reportlab.lib.colors import HexColor

    return HexColor(value)


@dataclass(frozen=True)
class _PdfColumn:
    header: str
    share: float  # of the table's width
    align: str = "LEFT"


def _pdf_columns(participant_list: ParticipantList) -> list[_PdfColumn]:
    """The version's document columns (DELEGATE_COLUMNS), each its share of the width."""
    if not participant_list.shows_names:
        return [_PdfColumn(DELEGATION_LABEL, 0.75), _PdfColumn(COUNT_LABEL, 0.25, "RIGHT")]
    columns = participant_list.document_columns
    total = sum(column.share for column in columns)
    return [_PdfColumn(column.label, column.share / total) for column in columns]


@dataclass(frozen=True)
class _PdfRow:
    #: Strings, or flowables where a cell's text needs more than one font.
    cells: list
    line_count: int
    #: A delegation's name: one shaded cell across the table.
    spans: bool = False
    #: A note under a delegation's delegates: one grey cell across the table.
    note: bool = False

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
        # Its own: `missing` says what this document could not draw.
        self.scripts = ScriptFonts(font.regular, font.bold)
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
            cells.append(self.cell(parts, width, font_name))
        return _PdfRow([cell for cell, _ in cells], max(count for _, count in cells))

    def name_row(self, value) -> _PdfRow:
        """A bold, shaded row whose one cell spans the table: a delegation's name."""
        cell, count = self.cell((value,), self._span_width, self.font.bold)
        return _PdfRow([cell, *[""] * (len(self.columns) - 1)], count, True)

    def note_row(self, value) -> _PdfRow:
        """A grey row whose one cell spans the table: a delegation's note."""
        cell, count = self.cell((value,), self._span_width, self.font.regular)
        return _PdfRow([cell, *[""] * (len(self.columns) - 1)], count, note=True)

    def cell(self, parts: Sequence, width: float, font_name: str) -> tuple[object, int]:
        """A cell of a line (or more, wrapped) per part, and its number of
        lines: a string where the document's font draws every part as it
        stands; else lines of runs in the fonts of their scripts (ScriptFonts)."""
        texts = [_pdf_text(part) for part in parts]
        if all(self.scripts.is_plain(text) for text in texts):
            lines = [line for text in texts for line in self.lines(text, width, font_name)]
            return "\n".join(lines), len(lines)
        bold = font_name == self.font.bold
        runs = [
            line
            for text in texts
            for line in self.scripts.lines(text, width, _PDF_FONT_SIZE, bold=bold)
        ]
        return text_lines(self.scripts, runs, size=_PDF_FONT_SIZE, leading=_PDF_LEADING), len(runs)

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
            elif row.note:
                style += [
                    ("SPAN", (0, index), (-1, index)),
                    ("TEXTCOLOR", (0, index), (-1, index), _pdf_colour(_PDF_GREY)),
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
    names, a shaded row per delegation, a row per delegate (its cells as
    ListedDelegation.cells gives them) and its note; without, a row per
    delegation with its count."""
    from reportlab.platypus import CondPageBreak, SetPageTopFlowables

    heading_height = heading.style.spaceBefore + heading.style.leading + heading.style.spaceAfter
    # Not the header table placed under the heading: ReportLab marks a table
    # it had to move to the next page, and a marked one cannot move again.
    page_header = tables.header()
    body = []
    if not participant_list.shows_names:
        rows = [tables.row([entry.listed_name, entry.count_text]) for entry in group.delegations]
        first_rows = rows[:1]
        body.append(tables.table(rows))
    else:
        first_rows = []
        for entry in group.delegations:
            rows = [tables.name_row(entry.heading)]
            rows += [tables.row(cells) for cells in entry.cells]
            if entry.note:
                rows.append(tables.note_row(entry.note))
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
        "people": ParagraphStyle("people", body, spaceAfter=1 * mm),
        "issue": ParagraphStyle(
            "issue", body, fontSize=8.5, leading=11, textColor=_pdf_colour(_PDF_GREY)
        ),
        "marking": ParagraphStyle(
            "marking",
            body,
            fontName=font.bold,
            fontSize=11,
            leading=14,
            textColor=_pdf_colour(_PDF_MARKING),
        ),
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
        def __init__(
            self,
            *args,
            running_head: str,
            font: str,
            margin: float,
            footer: str = "",
            marking: str = "",
            bold: str = "",
            **kwargs,
        ):
            super().__init__(*args, **kwargs)
            self._running_head = running_head
            self._furniture_font = font
            self._margin = margin
            self._footer = footer
            self._marking = marking
            self._marking_font = bold or font
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
            foot = self._margin / 2
            self.drawRightString(width - self._margin, foot, f"Page {number} of {total}")
            room = width - 2 * self._margin
            if self._marking:
                # On every page, head and foot: whoever holds one page knows.
                self.saveState()
                self.setFont(self._marking_font, size)
                self.setFillColor(_pdf_colour(_PDF_MARKING))
                self.drawString(self._margin, height - self._margin / 2, self._marking)
                room -= stringWidth(self._marking, self._marking_font, size) + 6 * size
                self.restoreState()
            if self._footer:
                footer = " — ".join(part for part in (self._marking, self._footer) if part)
                self.drawString(self._margin, foot, footer)
            if number > 1:
                # The meeting's title at the head of every page after the first,
                # shortened to the line if it has to be.
                head = self._running_head
                if stringWidth(head, font, size) > room:
                    while head and stringWidth(f"{head}…", font, size) > room:
                        head = head[:-1]
                    head = f"{head.rstrip()}…"
                self.drawRightString(width - self._margin, height - self._margin / 2, head)
            self.restoreState()

    return NumberedCanvas


def render_participant_list_pdf(participant_list: ParticipantList) -> bytes:
    """An A4 document: the title block — the forum, "List of participants",
    the meeting's title, dates (at their precision) and place, its co-chairs
    and hosts, the version, date of issue and revision; the summary and the
    attendance paragraphs; then a heading and a table per capacity whose
    header row repeats on every page, each delegation kept on one page where
    it fits, with its note under it; the version, date of issue and revision
    and "Page 2 of 5" at the foot of every page, and a marked version's
    marking at the head and the foot of every page. Landscape when it has
    contact details, for the room."""
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

    marking = participant_list.marking
    story = [Paragraph(_pdf_markup(marking, bold=True), styles["marking"])] if marking else []
    story += [
        Paragraph(_pdf_markup(settings.SITE_LONG_NAME), styles["forum"]),
        Paragraph("List of participants", styles["title"]),
        Paragraph(_pdf_markup(meeting.title), styles["meeting"]),
    ]
    if participant_list.where_when:
        story.append(Paragraph(_pdf_markup(participant_list.where_when), styles["people"]))
    story += [Paragraph(_pdf_markup(line), styles["people"]) for line in participant_list.people]
    summary, *notes = participant_list.summary_paragraphs
    story += [
        Paragraph(_pdf_markup(participant_list.issue_line), styles["issue"]),
        HRFlowable(width="100%", thickness=1.5, color=_pdf_colour(_PDF_INK), spaceAfter=5 * mm),
        Paragraph(_pdf_markup(summary, bold=True), styles["summary"]),
        *(Paragraph(_pdf_markup(text), styles["body"]) for text in notes),
        *(Paragraph(_pdf_markup(text), styles["body"]) for text in participant_list.attendance),
    ]
    note_at = len(story)
    tables = _PdfTables(font=font, columns=_pdf_columns(participant_list), width=width, page=height)
    for group in participant_list.groups:
        heading = Paragraph(_pdf_markup(group.heading), styles["heading"])
        story += _pdf_group(participant_list, group, tables, heading)
    if note := tables.scripts.missing_note():
        story.insert(note_at, Paragraph(_pdf_markup(note), styles["body"]))

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
            _numbered_canvas_class(),
            running_head=meeting.title,
            font=font.regular,
            margin=margin,
            footer=participant_list.issue_line,
            marking=marking,
            bold=font.bold,
        ),
    )
    return buffer.getvalue()


# --- DOCX -----------------------------------------------------------------

# Word measures table widths in twentieths of a point.
_TWIPS_PER_CM = 1440 / 2.54


def render_participant_list_docx(participant_list: ParticipantList) -> bytes:
    """An editable Word document built from the template's own styles: the
    title block (as the PDF's), headings per capacity, a real table whose
    header row repeats on every page and whose delegations, with their notes,
    do not split across pages; the version, date of issue, revision and page
    numbers in the footer, and a marked version's marking in the header and
    the footer of every page and at the top of the first."""
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
    marking = participant_list.marking
    if marking:
        _add_marking(section.header.paragraphs[0], marking)
        _add_marking(document.add_paragraph(), marking)
    _add_page_number_footer(section, participant_list)

    document.add_heading("List of participants", level=0)
    document.add_paragraph(_docx_text(meeting.title), style="Subtitle")
    for line in ([participant_list.where_when] if participant_list.where_when else []) + list(
        participant_list.people
    ):
        document.add_paragraph(_docx_text(line))
    document.add_paragraph(_docx_text(participant_list.issue_line), style="Caption")
    for paragraph in participant_list.summary_paragraphs + participant_list.attendance:
        document.add_paragraph(_docx_text(paragraph))

    text_width = (section.page_width - section.left_margin - section.right_margin) / Cm(1)
    for group in participant_list.groups:
        document.add_heading(group.heading, level=1)
        _add_group_table(document, participant_list, group, text_width)

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


def _docx_columns(participant_list: ParticipantList, width_cm: float) -> list[_DocxColumn]:
    """The version's document columns (DELEGATE_COLUMNS) across `width_cm`."""
    if not participant_list.shows_names:
        return [
            _DocxColumn(DELEGATION_LABEL, width_cm * 0.7),
            _DocxColumn(COUNT_LABEL, width_cm * 0.3),
        ]
    columns = participant_list.document_columns
    total = sum(column.share for column in columns)
    return [_DocxColumn(column.label, width_cm * column.share / total) for column in columns]


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

    def add(self, values, *, header=False, keep_with_next=False, bold=False, italic=False):
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
            if bold or italic:
                run_properties = etree.SubElement(run, qn("w:rPr"))
                etree.SubElement(run_properties, qn("w:b" if bold else "w:i"))
            text_element = etree.SubElement(run, qn("w:t"))
            text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            text_element.text = text


def _add_group_table(document, participant_list: ParticipantList, group, width_cm) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    columns = _docx_columns(participant_list, width_cm)
    table = document.add_table(rows=0, cols=len(columns))
    table.style = "Light List Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    writer = _RowWriter(table, [column.width_cm for column in columns])
    writer.add([column.header for column in columns], header=True)

    if not participant_list.shows_names:
        for entry in group.delegations:
            writer.add([entry.listed_name, entry.count_text])
        return

    for entry in group.delegations:
        # The delegation's name spans the row and stays with its delegates
        # and its note, which spans the row too.
        rows = entry.cells
        writer.add([entry.heading], keep_with_next=bool(rows or entry.note), bold=True)
        for index, cells in enumerate(rows):
            writer.add(cells, keep_with_next=index < len(rows) - 1 or bool(entry.note))
        if entry.note:
            writer.add([entry.note], italic=True)


def _add_marking(paragraph, marking: str) -> None:
    """`marking`, bold and centred, as `paragraph` (an empty one)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import RGBColor

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(_docx_text(marking))
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(_PDF_MARKING.lstrip("#").upper())


def _add_page_number_footer(section, participant_list: ParticipantList) -> None:
    """The version, date of issue and revision, and 'Page 2 of 5' (Word
    fields that update themselves), in the footer; a marked version's
    marking before them."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if participant_list.marking:
        paragraph.add_run(_docx_text(participant_list.marking)).bold = True
        paragraph.add_run(" — ")
    paragraph.add_run(_docx_text(participant_list.issue_line))
    paragraph.add_run(" — Page ")
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
