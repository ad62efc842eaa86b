"""The site-wide search: one ranked list over meetings, participants, groups,
outcomes and documents, showing each viewer only what they may see.

What a visitor may type (`parse_query`): words, all of which must appear; a
phrase in quotes; a minus before a word or phrase to leave out what contains it;
`or` between alternatives. A word matches at the start of a word, so `traffick`
finds "trafficking" and `smugg` "smuggling"; a word of one or two letters, and a
quoted one, must match whole. Nothing ever matches inside a word: "RSO" does not
find "persons".

On PostgreSQL, meetings, groups, outcomes and documents are matched against a
stored, weighted `tsvector` column the database keeps for every row (title A,
summary B, the rest C; see the migrations using
baliprocess.lib.migrations.AddSearchVectorOnPostgreSQL), through its GIN index.
The tsquery is built here from the parsed words, never from the raw text: each
word becomes a quoted operand of to_tsquery with the 'english' config (so it is
stemmed, and a stopword drops out), with `:*` for a prefix; phrases become
`<->`, exclusions `!`, alternatives `|`. Only the matches are ranked, with
`ts_rank` on a small vector: a document's title and summary (its full text is
never read to rank), the whole vector of the other types, whose rows are short.
A document found only in its text ranks below every one found in its title or
summary. Only the rows of the page shown get `ts_headline` snippets.
Participants have no text worth indexing: their official, short and alternative
names and acronyms are matched by word, and an exact name ranks above a partial
one.

On any other database (SQLite on a laptop) every type is matched by word with
regular expressions on the same fields (Django registers REGEXP on SQLite
connections), ranked by fixed weights, and snippets are cut in Python.

A search cannot run away: on PostgreSQL its queries run under a statement
timeout (`search_time_limit`), and running out of time raises SearchTimeoutError,
which the search page turns into a message.

Snippets are safe: the stored text is not HTML. Matches are marked with two
control characters, the text is escaped, and only then do the markers become
`<mark>` elements.

The number of queries does not grow with the record: one counts the matches of
each type (up to COUNT_LIMIT, so its work does not grow either), one fetches a
page of (type, id) pairs in rank order, and one per type present on that page
loads its rows for display.
"""

