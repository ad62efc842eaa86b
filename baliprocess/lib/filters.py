"""The pieces every portal FilterSet shares.

Bad input never raises: each field says in plain words what is wrong with
the value it was given; the view (baliprocess.lib.views.PortalListView)
shows those messages and, being strict, an empty list. A record (a meeting, a
participant, a country) is named by typing, never chosen from a menu of them
all: RecordFilter and CountryFilter; a short table (themes, groups) keeps a
menu of at most MAX_SELECT_OPTIONS.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from enum import IntEnum

import django_filters
from django import forms
from django.db.models import Case, Q, Value, When
from django.http import QueryDict
from django.utils.choices import BaseChoiceIterator
from django_countries import countries
from django_filters.filters import QuerySetRequestMixin

from baliprocess.lib.dates import format_date

# Long enough for any real query, short enough that a pasted essay or a
# crafted query string costs nothing.
TEXT_MAX_LENGTH = 200
EARLIEST_YEAR = 1990
LATEST_YEAR = 2100


class QuotesWhatItCannotRead:
    """A form field mixin: the "invalid" error quotes the value it could not read
    (shortened), so the message names what is wrong, not only what is expected."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError as error:
            if error.code != "invalid":
                raise
            shown = str(value) if len(str(value)) <= 40 else f"{str(value)[:40]}…"
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": shown}
            ) from error


class DayField(QuotesWhatItCannotRead, forms.DateField):
    pass


class YearField(QuotesWhatItCannotRead, forms.IntegerField):
    pass


# --- A record named by typing -------------------------------------------------
#
# A filter that names a meeting or a participant cannot offer every one of them
# in a <select>: the record grows without bound and the menu with it (5,000
# meetings made /documents/ half a megabyte). The reader types the name, or part
# of it, or the slug a shared link carries, and the server finds the one record
# meant: one fits, the list is filtered by it; several fit, the message lists
# them as links that choose one; none fits, the message says so. Several are
# not all used at once: a filter names one record, so its address can be shared
# and read back, and "Bali" would otherwise quietly stand for a hundred meetings
# (the words filter is there for that).

#: The most options a filter's <select> offers; past this it becomes a text box.
MAX_SELECT_OPTIONS = 50
#: The most records a "which one did you mean?" message lists.
MAX_CANDIDATES = 10

_WORD_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")


