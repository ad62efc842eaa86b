"""Every gathering of the Bali Process and its record."""

import datetime
import os

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Lower, NullIf
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from baliprocess.lib.dates import DatePrecision, format_date, format_range, normalise, period_end
from membership.models import MembershipPeriod, Participant

ORDINAL_WORDS = (
    "",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
    "Twentieth",
)


def ordinal_word(number: int) -> str:
    """'Fourth' for 4; '21st' beyond the words we spell out."""
    if 0 < number < len(ORDINAL_WORDS):
        return ORDINAL_WORDS[number]
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def unique_slug(model, text: str, *, max_length: int = 120, exclude_pk=None) -> str:
    """A slug from `text` that no other row of `model` uses yet ('-2', '-3' if taken)."""
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    taken = model._default_manager.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        number += 1
    return candidate


# Kept at module level so the per-kind proxies can be tracked too (see
# track_proxy_history): Django sends save and delete signals with the proxy
# class as sender, and django-simple-history listens only for Meeting.
MEETING_HISTORY = HistoricalRecords()


def track_proxy_history(proxy: type) -> None:
    """Record history for saves and deletes made through a proxy of Meeting."""
    for signal, receiver in (
        (post_save, MEETING_HISTORY.post_save),
        (pre_delete, MEETING_HISTORY.pre_delete),
        (post_delete, MEETING_HISTORY.post_delete),
    ):
        signal.connect(receiver, sender=proxy, weak=False)


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Meetings this user may see on the portal: the published ones, and
        for secretariat staff the unpublished ones too (as a preview)."""
        if user.has_perm("meetings.view_meeting"):
            return self
        return self.published()

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def upcoming(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(
            Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)
        ).exclude(status=Meeting.Status.CANCELLED)

    def past(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today))

    def in_year(self, year: int):
        return self.filter(start_date__year=year)

    def attended_by(self, participant):
        return self.filter(delegations__participant=participant).distinct()

    def newest_first(self):
        return self.order_by(*Meeting.NEWEST_FIRST)


class Meeting(models.Model):
    """A ministerial conference, senior officials meeting, group meeting, workshop…"""

    class Kind(models.TextChoices):
        MINISTERIAL_CONFERENCE = "ministerial_conference", "Ministerial conference"
        SENIOR_OFFICIALS_MEETING = "senior_officials_meeting", "Senior officials meeting"
        STEERING_GROUP_MEETING = "steering_group_meeting", "Steering group meeting"
        AD_HOC_GROUP_MEETING = "ad_hoc_group_meeting", "Ad hoc group meeting"
        WORKING_GROUP_MEETING = "working_group_meeting", "Working group meeting"
        WORKSHOP = "workshop", "Workshop"
        OTHER = "other", "Other meeting"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    class Attendance(models.TextChoices):
        COMPLETE = "complete", "Every delegate is recorded"
        DELEGATIONS = "delegations", "Every delegation is recorded, not every delegate"
        PARTIAL = "partial", "Only some of those who attended are recorded"

    # Newest first: a meeting known only to the month or year comes after
    # the dated ones of that month or year ("day" < "month" < "year"), as in
    # OLDEST_FIRST, where it sorts on the last day it may stand for.
    NEWEST_FIRST = ("-start_date", "date_precision", "-pk")
    OLDEST_FIRST = ("sort_date", "date_precision", "pk")

    # How a generated title names each kind: "Fourth Bali Regional Ministerial Conference".
    TITLE_NOUNS = {
        Kind.MINISTERIAL_CONFERENCE: "Bali Regional Ministerial Conference",
        Kind.SENIOR_OFFICIALS_MEETING: "Senior Officials Meeting",
        Kind.STEERING_GROUP_MEETING: "Steering Group Meeting",
        Kind.AD_HOC_GROUP_MEETING: "Ad Hoc Group Meeting",
        Kind.WORKING_GROUP_MEETING: "Working Group Meeting",
        Kind.WORKSHOP: "Workshop",
        Kind.OTHER: "Meeting",
    }

    # What the full-text search reads (and its PostgreSQL index covers).
    SEARCH_FIELDS = ("title", "summary", "city")

    kind = models.CharField("kind", max_length=32, choices=Kind.choices)
    ordinal = models.PositiveSmallIntegerField(
        "ordinal",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Its number within its kind, e.g. 4 for the Fourth Ministerial Conference. "
        "Leave empty when the record does not number it.",
    )
    custom_title = models.CharField(
        "title",
        max_length=300,
        blank=True,
        help_text="Leave empty to use the generated title, e.g. “Fifth Senior Officials Meeting”.",
    )
    title = models.CharField(
        "full title",
        max_length=300,
        editable=False,
        help_text="The title shown everywhere: the custom title, or the one generated "
        "from kind, ordinal, place and year.",
    )
    slug = models.SlugField(
        "slug",
        max_length=120,
        unique=True,
        blank=True,
        help_text="Its address on the portal; generated from the title when left empty, "
        "and kept when the title changes so links stay valid.",
    )
    start_date = models.DateField("start date")
    end_date = models.DateField(
        "end date", null=True, blank=True, help_text="Leave empty for a one-day meeting."
    )
    date_precision = models.CharField(
        "dates known to the",
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="Month or year when the record gives no day: nothing will show a day "
        "that is not known.",
    )
    city = models.CharField("city", max_length=100, blank=True)
    country = CountryField("country", blank=True)
    venue = models.CharField("venue", max_length=200, blank=True)
    status = models.CharField("status", max_length=16, choices=Status.choices, default=Status.HELD)
    summary = models.TextField("summary", blank=True)
    group = models.ForeignKey(
        "workshops.Group",
        # A group's meetings are part of its record: refuse to delete the group.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name="held under",
        help_text="The group whose meeting or workshop this was (e.g. AHEG II, the RSO).",
    )
    sort_date = models.DateField(
        "sorts as",
        editable=False,
        null=True,
        help_text="The last day its start date may stand for (30 June for “June 2004”): "
        "oldest-first lists sort on it.",
    )
    attendance = models.CharField(
        "attendance recorded",
        max_length=16,
        choices=Attendance.choices,
        default=Attendance.COMPLETE,
        help_text="How much of the attendance the record holds. Counts are computed only "
        "from what is recorded in full; otherwise the reported totals below are shown.",
    )
    reported_delegate_total = models.PositiveIntegerField(
        "reported number of delegates",
        null=True,
        blank=True,
        help_text="When the record gives only a total (“139 delegates”) and not every name.",
    )
    reported_country_total = models.PositiveIntegerField(
        "reported number of countries",
        null=True,
        blank=True,
        help_text="As the source states it (“representing 47 countries”).",
    )
    reported_organisation_total = models.PositiveIntegerField(
        "reported number of organisations",
        null=True,
        blank=True,
        help_text="As the source states it (“and nine international and regional organisations”).",
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Shown on the public portal. Only secretariat managers may publish.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    history = MEETING_HISTORY
    citations = GenericRelation("meetings.Citation", related_query_name="meeting")
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "meeting"
        verbose_name_plural = "meetings"
        ordering = ["-start_date", "date_precision", "-pk"]  # NEWEST_FIRST
        permissions = [("publish_meeting", "Can publish and unpublish meetings")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="meeting_end_not_before_start",
                violation_error_message="The meeting cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["kind", "ordinal"],
                condition=Q(ordinal__isnull=False),
                name="meeting_ordinal_unique_per_kind",
                violation_error_message="Another meeting of this kind already has this ordinal.",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "start_date"], name="meeting_kind_start_idx"),
        ]

    def __str__(self):
        return self.title or self.generated_title()

    def save(self, *args, **kwargs):
        self.sort_date = period_end(self.start_date, self.date_precision)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", kwargs={"slug": self.slug})

    def clean(self):
        self.start_date = normalise(self.start_date, self.date_precision)
        self.end_date = normalise(self.end_date, self.date_precision)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The meeting cannot end before it starts."})
        self.title = self.custom_title.strip() or self.generated_title()
        if not self.slug:
            self.slug = unique_slug(Meeting, self.title, exclude_pk=self.pk)

    @property
    def attendance_is_complete(self) -> bool:
        return self.attendance == self.Attendance.COMPLETE

    @property
    def delegations_are_complete(self) -> bool:
        return self.attendance != self.Attendance.PARTIAL

    def generated_title(self) -> str:
        """'Fourth Bali Regional Ministerial Conference', or without an ordinal
        'Senior Officials Meeting, Brisbane 2004'."""
        noun = self.TITLE_NOUNS.get(self.kind, "Meeting")
        if self.ordinal:
            return f"{ordinal_word(self.ordinal)} {noun}"
        place = self.city or (self.country.name if self.country else "")
        year = str(self.start_date.year) if self.start_date else ""
        where_when = " ".join(part for part in (place, year) if part)
        return f"{noun}, {where_when}" if where_when else noun

    @property
    def dates_label(self) -> str:
        return format_range(self.start_date, self.end_date, self.date_precision)

    @property
    def place_label(self) -> str:
        parts = [self.venue, self.city, self.country.name if self.country else ""]
        return ", ".join(part for part in parts if part)

    @property
    def is_workshop(self) -> bool:
        return self.kind == self.Kind.WORKSHOP


class MeetingKindManager(models.Manager):
    """The manager of a per-kind proxy: only meetings of that kind."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def get_queryset(self):
        return MeetingQuerySet(self.model, using=self._db).filter(kind=self.kind)


