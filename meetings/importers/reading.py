"""Reading a delegate list: a CSV file or an Excel workbook, judged by its
content and not only its name, into a Sheet of text cells.

- The file is refused, with a message that says why, when it is empty, too
  large, of the wrong kind, in a broken encoding, a damaged workbook, or
  bigger inside than a delegate list can be.
- The sheet: a workbook's first sheet whose header row is recognised (or the
  one staff choose); the others are named in a note.
- The header row: the row among the first ones that names the most fields
  (or the one staff choose); rows above it are skipped, with a note.
- Bounds: only the header's columns are read (a sheet formatted as far as
  column XFD is read as wide as its header), and reading stops at the row
  limit, so no sheet is ever held in memory whole. openpyxl reads the
  workbook as a stream (read_only); a row beyond the limit refuses the file.

Formulas are never evaluated or stored: a cell stored as a formula is marked
so, and the rows refuse it. A cell an export escaped (an apostrophe, or a
workbook's quote prefix) is read back as the text it stands for.
"""

import csv
import datetime
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from baliprocess.lib.exporters import FORMULA_TRIGGERS, column_letter
from meetings.importers.problems import (
    FILE,
    SKIPPED,
    DelegateImportError,
    ImportProblem,
    counted,
    note,
    numbers_text,
    shorten,
)
from meetings.importers.vocabulary import AMBIGUOUS_HEADERS, FIELD_OF_HEADER, header_key

ACCEPTED_EXTENSIONS = ("csv", "xlsx")
# A workbook may not unpack to more than this many times the upload limit
# (a "zip bomb" would otherwise fill the memory while being read), nor its
# table of shared strings, which openpyxl reads whole, to more than this.
MAX_UNPACKED_RATIO = 40
MAX_SHARED_STRINGS_RATIO = 2
# openpyxl reads a worksheet that does not record its size (<dimension>) to
# its end before giving a row: such sheets may together unpack to this many
# times the upload limit (Excel, LibreOffice and openpyxl always record it).
MAX_UNSIZED_SHEETS_RATIO = 1.5
# The widest header read: a delegate list has a dozen columns.
MAX_COLUMNS = 100
# The header row is looked for among the first rows that hold anything,
# within the first rows of the sheet.
HEADER_SEARCH_ROWS = 20
HEADER_SEARCH_LIMIT = 200
# How many sheets of a workbook are looked through for a header row.
MAX_SHEETS_SEARCHED = 20

_SPACES = re.compile(r"\s+")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SheetCell:
    value: str
    is_formula: bool = False
    # Escaped as text by whoever wrote it: never a formula, nor a placeholder.
    is_literal: bool = False


EMPTY = SheetCell("")


@dataclass
class SheetRow:
    number: int  # the row's number as a spreadsheet shows it
    cells: list[SheetCell]

    def cell(self, index: int) -> SheetCell:
        return self.cells[index] if index < len(self.cells) else EMPTY

    @property
    def is_empty(self) -> bool:
        return not any(cell.value or cell.is_formula for cell in self.cells)


@dataclass(frozen=True)
class Layout:
    """Where the list is: the sheet (its index) and the header row (its
    number); None where they are to be found."""

    sheet: int | None = None
    header_row: int | None = None

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "header_row": self.header_row}

    @classmethod
    def from_dict(cls, data: dict | None) -> "Layout":
        data = data or {}
        return cls(_int_or_none(data.get("sheet")), _int_or_none(data.get("header_row")))


def _int_or_none(value) -> int | None:
    return value if isinstance(value, int) and value >= 0 else None


