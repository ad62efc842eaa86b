"""Forms of the membership app: the admin's participant, alternative-name and status forms,
and the formset machinery every dated inline of the record shares."""

from collections.abc import Iterator

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet, InlineForeignKeyField
from django.utils.text import slugify

from baliprocess.lib.dates import format_period, periods_overlap
from membership.models import MembershipPeriod, Participant

# --- Slugs staff need not type ----------------------------------------------


class SlugFromFieldMixin:
    """Fills an empty slug from another field, so the form works without the admin's
    JavaScript that prepopulates it; the model's uniqueness check still applies."""

    slug_source = "name"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = (
                f"{self.fields['slug'].help_text} Left empty, it is made from the "
                f"{self.fields[self.slug_source].label.lower()}."
            )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug:
            return slug
        source = self.cleaned_data.get(self.slug_source) or ""
        slug = slugify(source)[: self._meta.model._meta.get_field("slug").max_length]
        if not slug:
            raise forms.ValidationError(
                f"Give a slug, or a {self.fields[self.slug_source].label.lower()} to make it from."
            )
        return slug


# --- Inline rows checked against each other ---------------------------------


def period_text(start, start_precision, end, end_precision) -> str:
    return format_period(start, start_precision, end, end_precision) or "with no dates"


class DetachedInlineForeignKeyField(InlineForeignKeyField):
    """The owner field of a row in an OwnRowsFormSet: it still refuses a row that claims
    another owner, but the row is validated without its owner (see OwnRowsFormSet)."""

    def clean(self, value):
        # Refuses a row posted for another owner; the row itself gets no owner (None).
        super().clean(value)


class OwnRowsFormSet(BaseInlineFormSet):
    """An inline formset that checks the rules between one owner's rows itself.

    A model's own checks (MembershipPeriod.clean, the one-head constraint…) compare a row
    with the database, which during validation still holds the rows this same submission
    changes or deletes: closing a status and opening the next in one save would be refused,
    and two new rows that clash with each other would pass, then fail in the database. So
    each row is validated without its owner (the model then skips those comparisons), the
    owner is given back before anything is saved, and `check_rows` compares the rows the
    save would leave: the submitted ones and the owner's rows not on the form.
    """

    def add_fields(self, form, index):
        super().add_fields(form, index)
        owner_field = form.fields[self.fk.name]
        form.fields[self.fk.name] = DetachedInlineForeignKeyField(
            self.instance, label=owner_field.label
        )

    def clean(self):
        for form in self.forms:
            setattr(form.instance, self.fk.name, self.instance)
        super().clean()
        self.check_rows(list(self.kept_forms()), list(self.rows_not_on_form()))

    def kept_forms(self) -> Iterator[forms.ModelForm]:
        """The rows that will exist after the save: valid, not marked for deletion, not empty.
        Rows with errors of their own are left out: those errors are shown first."""
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.errors:
                continue
            if form.cleaned_data.get(DELETION_FIELD_NAME):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue
            yield form

    def rows_not_on_form(self):
        if self.instance.pk is None:
            return self.model._default_manager.none()
        on_form = [form.instance.pk for form in self.forms if form.instance.pk]
        return self.model._default_manager.filter(**{self.fk.name: self.instance}).exclude(
            pk__in=on_form
        )

    def check_rows(self, kept: list, others: list) -> None:
        """Add errors to the rows in `kept` that break a rule with another row."""


class DatedRowsFormSet(OwnRowsFormSet):
    """Rows with half-open start_date/end_date periods that must not overlap when they
    share `overlap_key` (the same participant, for a group's composition)."""

    overlap_key: str | None = None

    def overlap_message(self, row, other) -> str:
        raise NotImplementedError

    def check_rows(self, kept, others):
        earlier = []
        for form in kept:
            row = form.instance
            for other in earlier + others:
                if self.overlap_key and getattr(row, self.overlap_key) != getattr(
                    other, self.overlap_key
                ):
                    continue
                if periods_overlap(row.start_date, row.end_date, other.start_date, other.end_date):
                    form.add_error(None, self.overlap_message(row, other))
                    break
            earlier.append(row)


# --- Admin forms ------------------------------------------------------------


class ParticipantAdminForm(SlugFromFieldMixin, forms.ModelForm):
    slug_source = "short_name"

    class Meta:
        model = Participant
        fields = ["kind", "name", "short_name", "country", "acronym", "description", "slug"]


class ParticipantNameFormSet(BaseInlineFormSet):
    """Alternative names are unique whatever their case (the database says so); two rows of
    one save are checked here, because the database would only refuse the second."""

    def clean(self):
        super().clean()
        seen = {}
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.errors:
                continue
            if form.cleaned_data.get(DELETION_FIELD_NAME) or not form.cleaned_data.get("name"):
                continue
            key = form.cleaned_data["name"].casefold()
            if key in seen:
                form.add_error(
                    "name", f"“{form.cleaned_data['name']}” is entered twice; keep one of them."
                )
            seen[key] = form


class MembershipPeriodFormSet(DatedRowsFormSet):
    """A participant's status history: one status at a time, checked across the rows of
    one save (closing the observer status and opening the member status together works)."""

    def overlap_message(self, row, other):
        other_period = period_text(
            other.start_date, other.start_precision, other.end_date, other.end_precision
        )
        return (
            f"This {row.get_status_display().lower()} status overlaps the "
            f"{other.get_status_display().lower()} status {other_period}"
            ": a participant has one status at a time. To record a change, end the old "
            "status on the day the new one begins."
        )


class MembershipPeriodInlineForm(forms.ModelForm):
    class Meta:
        model = MembershipPeriod
        fields = [
            "status",
            "start_date",
            "start_precision",
            "known_since",
            "end_date",
            "end_precision",
            "decided_at",
            "source_document",
            "note",
        ]
        widgets = {"note": forms.TextInput(attrs={"size": 30})}


class MembershipChangeForm(forms.ModelForm):
    """The change of status recorded for the selected participants (membership_change)."""

    class Meta:
        model = MembershipPeriod
        fields = [
            "status",
            "start_date",
            "start_precision",
            "decided_at",
            "source_document",
            "note",
        ]
        labels = {"start_date": "on", "status": "new status"}
        widgets = {
            "start_date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 3, "cols": 60}),
        }
        help_texts = {
            "start_date": "The day the new status begins; the current status ends that day.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_date"].required = True
