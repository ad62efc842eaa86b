"""Which field each column fills: recognised from the headers and from what
the cells hold, shown to staff, who may change any of it.

- A header names a field (common variants, case and punctuation ignored:
  vocabulary.IMPORT_FIELDS). "Title" names the honorific or the position:
  the cells decide (Mr, Ms, H.E., Dr make it the honorific).
- The cells name the field of a column whose header is not recognised when
  they are honorifics or e-mail addresses, and turn a "Position" of Mr and
  Ms into the honorific.
- Nothing is dropped in silence: two columns filling one field are a
  conflict staff resolve in the preview, and every column not imported is
  listed there.
- "Given name(s)" and "Family name" columns are joined into the name.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from meetings.importers.problems import (
    COLUMNS,
    CONFLICT,
    CONTENT,
    UNMAPPED,
    DelegateImportError,
    ImportColumn,
    ImportProblem,
    and_list,
    note,
)
from meetings.importers.reading import Sheet, SheetRow
from meetings.importers.vocabulary import (
    AMBIGUOUS_HEADERS,
    FIELD_OF_HEADER,
    FIELDS_BY_NAME,
    HEAD_COUNT,
    HONORIFICS_ONLY,
    NAME_PARTS,
    header_key,
    is_placeholder,
)

# How many values of a column are looked at to tell what it holds, and the
# share of them that must agree.
CONTENT_SAMPLE = 200
CONTENT_SHARE = 0.8
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# What the cells of a column may show it to be, by field.
_CONTENT_TESTS = (
    ("honorific", HONORIFICS_ONLY.match),
    ("email", _EMAIL.match),
)


def column_sample(rows: Sequence[SheetRow], index: int) -> list[str]:
    """The first values of a column, placeholders and empty cells left out."""
    sample = []
    for row in rows:
        value = row.cell(index).value
        if value and not is_placeholder(value):
            sample.append(value)
            if len(sample) == CONTENT_SAMPLE:
                break
    return sample


def content_field(sample: Sequence[str]) -> str:
    """The field the values are plainly of ('honorific', 'email'), or ''."""
    if not sample:
        return ""
    for name, test in _CONTENT_TESTS:
        if sum(1 for value in sample if test(value)) >= CONTENT_SHARE * len(sample):
            return name
    return ""


def column_field(header: str, sample: Sequence[str] = ()) -> str:
    """The field a column fills, by its header and its values ('' for none)."""
    key = header_key(header)
    by_content = content_field(sample)
    if key in AMBIGUOUS_HEADERS:
        candidates = AMBIGUOUS_HEADERS[key]
        return by_content if by_content in candidates else candidates[-1]
    by_header = FIELD_OF_HEADER.get(key, "")
    if by_header == "position" and by_content == "honorific":
        return by_content
    return by_header or by_content


def recognise_columns(headers: list[str], rows: Sequence[SheetRow] = ()) -> dict[int, str]:
    """{column index: field name} for the columns recognised by header or content.
    Two columns may claim one field: mapping_problems reports it for staff."""
    mapping = {}
    for index, header in enumerate(headers):
        name = column_field(header, column_sample(rows, index) if rows else ())
        if name:
            mapping[index] = name
    return mapping


def recognition_notes(columns: Iterable[ImportColumn]) -> list[ImportProblem]:
    """Notes on the columns whose field the cells chose rather than the header."""
    notes = []
    for column in columns:
        by_header = FIELD_OF_HEADER.get(header_key(column.header), "")
        ambiguous = header_key(column.header) in AMBIGUOUS_HEADERS
        if not column.field or (column.field == by_header and not ambiguous):
            continue
        what = {"honorific": "honorifics (Mr, Ms, H.E., Dr…)", "email": "e-mail addresses"}
        holds = what.get(column.field, f"values of {column.field_label.lower()}")
        notes.append(
            note(
                f"Column {column} holds {holds}, so it fills {column.field_label}. "
                "Choose another field below if that is wrong.",
                CONTENT,
            )
        )
    return notes


def unmapped_notes(columns: Iterable[ImportColumn], sheet: Sheet) -> list[ImportProblem]:
    """One note naming every column not imported (a column without header or values aside)."""
    ignored = [
        column
        for column in columns
        if not column.field
        and (sheet.headers[column.index] or column_sample(sheet.rows[:50], column.index))
    ]
    if not ignored:
        return []
    listed = and_list([str(column) for column in ignored])
    return [
        note(
            f"Not imported: {'column' if len(ignored) == 1 else 'columns'} {listed}. Choose "
            "a field below for any that should be.",
            UNMAPPED,
        )
    ]


def mapping_problems(mapping: Mapping[int, str], headers: Sequence[str]) -> list[ImportProblem]:
    """What stops a mapping from being read ([] when it is usable): a field
    claimed by two columns, the participant or the names missing."""
    columns = [
        ImportColumn(index, header_of(headers, index), name) for index, name in mapping.items()
    ]
    by_field = defaultdict(list)
    for column in sorted(columns, key=lambda column: column.index):
        by_field[column.field].append(column)
    problems = [
        _conflict(FIELDS_BY_NAME[name].label, claims)
        for name, claims in by_field.items()
        if len(claims) > 1
    ]
    parts = [column for name in NAME_PARTS for column in by_field.get(name, [])]
    if by_field.get("name") and parts:
        problems.append(_name_conflict(by_field["name"], parts))
    if "participant" not in by_field:
        problems.append(
            ImportProblem(
                "No column gives the participant (the country or organisation): "
                "choose which column does.",
                topic=COLUMNS,
            )
        )
    if not {"name", HEAD_COUNT, *NAME_PARTS} & by_field.keys():
        problems.append(
            ImportProblem(
                "No column gives the delegates' names (or, for a delegation whose names "
                "were not recorded, its number of delegates): choose which column does.",
                topic=COLUMNS,
            )
        )
    return problems


def header_of(headers: Sequence[str], index: int) -> str:
    """A column's header as the preview shows it: '(column D)' for an empty one."""
    header = headers[index] if index < len(headers) else ""
    return header or f"(column {ImportColumn(index, '').letter})"