import contextvars
import dataclasses
import datetime
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import OperationalError, connection, transaction
from django.db.models import (
    Case,
    DateField,
    Exists,
    Expression,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat, Greatest, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from baliprocess.lib.dates import format_date
from meetings.models import Document, Meeting
from membership.models import Participant, ParticipantName
from workshops.models import Group, Outcome

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
# A word this long or longer matches as the start of a word; a shorter one
# ("UN", "EU") only as a whole word, or it would match half the dictionary.
MIN_PREFIX_LENGTH = 3

# The columns AddSearchVectorOnPostgreSQL adds in the meetings and workshops
# migrations: every searchable row's weighted vector (GIN-indexed), and a
# document's title and summary alone, to rank without reading its text.
SEARCH_VECTOR = "search_vector"
RANK_VECTOR = "search_rank_vector"

# Matches counted, and so reachable by paging, per type: enough for any reader
# (50 pages), bounded whatever the archive's size.
COUNT_LIMIT = 1000

# How long one of the search's queries may run on PostgreSQL (milliseconds).
STATEMENT_TIMEOUT_MS = 2000
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement it cancelled

# ts_headline and the Python fallback wrap each match in these; they are
# stripped from the stored text first, so every pair in a snippet is ours.
START_MARK = "\x02"
STOP_MARK = "\x03"
_MARKED = re.compile(f"{START_MARK}([^{START_MARK}{STOP_MARK}]*){STOP_MARK}")
_SPACES = re.compile(r"\s+")
_WORD_CHARACTERS = re.compile(r"\w+")

# Ranks on one scale for every type. ts_rank gives one occurrence of a word
# weighted A (a title) about 0.61, B (a summary) 0.24, C (other text) 0.12;
# the fallback and the participants' name matching use fixed values placed on
# that scale. A document found only in its full text gets TEXT_ONLY_RANK,
# below any match in a title or summary.
EXACT_NAME_RANK = 1.0
PARTIAL_NAME_RANK = 0.2
TEXT_ONLY_RANK = 0.001
FALLBACK_RANKS = {"A": 0.6, "B": 0.24, "C": 0.12, "D": 0.06}

SNIPPET_CHARACTERS = 240


@dataclass(frozen=True)
class ResultType:
    key: str
    label: str
    plural: str


MEETING = ResultType("meeting", "Meeting", "Meetings")
PARTICIPANT = ResultType("participant", "Participant", "Participants")
GROUP = ResultType("group", "Group", "Groups")
OUTCOME = ResultType("outcome", "Outcome", "Outcomes")
DOCUMENT = ResultType("document", "Document", "Documents")
# In this order when ranks are equal, and in the type filter.
RESULT_TYPES = (MEETING, PARTICIPANT, GROUP, OUTCOME, DOCUMENT)
RESULT_TYPE_KEYS = tuple(result_type.key for result_type in RESULT_TYPES)
_TYPE_BY_KEY = {result_type.key: result_type for result_type in RESULT_TYPES}
_TYPE_ORDER = {result_type.key: order for order, result_type in enumerate(RESULT_TYPES)}


@dataclass(frozen=True)
class _TextModel:
    """How a model with SEARCH_FIELDS is matched, ranked, dated and excerpted.

    `weights` pairs each of SEARCH_FIELDS with its weight, in the order of the
    stored vector: they must match the migration that added the column."""

    model: type
    weights: tuple[tuple[str, str], ...]
    date_field: str
    snippet_fields: tuple[str, ...]
    rank_vector: str = SEARCH_VECTOR

    def fields_weighted(self, weight: str) -> tuple[str, ...]:
        return tuple(name for name, its_weight in self.weights if its_weight == weight)

    @property
    def title_fields(self) -> tuple[str, ...]:
        return self.fields_weighted("A")

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name, _weight in self.weights)


_TEXT_MODELS = {
    MEETING.key: _TextModel(
        Meeting, (("title", "A"), ("summary", "B"), ("city", "C")), "start_date", ("summary",)
    ),
    GROUP.key: _TextModel(
        Group,
        (("name", "A"), ("short_name", "A"), ("mandate", "B"), ("description", "C")),
        "established_on",
        ("mandate", "description"),
    ),
    OUTCOME.key: _TextModel(Outcome, (("title", "A"), ("text", "C")), "date", ("text",)),
    DOCUMENT.key: _TextModel(
        Document,
        (("title", "A"), ("summary", "B"), ("text", "C")),
        "date",
        ("summary", "text"),
        rank_vector=RANK_VECTOR,
    ),
}
_PARTICIPANT_NAME_FIELDS = ("name", "short_name", "acronym")


class StoredVector(Expression):
    """A search vector column the database keeps on the queried model's table.

    It is no model field (see baliprocess.lib.migrations), so F() cannot name it;
    this names it on the query's base table, under whatever alias that table
    gets, also inside a subquery. Reads Query.get_initial_alias(), a private
    method (Django 6.1): the PostgreSQL search tests break loudly if it changes.
    """

    output_field = SearchVectorField()
    contains_column_references = True

    def __init__(self, column: str, alias: str | None = None):
        super().__init__()
        self.column = column
        self.alias = alias

    def __repr__(self):
        return f"{self.__class__.__name__}({self.column!r}, alias={self.alias!r})"

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        return type(self)(self.column, alias=query.get_initial_alias())

    def relabeled_clone(self, change_map):
        return type(self)(self.column, alias=change_map.get(self.alias, self.alias))

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name(self.alias)}.{compiler.quote_name(self.column)}", []


# --- What was asked --------------------------------------------------------

# A quoted phrase (closing quote optional) or a run of non-space characters,
# either one possibly preceded by a minus that leaves it out.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_EDGE_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’…«»"


