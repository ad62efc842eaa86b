"""The first rows of a long list on a page about something else, and how many there are.

A participant's page cannot show every meeting it attended (Australia attends
them all): it shows the most recent and links to the meetings list filtered by
it. An Excerpt is those rows and the size of the whole list, read in one query.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Window

#: How many rows of a long list a detail page shows before linking to the rest.
EXCERPT_ROWS = 20


@dataclass
class Excerpt:
    """The first rows of a list and how many rows the list has in all.

    It iterates, counts and tests as its rows do, so a template written for a
    list keeps working; `is_partial` says when to link to the rest.
    """

    rows: list
    total: int

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows)

    @property
    def is_partial(self) -> bool:
        return self.total > len(self.rows)


def excerpt(queryset: QuerySet, limit: int = EXCERPT_ROWS) -> Excerpt:
    """The first `limit` rows of `queryset` (in its order) and its size, in one
    query: each row carries the count of the whole result (COUNT(*) OVER (),
    computed before the LIMIT). Not for a `.distinct()` queryset, whose window
    would count the rows before they are made distinct."""
    rows = list(queryset.annotate(excerpt_total=Window(Count("pk")))[:limit])
    return Excerpt(rows=rows, total=rows[0].excerpt_total if rows else 0)
