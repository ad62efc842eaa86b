"""Reading delegate lists: files refused with the reason, encodings, where
the list is in a sheet (title rows, several sheets), the bounds that keep a
padded or oversized workbook from holding a worker, and formulas."""

import datetime
import io
import time
import tracemalloc
import zipfile

import pytest
from django.test import override_settings

from meetings.importers import Layout, looks_like_formula
from tests.factories import ParticipantFactory
from tests.meetings.importing.spreadsheets import (
    csv_bytes,
    inline_row,
    long_xlsx,
    notes_of,
    padded_xlsx,
    preview_of,
    problems_of,
    refused,
    sheet_of,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

# --- Files refused ------------------------------------------------------------------------


def test_empty_file_is_refused():
    assert refused(b"") == "“delegates.csv” is empty."
    assert refused(b" \r\n\r\n") == "“delegates.csv” is empty."


@override_settings(DELEGATE_IMPORT_MAX_BYTES=1024)
def test_too_large_file_is_refused_naming_the_limit():
    message = refused(b"Country,Name\r\n" + b"Australia,Jane Citizen\r\n" * 100)

    assert message == (
        "“delegates.csv” is 2.4\xa0KB; the largest delegate list that can be imported is "
        "1.0\xa0KB. Split it into smaller files."
    )


def test_header_only_is_refused():
    assert refused(b"Country,Name\r\n") == (
        "“delegates.csv” has a header row but no rows of delegates below it."
    )


@override_settings(DELEGATE_IMPORT_MAX_ROWS=5000)
def test_ten_thousand_rows_are_refused_naming_the_limit():
    content = b"Country,Name\r\n" + b"".join(
        b"Australia,Person %d\r\n" % number for number in range(10_000)
    )

    assert refused(content) == (
        "“delegates.csv” has more than 5,000 rows of delegates; one import takes at most "
        "5,000. Split the list into smaller files."
    )


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"%PDF-1.7 ...", "delegates.csv", "“delegates.csv” is a PDF document, not a spreadsheet"),
        (
            b"\x89PNG\r\n\x1a\n....",
            "delegates.xlsx",
            "“delegates.xlsx” is a PNG image, not a spreadsheet",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "delegates.xlsx",
            "is an Excel 97–2003 (.xls) or other old Office file",
        ),
        (b"\x00\x01\x02binary", "delegates.csv", "is a binary file, not a spreadsheet"),
        (
            b"Country,Name\r\n",
            "delegates.pdf",
            "is not a CSV file (.csv) or an Excel workbook (.xlsx)",
        ),
    ],
)
def test_wrong_kinds_of_file_are_refused_by_their_content(content, filename, message):
    assert message in refused(content, filename)


def test_renamed_text_file_is_not_a_workbook():
    assert refused(b"Country,Name\r\nAustralia,Jane\r\n", "delegates.xlsx") == (
        "“delegates.xlsx” is named as an Excel workbook but holds plain text: if it is a CSV "
        "file, name it .csv; otherwise save it from Excel as .xlsx."
    )


def test_workbook_named_csv_is_refused():
    assert "is named as a CSV file but holds an Excel workbook" in refused(
        xlsx_bytes([["Country", "Name"]]), "delegates.csv"
    )


def test_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    word = buffer.getvalue()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", "not really")

    assert refused(word, "delegates.xlsx") == (
        "“delegates.xlsx” is a Word document, not an Excel workbook: save the delegate list "
        "from Excel as .xlsx, or as CSV."
    )
    assert refused(buffer.getvalue(), "delegates.xlsx").startswith(
        "“delegates.xlsx” is a ZIP archive, not an Excel workbook"
    )


