"""Load every fact of the five seed documents into the record.

`record_load()` is what `manage.py load_record` runs. It is idempotent: each
fact is found by its natural key, created when missing, updated when it
differs, and not saved at all otherwise, so a second run writes nothing.
It deletes only what the record itself retracts (`RETRACTIONS` in the data
modules: a fact an earlier version stated and no source supports), and the
citations it wrote itself and no longer makes; django-simple-history keeps
each deletion. What staff added beside the seeds' facts (another
alternative name, a theme on another meeting, a citation) stays.

Each fact's `cites` become `Citation` rows on the row the fact wrote, so the
portal can show the passage every fact rests on.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.db.models import ProtectedError

from baliprocess.lib.cache import record_version_bump
from baliprocess.lib.dates import DatePrecision, parse_partial_date
from baliprocess.record import documents, groups, meetings, outcomes, participants, workshops
from baliprocess.record.facts import (
    Cite,
    DelegationFact,
    DocumentFact,
    GroupFact,
    MeetingFact,
    MembershipFact,
    OutcomeFact,
    ParticipantFact,
    Retraction,
)
from baliprocess.record.sync import (
    CREATED,
    DELETED,
    UNCHANGED,
    UPDATED,
    RecordError,
    Tally,
    describe,
    upsert,
)
from meetings.models import Citation, Delegate, Delegation, Document, Meeting, MeetingRole
from membership.models import MembershipPeriod, Participant, ParticipantName
from membership.services import membership_change
from workshops.models import (
    Group,
    GroupMembership,
    GroupRole,
    Outcome,
    OutcomeLink,
    OutcomeStatus,
    TermOfReference,
    Theme,
)

SOURCES_DIR = Path(__file__).resolve().parent / "sources"


def partial_date(text: str | None) -> tuple[datetime.date | None, str]:
    """A fact's date as stored, with its precision; (None, day) when the seeds say nothing."""
    if text is None:
        return None, DatePrecision.DAY
    return parse_partial_date(text)


@dataclass
class _Run:
    """One run: what it did, and the rows loaded so far, by slug or key."""

    tally: Tally = field(default_factory=Tally)
    participants: dict[str, Participant] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    # (storage, name) of each file this run stored, to delete if it fails.
    stored_files: list[tuple] = field(default_factory=list)
    # (row, cites) of each fact written, cited once every document is loaded.
    to_cite: list[tuple[models.Model, tuple[Cite, ...]]] = field(default_factory=list)

    def get(self, kind: str, key: str | None):
        """The row `key` names among those loaded, None for None; a typo is refused."""
        if key is None:
            return None
        try:
            return getattr(self, kind)[key]
        except KeyError:
            raise RecordError(
                f"The record refers to {kind} {key!r}, which it does not define."
            ) from None

    def upsert(self, model, *, cites: tuple[Cite, ...] | None = None, **kwargs):
        """upsert(), noting the row's citations (unless `cites` is None) for
        `cite_all()` once the documents they quote are loaded."""
        instance = upsert(self.tally, model, **kwargs)
        if cites is not None:
            self.to_cite.append((instance, cites))
        return instance

    def cite_all(self) -> None:
        """Write the citations of every fact this run wrote: each of its
        `cites` as a Citation of its row, unchanged ones left alone, and any
        the record wrote earlier for it and no longer makes removed.

        The existing citations are read in one query per kind of fact, so a
        run that changes nothing costs no query per citation."""
        cited: dict[type[models.Model], set[int]] = {}
        for instance, _ in self.to_cite:
            cited.setdefault(type(instance), set()).add(instance.pk)
        existing: dict[tuple[int, int], list[Citation]] = {}
        for model, pks in cited.items():
            for citation in Citation.objects.of(model, pks).order_by("pk"):
                key = (citation.content_type_id, citation.object_id)
                existing.setdefault(key, []).append(citation)
        for instance, cites in self.to_cite:
            content_type = ContentType.objects.get_for_model(instance, for_concrete_model=True)
            present = existing.get((content_type.pk, instance.pk), [])
            kept = set()
            for order, cite in enumerate(cites):
                kept.add(self._cite(instance, content_type, present, order, cite))
            for citation in present:
                if citation.from_record and citation.pk not in kept:
                    self.tally.count(citation, DELETED)
                    citation.delete()

    def _cite(self, instance, content_type, present: list[Citation], order: int, cite: Cite):
        document = self.get("documents", cite.document)
        key = (document.pk if document else None, cite.passage, cite.url)
        values = {
            "locator": cite.at,
            "external_title": cite.title,
            "order": order,
            "from_record": True,
        }
        for citation in present:
            if (citation.document_id, citation.passage, citation.external_url) == key:
                if all(getattr(citation, name) == value for name, value in values.items()):
                    self.tally.count(citation, UNCHANGED)
                    return citation.pk
                break
        citation = upsert(
            self.tally,
            Citation,
            lookup={
                "content_type": content_type,
                "object_id": instance.pk,
                "document": document,
                "passage": cite.passage,
                "external_url": cite.url,
            },
            values=values,
        )
        return citation.pk


