"""The blank delegate list a delegation fills in: the recognised headers and
no rows, as CSV or as an Excel workbook, written by the shared renderers."""

from collections.abc import Iterable, Sequence

from baliprocess.lib.exporters import TABLE_FORMATS, CellValue, Column, Exporter, TableFormat
from meetings.importers.vocabulary import FIELDS_BY_NAME, TEMPLATE_FIELDS

TEMPLATE_FILENAME = "delegate-list"
_WIDTHS = {"participant": 30, "name": 30, "position": 36, "agency": 36, "email": 32}


class DelegateListTemplate(Exporter):
    """A delegate list with its header row only."""

    title = "Delegate list"
    sheet_name = "Delegates"

    def columns(self) -> Sequence[Column]:
        return [
            Column(FIELDS_BY_NAME[name].template_header, width=_WIDTHS.get(name, 16))
            for name in TEMPLATE_FIELDS
        ]

    def data_rows(self) -> Iterable[Sequence[CellValue]]:
        return []


def delegate_list_template(extension: str) -> tuple[bytes, TableFormat]:
    """The blank template as `extension` ('csv' or 'xlsx'); KeyError for another."""
    table_format = TABLE_FORMATS[extension]
    return table_format.render(DelegateListTemplate()), table_format