def test_damaged_workbooks_are_refused():
    whole = xlsx_bytes([["Country", "Name"], ["Australia", "Jane"]])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "this is not XML")
        archive.writestr("[Content_Types].xml", "nor this")

    assert "is a damaged ZIP archive" in refused(whole[: len(whole) // 2], "delegates.xlsx")
    assert "could not be read as an Excel workbook" in refused(buffer.getvalue(), "delegates.xlsx")


def test_broken_encoding_names_the_lines_that_cannot_be_read():
    content = (
        b"Country,Name\r\nAustralia,Jane\r\nFrance,Ren\x81\x8d\r\nFiji,Ok\r\nPeru,\x90\x9d\r\n"
    )

    assert refused(content) == (
        "“delegates.csv” is not text in UTF-8 or Windows-1252, the encodings a CSV file is read "
        "in. Lines 3 and 5 could not be read. Save it from Excel as “CSV UTF-8 (Comma "
        "delimited)”."
    )


def test_a_file_of_empty_cells_has_no_header():
    assert refused(b",,,\r\n,,\r\n") == (
        "“delegates.csv” is empty: it has no header row and no rows."
    )


def test_many_unreadable_lines_are_counted_beyond_ten():
    content = b"Country,Name\r\n" + b"France,Ren\x81\r\n" * 12

    assert "Lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more could not be read." in refused(content)


def test_unclosed_quote_is_reported():
    assert refused(b'Country,Name\r\nAustralia,"Jane\r\n').startswith(
        "“delegates.csv” could not be read as CSV"
    )


# --- Encodings and separators --------------------------------------------------------------


def test_windows_1252_file_is_read_and_the_preview_says_so(meeting):
    france = ParticipantFactory(short_name="France", country="FR")
    content = csv_bytes([["Country", "Name"], ["France", "René Lefèvre"]], encoding="cp1252")

    preview = preview_of(meeting, content)

    assert notes_of(preview, "file") == [
        "The file is not UTF-8, so it was read as Windows-1252 (Western European) text: check "
        "that accented names look right below."
    ]
    assert [(change.participant, change.name) for change in preview.plan.created_delegates] == [
        (france, "René Lefèvre")
    ]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "note"),
    [
        ("utf-8-sig", ",", []),
        ("utf-8", ";", ["The columns are separated by semicolons."]),
        ("utf-16", "\t", ["The columns are separated by tabs."]),
    ],
)
def test_utf8_with_bom_semicolons_and_excel_unicode_text_are_read(encoding, delimiter, note):
    content = csv_bytes(
        [["Country", "Name"], ["Việt Nam", "Nguyễn Thị Hà"]], encoding=encoding, delimiter=delimiter
    )

    sheet = sheet_of(content)

    assert (sheet.headers, [cell.value for cell in sheet.rows[0].cells]) == (
        ["Country", "Name"],
        ["Việt Nam", "Nguyễn Thị Hà"],
    )
    assert [item.message for item in sheet.notes] == note


# --- Where the list is: the header row and the sheet -------------------------------------


def test_a_title_row_above_the_header_is_skipped_with_a_note(meeting, australia):
    content = xlsx_bytes(
        [
            ["Fifth Bali Regional Ministerial Conference — list of delegates"],
            [],
            ["Country", "Name", "Position"],
            ["Australia", "Jane Citizen", "Director"],
        ]
    )

    preview = preview_of(meeting, content, "delegates.xlsx")

    assert (preview.sheet.header_row, preview.sheet.headers) == (3, ["Country", "Name", "Position"])
    assert problems_of(preview) == []
    assert [change.name for change in preview.plan.created_delegates] == ["Jane Citizen"]
    assert notes_of(preview, "skipped") == [
        "Row 1 above the header row (row 3) was skipped: “Fifth Bali Regional Ministerial "
        "Conference — list of delegates”. If the headers are on another row, choose it below."
    ]


def test_title_rows_of_a_csv_file_are_skipped_too():
    content = csv_bytes(
        [["Delegates", ""], ["As at 1 March", ""], ["Country", "Name"], ["Australia", "Jane"]]
    )

    sheet = sheet_of(content)

    assert (sheet.header_row, [row.number for row in sheet.rows]) == (3, [4])
    assert sheet.notes[0].message.startswith(
        "Rows 1 and 2 above the header row (row 3) were skipped: “Delegates”, “As at 1 March”."
    )


