"""The secretariat's admin for participants and their status, and the base every admin of
the record is built on (RecordAdmin: history of who changed what, refusals as messages)."""

import dataclasses
import datetime

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import ForeignKey
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from baliprocess.lib.dates import format_date
from baliprocess.lib.db import is_write_conflict
from membership.forms import (
    MembershipChangeForm,
    MembershipPeriodFormSet,
    MembershipPeriodInlineForm,
    ParticipantAdminForm,
    ParticipantNameFormSet,
)
from membership.models import MembershipPeriod, Participant, ParticipantName
from membership.services import membership_change

# --- The base of every admin of the record -----------------------------------


def constraint_message(error: IntegrityError) -> str:
    """The staff's message of the database constraint an IntegrityError names.

    PostgreSQL names the constraint; SQLite names it for check constraints and unique
    expressions, and lists the columns ("UNIQUE constraint failed: table.column, …") for
    unique constraints over fields.
    """
    text = str(error)
    failed_columns = text.rsplit("failed: ", 1)[-1].strip()
    constraints = [
        (model, constraint) for model in apps.get_models() for constraint in model._meta.constraints
    ]
    for model, constraint in sorted(constraints, key=lambda pair: -len(pair[1].name)):
        if constraint.name in text:
            return constraint.get_violation_error_message()
        fields = getattr(constraint, "fields", ())
        columns = ", ".join(
            f"{model._meta.db_table}.{model._meta.get_field(name).column}" for name in fields
        )
        if fields and columns == failed_columns:
            return constraint.get_violation_error_message()
    return SAVED_AT_THE_SAME_TIME


SAVED_AT_THE_SAME_TIME = (
    "it conflicts with a record someone else saved at the same time. "
    "Reload the page to see the record as it is now, and try again."
)


class FetchedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that labels its selected option with the related object the form's
    instance already holds, instead of asking the database once per widget. Django's
    widget costs a query per inline row: 150 delegations would mean 150 lookups."""

    fetched = None  # set per form by RecordInline, from the row the inline fetched

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        fetched = self.fetched
        to_field = self.field.remote_field.get_related_field().attname
        if fetched is None or selected != [str(getattr(fetched, to_field))]:
            # A value the row does not hold (a new row, a changed choice sent back with
            # errors): the database says what it is, and whether it may be chosen.
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(fetched)
        options.append(self.create_option(name, selected[0], label, True, len(options)))
        return [(None, options, 0)]


class RecordInline(admin.TabularInline):
    """Every inline of the record: its rows come with their parent and the objects their
    autocomplete fields show, so the page's queries do not grow with its rows."""

    def autocomplete_foreign_keys(self, request) -> list[str]:
        return [
            name
            for name in self.get_autocomplete_fields(request)
            if self.model._meta.get_field(name).many_to_one
        ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if names := self.autocomplete_foreign_keys(request):
            queryset = queryset.select_related(*names)
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = FetchedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        names = self.autocomplete_foreign_keys(request)

        class RecordInlineFormSet(formset):
            def _construct_form(self, i, **kwargs):
                form = super()._construct_form(i, **kwargs)
                if self.instance.pk is not None:
                    # The parent is known: the row's str() need not fetch it again.
                    self.fk.set_cached_value(form.instance, self.instance)
                for name in names:
                    field = form.fields.get(name)
                    widget = getattr(field, "widget", None)
                    widget = getattr(widget, "widget", widget)  # inside the related wrapper
                    if isinstance(widget, FetchedAutocompleteSelect):
                        related = form.instance._meta.get_field(name)
                        widget.fetched = related.get_cached_value(form.instance, None)
                return form

        RecordInlineFormSet.__name__ = formset.__name__
        return RecordInlineFormSet


class RecordHistoryContextHelper(HistoricalRecordContextHelper):
    """Shows each changed value the way staff entered it: a choice by its label, a date
    as "1 April 2013", yes or no, and "(empty)" rather than None."""

    def __init__(self, model, historical_record, *, hidden_fields=()):
        super().__init__(model, historical_record)
        self.hidden_fields = set(hidden_fields)

    def context_for_delta_changes(self, delta):
        shown = [change for change in delta.changes if change.field not in self.hidden_fields]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=shown))

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            return super().prepare_delta_change_value(change, value)
        if value is None or value == "":
            return "(empty)"
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, datetime.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, datetime.date):
            return format_date(value)
        return value


