"""The site-wide search: one ranked list over meetings, participants, groups,
outcomes and documents, showing each viewer only what they may see.

On PostgreSQL, meetings, groups, outcomes and documents are matched with
full-text search on exactly the expression their GIN indexes were built on
(`SearchVector(*Model.SEARCH_FIELDS, config="english")`, see
baliprocess.lib.migrations), so the indexes serve the match; the query is read
with `websearch_to_tsquery`, which accepts anything a visitor types. Results are
ranked with `ts_rank` (words in a title weigh more than words in the text) and
get `ts_headline` snippets. Participants have no text worth indexing: their
official, short and alternative names and acronyms are matched with
`icontains`, and an exact name ranks above a partial one.

On any other database (SQLite on a laptop) every type falls back to plain
case-insensitive matching of the same fields, and snippets are cut in Python.

Snippets are safe: the stored text is not HTML. Matches are marked with two
control characters, the text is escaped, and only then do the markers become
`<mark>` elements.

The cost does not grow with the record: one query counts the matches of each
type, one fetches a page of (type, id) pairs in rank order, and one per type
present on that page loads its rows for display.
"""

import dataclasses
import datetime
import re
from dataclasses import dataclass
from functools import cached_property, partial

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
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
from django.db.models.functions import Cast, Concat, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from baliprocess.lib.dates import format_date
from meetings.models import Document, Meeting
from membership.models import Participant, ParticipantName
from workshops.models import Group, Outcome

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200

# ts_headline and the Python fallback wrap each match in these; they are
# stripped from the stored text first, so every pair in a snippet is ours.
START_MARK = "\x02"
STOP_MARK = "\x03"
_MARKED = re.compile(f"{START_MARK}([^{START_MARK}{STOP_MARK}]*){STOP_MARK}")
_SPACES = re.compile(r"\s+")

# Ranks on one scale for every type. ts_rank gives a title word (weight A)
# about 0.6 and a word in the text (weight D) about 0.06; the fallback and the
# participants' name matching use fixed values placed on that scale.
EXACT_NAME_RANK = 1.0
PARTIAL_NAME_RANK = 0.2
FALLBACK_TITLE_RANK = 0.6
FALLBACK_TEXT_RANK = 0.06

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
    """How a model with SEARCH_FIELDS is matched, ranked, dated and excerpted."""

    model: type
    title_fields: tuple[str, ...]
    date_field: str
    snippet_fields: tuple[str, ...]

    @property
    def other_fields(self) -> tuple[str, ...]:
        return tuple(name for name in self.model.SEARCH_FIELDS if name not in self.title_fields)


_TEXT_MODELS = {
    MEETING.key: _TextModel(Meeting, ("title",), "start_date", ("summary",)),
    GROUP.key: _TextModel(
        Group, ("name", "short_name"), "established_on", ("mandate", "description")
    ),
    OUTCOME.key: _TextModel(Outcome, ("title",), "date", ("text",)),
    DOCUMENT.key: _TextModel(Document, ("title",), "date", ("summary", "text")),
}
_PARTICIPANT_NAME_FIELDS = ("name", "short_name", "acronym")


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
    """The visitor's words, read the way websearch_to_tsquery reads them, for
    the matching that full-text search does not do (participants' names, and
    everything on SQLite): `or` separates alternatives, of which one must
    match; within one, every word must appear, quoted phrases stay together,
    and a leading minus leaves out what contains a word. An alternative made
    only of words to leave out is dropped: a search finds, it does not list
    everything but."""

    text: str
    alternatives: tuple[Alternative, ...] = ()

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


def parse_query(text: str) -> ParsedQuery:
    alternatives: list[Alternative] = []
    terms: list[str] = []
    excluded: list[str] = []

    def close_alternative():
        if terms:
            alternatives.append(Alternative(tuple(terms), tuple(excluded)))
        terms.clear()
        excluded.clear()

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
        target = excluded if minus else terms
        if candidate and candidate.casefold() not in {term.casefold() for term in target}:
            target.append(candidate)
    close_alternative()
    return ParsedQuery(text=text.strip(), alternatives=tuple(alternatives))


def _full_text_search() -> bool:
    return connection.vendor == "postgresql"


def _tsquery(query: ParsedQuery) -> SearchQuery:
    return SearchQuery(query.text, config=SEARCH_CONFIG, search_type="websearch")


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


def _any_field_contains(fields: tuple[str, ...], term: str) -> Q:
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": term})
    return condition


