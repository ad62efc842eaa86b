"""Reading delegate lists from spreadsheets: the file, its columns, its rows
and the preview staff confirm before anything is written.

- `read_sheet` reads a CSV or XLSX file, judged by its content and not only
  its name, and refuses what it cannot read with a message that says why:
  empty, too large, the wrong kind of file, a broken encoding, a damaged
  workbook, no rows after the header, too many rows.
- `recognise_columns` matches the headers to the fields (common variants,
  case and punctuation ignored); staff map the rest by hand.
- `delegate_import_preview` turns the rows into DelegateRow values (matching
  participants with ParticipantMatcher, never guessing) and asks
  meetings.services for the plan: what will be created, updated or left,
  and every problem with its row, column and a plain message.
- `ImportFileStore` keeps an uploaded file between preview and confirm in the
  private "imports" storage, named by a random token.

Formulas are never evaluated or stored: a cell holding one is refused with
its position. A cell an export escaped (an apostrophe before = + - @) is
read back as the text it stands for, so an exported list imports unchanged.
"""

import contextlib
import csv
import datetime
import difflib
import io
import os
import re
import secrets
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.template.defaultfilters import filesizeformat

from baliprocess.lib.exporters import FORMULA_TRIGGERS, column_letter
from meetings.models import Delegate, Delegation, Meeting
from meetings.services import (
    CAPACITY,
    HEAD_COUNT,
    DelegateRow,
    DelegationImportPlan,
    ImportIssue,
    delegation_import_plan,
)
from membership.models import Participant
from membership.selectors import ParticipantMatcher, name_key

ACCEPTED_EXTENSIONS = ("csv", "xlsx")
# A workbook may not unpack to more than this many times the upload limit
# (a "zip bomb" would otherwise fill the memory while being read).
MAX_UNPACKED_RATIO = 40


class ImportFileError(Exception):
    """A file that cannot be read as a delegate list; the message says why."""


# --- The fields, and the headers that mean them ------------------------------


@dataclass(frozen=True)
class ImportField:
    name: str
    label: str
    headers: tuple[str, ...]  # recognised header variants, as header_key() writes them


IMPORT_FIELDS = (
    ImportField(
        "participant",
        "Participant (country or organisation)",
        (
            "participant",
            "country",
            "countries",
            "delegation",
            "member",
            "memberstate",
            "state",
            "organisation",
            "organization",
            "countryorganisation",
            "countryorganization",
            "countryororganisation",
            "countryororganization",
            "countryterritoryororganisation",
            "participatingcountry",
        ),
    ),
    ImportField(
        "name",
        "Name",
        ("name", "fullname", "delegate", "delegatename", "nameofdelegate", "participantname"),
    ),
    ImportField(
        "honorific",
        "Honorific",
        ("honorific", "salutation", "prefix", "courtesytitle", "mrms", "honorifictitle"),
    ),
    ImportField(
        "position",
        "Position",
        ("position", "title", "jobtitle", "designation", "post", "function"),
    ),
    ImportField(
        "agency",
        "Agency",
        (
            "agency",
            "ministry",
            "department",
            "ministryagency",
            "ministryoragency",
            "ministryororganisation",
            "institution",
        ),
    ),
    ImportField("role", "Role", ("role", "roleindelegation", "delegationrole")),
    ImportField("email", "Email", ("email", "emailaddress", "mail")),
    ImportField(
        "phone",
        "Telephone",
        ("phone", "telephone", "tel", "phonenumber", "telephonenumber", "mobile"),
    ),
    ImportField(CAPACITY, "Capacity", ("capacity", "attendingas", "participation")),
    ImportField(
        "may_be_listed",
        "Listed (may be shown to member officials)",
        (
            "listed",
            "maybelisted",
            "namemaybelisted",
            "namemaybeshowntomemberofficials",
            "publishname",
            "consenttolist",
        ),
    ),
    ImportField(
        HEAD_COUNT,
        "Number of delegates (a row without names)",
        ("numberofdelegates", "headcount", "delegatecount", "delegates"),
    ),
)
FIELDS_BY_NAME = {item.name: item for item in IMPORT_FIELDS}