@dataclass(frozen=True)
class Alternative:
    """Words that must all appear, and words that must not."""

    terms: tuple[str, ...]
    excluded: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedQuery:
    """The visitor's words: `or` separates alternatives, of which one must
    match; within one, every word must appear, quoted phrases stay together,
    and a leading minus leaves out what contains a word. An alternative made
    only of words to leave out is dropped: a search finds, it does not list
    everything but. `quoted` holds (casefolded) the words and phrases that were
    in quotes: they match whole words only."""

    text: str
    alternatives: tuple[Alternative, ...] = ()
    quoted: frozenset[str] = field(default=frozenset())

    @property
    def terms(self) -> tuple[str, ...]:
        """Every word or phrase asked for, once each (for ranking and highlighting)."""
        terms: dict[str, str] = {}
        for alternative in self.alternatives:
            for term in alternative.terms:
                terms.setdefault(term.casefold(), term)
        return tuple(terms.values())

    @property
    def exact_names(self) -> tuple[str, ...]:
        """What a participant's name must equal to be an exact match."""
        return tuple(" ".join(alternative.terms) for alternative in self.alternatives)

    @property
    def is_searchable(self) -> bool:
        return bool(self.alternatives)

    def is_prefix(self, term: str) -> bool:
        return is_prefix(term, self.quoted)


def is_prefix(term: str, quoted: frozenset[str] = frozenset()) -> bool:
    """Whether `term` matches the start of a word (`traffick`), or only whole
    words: a phrase, a quoted word, a word shorter than MIN_PREFIX_LENGTH."""
    return len(term) >= MIN_PREFIX_LENGTH and " " not in term and term.casefold() not in quoted


def parse_query(text: str) -> ParsedQuery:
    alternatives: list[Alternative] = []
    terms: list[str] = []
    excluded: list[str] = []
    quoted: set[str] = set()

    def close_alternative():
        if terms:
            alternatives.append(Alternative(tuple(terms), tuple(excluded)))
        terms.clear()
        excluded.clear()

    text = text.replace("\x00", "")  # no database takes a NUL in text
    for match in _TOKEN.finditer(text):
        minus, phrase, word = match.groups()
        if word is not None:
            minus = "-" if word.startswith("-") and len(word) > 1 else ""
            candidate = word.strip(_EDGE_PUNCTUATION)
            if not minus and candidate.casefold() == "or":
                close_alternative()
                continue
        else:
            candidate = _SPACES.sub(" ", phrase).strip()
            quoted.add(candidate.casefold())
        # Something without a letter or digit ("&", "€") has no word to look for.
        if not _WORD_CHARACTERS.search(candidate):
            continue
        target = excluded if minus else terms
        if candidate.casefold() not in {term.casefold() for term in target}:
            target.append(candidate)
    close_alternative()
    return ParsedQuery(
        text=text.strip(), alternatives=tuple(alternatives), quoted=frozenset(quoted)
    )


def _full_text_search() -> bool:
    return connection.vendor == "postgresql"


def _tsquery_operand(term: str, *, prefix: bool) -> str:
    """`term` as one quoted operand of to_tsquery: the database's parser splits it
    into words (joined by <-> when there are several), stems them and drops
    stopwords. Inside the quotes only a quote and a backslash mean something, and
    both are doubled, so nothing a visitor types can become an operator."""
    escaped = term.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'{':*' if prefix else ''}"


class _MatchQuery(SearchQuery):
    """The tsquery a row must match: the alternatives OR-ed (`||`), each made of
    its words and not its exclusions, as (wanted words, whole alternative) texts
    for to_tsquery.

    An alternative whose words are all stopwords matches nothing: to_tsquery
    would drop them and leave only the exclusions (`the -child` would become
    `!'child'`, every row without the word). Every part is a constant, so
    PostgreSQL folds the whole expression into one tsquery when it plans the
    query, and the GIN index serves it."""

    def __init__(self, alternatives: list[tuple[str, str]]):
        super().__init__("", config=SEARCH_CONFIG, search_type="raw")
        self.alternatives = alternatives

    def as_sql(self, compiler, connection, function=None, template=None):
        parts, params = [], []
        for wanted, whole in self.alternatives:
            if wanted == whole:
                parts.append("to_tsquery(%s::regconfig, %s)")
                params += [SEARCH_CONFIG, whole]
            else:
                parts.append(
                    "CASE WHEN numnode(to_tsquery(%s::regconfig, %s)) = 0 THEN ''::tsquery "
                    "ELSE to_tsquery(%s::regconfig, %s) END"
                )
                params += [SEARCH_CONFIG, wanted, SEARCH_CONFIG, whole]
        return f"({' || '.join(parts)})", params