def _conflict(label: str, claims: list[ImportColumn]) -> ImportProblem:
    listed = and_list([str(column) for column in claims])
    return ImportProblem(
        f"Columns {listed} both fill “{label}”: choose the one that does, and set the "
        "other to “not imported” (or to another field).",
        topic=CONFLICT,
    )


def _name_conflict(names: list[ImportColumn], parts: list[ImportColumn]) -> ImportProblem:
    listed = and_list([str(column) for column in parts])
    return ImportProblem(
        f"Column {names[0]} gives the whole name and {listed} part of it: import one or the "
        "other, and set the rest to “not imported”.",
        topic=CONFLICT,
    )


def parse_mapping_options(options: Iterable[str], headers: list[str]) -> dict[int, str]:
    """Mapping changes from `--map "Header=field"` options: an empty field
    ignores the column. Raises DelegateImportError naming what is wrong."""
    by_header = {header_key(header): index for index, header in enumerate(headers)}
    changes: dict[int, str] = {}
    for option in options:
        header, separator, name = option.partition("=")
        if not separator:
            raise DelegateImportError(f'“{option}” is not of the form "Header=field".')
        index = by_header.get(header_key(header))
        if index is None:
            raise DelegateImportError(
                f"The file has no column “{header.strip()}”; its columns are: "
                + ", ".join(f"“{text}”" for text in headers)
                + "."
            )
        name = name.strip()
        if name and name not in FIELDS_BY_NAME:
            raise DelegateImportError(
                f"“{name}” is not a field; the fields are: " + ", ".join(FIELDS_BY_NAME) + "."
            )
        changes[index] = name
    return changes


def apply_mapping_changes(mapping: Mapping[int, str], changes: Mapping[int, str]) -> dict:
    """`mapping` with `changes` applied; a field given to a column leaves the
    others that claimed it (so `--map` also settles a conflict)."""
    result = dict(mapping)
    for index, name in changes.items():
        if name:
            result = {column: value for column, value in result.items() if value != name}
            result[index] = name
        else:
            result.pop(index, None)
    return result
