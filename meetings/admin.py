"""The secretariat's admin for meetings of every kind, their delegations and delegates, and
documents.

Every meeting admin ("All meetings", one per kind, and the workshops app's) is built on
MeetingAdminBase, so that a feature for all of them (participant-list downloads, delegate
imports) is added to that one class.
"""

from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from meetings.admin_participants import ParticipantListAdminMixin
from meetings.forms import (
    DelegateFormSet,
    DelegationFormSet,
    DocumentAdminForm,
    MeetingAdminForm,
)
from meetings.models import (
    AdHocGroupMeeting,
    Citation,
    Delegate,
    Delegation,
    Document,
    Meeting,
    MeetingRole,
    MinisterialConference,
    OtherMeeting,
    SeniorOfficialsMeeting,
    SteeringGroupMeeting,
    WorkingGroupMeeting,
)
from meetings.services import meetings_publish
from membership.admin import RecordAdmin, RecordInline

PUBLISH_PERMISSION = "meetings.publish_meeting"
SECRETARIAT_DOCUMENTS_PERMISSION = "meetings.read_secretariat_documents"
CONTACTS_PERMISSION = "meetings.see_delegate_contacts"
CONTACT_FIELDS = ("email", "phone")


def related_count(model, field: str):
    """How many `model` rows point at each row through `field`, as a subquery: a list
    counts its rows without grouping the whole query."""
    counts = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counts), Value(0))


# --- Meetings -----------------------------------------------------------------


class WhenFilter(admin.SimpleListFilter):
    title = "when"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", "Upcoming (and under way)"), ("past", "Past")]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return queryset


class MeetingRoleInline(RecordInline):
    model = MeetingRole
    extra = 0
    fields = ["participant", "role", "order", "represented_by"]
    autocomplete_fields = ["participant"]
    verbose_name = "co-chair, host or organiser"
    verbose_name_plural = "co-chairs, hosts and organisers"


class CitationInline(GenericTabularInline):
    """The passages a fact rests on, on the fact's own admin page. A quote
    from a document of the record, or another public source by title and
    address (the database refuses a row with both or neither)."""

    model = Citation
    extra = 0
    fields = ["document", "locator", "passage", "external_title", "external_url", "order"]
    autocomplete_fields = ["document"]
    verbose_name = "source passage"
    verbose_name_plural = "sources: the passages this rests on"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "passage":
            kwargs["widget"] = admin.widgets.AdminTextareaWidget(attrs={"rows": 2, "cols": 50})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class DelegationInline(RecordInline):
    model = Delegation
    formset = DelegationFormSet
    extra = 0
    fields = [
        "participant",
        "recorded_name",
        "capacity_override",
        "capacity",
        "reported_head_count",
        "delegates",
    ]
    readonly_fields = ["capacity", "delegates"]
    autocomplete_fields = ["participant"]
    show_change_link = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_capacity()
            .annotate(delegate_total=related_count(Delegate, "delegation"))
            .select_related("participant")
        )

    @admin.display(description="capacity at the meeting")
    def capacity(self, delegation):
        return capacity_label(delegation)

    @admin.display(description="named delegates")
    def delegates(self, delegation):
        return getattr(delegation, "delegate_total", None)


def capacity_label(delegation) -> str | None:
    capacity = getattr(delegation, "capacity", None)
    if capacity is None:
        return None
    label = Delegation.Capacity(capacity).label
    return f"{label} (set by staff)" if delegation.capacity_override else label