def record_load(*, sources_dir: Path = SOURCES_DIR) -> Tally:
    """Load the record from the seed texts in `sources_dir`; return what was done.

    Side effects: creates or updates participants, their alternative names and
    membership statuses, meetings, roles, delegations, delegates, documents
    (with their .txt stored into MEDIA_ROOT), themes, groups, outcomes and their
    links and statuses; retires the cached anonymous pages. All or nothing: on
    any failure the transaction is rolled back and the files this run stored
    are deleted again.
    """
    run = _Run()
    try:
        _load(run, sources_dir)
    except BaseException:
        for storage, name in run.stored_files:
            storage.delete(name)
        raise
    return run.tally


RETRACTIONS = (
    outcomes.RETRACTIONS
    + meetings.RETRACTIONS
    + workshops.RETRACTIONS
    + groups.RETRACTIONS
    + participants.RETRACTIONS
    + documents.RETRACTIONS
)


@transaction.atomic
def _load(run: _Run, sources_dir: Path) -> None:
    for retraction in RETRACTIONS:
        _retract(run, retraction)
    for fact in participants.PARTICIPANTS:
        _load_participant(run, fact)
    # Meetings held under a group come after the groups; the groups after the
    # meetings that established or discontinued them.
    for fact in meetings.MEETINGS + workshops.WORKSHOPS:
        if fact.group is None:
            _load_meeting(run, fact)
    for fact in groups.GROUPS:
        _load_group(run, fact)
    for fact in meetings.MEETINGS + workshops.WORKSHOPS:
        if fact.group is not None:
            _load_meeting(run, fact)
    for fact in documents.DOCUMENTS:
        _load_document(run, fact, sources_dir)
    for fact in participants.MEMBERSHIP:
        _load_membership(run, fact)
    for fact in meetings.MEETINGS + workshops.WORKSHOPS:
        _load_meeting_roles(run, fact)
    for fact in meetings.DELEGATIONS:
        _load_delegation(run, fact)
    _load_themes(run)
    for fact in groups.GROUPS:
        _load_group_details(run, fact)
    for fact in outcomes.OUTCOMES:
        _load_outcome(run, fact)
    for link in outcomes.OUTCOME_LINKS:
        run.upsert(
            OutcomeLink,
            lookup={
                "from_outcome": run.get("outcomes", link.from_outcome),
                "relation": link.relation,
                "to_outcome": run.get("outcomes", link.to_outcome),
            },
            cites=link.cites,
        )
    run.cite_all()
    # Every save above retires the cached pages too; a loader is where a faster
    # bulk write would slip past the signals, so it says so itself.
    record_version_bump()


def _load_participant(run: _Run, fact: ParticipantFact) -> None:
    participant = run.upsert(
        Participant,
        lookup={"slug": fact.slug},
        values={
            "kind": fact.kind,
            "name": fact.name,
            "short_name": fact.short_name,
            "country": fact.country,
            "acronym": fact.acronym,
            "description": fact.description,
        },
        cites=fact.cites,
    )
    run.participants[fact.slug] = participant
    for name in fact.alternative_names:
        run.upsert(ParticipantName, lookup={"participant": participant, "name": name})


def _load_meeting(run: _Run, fact: MeetingFact) -> None:
    start, precision = partial_date(fact.start)
    end, end_precision = partial_date(fact.end)
    if end is not None and end_precision != precision:
        raise RecordError(f"Meeting {fact.slug!r}: its start and end differ in precision.")
    run.meetings[fact.slug] = run.upsert(
        Meeting,
        lookup={"slug": fact.slug},
        values={
            "kind": fact.kind,
            "ordinal": fact.ordinal,
            "custom_title": fact.title,
            "start_date": start,
            "end_date": end,
            "date_precision": precision,
            "city": fact.city,
            "country": fact.country,
            "status": Meeting.Status.HELD,
            "summary": fact.summary,
            "group": run.get("groups", fact.group),
            "attendance": fact.attendance,
            "reported_delegate_total": fact.reported_delegate_total,
            "reported_country_total": fact.reported_country_total,
            "reported_organisation_total": fact.reported_organisation_total,
            "is_published": True,
        },
        cites=fact.cites,
    )