def test_staff_may_choose_the_header_row():
    content = csv_bytes([["Country", "Name"], ["Participant", "Delegate"], ["Australia", "Jane"]])

    found = sheet_of(content)
    chosen = sheet_of(content, layout=Layout(header_row=2))

    assert (found.header_row, len(found.rows)) == (1, 2)
    assert (chosen.header_row, chosen.headers, len(chosen.rows)) == (
        2,
        ["Participant", "Delegate"],
        1,
    )
    assert found.top_rows == [
        (1, "Country | Name"),
        (2, "Participant | Delegate"),
        (3, "Australia | Jane"),
    ]


def test_a_header_row_that_is_not_among_the_first_rows_is_refused():
    assert refused(
        csv_bytes([["Country", "Name"], ["AU", "Jane"]]), layout=Layout(header_row=9)
    ) == (
        "Row 9 of “delegates.csv” is empty or not among its first rows: choose the row that "
        "holds the column headers."
    )


def test_the_first_sheet_whose_header_is_recognised_is_read(meeting, australia):
    content = xlsx_bytes(
        sheets=[
            ("Cover", [["Fifth Ministerial Conference"], ["Delegates are listed overleaf."]]),
            ("Delegates", [["Country", "Name"], ["Australia", "Jane Citizen"]]),
            ("Notes", [["Country", "Name"], ["Fiji", "Not this one"]]),
        ]
    )

    preview = preview_of(meeting, content, "delegates.xlsx")

    assert (preview.sheet.sheet_index, preview.sheet.sheet_name) == (1, "Delegates")
    assert problems_of(preview) == []
    assert notes_of(preview, "file") == [
        "The workbook has 3 sheets (“Cover”, “Delegates”, “Notes”); “Delegates”, the second, "
        "was read: the first sheet whose header row is recognised. Choose another sheet below "
        "to read it instead."
    ]


def test_staff_may_choose_another_sheet():
    content = xlsx_bytes(
        sheets=[
            ("Delegates", [["Country", "Name"], ["Australia", "Jane Citizen"]]),
            ("Late additions", [["Late additions"], ["Country", "Name"], ["Fiji", "Ana"]]),
        ]
    )

    sheet = sheet_of(content, "delegates.xlsx", Layout(sheet=1))

    assert (sheet.sheet_name, sheet.header_row, sheet.rows[0].cells[1].value) == (
        "Late additions",
        2,
        "Ana",
    )
    assert "“Late additions”, the second, was read: as chosen." in sheet.notes[0].message


def test_a_workbook_without_a_recognised_header_reads_its_first_sheet():
    sheet = sheet_of(
        xlsx_bytes(sheets=[("A", [["Nation", "Person"], ["AU", "Jane"]]), ("B", [["x"]])]),
        "delegates.xlsx",
    )

    assert (sheet.sheet_index, sheet.headers) == (0, ["Nation", "Person"])
    assert "no sheet has a header row that is recognised, so the first" in sheet.notes[0].message


# --- Bounds: padded and oversized workbooks ------------------------------------------------


def _timed(read):
    """(elapsed seconds, peak traced memory in MB) of reading, on separate runs."""
    started = time.perf_counter()
    read()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        read()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return elapsed, peak / 1e6


def test_a_workbook_padded_to_column_xfd_is_read_as_wide_as_its_header():
    rows = [["Country", "Name", "Position"]] + [
        ["Australia", f"Person {number}", "Director"] for number in range(1000)
    ]
    content = padded_xlsx(rows)

    elapsed, peak_mb = _timed(lambda: sheet_of(content, "delegates.xlsx"))
    sheet = sheet_of(content, "delegates.xlsx")

    assert len(content) < 40_000
    assert (sheet.headers, len(sheet.rows), len(sheet.rows[-1].cells)) == (
        ["Country", "Name", "Position"],
        1000,
        3,
    )
    assert elapsed < 2
    assert peak_mb < 200