class MinisterialConference(Meeting):
    objects = MeetingKindManager(Meeting.Kind.MINISTERIAL_CONFERENCE)

    class Meta:
        proxy = True
        verbose_name = "ministerial conference"
        verbose_name_plural = "ministerial conferences"


track_proxy_history(MinisterialConference)


class SeniorOfficialsMeeting(Meeting):
    objects = MeetingKindManager(Meeting.Kind.SENIOR_OFFICIALS_MEETING)

    class Meta:
        proxy = True
        verbose_name = "senior officials meeting"
        verbose_name_plural = "senior officials meetings"


track_proxy_history(SeniorOfficialsMeeting)


class SteeringGroupMeeting(Meeting):
    objects = MeetingKindManager(Meeting.Kind.STEERING_GROUP_MEETING)

    class Meta:
        proxy = True
        verbose_name = "steering group meeting"
        verbose_name_plural = "steering group meetings"


track_proxy_history(SteeringGroupMeeting)


class AdHocGroupMeeting(Meeting):
    objects = MeetingKindManager(Meeting.Kind.AD_HOC_GROUP_MEETING)

    class Meta:
        proxy = True
        verbose_name = "ad hoc group meeting"
        verbose_name_plural = "ad hoc group meetings"


track_proxy_history(AdHocGroupMeeting)


