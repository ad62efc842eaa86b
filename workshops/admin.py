"""The secretariat's admin for groups, themes, workshops and outcomes."""

from django.contrib import admin
from django.db.models import Count
from django.utils.text import Truncator

from meetings.admin import (
    CitationInline,
    DelegationInline,
    DocumentInline,
    MeetingKindAdmin,
    MeetingRoleInline,
)
from meetings.models import Meeting
from membership.admin import RecordAdmin, RecordInline
from workshops.forms import (
    DeliverableInlineForm,
    GroupAdminForm,
    GroupMembershipFormSet,
    OutcomeAdminForm,
    ThemeAdminForm,
)
from workshops.models import (
    Group,
    GroupMembership,
    GroupRole,
    Outcome,
    OutcomeLink,
    OutcomeStatus,
    TermOfReference,
    Theme,
    Workshop,
)


def period_column(description="period", ordering="start_date"):
    @admin.display(description=description, ordering=ordering)
    def period(self, row):
        return row.period_label

    return period


# --- Groups -------------------------------------------------------------------


class TermOfReferenceInline(RecordInline):
    model = TermOfReference
    extra = 0
    fields = ["label", "text", "order", "adopted_by"]
    autocomplete_fields = ["adopted_by"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = admin.widgets.AdminTextareaWidget(attrs={"rows": 3, "cols": 60})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class GroupRoleInline(RecordInline):
    model = GroupRole
    extra = 0
    fields = [
        "participant",
        "role",
        "person_name",
        "person_position",
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
        "order",
    ]
    autocomplete_fields = ["participant"]


class GroupMembershipInline(RecordInline):
    model = GroupMembership
    formset = GroupMembershipFormSet
    extra = 0
    fields = [
        "participant",
        "start_date",
        "start_precision",
        "known_since",
        "end_date",
        "end_precision",
        "decided_at",
        "note",
    ]
    autocomplete_fields = ["participant", "decided_at"]


class ActiveFilter(admin.SimpleListFilter):
    """Active, discontinued, or neither recorded (Group.status_label)."""

    title = "status"
    parameter_name = "active"

    def lookups(self, request, model_admin):
        return [("yes", "Active"), ("no", "Discontinued"), ("unknown", "Status not recorded")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.active()
        if self.value() == "no":
            return queryset.discontinued()
        if self.value() == "unknown":
            return queryset.status_not_recorded()
        return queryset


@admin.register(Group)
class GroupAdmin(RecordAdmin):
    form = GroupAdminForm
    list_display = ["name", "short_name", "kind", "parent", "period", "status"]
    list_filter = [ActiveFilter, "kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "mandate", "description"]
    autocomplete_fields = ["parent", "established_by", "discontinued_by"]
    prepopulated_fields = {"slug": ["short_name"]}
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "parent", "mandate"]}),
        (
            "Established and discontinued",
            {
                "fields": [
                    ("established_on", "established_precision"),
                    "established_by",
                    ("discontinued_on", "discontinued_precision"),
                    "discontinued_by",
                ]
            },
        ),
        (
            "Description and portal address",
            {"classes": ["collapse"], "fields": ["description", "slug"]},
        ),
    ]
    inlines = [TermOfReferenceInline, GroupRoleInline, GroupMembershipInline, CitationInline]
    history_related = [
        (TermOfReference, "group", "Changes to its terms of reference"),
        (GroupRole, "group", "Changes to its coordinators and chairs"),
        (GroupMembership, "group", "Changes to its composition"),
    ]

    period = period_column(ordering="established_on")

    @admin.display(description="status", ordering="discontinued_on")
    def status(self, group):
        return group.status_label


@admin.register(TermOfReference)
class TermOfReferenceAdmin(RecordAdmin):
    list_display = ["label", "short_text", "group", "adopted_by", "order"]
    list_filter = ["group"]
    list_select_related = ["group", "adopted_by"]
    search_fields = ["text", "label", "group__name", "group__short_name"]
    autocomplete_fields = ["group", "adopted_by"]
    fields = ["group", "label", "text", "order", "adopted_by"]

    @admin.display(description="text", ordering="text")
    def short_text(self, term):
        return Truncator(term.text).chars(100)


