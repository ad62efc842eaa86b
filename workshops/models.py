"""The working level: groups, workshops' themes, and outcomes with their history."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from baliprocess.lib.dates import (
    DatePrecision,
    format_date,
    format_period,
    format_range,
    normalise,
    period_end,
)
from meetings.models import Document, Meeting, MeetingKindManager, track_proxy_history
from membership.models import Participant


def _dated_end_after_start(prefix: str, start: str, end: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=f"{prefix}_end_not_before_start",
        violation_error_message="The end cannot be before the start.",
    )


class GroupQuerySet(models.QuerySet):
    def active_on(self, date: datetime.date | None = None):
        date = date or timezone.localdate()
        return self.filter(
            Q(established_on__isnull=True) | Q(established_on__lte=date),
            Q(discontinued_on__isnull=True) | Q(discontinued_on__gt=date),
        )

    def active(self):
        """Established on a recorded date, and no discontinuation recorded."""
        return self.filter(established_on__isnull=False, discontinued_on__isnull=True)

    def discontinued(self):
        return self.filter(discontinued_on__isnull=False)

    def status_not_recorded(self):
        """Groups the sources show at work without dating their establishment
        or end: neither active nor discontinued, as far as the record goes."""
        return self.filter(established_on__isnull=True, discontinued_on__isnull=True)


class Group(models.Model):
    """A standing body of the Bali Process: the Steering Group, the AHEGs, the AHG…"""

    class Kind(models.TextChoices):
        STEERING_GROUP = "steering_group", "Steering group"
        AD_HOC_EXPERTS_GROUP = "ad_hoc_experts_group", "Ad hoc experts group"
        AD_HOC_GROUP = "ad_hoc_group", "Ad hoc group"
        WORKING_GROUP = "working_group", "Working group"
        OFFICE = "office", "Office"
        OTHER = "other", "Other"

    SEARCH_FIELDS = ("name", "short_name", "mandate", "description")

    name = models.CharField("name", max_length=200, unique=True)
    short_name = models.CharField(
        "short name", max_length=60, unique=True, help_text="E.g. AHG, AHEG I, RSO."
    )
    slug = models.SlugField(
        "slug", max_length=100, unique=True, help_text="Its address on the portal."
    )
    kind = models.CharField("kind", max_length=32, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        # A group that others work under cannot vanish from above them.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subgroups",
        verbose_name="under the purview of",
    )
    mandate = models.TextField(
        "mandate",
        blank=True,
        help_text="What it is for, in a sentence or two. Numbered terms of reference go below.",
    )
    established_on = models.DateField("established", null=True, blank=True)
    established_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    established_by = models.ForeignKey(
        Meeting,
        # The meeting that created a group is part of its record.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groups_established",
        verbose_name="established by",
    )
    discontinued_on = models.DateField("discontinued", null=True, blank=True)
    discontinued_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    discontinued_by = models.ForeignKey(
        Meeting,
        # The meeting that ended a group is part of its record.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groups_discontinued",
        verbose_name="discontinued by",
    )
    description = models.TextField("description", blank=True)

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="group")
    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = "group"
        verbose_name_plural = "groups"
        ordering = ["name"]
        constraints = [
            _dated_end_after_start("group", "established_on", "discontinued_on"),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="group_not_its_own_parent",
                violation_error_message="A group cannot be under its own purview.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workshops:group_detail", kwargs={"slug": self.slug})

    def clean(self):
        self.established_on = normalise(self.established_on, self.established_precision)
        self.discontinued_on = normalise(self.discontinued_on, self.discontinued_precision)
        if (
            self.established_on
            and self.discontinued_on
            and self.discontinued_on < self.established_on
        ):
            raise ValidationError(
                {"discontinued_on": "A group cannot end before it was established."}
            )
        if self.pk and self.parent_id:
            ancestor, seen = self.parent, {self.pk}
            while ancestor is not None:
                if ancestor.pk in seen:
                    raise ValidationError({"parent": "A group cannot be under its own purview."})
                seen.add(ancestor.pk)
                ancestor = ancestor.parent

    @property
    def period_label(self) -> str:
        return format_period(
            self.established_on,
            self.established_precision,
            self.discontinued_on,
            self.discontinued_precision,
            style="range",
            open_word="since",
        )

    @property
    def is_active(self) -> bool:
        return self.established_on is not None and self.discontinued_on is None

    @property
    def status_label(self) -> str:
        """'Active', 'Discontinued' or 'Status not recorded': a proposal to set
        a group up or wind it down is not the act (see its outcomes)."""
        if self.discontinued_on is not None:
            return "Discontinued"
        if self.established_on is not None:
            return "Active"
        return "Status not recorded"


class TermOfReference(models.Model):
    """One item of a group's mandate or terms of reference: '(a) to develop practical outcomes…'."""

    group = models.ForeignKey(
        Group,
        # A group's terms of reference are its record: delete them first, on purpose.
        on_delete=models.PROTECT,
        related_name="terms_of_reference",
        verbose_name="group",
    )
    label = models.CharField("label", max_length=10, blank=True, help_text="E.g. (a), 1.")
    text = models.TextField("text")
    order = models.PositiveSmallIntegerField("order", default=0)
    adopted_by = models.ForeignKey(
        Meeting,
        # The meeting that set a term of reference is its citation.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="terms_of_reference_adopted",
        verbose_name="adopted by",
    )

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="term_of_reference")

    class Meta:
        verbose_name = "term of reference"
        verbose_name_plural = "terms of reference"
        ordering = ["group", "order", "pk"]

    def __str__(self):
        return f"{self.label} {self.text[:80]}".strip()