def fold(text: str) -> str:
    """Text as a name is compared: case and accents ignored."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char)).casefold()


def words_of(text: str) -> list[str]:
    """The words of what was typed (hyphens separate words, as in a slug)."""
    return [word for word in _WORD_SEPARATORS.split(text) if word]


class Fit(IntEnum):
    """How a record fits what was typed; only the records of the best fit count."""

    VALUE = 0  # the slug or code itself, as an address carries it
    NAME = 1  # a whole name, case aside
    WORDS = 2  # every word typed appears in one of its names


@dataclass(frozen=True)
class Candidate:
    """A record that what was typed may mean: `value` is what the address carries
    for it (a slug, a country code), `label` what the reader sees, `found` what
    the filter uses (a model instance, a code)."""

    value: str
    label: str
    fit: int
    found: object = field(default=None, compare=False, hash=False)


class NamedRecordField(forms.CharField):
    """One record named by typing: `find` lists the records that fit (best first,
    at most MAX_CANDIDATES + 1) and `clean` returns the one that fits best, or
    says in words that none or several do.

    `matched` is the candidate found, for the page to name it. What was typed is
    refused before any query when it is too long or holds a NUL byte.
    """

    default_error_messages = {
        "none": "No %(noun)s matches “%(value)s” among those you can see.",
        "several": "“%(value)s” fits %(count)d %(plural)s; choose one of them.",
        "many": "“%(value)s” fits more than %(count)d %(plural)s; type more of the name, "
        "or choose one of these.",
        "max_length": "Type at most %(limit_value)d characters; this has %(show_value)d.",
        "null_characters_not_allowed": "What was typed holds a NUL character, which no name has.",
    }

    def __init__(self, *, noun: str, plural: str = "", **kwargs):
        kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
        super().__init__(**kwargs)
        self.noun = noun
        self.plural = plural or f"{noun}s"
        self.matched: Candidate | None = None

    def find(self, text: str) -> list[Candidate]:
        raise NotImplementedError

    def clean(self, value):
        self.matched = None
        text = super().clean(value)
        if not text:
            return None
        shown = text if len(text) <= 40 else f"{text[:40]}…"
        found = self.find(text)
        if not found:
            raise forms.ValidationError(
                self.error_messages["none"], code="none", params={"noun": self.noun, "value": shown}
            )
        best = [candidate for candidate in found if candidate.fit == found[0].fit]
        if len(best) == 1:
            self.matched = best[0]
            return best[0].found
        code = "many" if len(best) > MAX_CANDIDATES else "several"
        raise forms.ValidationError(
            self.error_messages[code],
            code=code,
            params={
                "value": shown,
                "count": min(len(best), MAX_CANDIDATES),
                "plural": self.plural,
                "candidates": tuple(best[:MAX_CANDIDATES]),
            },
        )

    def prepare_value(self, value):
        # A <select> shows the record found, however the address named it.
        if self.matched is not None and getattr(self.widget, "shows_options", False):
            return self.matched.value
        return value

    @property
    def match_label(self) -> str:
        """The name of the record found, for a text box to confirm (a select shows it)."""
        if self.matched is None or getattr(self.widget, "shows_options", False):
            return ""
        return self.matched.label


class RecordOptions(BaseChoiceIterator):
    """The options of a capped <select>: the empty choice, then the records, read
    once and at most `limit` + 1 of them (one more than a select may offer, to
    know when it may not)."""

    def __init__(self, *, queryset, limit: int, label_of, to_field_name: str, empty_label: str):
        self.queryset, self.limit, self.label_of = queryset, limit, label_of
        self.to_field_name, self.empty_label = to_field_name, empty_label
        self._options: list[tuple[str, str]] | None = None

    def __iter__(self):
        if self._options is None:
            records = list(self.queryset[: self.limit + 1])
            self._options = [("", self.empty_label)] + [
                (getattr(record, self.to_field_name), self.label_of(record)) for record in records
            ]
        return iter(self._options)

    @property
    def too_many(self) -> bool:
        return len(list(self)) - 1 > self.limit


class CappedSelect(forms.Select):
    """A <select> while its RecordOptions are few, else a text box: past that a
    menu costs more bytes than it saves keystrokes."""

    @property
    def shows_options(self) -> bool:
        return not self.choices.too_many

    def render(self, name, value, attrs=None, renderer=None):
        if self.shows_options:
            # The field's length limit is a text box's attribute, not a menu's.
            attrs = {key: val for key, val in (attrs or {}).items() if key != "maxlength"}
            return super().render(name, value, attrs, renderer)
        return forms.TextInput(self.attrs).render(name, value, attrs, renderer)


class RecordField(NamedRecordField):
    """A record of `queryset` named by its slug or by (part of) a name.

    `name_fields` are compared whole and word by word ("Fiji", "republic korea");
    `code_fields` only whole (an ISO code: "AU"), `word_fields` only word by
    word (a meeting's city: "fourth ministerial bali"). Only records of `queryset` can
    fit, in its order: a queryset of what the viewer may see reveals nothing
    else. One query, only when something was typed. With `select_up_to`, a
    <select> of the records while there are no more than that many.
    """

    def __init__(
        self,
        *,
        queryset,
        name_fields: tuple[str, ...],
        code_fields: tuple[str, ...] = (),
        word_fields: tuple[str, ...] = (),
        label_of=str,
        to_field_name: str = "slug",
        select_up_to: int = 0,
        empty_label: str = "",
        **kwargs,
    ):
        if select_up_to:
            kwargs["widget"] = CappedSelect()
        super().__init__(**kwargs)
        self.queryset = queryset
        self.name_fields, self.code_fields, self.word_fields = name_fields, code_fields, word_fields
        self.label_of, self.to_field_name = label_of, to_field_name
        if select_up_to:
            self.widget.choices = RecordOptions(
                queryset=queryset,
                limit=select_up_to,
                label_of=label_of,
                to_field_name=to_field_name,
                empty_label=empty_label or f"Any {self.noun}",
            )

    def find(self, text: str) -> list[Candidate]:
        model = self.queryset.model
        every = model._default_manager
        whole = Q()
        for name in self.name_fields + self.code_fields:
            whole |= Q(**{f"{name}__iexact": text})
        # Names are matched in subqueries over the whole table: a record with two
        # alternative names that fit is still one row; visibility is `queryset`'s.
        fits = Q(**{self.to_field_name: text}) | Q(pk__in=every.filter(whole).values("pk"))
        words = words_of(text)
        if words:
            each_word = Q()
            for word in words:
                any_name = Q()
                for name in self.name_fields + self.word_fields:
                    any_name |= Q(**{f"{name}__icontains": word})
                each_word &= any_name
            fits |= Q(pk__in=every.filter(each_word).values("pk"))
        fit = Case(
            When(Q(**{self.to_field_name: text}), then=Value(Fit.VALUE)),
            When(pk__in=every.filter(whole).values("pk"), then=Value(Fit.NAME)),
            default=Value(Fit.WORDS),
        )
        order = self.queryset.query.order_by or model._meta.ordering
        records = (
            self.queryset.filter(fits)
            .annotate(match_fit=fit)
            .order_by("match_fit", *order)[: MAX_CANDIDATES + 1]
        )
        return [
            Candidate(
                value=getattr(record, self.to_field_name),
                label=self.label_of(record),
                fit=record.match_fit,
                found=record,
            )
            for record in records
        ]


class CountryNameField(NamedRecordField):
    """A country named by its ISO code or (part of) its English name, among the
    countries `queryset`'s records hold in `country_field` (where the meetings
    the viewer may see took place). One query, only when a name fits a country."""

    def __init__(self, *, queryset, country_field: str = "country", **kwargs):
        super().__init__(**kwargs)
        self.queryset, self.country_field = queryset, country_field

    def find(self, text: str) -> list[Candidate]:
        code, whole = text.upper(), fold(text)
        words = [fold(word) for word in words_of(text)]
        fits: dict[str, tuple[Fit, str]] = {}
        for country_code, name in countries:
            folded = fold(str(name))
            if country_code == code:
                fits[country_code] = (Fit.VALUE, str(name))
            elif folded == whole:
                fits[country_code] = (Fit.NAME, str(name))
            elif words and all(word in folded for word in words):
                fits[country_code] = (Fit.WORDS, str(name))
        if not fits:
            return []
        held = (
            self.queryset.filter(**{f"{self.country_field}__in": list(fits)})
            .order_by()
            .values_list(self.country_field, flat=True)
            .distinct()
        )
        found = [
            Candidate(value=code, label=fits[code][1], fit=fits[code][0], found=code)
            for code in set(held)
        ]
        return sorted(found, key=lambda candidate: (candidate.fit, candidate.label))[
            : MAX_CANDIDATES + 1
        ]


class RecordFilter(QuerySetRequestMixin, django_filters.Filter):
    """Choose a participant, meeting, group or theme by typing its name (or part
    of it) or its slug, as shared links carry it; see RecordField.

    `queryset` may be a callable given the request (what the viewer may see);
    `noun` names the record in messages: "No meeting matches “xyz” among those
    you can see." `select_up_to` keeps a <select> for a short table (themes,
    groups) while it holds no more than that many records.
    """

    field_class = RecordField


class CountryFilter(QuerySetRequestMixin, django_filters.Filter):
    """Choose a country by typing its name or its ISO code; see CountryNameField."""

    field_class = CountryNameField


class KindChoiceFilter(django_filters.ChoiceFilter):
    """A choice from a fixed list (a kind, a status), naming the value it did not know."""

    def __init__(self, *args, noun: str, **kwargs):
        kwargs.setdefault("empty_label", f"Any {noun}")
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": f"“%(value)s” is not a {noun} the record knows."},
        )
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    """A calendar year typed as four digits; a stored date's year, whatever its precision."""

    field_class = YearField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("min_value", EARLIEST_YEAR)
        kwargs.setdefault("max_value", LATEST_YEAR)
        kwargs.setdefault("help_text", "Four digits, e.g. 2004.")
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "“%(value)s” is not a year: write it as four digits, e.g. 2004.",
                "min_value": f"Give a year from {EARLIEST_YEAR} to {LATEST_YEAR}.",
                "max_value": f"Give a year from {EARLIEST_YEAR} to {LATEST_YEAR}.",
            },
        )
        super().__init__(*args, **kwargs)

    def get_max_validator(self):
        # The integer field's own min/max say it better than NumberFilter's default.
        return None