def _historical_label(record, model) -> str:
    """What a historical row was, named as the record names it, from the related rows the
    query already fetched (no query per row)."""
    instance = record.instance
    for field in model._meta.concrete_fields:
        if field.many_to_one:
            related = record._meta.get_field(field.name).get_cached_value(record, None)
            if related is not None:
                field.set_cached_value(instance, related)
    return str(instance)


class RecordAdmin(SimpleHistoryAdmin):
    """Every admin of the record: django-simple-history's history (who, when, and each
    field's old → new value), viewed but not reverted; and a save the database refuses
    after all (two staff saving at once) shown as a message, never as an error page."""

    object_history_template = "admin/record/object_history.html"
    object_history_list_template = "admin/record/object_history_list.html"
    list_per_page = 50
    history_related: list[tuple] = []
    related_history_limit = 100

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if model._meta.proxy and not hasattr(model._meta, "simple_history_manager_attribute"):
            # django-simple-history keeps the history of the concrete model; its admin looks
            # the history manager up on the proxy's options.
            model._meta.simple_history_manager_attribute = (
                model._meta.concrete_model._meta.simple_history_manager_attribute
            )

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # The library's own version calls select_related() with no field names when the
        # model has no foreign key, which Django 6.1 deprecates.
        related = [
            field.name
            for field in history_manager.model.tracked_fields
            if isinstance(field, ForeignKey)
        ]
        return history_manager.filter(**{pk_name: object_id}).select_related(
            "history_user", *related
        )

    def history_hidden_fields(self, request) -> tuple[str, ...]:
        """Fields whose changes this user may not see in the history (see DelegateAdmin)."""
        return ()

    def get_historical_record_context_helper(self, request, historical_record):
        return RecordHistoryContextHelper(
            self.model, historical_record, hidden_fields=self.history_hidden_fields(request)
        )

    def revert_disabled(self, request, obj=None):
        # Reverting would bypass the inlines' checks and the publishing rights: staff
        # read old versions and re-enter what they want back through the form.
        return True

    def history_record_visible(self, request, record) -> bool:
        """Whether this user may see a historical version of a record (see DocumentAdmin)."""
        return True

    def _refuse_hidden_history(self, request, object_id):
        try:
            pk = self.opts.pk.to_python(unquote(object_id))
        except ValidationError as error:
            raise Http404 from error
        if self.get_queryset(request).filter(pk=pk).exists():
            return
        if self.model._base_manager.filter(pk=pk).exists():
            # It exists, but not for this user or not in this admin (a proxy of another kind).
            raise Http404
        history = getattr(self.model, self.opts.simple_history_manager_attribute)
        latest = history.filter(**{self.opts.pk.attname: pk}).order_by("-history_date").first()
        if latest is None or not self.history_record_visible(request, latest):
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._refuse_hidden_history(request, object_id)
        pk = self.opts.pk.to_python(unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "related_histories": self.related_history(request, pk),
        }
        return super().history_view(request, object_id, extra_context)

    def related_history(self, request, pk) -> list[dict]:
        """The history of the rows staff edit inline on this record (its statuses, roles,
        delegations…), deleted rows included: `history_related` names them as
        (model, field pointing here, heading). Each section costs two queries."""
        sections = []
        for model, field_name, heading in self.history_related:
            related_admin = self.admin_site._registry.get(model)
            hidden = related_admin.history_hidden_fields(request) if related_admin else ()
            history = model.history
            foreign_keys = [
                field.name
                for field in history.model.tracked_fields
                if isinstance(field, ForeignKey)
            ]
            # Lists of related rows are read on the record's own history page: diffing
            # them here would cost queries for every version.
            many_to_many = [field.name for field in model._meta.many_to_many]
            records = list(
                history.filter(**{f"{field_name}_id": pk})
                .select_related("history_user", *foreign_keys)
                .order_by("-history_date", "-history_id")[: self.related_history_limit]
            )
            versions = history.filter(id__in={record.id for record in records}).select_related(
                *foreign_keys
            )
            previous, latest = {}, {}
            for version in versions.order_by("history_date", "history_id"):
                previous[version.history_id] = latest.get(version.id)
                latest[version.id] = version
            rows = []
            for record in records:
                before = previous.get(record.history_id)
                changes = []
                if before is not None and record.history_type == "~":
                    helper = RecordHistoryContextHelper(model, record, hidden_fields=hidden)
                    delta = record.diff_against(
                        before, excluded_fields=many_to_many, foreign_keys_are_objs=True
                    )
                    changes = helper.context_for_delta_changes(delta)
                rows.append(
                    {
                        "record": record,
                        "label": _historical_label(record, model),
                        "changes": changes,
                    }
                )
            sections.append({"heading": heading, "rows": rows})
        return sections

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        self._refuse_hidden_history(request, object_id)
        history = getattr(self.model, self.opts.simple_history_manager_attribute)
        try:
            version = history.get(
                **{self.opts.pk.attname: unquote(object_id)}, history_id=version_id
            )
        except (history.model.DoesNotExist, ValueError, ValidationError) as error:
            raise Http404 from error
        if not self.history_record_visible(request, version):
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DatabaseError as error:
            if not is_write_conflict(error):
                raise
            # A deadlock's text names the index it happened on, not a rule staff broke.
            message = (
                constraint_message(error)
                if isinstance(error, IntegrityError)
                else SAVED_AT_THE_SAME_TIME
            )
            self.message_user(request, f"Nothing was saved: {message}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


# --- Participants -------------------------------------------------------------


class StatusTodayFilter(admin.SimpleListFilter):
    """Members and observers by default (what staff usually want), with an "all" choice."""

    title = "status today"
    parameter_name = "status_today"
    default_value = "current"

    def lookups(self, request, model_admin):
        return [
            ("current", "Members and observers"),
            (MembershipPeriod.Status.MEMBER, "Members"),
            (MembershipPeriod.Status.OBSERVER, "Observers"),
            ("none", "Neither (former or guests)"),
            ("all", "All"),
        ]

    def value(self):
        return super().value() or self.default_value

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        today = timezone.localdate()
        match self.value():
            case MembershipPeriod.Status.MEMBER:
                return queryset.members_on(today)
            case MembershipPeriod.Status.OBSERVER:
                return queryset.observers_on(today)
            case "none":
                return queryset.filter(status_on_date__isnull=True)
            case "all":
                return queryset
            case _:
                return queryset.filter(status_on_date__isnull=False)


class ParticipantNameInline(RecordInline):
    model = ParticipantName
    formset = ParticipantNameFormSet
    extra = 0


class MembershipPeriodInline(RecordInline):
    model = MembershipPeriod
    form = MembershipPeriodInlineForm
    formset = MembershipPeriodFormSet
    extra = 0
    # The fields are the form's (MembershipPeriodInlineForm.Meta.fields).
    autocomplete_fields = ["decided_at", "source_document"]


@admin.register(Participant)
class ParticipantAdmin(RecordAdmin):
    form = ParticipantAdminForm
    list_display = ["short_name", "name", "kind", "code", "status_today"]
    list_filter = [StatusTodayFilter, "kind"]
    search_fields = ["name", "short_name", "acronym", "country", "alternative_names__name"]
    fieldsets = [
        (None, {"fields": ["kind", "name", "short_name", ("country", "acronym"), "description"]}),
        (
            "Portal address and record keeping",
            {"classes": ["collapse"], "fields": ["slug", "created_at", "updated_at"]},
        ),
    ]
    readonly_fields = ["created_at", "updated_at"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [ParticipantNameInline, MembershipPeriodInline]
    actions = ["record_membership_change"]
    history_related = [
        (ParticipantName, "participant", "Changes to its alternative names"),
        (MembershipPeriod, "participant", "Changes to its membership statuses"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_status_on(timezone.localdate())

    @admin.display(description="ISO code or acronym", ordering="acronym")
    def code(self, participant):
        return participant.country.code or participant.acronym

    @admin.display(description="status today", ordering="status_on_date")
    def status_today(self, participant):
        if participant.status_on_date is None:
            return None
        return MembershipPeriod.Status(participant.status_on_date).label

    def has_record_status_permission(self, request):
        return request.user.has_perms(
            ["membership.add_membershipperiod", "membership.change_membershipperiod"]
        )

    @admin.action(
        description="Record a change of membership status…", permissions=["record_status"]
    )
    def record_membership_change(self, request, queryset):
        """Ask for the new status and its date, then record it for every selected
        participant at once (membership_change), or for none if one is refused."""
        participants = list(queryset.order_by("short_name"))
        form = MembershipChangeForm(request.POST if "apply" in request.POST else None)
        for name in ("decided_at", "source_document"):
            widget = AutocompleteSelect(MembershipPeriod._meta.get_field(name), self.admin_site)
            widget.choices = form.fields[name].choices
            form.fields[name].widget = widget
        if form.is_bound and form.is_valid():
            try:
                with transaction.atomic():
                    for participant in participants:
                        membership_change(
                            participant=participant,
                            status=form.cleaned_data["status"],
                            on=form.cleaned_data["start_date"],
                            precision=form.cleaned_data["start_precision"],
                            decided_at=form.cleaned_data["decided_at"],
                            source_document=form.cleaned_data["source_document"],
                            note=form.cleaned_data["note"],
                        )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                data = form.cleaned_data
                status = MembershipPeriod.Status(data["status"]).label.lower()
                names = ", ".join(str(participant) for participant in participants)
                on = format_date(data["start_date"], data["start_precision"])
                self.message_user(request, f"Recorded: {names}, {status} from {on}.")
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Record a change of membership status",
            "opts": self.opts,
            "participants": participants,
            "form": form,
            "media": self.media + form.media,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "select_across": request.POST.get("select_across", "0"),
        }
        return TemplateResponse(
            request, "admin/membership/participant/membership_change.html", context
        )


@admin.register(ParticipantName)
class ParticipantNameAdmin(RecordAdmin):
    list_display = ["name", "participant"]
    list_select_related = ["participant"]
    search_fields = ["name", "participant__name", "participant__short_name"]
    autocomplete_fields = ["participant"]


class InForceFilter(admin.SimpleListFilter):
    title = "in force today"
    parameter_name = "in_force"

    def lookups(self, request, model_admin):
        return [("yes", "In force today"), ("no", "Ended, or not yet begun")]

    def queryset(self, request, queryset):
        current = MembershipPeriod.objects.current()
        if self.value() == "yes":
            return queryset.filter(pk__in=current.values("pk"))
        if self.value() == "no":
            return queryset.exclude(pk__in=current.values("pk"))
        return queryset


@admin.register(MembershipPeriod)
class MembershipPeriodAdmin(RecordAdmin):
    list_display = ["participant", "status", "period", "decided_at"]
    list_filter = ["status", InForceFilter]
    list_select_related = ["participant", "decided_at"]
    search_fields = ["participant__name", "participant__short_name", "note"]
    autocomplete_fields = ["participant", "decided_at", "source_document"]
    fields = [
        "participant",
        "status",
        ("start_date", "start_precision"),
        "known_since",
        ("end_date", "end_precision"),
        "decided_at",
        "source_document",
        "note",
    ]

    @admin.display(description="period", ordering="start_date")
    def period(self, period):
        return period.period_label