def test_a_header_row_that_reaches_column_xfd_is_refused():
    content = xlsx_bytes([["Country", "Name", *[f"Column {n}" for n in range(200)]]])

    started = time.perf_counter()
    message = refused(content, "delegates.xlsx")

    assert message == (
        "The header row of “delegates.xlsx” (row 1) goes on past column CV: a delegate list "
        "has at most 100 columns. Delete the columns after the list's last one, or copy the "
        "list into a new sheet."
    )
    assert time.perf_counter() - started < 2


def test_a_csv_file_of_endless_empty_columns_is_read_as_wide_as_its_header():
    content = b"Country,Name" + b"," * 5000 + b"\r\n" + (b"Australia,Jane" + b"," * 5000 + b"\r\n")

    sheet = sheet_of(content)

    assert (sheet.headers, len(sheet.rows[0].cells)) == (["Country", "Name"], 2)


def test_a_workbook_of_770_000_rows_is_refused_quickly_and_in_little_memory():
    content = long_xlsx(["Country", "Name"], inline_row("Australia", "Jane Citizen"), 770_000)
    unpacked = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(content)).infolist())

    elapsed, peak_mb = _timed(lambda: refused(content, "delegates.xlsx"))

    assert unpacked < 2 * 1024 * 1024 * 40  # under the unpacked-size guard
    assert refused(content, "delegates.xlsx") == (
        "“delegates.xlsx” has more than 5,000 rows of delegates; one import takes at most "
        "5,000. Split the list into smaller files."
    )
    assert elapsed < 2
    assert peak_mb < 200


def test_a_large_sheet_that_does_not_record_its_size_is_refused_quickly():
    content = long_xlsx(["Country", "Name"], inline_row("Australia", "Jane"), 100_000, sized=False)

    started = time.perf_counter()
    message = refused(content, "delegates.xlsx")

    assert message.startswith("“delegates.xlsx” unpacks to 9.4\xa0MB, far more than a delegate")
    assert time.perf_counter() - started < 2


def test_a_workbook_of_blank_rows_below_its_header_is_refused_quickly():
    content = long_xlsx(["Country", "Name"], b"<row/>", 700_000)

    started = time.perf_counter()
    message = refused(content, "delegates.xlsx")

    assert message == "“delegates.xlsx” has a header row but no rows of delegates below it."
    assert time.perf_counter() - started < 2


@override_settings(DELEGATE_IMPORT_MAX_ROWS=10)
def test_reading_stops_after_a_long_run_of_blank_rows_and_says_so():
    content = csv_bytes([["Country", "Name"], ["Australia", "Jane"]] + [[""]] * 30 + [["AU", "X"]])

    sheet = sheet_of(content)

    assert [row.number for row in sheet.rows] == [2]
    assert sheet.notes[-1].message == (
        "Reading stopped at row 21: the rows below it were not read. A delegate list ends "
        "well before; if this one goes on, delete the blank rows in it."
    )


def test_values_to_the_right_of_the_last_header_are_not_read_but_noted():
    content = csv_bytes([["Country", "Name"], ["Australia", "Jane", "note"], ["AU", "John"]])

    sheet = sheet_of(content)

    assert [len(row.cells) for row in sheet.rows] == [2, 2]
    assert sheet.notes[0].message.startswith(
        "1 row (2) has values to the right of the last column with a header (B)"
    )


# --- Formulas, and cells that only look like them -----------------------------------------


def test_formulas_in_workbook_cells_are_refused_with_their_position(meeting, australia):
    content = xlsx_bytes(
        [
            ["Country", "Name", "Email"],
            ["Australia", "Jane Citizen", '=HYPERLINK("http://evil.example","x")'],
        ]
    )

    preview = preview_of(meeting, content, "delegates.xlsx")

    assert problems_of(preview) == [
        'Row 2, column “Email” (C2): the cell holds a formula (=HYPERLINK("http://evil.example","x"));'
        " formulas are never run or stored. Type the value itself."
    ]
    assert preview.rows == []


