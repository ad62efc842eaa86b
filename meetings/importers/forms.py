"""The forms of the import wizard: the file, then the layout and the columns."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from baliprocess.lib.exporters import column_letter
from meetings.importers.mapping import mapping_problems
from meetings.importers.problems import DelegateImportError, shorten
from meetings.importers.reading import Layout, Sheet, read_sheet
from meetings.importers.vocabulary import IMPORT_FIELDS


class DelegateImportUploadForm(forms.Form):
    """The first step of a delegate import: the file. Read at once, so a file
    that cannot be imported is refused here with the reason, and nothing is kept."""

    file = forms.FileField(
        label="Delegate list",
        help_text=(
            "A CSV file (.csv) or an Excel workbook (.xlsx) with a header row: one row per "
            "delegate, or one row per delegation whose names were not recorded."
        ),
    )

    sheet: Sheet | None = None
    content: bytes = b""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.DELEGATE_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"“{upload.name}” is {filesizeformat(upload.size)}; the largest delegate list "
                f"that can be imported is {filesizeformat(limit)}. Split it into smaller files."
            )
        content = upload.read()
        try:
            self.sheet = read_sheet(content, upload.name)
        except DelegateImportError as error:
            raise forms.ValidationError(error.messages) from None
        self.content = content
        return upload


class DelegateImportMappingForm(forms.Form):
    """Where the list is and which field each column fills: the sheet (for a
    workbook of several), the header row, and one choice per column, preset
    to what was found; a column left empty is not imported. A change of sheet
    or header row is read again before the columns are checked."""

    def __init__(self, *args, sheet: Sheet, mapping: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.read = sheet
        if len(sheet.sheet_names) > 1:
            self.fields["sheet"] = forms.TypedChoiceField(
                label="Sheet",
                choices=list(enumerate(sheet.sheet_names)),
                coerce=int,
                initial=sheet.sheet_index,
            )
        self.fields["header_row"] = forms.TypedChoiceField(
            label="Header row",
            choices=[
                (number, f"Row {number}: {shorten(summary, 80)}")
                for number, summary in sheet.top_rows
            ],
            coerce=int,
            initial=sheet.header_row,
            help_text="The row that holds the column headers; rows above it are skipped.",
        )
        choices = [("", "— not imported —")] + [(item.name, item.label) for item in IMPORT_FIELDS]
        for index, header in enumerate(sheet.headers):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=f"{header or '(no header)'} (column {column_letter(index + 1)})",
                choices=choices,
                required=False,
                initial=mapping.get(index, ""),
            )
        self.column_count = len(sheet.headers)

    @property
    def layout_fields(self):
        return [self[name] for name in ("sheet", "header_row") if name in self.fields]

    @property
    def column_fields(self):
        return [self[f"column_{index}"] for index in range(self.column_count)]

    def layout(self) -> Layout:
        """The layout chosen: a new sheet has its header row found afresh."""
        data = getattr(self, "cleaned_data", {})
        current = self.read.layout
        sheet = data.get("sheet", current.sheet)
        if sheet != current.sheet:
            return Layout(sheet, None)
        return Layout(sheet, data.get("header_row", current.header_row))

    @property
    def layout_changed(self) -> bool:
        return self.layout() != self.read.layout

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and not self.layout_changed:
            problems = mapping_problems(self.mapping(), self.read.headers)
            if problems:
                raise forms.ValidationError([problem.message for problem in problems])
        return cleaned_data

    def mapping(self) -> dict[int, str]:
        data = getattr(self, "cleaned_data", {})
        return {
            index: data[f"column_{index}"]
            for index in range(self.column_count)
            if data.get(f"column_{index}")
        }