def _match_tsquery(query: ParsedQuery) -> SearchQuery:
    """What a row must match: one of the alternatives, each its words and not its exclusions."""
    alternatives = []
    for alternative in query.alternatives:
        wanted = " & ".join(
            _tsquery_operand(term, prefix=query.is_prefix(term)) for term in alternative.terms
        )
        excluded = [
            "!" + _tsquery_operand(term, prefix=query.is_prefix(term))
            for term in alternative.excluded
        ]
        alternatives.append((wanted, " & ".join([wanted, *excluded])))
    return _MatchQuery(alternatives)


def _terms_tsquery(query: ParsedQuery) -> SearchQuery:
    """Any word or phrase asked for: to rank (each one found counts) and highlight."""
    operands = [_tsquery_operand(term, prefix=query.is_prefix(term)) for term in query.terms]
    return SearchQuery(" | ".join(operands), config=SEARCH_CONFIG, search_type="raw")


class SearchTimeoutError(Exception):
    """A query of the search ran longer than STATEMENT_TIMEOUT_MS and was cancelled."""


_time_limited = contextvars.ContextVar("search_time_limited", default=False)


@contextmanager
def search_time_limit():
    """Run the search queries inside this block in their own transaction (a
    savepoint inside another), rolled back at the end, with three settings that
    end with it:

    - statement_timeout = STATEMENT_TIMEOUT_MS; SearchTimeoutError when it fires;
    - enable_seqscan off: for a word found in most rows the planner prefers a
      sequential scan, not knowing that it reads every row's full vector out of
      TOAST (20,000 documents: 100–250 ms, against 20–25 ms through the index,
      which needs no vector for a match without a phrase);
    - jit off: compiling costs more than these short queries take, and the
      disabled scans' cost estimates would pass jit_above_cost.

    Nested blocks share the outer one; on SQLite it does nothing. SearchResults
    enters it around each of its queries; a caller that runs several (the search
    page: the counts, then a page) wraps them in one block to set it once."""
    if not _full_text_search() or _time_limited.get():
        yield
        return
    token = _time_limited.set(True)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, true),"
                    " set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)",
                    [str(int(STATEMENT_TIMEOUT_MS))],
                )
            try:
                yield
            finally:
                # The search only reads: rolling its transaction (or savepoint) back
                # ends the settings, where a release would keep them for the rest
                # of an outer transaction.
                transaction.set_rollback(True)
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) == QUERY_CANCELED:
            raise SearchTimeoutError from error
        raise
    finally:
        _time_limited.reset(token)


# --- Matching and ranking --------------------------------------------------


def _visible(result_type: str, user) -> QuerySet:
    """Each type's rows this viewer may see; the models' rules, never our own."""
    if result_type == MEETING.key:
        return Meeting.objects.visible_to(user)
    if result_type == DOCUMENT.key:
        return Document.objects.visible_to(user)
    if result_type == OUTCOME.key:
        return Outcome.objects.visible_to(user)
    if result_type == GROUP.key:
        return Group.objects.all()  # groups are public
    return Participant.objects.all()  # participants are public


def word_pattern(term: str, *, prefix: bool) -> str:
    """A regular expression, the same for Python, SQLite (Python's, through
    Django's REGEXP) and PostgreSQL, matching `term` where a word starts: its
    words in order with anything but letters and digits between them, ending
    anywhere (a prefix) or where a word ends."""
    words = r"\W+".join(re.escape(word) for word in _WORD_CHARACTERS.findall(term))
    return rf"(?<!\w){words}" + ("" if prefix else r"(?!\w)")


