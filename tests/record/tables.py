"""Counting what is in the database, for the idempotence tests."""

from django.db import connection


def table_row_counts() -> dict[str, int]:
    """The number of rows in every table of the database, history tables included."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - names from the schema
            counts[table] = cursor.fetchone()[0]
    return counts
