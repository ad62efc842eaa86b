"""The delegate import: a delegation's spreadsheet into a meeting's participant list.

One pipeline, one module per step, one problem type (problems.ImportProblem):

- `reading`: the file (CSV or XLSX) into a Sheet of text cells: the sheet
  and the header row found (or chosen by staff), bounded to the header's
  width and the row limit, formulas marked and never run;
- `mapping`: which field each column fills, by header and by content;
  conflicts and columns not imported shown, never dropped in silence;
- `rows`: each row's cells read as a delegate (names joined, honorifics
  split off, placeholders read as empty, the participant matched);
- `planning`: what would be created, updated or left, and what stops it;
- `writing`: `delegation_import`, the atomic bulk write with history;
- `preview`: all of it put together for staff to read and confirm;
- `store`: the uploaded file kept privately between preview and confirm;
- `template`: the blank list a delegation fills in;
- `forms`: the wizard's forms (the admin's views are meetings.admin_imports,
  the command is `manage.py import_delegates`).

The words the steps share (fields, headers, roles, honorifics) are in
`vocabulary`. The names below are the pipeline's public face.
"""

from meetings.importers.mapping import (
    apply_mapping_changes,
    mapping_problems,
    parse_mapping_options,
    recognise_columns,
)
from meetings.importers.planning import (
    DelegateRow,
    DelegationImportPlan,
    PlannedChange,
    delegation_import_plan,
)
from meetings.importers.preview import ImportPreview, delegate_import_preview, import_summary
from meetings.importers.problems import DelegateImportError, ImportColumn, ImportProblem
from meetings.importers.reading import Layout, Sheet, looks_like_formula, read_sheet
from meetings.importers.store import ImportFileStore
from meetings.importers.template import delegate_list_template
from meetings.importers.vocabulary import FIELDS_BY_NAME, IMPORT_FIELDS
from meetings.importers.writing import delegation_import

__all__ = [
    "FIELDS_BY_NAME",
    "IMPORT_FIELDS",
    "DelegateImportError",
    "DelegateRow",
    "DelegationImportPlan",
    "ImportColumn",
    "ImportFileStore",
    "ImportPreview",
    "ImportProblem",
    "Layout",
    "PlannedChange",
    "Sheet",
    "apply_mapping_changes",
    "delegate_import_preview",
    "delegate_list_template",
    "delegation_import",
    "delegation_import_plan",
    "import_summary",
    "looks_like_formula",
    "mapping_problems",
    "parse_mapping_options",
    "read_sheet",
    "recognise_columns",
]