class WorkingGroupMeeting(Meeting):
    objects = MeetingKindManager(Meeting.Kind.WORKING_GROUP_MEETING)

    class Meta:
        proxy = True
        verbose_name = "working group meeting"
        verbose_name_plural = "working group meetings"


track_proxy_history(WorkingGroupMeeting)


class OtherMeeting(Meeting):
    objects = MeetingKindManager(Meeting.Kind.OTHER)

    class Meta:
        proxy = True
        verbose_name = "other meeting"
        verbose_name_plural = "other meetings (roundtables, side events…)"


track_proxy_history(OtherMeeting)


class MeetingRole(models.Model):
    """A participant's role at a meeting: co-chair, host, co-host, co-organiser."""

    class Role(models.TextChoices):
        CO_CHAIR = "co_chair", "Co-chair"
        HOST = "host", "Host"
        CO_HOST = "co_host", "Co-host"
        CO_ORGANISER = "co_organiser", "Co-organiser"

    meeting = models.ForeignKey(
        Meeting,
        # Roles are part of the meeting's record: refuse to delete a meeting that has any.
        on_delete=models.PROTECT,
        related_name="roles",
        verbose_name="meeting",
    )
    participant = models.ForeignKey(
        Participant,
        # A participant who chaired or hosted a meeting must not vanish from it.
        on_delete=models.PROTECT,
        related_name="meeting_roles",
        verbose_name="participant",
    )
    role = models.CharField("role", max_length=16, choices=Role.choices)
    order = models.PositiveSmallIntegerField(
        "order",
        default=0,
        help_text="Co-chairs are named in this order (Indonesia, then Australia).",
    )
    represented_by = models.CharField(
        "represented by",
        max_length=200,
        blank=True,
        help_text="E.g. “the Minister for Foreign Affairs”, or the agency that organised it.",
    )

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="meeting_role")

    class Meta:
        verbose_name = "role at the meeting"
        verbose_name_plural = "co-chairs, hosts and organisers"
        ordering = ["meeting", "role", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant", "role"],
                name="meetingrole_unique",
                violation_error_message="This participant already has this role at this meeting.",
            ),
        ]

    def __str__(self):
        return f"{self.participant} ({self.get_role_display().lower()})"


