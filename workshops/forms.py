"""Forms of the workshops app: the admin's group, theme and outcome forms, and the inline
formsets whose rows are checked against each other."""

from django import forms

from membership.forms import DatedRowsFormSet, SlugFromFieldMixin, period_text
from workshops.models import Group, Outcome, Theme


class GroupAdminForm(SlugFromFieldMixin, forms.ModelForm):
    slug_source = "short_name"

    class Meta:
        model = Group
        fields = [
            "name",
            "short_name",
            "kind",
            "parent",
            "mandate",
            "established_on",
            "established_precision",
            "established_by",
            "discontinued_on",
            "discontinued_precision",
            "discontinued_by",
            "description",
            "slug",
        ]


class ThemeAdminForm(SlugFromFieldMixin, forms.ModelForm):
    slug_source = "name"

    class Meta:
        model = Theme
        fields = ["name", "description", "meetings", "slug"]


class GroupMembershipFormSet(DatedRowsFormSet):
    """A group's composition: a participant sits in the group once at a time, checked
    across the rows of one save (ending one place and starting another together works)."""

    overlap_key = "participant_id"

    def overlap_message(self, row, other):
        other_period = period_text(
            other.start_date, other.start_precision, other.end_date, other.end_precision
        )
        return (
            f"{row.participant} is already in the group {other_period}: a participant has "
            "one place in a group at a time. End that place on the day this one begins."
        )


class OutcomeAdminForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = [
            "kind",
            "title",
            "text",
            "date",
            "date_precision",
            "source_meeting",
            "source_group",
            "source_document",
            "paragraph",
            "responsible_group",
            "responsible_participants",
            "amount",
            "currency",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 5, "cols": 80})}


class DeliverableInlineForm(forms.ModelForm):
    """A workshop's deliverable: an outcome of kind deliverable whose source is the workshop
    (the inline sets both; staff give the rest)."""

    class Meta:
        model = Outcome
        fields = ["title", "text", "date", "date_precision", "responsible_group"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "cols": 40})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kind = Outcome.Kind.DELIVERABLE
