"""Migration operations for what only PostgreSQL has: full-text search vectors and
indexes; and the data step that fills a model's `sort_date` (FillSortDates).

What these operations add is deliberately kept out of the model state (and so
out of the models' fields and Meta.indexes): SQLite rebuilds a table from the
model state whenever a migration alters it, and would then try to build a
tsvector column or a GIN index it cannot have. On SQLite every operation here
does nothing, and the search falls back to plain matching (see
baliprocess.search).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.migrations.operations.base import Operation

from baliprocess.lib.dates import period_end

SEARCH_WEIGHTS = ("A", "B", "C", "D")


class _PostgreSQLOnlyOperation(Operation):
    """An operation that changes the database on PostgreSQL and never the model state."""

    reversible = True

    def state_forwards(self, app_label, state):
        # Not part of the model state on purpose (see the module docstring).
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.add(schema_editor, to_state.apps.get_model(app_label, self.model_name))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.remove(schema_editor, from_state.apps.get_model(app_label, self.model_name))

    def add(self, schema_editor, model):
        raise NotImplementedError

    def remove(self, schema_editor, model):
        raise NotImplementedError


class AddSearchIndexOnPostgreSQL(_PostgreSQLOnlyOperation):
    """Index `to_tsvector(config, field || ' ' || …)` for a model, on PostgreSQL only.

    The fields and config must match the SearchVector a search builds, or
    PostgreSQL will not use the index. The search now reads stored vectors
    (AddSearchVectorOnPostgreSQL); this stays for the migrations that made and
    removed these indexes.
    """

    def __init__(self, model_name: str, name: str, fields: list[str], config: str = "english"):
        self.model_name = model_name
        self.name = name
        self.fields = list(fields)
        self.config = config

    def deconstruct(self):
        return (
            self.__class__.__qualname__,
            [],
            {
                "model_name": self.model_name,
                "name": self.name,
                "fields": self.fields,
                "config": self.config,
            },
        )

    def _index(self) -> GinIndex:
        return GinIndex(SearchVector(*self.fields, config=self.config), name=self.name)

    def add(self, schema_editor, model):
        schema_editor.add_index(model, self._index())

    def remove(self, schema_editor, model):
        schema_editor.remove_index(model, self._index())

    def describe(self):
        return f"Create full-text search index {self.name} on {self.model_name} (PostgreSQL only)"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name}_search_index"


class RemoveSearchIndexOnPostgreSQL(AddSearchIndexOnPostgreSQL):
    """Drop an index AddSearchIndexOnPostgreSQL made (and make it again when reversed)."""

    def add(self, schema_editor, model):
        super().remove(schema_editor, model)

    def remove(self, schema_editor, model):
        super().add(schema_editor, model)

    def describe(self):
        return f"Drop full-text search index {self.name} on {self.model_name} (PostgreSQL only)"

    @property
    def migration_name_fragment(self):
        return f"remove_{self.model_name}_search_index"


class AddSearchVectorOnPostgreSQL(_PostgreSQLOnlyOperation):
    """A stored `tsvector` column the database computes from a model's fields, with an
    optional GIN index over it, on PostgreSQL only:

        column tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector(config, coalesce(title, '')), 'A')
            || setweight(to_tsvector(config, coalesce(summary, '')), 'B') || …
        ) STORED

    `fields` lists (field name, weight) pairs in order; weights are A (counts most)
    to D. Because the database computes the column on every INSERT and UPDATE, every
    way of writing keeps it right: save(), bulk_create(), QuerySet.update(), raw SQL.
    Django never selects or writes it (it is no model field), and a search refers to
    it by name (see baliprocess.search), so the name and the fields here must match
    the search's.

    A generated column ties down the columns it reads, in two ways a later migration
    of those fields will meet:

    - PostgreSQL refuses to change their type ("cannot alter type of a column used by
      a generated column"): an AlterField that changes a max_length or a field class
      must be preceded, in its migration, by RemoveSearchVectorOnPostgreSQL of this
      column and followed by this operation again.
    - Django drops a removed field's column with CASCADE, which drops this column
      (and its index) too, silently: the migration that removes a field must add this
      column again without it.

    Renaming a field, or changing its null, default, blank or choices, is not affected.
    Adding the column computes it for every row once, while the table is locked.
    """

    def __init__(
        self,
        model_name: str,
        column: str,
        fields: list[tuple[str, str]],
        index_name: str = "",
        config: str = "english",
    ):
        fields = [(name, weight) for name, weight in fields]
        if not fields:
            raise ValueError("A search vector needs at least one field.")
        for name, weight in fields:
            if weight not in SEARCH_WEIGHTS:
                raise ValueError(f"Weight {weight!r} of {name!r} is not one of A, B, C, D.")
        self.model_name = model_name
        self.column = column
        self.fields = fields
        self.index_name = index_name
        self.config = config

    def deconstruct(self):
        kwargs = {"model_name": self.model_name, "column": self.column, "fields": self.fields}
        if self.index_name:
            kwargs["index_name"] = self.index_name
        if self.config != "english":
            kwargs["config"] = self.config
        return (self.__class__.__qualname__, [], kwargs)

    def _expression(self, schema_editor, model) -> str:
        config = f"{schema_editor.quote_value(self.config)}::regconfig"
        parts = []
        for name, weight in self.fields:
            column = schema_editor.quote_name(model._meta.get_field(name).column)
            parts.append(
                f"setweight(to_tsvector({config}, coalesce({column}, '')), "
                f"{schema_editor.quote_value(weight)})"
            )
        return " || ".join(parts)

    def add(self, schema_editor, model):
        table = schema_editor.quote_name(model._meta.db_table)
        column = schema_editor.quote_name(self.column)
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} tsvector "
            f"GENERATED ALWAYS AS ({self._expression(schema_editor, model)}) STORED"
        )
        if self.index_name:
            index = schema_editor.quote_name(self.index_name)
            # fastupdate off: no pending list of new entries for every search to
            # scan until a vacuum merges it. The record is written rarely and read
            # often, so a write pays the index update at once instead.
            schema_editor.execute(
                f"CREATE INDEX {index} ON {table} USING gin ({column}) WITH (fastupdate = off)"
            )

    def remove(self, schema_editor, model):
        # Dropping the column drops its index with it.
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(
            f"ALTER TABLE {table} DROP COLUMN {schema_editor.quote_name(self.column)}"
        )

    def describe(self):
        indexed = f" indexed by {self.index_name}" if self.index_name else ""
        return (
            f"Add stored search vector {self.column}{indexed} to {self.model_name} "
            "(PostgreSQL only)"
        )

    @property
    def migration_name_fragment(self):
        return f"{self.model_name}_{self.column}"


class RemoveSearchVectorOnPostgreSQL(AddSearchVectorOnPostgreSQL):
    """Drop a column AddSearchVectorOnPostgreSQL made (and make it again when reversed),
    e.g. around an AlterField of one of its fields."""

    def add(self, schema_editor, model):
        super().remove(schema_editor, model)

    def remove(self, schema_editor, model):
        super().add(schema_editor, model)

    def describe(self):
        return f"Drop stored search vector {self.column} from {self.model_name} (PostgreSQL only)"

    @property
    def migration_name_fragment(self):
        return f"remove_{self.model_name}_{self.column}"


def FillSortDates(app_label: str, model_name: str, date_field: str, *, end_field: str = ""):  # noqa: N802
    """A RunPython step that fills `sort_date` for rows saved before it existed
    (save() keeps it after): the last day each date may stand for at its
    precision, or of `end_field` when that is set. In batches, so a large
    table is not read into memory at once."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        fields = ["pk", date_field, "date_precision", *([end_field] if end_field else [])]
        changed = []
        for row in model._base_manager.only(*fields).iterator(chunk_size=2000):
            value = (getattr(row, end_field) if end_field else None) or getattr(row, date_field)
            row.sort_date = period_end(value, row.date_precision)
            changed.append(row)
            if len(changed) >= 2000:
                model._base_manager.bulk_update(changed, ["sort_date"])
                changed = []
        model._base_manager.bulk_update(changed, ["sort_date"])

    return migrations.RunPython(forwards, migrations.RunPython.noop)


def FillKnownSince(app_label: str, model_name: str):  # noqa: N802
    """A RunPython step for rows entered before `known_since` existed: a status
    (or a place in a group) whose start is not recorded gets, as the first day
    it is known to hold, the day it was entered in the record (its first
    history entry), else the day of the migration. Without it, such a row
    would stop counting on every date, as if it had never held."""

    def forwards(apps, schema_editor):
        from django.db.models import Min, OuterRef, Subquery
        from django.utils import timezone

        model = apps.get_model(app_label, model_name)
        history = apps.get_model(app_label, f"Historical{model_name}")
        first_entry = (
            history.objects.filter(id=OuterRef("pk"))
            .order_by()
            .values("id")
            .annotate(first=Min("history_date"))
            .values("first")
        )
        undated = model._base_manager.filter(start_date__isnull=True, known_since__isnull=True)
        today = timezone.localdate()
        for row in undated.annotate(entered=Subquery(first_entry)).iterator(chunk_size=2000):
            entered = timezone.localdate(row.entered) if row.entered else today
            model._base_manager.filter(pk=row.pk).update(known_since=entered)

    return migrations.RunPython(forwards, migrations.RunPython.noop)