class DayFilter(django_filters.DateFilter):
    """A day written YYYY-MM-DD (a date picker where the browser has one)."""

    field_class = DayField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        kwargs.setdefault(
            "error_messages",
            {"invalid": "“%(value)s” is not a date: write it as YYYY-MM-DD, e.g. 2004-06-07."},
        )
        super().__init__(*args, **kwargs)


class TextFilter(django_filters.CharFilter):
    """Words to look for, capped at TEXT_MAX_LENGTH characters."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        kwargs.setdefault(
            "error_messages",
            {
                "max_length": "Search text can be at most %(limit_value)d characters; "
                "this has %(show_value)d."
            },
        )
        super().__init__(*args, **kwargs)


class FilterProblem(str):
    """What is wrong with one filter, in a sentence naming it. `choices` are
    (label, query string) pairs, one per record when a typed name fitted several."""

    choices: tuple[tuple[str, str], ...] = ()


class PortalFilterForm(forms.Form):
    """The form behind every portal FilterSet: checks that date ranges run forwards.

    `date_ranges` lists (from, to) field-name pairs; the FilterSet sets it.
    """

    date_ranges: tuple[tuple[str, str], ...] = ()

    def clean(self):
        cleaned = super().clean()
        for start_name, end_name in self.date_ranges:
            start, end = cleaned.get(start_name), cleaned.get(end_name)
            if start and end and end < start:
                self.add_error(
                    end_name,
                    f"The end of the range ({format_date(end)}) is before its start "
                    f"({format_date(start)}).",
                )
        return cleaned


class PortalFilterSet(django_filters.FilterSet):
    """A FilterSet that knows how to lay out its form and to explain its errors.

    `layout` lists field names, or (legend, [field names]) for fields that
    belong together in a fieldset (a date range). `date_ranges` is checked by
    the form: an end before its start is an error, not an empty list.
    """

    layout: tuple = ()
    date_ranges: tuple[tuple[str, str], ...] = ()

    class Meta:
        form = PortalFilterForm

    def get_form_class(self):
        form_class = super().get_form_class()
        form_class.date_ranges = self.date_ranges
        return form_class

    def problems(self) -> list["FilterProblem"]:
        """Each error as one sentence naming the filter it concerns; when a typed
        name fitted several records, with links that choose each of them."""
        if not self.is_bound or self.is_valid():
            return []
        problems = []
        for name, errors in self.form.errors.as_data().items():
            label = self.form.fields[name].label if name in self.form.fields else ""
            for error in errors:
                candidates = (error.params or {}).get("candidates", ())
                for message in error:
                    problem = FilterProblem(f"{label}: {message}" if label else message)
                    problem.choices = tuple(
                        (candidate.label, self.address_with(name, candidate.value))
                        for candidate in candidates
                    )
                    problems.append(problem)
        return problems

    def address_with(self, name: str, value: str) -> str:
        """The query string of this list with filter `name` set to `value`, from page one."""
        if isinstance(self.data, QueryDict):
            query = self.data.copy()
        else:
            query = QueryDict(mutable=True)
            query.update(self.data or {})
        query.pop("page", None)
        query[self.form.add_prefix(name)] = value
        return f"?{query.urlencode()}"

    def layout_items(self) -> list[dict]:
        """The bound fields in `layout` order, grouped for the template."""
        form = self.form
        names = self.layout or tuple(form.fields)
        items = []
        for entry in names:
            if isinstance(entry, tuple):
                legend, group = entry
                items.append({"legend": legend, "fields": [form[name] for name in group]})
            else:
                items.append({"field": form[entry]})
        return items

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(
            self.data.get(name) not in (None, "") for name in self.form.fields
        )