class DelegationQuerySet(models.QuerySet):
    def with_capacity(self):
        """Annotate `capacity`: the staff's override, else the participant's
        membership status on the meeting's start date, else guest.

        One subquery for all delegations, so a list of 150 delegations costs
        one query, not 150.
        """
        status = MembershipPeriod.objects.filter(participant=OuterRef("participant")).filter(
            Q(start_date__lte=OuterRef("meeting__start_date"))
            | Q(start_date__isnull=True, known_since__lte=OuterRef("meeting__start_date")),
            Q(end_date__isnull=True) | Q(end_date__gt=OuterRef("meeting__start_date")),
        )
        return self.annotate(
            status_on_meeting_date=Subquery(status.values("status")[:1]),
            capacity=Coalesce(
                NullIf(F("capacity_override"), Value("")),
                F("status_on_meeting_date"),
                Value(Delegation.Capacity.GUEST),
                output_field=models.CharField(),
            ),
        )

    def in_list_order(self):
        """Members, observers, guests, secretariat, capacity not recorded; within
        each, the order of the meeting's own record where its source fixes
        one (`recorded_order`), else states before organisations, then by
        short name. Needs with_capacity()."""
        capacity_rank = Case(
            *(
                When(capacity=value, then=Value(rank))
                for rank, value in enumerate(Delegation.Capacity.values)
            ),
            default=Value(len(Delegation.Capacity.values)),
        )
        is_organisation = Case(
            When(participant__kind__in=Participant.STATE_KINDS, then=Value(0)), default=Value(1)
        )
        return self.order_by(
            capacity_rank,
            F("recorded_order").asc(nulls_last=True),
            is_organisation,
            Lower("participant__short_name"),
        )


class Delegation(models.Model):
    """The people one participant sent to one meeting."""

    class Capacity(models.TextChoices):
        MEMBER = "member", "Member"
        OBSERVER = "observer", "Observer"
        GUEST = "guest", "Guest"
        SECRETARIAT = "secretariat", "Secretariat"
        NOT_RECORDED = "not_recorded", "Capacity not recorded"

    meeting = models.ForeignKey(
        Meeting,
        # Attendance is the record: a meeting with delegations cannot be deleted.
        on_delete=models.PROTECT,
        related_name="delegations",
        verbose_name="meeting",
    )
    participant = models.ForeignKey(
        Participant,
        # A participant that attended meetings cannot be deleted.
        on_delete=models.PROTECT,
        related_name="delegations",
        verbose_name="participant",
    )
    capacity_override = models.CharField(
        "capacity",
        max_length=16,
        choices=Capacity.choices,
        blank=True,
        help_text="Leave empty to take the participant's membership status on the "
        "meeting's start date (a participant with none attends as a guest).",
    )
    reported_head_count = models.PositiveSmallIntegerField(
        "reported number of delegates",
        null=True,
        blank=True,
        help_text="For historical meetings whose delegates' names were not recorded.",
    )
    recorded_name = models.CharField(
        "name as recorded",
        max_length=300,
        blank=True,
        help_text="The name under which the meeting's own record lists it, when that differs "
        "from the participant's name (“People's Republic of China”). Lists print this name.",
    )
    recorded_order = models.PositiveSmallIntegerField(
        "place in the recorded list",
        null=True,
        blank=True,
        help_text="When the meeting's source lists the delegations in its own order, keep it "
        "here; leave empty for the house order.",
    )
    note = models.TextField("note", blank=True)

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="delegation")
    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = "delegation"
        verbose_name_plural = "delegations"
        ordering = ["meeting", "participant__short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"],
                name="delegation_one_per_participant_per_meeting",
                violation_error_message=(
                    "This participant already has a delegation at this meeting."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.listed_name} at {self.meeting}"

    @property
    def listed_name(self) -> str:
        """The name a participant list prints: as the meeting recorded it."""
        return self.recorded_name or str(self.participant)


