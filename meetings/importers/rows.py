"""The rows of a sheet as delegates: each mapped cell read as the value of
its field, the participant matched (ParticipantMatcher, never guessing), the
name put together, and every cell that cannot be read reported with its row
and column.

- Cells are data: a formula is refused only where the sheet stores one
  (reading.looks_like_formula for CSV); telephone numbers keep their
  extensions and notes.
- A placeholder ("-", "N/A", "none", "—") in an optional field is read as
  empty, with a note.
- "Given name(s)" and "Family name" are joined ("Given Family"); honorifics
  opening a name ("H.E. Mr John Smith") go to the honorific, with a note.
- A "Head of delegation" column of yes/no/x sets the role.
"""

import difflib
from collections import defaultdict

from meetings.importers.planning import DelegateRow
from meetings.importers.problems import (
    HONORIFIC,
    PLACEHOLDER,
    ImportColumn,
    ImportProblem,
    counted,
    note,
    numbers_text,
    shorten,
)
from meetings.importers.reading import Sheet, SheetRow, clean_text
from meetings.importers.vocabulary import (
    CAPACITY,
    CAPACITY_WORDS,
    FAMILY_NAME,
    FIELDS_BY_NAME,
    GIVEN_NAME,
    HEAD,
    HEAD_COUNT,
    HONORIFICS_BEFORE_NAME,
    NO_WORDS,
    ROLE_WORDS,
    YES_WORDS,
    choices_text,
    header_key,
    is_placeholder,
)
from meetings.models import Delegate, Delegation
from membership.models import Participant
from membership.selectors import ParticipantMatcher, name_key

# The delegate fields read as they are written.
TEXT_FIELDS = ("position", "agency", "email", "phone")
SMALLINT_MAX = 32767


def delegate_rows(
    sheet: Sheet, columns: list[ImportColumn]
) -> tuple[list[DelegateRow], list[ImportProblem]]:
    """The rows that can be imported, and the problems and notes of the others."""
    reader = RowReader(columns)
    for sheet_row in sheet.rows:
        reader.read(sheet_row)
    return reader.rows, reader.problems + reader.notes()