def _any_field_matches(fields: tuple[str, ...], pattern: str) -> Q:
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__iregex": pattern})
    return condition


def _participant_has_name_matching(pattern: str) -> Q:
    aliases = ParticipantName.objects.filter(participant=OuterRef("pk"), name__iregex=pattern)
    return _any_field_matches(_PARTICIPANT_NAME_FIELDS, pattern) | Q(Exists(aliases))


def _participant_has_exact_name(names: tuple[str, ...]) -> Q:
    condition = Q()
    for phrase in names:
        aliases = ParticipantName.objects.filter(participant=OuterRef("pk"), name__iexact=phrase)
        condition |= Q(Exists(aliases))
        for name in _PARTICIPANT_NAME_FIELDS:
            condition |= Q(**{f"{name}__iexact": phrase})
        if len(phrase) == 2 and phrase.isalpha():
            condition |= Q(country=phrase.upper())  # an ISO 3166 code: "NZ"
    return condition


def _matching(result_type: str, query: ParsedQuery, user) -> QuerySet:
    queryset = _visible(result_type, user).order_by()
    if result_type != PARTICIPANT.key and _full_text_search():
        # The stored column itself, so its GIN index serves the match.
        return queryset.alias(search_document=StoredVector(SEARCH_VECTOR)).filter(
            search_document=_match_tsquery(query)
        )
    if result_type == PARTICIPANT.key:
        matches = _participant_has_name_matching
    else:
        matches = partial(_any_field_matches, _TEXT_MODELS[result_type].fields)
    condition = Q()
    for alternative in query.alternatives:
        this = Q()
        for term in alternative.terms:
            this &= matches(word_pattern(term, prefix=query.is_prefix(term)))
        for term in alternative.excluded:
            this &= ~matches(word_pattern(term, prefix=query.is_prefix(term)))
        condition |= this
    return queryset.filter(condition)


def _rank(result_type: str, query: ParsedQuery):
    if result_type == PARTICIPANT.key:
        return Case(
            When(_participant_has_exact_name(query.exact_names), then=Value(EXACT_NAME_RANK)),
            default=Value(PARTIAL_NAME_RANK),
            output_field=FloatField(),
        )
    spec = _TEXT_MODELS[result_type]
    if _full_text_search():
        rank = SearchRank(StoredVector(spec.rank_vector), _terms_tsquery(query))
        if spec.rank_vector == SEARCH_VECTOR:
            return rank
        # Not found in the small vector: found in the text, which is not read.
        return Greatest(rank, Value(TEXT_ONLY_RANK), output_field=FloatField())
    # Each word found adds its share of the weight of the fields it was found in.
    share = 1 / len(query.terms)
    scores = [
        Case(
            When(
                _any_field_matches(fields, word_pattern(term, prefix=query.is_prefix(term))),
                then=Value(FALLBACK_RANKS[weight] * share),
            ),
            default=Value(0.0),
            output_field=FloatField(),
        )
        for term in query.terms
        for weight in FALLBACK_RANKS
        if (fields := spec.fields_weighted(weight))
    ]
    return _balanced_sum(scores)


def _balanced_sum(expressions: list):
    """a + b + c + d as (a + b) + (c + d): SQLite's parser overflows on a long
    left-leaning chain, and a query may have a hundred words."""
    if len(expressions) == 1:
        return expressions[0]
    middle = len(expressions) // 2
    return _balanced_sum(expressions[:middle]) + _balanced_sum(expressions[middle:])


def search_matches(result_type: str, *, text: str, user) -> QuerySet:
    """The rows of one type that match `text` and that `user` may see, unordered."""
    return _matching(result_type, parse_query(text), user)


# --- Snippets ---------------------------------------------------------------


def _without_marks(text: str) -> str:
    return text.replace(START_MARK, "").replace(STOP_MARK, "")


