from django.db import migrations

from baliprocess.lib.migrations import (
    AddSearchVectorOnPostgreSQL,
    RemoveSearchIndexOnPostgreSQL,
)


class Migration(migrations.Migration):
    """Search stored, weighted vectors instead of computing to_tsvector per row.

    Name over mandate over the rest: these weights and column names are the ones
    baliprocess.search reads (its `_TEXT_MODELS`)."""

    dependencies = [
        ("workshops", "0002_search_indexes"),
    ]

    operations = [
        RemoveSearchIndexOnPostgreSQL(
            model_name="group",
            name="group_search_idx",
            fields=["name", "short_name", "mandate", "description"],
        ),
        RemoveSearchIndexOnPostgreSQL(
            model_name="outcome", name="outcome_search_idx", fields=["title", "text"]
        ),
        AddSearchVectorOnPostgreSQL(
            model_name="group",
            column="search_vector",
            fields=[("name", "A"), ("short_name", "A"), ("mandate", "B"), ("description", "C")],
            index_name="group_search_vector_idx",
        ),
        AddSearchVectorOnPostgreSQL(
            model_name="outcome",
            column="search_vector",
            fields=[("title", "A"), ("text", "C")],
            index_name="outcome_search_vector_idx",
        ),
    ]
