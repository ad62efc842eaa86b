"""The search's stored vectors and query language: what the database keeps for each
row, how a visitor's words become a query, ranking by weight, whole words, time
limits, and what the search costs."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import F

from baliprocess import search as search_module
from baliprocess.lib.migrations import (
    AddSearchIndexOnPostgreSQL,
    AddSearchVectorOnPostgreSQL,
    RemoveSearchIndexOnPostgreSQL,
    RemoveSearchVectorOnPostgreSQL,
)
from baliprocess.search import (
    _TEXT_MODELS,
    DOCUMENT,
    RANK_VECTOR,
    SEARCH_CONFIG,
    SEARCH_VECTOR,
    SearchTimeoutError,
    StoredVector,
    _tsquery_operand,
    is_prefix,
    mark_terms,
    parse_query,
    search,
    search_matches,
    search_time_limit,
    word_pattern,
)
from meetings.models import Document
from tests.concurrency import OtherStaffMember
from tests.factories import (
    DocumentFactory,
    GroupFactory,
    MeetingFactory,
    OrganisationFactory,
    OutcomeFactory,
)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stored search vectors exist on PostgreSQL only"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite fallback")

# On PostgreSQL the search page's queries run in a savepoint with a time limit:
# SAVEPOINT, the SET of the limit, ROLLBACK TO SAVEPOINT, RELEASE SAVEPOINT.
TIME_LIMIT_QUERIES = 4 if connection.vendor == "postgresql" else 0
TOO_LONG = "The search took too long; try fewer or more specific words."


def titles(text: str, **kwargs) -> list[str]:
    """The titles of the results of `text`, best first, as an anonymous visitor sees them."""
    results = search(text=text, user=AnonymousUser(), **kwargs)
    return [re.sub(r"</?mark>", "", str(result.title)) for result in results[0:50]]


def stored(queryset, column: str = SEARCH_VECTOR) -> list[str]:
    return [
        str(value)
        for value in queryset.annotate(v=StoredVector(column)).values_list("v", flat=True)
    ]


# --- Reading the query ------------------------------------------------------


def test_parse_query_remembers_what_was_quoted():
    query = parse_query('"support office" "smugg" traffick')

    assert query.terms == ("support office", "smugg", "traffick")
    assert query.quoted == frozenset({"support office", "smugg"})
    assert [query.is_prefix(term) for term in query.terms] == [False, False, True]


def test_parse_query_drops_null_characters_and_terms_without_a_letter():
    query = parse_query("smug\x00gling € -$ ⁂")

    assert query.terms == ("smuggling",)
    assert query.alternatives[0].excluded == ()


@pytest.mark.parametrize(
    ("term", "expected"),
    [("UN", False), ("RSO", True), ("support office", False), ("traffick", True)],
)
def test_only_words_of_three_letters_or_more_match_as_a_prefix(term, expected):
    assert is_prefix(term) is expected


@pytest.mark.parametrize(
    ("term", "prefix", "text", "found"),
    [
        ("RSO", True, "trafficking in persons", False),
        ("RSO", True, "the RSO opened", True),
        ("traffick", True, "Trafficking in persons", True),
        ("UN", False, "United Nations", False),
        ("UN", False, "the UN agencies", True),
        ("support office", False, "Regional Support, Office", True),
        ("support office", False, "support offices", False),
        ("co-operation", True, "Regional co operation", True),
    ],
)
def test_word_pattern_matches_where_a_word_starts(term, prefix, text, found):
    pattern = re.compile(word_pattern(term, prefix=prefix), re.IGNORECASE)

    assert bool(pattern.search(text)) is found


def test_mark_terms_marks_word_starts_only_and_ignores_terms_without_a_word():
    marked = mark_terms("RSO staff, persons, UNODC and the UN", ("rso", "un", "", "&"))

    assert marked == "\x02RSO\x03 staff, persons, UNODC and the \x02UN\x03"


@pytest.mark.parametrize(
    ("term", "prefix", "operand"),
    [
        ("traffick", True, "'traffick':*"),
        ("lost and stolen", False, "'lost and stolen'"),
        ("it's", True, "'it''s':*"),
        ("back\\slash'", False, "'back\\\\slash'''"),
        ("a:b & !(c) | <d>", False, "'a:b & !(c) | <d>'"),
    ],
)
def test_tsquery_operand_quotes_what_the_visitor_typed(term, prefix, operand):
    assert _tsquery_operand(term, prefix=prefix) == operand


# --- The stored vectors (PostgreSQL) ----------------------------------------


@on_postgresql
def test_stored_vector_is_filled_by_bulk_create():
    meeting = MeetingFactory()
    Document.objects.bulk_create(
        [
            Document(
                kind=Document.Kind.REPORT,
                title="Bulk report",
                slug=f"bulk-{number}",
                date=datetime.date(2010, 1, 1),
                summary="Irregular migration",
                text="Quokkas everywhere.",
                visibility=Document.Visibility.PUBLIC,
                meeting=meeting,
            )
            for number in range(2)
        ]
    )

    assert stored(Document.objects.filter(slug="bulk-0")) == [
        "'bulk':1A 'everywher':6C 'irregular':3B 'migrat':4B 'quokka':5C 'report':2A"
    ]
    assert titles("quokka") == ["Bulk report", "Bulk report"]


@pytest.mark.parametrize("fix", ["update", "save"])
def test_stored_vector_follows_every_write(fix):
    """A fix made with QuerySet.update() (a shell, a data migration) is searchable
    at once, as one made by save(): the database computes the vector."""
    document = DocumentFactory(title="Wombat report", text="About wombats.")
    if fix == "update":
        Document.objects.filter(pk=document.pk).update(title="Numbat report", text="Numbats.")
    else:
        document.title, document.text = "Numbat report", "Numbats."
        document.save()

    assert titles("wombat") == []
    assert titles("numbat") == ["Numbat report"]


ROWS_OF_EACH_TYPE = {
    "meeting": lambda: MeetingFactory(custom_title="Title words", summary="Summary", city="Bali"),
    "group": lambda: GroupFactory(
        name="Name words", short_name="SN", mandate="Mandate", description="Description"
    ),
    "outcome": lambda: OutcomeFactory(title="Title words", text="Text words"),
    "document": lambda: DocumentFactory(title="Title words", summary="Summary", text="Text"),
}


@on_postgresql
@pytest.mark.parametrize("key", sorted(_TEXT_MODELS))
def test_stored_vector_weighs_the_fields_as_the_search_reads_them(key):
    """The migration's fields and weights are the search's `_TEXT_MODELS`: the stored
    column equals the vector built from them."""
    spec = _TEXT_MODELS[key]
    ROWS_OF_EACH_TYPE[key]()
    expected = None
    for name, weight in spec.weights:
        part = SearchVector(F(name), config=SEARCH_CONFIG, weight=weight)
        expected = part if expected is None else expected + part
    rows = spec.model.objects.annotate(expected=expected, stored=StoredVector(SEARCH_VECTOR))

    pairs = [(str(a), str(b)) for a, b in rows.values_list("stored", "expected")]
    assert [a for a, _b in pairs] == [b for _a, b in pairs]
    assert spec.fields == spec.model.SEARCH_FIELDS


@on_postgresql
def test_document_rank_vector_holds_only_title_and_summary():
    DocumentFactory(title="Report", summary="Irregular movements", text="Quokkas.")

    assert stored(Document.objects.all(), RANK_VECTOR) == [
        "'irregular':2B 'movement':3B 'report':1A"
    ]


def _columns(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return {
            column.name for column in connection.introspection.get_table_description(cursor, table)
        }


def _indexes(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def _in_schema_editor(step) -> None:
    if connection.vendor == "postgresql":
        with connection.schema_editor() as editor:
            step(editor)
    else:
        # SQLite's editor cannot be entered inside the test's transaction; the
        # operations must do nothing there anyway.
        step(connection.schema_editor())


@pytest.mark.parametrize(
    ("app", "migration", "previous", "table", "old_index", "new_index"),
    [
        (
            "meetings",
            "0004_search_vectors",
            "0003_search_indexes",
            "meetings_document",
            "document_search_idx",
            "document_search_vector_idx",
        ),
        (
            "workshops",
            "0003_search_vectors",
            "0002_search_indexes",
            "workshops_outcome",
            "outcome_search_idx",
            "outcome_search_vector_idx",
        ),
    ],
)
def test_search_vector_migrations_are_reversible(
    app, migration, previous, table, old_index, new_index
):
    loader = MigrationLoader(connection)
    steps = loader.get_migration(app, migration)

    _in_schema_editor(lambda editor: steps.unapply(loader.project_state((app, migration)), editor))
    columns_before, indexes_before = _columns(table), _indexes(table)
    _in_schema_editor(lambda editor: steps.apply(loader.project_state((app, previous)), editor))
    columns_after, indexes_after = _columns(table), _indexes(table)

    if connection.vendor == "postgresql":
        assert (SEARCH_VECTOR in columns_before, SEARCH_VECTOR in columns_after) == (False, True)
        assert (old_index in indexes_before, new_index in indexes_before) == (True, False)
        assert (old_index in indexes_after, new_index in indexes_after) == (False, True)
    else:
        assert SEARCH_VECTOR not in columns_before | columns_after
        assert indexes_before == indexes_after


def test_search_vector_operations_check_and_deconstruct_their_arguments():
    add = AddSearchVectorOnPostgreSQL(
        model_name="document", column="v", fields=[("title", "A")], index_name="v_idx"
    )
    remove = RemoveSearchVectorOnPostgreSQL(
        model_name="document", column="v", fields=[("title", "A")], config="simple"
    )
    old = RemoveSearchIndexOnPostgreSQL(model_name="document", name="i", fields=["title"])

    assert add.deconstruct() == (
        "AddSearchVectorOnPostgreSQL",
        [],
        {
            "model_name": "document",
            "column": "v",
            "fields": [("title", "A")],
            "index_name": "v_idx",
        },
    )
    assert remove.deconstruct()[2]["config"] == "simple"
    assert "indexed by v_idx" in add.describe()
    assert remove.describe() == "Drop stored search vector v from document (PostgreSQL only)"
    assert old.describe() == "Drop full-text search index i on document (PostgreSQL only)"
    assert (add.migration_name_fragment, remove.migration_name_fragment) == (
        "document_v",
        "remove_document_v",
    )
    assert old.migration_name_fragment == "remove_document_search_index"
    assert AddSearchIndexOnPostgreSQL(model_name="m", name="i", fields=["t"]).reversible
    with pytest.raises(ValueError, match="at least one field"):
        AddSearchVectorOnPostgreSQL(model_name="document", column="v", fields=[])
    with pytest.raises(ValueError, match="not one of A, B, C, D"):
        AddSearchVectorOnPostgreSQL(model_name="document", column="v", fields=[("title", "E")])


# --- Ranking by weight, on every database -----------------------------------


def test_search_ranks_title_above_summary_above_text():
    DocumentFactory(title="Paper one", text="Extradition.", date=datetime.date(2020, 1, 1))
    DocumentFactory(title="Paper two", summary="Extradition.", date=datetime.date(2010, 1, 1))
    DocumentFactory(title="Extradition paper", date=datetime.date(2000, 1, 1))

    assert titles("extradition") == ["Extradition paper", "Paper two", "Paper one"]


def test_search_ranks_documents_found_only_in_their_text_newest_first():
    """Their text is not read to rank them: how often the word occurs there does not count."""
    older = datetime.date(2001, 1, 1)
    DocumentFactory(title="Older", text="Extradition, extradition.", date=older)
    DocumentFactory(title="Newer", text="Extradition.", date=datetime.date(2011, 1, 1))

    assert titles("extradition") == ["Newer", "Older"]


# --- The query language, on every database ----------------------------------


@pytest.mark.parametrize(("typed", "found"), [("traffick", "trafficking"), ("smugg", "smuggling")])
def test_search_matches_the_start_of_a_word(typed, found):
    DocumentFactory(title="Report", text=f"People {found} in the region.")

    assert titles(typed) == ["Report"]


def test_search_never_matches_inside_a_word():
    DocumentFactory(title="Persons report", text="Trafficking in persons.")
    DocumentFactory(title="Office report", text="The RSO opened in Bangkok.")
    OrganisationFactory(
        name="Asia Pacific Consultations on Refugees, Displaced Persons and Migrants",
        short_name="APC",
        acronym="APC",
        slug="apc",
    )

    assert titles("rso") == ["Office report"]


def test_search_matches_a_word_of_two_letters_whole():
    DocumentFactory(title="Agencies", text="The UN agencies met.")
    DocumentFactory(title="Nations", text="The United Nations met.")

    assert titles("UN") == ["Agencies"]


def test_search_matches_a_quoted_word_whole():
    DocumentFactory(title="Report", text="People smuggling.")

    assert titles('"smugg"') == []
    assert titles("smugg") == ["Report"]


def test_search_matches_a_phrase_only_with_its_words_together():
    DocumentFactory(title="Together", text="The Regional Support Office opened.")
    DocumentFactory(title="Apart", text="The office gave support to the ministers.")

    assert titles('"support office"') == ["Together"]
    assert sorted(titles("support office")) == ["Apart", "Together"]


def test_search_leaves_out_what_starts_with_a_word_after_a_minus():
    DocumentFactory(title="Adults", text="Trafficking of adults.")
    DocumentFactory(title="Children", text="Trafficking of children.")

    assert titles("trafficking -child") == ["Adults"]


def test_search_with_or_finds_either_alternative_each_with_its_exclusions():
    DocumentFactory(title="Bangkok", text="Hosted in Bangkok.")
    DocumentFactory(title="Lumpur", text="Hosted in Kuala Lumpur, near Bangkok.")
    DocumentFactory(title="Tokyo", text="Hosted in Tokyo.")

    assert sorted(titles("bangkok -lumpur or tokyo")) == ["Bangkok", "Tokyo"]


@on_postgresql
def test_search_of_stopwords_only_finds_nothing_and_says_what_to_try(client):
    DocumentFactory(title="Report", text="The record of the meeting.")

    response = client.get("/search/", {"q": "the of"})

    assert response.status_code == 200
    assert "0 results for “the of”" in response.text
    assert "Very common words such as “the” are not searched." in response.text


@on_postgresql
def test_search_of_stopwords_and_exclusions_finds_nothing_rather_than_everything_else():
    DocumentFactory(title="Adults", text="The trafficking of adults.")
    DocumentFactory(title="Children", text="The trafficking of children.")

    assert titles("the -child") == []
    assert titles("the -child or adults") == ["Adults"]


def test_search_of_a_stopword_and_a_word_searches_the_word():
    DocumentFactory(title="Report", text="The record of the meeting.")

    assert titles("the record") == ["Report"]


NASTY = [
    "\\",
    "a\\",
    "'",
    "''",
    "it's",
    '"unbalanced',
    "title:smuggling",
    "smuggling:*",
    "smuggling:A",
    "& | ! ( ) < > <-> <2>",
    "!smuggling & (trafficking | persons)",
    "-",
    "- -",
    "-smuggling",
    "the",
    "smug\x00gling",
    "x" * 5000,
    "smuggling " * 500,
    " ".join(f"w{number}" for number in range(800)),
    '"' + "support office " * 300 + '"',
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_search_of_anything_a_visitor_types_answers(text):
    DocumentFactory(title="Report", text="People smuggling and trafficking in persons.")

    results = search(text=text, user=AnonymousUser())

    assert results.count() in (0, 1)
    assert len(results[0:20]) == results.count()


@pytest.mark.parametrize("text", ["\\", "a:b\\'", "smuggling & !", "-", "the", "x" * 5000])
def test_search_page_with_any_input_answers_with_results_or_a_message(client, text):
    DocumentFactory(title="Report", text="People smuggling.")

    response = client.get("/search/", {"q": text})

    assert response.status_code == 200
    assert re.search(
        r"\d+ results? for “|There is no word to look for|Search for at most 200 characters",
        response.text,
    )


# --- Time limits (PostgreSQL) -----------------------------------------------


def _statement_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_search_queries_run_with_a_time_limit_that_ends_with_them():
    with search_time_limit():
        inside = _statement_timeout()
        with search_time_limit():  # nested: the same limit, set once
            nested = _statement_timeout()

    assert (inside, nested, _statement_timeout()) == ("2s", "2s", "0")


@on_postgresql
def test_search_time_limit_ends_inside_another_transaction_too():
    with search_time_limit():
        pass

    assert (_statement_timeout(), _setting("enable_seqscan"), _setting("jit")) == ("0", "on", "on")


def _setting(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s)", [name])
        return cursor.fetchone()[0]


def _lock_the_documents():
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {Document._meta.db_table} IN ACCESS EXCLUSIVE MODE")


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_search_that_runs_out_of_time_says_so_and_is_not_cached(client, monkeypatch):
    """Another transaction holds the documents' table: the search's count waits on
    it until the (shortened) statement timeout cancels it, for real."""
    DocumentFactory(title="Smuggling report")
    monkeypatch.setattr(search_module, "STATEMENT_TIMEOUT_MS", 100)
    other = OtherStaffMember(_lock_the_documents)
    other.start()
    other.take_step()
    try:
        response = client.get("/search/", {"q": "smuggling"})
        with pytest.raises(SearchTimeoutError):
            search(text="smuggling", user=AnonymousUser()).count()
    finally:
        other.commit()
    after = client.get("/search/", {"q": "smuggling"})

    assert response.status_code == 200
    assert TOO_LONG in response.text
    assert "no-store" in response["Cache-Control"]
    assert "What you can search" in response.text
    assert TOO_LONG not in after.text
    assert "1 result for “smuggling”" in after.text
    assert _statement_timeout() == "0"


# --- Cost -------------------------------------------------------------------


@on_postgresql
@pytest.mark.parametrize(
    ("result_type", "index"),
    [
        ("meeting", "meeting_search_vector_idx"),
        ("group", "group_search_vector_idx"),
        ("outcome", "outcome_search_vector_idx"),
        ("document", "document_search_vector_idx"),
    ],
)
def test_search_matches_through_the_stored_vector_index(result_type, index):
    """Even a word found in every row: the search's own settings keep the planner from
    a sequential scan, which would read every row's full vector."""
    DocumentFactory(text="People smuggling.")
    with search_time_limit(), connection.cursor() as cursor:
        # A GIN index is read only by a bitmap scan: plain index scans (of a
        # primary key, say) are turned off, so the plan cannot dodge it.
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = search_matches(result_type, text="smuggling", user=AnonymousUser()).explain()

    assert index in plan
    assert "to_tsvector" not in plan


