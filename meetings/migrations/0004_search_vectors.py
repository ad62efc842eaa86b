from django.db import migrations

from baliprocess.lib.migrations import (
    AddSearchVectorOnPostgreSQL,
    RemoveSearchIndexOnPostgreSQL,
)


class Migration(migrations.Migration):
    """Search stored, weighted vectors instead of computing to_tsvector per row.

    Title over summary over the rest: these weights and column names are the ones
    baliprocess.search reads (its `_TEXT_MODELS`). A document has a second, small
    vector of its title and summary only, so ranking a common word never reads
    every document's full text."""

    dependencies = [
        ("meetings", "0003_search_indexes"),
    ]

    operations = [
        RemoveSearchIndexOnPostgreSQL(
            model_name="meeting", name="meeting_search_idx", fields=["title", "summary", "city"]
        ),
        RemoveSearchIndexOnPostgreSQL(
            model_name="document", name="document_search_idx", fields=["title", "summary", "text"]
        ),
        AddSearchVectorOnPostgreSQL(
            model_name="meeting",
            column="search_vector",
            fields=[("title", "A"), ("summary", "B"), ("city", "C")],
            index_name="meeting_search_vector_idx",
        ),
        AddSearchVectorOnPostgreSQL(
            model_name="document",
            column="search_vector",
            fields=[("title", "A"), ("summary", "B"), ("text", "C")],
            index_name="document_search_vector_idx",
        ),
        AddSearchVectorOnPostgreSQL(
            model_name="document",
            column="search_rank_vector",
            fields=[("title", "A"), ("summary", "B")],
        ),
    ]