class DelegateQuerySet(models.QuerySet):
    def listable_to(self, user):
        """Delegates whose names this user may see.

        Secretariat staff see everyone; member officials see those who agreed
        to be listed; the public sees no names at all (only counts).
        """
        if user.has_perm("meetings.see_delegate_contacts"):
            return self
        if user.has_perm("meetings.see_delegate_names"):
            return self.listed()
        return self.none()

    def listed(self):
        """Delegates who agreed to be listed: the names member officials see,
        and the names of the list the secretariat circulates."""
        return self.filter(may_be_listed=True)

    def by_family_name(self):
        """Alphabetical by family name where the list gave one, else by the
        name as written (for an index of delegates or a badge run)."""
        family = Coalesce(NullIf(F("family_name"), Value("")), F("name"))
        return self.order_by(Lower(family), Lower("name"), "pk")

    def in_list_order(self):
        """The head of delegation, the alternate, then everyone else in the
        order the delegation sent them (`order`), by name where it gave none."""
        role_rank = Case(
            When(role=Delegate.Role.HEAD, then=Value(0)),
            When(role=Delegate.Role.ALTERNATE, then=Value(1)),
            default=Value(2),
        )
        return self.order_by(role_rank, F("order").asc(nulls_last=True), Lower("name"), "pk")


class Delegate(models.Model):
    """One person in a delegation."""

    class Role(models.TextChoices):
        HEAD = "head", "Head of delegation"
        ALTERNATE = "alternate", "Alternate head of delegation"
        DELEGATE = "delegate", "Delegate"
        ADVISER = "adviser", "Adviser"
        NOT_RECORDED = "not_recorded", "Role not recorded"

    delegation = models.ForeignKey(
        Delegation,
        # Named delegates are the record of who attended: delete them first, on purpose.
        on_delete=models.PROTECT,
        related_name="delegates",
        verbose_name="delegation",
    )
    honorific = models.CharField(
        "honorific", max_length=60, blank=True, help_text="E.g. H.E., Dr, Ms, Police Major General."
    )
    name = models.CharField("name", max_length=200)
    family_name = models.CharField(
        "family name",
        max_length=200,
        blank=True,
        help_text="When the delegation's list gives it apart (“Surname”): lists that sort "
        "by family name use it. The name above stays as written in full.",
    )
    position = models.CharField("position", max_length=300, blank=True)
    agency = models.CharField(
        "agency", max_length=300, blank=True, help_text="Ministry or organisation."
    )
    role = models.CharField(
        "role in the delegation", max_length=16, choices=Role.choices, default=Role.DELEGATE
    )
    email = models.EmailField("email", blank=True, help_text="Seen only by the secretariat.")
    phone = models.CharField(
        "telephone", max_length=60, blank=True, help_text="Seen only by the secretariat."
    )
    order = models.PositiveIntegerField(
        "place in the delegation",
        null=True,
        blank=True,
        help_text="Where the delegation listed this person (an import keeps the order of the "
        "rows). Lists show the head, the alternate, then this order.",
    )
    may_be_listed = models.BooleanField(
        "name may be shown to member officials",
        default=True,
        help_text="Untick when the delegate asked not to be listed.",
    )

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="delegate")
    objects = DelegateQuerySet.as_manager()

    class Meta:
        verbose_name = "delegate"
        verbose_name_plural = "delegates"
        ordering = ["delegation", "role", "name"]
        permissions = [
            ("see_delegate_names", "Can see delegates' names, positions and agencies"),
            ("see_delegate_contacts", "Can see delegates' contact details and unlisted delegates"),
        ]
        constraints = [
            models.UniqueConstraint(
                "delegation",
                Lower("name"),
                name="delegate_name_unique_in_delegation",
                violation_error_message="This delegation already has a delegate of this name.",
            ),
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(role="head"),
                name="delegate_one_head_per_delegation",
                violation_error_message="This delegation already has a head of delegation.",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}".strip()