ROLE_WORDS = {
    "head": Delegate.Role.HEAD,
    "headofdelegation": Delegate.Role.HEAD,
    "hod": Delegate.Role.HEAD,
    "alternate": Delegate.Role.ALTERNATE,
    "alternatehead": Delegate.Role.ALTERNATE,
    "alternateheadofdelegation": Delegate.Role.ALTERNATE,
    "deputyhead": Delegate.Role.ALTERNATE,
    "deputyheadofdelegation": Delegate.Role.ALTERNATE,
    "delegate": Delegate.Role.DELEGATE,
    "member": Delegate.Role.DELEGATE,
    "adviser": Delegate.Role.ADVISER,
    "advisor": Delegate.Role.ADVISER,
}
CAPACITY_WORDS = {
    "member": Delegation.Capacity.MEMBER,
    "members": Delegation.Capacity.MEMBER,
    "observer": Delegation.Capacity.OBSERVER,
    "observers": Delegation.Capacity.OBSERVER,
    "guest": Delegation.Capacity.GUEST,
    "guests": Delegation.Capacity.GUEST,
    "secretariat": Delegation.Capacity.SECRETARIAT,
}
# A spreadsheet lists the people a delegation sends: "not recorded" is for the
# historical record, not a choice an import offers.
YES_WORDS = {"yes", "y", "true", "1", "x"}
NO_WORDS = {"no", "n", "false", "0"}

_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A number or a telephone number: text a spreadsheet shows as written even
# though it begins with + or -.
_NUMBER_LIKE = re.compile(r"^[+-][\d\s().\-/]*$")


def header_key(text: str) -> str:
    """'E-mail', 'EMAIL' and 'e mail' all become 'email'."""
    return _NOT_ALPHANUMERIC.sub("", str(text).casefold())


def recognise_columns(headers: list[str]) -> dict[int, str]:
    """{column index: field name} for the headers recognised; the first
    column wins when two headers mean the same field."""
    by_key = {key: item.name for item in IMPORT_FIELDS for key in item.headers}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = by_key.get(header_key(header))
        if name and name not in mapping.values():
            mapping[index] = name
    return mapping


def parse_mapping_options(options: Iterable[str], headers: list[str]) -> dict[int, str]:
    """Mapping changes from `--map "Header=field"` options: an empty field
    ignores the column. Raises ImportFileError naming what is wrong."""
    by_header = {header_key(header): index for index, header in enumerate(headers)}
    changes: dict[int, str] = {}
    for option in options:
        header, separator, name = option.partition("=")
        if not separator:
            raise ImportFileError(f'“{option}” is not of the form "Header=field".')
        index = by_header.get(header_key(header))
        if index is None:
            raise ImportFileError(
                f"The file has no column “{header.strip()}”; its columns are: "
                + ", ".join(f"“{text}”" for text in headers)
                + "."
            )
        name = name.strip()
        if name and name not in FIELDS_BY_NAME:
            raise ImportFileError(
                f"“{name}” is not a field; the fields are: " + ", ".join(FIELDS_BY_NAME) + "."
            )
        changes[index] = name
    return changes


def apply_mapping_changes(mapping: Mapping[int, str], changes: Mapping[int, str]) -> dict:
    """`mapping` with `changes` applied; a field given to a new column leaves its old one."""
    result = dict(mapping)
    for index, name in changes.items():
        if name:
            result = {column: value for column, value in result.items() if value != name}
            result[index] = name
        else:
            result.pop(index, None)
    return result


def mapping_problems(mapping: Mapping[int, str]) -> list[str]:
    """What a mapping lacks before rows can be read ([] when it is usable)."""
    problems = []
    names = list(mapping.values())
    for name in sorted({name for name in names if names.count(name) > 1}):
        problems.append(f"Two columns are mapped to “{FIELDS_BY_NAME[name].label}”; keep one.")
    if "participant" not in names:
        problems.append(
            "No column gives the participant (the country or organisation): "
            "choose which column does."
        )
    if "name" not in names and HEAD_COUNT not in names:
        problems.append(
            "No column gives the delegates' names (or, for a delegation whose names "
            "were not recorded, its number of delegates): choose which column does."
        )
    return problems


