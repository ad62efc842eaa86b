"""manage.py import_delegates <meeting-slug> <file> [--map "Header=field" ...]
[--sheet N] [--header-row N] [--commit]

The delegate import of the admin, from the command line (the pipeline is
meetings.importers): reads a CSV or XLSX file, prints the preview (columns,
notes, what would be created, updated or left, and every problem with its
row and column) and, only with --commit and only when no row has a problem,
writes it all in one transaction.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.importers import (
    FIELDS_BY_NAME,
    DelegateImportError,
    ImportPreview,
    Layout,
    apply_mapping_changes,
    delegate_import_preview,
    delegation_import,
    import_summary,
    parse_mapping_options,
    read_sheet,
    recognise_columns,
)
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Preview the import of a delegate list (CSV or XLSX) into a meeting; with --commit, "
        "import it. A dry run by default: nothing is written without --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("meeting", help="the meeting's slug, as in its portal address")
        parser.add_argument("file", help="the delegate list: a .csv or .xlsx file")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help="fill FIELD from the column headed HEADER (repeatable); an empty FIELD "
            "ignores the column. Fields: " + ", ".join(FIELDS_BY_NAME),
        )
        parser.add_argument(
            "--sheet",
            type=int,
            metavar="N",
            help="read the workbook's Nth sheet (default: the first whose header is recognised)",
        )
        parser.add_argument(
            "--header-row",
            type=int,
            metavar="N",
            help="the headers are on row N (default: found among the first rows)",
        )
        parser.add_argument(
            "--commit", action="store_true", help="write the import (default: only preview it)"
        )

    def handle(self, *args, **options):
        meeting = Meeting.objects.filter(slug=options["meeting"]).first()
        if meeting is None:
            raise CommandError(f"No meeting has the slug “{options['meeting']}”.")
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        sheet_number = options["sheet"]
        layout = Layout(sheet_number - 1 if sheet_number else None, options["header_row"])
        try:
            sheet = read_sheet(content, path.name, layout)
            changes = parse_mapping_options(options["map"], sheet.headers)
        except DelegateImportError as error:
            raise CommandError(str(error)) from None
        # Without --map, the preview recognises the columns itself (and says how).
        mapping = None
        if changes:
            mapping = apply_mapping_changes(recognise_columns(sheet.headers, sheet.rows), changes)

        preview = delegate_import_preview(meeting=meeting, sheet=sheet, mapping=mapping)
        self.print_preview(preview)
        if preview.problems:
            count = len(preview.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''}: nothing was imported. "
                "Correct the file (or the columns with --map) and run again."
            )
        if preview.has_nothing_to_do:
            self.stdout.write("Everything in the file is recorded already: nothing to import.")
            return
        if not options["commit"]:
            self.stdout.write("Dry run: nothing was written. Run again with --commit to import.")
            return
        try:
            plan = delegation_import(
                meeting=meeting, rows=preview.rows, reason=f"Imported from {path.name}"
            )
        except DelegateImportError as error:
            raise CommandError(f"Nothing was imported: {error}") from None
        self.stdout.write(self.style.SUCCESS(f"{import_summary(plan, path.name)} ({meeting})"))

    def print_preview(self, preview: ImportPreview) -> None:
        write = self.stdout.write
        sheet = preview.sheet
        write(
            f"{sheet.filename} ({sheet.format.upper()}, {len(sheet.rows)} rows) "
            f"into {preview.meeting}"
        )
        write("Columns:")
        for column in preview.columns:
            target = column.field_label or "not imported"
            write(f"  {column.letter} “{column.header}” → {target}")
        for note in preview.notes:
            write(f"Note: {note}")
        plan = preview.plan
        if plan is not None:
            write(
                f"Delegates: {len(plan.created_delegates)} to add, "
                f"{len(plan.updated_delegates)} to update, "
                f"{len(plan.unchanged_delegates)} unchanged. Delegations: "
                f"{len(plan.created_delegations)} to add, "
                f"{len(plan.updated_delegations)} to update."
            )
            for change in plan.delegations:
                if change.action != "unchanged":
                    write(
                        f"  {_verb(change.action)} delegation "
                        f"{change.participant}{_details(change)}"
                    )
            for change in plan.delegates:
                if change.action != "unchanged":
                    write(
                        f"  row {change.row}: {_verb(change.action)} {change.name} "
                        f"({change.participant}){_details(change)}"
                    )
        if preview.problems:
            write(self.style.ERROR("Problems:"))
            for problem in preview.problems:
                write(self.style.ERROR(f"  {problem}"))


def _verb(action: str) -> str:
    return {"create": "add", "update": "update"}.get(action, action)


def _details(change) -> str:
    if not change.changes:
        return ""
    parts = [
        f"{label}: {old} → {new}" if change.action == "update" else f"{label}: {new}"
        for label, old, new in change.changes
    ]
    return " — " + "; ".join(parts)
