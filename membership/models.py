"""Who takes part in the Bali Process, and in what status, when."""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from baliprocess.lib.dates import DatePrecision, format_date, format_period, normalise


class ParticipantQuerySet(models.QuerySet):
    def states(self):
        """States and territories represented in their own right."""
        return self.filter(kind__in=Participant.STATE_KINDS)

    def organisations(self):
        return self.exclude(kind__in=Participant.STATE_KINDS)

    def with_status_on(self, date: datetime.date):
        """Annotate `status_on_date` (member, observer or None) in one query."""
        periods = MembershipPeriod.objects.covering(date).filter(participant=OuterRef("pk"))
        return self.annotate(status_on_date=Subquery(periods.values("status")[:1]))

    def with_status(self, status: str, date: datetime.date):
        """Participants whose status on `date` was `status`."""
        periods = MembershipPeriod.objects.covering(date).filter(
            participant=OuterRef("pk"), status=status
        )
        return self.filter(Exists(periods))

    def members_on(self, date: datetime.date):
        return self.with_status(MembershipPeriod.Status.MEMBER, date)

    def observers_on(self, date: datetime.date):
        return self.with_status(MembershipPeriod.Status.OBSERVER, date)

    def ever_in_status(self):
        """Participants that were a member or an observer at some time."""
        return self.filter(Exists(MembershipPeriod.objects.filter(participant=OuterRef("pk"))))

    def in_list_order(self):
        """States and territories before organisations, each by short name."""
        is_organisation = models.Case(
            models.When(kind__in=Participant.STATE_KINDS, then=models.Value(0)),
            default=models.Value(1),
        )
        return self.order_by(is_organisation, Lower("short_name"))


class Participant(models.Model):
    """A state, a territory in its own right, or an organisation that takes part."""

    class Kind(models.TextChoices):
        STATE = "state", "State"
        TERRITORY = "territory", "Territory"
        INTERNATIONAL_ORGANISATION = "international_organisation", "International organisation"
        REGIONAL_ORGANISATION = "regional_organisation", "Regional process or organisation"

    STATE_KINDS = (Kind.STATE, Kind.TERRITORY)

    kind = models.CharField("kind", max_length=32, choices=Kind.choices)
    name = models.CharField(
        "official name",
        max_length=200,
        unique=True,
        help_text="As in formal lists, e.g. “People's Republic of China”, "
        "“United Nations High Commissioner for Refugees”.",
    )
    short_name = models.CharField(
        "short name",
        max_length=100,
        unique=True,
        help_text="Used in lists and sorting, e.g. “China”, “UNHCR”, “France (New Caledonia)”.",
    )
    slug = models.SlugField(
        "slug", max_length=100, unique=True, help_text="Its address on the portal."
    )
    country = CountryField(
        "ISO 3166 country",
        blank=True,
        help_text="States and territories only: the ISO 3166 code (New Caledonia is NC).",
    )
    acronym = models.CharField(
        "acronym",
        max_length=20,
        blank=True,
        help_text="Organisations only, e.g. UNHCR, IOM, APC.",
    )
    description = models.TextField("description", blank=True)
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="participant")
    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = "participant"
        verbose_name_plural = "participants"
        ordering = ["short_name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind__in=["state", "territory"], acronym="") & ~Q(country=""))
                | (~Q(kind__in=["state", "territory"]) & Q(country="")),
                name="participant_country_for_states_only",
                violation_error_message=(
                    "States and territories need an ISO 3166 country and no acronym; "
                    "organisations have no country."
                ),
            ),
            models.UniqueConstraint(
                fields=["country"],
                condition=~Q(country=""),
                name="participant_country_unique",
                violation_error_message="Another participant already has this country.",
            ),
            models.UniqueConstraint(
                fields=["acronym"],
                condition=~Q(acronym=""),
                name="participant_acronym_unique",
                violation_error_message="Another participant already has this acronym.",
            ),
        ]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("membership:participant_detail", kwargs={"slug": self.slug})

    @property
    def is_state(self) -> bool:
        return self.kind in self.STATE_KINDS

    def all_names(self) -> list[str]:
        """Every name the participant is known by: official, short, acronym, alternatives."""
        names = [
            self.name,
            self.short_name,
            self.acronym,
            self.country.code if self.country else "",
        ]
        names += [alias.name for alias in self.alternative_names.all()]
        return [name for name in dict.fromkeys(names) if name]