def _load_group(run: _Run, fact: GroupFact) -> None:
    established, established_precision = partial_date(fact.established)
    discontinued, discontinued_precision = partial_date(fact.discontinued)
    run.groups[fact.slug] = run.upsert(
        Group,
        lookup={"slug": fact.slug},
        values={
            "name": fact.name,
            "short_name": fact.short_name,
            "kind": fact.kind,
            "parent": run.get("groups", fact.parent),
            "mandate": fact.mandate,
            "description": fact.description,
            "established_on": established,
            "established_precision": established_precision,
            "established_by": run.get("meetings", fact.established_by),
            "discontinued_on": discontinued,
            "discontinued_precision": discontinued_precision,
            "discontinued_by": run.get("meetings", fact.discontinued_by),
        },
        cites=fact.cites,
    )


def _load_document(run: _Run, fact: DocumentFact, sources_dir: Path) -> None:
    path = sources_dir / fact.source
    date, precision = partial_date(fact.date)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise RecordError(f"Document {fact.slug!r}: cannot read {path}: {error}") from error
    with handle:
        content = handle.read()
        values = {
            "kind": fact.kind,
            "title": fact.title,
            "date": date,
            "date_precision": precision,
            "text": content.decode("utf-8").strip(),
            "summary": fact.summary,
            "visibility": Document.Visibility.PUBLIC,
            "embargo_until": None,
            "meeting": run.get("meetings", fact.meeting),
            "group": None,
        }
        existing = Document.objects.filter(slug=fact.slug).first()
        # The seed text is stored once: again only when the stored copy is
        # gone or differs from the source.
        store_file = existing is None or not _stored_file_matches(existing, content)
        if store_file:
            handle.seek(0)
            values["file"] = File(handle, name=f"{fact.slug}.txt")
        document = run.upsert(
            Document,
            lookup={"slug": fact.slug},
            values=values,
            cites=fact.cites,
        )
    if store_file:
        run.stored_files.append((document.file.storage, document.file.name))
    run.documents[fact.slug] = document


def _stored_file_matches(document: Document, content: bytes) -> bool:
    if not document.file or not document.file.storage.exists(document.file.name):
        return False
    with document.file.open("rb") as stored:
        return stored.read() == content


def _load_membership(run: _Run, fact: MembershipFact) -> None:
    participant = run.get("participants", fact.participant)
    first, *changes = fact.statuses
    start, precision = partial_date(first.start)
    period = run.upsert(
        MembershipPeriod,
        lookup={"participant": participant, "status": first.status, "start_date": start},
        values={
            "start_precision": precision,
            "known_since": partial_date(first.known_since)[0],
            "decided_at": run.get("meetings", first.decided_at),
            "source_document": run.get("documents", first.source_document),
            "note": first.note,
        },
        cites=first.cites,
    )
    for change in changes:
        on, precision = partial_date(change.start)
        citation = {
            "decided_at": run.get("meetings", change.decided_at),
            "source_document": run.get("documents", change.source_document),
            "note": change.note,
        }
        lookup = {"participant": participant, "status": change.status, "start_date": on}
        if not MembershipPeriod.objects.filter(**lookup).exists():
            # The service closes the open status and opens the new one, the
            # way staff record a change.
            try:
                new_period = membership_change(
                    participant=participant,
                    status=change.status,
                    on=on,
                    precision=precision,
                    **citation,
                )
            except ValidationError as error:
                raise RecordError(
                    f"{describe(MembershipPeriod, lookup)}: {'; '.join(error.messages)}"
                ) from error
            run.tally.count(period, UPDATED)
            run.tally.count(new_period, CREATED)
            run.to_cite.append((new_period, change.cites))
            period = new_period
            continue
        run.upsert(
            MembershipPeriod,
            lookup={"pk": period.pk},
            values={"end_date": on, "end_precision": precision},
        )
        period = run.upsert(
            MembershipPeriod,
            lookup=lookup,
            values={"start_precision": precision, **citation},
            cites=change.cites,
        )


def _load_meeting_roles(run: _Run, fact: MeetingFact) -> None:
    meeting = run.get("meetings", fact.slug)
    for role in fact.roles:
        run.upsert(
            MeetingRole,
            lookup={
                "meeting": meeting,
                "participant": run.get("participants", role.participant),
                "role": role.role,
            },
            values={"order": role.order, "represented_by": role.represented_by},
            cites=role.cites,
        )


