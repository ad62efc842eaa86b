"""The one problem type of the delegate import, and the exception that carries it.

Every step says what is wrong (or worth knowing) the same way: an
ImportProblem with a plain message and, where it has one, its row and
column. A problem that `blocks` stops the import until it is fixed (in the
file, or by choosing the columns); one that does not is a note staff read in
the preview (rows skipped above the header, placeholders read as empty, a
name matched ignoring accents). A step that cannot go on raises DelegateImportError
with its problems: a file that cannot be read, a `--map` option that names
no column, a confirmed import the record no longer allows.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from baliprocess.lib.exporters import column_letter
from meetings.importers.vocabulary import FIELDS_BY_NAME

# What a problem is about, so the preview can group them (and tests find them).
CELL = "cell"  # a value in one row, or a row
COLUMNS = "columns"  # the choice of columns: a field missing, or claimed twice
CONFLICT = "conflict"  # two columns fill one field: staff choose
FILE = "file"  # the file as a whole: its kind, size, encoding, sheets, rows
UNMAPPED = "unmapped"  # columns not imported
SKIPPED = "skipped"  # rows above the header
PLACEHOLDER = "placeholder"  # "-", "N/A"… read as empty
HONORIFIC = "honorific"  # honorifics taken out of full names
NAME_MATCH = "name-match"  # a recorded name matched ignoring accents or case
CONTENT = "content"  # a column's field chosen by what its cells hold


@dataclass(frozen=True)
class ImportColumn:
    """A column of the file and the field it fills ('' when it is not imported)."""

    index: int
    header: str
    field: str = ""

    @property
    def letter(self) -> str:
        return column_letter(self.index + 1)

    @property
    def field_label(self) -> str:
        return FIELDS_BY_NAME[self.field].label if self.field else ""

    def __str__(self) -> str:
        return f"{self.letter} “{self.header}”"


@dataclass(frozen=True)
class ImportProblem:
    """Something wrong with (or worth knowing about) a delegate list: a plain
    message and where it is. `field` names the field at fault where the
    column is not known yet (the plan works on fields, not columns)."""

    message: str
    row: int | None = None
    column: ImportColumn | None = None
    field: str = ""
    blocks: bool = True
    topic: str = CELL

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

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.row or 0, self.column.index if self.column else -1)

    def __str__(self) -> str:
        if not self.where:
            return self.message
        if self.column is None and self.message.startswith(f"Row {self.row} "):
            return self.message  # "Row 5 repeats row 2: …" says where already
        return f"{self.where}: {self.message}"


def note(message: str, topic: str, **where) -> ImportProblem:
    """A problem that does not block the import: something staff should know."""
    return ImportProblem(message, blocks=False, topic=topic, **where)


class DelegateImportError(Exception):
    """A step of the import that cannot go on, with the problems that say why."""

    def __init__(self, problems: str | ImportProblem | Iterable[ImportProblem]):
        if isinstance(problems, str):
            problems = [ImportProblem(problems, topic=FILE)]
        elif isinstance(problems, ImportProblem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__(str(self))

    @property
    def messages(self) -> list[str]:
        return [str(problem) for problem in self.problems]

    def __str__(self) -> str:
        return " ".join(self.messages)


def numbers_text(numbers: list[int], most: int = 10) -> str:
    """'3, 5 and 9'; beyond `most`, '… and 4 more'."""
    shown = [f"{number:,}" for number in numbers[:most]]
    if len(numbers) > most:
        return ", ".join(shown) + f" and {len(numbers) - most} more"
    return ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else shown[0]


def and_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def shorten(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def counted(number: int, noun: str, plural: str = "") -> str:
    """'1 row', '3 rows'."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