@on_postgresql
def test_search_ranks_documents_on_the_small_vector_only():
    DocumentFactory(text="People smuggling.")
    results = search(text="smuggling", user=AnonymousUser(), result_type=DOCUMENT.key)

    sql = str(results._ranked_rows().query)

    assert f'ts_rank("meetings_document"."{RANK_VECTOR}"' in sql
    assert f'ts_rank("meetings_document"."{SEARCH_VECTOR}"' not in sql


def _record(item_count: int) -> None:
    for number in range(item_count):
        meeting = MeetingFactory(summary=f"The Regional Support Office, meeting {number}.")
        OutcomeFactory(source_meeting=meeting, text="Support the office on trafficking.")
        DocumentFactory(meeting=meeting, text="The regional support office on trafficking.")
        DocumentFactory(meeting=meeting, text="Trafficking of children.")


@pytest.mark.parametrize("item_count", [1, 3])
def test_search_of_phrases_prefixes_and_alternatives_query_count_is_fixed(
    client, django_assert_num_queries, item_count
):
    _record(item_count)

    with django_assert_num_queries(5 + TIME_LIMIT_QUERIES):
        response = client.get("/search/", {"q": '"support office" or traffick -child'})

    assert "result" in response.text
    assert response.text.count('class="search-result"') == 3 * item_count