# --- Reading the file ----------------------------------------------------------


@dataclass(frozen=True)
class SheetCell:
    value: str
    is_formula: bool = False


@dataclass
class SheetRow:
    number: int  # the row's number as a spreadsheet shows it (the header is row 1)
    cells: list[SheetCell]

    def cell(self, index: int) -> SheetCell:
        return self.cells[index] if index < len(self.cells) else SheetCell("")


@dataclass
class Sheet:
    """A delegate list as read from a file: headers, then rows with text cells."""

    filename: str
    format: str  # 'csv' or 'xlsx'
    headers: list[str]
    rows: list[SheetRow]
    notes: list[str] = field(default_factory=list)


def read_sheet(content: bytes, filename: str) -> Sheet:
    """Read an uploaded delegate list. Raises ImportFileError with a message for staff."""
    name = Path(filename or "upload").name
    limit = settings.DELEGATE_IMPORT_MAX_BYTES
    if len(content) > limit:
        raise ImportFileError(
            f"“{name}” is {filesizeformat(len(content))}; the largest delegate list that can "
            f"be imported is {filesizeformat(limit)}. Split it into smaller files."
        )
    if not content.strip():
        raise ImportFileError(f"“{name}” is empty.")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ACCEPTED_EXTENSIONS:
        raise ImportFileError(
            f"“{name}” is not a CSV file (.csv) or an Excel workbook (.xlsx): "
            "save the list in one of those formats."
        )
    kind = _content_kind(content)
    if kind == "zip":
        if extension != "xlsx":
            raise ImportFileError(
                f"“{name}” is named as a CSV file but holds an Excel workbook or another "
                "ZIP archive: name it .xlsx if it is a workbook, or save it as CSV."
            )
        sheet = _read_xlsx(content, name)
    elif kind == "text":
        if extension != "csv":
            raise ImportFileError(
                f"“{name}” is named as an Excel workbook but holds plain text: if it is a "
                "CSV file, name it .csv; otherwise save it from Excel as .xlsx."
            )
        sheet = _read_csv(content, name)
    else:
        raise ImportFileError(f"“{name}” is {kind}, not a spreadsheet: {_KIND_ADVICE}")
    _check_rows(sheet)
    return sheet


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


def _check_rows(sheet: Sheet) -> None:
    if not sheet.headers:
        raise ImportFileError(f"“{sheet.filename}” is empty: it has no header row and no rows.")
    if not sheet.rows:
        raise ImportFileError(
            f"“{sheet.filename}” has a header row but no rows of delegates below it."
        )
    limit = settings.DELEGATE_IMPORT_MAX_ROWS
    if len(sheet.rows) > limit:
        raise ImportFileError(
            f"“{sheet.filename}” has {len(sheet.rows):,} rows of delegates; one import takes "
            f"at most {limit:,}. Split the list into smaller files."
        )