class GroupRole(models.Model):
    """Who coordinates, chairs or manages a group, and when."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", "Coordinator"
        CO_CHAIR = "co_chair", "Co-chair"
        CHAIR = "chair", "Chair"
        CO_MANAGER = "co_manager", "Co-manager"

    group = models.ForeignKey(
        Group,
        # Who led a group is its record: delete the roles first, on purpose.
        on_delete=models.PROTECT,
        related_name="roles",
        verbose_name="group",
    )
    participant = models.ForeignKey(
        Participant,
        # A participant that led a group must not vanish from its record.
        on_delete=models.PROTECT,
        related_name="group_roles",
        verbose_name="participant",
    )
    role = models.CharField("role", max_length=16, choices=Role.choices)
    person_name = models.CharField(
        "person", max_length=200, blank=True, help_text="E.g. Ms Heather Riddell."
    )
    person_position = models.CharField(
        "position and agency",
        max_length=300,
        blank=True,
        help_text="E.g. New Zealand Ministry of Foreign Affairs and Trade.",
    )
    start_date = models.DateField("from", null=True, blank=True)
    start_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    end_date = models.DateField("until", null=True, blank=True)
    end_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    order = models.PositiveSmallIntegerField("order", default=0)

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="group_role")

    class Meta:
        verbose_name = "coordinator or chair"
        verbose_name_plural = "coordinators and chairs"
        ordering = ["group", "order", "pk"]
        constraints = [_dated_end_after_start("grouprole", "start_date", "end_date")]

    def __str__(self):
        who = (
            f"{self.person_name} ({self.participant})"
            if self.person_name
            else str(self.participant)
        )
        return f"{self.get_role_display()}: {who}"

    def clean(self):
        self.start_date = normalise(self.start_date, self.start_precision)
        self.end_date = normalise(self.end_date, self.end_precision)

    @property
    def period_label(self) -> str:
        return format_period(
            self.start_date, self.start_precision, self.end_date, self.end_precision, style="range"
        )


class GroupMembershipQuerySet(models.QuerySet):
    def covering(self, date: datetime.date):
        """As MembershipPeriodQuerySet.covering: an undated start counts only
        from the first date a source shows the participant in the group."""
        return self.filter(
            Q(start_date__lte=date) | Q(start_date__isnull=True, known_since__lte=date),
            Q(end_date__isnull=True) | Q(end_date__gt=date),
        )


class GroupMembership(models.Model):
    """A participant's place in a group's composition, dated (the AHG's 2013 expansion)."""

    group = models.ForeignKey(
        Group,
        # A group's composition is its record.
        on_delete=models.PROTECT,
        related_name="composition",
        verbose_name="group",
    )
    participant = models.ForeignKey(
        Participant,
        # A participant that sat on a group must not vanish from its record.
        on_delete=models.PROTECT,
        related_name="group_memberships",
        verbose_name="participant",
    )
    start_date = models.DateField(
        "from", null=True, blank=True, help_text="Leave empty when the record does not say."
    )
    start_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    known_since = models.DateField(
        "known to hold since at least",
        null=True,
        blank=True,
        help_text="When the start is not recorded: the first date a source shows it.",
    )
    end_date = models.DateField(
        "until", null=True, blank=True, help_text="Leave empty while it holds."
    )
    end_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    decided_at = models.ForeignKey(
        Meeting,
        # The meeting that changed the composition is the citation.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="group_composition_changes",
        verbose_name="decided at",
    )
    note = models.CharField("note", max_length=300, blank=True)

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="group_membership")
    objects = GroupMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "member of the group"
        verbose_name_plural = "composition"
        ordering = ["group", F("start_date").asc(nulls_first=True), "participant__short_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gt=F("start_date")),
                name="groupmembership_end_after_start",
                violation_error_message="The end must come after the start.",
            ),
        ]

    def __str__(self):
        return f"{self.participant} in {self.group.short_name} {self.period_label}".strip()

    def clean(self):
        self.start_date = normalise(self.start_date, self.start_precision)
        self.end_date = normalise(self.end_date, self.end_precision)
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": "The end must come after the start."})
        if self.group_id and self.participant_id:
            others = GroupMembership.objects.filter(
                group_id=self.group_id, participant_id=self.participant_id
            ).exclude(pk=self.pk)
            if self.end_date is not None:
                others = others.filter(Q(start_date__isnull=True) | Q(start_date__lt=self.end_date))
            if self.start_date is not None:
                others = others.filter(Q(end_date__isnull=True) | Q(end_date__gt=self.start_date))
            if others.exists():
                raise ValidationError(
                    f"{self.participant} is already in this group for part of this time."
                )

    @property
    def period_label(self) -> str:
        if self.start_date is None and self.known_since is not None and self.end_date is None:
            return f"since at least {format_date(self.known_since)}"
        return format_period(
            self.start_date, self.start_precision, self.end_date, self.end_precision, style="range"
        )


