"""Reads about participants and their status: the one place that answers
"what was X's status on date D" and "who were the members on date D"."""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, QuerySet, Value, When
from django.db.models.functions import Lower

from membership.models import MembershipPeriod, Participant, ParticipantName


def participant_status_on(participant: Participant, date: datetime.date) -> str | None:
    """'member', 'observer' or None (not a member or observer on that date)."""
    return (
        MembershipPeriod.objects.covering(date)
        .filter(participant=participant)
        .values_list("status", flat=True)
        .first()
    )


def participants_with_status_on(
    date: datetime.date, queryset: QuerySet[Participant] | None = None
) -> QuerySet[Participant]:
    """All participants annotated with `status_on_date`, in one query."""
    queryset = Participant.objects.all() if queryset is None else queryset
    return queryset.with_status_on(date)


def members_and_observers_on(date: datetime.date) -> dict[str, list[Participant]]:
    """{'member': [...], 'observer': [...]} on `date`, each in list order, one query."""
    result: dict[str, list[Participant]] = {status: [] for status in MembershipPeriod.Status}
    rows = (
        Participant.objects.in_list_order()
        .with_status_on(date)
        .filter(status_on_date__isnull=False)
    )
    for participant in rows:
        result[participant.status_on_date].append(participant)
    return result


def participant_status_history(participant: Participant) -> QuerySet[MembershipPeriod]:
    return participant.membership_periods.select_related("decided_at", "source_document").order_by(
        "start_date"
    )


# --- Matching names from spreadsheets and other sources ---------------------

_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


def name_key(text: str) -> str:
    """A name reduced for matching: case, accents, punctuation, 'the' and '&' ignored.

    "People's Republic of China" and "peoples republic of china" share a key;
    "Lao PDR" and "LAO P.D.R." too.
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("&", " and ").replace("’", "").replace("'", "")
    text = _PUNCTUATION.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = _LEADING_THE.sub("", text)
    return text.replace(" ", "")


@dataclass
class ParticipantMatch:
    participant: Participant | None
    candidates: list[Participant] = field(default_factory=list)

    @property
    def is_ambiguous(self) -> bool:
        return self.participant is None and len(self.candidates) > 1


class ParticipantMatcher:
    """Finds participants by official name, short name, alternative name, ISO
    code or acronym. Loads every participant once (two queries), then matches
    any number of names in memory. Never guesses: a name that fits two
    participants comes back ambiguous, one that fits none comes back empty."""

    def __init__(self, queryset: QuerySet[Participant] | None = None):
        queryset = Participant.objects.all() if queryset is None else queryset
        queryset = queryset.prefetch_related(
            Prefetch("alternative_names", queryset=ParticipantName.objects.order_by("name"))
        )
        self._by_key: dict[str, dict[int, Participant]] = {}
        for participant in queryset:
            for name in participant.all_names():
                self._by_key.setdefault(name_key(name), {})[participant.pk] = participant

    def match(self, text: str) -> ParticipantMatch:
        found = self._by_key.get(name_key(text), {})
        candidates = sorted(found.values(), key=lambda participant: participant.short_name)
        if len(candidates) == 1:
            return ParticipantMatch(candidates[0], candidates)
        return ParticipantMatch(None, candidates)


# --- Portal -----------------------------------------------------------------
# Reads for the members pages of the portal. What a participant did in the
# apps above this one (meetings attended, groups, outcomes) is read by those
# apps' own selectors, which the participant page's view calls.


def participants_in_status_on(
    date: datetime.date, *, queryset: QuerySet[Participant] | None = None
) -> QuerySet[Participant]:
    """Members and observers on `date`, annotated with `status_on_date`:
    members first, then observers; states before organisations; by short name."""
    queryset = Participant.objects.all() if queryset is None else queryset
    status_rank = Case(
        When(status_on_date=MembershipPeriod.Status.MEMBER, then=Value(0)),
        default=Value(1),
    )
    is_organisation = Case(When(kind__in=Participant.STATE_KINDS, then=Value(0)), default=Value(1))
    return (
        queryset.with_status_on(date)
        .filter(status_on_date__isnull=False)
        .order_by(status_rank, is_organisation, Lower("short_name"))
    )


def status_not_recorded_count(date: datetime.date) -> int:
    """How many participants the record gives a status at some time, but
    not on `date`: their status began later, or began on a day no source
    gives and is not shown to hold yet (MembershipPeriodQuerySet.covering).
    The directory says their status is not recorded rather than leave them
    out as if they had none. One query."""
    covered = MembershipPeriod.objects.covering(date).filter(participant=OuterRef("pk"))
    return Participant.objects.ever_in_status().exclude(Exists(covered)).count()


def status_counts_on(date: datetime.date) -> dict[str, int]:
    """{'member': n, 'observer': m}: how many held each status on `date`, in one query."""
    counts = dict.fromkeys(MembershipPeriod.Status.values, 0)
    rows = (
        MembershipPeriod.objects.covering(date)
        .order_by()
        .values("status")
        .annotate(count=Count("participant", distinct=True))
    )
    for row in rows:
        counts[row["status"]] = row["count"]
    return counts


def participant_for_portal(slug: str) -> Participant:
    """The participant of a portal page, with its other names; DoesNotExist when none."""
    return Participant.objects.prefetch_related(
        Prefetch("alternative_names", queryset=ParticipantName.objects.order_by("name"))
    ).get(slug=slug)
