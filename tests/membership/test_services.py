"""membership_change: recording that a participant became a member or an observer."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from baliprocess.lib.dates import DatePrecision
from membership.models import MembershipPeriod
from membership.selectors import participant_status_on
from membership.services import membership_change
from tests.factories import MeetingFactory, MembershipPeriodFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

FIFTH_SOM = datetime.date(2013, 4, 1)


def periods(participant):
    return [
        (period.status, period.start_date, period.end_date)
        for period in participant.membership_periods.all()
    ]


def test_membership_change_closes_the_open_status_the_day_the_new_one_begins():
    unodc = ParticipantFactory(short_name="UNODC")
    MembershipPeriodFactory(participant=unodc, status=MembershipPeriod.Status.OBSERVER)
    som = MeetingFactory(ordinal=5, start_date=FIFTH_SOM)

    new = membership_change(
        participant=unodc, status=MembershipPeriod.Status.MEMBER, on=FIFTH_SOM, decided_at=som
    )

    assert periods(unodc) == [("observer", None, FIFTH_SOM), ("member", FIFTH_SOM, None)]
    assert new.decided_at == som
    assert participant_status_on(unodc, datetime.date(2013, 3, 31)) == "observer"
    assert participant_status_on(unodc, FIFTH_SOM) == "member"


def test_membership_change_starts_a_first_status():
    participant = ParticipantFactory()

    membership_change(
        participant=participant, status=MembershipPeriod.Status.OBSERVER, on=FIFTH_SOM
    )

    assert periods(participant) == [("observer", FIFTH_SOM, None)]


def test_membership_change_stores_the_date_at_its_precision():
    participant = ParticipantFactory()

    period = membership_change(
        participant=participant,
        status=MembershipPeriod.Status.MEMBER,
        on=datetime.date(2002, 2, 27),
        precision=DatePrecision.MONTH,
        note="A founding member.",
    )

    assert (period.start_date, period.start_precision, period.note) == (
        datetime.date(2002, 2, 1),
        DatePrecision.MONTH,
        "A founding member.",
    )


def test_membership_change_to_the_same_status_is_refused_and_changes_nothing():
    participant = ParticipantFactory(short_name="Fiji")
    MembershipPeriodFactory(participant=participant, start_date=datetime.date(2002, 2, 26))

    with pytest.raises(ValidationError) as error:
        membership_change(
            participant=participant, status=MembershipPeriod.Status.MEMBER, on=FIFTH_SOM
        )

    assert error.value.messages == ["Fiji is already a member (from 26 February 2002)."]
    assert periods(participant) == [("member", datetime.date(2002, 2, 26), None)]


def test_membership_change_before_the_current_status_began_is_refused():
    participant = ParticipantFactory(short_name="United States")
    MembershipPeriodFactory(participant=participant, start_date=FIFTH_SOM)

    with pytest.raises(ValidationError) as error:
        membership_change(
            participant=participant,
            status=MembershipPeriod.Status.OBSERVER,
            on=datetime.date(2004, 6, 7),
        )

    assert error.value.messages == [
        "United States's current status began on or after this date; "
        "edit the periods directly to rewrite history."
    ]
    assert periods(participant) == [("member", FIFTH_SOM, None)]


def test_membership_change_refused_at_its_second_write_leaves_the_first_undone():
    participant = ParticipantFactory()
    MembershipPeriodFactory(
        participant=participant,
        status=MembershipPeriod.Status.OBSERVER,
        start_date=datetime.date(2002, 2, 1),
    )
    # A later period already on record (entered without the overlap check, as imported
    # history can be): closing the observer status succeeds, opening the member one fails.
    MembershipPeriod.objects.create(
        participant=participant,
        status=MembershipPeriod.Status.MEMBER,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 1, 1),
    )

    with pytest.raises(ValidationError):
        membership_change(
            participant=participant, status=MembershipPeriod.Status.MEMBER, on=FIFTH_SOM
        )

    assert periods(participant) == [
        ("observer", datetime.date(2002, 2, 1), None),
        ("member", datetime.date(2020, 1, 1), datetime.date(2021, 1, 1)),
    ]