def _load_delegation(run: _Run, fact: DelegationFact) -> None:
    delegation = run.upsert(
        Delegation,
        lookup={
            "meeting": run.get("meetings", fact.meeting),
            "participant": run.get("participants", fact.participant),
        },
        # Capacity comes from the membership statuses on the meeting's date,
        # unless the source says otherwise (or says nothing: "not recorded").
        values={
            "capacity_override": fact.capacity,
            "reported_head_count": None,
            "recorded_name": fact.recorded_name,
            "recorded_order": fact.recorded_order,
        },
        cites=fact.cites,
    )
    for delegate in fact.delegates:
        run.upsert(
            Delegate,
            lookup={"delegation": delegation, "name": delegate.name},
            values={
                "honorific": delegate.honorific,
                "position": delegate.position,
                "agency": delegate.agency,
                "role": delegate.role,
            },
            cites=delegate.cites,
        )


def _load_themes(run: _Run) -> None:
    meetings_by_theme: dict[str, list[Meeting]] = {}
    for fact in meetings.MEETINGS + workshops.WORKSHOPS:
        for slug in fact.themes:
            meetings_by_theme.setdefault(slug, []).append(run.get("meetings", fact.slug))
    defined = {fact.slug for fact in workshops.THEMES}
    unknown = sorted(set(meetings_by_theme) - defined)
    if unknown:
        raise RecordError(f"Meetings refer to themes the record does not define: {unknown}")
    for fact in workshops.THEMES:
        run.upsert(
            Theme,
            lookup={"slug": fact.slug},
            values={"name": fact.name},
            many={"meetings": meetings_by_theme.get(fact.slug, [])},
        )


def _load_group_details(run: _Run, fact: GroupFact) -> None:
    group = run.get("groups", fact.slug)
    for role in fact.roles:
        run.upsert(
            GroupRole,
            lookup={
                "group": group,
                "participant": run.get("participants", role.participant),
                "role": role.role,
            },
            values={
                "order": role.order,
                "person_name": role.person_name,
                "person_position": role.person_position,
            },
            cites=role.cites,
        )
    for term in fact.terms_of_reference:
        run.upsert(
            TermOfReference,
            lookup={"group": group, "label": term.label},
            values={
                "text": term.text,
                "order": term.order,
                "adopted_by": run.get("meetings", term.adopted_by),
            },
            cites=term.cites,
        )
    for member in fact.composition:
        start, precision = partial_date(member.start)
        participant = run.get("participants", member.participant)
        # The record holds one place per participant in a group; found by the
        # pair, a corrected start date updates it instead of adding a second.
        lookup = {"group": group, "participant": participant}
        if GroupMembership.objects.filter(**lookup).count() > 1:
            lookup["start_date"] = start
        run.upsert(
            GroupMembership,
            lookup=lookup,
            values={
                "start_date": start,
                "start_precision": precision,
                "known_since": partial_date(member.known_since)[0],
                "decided_at": run.get("meetings", member.decided_at),
                "note": member.note,
            },
            cites=member.cites,
        )


def _load_outcome(run: _Run, fact: OutcomeFact) -> None:
    if fact.key in run.outcomes:
        raise RecordError(f"Two outcomes share the key {fact.key!r}.")
    date, precision = partial_date(fact.date)
    end_date, end_precision = partial_date(fact.end_date)
    if end_date is not None and end_precision != precision:
        raise RecordError(f"Outcome {fact.key!r}: its first and last day differ in precision.")
    source = {
        "source_meeting": run.get("meetings", fact.source_meeting),
        "source_group": run.get("groups", fact.source_group),
    }
    # A renamed outcome is found under the title an earlier record gave it.
    lookup = {**source, "title": fact.title}
    if not Outcome.objects.filter(**lookup).exists():
        for former in fact.former_titles:
            if Outcome.objects.filter(**source, title=former).exists():
                lookup = {**source, "title": former}
                break
    outcome = run.upsert(
        Outcome,
        lookup=lookup,
        values={
            "title": fact.title,
            "kind": fact.kind,
            "text": fact.text,
            "date": date,
            "end_date": end_date,
            "date_precision": precision,
            "source_document": run.get("documents", fact.source_document),
            "paragraph": fact.paragraph,
            "responsible_group": run.get("groups", fact.responsible_group),
            "amount": Decimal(fact.amount) if fact.amount is not None else None,
            "currency": fact.currency,
        },
        many={
            "responsible_participants": [
                run.get("participants", slug) for slug in fact.responsible_participants
            ],
            "concerned_groups": [run.get("groups", slug) for slug in fact.concerns_groups],
        },
        cites=fact.cites,
    )
    run.outcomes[fact.key] = outcome
    for status in fact.statuses:
        status_date, status_precision = partial_date(status.date)
        status_end, _ = partial_date(status.end)
        meeting = run.get("meetings", status.meeting)
        # Found by the meeting that recorded it where there is one, so a
        # corrected date updates the entry instead of adding a second.
        lookup = {"outcome": outcome, "status": status.status}
        lookup.update({"meeting": meeting} if meeting is not None else {"date": status_date})
        run.upsert(
            OutcomeStatus,
            lookup=lookup,
            values={
                "date": status_date,
                "end_date": status_end,
                "date_precision": status_precision,
                "meeting": meeting,
                "document": run.get("documents", status.document),
                "note": status.note,
            },
            cites=status.cites,
        )