def _participant_has_name_containing(term: str) -> Q:
    aliases = ParticipantName.objects.filter(participant=OuterRef("pk"), name__icontains=term)
    return _any_field_contains(_PARTICIPANT_NAME_FIELDS, term) | Q(Exists(aliases))


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
        # Exactly the indexed expression, or PostgreSQL cannot use the index.
        fields = _TEXT_MODELS[result_type].model.SEARCH_FIELDS
        vector = SearchVector(*fields, config=SEARCH_CONFIG)
        return queryset.alias(search_document=vector).filter(search_document=_tsquery(query))
    if result_type == PARTICIPANT.key:
        contains = _participant_has_name_containing
    else:
        contains = partial(_any_field_contains, _TEXT_MODELS[result_type].model.SEARCH_FIELDS)
    condition = Q()
    for alternative in query.alternatives:
        this = Q()
        for term in alternative.terms:
            this &= contains(term)
        for term in alternative.excluded:
            this &= ~contains(term)
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
        weighted = SearchVector(*spec.title_fields, config=SEARCH_CONFIG, weight="A")
        if spec.other_fields:
            weighted += SearchVector(*spec.other_fields, config=SEARCH_CONFIG, weight="D")
        return SearchRank(weighted, _tsquery(query))
    # Each word found in a title adds its share of the title weight, and
    # found in the other fields its share of the text weight.
    share = 1 / len(query.terms)
    scores = [
        Case(
            When(_any_field_contains(fields, term), then=Value(weight * share)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        for term in query.terms
        for fields, weight in (
            (spec.title_fields, FALLBACK_TITLE_RANK),
            (spec.other_fields, FALLBACK_TEXT_RANK),
        )
        if fields
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
    return mark_safe(_without_marks(_MARKED.sub(r"<mark>\1</mark>", escaped)))


def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = sorted((re.escape(term) for term in terms), key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def mark_terms(text: str, terms: tuple[str, ...]) -> str:
    """`text` with every occurrence of the terms between the markers."""
    text = _without_marks(text)
    pattern = _terms_pattern(terms)
    if pattern is None:
        return text
    return pattern.sub(lambda found: f"{START_MARK}{found.group(0)}{STOP_MARK}", text)


def excerpt(text: str, terms: tuple[str, ...], *, width: int = SNIPPET_CHARACTERS) -> str:
    """About `width` characters of `text` around the first match of a term,
    cut at spaces, with the terms marked; the start of the text if none matches."""
    text = _SPACES.sub(" ", _without_marks(text)).strip()
    if not text:
        return ""
    pattern = _terms_pattern(terms)
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
    return prefix + mark_terms(piece, terms) + suffix


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
        _tsquery(query),
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
    def counts(self) -> dict[str, int]:
        """Matches of every type (whatever the type filter), in one query."""
        counts = dict.fromkeys(RESULT_TYPE_KEYS, 0)
        if not self.query.is_searchable:
            return counts
        parts = [
            _matching(key, self.query, self.user)
            .annotate(result_type=Value(_TYPE_ORDER[key], output_field=IntegerField()))
            .values("result_type")
            .annotate(total=Count("pk"))
            .values_list("result_type", "total")
            for key in RESULT_TYPE_KEYS
        ]
        for order, total in parts[0].union(*parts[1:], all=True).order_by():
            counts[RESULT_TYPE_KEYS[order]] = total
        return counts

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def count(self) -> int:
        return sum(self.counts[key] for key in self.selected_types)

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
                title = mark_terms(getattr(row, spec.title_fields[0]), self.query.terms)
                text = " ".join(getattr(row, name) for name in spec.snippet_fields)
                snippet = excerpt(text, self.query.terms)
            results[row.pk] = self._result(key, row, title, snippet)
        return results

    def _load_participants(self, queryset: QuerySet) -> dict[int, SearchResult]:
        matched = Q()
        for term in self.query.terms:
            matched |= Q(name__icontains=term)
        aliases = (
            ParticipantName.objects.filter(matched, participant=OuterRef("pk"))
            .order_by("name")
            .values("name")[:1]
        )
        results = {}
        for participant in queryset.annotate(matched_alias=Subquery(aliases)):
            results[participant.pk] = SearchResult(
                result_type=PARTICIPANT,
                title=marks_to_html(mark_terms(participant.short_name, self.query.terms)),
                url=participant.get_absolute_url(),
                snippet=marks_to_html(mark_terms(_participant_text(participant), self.query.terms)),
                details=(participant.get_kind_display(),),
            )
        return results

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