def test_formulas_in_csv_cells_are_refused_but_telephone_numbers_are_not(meeting, australia):
    content = csv_bytes(
        [
            ["Country", "Name", "Phone"],
            ["Australia", "Jane Citizen", "+61 2 6261 1111 ext. 123"],
            ["Australia", "=1+1", ""],
            ["Australia", "John Smith", "+cmd|' /C calc'!A0"],
            ["Australia", "Mary Major", "+62 812 555 (mobile)"],
            ["Australia", "Ana Lima", "+61 2 6261 1111; +61 412 345 678"],
            ["Australia", "Tom Ward", "+SUM(A1:A2)"],
        ]
    )

    preview = preview_of(meeting, content)

    assert problems_of(preview) == [
        "Row 3, column “Name” (B3): the cell holds a formula (=1+1); formulas are never run or "
        "stored. Type the value itself.",
        "Row 4, column “Phone” (C4): the cell holds a formula (+cmd|' /C calc'!A0); formulas "
        "are never run or stored. Type the value itself.",
        "Row 7, column “Phone” (C7): the cell holds a formula (+SUM(A1:A2)); formulas are "
        "never run or stored. Type the value itself.",
    ]
    assert [row.values.get("phone") for row in preview.rows] == [
        "+61 2 6261 1111 ext. 123",
        "+62 812 555 (mobile)",
        "+61 2 6261 1111; +61 412 345 678",
    ]


@pytest.mark.parametrize(
    ("text", "is_formula"),
    [
        ("=A1", True),
        ("@SUM(A1)", True),
        ("@A1", True),
        ("+SUM(A1)", True),
        ("-1+2", True),
        ("-2+3", True),
        ("+A1*2", True),
        ("+cmd|' /C calc'!A0", True),
        ("+61 2 6261 1111", False),
        ("+61 2 6261 1111 ext. 123", False),
        ("+62 812 555 (mobile)", False),
        ("+61 2 6261 1111; +61 412 345 678", False),
        ("+1-202-555-0123", False),
        ("-12", False),
        ("-", False),
        ("- see annex", False),
        ("@jane", False),
        ("Jane", False),
    ],
)
def test_what_looks_like_a_formula(text, is_formula):
    assert looks_like_formula(text) is is_formula


def test_escaped_cells_read_back_as_the_text_they_stand_for(meeting, australia):
    content = csv_bytes([["Country", "Name", "Phone"], ["Australia", "'=Jane", "'+61 2 6261 1111"]])

    preview = preview_of(meeting, content)

    assert problems_of(preview) == []
    assert (preview.rows[0].name, preview.rows[0].values["phone"]) == ("=Jane", "+61 2 6261 1111")


def test_workbook_cells_of_every_type_become_text():
    content = xlsx_bytes(
        [
            ["Country", "Name", "Position", "Agency", "Phone", "Listed", None, None],
            # A workbook's dates and times are naive: Excel has no time zones.
            ["Australia", "'=Jane", datetime.datetime(2004, 6, 7), 2.5, 61262611111, False],  # noqa: DTZ001
            [
                "Australia",
                "John",
                datetime.datetime(2004, 6, 7, 9, 30),  # noqa: DTZ001
                datetime.date(2004, 6, 8),
                4.0,
                True,
            ],
        ]
    )

    sheet = sheet_of(content, "delegates.xlsx")

    assert sheet.headers == ["Country", "Name", "Position", "Agency", "Phone", "Listed"]
    assert [[cell.value for cell in row.cells] for row in sheet.rows] == [
        ["Australia", "=Jane", "2004-06-07", "2.5", "61262611111", "no"],
        ["Australia", "John", "2004-06-07T09:30:00", "2004-06-08", "4", "yes"],
    ]