class DocumentInline(RecordInline):
    """The meeting's documents that this user may see; the same rules as DocumentAdmin."""

    model = Document
    extra = 0
    fields = ["title", "kind", "date", "date_precision", "visibility", "embargo_until", "file"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = DocumentAdminForm.for_user(request.user)
        return super().get_formset(request, obj, **kwargs)


class MeetingAdminBase(ParticipantListAdminMixin, RecordAdmin):
    """What every meeting admin shares. A per-kind admin (MeetingKindAdmin) sets `kind`."""

    kind: str | None = None
    form = MeetingAdminForm
    list_display = ["title", "kind", "dates", "place", "status", "is_published", "delegations"]
    list_filter = [WhenFilter, "kind", "status", "is_published", "group"]
    search_fields = ["title", "custom_title", "city", "venue", "summary"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["group"]
    readonly_fields = ["title", "created_at", "updated_at"]
    inlines = [MeetingRoleInline, DelegationInline, DocumentInline, CitationInline]
    actions = ["publish", "unpublish"]
    # Documents keep their own history, where their visibility decides who reads it.
    history_related = [
        (MeetingRole, "meeting", "Changes to its co-chairs, hosts and organisers"),
        (Delegation, "meeting", "Changes to its delegations"),
    ]
    fieldsets = [
        (None, {"fields": ["kind", ("ordinal", "custom_title"), "title", "group", "status"]}),
        (
            "When and where",
            {
                "fields": [
                    ("start_date", "end_date", "date_precision"),
                    ("city", "country"),
                    "venue",
                ]
            },
        ),
        (
            "Record",
            {
                "fields": [
                    "summary",
                    "attendance",
                    (
                        "reported_delegate_total",
                        "reported_country_total",
                        "reported_organisation_total",
                    ),
                ]
            },
        ),
        ("Publishing", {"fields": ["is_published"]}),
        (
            "Portal address and record keeping",
            {"classes": ["collapse"], "fields": ["slug", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(delegation_total=related_count(Delegation, "meeting"))
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self.kind:
            kwargs["form"] = type(self.form.__name__, (self.form,), {"fixed_kind": self.kind})
        return super().get_form(request, obj, change, **kwargs)

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        return [column for column in columns if not (self.kind and column == "kind")]

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        return [item for item in filters if not (self.kind and item == "kind")]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            # Only managers publish; for everyone else the field is shown, not posted.
            fields.append("is_published")
        return fields

    @admin.display(description="dates", ordering="start_date")
    def dates(self, meeting):
        return meeting.dates_label

    @admin.display(description="place")
    def place(self, meeting):
        return ", ".join(part for part in (meeting.city, meeting.country.name) if part)

    @admin.display(description="delegations", ordering="delegation_total")
    def delegations(self, meeting):
        return meeting.delegation_total

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    @admin.action(
        description="Publish the selected meetings on the portal", permissions=["publish"]
    )
    def publish(self, request, queryset):
        self._set_published(request, queryset, published=True)

    @admin.action(
        description="Withdraw the selected meetings from the portal", permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, published=False)

    def _set_published(self, request, queryset, *, published: bool) -> None:
        selected = list(queryset.values_list("pk", flat=True))
        changed = [
            str(meeting)
            for meeting in meetings_publish(
                meeting_ids=selected, published=published, user=request.user
            )
        ]
        verb = "Published" if published else "Withdrawn from the portal"
        if changed:
            self.message_user(request, f"{verb}: {'; '.join(changed)}.", messages.SUCCESS)
        if len(changed) < len(selected):
            state = "published" if published else "unpublished"
            self.message_user(
                request,
                f"{len(selected) - len(changed)} of the selected meetings were already {state}.",
                messages.INFO,
            )


@admin.register(Meeting)
class MeetingAdmin(MeetingAdminBase):
    """All meetings of every kind, in one list."""


class MeetingKindAdmin(MeetingAdminBase):
    """The meetings of one kind: the kind is set on add and not offered as a choice."""


@admin.register(MinisterialConference)
class MinisterialConferenceAdmin(MeetingKindAdmin):
    kind = Meeting.Kind.MINISTERIAL_CONFERENCE


@admin.register(SeniorOfficialsMeeting)
class SeniorOfficialsMeetingAdmin(MeetingKindAdmin):
    kind = Meeting.Kind.SENIOR_OFFICIALS_MEETING


@admin.register(SteeringGroupMeeting)
class SteeringGroupMeetingAdmin(MeetingKindAdmin):
    kind = Meeting.Kind.STEERING_GROUP_MEETING


@admin.register(AdHocGroupMeeting)
class AdHocGroupMeetingAdmin(MeetingKindAdmin):
    kind = Meeting.Kind.AD_HOC_GROUP_MEETING


@admin.register(WorkingGroupMeeting)
class WorkingGroupMeetingAdmin(MeetingKindAdmin):
    kind = Meeting.Kind.WORKING_GROUP_MEETING


@admin.register(OtherMeeting)
class OtherMeetingAdmin(MeetingKindAdmin):
    kind = Meeting.Kind.OTHER


@admin.register(MeetingRole)
class MeetingRoleAdmin(RecordAdmin):
    list_display = ["participant", "role", "meeting", "order", "represented_by"]
    list_filter = ["role", "meeting__kind"]
    list_select_related = ["participant", "meeting"]
    search_fields = [
        "participant__name",
        "participant__short_name",
        "meeting__title",
        "represented_by",
    ]
    autocomplete_fields = ["meeting", "participant"]
    fields = ["meeting", "participant", "role", "order", "represented_by"]


# --- Delegations and delegates ------------------------------------------------


class CapacityFilter(admin.SimpleListFilter):
    title = "capacity"
    parameter_name = "capacity"

    def lookups(self, request, model_admin):
        return Delegation.Capacity.choices

    def queryset(self, request, queryset):
        if self.value() in Delegation.Capacity.values:
            return queryset.filter(capacity=self.value())
        return queryset


class ContactsMixin:
    """Delegates' email and telephone: only for users who may see contact details."""

    def may_see_contacts(self, request) -> bool:
        return request.user.has_perm(CONTACTS_PERMISSION)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if self.may_see_contacts(request):
            return fields
        return [field for field in fields if field not in CONTACT_FIELDS]


class DelegateInline(ContactsMixin, RecordInline):
    model = Delegate
    formset = DelegateFormSet
    extra = 0
    fields = [
        "honorific",
        "name",
        "role",
        "position",
        "agency",
        "email",
        "phone",
        "may_be_listed",
    ]


@admin.register(Delegation)
class DelegationAdmin(RecordAdmin):
    list_display = [
        "participant",
        "meeting",
        "capacity",
        "delegates",
        "reported_head_count",
    ]
    list_filter = [CapacityFilter, "meeting__kind"]
    list_select_related = ["participant", "meeting"]
    search_fields = ["participant__name", "participant__short_name", "meeting__title"]
    autocomplete_fields = ["meeting", "participant"]
    fields = [
        "meeting",
        "participant",
        ("recorded_name", "recorded_order"),
        "capacity_override",
        "capacity",
        "reported_head_count",
        "note",
    ]
    readonly_fields = ["capacity"]
    inlines = [DelegateInline, CitationInline]
    history_related = [(Delegate, "delegation", "Changes to its delegates")]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_capacity()
            .annotate(delegate_total=related_count(Delegate, "delegation"))
        )

    @admin.display(description="capacity at the meeting", ordering="capacity")
    def capacity(self, delegation):
        return capacity_label(delegation)

    @admin.display(description="named delegates", ordering="delegate_total")
    def delegates(self, delegation):
        return delegation.delegate_total


@admin.register(Delegate)
class DelegateAdmin(ContactsMixin, RecordAdmin):
    list_display = [
        "display_name",
        "family_name",
        "participant",
        "meeting",
        "role",
        "position",
        "agency",
        "email",
        "phone",
        "may_be_listed",
    ]
    list_filter = ["role", "may_be_listed", "delegation__meeting__kind"]
    list_select_related = ["delegation__participant", "delegation__meeting"]
    search_fields = [
        "name",
        "family_name",
        "agency",
        "position",
        "email",
        "delegation__participant__short_name",
        "delegation__participant__name",
        "delegation__meeting__title",
    ]
    autocomplete_fields = ["delegation"]
    fields = [
        "delegation",
        "honorific",
        ("name", "family_name"),
        "order",
        "role",
        "position",
        "agency",
        "email",
        "phone",
        "may_be_listed",
    ]

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if self.may_see_contacts(request):
            return columns
        return [column for column in columns if column not in CONTACT_FIELDS]

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        if self.may_see_contacts(request):
            return fields
        return [field for field in fields if field not in CONTACT_FIELDS]

    def history_hidden_fields(self, request):
        return () if self.may_see_contacts(request) else CONTACT_FIELDS

    @admin.display(description="name", ordering="name")
    def display_name(self, delegate):
        return delegate.display_name

    @admin.display(description="participant", ordering="delegation__participant__short_name")
    def participant(self, delegate):
        return delegate.delegation.participant

    @admin.display(description="meeting", ordering="delegation__meeting__start_date")
    def meeting(self, delegate):
        return delegate.delegation.meeting


# --- Documents ------------------------------------------------------------------


class VisibilityFilter(admin.SimpleListFilter):
    """Who may read it, offering only the levels this user may see."""

    title = "who may read it"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            (value, label)
            for value, label in Document.Visibility.choices
            if value != Document.Visibility.SECRETARIAT
            or request.user.has_perm(SECRETARIAT_DOCUMENTS_PERMISSION)
        ]

    def queryset(self, request, queryset):
        if self.value() in Document.Visibility.values:
            return queryset.filter(visibility=self.value())
        return queryset


class EmbargoFilter(admin.SimpleListFilter):
    title = "embargo"
    parameter_name = "embargo"

    def lookups(self, request, model_admin):
        return [("now", "Under embargo today"), ("none", "Not under embargo")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "now":
            return queryset.filter(embargo_until__gt=today)
        if self.value() == "none":
            return queryset.exclude(embargo_until__gt=today)
        return queryset


@admin.register(Document)
class DocumentAdmin(RecordAdmin):
    """Documents this user may read (DocumentQuerySet.visible_to): a secretariat editor
    neither sees secretariat-only documents nor can make a document secretariat-only."""

    form = DocumentAdminForm
    list_display = [
        "title",
        "kind",
        "date_known",
        "meeting",
        "group",
        "visibility",
        "embargo_until",
        "has_file",
    ]
    list_filter = [VisibilityFilter, "kind", EmbargoFilter]
    list_select_related = ["meeting", "group"]
    search_fields = ["title", "symbol", "summary", "text"]
    date_hierarchy = "date"
    autocomplete_fields = ["meeting", "group"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {"fields": ["kind", "title", "symbol", ("date", "date_precision"), "meeting", "group"]},
        ),
        ("Who may read it", {"fields": ["visibility", "embargo_until"]}),
        ("Content", {"fields": ["file", "summary", "text", "source_url"]}),
        (
            "Portal address and record keeping",
            {"classes": ["collapse"], "fields": ["slug", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = self.form.for_user(request.user)
        return super().get_form(request, obj, change, **kwargs)

    def history_record_visible(self, request, record):
        return record.visibility != Document.Visibility.SECRETARIAT or request.user.has_perm(
            SECRETARIAT_DOCUMENTS_PERMISSION
        )

    @admin.display(description="date", ordering="date")
    def date_known(self, document):
        return document.date_label

    @admin.display(description="file", boolean=True)
    def has_file(self, document):
        return bool(document.file)
