"""The preview staff confirm before anything is written: the columns and
what fills what, what the import will create, update or leave, every
problem that blocks it and every note worth reading, each with its row and
column where it has one."""

from collections.abc import Mapping
from dataclasses import dataclass

from meetings.importers.mapping import (
    header_of,
    mapping_problems,
    recognise_columns,
    recognition_notes,
    unmapped_notes,
)
from meetings.importers.planning import DelegateRow, DelegationImportPlan, delegation_import_plan
from meetings.importers.problems import CONFLICT, ImportColumn, ImportProblem, counted
from meetings.importers.reading import Sheet
from meetings.importers.rows import delegate_rows
from meetings.importers.vocabulary import CAPACITY, HEAD_COUNT
from meetings.models import Meeting


@dataclass
class ImportPreview:
    """Everything staff see before confirming an import."""

    meeting: Meeting
    sheet: Sheet
    columns: list[ImportColumn]
    rows: list[DelegateRow]
    problems: list[ImportProblem]  # each blocks the import
    notes: list[ImportProblem]  # what staff should know; nothing to fix
    plan: DelegationImportPlan | None

    @property
    def mapping(self) -> dict[int, str]:
        return {column.index: column.field for column in self.columns if column.field}

    @property
    def ignored_columns(self) -> list[ImportColumn]:
        return [column for column in self.columns if not column.field]

    @property
    def conflicts(self) -> list[ImportProblem]:
        return [problem for problem in self.problems if problem.topic == CONFLICT]

    @property
    def can_import(self) -> bool:
        return not self.problems and self.plan is not None and self.plan.writes_anything

    @property
    def has_nothing_to_do(self) -> bool:
        return not self.problems and self.plan is not None and not self.plan.writes_anything


def delegate_import_preview(
    *, meeting: Meeting, sheet: Sheet, mapping: Mapping[int, str] | None = None
) -> ImportPreview:
    """Read `sheet` with `mapping` ({column index: field}; recognised from the
    headers and the cells when None) and plan the import into `meeting`
    without writing anything."""
    recognised = mapping is None
    if recognised:
        mapping = recognise_columns(sheet.headers, sheet.rows)
    columns = [
        ImportColumn(index, header_of(sheet.headers, index), mapping.get(index, ""))
        for index in range(len(sheet.headers))
    ]
    notes = list(sheet.notes)
    if recognised:
        notes += recognition_notes(columns)
    notes += unmapped_notes(columns, sheet)
    problems = mapping_problems(mapping, sheet.headers)
    if problems:
        return ImportPreview(meeting, sheet, columns, [], problems, notes, None)
    rows, found = delegate_rows(sheet, columns)
    plan = delegation_import_plan(meeting=meeting, rows=rows)
    by_field = {column.field: column for column in columns if column.field}
    for problem in [*found, *(_placed(item, by_field) for item in plan.problems + plan.notes)]:
        (problems if problem.blocks else notes).append(problem)
    problems.sort(key=lambda problem: problem.sort_key)
    return ImportPreview(meeting, sheet, columns, rows, problems, notes, plan)


# Fields of the models whose problems belong to a column under another name.
_COLUMN_OF_FIELD = {"capacity_override": CAPACITY, "reported_head_count": HEAD_COUNT}


def _placed(problem: ImportProblem, by_field: Mapping[str, ImportColumn]) -> ImportProblem:
    """The plan's problem in the column of its field."""
    column = by_field.get(_COLUMN_OF_FIELD.get(problem.field, problem.field))
    if column is None and problem.field == "name":
        column = by_field.get("given_name") or by_field.get("family_name")
    return ImportProblem(
        problem.message,
        row=problem.row,
        column=column,
        field=problem.field,
        blocks=problem.blocks,
        topic=problem.topic,
    )


def import_summary(plan: DelegationImportPlan, filename: str) -> str:
    """'Imported “list.xlsx”: 12 delegates added, 3 updated, 5 unchanged; 2 delegations
    added.' — what staff are told once an import is written."""
    text = (
        f"Imported “{filename}”: {counted(len(plan.created_delegates), 'delegate')} added, "
        f"{len(plan.updated_delegates)} updated, {len(plan.unchanged_delegates)} unchanged"
    )
    delegations = []
    if plan.created_delegations:
        delegations.append(f"{counted(len(plan.created_delegations), 'delegation')} added")
    if plan.updated_delegations:
        delegations.append(f"{counted(len(plan.updated_delegations), 'delegation')} updated")
    if delegations:
        text += "; " + ", ".join(delegations)
    return text + "."