@admin.register(GroupRole)
class GroupRoleAdmin(RecordAdmin):
    list_display = ["participant", "role", "group", "person_name", "period"]
    list_filter = ["role", "group"]
    list_select_related = ["participant", "group"]
    search_fields = ["participant__short_name", "participant__name", "group__name", "person_name"]
    autocomplete_fields = ["group", "participant"]
    fields = [
        "group",
        "participant",
        "role",
        "person_name",
        "person_position",
        ("start_date", "start_precision"),
        ("end_date", "end_precision"),
        "order",
    ]

    period = period_column()


@admin.register(GroupMembership)
class GroupMembershipAdmin(RecordAdmin):
    list_display = ["participant", "group", "period", "decided_at"]
    list_filter = ["group"]
    list_select_related = ["participant", "group", "decided_at"]
    search_fields = ["participant__short_name", "participant__name", "group__name", "note"]
    autocomplete_fields = ["group", "participant", "decided_at"]
    fields = [
        "group",
        "participant",
        ("start_date", "start_precision"),
        ("end_date", "end_precision"),
        "decided_at",
        "note",
    ]

    period = period_column()


# --- Themes and workshops -------------------------------------------------------


@admin.register(Theme)
class ThemeAdmin(RecordAdmin):
    form = ThemeAdminForm
    list_display = ["name", "workshops"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["meetings"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "description", "meetings", "slug"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(meeting_total=Count("meetings"))

    @admin.display(description="workshops and meetings", ordering="meeting_total")
    def workshops(self, theme):
        return theme.meeting_total


class ThemeInline(RecordInline):
    model = Theme.meetings.through
    extra = 0
    autocomplete_fields = ["theme"]
    verbose_name = "theme"
    verbose_name_plural = "themes"


class DeliverableInline(RecordInline):
    """The workshop's deliverables: outcomes of kind deliverable that came from it. Shown
    once the workshop is saved, since a deliverable needs its source to be valid."""

    model = Outcome
    fk_name = "source_meeting"
    form = DeliverableInlineForm
    extra = 0
    fields = ["title", "text", "date", "date_precision", "responsible_group"]
    autocomplete_fields = ["responsible_group"]
    show_change_link = True
    verbose_name = "deliverable"
    verbose_name_plural = "deliverables (checklists, guidelines, compilations…)"

    def get_queryset(self, request):
        return super().get_queryset(request).of_kind(Outcome.Kind.DELIVERABLE)


@admin.register(Workshop)
class WorkshopAdmin(MeetingKindAdmin):
    kind = Meeting.Kind.WORKSHOP
    inlines = [
        ThemeInline,
        MeetingRoleInline,
        DeliverableInline,
        DelegationInline,
        DocumentInline,
        CitationInline,
    ]
    list_filter = [*MeetingKindAdmin.list_filter, "themes"]
    history_related = [
        *MeetingKindAdmin.history_related,
        (Outcome, "source_meeting", "Changes to its outcomes and deliverables"),
    ]

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None:
            return [inline for inline in inlines if not isinstance(inline, DeliverableInline)]
        return inlines

    def save_formset(self, request, form, formset, change):
        if formset.model is not Theme.meetings.through:
            return super().save_formset(request, form, formset, change)
        # Themes are linked from the theme's side, which sends the signal that
        # django-simple-history records a theme's workshops by.
        formset.save(commit=False)
        workshop = form.instance
        wanted = {
            subform.cleaned_data["theme"]
            for subform in formset.forms
            if subform.cleaned_data.get("theme") and not subform.cleaned_data.get("DELETE")
        }
        current = set(Theme.objects.filter(meetings=workshop))
        for theme in current - wanted:
            theme.meetings.remove(workshop)
        for theme in wanted - current:
            theme.meetings.add(workshop)
        return None


# --- Outcomes -------------------------------------------------------------------


class OutcomeStatusInline(RecordInline):
    model = OutcomeStatus
    extra = 0
    fields = ["status", "date", "end_date", "date_precision", "meeting", "document", "note"]
    autocomplete_fields = ["meeting", "document"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "note":
            kwargs["widget"] = admin.widgets.AdminTextareaWidget(attrs={"rows": 2, "cols": 40})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class OutcomeLinkOutInline(RecordInline):
    model = OutcomeLink
    fk_name = "from_outcome"
    extra = 0
    fields = ["relation", "to_outcome"]
    autocomplete_fields = ["to_outcome"]
    verbose_name = "link to another outcome"
    verbose_name_plural = "links to other outcomes (this outcome endorses, follows… that one)"


class OutcomeLinkInInline(RecordInline):
    """Links other outcomes make to this one, read here and edited on the other outcome."""

    model = OutcomeLink
    fk_name = "to_outcome"
    extra = 0
    fields = ["from_outcome_link", "inverse"]
    readonly_fields = ["from_outcome_link", "inverse"]
    can_delete = False
    verbose_name = "link from another outcome"
    verbose_name_plural = "links from other outcomes (edit them on the other outcome)"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_outcome")

    @admin.display(description="this outcome is")
    def inverse(self, link):
        return link.inverse_label

    @admin.display(description="that outcome")
    def from_outcome_link(self, link):
        return link.from_outcome


class CurrentStatusFilter(admin.SimpleListFilter):
    title = "current status"
    parameter_name = "current_status"

    def lookups(self, request, model_admin):
        return [*OutcomeStatus.Status.choices, ("none", "None recorded")]

    def queryset(self, request, queryset):
        if self.value() in OutcomeStatus.Status.values:
            return queryset.filter(current_status=self.value())
        if self.value() == "none":
            return queryset.filter(current_status__isnull=True)
        return queryset


@admin.register(Outcome)
class OutcomeAdmin(RecordAdmin):
    form = OutcomeAdminForm
    list_display = ["title", "kind", "date_known", "source", "status_now", "amount_known"]
    list_filter = [CurrentStatusFilter, "kind", "source_group", "responsible_group"]
    list_select_related = ["source_meeting", "source_group"]
    search_fields = ["title", "text", "paragraph"]
    date_hierarchy = "date"
    autocomplete_fields = [
        "source_meeting",
        "source_group",
        "source_document",
        "responsible_group",
        "responsible_participants",
        "concerned_groups",
    ]
    fieldsets = [
        (None, {"fields": ["kind", "title", "text", ("date", "end_date", "date_precision")]}),
        (
            "Where it came from",
            {"fields": ["source_meeting", "source_group", ("source_document", "paragraph")]},
        ),
        (
            "Who is responsible",
            {"fields": ["responsible_group", "responsible_participants", "concerned_groups"]},
        ),
        ("Pledges", {"classes": ["collapse"], "fields": [("amount", "currency")]}),
    ]
    inlines = [OutcomeStatusInline, OutcomeLinkOutInline, OutcomeLinkInInline, CitationInline]
    history_related = [
        (OutcomeStatus, "outcome", "Changes to its status history"),
        (OutcomeLink, "from_outcome", "Changes to its links to other outcomes"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_current_status()

    @admin.display(description="date", ordering="date")
    def date_known(self, outcome):
        return outcome.date_label

    @admin.display(description="from")
    def source(self, outcome):
        return outcome.source_meeting or outcome.source_group

    @admin.display(description="current status", ordering="current_status")
    def status_now(self, outcome):
        if outcome.current_status is None:
            return None
        return OutcomeStatus.Status(outcome.current_status).label

    @admin.display(description="amount", ordering="amount")
    def amount_known(self, outcome):
        return outcome.amount_label or None


@admin.register(OutcomeStatus)
class OutcomeStatusAdmin(RecordAdmin):
    list_display = ["outcome", "status", "date_known", "meeting"]
    list_filter = ["status"]
    list_select_related = ["outcome", "meeting"]
    search_fields = ["outcome__title", "note"]
    date_hierarchy = "date"
    autocomplete_fields = ["outcome", "meeting", "document"]
    fields = ["outcome", "status", ("date", "date_precision"), "meeting", "document", "note"]

    @admin.display(description="date", ordering="date")
    def date_known(self, status):
        return status.date_label


@admin.register(OutcomeLink)
class OutcomeLinkAdmin(RecordAdmin):
    list_display = ["from_outcome", "relation", "to_outcome"]
    list_filter = ["relation"]
    list_select_related = ["from_outcome", "to_outcome"]
    search_fields = ["from_outcome__title", "to_outcome__title"]
    autocomplete_fields = ["from_outcome", "to_outcome"]
    fields = ["from_outcome", "relation", "to_outcome"]
