"""Spreadsheets shaped like the ones delegations send, built in the test
(no binary fixtures), and the short ways the import tests read them."""

import csv
import io
import zipfile

import openpyxl
from openpyxl.styles import Font

from meetings.importers import (
    DelegateImportError,
    delegate_import_preview,
    delegation_import,
    read_sheet,
)

HEADER = ["Country", "Full name", "Title", "Ministry", "Role", "E-mail"]


def csv_bytes(rows, *, encoding="utf-8", delimiter=",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows=None, *, sheets=None) -> bytes:
    """A workbook of one sheet "Delegates" holding `rows`, or of the sheets
    given as [(title, rows), ...]."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, sheet_rows in sheets or [("Delegates", rows)]:
        sheet = workbook.create_sheet(title)
        for row in sheet_rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def padded_xlsx(rows) -> bytes:
    """A workbook whose every row reaches column XFD, the last Excel has: a
    formatted empty cell there, as a sheet formatted "to the end" holds."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Delegates"
    bold = Font(bold=True)
    for number, row in enumerate(rows, start=1):
        sheet.append(row)
        sheet.cell(row=number, column=16384).font = bold
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_SHEET_END = b"</sheetData></worksheet>"


def long_xlsx(header, row: bytes, count: int, *, sized=True) -> bytes:
    """A workbook whose sheet holds `header`, then `row` (sheet XML of one
    <row>, without its number) `count` times: a sheet of hundreds of
    thousands of rows that unpacks to less than the workbook size guard.
    Its size is recorded (<dimension>) as Excel records it, unless not `sized`."""
    base = xlsx_bytes([header])
    source = zipfile.ZipFile(io.BytesIO(base))
    buffer = io.BytesIO()
    header_xml = (
        b"<row>"
        + b"".join(b'<c t="inlineStr"><is><t>%s</t></is></c>' % text.encode() for text in header)
        + b"</row>"
    )
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            if member.filename == "xl/worksheets/sheet1.xml":
                dimension = b'<dimension ref="A1:Z%d"/>' % (count + 1) if sized else b""
                archive.writestr(
                    member.filename,
                    _SHEET_START
                    + dimension
                    + b"<sheetData>"
                    + header_xml
                    + row * count
                    + _SHEET_END,
                )
            else:
                archive.writestr(member, source.read(member))
    return buffer.getvalue()


def inline_row(*texts: str) -> bytes:
    return (
        b"<row>"
        + b"".join(b'<c t="inlineStr"><is><t>%s</t></is></c>' % text.encode() for text in texts)
        + b"</row>"
    )


def sheet_of(content, filename="delegates.csv", layout=None):
    return read_sheet(content, filename, layout)


def preview_of(meeting, content, filename="delegates.csv", mapping=None, layout=None):
    return delegate_import_preview(
        meeting=meeting, sheet=read_sheet(content, filename, layout), mapping=mapping
    )


def problems_of(preview) -> list[str]:
    return [str(problem) for problem in preview.problems]


def notes_of(preview, topic=None) -> list[str]:
    return [str(note) for note in preview.notes if topic is None or note.topic == topic]


def import_file(meeting, content, filename="delegates.csv", mapping=None, layout=None):
    preview = preview_of(meeting, content, filename, mapping, layout)
    assert problems_of(preview) == []
    return delegation_import(meeting=meeting, rows=preview.rows, reason=f"Imported from {filename}")


def refused(content, filename="delegates.csv", layout=None) -> str:
    """The message a file is refused with (the test fails if it is read)."""
    try:
        read_sheet(content, filename, layout)
    except DelegateImportError as error:
        return str(error)
    raise AssertionError(f"{filename} was read")
