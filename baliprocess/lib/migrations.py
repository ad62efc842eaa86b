"""Migration operations for what only PostgreSQL has: full-text search indexes.

The GIN index is deliberately kept out of the model state (and so out of
Meta.indexes): SQLite rebuilds a table from the model state whenever a
migration alters it, and would then try to build an index it cannot have.
On SQLite the search falls back to plain matching (see baliprocess.search).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db.migrations.operations.base import Operation


class AddSearchIndexOnPostgreSQL(Operation):
    """Index `to_tsvector(config, field || ' ' || …)` for a model, on PostgreSQL only.

    The fields and config must match the SearchVector the model's search
    selector builds, or PostgreSQL will not use the index.
    """

    reversible = True

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

    def state_forwards(self, app_label, state):
        # Not part of the model state on purpose (see the module docstring).
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_index(model, self._index())

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_index(model, self._index())

    def describe(self):
        return f"Create full-text search index {self.name} on {self.model_name} (PostgreSQL only)"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name}_search_index"