class ParticipantName(models.Model):
    """Another name a participant goes by, used to match spreadsheets and searches."""

    participant = models.ForeignKey(
        Participant,
        # A name means nothing without its participant; history keeps it.
        on_delete=models.CASCADE,
        related_name="alternative_names",
        verbose_name="participant",
    )
    name = models.CharField(
        "alternative name",
        max_length=200,
        help_text="E.g. “Vietnam” for Viet Nam, “Laos” for Lao PDR, "
        "“ROK” for the Republic of Korea.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "alternative name"
        verbose_name_plural = "alternative names"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="participantname_name_unique_ci",
                violation_error_message="This alternative name already belongs to a participant.",
            ),
        ]

    def __str__(self):
        return self.name


class MembershipPeriodQuerySet(models.QuerySet):
    def covering(self, date: datetime.date):
        """Periods in force on `date`: begun on or before it, not yet ended.

        A period whose start the record does not give holds only from the
        first date a source shows it (`known_since`); before that, or when
        no source dates it at all, the participant's status on `date` is not
        recorded, and the period is not counted.
        """
        return self.filter(
            Q(start_date__lte=date) | Q(start_date__isnull=True, known_since__lte=date),
            Q(end_date__isnull=True) | Q(end_date__gt=date),
        )

    def current(self):
        return self.covering(timezone.localdate())


class MembershipPeriod(models.Model):
    """A participant's status (member or observer) from a date until a date or open.

    Periods are half-open: a status that ends on 1 April 2013 no longer holds
    on that day, so the next status can begin on it.
    """

    class Status(models.TextChoices):
        MEMBER = "member", "Member"
        OBSERVER = "observer", "Observer"

    participant = models.ForeignKey(
        Participant,
        # A state with a status history must not vanish: the history says
        # what the forum decided. Delete the periods first, on purpose.
        on_delete=models.PROTECT,
        related_name="membership_periods",
        verbose_name="participant",
    )
    status = models.CharField("status", max_length=16, choices=Status.choices)
    start_date = models.DateField(
        "from",
        null=True,
        blank=True,
        help_text="Leave empty when the record does not say when this status began.",
    )
    start_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    known_since = models.DateField(
        "known to hold since at least",
        null=True,
        blank=True,
        help_text="When the start is not recorded: the first date a source shows this status "
        "(e.g. the meeting it attended as a member). Before it, the status is “not recorded”.",
    )
    end_date = models.DateField(
        "until",
        null=True,
        blank=True,
        help_text="The day the status stopped applying (the next one may start that day). "
        "Leave empty while it holds.",
    )
    end_precision = models.CharField(
        "known to the", max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    decided_at = models.ForeignKey(
        "meetings.Meeting",
        # The meeting is the citation; it must not disappear from under it.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="membership_decisions",
        verbose_name="decided at",
        help_text="The meeting that decided or recorded this status.",
    )
    source_document = models.ForeignKey(
        "meetings.Document",
        # A cited source must not disappear from under the fact it supports.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="membership_citations",
        verbose_name="source document",
    )
    note = models.TextField("note", blank=True)

    history = HistoricalRecords()
    citations = GenericRelation("meetings.Citation", related_query_name="membership_period")
    objects = MembershipPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = "membership status"
        verbose_name_plural = "membership statuses"
        ordering = ["participant", models.F("start_date").asc(nulls_first=True)]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gt=models.F("start_date")),
                name="membershipperiod_end_after_start",
                violation_error_message="The status must end after it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.participant}: {self.get_status_display().lower()} {self.period_label}"

    @property
    def period_label(self) -> str:
        if self.start_date is None and self.known_since is not None:
            since = f"since at least {format_date(self.known_since)}"
            if self.end_date is None:
                return since
            return f"{since}, until {format_date(self.end_date, self.end_precision)}"
        label = format_period(
            self.start_date, self.start_precision, self.end_date, self.end_precision
        )
        return label or "(dates not recorded)"

    def clean(self):
        self.start_date = normalise(self.start_date, self.start_precision)
        self.end_date = normalise(self.end_date, self.end_precision)
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": "The status must end after it starts."})
        if self.participant_id:
            overlapping = self.overlapping_periods()
            if overlapping:
                raise ValidationError(
                    f"{self.participant} already has a status for part of this time: "
                    + "; ".join(str(period) for period in overlapping)
                    + ". Close that period first or change the dates."
                )

    def overlapping_periods(self) -> list["MembershipPeriod"]:
        """Other periods of this participant that share at least one day with this one."""
        others = MembershipPeriod.objects.filter(participant_id=self.participant_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        # Two half-open periods overlap when each starts before the other ends;
        # a missing start is the beginning of time, a missing end is open.
        if self.end_date is not None:
            others = others.filter(Q(start_date__isnull=True) | Q(start_date__lt=self.end_date))
        if self.start_date is not None:
            others = others.filter(Q(end_date__isnull=True) | Q(end_date__gt=self.start_date))
        return list(others)
