"""The one contract for tabular output, and the renderers that write it.

An exporter describes one table: its columns (header, type, width) and its
rows, header first, read from one selector. The renderers here turn any
exporter into CSV or XLSX; an app adds document renderers (PDF, DOCX) of its
own where a table is not enough.

Spreadsheets run a cell that begins with `= + - @`, a tab or a carriage
return as a formula, so a delegate called "=HYPERLINK(…)" could make a
secretariat laptop fetch an address or worse. Both renderers escape such
cells: CSV prefixes them with an apostrophe (what a spreadsheet itself does
when a user types text that looks like a formula); XLSX stores them as text
with the cell's "quote prefix" flag set, which is the same apostrophe as a
workbook records it: the value stays exactly what was written and no
spreadsheet evaluates it, even after someone edits the cell.
"""

import csv
import datetime
import io
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

# Cells beginning with one of these are formulas to a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Characters an XLSX file cannot hold at all (XML 1.0 forbids them).
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Characters a worksheet's name may not contain, and its longest allowed length.
_SHEET_TITLE_ILLEGAL = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31

type CellValue = str | int | bool | datetime.date | None


class ColumnType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    """One column: its header, the type of its cells, and its width in characters."""

    header: str
    type: ColumnType = ColumnType.TEXT
    width: int = 16


class Exporter(ABC):
    """A table read from one selector: columns, then rows (header first)."""

    #: The document's title (a workbook's title property).
    title: str = "Export"
    #: The worksheet's name; the title when empty (Excel keeps 31 characters of it).
    sheet_name: str = ""
    #: Printed at the head and the foot of every page of a workbook (centred;
    #: the foot also numbers the pages). CSV has no pages and no place for them.
    page_header: str = ""
    page_footer: str = ""
    #: A line a workbook shows above the table, in bold (a marking). CSV has
    #: none: a line above the headers would be read as the headers.
    first_line: str = ""

    @abstractmethod
    def columns(self) -> Sequence[Column]:
        """The table's columns, in order."""

    @abstractmethod
    def data_rows(self) -> Iterable[Sequence[CellValue]]:
        """The rows after the header, one value per column."""

    def rows(self) -> Iterator[Sequence[CellValue]]:
        """The header, then every data row."""
        yield [column.header for column in self.columns()]
        yield from self.data_rows()


def needs_escaping(value: str) -> bool:
    """Whether a spreadsheet would run this text as a formula."""
    return value.startswith(FORMULA_TRIGGERS)


def escape_formula(value: str) -> str:
    """The text a CSV cell holds: an apostrophe before anything formula-like."""
    return f"'{value}" if needs_escaping(value) else value


def cell_text(value: CellValue) -> str:
    """A value as the text of a CSV cell: yes/no for booleans, ISO dates, '' for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return escape_formula(str(value))


def render_csv(exporter: Exporter) -> bytes:
    """The table as CSV: UTF-8 with a byte-order mark (so Excel reads accents
    right), comma-separated, a header row, CRLF line ends as RFC 4180 says."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in exporter.rows():
        writer.writerow([cell_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: no []:*?/\\, at most 31 characters."""
    cleaned = " ".join(_SHEET_TITLE_ILLEGAL.sub(" ", text).split())
    return cleaned[:SHEET_TITLE_MAX].strip() or "Sheet1"


def column_letter(index: int) -> str:
    """'A' for 1, 'Z' for 26, 'AA' for 27."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def render_xlsx(exporter: Exporter) -> bytes:
    """The table as an Excel workbook: the exporter's first line, if any, then
    typed cells under a bold header row, both frozen and printed at the top
    of every page; an autofilter over the whole table, the columns' widths,
    and the exporter's page header and footer."""
    # openpyxl is imported here: only the XLSX download needs it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    columns = list(exporter.columns())
    workbook = Workbook(write_only=True)
    workbook.properties.title = exporter.title
    workbook.properties.creator = "Bali Process Secretariat"
    sheet = workbook.create_sheet(sheet_title(exporter.sheet_name or exporter.title))
    # A write-only sheet takes its layout before the first row.
    header_row = 2 if exporter.first_line else 1
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"1:{header_row}"
    if exporter.page_header:
        sheet.oddHeader.center.text = _header_footer_text(exporter.page_header)
    if exporter.page_footer:
        sheet.oddFooter.center.text = _header_footer_text(exporter.page_footer)
    sheet.oddFooter.right.text = "Page &P of &N"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[column_letter(index)].width = column.width
    header_font = Font(bold=True)
    header_alignment = Alignment(vertical="top", wrap_text=True)

    row_count = 0
    if exporter.first_line:
        cell = WriteOnlyCell(sheet, value=_xlsx_text(exporter.first_line))
        cell.font = header_font
        sheet.append([cell])
        row_count += 1
    rows = exporter.rows()
    header = next(rows)
    header_cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=_xlsx_text(str(text)))
        cell.font = header_font
        cell.alignment = header_alignment
        header_cells.append(cell)
    sheet.append(header_cells)
    row_count += 1
    for row in rows:
        sheet.append(
            [_xlsx_cell(sheet, value) for value, _column in zip(row, columns, strict=True)]
        )
        row_count += 1
    sheet.auto_filter.ref = f"A{header_row}:{column_letter(max(len(columns), 1))}{row_count}"

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_text(value: str) -> str:
    return _XLSX_ILLEGAL.sub("", value)


def _header_footer_text(value: str) -> str:
    # "&" starts a code in a page header or footer ("&P", the page number).
    return _xlsx_text(value).replace("&", "&&")


def _xlsx_cell(sheet, value: CellValue):
    """A value for a write-only row. Plain values where they are safe (a cell
    object per value made a 2,000-row sheet slow); a cell object where the
    value needs a number format or must be kept from reading as a formula."""
    from openpyxl.cell import WriteOnlyCell

    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, bool | int):
        return value
    text = _xlsx_text(str(value))
    if not needs_escaping(text):
        # openpyxl writes a str as text unless it starts with "=", which
        # needs_escaping always catches.
        return text
    cell = WriteOnlyCell(sheet, value=text)
    # Text is text, whatever it begins with: never let openpyxl write a formula.
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


@dataclass(frozen=True)
class TableFormat:
    """A file format the shared renderers write."""

    extension: str
    content_type: str
    render: Callable[[Exporter], bytes]


TABLE_FORMATS = {
    "csv": TableFormat("csv", "text/csv; charset=utf-8", render_csv),
    "xlsx": TableFormat(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        render_xlsx,
    ),
}