class Theme(models.Model):
    """A workshop theme from the managed list: public awareness, victim support…"""

    name = models.CharField("name", max_length=120, unique=True)
    slug = models.SlugField("slug", max_length=120, unique=True)
    description = models.TextField("description", blank=True)
    meetings = models.ManyToManyField(
        Meeting,
        related_name="themes",
        blank=True,
        verbose_name="workshops and meetings",
    )

    history = HistoricalRecords(m2m_fields=[meetings])

    class Meta:
        verbose_name = "theme"
        verbose_name_plural = "themes"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Workshop(Meeting):
    """Meetings of kind workshop, with their own admin entry (themes, hosts, deliverables)."""

    objects = MeetingKindManager(Meeting.Kind.WORKSHOP)

    class Meta:
        proxy = True
        verbose_name = "workshop"
        verbose_name_plural = "workshops"


track_proxy_history(Workshop)


class OutcomeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Outcomes this user may see: none that come from an unpublished meeting,
        except for secretariat staff."""
        if user.has_perm("meetings.view_meeting"):
            return self
        return self.filter(Q(source_meeting__isnull=True) | Q(source_meeting__is_published=True))

    def public(self):
        return self.visible_to(AnonymousUser())

    def with_current_status(self):
        """Annotate `current_status` and `current_status_date`: the latest entry
        of each outcome's status history, in one query for the whole list."""
        latest = OutcomeStatus.objects.filter(outcome=OuterRef("pk")).order_by("-date", "-pk")
        return self.annotate(
            current_status=Subquery(latest.values("status")[:1]),
            current_status_date=Subquery(latest.values("date")[:1]),
        )

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)