def document_upload_to(instance: "Document", filename: str) -> str:
    # Files live under a folder per year; the name keeps the staff's own.
    year = instance.date.year if instance.date else "undated"
    return os.path.join("documents", str(year), filename)


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user, *, today: datetime.date | None = None):
        """The documents this user may read: the one rule every page, feed,
        search result, sitemap and download uses.

        - public documents for everyone; members-only ones for member officials
          and the secretariat; secretariat-only ones for secretariat managers;
        - an embargoed document only for the secretariat until its date;
        - nothing belonging to an unpublished meeting, except for staff.
        """
        today = today or timezone.localdate()
        levels = [Document.Visibility.PUBLIC]
        if user.has_perm("meetings.read_members_documents"):
            levels.append(Document.Visibility.MEMBERS)
        if user.has_perm("meetings.read_secretariat_documents"):
            levels.append(Document.Visibility.SECRETARIAT)
        visible = self.filter(visibility__in=levels)
        if not user.has_perm("meetings.read_embargoed_documents"):
            visible = visible.filter(Q(embargo_until__isnull=True) | Q(embargo_until__lte=today))
        if not user.has_perm("meetings.view_meeting"):
            visible = visible.filter(Q(meeting__isnull=True) | Q(meeting__is_published=True))
        return visible

    def public(self):
        """What an anonymous visitor may read (feeds and the sitemap use this)."""
        return self.visible_to(AnonymousUser())

    def newest_first(self):
        return self.order_by(*Document.NEWEST_FIRST)


