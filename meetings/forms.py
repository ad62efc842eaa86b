"""Forms of the meetings app's admin. (The delegate import's are in meetings.importers.forms.)"""

from django import forms
from django.conf import settings
from django.forms.models import BaseInlineFormSet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from baliprocess.lib.dates import format_date
from meetings.models import Delegate, Document, Meeting
from membership.forms import OwnRowsFormSet

# --- Admin forms ---


class MeetingAdminForm(forms.ModelForm):
    """The form of every meeting admin. A per-kind admin sets `fixed_kind`: the meeting
    gets that kind, and the kind is not offered as a choice."""

    fixed_kind: str | None = None

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "ordinal",
            "custom_title",
            "group",
            "status",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "venue",
            "summary",
            "reported_delegate_total",
            "is_published",
            "slug",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6, "cols": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.fixed_kind and "kind" in self.fields:
            # The kind stays on the form, hidden and ignoring what is posted, so that the
            # one-ordinal-per-kind rule is still checked before saving.
            self.instance.kind = self.fixed_kind
            self.initial["kind"] = self.fixed_kind
            self.fields["kind"].disabled = True
            self.fields["kind"].widget = forms.HiddenInput()

    def clean(self):
        cleaned_data = super().clean()
        kind, ordinal = cleaned_data.get("kind"), cleaned_data.get("ordinal")
        if kind and ordinal:
            other = (
                Meeting.objects.filter(kind=kind, ordinal=ordinal)
                .exclude(pk=self.instance.pk)
                .first()
            )
            if other is not None:
                self.add_error(
                    "ordinal",
                    f"The {other} already has number {ordinal}: each "
                    f"{Meeting.Kind(kind).label.lower()} has its own number.",
                )
        return cleaned_data


# What the first bytes of a file of each kind look like: a renamed or broken file is
# refused before it is stored and served to readers.
_FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "ppt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "rtf": (b"{\\rtf",),
}
_TEXT_EXTENSIONS = ("txt", "csv")


class DocumentAdminForm(forms.ModelForm):
    """The document form of the admin and of the documents inline, made for one user with
    `for_user`: only users who may read secretariat-only documents may choose that
    visibility, and the server refuses it to others whatever is posted."""

    user = None

    class Meta:
        model = Document
        fields = [
            "kind",
            "title",
            "symbol",
            "date",
            "date_precision",
            "meeting",
            "group",
            "visibility",
            "embargo_until",
            "file",
            "summary",
            "text",
            "source_url",
            "slug",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4, "cols": 80}),
            "text": forms.Textarea(attrs={"rows": 12, "cols": 80}),
        }

    @classmethod
    def for_user(cls, user):
        return type(cls.__name__, (cls,), {"user": user})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        visibility = self.fields.get("visibility")
        if visibility is not None and not self.may_choose_secretariat_only():
            visibility.choices = [
                (value, label)
                for value, label in visibility.choices
                if value != Document.Visibility.SECRETARIAT
            ]
            visibility.error_messages["invalid_choice"] = (
                "Only secretariat managers may make a document secretariat-only."
            )

    def may_choose_secretariat_only(self) -> bool:
        return self.user is not None and self.user.has_perm("meetings.read_secretariat_documents")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "content_type"):
            return upload  # no new upload: the stored file (or none) stays
        limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"“{upload.name}” is {filesizeformat(upload.size)}; the largest file a "
                f"document can have is {filesizeformat(limit)}."
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        upload.seek(0)
        head = upload.read(2048)
        upload.seek(0)
        signatures = _FILE_SIGNATURES.get(extension)
        if signatures and not any(
            (head[:1024].find(signature) >= 0 if extension == "pdf" else head.startswith(signature))
            for signature in signatures
        ):
            raise forms.ValidationError(
                f"“{upload.name}” is not a {extension.upper()} file: its content does not "
                "match its name. Attach the document itself, saved in its own format."
            )
        if extension in _TEXT_EXTENSIONS and b"\x00" in head:
            raise forms.ValidationError(
                f"“{upload.name}” is not a text file: it holds binary data."
            )
        return upload

    def clean(self):
        cleaned_data = super().clean()
        embargo = cleaned_data.get("embargo_until")
        today = timezone.localdate()
        if (
            embargo is not None
            and "embargo_until" in self.changed_data
            and cleaned_data.get("visibility") == Document.Visibility.PUBLIC
            and embargo < today
        ):
            self.add_error(
                "embargo_until",
                f"{format_date(embargo)} is in the past: an embargo keeps a public document "
                "back until a future date. Leave it empty to make the document public now.",
            )
        return cleaned_data


class DelegationFormSet(BaseInlineFormSet):
    """A meeting's delegations: one per participant, checked across the rows of one save
    with a message that names the participant."""

    def clean(self):
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.errors:
                continue
            participant = form.cleaned_data.get("participant")
            if participant is None or form.cleaned_data.get("DELETE"):
                continue
            if participant.pk in seen:
                form.add_error(
                    "participant",
                    f"{participant} is on another row already: a participant has one "
                    "delegation per meeting.",
                )
            seen.add(participant.pk)
        super().clean()


class DelegateFormSet(OwnRowsFormSet):
    """A delegation's delegates: one head, and no name twice (whatever its case), checked
    across the rows of one save. Handing the headship from one delegate to another in one
    save works: see `release_head`."""

    def check_rows(self, kept, others):
        head = next((other for other in others if other.role == Delegate.Role.HEAD), None)
        names = {other.name.casefold(): other for other in others}
        for form in kept:
            delegate = form.instance
            if delegate.role == Delegate.Role.HEAD:
                if head is not None:
                    form.add_error(
                        "role",
                        f"{head.display_name} is already the head of this delegation, which "
                        "has one head. Make one of them alternate head.",
                    )
                else:
                    head = delegate
            key = delegate.name.casefold()
            if key in names:
                form.add_error("name", f"“{delegate.name}” is already in this delegation.")
            else:
                names[key] = delegate

    def save(self, commit=True):
        if commit:
            self.release_head()
        return super().save(commit)

    def release_head(self) -> None:
        """Demote, before saving, the head that this save demotes or deletes: the database
        allows one head per delegation at every moment, so the new head could otherwise
        not take the place when its row is saved first."""
        leaving = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk
            and form.initial.get("role") == Delegate.Role.HEAD
            and (form.cleaned_data.get("DELETE") or form.cleaned_data.get("role") != "head")
        ]
        if leaving:
            Delegate.objects.filter(pk__in=leaving).update(role=Delegate.Role.DELEGATE)