def _retraction_lookup(retraction: Retraction) -> tuple[type[models.Model], dict]:
    """The model and natural-key lookup of a retracted fact."""
    kind, key = retraction.kind, retraction.key
    lookups = {
        "meeting": (Meeting, lambda slug: {"slug": slug}),
        "meeting_role": (
            MeetingRole,
            lambda meeting, participant, role: {
                "meeting__slug": meeting,
                "participant__slug": participant,
                "role": role,
            },
        ),
        "delegation": (
            Delegation,
            lambda meeting, participant: {
                "meeting__slug": meeting,
                "participant__slug": participant,
            },
        ),
        "delegate": (
            Delegate,
            lambda meeting, participant, name: {
                "delegation__meeting__slug": meeting,
                "delegation__participant__slug": participant,
                "name": name,
            },
        ),
        "group_role": (
            GroupRole,
            lambda group, participant, role: {
                "group__slug": group,
                "participant__slug": participant,
                "role": role,
            },
        ),
        "group_membership": (
            GroupMembership,
            lambda group, participant: {"group__slug": group, "participant__slug": participant},
        ),
        "outcome": (
            Outcome,
            lambda meeting, group, title: {
                "source_meeting__slug": meeting,
                "source_group__slug": group,
                "title": title,
            },
        ),
        "outcome_status": (OutcomeStatus, None),
    }
    if kind not in lookups:
        raise RecordError(f"A retraction names an unknown kind of fact: {kind!r}.")
    model, build = lookups[kind]
    if kind == "outcome_status":
        # (outcome key, status, meeting slug): the outcome by its current fact.
        outcome_key, status, meeting = key
        fact = next((f for f in outcomes.OUTCOMES if f.key == outcome_key), None)
        if fact is None:
            raise RecordError(f"A retraction names the unknown outcome {outcome_key!r}.")
        titles = (fact.title, *fact.former_titles)
        return model, {
            "outcome__source_meeting__slug": fact.source_meeting,
            "outcome__source_group__slug": fact.source_group,
            "outcome__title__in": titles,
            "status": status,
            "meeting__slug": meeting,
        }
    lookup = build(*key)
    # A None in a natural key means "none": source_meeting__slug=None would
    # match nothing, so ask for the missing relation instead.
    for name, value in list(lookup.items()):
        if value is None and name.endswith("__slug"):
            del lookup[name]
            lookup[f"{name.removesuffix('__slug')}__isnull"] = True
    return model, lookup


def _retract(run: _Run, retraction: Retraction) -> None:
    """Delete a fact the record no longer states, and the citations the record
    wrote for it. Refused (the load fails, nothing changes) when something
    staff entered still depends on it: their work is not deleted silently."""
    if retraction.kind == "meeting_theme":
        # A theme the record put on a meeting: taken off (Theme keeps the
        # history of its meetings), the theme itself stays.
        meeting, theme = retraction.key
        found = Theme.objects.filter(slug=theme, meetings__slug=meeting).first()
        if found is not None:
            found.meetings.remove(*Meeting.objects.filter(slug=meeting))
            run.tally.count(found, UPDATED)
        return
    model, lookup = _retraction_lookup(retraction)
    for instance in model._default_manager.filter(**lookup):
        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=True)
        for citation in Citation.objects.filter(content_type=content_type, object_id=instance.pk):
            run.tally.count(citation, DELETED)
            citation.delete()
        run.tally.count(instance, DELETED)
        try:
            with transaction.atomic():
                instance.delete()
        except ProtectedError as error:
            names = "; ".join(sorted({str(row) for row in error.protected_objects})[:5])
            raise RecordError(
                f"The record retracts {describe(model, lookup)} ({retraction.reason}), but "
                f"other entries still depend on it: {names}. Move or delete them first."
            ) from error