class Outcome(models.Model):
    """A recommendation, endorsement, task, decision, pledge, deliverable or statement."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", "Recommendation"
        ENDORSEMENT = "endorsement", "Endorsement"
        TASK = "task", "Task"
        DECISION = "decision", "Decision"
        PLEDGE = "pledge", "Pledge"
        DELIVERABLE = "deliverable", "Deliverable"
        STATEMENT = "statement", "Statement"
        ANNOUNCEMENT = "announcement", "Announcement"
        NOTE = "note", "Note"

    # As Meeting.NEWEST_FIRST and OLDEST_FIRST: an outcome known only to the
    # month or year comes after the dated ones of that month or year.
    NEWEST_FIRST = ("-date", "date_precision", "pk")
    OLDEST_FIRST = ("sort_date", "date_precision", "pk")

    SEARCH_FIELDS = ("title", "text")

    kind = models.CharField("kind", max_length=16, choices=Kind.choices)
    title = models.CharField(
        "title",
        max_length=300,
        help_text="A short name, e.g. “Establish a working group on trafficking in persons”.",
    )
    text = models.TextField(
        "text", help_text="What was recommended, decided or pledged, as recorded."
    )
    date = models.DateField("date", help_text="When it was made.")
    end_date = models.DateField(
        "until",
        null=True,
        blank=True,
        help_text="When it was made at a meeting of several days and the record does not say "
        "on which: the meeting's last day (“7–8 June 2004”).",
    )
    date_precision = models.CharField(
        "date known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    sort_date = models.DateField("sorts as", editable=False, null=True)
    source_meeting = models.ForeignKey(
        Meeting,
        # An outcome without the meeting it came from loses its meaning.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name="from meeting",
    )
    source_group = models.ForeignKey(
        Group,
        # An outcome without the group it came from loses its meaning.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name="from group",
    )
    source_document = models.ForeignKey(
        Document,
        # The document that records an outcome is its citation.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name="recorded in",
    )
    paragraph = models.CharField(
        "paragraph", max_length=20, blank=True, help_text="Where in the document, e.g. 19."
    )
    responsible_group = models.ForeignKey(
        Group,
        # Responsibility is part of the record.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcomes_responsible",
        verbose_name="group responsible",
    )
    responsible_participants = models.ManyToManyField(
        Participant,
        related_name="outcomes_responsible",
        blank=True,
        verbose_name="participants responsible",
        help_text="For a pledge, who pledged.",
    )
    concerned_groups = models.ManyToManyField(
        Group,
        related_name="outcomes_concerning",
        blank=True,
        verbose_name="groups it concerns",
        help_text="Groups it proposes or decides to set up, change or wind up. A group's "
        "page lists them: a proposal is shown as a proposal, not as the act.",
    )
    amount = models.DecimalField(
        "amount",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Pledges: the sum pledged.",
    )
    currency = models.CharField(
        "currency",
        max_length=3,
        blank=True,
        validators=[
            RegexValidator(r"^[A-Z]{3}$", "Give the three-letter ISO 4217 code, e.g. USD.")
        ],
        help_text="ISO 4217 code, e.g. USD, NZD, AUD.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    history = HistoricalRecords(m2m_fields=[responsible_participants, concerned_groups])
    citations = GenericRelation("meetings.Citation", related_query_name="outcome")
    objects = OutcomeQuerySet.as_manager()

    class Meta:
        verbose_name = "outcome"
        verbose_name_plural = "outcomes"
        ordering = ["-date", "date_precision", "pk"]  # NEWEST_FIRST
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=F("date")),
                name="outcome_end_after_date",
                violation_error_message="The last day must come after the first.",
            ),
            models.CheckConstraint(
                condition=Q(source_meeting__isnull=False) | Q(source_group__isnull=False),
                name="outcome_has_a_source",
                violation_error_message="Say which meeting or group the outcome came from.",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True, currency="")
                | (Q(amount__isnull=False) & ~Q(currency="")),
                name="outcome_amount_with_currency",
                violation_error_message="An amount needs its currency, and a currency its amount.",
            ),
            models.CheckConstraint(
                condition=Q(kind="pledge") | Q(amount__isnull=True),
                name="outcome_amount_only_for_pledges",
                violation_error_message="Only a pledge has an amount.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sort_date = period_end(self.end_date or self.date, self.date_precision)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("workshops:outcome_detail", kwargs={"pk": self.pk})

    def clean(self):
        self.date = normalise(self.date, self.date_precision)
        if self.date and self.source_meeting_id:
            meeting = self.source_meeting
            if meeting.start_date > self.date:
                raise ValidationError(
                    {
                        "source_meeting": f"{meeting} was held on {meeting.dates_label}, "
                        f"after this outcome's date ({self.date_label}). An outcome cannot "
                        "come from a later meeting."
                    }
                )

    @property
    def date_label(self) -> str:
        return format_range(self.date, self.end_date, self.date_precision)

    @property
    def amount_label(self) -> str:
        if self.amount is None:
            return ""
        amount = f"{self.amount:,.2f}".removesuffix(".00")
        return f"{self.currency} {amount}"


class OutcomeLink(models.Model):
    """How one outcome relates to another: this endorsement endorses that recommendation."""

    class Relation(models.TextChoices):
        ENDORSES = "endorses", "endorses"
        FOLLOWS = "follows", "follows from"
        IMPLEMENTS = "implements", "implements"
        SUPERSEDES = "supersedes", "supersedes"
        RELATES_TO = "relates_to", "relates to"

    # What the inverse reads like on the other outcome's page.
    INVERSE_LABELS = {
        Relation.ENDORSES: "endorsed by",
        Relation.FOLLOWS: "followed by",
        Relation.IMPLEMENTS: "implemented by",
        Relation.SUPERSEDES: "superseded by",
        Relation.RELATES_TO: "related to",
    }

    from_outcome = models.ForeignKey(
        Outcome,
        # A link is part of both outcomes' record.
        on_delete=models.PROTECT,
        related_name="links_out",
        verbose_name="this outcome",
    )
    relation = models.CharField("relation", max_length=16, choices=Relation.choices)
    to_outcome = models.ForeignKey(
        Outcome,
        # A link is part of both outcomes' record.
        on_delete=models.PROTECT,
        related_name="links_in",
        verbose_name="that outcome",
    )

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="outcome_link")

    class Meta:
        verbose_name = "link to another outcome"
        verbose_name_plural = "links to other outcomes"
        ordering = ["from_outcome", "relation", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_outcome=F("to_outcome")),
                name="outcomelink_not_to_itself",
                violation_error_message="An outcome cannot be linked to itself.",
            ),
            models.UniqueConstraint(
                fields=["from_outcome", "relation", "to_outcome"],
                name="outcomelink_unique",
                violation_error_message="These outcomes are already linked this way.",
            ),
        ]

    def __str__(self):
        return f"{self.from_outcome} {self.get_relation_display()} {self.to_outcome}"

    @property
    def inverse_label(self) -> str:
        return self.INVERSE_LABELS[self.relation]


class OutcomeStatus(models.Model):
    """One dated entry of an outcome's status history, citing where it is recorded."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ENDORSED = "endorsed", "Endorsed"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        SUPERSEDED = "superseded", "Superseded"
        DISCONTINUED = "discontinued", "Discontinued"

    outcome = models.ForeignKey(
        Outcome,
        # The status history is the outcome's record: delete it first, on purpose.
        on_delete=models.PROTECT,
        related_name="status_history",
        verbose_name="outcome",
    )
    status = models.CharField("status", max_length=16, choices=Status.choices)
    date = models.DateField("date")
    end_date = models.DateField(
        "until",
        null=True,
        blank=True,
        help_text="When the status is the act of a meeting of several days and the record "
        "does not say on which: the meeting's last day.",
    )
    date_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    meeting = models.ForeignKey(
        Meeting,
        # The meeting cited for a status is its evidence.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcome_statuses",
        verbose_name="recorded at meeting",
    )
    document = models.ForeignKey(
        Document,
        # The document cited for a status is its evidence.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcome_statuses",
        verbose_name="recorded in document",
    )
    note = models.TextField("note", blank=True)
    # When the entry reached the portal: what the feeds date it by, since the
    # status's own date may be known only to the month or the year.
    created_at = models.DateTimeField("entered", auto_now_add=True, null=True)

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="outcome_status")

    class Meta:
        verbose_name = "status"
        verbose_name_plural = "status history"
        ordering = ["outcome", "date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=F("date")),
                name="outcomestatus_end_after_date",
                violation_error_message="The last day must come after the first.",
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()} ({self.date_label})"

    def clean(self):
        self.date = normalise(self.date, self.date_precision)
        if self.date and self.meeting_id and self.meeting.start_date > self.date:
            raise ValidationError(
                {
                    "meeting": f"{self.meeting} was held on {self.meeting.dates_label}, after this "
                    f"status's date ({self.date_label}). Cite a meeting held on or before it."
                }
            )

    @property
    def date_label(self) -> str:
        return format_range(self.date, self.end_date, self.date_precision)
