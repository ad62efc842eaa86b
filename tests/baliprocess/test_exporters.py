"""The exporter contract and its CSV and XLSX renderers (baliprocess.lib.exporters)."""

import csv
import datetime
import io

import openpyxl
import pytest

from baliprocess.lib.exporters import (
    TABLE_FORMATS,
    Column,
    ColumnType,
    Exporter,
    cell_text,
    column_letter,
    escape_formula,
    render_csv,
    render_xlsx,
    sheet_title,
)


class TableExporter(Exporter):
    """An exporter over a list given in the test (the real ones read a selector)."""

    def __init__(self, columns, rows, title="Delegates: Brisbane [2004]"):
        self._columns = columns
        self._rows = rows
        self.title = title

    def columns(self):
        return self._columns

    def data_rows(self):
        yield from self._rows


COLUMNS = [
    Column("Name", width=30),
    Column("Delegates", ColumnType.INTEGER, width=10),
    Column("Listed", ColumnType.BOOLEAN, width=8),
    Column("Date", ColumnType.DATE, width=12),
]


def _exporter(rows):
    return TableExporter(COLUMNS, rows)


def test_rows_come_header_first():
    exporter = _exporter([["Ms Heather Riddell", 3, True, None]])

    assert list(exporter.rows()) == [
        ["Name", "Delegates", "Listed", "Date"],
        ["Ms Heather Riddell", 3, True, None],
    ]


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_escape_formula_prefixes_every_trigger_with_an_apostrophe(trigger):
    assert escape_formula(f"{trigger}HYPERLINK(1)") == f"'{trigger}HYPERLINK(1)"


@pytest.mark.parametrize("text", ["Ms Riddell", "", "a=b", " =1", "'quoted"])
def test_escape_formula_leaves_ordinary_text(text):
    assert escape_formula(text) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "yes"),
        (False, "no"),
        (7, "7"),
        (datetime.date(2004, 6, 7), "2004-06-07"),
        ("=1+1", "'=1+1"),
        ("+62 21 384 8626", "'+62 21 384 8626"),
    ],
)
def test_cell_text_writes_each_type(value, expected):
    assert cell_text(value) == expected


def test_csv_is_utf8_with_bom_header_and_crlf():
    content = render_csv(_exporter([["Trần Thị Hà", 2, False, datetime.date(2004, 6, 7)]]))

    assert content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert rows == [
        ["Name", "Delegates", "Listed", "Date"],
        ["Trần Thị Hà", "2", "no", "2004-06-07"],
    ]


def test_csv_escapes_cells_a_spreadsheet_would_run():
    content = render_csv(
        _exporter(
            [
                ['=HYPERLINK("http://evil.example","x")', None, None, None],
                ["@SUM(A1)", 1, True, None],
            ]
        )
    )

    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://evil.example","x")', "'@SUM(A1)"]


def _workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def test_xlsx_has_typed_cells_a_frozen_bold_header_an_autofilter_and_widths():
    content = render_xlsx(
        _exporter(
            [
                ["Ms Heather Riddell", 3, True, datetime.date(2004, 6, 7)],
                ["Police Major General Krerckphong Pukprayura", None, False, None],
            ]
        )
    )

    sheet = _workbook(content).active
    assert sheet.title == "Delegates Brisbane 2004"
    assert [cell.value for cell in sheet[1]] == ["Name", "Delegates", "Listed", "Date"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D3"
    assert [sheet.column_dimensions[letter].width for letter in "ABCD"] == [30, 10, 8, 12]
    name, count, listed, date = sheet[2]
    assert (name.data_type, count.value, count.data_type, listed.value) == ("s", 3, "n", True)
    assert (date.value.date(), date.number_format) == (datetime.date(2004, 6, 7), "yyyy-mm-dd")
    assert [cell.value for cell in sheet[3]] == [
        "Police Major General Krerckphong Pukprayura",
        None,
        False,
        None,
    ]


def test_xlsx_stores_formula_like_text_as_quoted_text_never_as_a_formula():
    dangerous = ['=HYPERLINK("http://evil.example","x")', "+62 21 384 8626", "-1+2", "@SUM(A1)"]
    content = render_xlsx(_exporter([[text, None, None, None] for text in dangerous]))

    sheet = _workbook(content).active
    cells = [sheet.cell(row=row, column=1) for row in range(2, 6)]
    assert [cell.value for cell in cells] == dangerous
    assert {cell.data_type for cell in cells} == {"s"}
    assert all(cell.quotePrefix for cell in cells)
    assert sheet.cell(row=1, column=1).quotePrefix is False


def test_xlsx_drops_characters_a_workbook_cannot_hold():
    content = render_xlsx(_exporter([["Bad\x00 na\x0bme", None, None, None]]))

    assert _workbook(content).active["A2"].value == "Bad name"


@pytest.mark.parametrize(
    ("index", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")]
)
def test_column_letter(index, letters):
    assert column_letter(index) == letters


def test_sheet_title_is_what_excel_accepts():
    assert sheet_title("A/B:C*D?E[F]G\\H") == "A B C D E F G H"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("///") == "Sheet1"


def test_table_formats_name_their_content_types():
    assert TABLE_FORMATS["csv"].content_type == "text/csv; charset=utf-8"
    assert TABLE_FORMATS["xlsx"].content_type == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def test_xlsx_names_the_sheet_apart_from_the_document_when_asked():
    exporter = _exporter([["Ms Heather Riddell", 1, True, None]])
    exporter.sheet_name = "Participants"

    workbook = _workbook(render_xlsx(exporter))

    assert (workbook.active.title, workbook.properties.title) == (
        "Participants",
        "Delegates: Brisbane [2004]",
    )


def test_xlsx_prints_the_exporters_header_and_footer_on_every_page():
    exporter = _exporter([["Ms Heather Riddell", 3, True, None]])
    exporter.page_header = "Restricted & secret"
    exporter.page_footer = "Revision 3"

    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(exporter))).active

    assert sheet.oddHeader.center.text == "Restricted && secret"  # "&" is a code there
    assert sheet.oddFooter.center.text == "Revision 3"
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert sheet.print_title_rows == "$1:$1"


def test_csv_has_no_header_or_footer_to_print():
    exporter = _exporter([["Ms Heather Riddell", 3, True, None]])
    exporter.page_header = "Restricted"

    assert b"Restricted" not in render_csv(exporter)


def test_xlsx_shows_a_first_line_above_the_table_and_keeps_it_in_view():
    exporter = _exporter([["Ms Heather Riddell", 3, True, None]])
    exporter.first_line = "Restricted — secretariat use"

    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(exporter))).active

    assert [[cell.value for cell in row] for row in sheet.iter_rows(max_col=2)] == [
        ["Restricted — secretariat use", None],
        ["Name", "Delegates"],
        ["Ms Heather Riddell", 3],
    ]
    assert sheet["A1"].font.bold is True
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A3", "$1:$2")
    assert sheet.auto_filter.ref == "A2:D3"
    assert b"Restricted" not in render_csv(exporter)