def marks_to_html(text: str) -> SafeString:
    """Escape `text`, then turn each pair of markers into a <mark> element."""
    escaped = escape(_SPACES.sub(" ", text).strip())
    # Safe: the whole text is escaped first; only our own markers become <mark>.
    return mark_safe(_without_marks(_MARKED.sub(r"<mark>\1</mark>", escaped)))  # nosec B308 B703


def _terms_pattern(terms: tuple[str, ...], quoted: frozenset[str]) -> re.Pattern | None:
    """Any of the terms where a word starts, as the search matches them."""
    patterns = sorted(
        (
            word_pattern(term, prefix=is_prefix(term, quoted))
            for term in terms
            if _WORD_CHARACTERS.search(term)
        ),
        key=len,
        reverse=True,
    )
    if not patterns:
        return None
    return re.compile("|".join(patterns), re.IGNORECASE)


def mark_terms(text: str, terms: tuple[str, ...], *, quoted: frozenset[str] = frozenset()) -> str:
    """`text` with every match of the terms between the markers."""
    text = _without_marks(text)
    pattern = _terms_pattern(terms, quoted)
    if pattern is None:
        return text
    return pattern.sub(lambda found: f"{START_MARK}{found.group(0)}{STOP_MARK}", text)


def excerpt(
    text: str,
    terms: tuple[str, ...],
    *,
    quoted: frozenset[str] = frozenset(),
    width: int = SNIPPET_CHARACTERS,
) -> str:
    """About `width` characters of `text` around the first match of a term,
    cut at spaces, with the terms marked; the start of the text if none matches."""
    text = _SPACES.sub(" ", _without_marks(text)).strip()
    if not text:
        return ""
    pattern = _terms_pattern(terms, quoted)
    found = pattern.search(text) if pattern else None
    start = 0
    if found and found.start() > width // 3:
        start = text.rfind(" ", 0, found.start() - width // 3) + 1
    end = start + width
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    else:
        end = len(text)
    piece = text[start:end].strip()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + mark_terms(piece, terms, quoted=quoted) + suffix


def _headline(expression, query: ParsedQuery, *, whole: bool = False) -> SearchHeadline:
    if whole:
        options = {"highlight_all": True}
    else:
        options = {
            "max_words": 35,
            "min_words": 15,
            "max_fragments": 2,
            "fragment_delimiter": " … ",
        }
    return SearchHeadline(
        Replace(Replace(expression, Value(START_MARK), Value("")), Value(STOP_MARK), Value("")),
        _terms_tsquery(query),
        config=SEARCH_CONFIG,
        start_sel=START_MARK,
        stop_sel=STOP_MARK,
        **options,
    )


def _joined(fields: tuple[str, ...]):
    if len(fields) == 1:
        return F(fields[0])
    parts = []
    for name in fields:
        parts += [F(name), Value(" ")]
    return Concat(*parts[:-1], output_field=TextField())


# --- Results ----------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    result_type: ResultType
    title: SafeString
    url: str
    snippet: SafeString
    details: tuple[str, ...] = ()
    notice: str = ""
    rank: float = 0.0
    date: datetime.date | None = None


def _document_details(document: Document) -> tuple[str, ...]:
    source = document.meeting or document.group
    return tuple(
        part
        for part in (document.get_kind_display(), document.date_label, str(source or ""))
        if part
    )


def _document_notice(document: Document) -> str:
    if document.is_embargoed():
        return f"Embargoed until {format_date(document.embargo_until)}"
    if document.visibility != Document.Visibility.PUBLIC:
        return document.get_visibility_display()
    if document.meeting_id and not document.meeting.is_published:
        return "Meeting not published"
    return ""


def _outcome_details(outcome: Outcome) -> tuple[str, ...]:
    source = outcome.source_meeting or outcome.source_group
    parts = [outcome.get_kind_display(), outcome.date_label]
    if source is not None:
        parts.append(f"from {source}")
    return tuple(part for part in parts if part)


def _participant_text(participant: Participant) -> str:
    parts = []
    if participant.name != participant.short_name:
        parts.append(participant.name)
    if participant.acronym and participant.acronym != participant.short_name:
        parts.append(participant.acronym)
    if participant.matched_alias:
        parts.append(f"also known as {participant.matched_alias}")
    return " · ".join(parts)


class SearchResults:
    """The merged, ranked results of one search, for one viewer.

    Behaves as a Paginator's object list: `count()` answers from the counts per
    type, and a slice runs the page query and loads that page's rows.
    """

    def __init__(self, *, text: str, user, result_type: str = ""):
        if result_type and result_type not in RESULT_TYPE_KEYS:
            raise ValueError(f"Unknown result type {result_type!r}")
        self.query = parse_query(text)
        self.user = user
        self.result_type = result_type

    @property
    def selected_types(self) -> tuple[str, ...]:
        return (self.result_type,) if self.result_type else RESULT_TYPE_KEYS

    @cached_property
    def _counted(self) -> tuple[dict[str, int], frozenset[str]]:
        """Matches of every type (whatever the type filter), in one query, each
        counted up to COUNT_LIMIT: past that, counting would visit every match of a
        common word (17,000 of 20,000 documents for "trafficking"), a cost that
        grows with the archive, to print a number nobody pages through. Returns
        the counts and the types that have more than their count."""
        counts = dict.fromkeys(RESULT_TYPE_KEYS, 0)
        if not self.query.is_searchable:
            return counts, frozenset()
        selects, params = [], []
        for order, key in enumerate(RESULT_TYPE_KEYS):
            matches = _matching(key, self.query, self.user).values("pk")[: COUNT_LIMIT + 1]
            sql, matches_params = matches.query.sql_with_params()
            # Django compiled each subquery and holds its values apart as parameters.
            selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS matches_{order})")  # noqa: S608 # nosec B608
            params.extend(matches_params)
        with search_time_limit(), connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(selects)}", params)
            row = cursor.fetchone()
        totals = dict(zip(RESULT_TYPE_KEYS, row, strict=True))
        capped = frozenset(key for key, total in totals.items() if total > COUNT_LIMIT)
        counts = {key: min(total, COUNT_LIMIT) for key, total in totals.items()}
        return counts, capped

    @property
    def counts(self) -> dict[str, int]:
        """Matches of every type, at most COUNT_LIMIT each (see `more_than`)."""
        return self._counted[0]

    @property
    def more_than(self) -> frozenset[str]:
        """The types with more matches than COUNT_LIMIT: only that many are counted and shown."""
        return self._counted[1]

    @property
    def count_limit(self) -> int:
        return COUNT_LIMIT

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def total_is_more(self) -> bool:
        return bool(self.more_than)

    def count(self) -> int:
        return sum(self.counts[key] for key in self.selected_types)

    @property
    def count_is_more(self) -> bool:
        """Whether there are more results of the selected types than `count()` says."""
        return any(key in self.more_than for key in self.selected_types)

    def __len__(self) -> int:
        return self.count()

    def _ranked_rows(self) -> QuerySet:
        parts = []
        for key in self.selected_types:
            spec = _TEXT_MODELS.get(key)
            date = F(spec.date_field) if spec else Cast(Value(None), DateField())
            parts.append(
                _matching(key, self.query, self.user)
                .annotate(
                    result_type=Value(_TYPE_ORDER[key], output_field=IntegerField()),
                    result_pk=F("pk"),
                    result_rank=_rank(key, self.query),
                    result_date=date,
                )
                .values_list("result_type", "result_pk", "result_rank", "result_date")
            )
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        return rows.order_by(
            "-result_rank",
            "result_type",
            F("result_date").desc(nulls_last=True),
            "-result_pk",
        )

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Search results are read a page (a slice) at a time.")
        if not self.query.is_searchable or self.count() == 0:
            return []
        with search_time_limit():
            rows = list(self._ranked_rows()[index])
            wanted: dict[str, list[int]] = {}
            for order, pk, _rank_value, _date in rows:
                wanted.setdefault(RESULT_TYPE_KEYS[order], []).append(pk)
            loaded = {key: self._load(key, pks) for key, pks in wanted.items()}
        results = []
        for order, pk, rank, date in rows:
            result = loaded[RESULT_TYPE_KEYS[order]].get(pk)
            if result is not None:  # deleted or hidden since the page query
                results.append(dataclasses.replace(result, rank=rank, date=date))
        return results

    # Loading one page's rows of each type, with their snippets.

    def _load(self, key: str, pks: list[int]) -> dict[int, SearchResult]:
        queryset = _visible(key, self.user).filter(pk__in=pks)
        if key == PARTICIPANT.key:
            return self._load_participants(queryset)
        spec = _TEXT_MODELS[key]
        if key == DOCUMENT.key:
            queryset = queryset.select_related("meeting", "group")
        elif key == OUTCOME.key:
            queryset = queryset.select_related("source_meeting", "source_group")
        full_text = _full_text_search()
        if full_text:
            queryset = queryset.annotate(
                title_marked=_headline(F(spec.title_fields[0]), self.query, whole=True),
                snippet_marked=_headline(_joined(spec.snippet_fields), self.query),
            )
            if key == DOCUMENT.key:
                queryset = queryset.defer("text")  # the headline is cut in the database
        results = {}
        for row in queryset:
            if full_text:
                title, snippet = row.title_marked, row.snippet_marked
            else:
                title = self._marked(getattr(row, spec.title_fields[0]))
                text = " ".join(getattr(row, name) for name in spec.snippet_fields)
                snippet = excerpt(text, self.query.terms, quoted=self.query.quoted)
            results[row.pk] = self._result(key, row, title, snippet)
        return results

    def _load_participants(self, queryset: QuerySet) -> dict[int, SearchResult]:
        matched = Q()
        for term in self.query.terms:
            matched |= Q(name__iregex=word_pattern(term, prefix=self.query.is_prefix(term)))
        aliases = (
            ParticipantName.objects.filter(matched, participant=OuterRef("pk"))
            .order_by("name")
            .values("name")[:1]
        )
        results = {}
        for participant in queryset.annotate(matched_alias=Subquery(aliases)):
            results[participant.pk] = SearchResult(
                result_type=PARTICIPANT,
                title=marks_to_html(self._marked(participant.short_name)),
                url=participant.get_absolute_url(),
                snippet=marks_to_html(self._marked(_participant_text(participant))),
                details=(participant.get_kind_display(),),
            )
        return results

    def _marked(self, text: str) -> str:
        return mark_terms(text, self.query.terms, quoted=self.query.quoted)

    def _result(self, key: str, row, title: str, snippet: str) -> SearchResult:
        details: tuple[str, ...] = ()
        notice = ""
        if key == MEETING.key:
            details = tuple(
                part for part in (row.get_kind_display(), row.dates_label, row.place_label) if part
            )
            notice = "" if row.is_published else "Not published"
        elif key == GROUP.key:
            details = tuple(part for part in (row.get_kind_display(), row.period_label) if part)
        elif key == OUTCOME.key:
            details = _outcome_details(row)
            if row.source_meeting_id and not row.source_meeting.is_published:
                notice = "Meeting not published"
        elif key == DOCUMENT.key:
            details = _document_details(row)
            notice = _document_notice(row)
        return SearchResult(
            result_type=_TYPE_BY_KEY[key],
            title=marks_to_html(title),
            url=row.get_absolute_url(),
            snippet=marks_to_html(snippet or ""),
            details=details,
            notice=notice,
        )


def search(*, text: str, user, result_type: str = "") -> SearchResults:
    """Everything matching `text` that `user` may see, merged and ranked:
    by rank, then type (meetings, participants, groups, outcomes, documents),
    then newest first. Slice it (or hand it to a Paginator) for a page."""
    return SearchResults(text=text, user=user, result_type=result_type)
