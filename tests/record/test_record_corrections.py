"""`load_record` corrects a database an earlier record loaded.

Each test starts from an empty database, writes what the earlier record
stated (a conference no source describes, a role no source gives, a group
shown as discontinued, an outcome under its former title), runs the loader,
and checks the fact was corrected with a history entry and nothing was
duplicated.
"""

import datetime

import pytest

from baliprocess.record import keys, outcomes
from baliprocess.record.loader import record_load
from baliprocess.record.sync import RecordError
from meetings.models import Citation, Document, Meeting, MeetingRole
from tests.factories import ParticipantFactory
from workshops.models import Group, Outcome

pytestmark = pytest.mark.django_db


def earlier_fifth_conference() -> Meeting:
    """The Fifth Ministerial Conference as the earlier record loaded it."""
    indonesia = ParticipantFactory(
        slug=keys.INDONESIA, name="Indonesia", short_name="Indonesia", country="ID"
    )
    conference = Meeting(
        slug=keys.FIFTH_MC,
        kind=Meeting.Kind.MINISTERIAL_CONFERENCE,
        ordinal=5,
        start_date=datetime.date(2013, 4, 2),
        city="Bali",
        country="ID",
        is_published=True,
    )
    conference.full_clean()
    conference.save()
    MeetingRole.objects.create(
        meeting=conference, participant=indonesia, role=MeetingRole.Role.CO_CHAIR
    )
    return conference


def test_a_conference_no_source_describes_is_removed_with_a_trace():
    conference = earlier_fifth_conference()

    tally = record_load()

    assert not Meeting.objects.filter(slug=keys.FIFTH_MC).exists()
    deletion = Meeting.history.filter(id=conference.pk).latest("history_date")
    assert deletion.history_type == "-"
    assert tally.totals()["deleted"] >= 2  # the conference and its co-chair


def test_a_retracted_fact_staff_built_on_is_not_deleted_and_nothing_changes():
    conference = earlier_fifth_conference()
    Document.objects.create(
        kind=Document.Kind.OTHER,
        title="Staff's note on the conference",
        slug="staff-note",
        date=datetime.date(2013, 4, 2),
        meeting=conference,
    )

    with pytest.raises(RecordError, match="still depend on it"):
        record_load()

    assert Meeting.objects.filter(slug=keys.FIFTH_MC).exists()
    assert not Meeting.objects.exclude(slug=keys.FIFTH_MC).exists()


def test_a_group_shown_as_discontinued_is_corrected_with_a_history_entry():
    record_load()
    aheg = Group.objects.get(slug=keys.AHEG_I)
    Group.objects.filter(pk=aheg.pk).update(
        discontinued_on=datetime.date(2004, 6, 1), discontinued_precision="month"
    )

    record_load()

    aheg.refresh_from_db()
    assert aheg.discontinued_on is None
    assert aheg.status_label == "Status not recorded"
    assert aheg.history.latest("history_date").history_type == "~"


def test_an_outcome_under_a_former_title_is_renamed_not_duplicated():
    renamed = next((fact for fact in outcomes.OUTCOMES if fact.former_titles), None)
    assert renamed is not None, "the record renames at least one outcome"
    record_load()
    outcome = Outcome.objects.get(title=renamed.title)
    Outcome.objects.filter(pk=outcome.pk).update(title=renamed.former_titles[0])
    count = Outcome.objects.count()

    record_load()

    outcome.refresh_from_db()
    assert outcome.title == renamed.title
    assert Outcome.objects.count() == count


def test_a_quote_the_record_no_longer_makes_is_replaced_and_staff_citations_stay():
    record_load()
    brisbane = Meeting.objects.get(slug=keys.BRISBANE_SOM)
    report = Document.objects.get(slug=keys.REPORT_2004)
    stale = brisbane.citations.create(document=report, passage="an old quote", from_record=True)
    staff = brisbane.citations.create(document=report, passage="Brisbane", locator="title")

    record_load()

    assert not Citation.objects.filter(pk=stale.pk).exists()
    assert Citation.objects.filter(pk=staff.pk).exists()