class RowReader:
    """Reads rows one by one, keeping what they make and what is wrong with them."""

    def __init__(self, columns: list[ImportColumn]):
        self.mapped = [column for column in columns if column.field]
        self.column_of = {column.field: column for column in self.mapped}
        self.matcher = ParticipantMatcher()
        self.suggestions = _Suggestions()
        self.rows: list[DelegateRow] = []
        self.problems: list[ImportProblem] = []
        self.placeholders: dict[ImportColumn, list[tuple[int, str]]] = defaultdict(list)
        self.honorifics: list[tuple[int, str, str]] = []  # row, honorific, name as written
        self._row_problems: list[ImportProblem] = []
        self._number = 0

    def read(self, sheet_row: SheetRow) -> None:
        self._number, self._row_problems = sheet_row.number, []
        given = self._given(sheet_row)
        if not given and not self._row_problems:
            return  # a row with values only in columns not imported
        row = self._delegate_row(given)
        if self._row_problems:
            self.problems += self._row_problems
        elif row is not None:
            self.rows.append(row)

    def _problem(self, name: str, message: str) -> None:
        self._row_problems.append(
            ImportProblem(message, row=self._number, column=self.column_of.get(name))
        )

    def _given(self, sheet_row: SheetRow) -> dict[str, str]:
        """{field: text} of the row's mapped cells that hold a value."""
        given: dict[str, str] = {}
        for column in self.mapped:
            cell = sheet_row.cell(column.index)
            if cell.is_formula:
                self._problem(
                    column.field,
                    f"the cell holds a formula ({shorten(cell.value)}); formulas are never "
                    "run or stored. Type the value itself.",
                )
                continue
            value = clean_text(cell.value)
            if not value:
                continue
            optional = not FIELDS_BY_NAME[column.field].required
            if optional and is_placeholder(value) and not cell.is_literal:
                self.placeholders[column].append((self._number, value))
                continue
            given[column.field] = value
        return given

    def _delegate_row(self, given: dict[str, str]) -> DelegateRow | None:
        participant = self._participant(given.get("participant", ""))
        name, honorific = self._name(given)
        values: dict[str, object] = {
            text_field: given[text_field] for text_field in TEXT_FIELDS if text_field in given
        }
        if honorific:
            values["honorific"] = honorific
        if given.get(FAMILY_NAME):
            # Kept apart too, for the lists that sort by family name.
            values["family_name"] = given[FAMILY_NAME]
        role, not_head = self._role(given)
        if role is not None:
            values["role"] = role
        listed = self._yes_or_no(given, "may_be_listed")
        if listed is not None:
            values["may_be_listed"] = listed
        capacity = self._capacity(given)
        head_count = self._head_count(given)
        if not name and head_count is None and not self._row_problems and values:
            self._problem("name", "no name: a delegate's row needs the delegate's name.")
        if self._row_problems or participant is None:
            return None
        return DelegateRow(
            row=self._number,
            participant=participant,
            name=name,
            values=values,
            capacity=capacity,
            head_count=head_count,
            not_head=not_head,
        )

    def _participant(self, text: str) -> Participant | None:
        if not text:
            self._problem(
                "participant", "no participant: every row needs its country or organisation."
            )
            return None
        match = self.matcher.match(text)
        if match.participant is not None:
            return match.participant
        if match.candidates:
            self._problem(
                "participant",
                f"“{text}” could be "
                + " or ".join(
                    f"{candidate.name} ({candidate.short_name})" for candidate in match.candidates
                )
                + ": write the name in full, or its ISO code or acronym.",
            )
            return None
        close = self.suggestions(text)
        advice = f" Did you mean {close}?" if close else ""
        self._problem(
            "participant",
            f"no participant is called “{text}”.{advice} Add it (or this name as one of its "
            "alternative names) in the admin, or correct the file.",
        )
        return None

    def _name(self, given: dict[str, str]) -> tuple[str, str]:
        """The name (joined from its parts where the file splits it) and the
        honorific (the column's, and any opening the name)."""
        parts = (given.get(GIVEN_NAME, ""), given.get(FAMILY_NAME, ""))
        written = given.get("name") or " ".join(part for part in parts if part)
        honorific = given.get("honorific", "")
        match = HONORIFICS_BEFORE_NAME.match(written)
        if not match:
            return written, honorific
        opening, name = match.group(1).strip(), match.group(2).strip()
        self.honorifics.append((self._number, opening, written))
        if header_key(honorific) in header_key(opening):
            return name, opening
        if header_key(opening) in header_key(honorific):
            return name, honorific
        return name, f"{honorific} {opening}"

    def _role(self, given: dict[str, str]) -> tuple[str | None, bool]:
        """The role the row gives, by its role or its head-of-delegation cell,
        and whether the row says the delegate is not the head."""
        role = None
        if "role" in given:
            role = ROLE_WORDS.get(header_key(given["role"]))
            if role is None:
                self._problem(
                    "role",
                    f"“{given['role']}” is not a role; use one of: "
                    + choices_text(ROLE_WORDS, Delegate.Role.choices)
                    + ".",
                )
        head = self._yes_or_no(given, HEAD)
        if head is None:
            return role, False
        if role is not None and (role == Delegate.Role.HEAD) != head:
            self._problem(
                HEAD,
                f"the row says “{given[HEAD]}” to head of delegation, but its role is "
                f"{Delegate.Role(role).label}: make them agree.",
            )
        if head:
            return Delegate.Role.HEAD, False
        return role, role is None

    def _yes_or_no(self, given: dict[str, str], name: str) -> bool | None:
        if name not in given:
            return None
        answer = given[name].casefold()
        if answer in YES_WORDS:
            return True
        if answer in NO_WORDS:
            return False
        self._problem(name, f"“{given[name]}” is not yes or no.")
        return None

    def _capacity(self, given: dict[str, str]) -> str | None:
        if CAPACITY not in given:
            return None
        capacity = CAPACITY_WORDS.get(header_key(given[CAPACITY]))
        if capacity is None:
            self._problem(
                CAPACITY,
                f"“{given[CAPACITY]}” is not a capacity; use one of: "
                + choices_text(CAPACITY_WORDS, Delegation.Capacity.choices)
                + ".",
            )
        return capacity

    def _head_count(self, given: dict[str, str]) -> int | None:
        if HEAD_COUNT not in given:
            return None
        text = given[HEAD_COUNT]
        if text.isdigit() and int(text) <= SMALLINT_MAX:
            return int(text)
        self._problem(HEAD_COUNT, f"“{text}” is not a number of delegates (a whole number).")
        return None

    def notes(self) -> list[ImportProblem]:
        """What staff should know of the rows read: placeholders read as empty,
        honorifics taken out of names."""
        notes = [
            note(
                f"{counted(len(cells), 'cell')} of column {column} "
                f"{'holds' if len(cells) == 1 else 'hold'} a placeholder "
                f"({', '.join(sorted({f'“{value}”' for _row, value in cells}))}), read as "
                f"empty: {'row' if len(cells) == 1 else 'rows'} "
                f"{numbers_text([row for row, _value in cells])}.",
                PLACEHOLDER,
            )
            for column, cells in self.placeholders.items()
        ]
        if self.honorifics:
            shown = "; ".join(
                f"row {row}: “{opening}” from “{written}”"
                for row, opening, written in self.honorifics[:5]
            )
            more = f"; and {len(self.honorifics) - 5} more" if len(self.honorifics) > 5 else ""
            notes.append(
                note(
                    f"Honorifics were taken out of {counted(len(self.honorifics), 'name')} "
                    f"into the honorific ({shown}{more}).",
                    HONORIFIC,
                )
            )
        return notes


class _Suggestions:
    """Participants' names close to an unmatched one, offered to staff and
    never chosen for them. Loaded (one query) on the first unmatched name."""

    def __init__(self):
        self._names: dict[str, str] | None = None

    def __call__(self, text: str) -> str:
        if self._names is None:
            self._names = {}
            for name, short_name in Participant.objects.values_list("name", "short_name"):
                self._names.setdefault(name_key(name), short_name)
                self._names.setdefault(name_key(short_name), short_name)
        close = difflib.get_close_matches(name_key(text), list(self._names), n=3, cutoff=0.75)
        names = list(dict.fromkeys(self._names[key] for key in close))
        return " or ".join(f"“{name}”" for name in names)
