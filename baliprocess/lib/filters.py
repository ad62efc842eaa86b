"""The pieces every portal FilterSet shares.

Bad input never raises: each field says in plain words what is wrong with
the value it was given; the view (baliprocess.lib.views.PortalListView)
shows those messages and, being strict, an empty list.
"""

import django_filters
from django import forms
from django.core.validators import validate_slug

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


class SlugModelChoiceField(django_filters.fields.ModelChoiceField):
    """A choice of record by its slug, refusing what cannot be a slug before
    asking the database (a NUL byte or a megabyte of text never reaches it)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if len(str(value)) > TEXT_MAX_LENGTH:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": f"{str(value)[:40]}…"},
            )
        try:
            validate_slug(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None
        return super().to_python(value)


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """Choose a participant, meeting, group or theme by its slug in the address.

    `noun` names the record in the message a wrong slug gets: "There is no
    meeting “bali-2099” among those you can see."
    """

    field_class = SlugModelChoiceField

    def __init__(self, *args, noun: str, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("empty_label", f"Any {noun}")
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": f"There is no {noun} “%(value)s” among those you can see."},
        )
        super().__init__(*args, **kwargs)


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

    def problems(self) -> list[str]:
        """Each error as one sentence naming the filter it concerns."""
        if not self.is_bound or self.is_valid():
            return []
        messages = []
        for name, errors in self.form.errors.items():
            label = self.form.fields[name].label if name in self.form.fields else ""
            for error in errors:
                messages.append(f"{label}: {error}" if label else str(error))
        return messages

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