def _decode(content: bytes, name: str) -> tuple[str, str | None]:
    """The text and, when it was not UTF-8, a note saying which encoding was used."""
    for bom, encoding in _TEXT_BOMS:
        if content.startswith(bom):
            try:
                return content.decode(encoding), None
            except UnicodeDecodeError:
                break
    else:
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
            pass
    unreadable = []
    for number, line in enumerate(content.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line.decode("cp1252")
            except UnicodeDecodeError:
                unreadable.append(number)
    where = (
        f" Lines {_numbers(unreadable)} could not be read."
        if len(unreadable) > 1
        else f" Line {unreadable[0]} could not be read."
        if unreadable
        else ""
    )
    raise ImportFileError(
        f"“{name}” is not text in UTF-8 or Windows-1252, the encodings a CSV file is "
        f"read in.{where} Save it from Excel as “CSV UTF-8 (Comma delimited)”."
    )


def _numbers(numbers: list[int], most: int = 10) -> str:
    shown = [str(number) for number in numbers[:most]]
    if len(numbers) > most:
        return ", ".join(shown) + f" and {len(numbers) - most} more"
    return ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else shown[0]


def _read_csv(content: bytes, name: str) -> Sheet:
    text, note = _decode(content, name)
    if "\x00" in text:
        raise ImportFileError(f"“{name}” is a binary file, not CSV text: {_KIND_ADVICE}")
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    headers: list[str] = []
    rows: list[SheetRow] = []
    number = 0
    try:
        for record in reader:
            number += 1
            cells = [_csv_cell(value) for value in record]
            if not any(cell.value for cell in cells):
                continue
            if not headers:
                headers = [_clean(cell.value) for cell in cells]
                continue
            rows.append(SheetRow(number, cells))
    except csv.Error as error:
        raise ImportFileError(
            f"“{name}” could not be read as CSV at line {reader.line_num}: {error}. "
            "Check that quotation marks are paired."
        ) from None
    notes = [note] if note else []
    if delimiter != ",":
        shown = "semicolons" if delimiter == ";" else "tabs"
        notes.append(f"The columns are separated by {shown}.")
    return Sheet(name, "csv", headers, rows, notes)


def _csv_cell(raw: str) -> SheetCell:
    value = raw.strip()
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        # Escaped by an export: the text itself, never a formula.
        return SheetCell(value[1:])
    return SheetCell(value, is_formula=looks_like_formula(value))


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet would run this text: '=…' and '@…' always; '+…'
    and '-…' unless they are a number or a telephone number ('+62 21 384 8626')."""
    if value.startswith(("=", "@")):
        return True
    if value.startswith(("+", "-")):
        return not _NUMBER_LIKE.match(value)
    return False


def _read_xlsx(content: bytes, name: str) -> Sheet:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise ImportFileError(
            f"“{name}” is a damaged ZIP archive, not a readable Excel workbook: save it "
            "again from Excel as .xlsx."
        ) from None
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        what = "a Word document" if "word/document.xml" in names else "a ZIP archive"
        raise ImportFileError(
            f"“{name}” is {what}, not an Excel workbook: save the delegate list from Excel "
            "as .xlsx, or as CSV."
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > settings.DELEGATE_IMPORT_MAX_BYTES * MAX_UNPACKED_RATIO:
        raise ImportFileError(
            f"“{name}” unpacks to {filesizeformat(unpacked)}, far more than a delegate list "
            "needs; it was not read. Save the list again with only the delegates' sheet."
        )
    # openpyxl is imported here: only an import of a workbook needs it.
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=False, keep_links=False
        )
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise ImportFileError(
            f"“{name}” could not be read as an Excel workbook: it may be damaged, or "
            "protected with a password. Save it again from Excel as .xlsx, or as CSV."
        ) from None
    try:
        if not workbook.worksheets:
            raise ImportFileError(f"“{name}” has no worksheet.")
        worksheet = workbook.worksheets[0]
        # Some programs write a wrong size into the sheet: read to its real end.
        worksheet.reset_dimensions()
        headers: list[str] = []
        rows: list[SheetRow] = []
        for number, cells in enumerate(worksheet.iter_rows(), start=1):
            values = [_xlsx_cell(cell) for cell in cells]
            if not any(cell.value or cell.is_formula for cell in values):
                continue
            if not headers:
                headers = [_clean(cell.value) for cell in values]
                continue
            rows.append(SheetRow(number, values))
        notes = []
        if len(workbook.worksheets) > 1:
            notes.append(
                f"The workbook has {len(workbook.worksheets)} sheets; only the first, "
                f"“{worksheet.title}”, was read."
            )
    finally:
        workbook.close()
    while headers and not headers[-1]:
        headers.pop()
    return Sheet(name, "xlsx", headers, rows, notes)


def _xlsx_cell(cell) -> SheetCell:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" or type(value).__name__ in (
        "ArrayFormula",
        "DataTableFormula",
    ):
        return SheetCell(str(value if isinstance(value, str) else "formula"), is_formula=True)
    if value is None:
        return SheetCell("")
    if isinstance(value, bool):
        return SheetCell("yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        return SheetCell(str(int(value)))
    if isinstance(value, datetime.datetime):
        text = value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
        return SheetCell(text)
    if isinstance(value, datetime.date | datetime.time):
        return SheetCell(value.isoformat())
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return SheetCell(text[1:])
    # A text cell is text in a workbook: Excel never runs it, and neither do we.
    return SheetCell(text)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _CONTROL_CHARACTERS.sub("", str(text))).strip()


# --- Rows to delegates, and the preview ---------------------------------------


@dataclass(frozen=True)
class ImportColumn:
    index: int
    header: str
    field: str  # '' when the column is ignored

    @property
    def letter(self) -> str:
        return column_letter(self.index + 1)

    @property
    def field_label(self) -> str:
        return FIELDS_BY_NAME[self.field].label if self.field else ""


@dataclass(frozen=True)
class ImportProblem:
    """A problem to fix in the spreadsheet: where it is and what is wrong."""

    row: int | None
    column: ImportColumn | None
    message: str

    @property
    def cell(self) -> str:
        """'D7': the cell's reference, or the column's letter for a whole column."""
        if self.column is None:
            return ""
        return f"{self.column.letter}{self.row}" if self.row else self.column.letter

    @property
    def where(self) -> str:
        parts = []
        if self.row is not None:
            parts.append(f"Row {self.row}")
        if self.column is not None:
            parts.append(f"column “{self.column.header}” ({self.cell})")
        return ", ".join(parts)

    @property
    def sentence(self) -> str:
        """The message on its own, as a sentence (a table of problems shows it so)."""
        return self.message[:1].upper() + self.message[1:]

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ImportPreview:
    """Everything staff see before confirming an import."""

    meeting: Meeting
    sheet: Sheet
    columns: list[ImportColumn]
    rows: list[DelegateRow]
    problems: list[ImportProblem]
    plan: DelegationImportPlan | None

    @property
    def mapping(self) -> dict[int, str]:
        return {column.index: column.field for column in self.columns if column.field}

    @property
    def ignored_columns(self) -> list[ImportColumn]:
        return [column for column in self.columns if not column.field]

    @property
    def can_import(self) -> bool:
        return not self.problems and self.plan is not None and self.plan.writes_anything

    @property
    def has_nothing_to_do(self) -> bool:
        return not self.problems and self.plan is not None and not self.plan.writes_anything


def delegate_import_preview(
    *, meeting: Meeting, sheet: Sheet, mapping: Mapping[int, str] | None = None
) -> ImportPreview:
    """Read `sheet` with `mapping` ({column index: field}; recognised headers
    when None) and plan the import into `meeting` without writing anything."""
    if mapping is None:
        mapping = recognise_columns(sheet.headers)
    columns = [
        ImportColumn(
            index, header or f"(column {column_letter(index + 1)})", mapping.get(index, "")
        )
        for index, header in enumerate(sheet.headers)
    ]
    problems = [ImportProblem(None, None, message) for message in mapping_problems(mapping)]
    if problems:
        return ImportPreview(meeting, sheet, columns, [], problems, None)

    rows, row_problems = _delegate_rows(sheet, columns)
    problems += row_problems
    plan = delegation_import_plan(meeting=meeting, rows=rows)
    by_field = {column.field: column for column in columns if column.field}
    for issue in plan.issues:
        problems.append(_problem(issue, by_field))
    problems.sort(
        key=lambda problem: (problem.row or 0, problem.column.index if problem.column else -1)
    )
    return ImportPreview(meeting, sheet, columns, rows, problems, plan)


# Fields of the models whose errors belong to a column under another name.
_COLUMN_OF_FIELD = {"capacity_override": CAPACITY, "reported_head_count": HEAD_COUNT}


def _problem(issue: ImportIssue, by_field: Mapping[str, ImportColumn]) -> ImportProblem:
    column = by_field.get(_COLUMN_OF_FIELD.get(issue.field, issue.field))
    return ImportProblem(issue.row, column, issue.message)


def _delegate_rows(
    sheet: Sheet, columns: list[ImportColumn]
) -> tuple[list[DelegateRow], list[ImportProblem]]:
    matcher = ParticipantMatcher()
    suggestions = _Suggestions()
    mapped = [column for column in columns if column.field]
    rows: list[DelegateRow] = []
    problems: list[ImportProblem] = []
    for sheet_row in sheet.rows:
        given: dict[str, str] = {}
        row_problems: list[ImportProblem] = []
        for column in mapped:
            cell = sheet_row.cell(column.index)
            if cell.is_formula:
                row_problems.append(
                    ImportProblem(
                        sheet_row.number,
                        column,
                        f"the cell holds a formula ({_shorten(cell.value)}); formulas are "
                        "never run or stored. Type the value itself.",
                    )
                )
                continue
            value = _clean(cell.value)
            if value:
                given[column.field] = value
        if not given and not row_problems:
            continue  # a row with values only in ignored columns
        row, problems_of_row = _delegate_row(sheet_row.number, given, mapped, matcher, suggestions)
        row_problems += problems_of_row
        if row_problems:
            problems += row_problems
        elif row is not None:
            rows.append(row)
    return rows, problems


def _delegate_row(number, given, mapped, matcher, suggestions):
    column_of = {column.field: column for column in mapped}
    problems = []

    def problem(name, message):
        problems.append(ImportProblem(number, column_of.get(name), message))

    participant = None
    participant_text = given.get("participant", "")
    if not participant_text:
        problem("participant", "no participant: every row needs its country or organisation.")
    else:
        match = matcher.match(participant_text)
        if match.participant is not None:
            participant = match.participant
        elif match.candidates:
            problem(
                "participant",
                f"“{participant_text}” could be "
                + " or ".join(
                    f"{candidate.name} ({candidate.short_name})" for candidate in match.candidates
                )
                + ": write the name in full, or its ISO code or acronym.",
            )
        else:
            close = suggestions(participant_text)
            advice = f" Did you mean {close}?" if close else ""
            problem(
                "participant",
                f"no participant is called “{participant_text}”.{advice} Add it (or this "
                "name as one of its alternative names) in the admin, or correct the file.",
            )

    name = given.get("name", "")
    values: dict[str, object] = {}
    for text_field in ("honorific", "position", "agency", "email", "phone"):
        if text_field in given:
            values[text_field] = given[text_field]
    if "role" in given:
        role = ROLE_WORDS.get(header_key(given["role"]))
        if role is None:
            problem(
                "role",
                f"“{given['role']}” is not a role; use one of: "
                + ", ".join(
                    label for value, label in Delegate.Role.choices if value in ROLE_WORDS.values()
                )
                + ".",
            )
        else:
            values["role"] = role
    if "may_be_listed" in given:
        answer = given["may_be_listed"].casefold()
        if answer in YES_WORDS:
            values["may_be_listed"] = True
        elif answer in NO_WORDS:
            values["may_be_listed"] = False
        else:
            problem("may_be_listed", f"“{given['may_be_listed']}” is not yes or no.")
    capacity = None
    if CAPACITY in given:
        capacity = CAPACITY_WORDS.get(header_key(given[CAPACITY]))
        if capacity is None:
            problem(
                CAPACITY,
                f"“{given[CAPACITY]}” is not a capacity; use one of: "
                + ", ".join(
                    label
                    for value, label in Delegation.Capacity.choices
                    if value in CAPACITY_WORDS.values()
                )
                + ".",
            )
    head_count = None
    if HEAD_COUNT in given:
        text = given[HEAD_COUNT]
        head_count = int(text) if text.isdigit() else None
        if head_count is None or head_count > 32767:
            problem(HEAD_COUNT, f"“{text}” is not a number of delegates (a whole number).")
            head_count = None
    if not name and head_count is None and not problems and values:
        problem("name", "no name: a delegate's row needs the delegate's name.")
    if problems or participant is None:
        return None, problems
    return (
        DelegateRow(
            row=number,
            participant=participant,
            name=name,
            values=values,
            capacity=capacity,
            head_count=head_count,
        ),
        problems,
    )


class _Suggestions:
    """Participants' names close to an unmatched one, offered to staff and
    never chosen for them. Loaded (one query) on the first unmatched name."""

    def __init__(self):
        self._names: dict[str, str] | None = None

    def __call__(self, text: str) -> str:
        if self._names is None:
            self._names = {}
            for name, short_name in Participant.objects.values_list("name", "short_name"):
                self._names.setdefault(name_key(name), short_name)
                self._names.setdefault(name_key(short_name), short_name)
        close = difflib.get_close_matches(name_key(text), list(self._names), n=3, cutoff=0.75)
        names = list(dict.fromkeys(self._names[key] for key in close))
        return " or ".join(f"“{name}”" for name in names)


def _shorten(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def import_summary(plan: DelegationImportPlan, filename: str) -> str:
    """'Imported “list.xlsx”: 12 delegates added, 3 updated, 5 unchanged; 2 delegations
    added.' — what staff are told once an import is written."""
    text = (
        f"Imported “{filename}”: {_counted(len(plan.created_delegates), 'delegate')} added, "
        f"{len(plan.updated_delegates)} updated, {len(plan.unchanged_delegates)} unchanged"
    )
    delegations = []
    if plan.created_delegations:
        delegations.append(f"{_counted(len(plan.created_delegations), 'delegation')} added")
    if plan.updated_delegations:
        delegations.append(f"{_counted(len(plan.updated_delegations), 'delegation')} updated")
    if delegations:
        text += "; " + ", ".join(delegations)
    return text + "."


# --- Keeping the file between preview and confirm ----------------------------


class ImportFileStore:
    """Uploaded lists kept between preview and confirm, in private storage.

    Each upload is `<token>/upload.<extension>` in the "imports" storage
    (settings.STORAGES): a private folder under MEDIA_ROOT by default, a
    prefix of the object-storage bucket when S3 is configured. Through
    Django's storage API, never the local disk directly, so a preview served by
    one app server can be confirmed on another. The token is 32 random
    hexadecimal characters; one that is not of that form is refused before it
    reaches the storage. Files older than `max_age` seconds count as stale
    and are removed.
    """

    TOKEN = re.compile(r"[0-9a-f]{32}")

    def __init__(self, storage: Storage | None = None, *, max_age: int = 6 * 3600):
        self.storage = storage if storage is not None else storages["imports"]
        self.max_age = max_age

    def save(self, content: bytes, filename: str) -> str:
        self.prune()
        token = secrets.token_hex(16)
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "csv"
        if not extension.isalnum():
            extension = "csv"  # the reader judges the file by its content anyway
        self.storage.save(f"{token}/upload.{extension}", ContentFile(content))
        return token

    def _names(self, token: str) -> list[str]:
        try:
            _folders, files = self.storage.listdir(token)
        except FileNotFoundError:
            return []
        return sorted(f"{token}/{name}" for name in files if name.startswith("upload."))

    def _is_stale(self, name: str) -> bool:
        try:
            modified = self.storage.get_modified_time(name)
        except (FileNotFoundError, NotImplementedError):
            return True
        return time.time() - modified.timestamp() > self.max_age

    def load(self, token: str) -> bytes | None:
        """The stored file of `token`, or None when there is none or it is stale."""
        if not self.TOKEN.fullmatch(token or ""):
            return None
        names = self._names(token)
        if not names:
            return None
        if self._is_stale(names[0]):
            self.delete(token)
            return None
        try:
            with self.storage.open(names[0], "rb") as stored:
                return stored.read()
        except FileNotFoundError:  # deleted by a cancel on another server meanwhile
            return None

    def delete(self, token: str) -> None:
        if not self.TOKEN.fullmatch(token or ""):
            return
        for name in self._names(token):
            self.storage.delete(name)
        # A file system keeps the emptied folder; object storage has no folders.
        with contextlib.suppress(NotImplementedError, OSError):
            os.rmdir(self.storage.path(token))

    def prune(self) -> None:
        """Remove uploads nobody confirmed or cancelled in time."""
        for token in list(self.tokens()):
            names = self._names(token)
            if not names or all(self._is_stale(name) for name in names):
                self.delete(token)

    def tokens(self) -> Iterator[str]:
        try:
            folders, _files = self.storage.listdir("")
        except FileNotFoundError:
            return
        yield from (folder for folder in folders if self.TOKEN.fullmatch(folder))