@dataclass
class Sheet:
    """A delegate list as read from a file: headers, then rows of text cells."""

    filename: str
    format: str  # 'csv' or 'xlsx'
    headers: list[str]
    rows: list[SheetRow]
    notes: list[ImportProblem] = field(default_factory=list)
    header_row: int = 1
    sheet_names: list[str] = field(default_factory=list)  # a workbook's sheets
    sheet_index: int = 0
    # The first rows that hold anything: (number, a summary), to choose the header from.
    top_rows: list[tuple[int, str]] = field(default_factory=list)

    @property
    def layout(self) -> Layout:
        return Layout(self.sheet_index if self.sheet_names else None, self.header_row)

    @property
    def sheet_name(self) -> str:
        return self.sheet_names[self.sheet_index] if self.sheet_names else ""


def read_sheet(content: bytes, filename: str, layout: Layout | None = None) -> Sheet:
    """Read an uploaded delegate list. Raises DelegateImportError with a message for staff."""
    name = Path(filename or "upload").name
    _check_size(content, name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ACCEPTED_EXTENSIONS:
        raise DelegateImportError(
            f"“{name}” is not a CSV file (.csv) or an Excel workbook (.xlsx): "
            "save the list in one of those formats."
        )
    kind = _content_kind(content)
    _check_kind(kind, extension, name)
    reader = _read_xlsx if kind == "zip" else _read_csv
    sheet = reader(content, name, layout or Layout())
    if not sheet.rows:
        raise DelegateImportError(
            f"“{name}” has a header row but no rows of delegates below it."
            + (f" (The header row is row {sheet.header_row}.)" if sheet.header_row > 1 else "")
        )
    return sheet


def _check_size(content: bytes, name: str) -> None:
    limit = settings.DELEGATE_IMPORT_MAX_BYTES
    if len(content) > limit:
        raise DelegateImportError(
            f"“{name}” is {filesizeformat(len(content))}; the largest delegate list that can "
            f"be imported is {filesizeformat(limit)}. Split it into smaller files."
        )
    if not content.strip():
        raise DelegateImportError(f"“{name}” is empty.")


def _check_kind(kind: str, extension: str, name: str) -> None:
    if kind == "zip" and extension != "xlsx":
        raise DelegateImportError(
            f"“{name}” is named as a CSV file but holds an Excel workbook or another "
            "ZIP archive: name it .xlsx if it is a workbook, or save it as CSV."
        )
    if kind == "text" and extension != "csv":
        raise DelegateImportError(
            f"“{name}” is named as an Excel workbook but holds plain text: if it is a "
            "CSV file, name it .csv; otherwise save it from Excel as .xlsx."
        )
    if kind not in ("zip", "text"):
        raise DelegateImportError(f"“{name}” is {kind}, not a spreadsheet: {_KIND_ADVICE}")


_KIND_ADVICE = "save the delegate list as CSV (.csv) or as an Excel workbook (.xlsx)."
_SIGNATURES = (
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel 97–2003 (.xls) or other old Office file"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "a rich-text (RTF) document"),
)
_TEXT_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _content_kind(content: bytes) -> str:
    for signature, kind in _SIGNATURES:
        if content.startswith(signature):
            return kind
    if any(content.startswith(bom) for bom, _ in _TEXT_BOMS):
        return "text"
    if b"\x00" in content[:4096]:
        return "a binary file"
    return "text"


# --- Finding the list: the sheet and the header row -----------------------------


def header_score(cells: list[SheetCell]) -> int:
    """How many fields a row's cells name as headers."""
    named = set()
    for cell in cells:
        key = header_key(cell.value)
        if key in FIELD_OF_HEADER:
            named.add(FIELD_OF_HEADER[key])
        elif key in AMBIGUOUS_HEADERS:
            named.add(key)
    return len(named)


def _found_header(top: list[tuple[int, list[SheetCell]]]) -> tuple[int, bool]:
    """The number of the row that names the most fields (the first on a tie),
    and whether it names at least two; else the first row, and False."""
    scored = [(header_score(cells), -number) for number, cells in top]
    score, number = max(scored)
    if score >= 2:
        return -number, True
    return top[0][0], False


def _table(source, name: str, header_row: int | None) -> tuple[list[str], list[SheetRow], dict]:
    """Headers, rows and what was found (header row, skipped rows, top rows) of one source."""
    top = source.top_rows()
    if not top:
        raise DelegateImportError(f"“{name}” is empty: it has no header row and no rows.")
    chosen = dict(top)
    if header_row is None:
        header_row, _recognised = _found_header(top)
    elif header_row not in chosen:
        raise DelegateImportError(
            f"Row {header_row} of “{name}” is empty or not among its first rows: choose the "
            "row that holds the column headers."
        )
    headers = _headers(chosen[header_row], name, header_row)
    rows, notes = _data_rows(source, name, header_row, len(headers))
    found = {
        "header_row": header_row,
        "notes": [*_skipped_note(top, header_row), *notes],
        "top_rows": [(number, _summary(cells)) for number, cells in top],
    }
    return headers, rows, found


def _headers(cells: list[SheetCell], name: str, number: int) -> list[str]:
    headers = [clean_text(cell.value) for cell in cells]
    if len(headers) > MAX_COLUMNS and any(headers[MAX_COLUMNS:]):
        raise DelegateImportError(
            f"The header row of “{name}” (row {number}) goes on past column "
            f"{column_letter(MAX_COLUMNS)}: a delegate list has at most {MAX_COLUMNS} columns. "
            "Delete the columns after the list's last one, or copy the list into a new sheet."
        )
    while headers and not headers[-1]:
        headers.pop()
    return headers


def _skipped_note(top, header_row: int) -> list[ImportProblem]:
    above = [(number, cells) for number, cells in top if number < header_row]
    if not above:
        return []
    numbers = [number for number, _cells in above]
    shown = ", ".join(f"“{shorten(_summary(cells), 80)}”" for _number, cells in above[:3])
    more = " …" if len(above) > 3 else ""
    rows = f"Row {numbers[0]}" if len(numbers) == 1 else f"Rows {numbers_text(numbers)}"
    verb = "was" if len(numbers) == 1 else "were"
    return [
        note(
            f"{rows} above the header row (row {header_row}) {verb} skipped: {shown}{more}. "
            "If the headers are on another row, choose it below.",
            SKIPPED,
        )
    ]


def _summary(cells: list[SheetCell]) -> str:
    return " | ".join(clean_text(cell.value) for cell in cells if cell.value.strip())


def _data_rows(source, name: str, header_row: int, width: int):
    """The rows below the header, as wide as the header, up to the row limit."""
    limit = settings.DELEGATE_IMPORT_MAX_ROWS
    # Blank rows count towards where reading stops, so a sheet of a million
    # empty rows is not read to its end either.
    last_row = header_row + 2 * limit
    rows: list[SheetRow] = []
    beyond: list[int] = []
    stopped = False
    for number, cells in source.rows_after(header_row, width, last_row):
        if number > last_row:
            stopped = True
            break
        row = SheetRow(number, cells[:width])
        if row.is_empty:
            continue
        if len(rows) == limit:
            raise DelegateImportError(
                f"“{name}” has more than {limit:,} rows of delegates; one import takes at "
                f"most {limit:,}. Split the list into smaller files."
            )
        if any(cell.value for cell in cells[width:]):
            beyond.append(number)
        rows.append(row)
    return rows, _bounds_notes(beyond, stopped, width, last_row)


def _bounds_notes(beyond: list[int], stopped: bool, width: int, last_row: int):
    notes = []
    if beyond:
        notes.append(
            note(
                f"{counted(len(beyond), 'row')} ({numbers_text(beyond, 5)}) "
                f"{'has' if len(beyond) == 1 else 'have'} values to the right of the last "
                f"column with a header ({column_letter(width)}); they are not imported. Give "
                "that column a header in the file to import it.",
                FILE,
            )
        )
    if stopped:
        notes.append(
            note(
                f"Reading stopped at row {last_row:,}: the rows below it were not read. A "
                "delegate list ends well before; if this one goes on, delete the blank rows "
                "in it.",
                FILE,
            )
        )
    return notes


def clean_text(text: str) -> str:
    """The text with control characters taken out and runs of spaces made one."""
    return _SPACES.sub(" ", _CONTROL_CHARACTERS.sub("", str(text))).strip()


# --- CSV ----------------------------------------------------------------------------


def _read_csv(content: bytes, name: str, layout: Layout) -> Sheet:
    text, encoding_note = _decode(content, name)
    if "\x00" in text:
        raise DelegateImportError(f"“{name}” is a binary file, not CSV text: {_KIND_ADVICE}")
    source = _CsvSource(text, name)
    headers, rows, found = _table(source, name, layout.header_row)
    notes = [note(encoding_note, FILE)] if encoding_note else []
    if source.delimiter != ",":
        shown = "semicolons" if source.delimiter == ";" else "tabs"
        notes.append(note(f"The columns are separated by {shown}.", FILE))
    return Sheet(
        name,
        "csv",
        headers,
        rows,
        notes + found["notes"],
        header_row=found["header_row"],
        top_rows=found["top_rows"],
    )


class _CsvSource:
    """The records of a CSV text, read afresh for each pass (the text is at
    most the upload limit, and the csv module is quick)."""

    def __init__(self, text: str, name: str):
        self.text, self.name = text, name
        try:
            dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
            self.delimiter = dialect.delimiter
        except csv.Error:
            self.delimiter = ","

    def _records(self, width: int) -> Iterator[tuple[int, list[SheetCell]]]:
        reader = csv.reader(
            io.StringIO(self.text, newline=""), delimiter=self.delimiter, strict=True
        )
        try:
            for number, record in enumerate(reader, start=1):
                cells = [_csv_cell(value) for value in record[:width]]
                if any(value.strip() for value in record[width:]):
                    cells.append(SheetCell("…"))  # marks values beyond the header
                yield number, cells
        except csv.Error as error:
            raise DelegateImportError(
                f"“{self.name}” could not be read as CSV at line {reader.line_num}: {error}. "
                "Check that quotation marks are paired."
            ) from None

    def top_rows(self) -> list[tuple[int, list[SheetCell]]]:
        return _top(self._records(MAX_COLUMNS + 1))

    def rows_after(self, header_row: int, width: int, last_row: int):
        for number, cells in self._records(width):
            if number > header_row:
                yield number, cells
            if number > last_row:
                return


def _top(records) -> list[tuple[int, list[SheetCell]]]:
    top = []
    for number, cells in records:
        if number > HEADER_SEARCH_LIMIT:
            break
        if SheetRow(number, cells).is_empty:
            continue
        top.append((number, cells))
        if len(top) == HEADER_SEARCH_ROWS:
            break
    return top


def _csv_cell(raw: str) -> SheetCell:
    value = raw.strip()
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        # Escaped by an export: the text itself, never a formula.
        return SheetCell(value[1:], is_literal=True)
    return SheetCell(value, is_formula=looks_like_formula(value))


# A number or a telephone number: text a spreadsheet shows as written even
# though it begins with + or -.
_NUMBER_LIKE = re.compile(r"^[+-][\d\s().\-/]*$")
_FUNCTION_CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\s*\(")
_REFERENCE = re.compile(r"(?<![A-Za-z0-9_.])\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_.(])")
_EXTERNAL_LINK = re.compile(r"[|!]")
_ARITHMETIC = re.compile(r"^[\d.,%()\s]*\d[\d.,%()\s]*(?:[-+*/^&][\d.,%()\s]*\d[\d.,%()\s]*)+$")


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet would run this CSV text: '=…' always; '+', '-'
    or '@' followed by what it would evaluate: a function ('+SUM('), a cell
    ('@A1'), a link to another program ('+cmd|…'), a sum ('-1+2'). Not a
    telephone number with its extension or a note ('+61 2 6261 1111 ext.
    123', '+62 812 555 (mobile)'), nor a dash standing for nothing."""
    if value.startswith("="):
        return True
    if not value.startswith(("+", "-", "@")) or _NUMBER_LIKE.match(value):
        return False
    rest = value[1:]
    return bool(
        _FUNCTION_CALL.search(rest)
        or _REFERENCE.search(rest)
        or _EXTERNAL_LINK.search(rest)
        or _ARITHMETIC.match(rest)
    )


def _decode(content: bytes, name: str) -> tuple[str, str | None]:
    """The text and, when it was not UTF-8, a note saying which encoding was used."""
    for bom, encoding in _TEXT_BOMS:
        if content.startswith(bom):
            try:
                return content.decode(encoding), None
            except UnicodeDecodeError:
                _refuse_encoding(content, name)
    try:
        return content.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), (
            "The file is not UTF-8, so it was read as Windows-1252 (Western European) "
            "text: check that accented names look right below."
        )
    except UnicodeDecodeError:
        _refuse_encoding(content, name)


def _refuse_encoding(content: bytes, name: str):
    unreadable = [
        number for number, line in enumerate(content.split(b"\n"), start=1) if not _decodes(line)
    ]
    where = ""
    if len(unreadable) > 1:
        where = f" Lines {numbers_text(unreadable)} could not be read."
    elif unreadable:
        where = f" Line {unreadable[0]} could not be read."
    raise DelegateImportError(
        f"“{name}” is not text in UTF-8 or Windows-1252, the encodings a CSV file is "
        f"read in.{where} Save it from Excel as “CSV UTF-8 (Comma delimited)”."
    )


def _decodes(line: bytes) -> bool:
    for encoding in ("utf-8", "cp1252"):
        try:
            line.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


# --- XLSX ---------------------------------------------------------------------------


def _read_xlsx(content: bytes, name: str, layout: Layout) -> Sheet:
    _check_archive(content, name)
    # openpyxl is imported here: only an import of a workbook needs it.
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=False, keep_links=False
        )
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise DelegateImportError(
            f"“{name}” could not be read as an Excel workbook: it may be damaged, or "
            "protected with a password. Save it again from Excel as .xlsx, or as CSV."
        ) from None
    try:
        return _read_workbook(workbook, name, layout)
    finally:
        workbook.close()


def _check_archive(content: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise DelegateImportError(
            f"“{name}” is a damaged ZIP archive, not a readable Excel workbook: save it "
            "again from Excel as .xlsx."
        ) from None
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        what = "a Word document" if "word/document.xml" in names else "a ZIP archive"
        raise DelegateImportError(
            f"“{name}” is {what}, not an Excel workbook: save the delegate list from Excel "
            "as .xlsx, or as CSV."
        )
    limit = settings.DELEGATE_IMPORT_MAX_BYTES
    unpacked = sum(member.file_size for member in members)
    strings = sum(
        member.file_size
        for member in members
        if member.filename.lower().endswith("sharedstrings.xml")
    )
    unsized = sum(member.file_size for member in _unsized_sheets(archive, members))
    if (
        unpacked > limit * MAX_UNPACKED_RATIO
        or strings > limit * MAX_SHARED_STRINGS_RATIO
        or unsized > limit * MAX_UNSIZED_SHEETS_RATIO
    ):
        raise DelegateImportError(
            f"“{name}” unpacks to {filesizeformat(unpacked)}, far more than a delegate list "
            "needs; it was not read. Save the list again from Excel in a new workbook with "
            "only the delegates' sheet."
        )


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")


def _unsized_sheets(archive: zipfile.ZipFile, members) -> list[zipfile.ZipInfo]:
    """The worksheets that do not record their size before their rows."""
    unsized = []
    for member in members:
        if not (member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")):
            continue
        try:
            with archive.open(member) as stream:
                start = stream.read(65536)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            RuntimeError,
            NotImplementedError,
        ):
            continue  # openpyxl refuses it with the damaged-workbook message
        dimension, data = _DIMENSION.search(start), _SHEET_DATA.search(start)
        if dimension is None or (data is not None and data.start() < dimension.start()):
            unsized.append(member)
    return unsized


def _read_workbook(workbook, name: str, layout: Layout) -> Sheet:
    worksheets = workbook.worksheets
    if not worksheets:
        raise DelegateImportError(f"“{name}” has no worksheet.")
    index, how = _sheet_choice(worksheets, layout)
    worksheet = worksheets[index]
    headers, rows, found = _table(_XlsxSource(worksheet), name, layout.header_row)
    names = [sheet.title for sheet in worksheets]
    notes = [_sheets_note(names, index, how)] if len(names) > 1 else []
    return Sheet(
        name,
        "xlsx",
        headers,
        rows,
        notes + found["notes"],
        header_row=found["header_row"],
        sheet_names=names,
        sheet_index=index,
        top_rows=found["top_rows"],
    )


def _sheet_choice(worksheets, layout: Layout) -> tuple[int, str]:
    """The sheet to read, and how it was chosen: 'chosen', 'recognised' or 'first'."""
    if layout.sheet is not None and layout.sheet < len(worksheets):
        return layout.sheet, "chosen"
    for index, worksheet in enumerate(worksheets[:MAX_SHEETS_SEARCHED]):
        top = _XlsxSource(worksheet).top_rows()
        if top and _found_header(top)[1]:
            return index, "recognised"
    return 0, "first"


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _sheets_note(names: list[str], index: int, how: str) -> ImportProblem:
    which = _ORDINALS[index] if index < len(_ORDINALS) else f"number {index + 1}"
    why = {
        "chosen": "as chosen",
        "recognised": "the first sheet whose header row is recognised",
        "first": "no sheet has a header row that is recognised, so the first",
    }[how]
    listed = ", ".join(f"“{name}”" for name in names[:10]) + (" …" if len(names) > 10 else "")
    return note(
        f"The workbook has {len(names)} sheets ({listed}); “{names[index]}”, the {which}, "
        f"was read: {why}. Choose another sheet below to read it instead.",
        FILE,
    )


class _XlsxSource:
    """The rows of one worksheet, streamed by openpyxl, never more columns
    than asked for and never past the last row asked for."""

    def __init__(self, worksheet):
        self.worksheet = worksheet
        # Some programs write a wrong size into the sheet: read to its real end.
        worksheet.reset_dimensions()

    def top_rows(self) -> list[tuple[int, list[SheetCell]]]:
        rows = self.worksheet.iter_rows(max_col=MAX_COLUMNS + 1, max_row=HEADER_SEARCH_LIMIT)
        return _top(
            (number, [_xlsx_cell(cell) for cell in cells])
            for number, cells in enumerate(rows, start=1)
        )

    def rows_after(self, header_row: int, width: int, last_row: int):
        rows = self.worksheet.iter_rows(
            min_row=header_row + 1, max_col=max(width, 1) + 1, max_row=last_row + 1
        )
        for number, cells in enumerate(rows, start=header_row + 1):
            yield number, [_xlsx_cell(cell) for cell in cells]


def _xlsx_cell(cell) -> SheetCell:
    value = getattr(cell, "value", None)
    if value is None:
        return EMPTY
    if getattr(cell, "data_type", None) == "f" or type(value).__name__ in (
        "ArrayFormula",
        "DataTableFormula",
    ):
        return SheetCell(str(value if isinstance(value, str) else "formula"), is_formula=True)
    if isinstance(value, str):
        return _xlsx_text(cell, value)
    return SheetCell(_typed_text(value))


def _typed_text(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _xlsx_text(cell, value: str) -> SheetCell:
    text = value.strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return SheetCell(text[1:], is_literal=True)
    # A text cell is text in a workbook: Excel never runs it, and neither do we.
    # One with the quote prefix (as the exports write "-" or "=…") is text as written.
    quoted = getattr(cell, "has_style", False) and bool(cell.style_array.quotePrefix)
    return SheetCell(text, is_literal=quoted)