class Document(models.Model):
    """A statement, report, paper… with who may read it."""

    class Kind(models.TextChoices):
        CO_CHAIRS_STATEMENT = "co_chairs_statement", "Co-Chairs' statement"
        REPORT = "report", "Report"
        CONCEPT_PAPER = "concept_paper", "Concept paper"
        AGENDA = "agenda", "Agenda"
        PARTICIPANT_LIST = "participant_list", "Participant list"
        MEDIA_RELEASE = "media_release", "Media release"
        PAPER = "paper", "Paper"
        PRESENTATION = "presentation", "Presentation"
        OTHER = "other", "Other"

    class Visibility(models.TextChoices):
        PUBLIC = "public", "Public"
        MEMBERS = "members", "Members only"
        SECRETARIAT = "secretariat", "Secretariat only"

    SEARCH_FIELDS = ("title", "summary", "text")
    # As Meeting.NEWEST_FIRST and OLDEST_FIRST: an item known only to the
    # month or year comes after the dated items of that month or year.
    NEWEST_FIRST = ("-date", "date_precision", "-pk")
    OLDEST_FIRST = ("sort_date", "date_precision", "pk")
    ALLOWED_EXTENSIONS = (
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "txt",
        "rtf",
        "csv",
    )

    kind = models.CharField("kind", max_length=32, choices=Kind.choices)
    title = models.CharField("title", max_length=300)
    slug = models.SlugField(
        "slug",
        max_length=120,
        unique=True,
        blank=True,
        help_text="Its address on the portal; generated when left empty.",
    )
    date = models.DateField("date")
    date_precision = models.CharField(
        "date known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    sort_date = models.DateField("sorts as", editable=False, null=True)
    symbol = models.CharField(
        "document symbol", max_length=60, blank=True, help_text="E.g. BP/SOM/2004/1, if it has one."
    )
    file = models.FileField(
        "file",
        upload_to=document_upload_to,
        blank=True,
        max_length=255,
        validators=[FileExtensionValidator(ALLOWED_EXTENSIONS)],
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, text or CSV.",
    )
    text = models.TextField(
        "text", blank=True, help_text="The full text, searchable on the portal."
    )
    summary = models.TextField("summary", blank=True)
    visibility = models.CharField(
        "who may read it",
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        help_text="New documents are members-only until someone decides they are public.",
    )
    embargo_until = models.DateField(
        "embargoed until",
        null=True,
        blank=True,
        help_text="Until this date only the secretariat sees the document.",
    )
    meeting = models.ForeignKey(
        Meeting,
        # A meeting's documents are its record: refuse to delete a meeting that has any.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="meeting",
    )
    group = models.ForeignKey(
        "workshops.Group",
        # A group's documents are its record: refuse to delete a group that has any.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="group",
    )
    source_url = models.URLField(
        "original address", blank=True, help_text="Where it was published, if online."
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    history = HistoricalRecords()
    self_citations = GenericRelation("meetings.Citation", related_query_name="document_fact")
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documents"
        ordering = ["-date", "date_precision", "-pk"]  # NEWEST_FIRST
        permissions = [
            ("read_members_documents", "Can read members-only documents"),
            ("read_secretariat_documents", "Can read secretariat-only documents"),
            ("read_embargoed_documents", "Can read documents before their embargo ends"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["symbol"],
                condition=~Q(symbol=""),
                name="document_symbol_unique",
                violation_error_message="Another document already has this symbol.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sort_date = period_end(self.date, self.date_precision)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:document_detail", kwargs={"slug": self.slug})

    def clean(self):
        self.date = normalise(self.date, self.date_precision)
        if not self.slug and self.title:
            self.slug = unique_slug(
                Document, f"{self.title} {self.date.year if self.date else ''}", exclude_pk=self.pk
            )

    @property
    def date_label(self) -> str:
        return format_date(self.date, self.date_precision)

    @property
    def filename(self) -> str:
        return os.path.basename(self.file.name) if self.file else ""

    def is_embargoed(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.embargo_until is not None and self.embargo_until > today


class CitationQuerySet(models.QuerySet):
    def of(self, model: type[models.Model], pks):
        """The citations of the rows `pks` of `model`, in one query."""
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
        return self.filter(content_type=content_type, object_id__in=list(pks))

    def in_reading_order(self):
        return self.order_by("content_type_id", "object_id", "order", "pk")


class Citation(models.Model):
    """The passage a fact of the record rests on.

    Any row that states a fact (a meeting, a role, a delegation, a status, a
    group, an outcome…) can cite one or more passages: a quote from a
    document of the record, located ("para. 24"), or for what no document
    of the record states, another public source by title and address,
    which the portal shows as such. A document's page lists every fact that
    cites it, so a reader can hold the record against its source.
    """

    content_type = models.ForeignKey(
        ContentType,
        # The kinds of fact are fixed by the code; a citation never outlives its kind.
        on_delete=models.PROTECT,
        verbose_name="kind of fact",
    )
    object_id = models.PositiveBigIntegerField("fact")
    fact = GenericForeignKey("content_type", "object_id")
    document = models.ForeignKey(
        Document,
        # A cited source must not disappear from under the facts it supports.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name="document",
    )
    passage = models.TextField(
        "passage", help_text="Quoted as the source prints it, so a reader can find it."
    )
    locator = models.CharField(
        "where", max_length=60, blank=True, help_text="E.g. “para. 24”, “Participants”."
    )
    external_title = models.CharField(
        "other source: title",
        max_length=300,
        blank=True,
        help_text="Only for a fact no document of the record states.",
    )
    external_url = models.URLField("other source: address", max_length=500, blank=True)
    order = models.PositiveSmallIntegerField("order", default=0)
    # Written by `load_record`, which may replace it when the record's quote
    # changes; a citation staff add is never touched by the loader.
    from_record = models.BooleanField("from the record's sources", default=False, editable=False)
    created_at = models.DateTimeField("created", auto_now_add=True)

    history = HistoricalRecords()
    objects = CitationQuerySet.as_manager()

    class Meta:
        verbose_name = "citation"
        verbose_name_plural = "citations"
        ordering = ["content_type", "object_id", "order", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="citation_fact_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(document__isnull=False) & Q(external_url=""))
                | (Q(document__isnull=True) & ~Q(external_url="") & ~Q(external_title="")),
                name="citation_cites_a_document_or_another_source",
                violation_error_message="Cite a document of the record, or another public "
                "source with its title and address — one or the other.",
            ),
            models.CheckConstraint(
                condition=~Q(passage=""),
                name="citation_quotes_a_passage",
                violation_error_message="Quote the passage the fact rests on.",
            ),
        ]

    def __str__(self):
        return f"{self.source_label}: “{self.passage[:60]}”"

    @property
    def is_external(self) -> bool:
        return self.document_id is None

    @property
    def source_label(self) -> str:
        """'Report to Ministers, para. 24', or an external source's title."""
        title = self.external_title if self.is_external else str(self.document)
        return f"{title}, {self.locator}" if self.locator else title
