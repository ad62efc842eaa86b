"""Participants, their alternative names and their dated status: the rules the models and
the database enforce."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from baliprocess.lib.dates import DatePrecision
from membership.models import MembershipPeriod, Participant, ParticipantName
from tests.factories import (
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
    ParticipantNameFactory,
)

pytestmark = pytest.mark.django_db

OBSERVER_UNTIL = datetime.date(2013, 4, 1)


def observer_then_member(participant):
    """The United States' history: an observer until 1 April 2013, a member from that day."""
    MembershipPeriodFactory(
        participant=participant,
        status=MembershipPeriod.Status.OBSERVER,
        start_date=datetime.date(2002, 2, 1),
        end_date=OBSERVER_UNTIL,
    )
    MembershipPeriodFactory(
        participant=participant, status=MembershipPeriod.Status.MEMBER, start_date=OBSERVER_UNTIL
    )


# --- Participants --------------------------------------------------------------


def test_participant_state_without_country_is_refused_by_clean():
    participant = Participant(
        kind=Participant.Kind.STATE, name="Republic of Nowhere", short_name="Nowhere", slug="x"
    )

    with pytest.raises(ValidationError) as error:
        participant.full_clean()

    assert error.value.messages == [
        "States and territories need an ISO 3166 country and no acronym; "
        "organisations have no country."
    ]


def test_participant_state_with_acronym_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(
            kind=Participant.Kind.STATE,
            name="Republic of Korea",
            short_name="Republic of Korea",
            slug="republic-of-korea",
            country="KR",
            acronym="ROK",
        )


def test_participant_organisation_with_country_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(
            kind=Participant.Kind.INTERNATIONAL_ORGANISATION,
            name="International Organization for Migration",
            short_name="IOM",
            slug="iom",
            acronym="IOM",
            country="CH",
        )


def test_participant_territory_with_country_and_organisation_with_acronym_are_accepted():
    territory = ParticipantFactory(
        kind=Participant.Kind.TERRITORY,
        name="France (New Caledonia)",
        short_name="France (New Caledonia)",
        country="NC",
    )
    organisation = OrganisationFactory(
        name="United Nations High Commissioner for Refugees", short_name="UNHCR"
    )

    assert (territory.country.code, territory.acronym) == ("NC", "")
    assert (organisation.country.code, organisation.acronym) == ("", "UNHCR")


def test_participant_country_is_unique():
    ParticipantFactory(country="ID")

    with pytest.raises(ValidationError) as error:
        ParticipantFactory(country="ID")

    assert "Another participant already has this country." in error.value.messages


def test_participant_acronym_is_unique():
    OrganisationFactory(acronym="IOM", short_name="IOM")

    with pytest.raises(ValidationError) as error:
        OrganisationFactory(acronym="IOM", short_name="IOM 2")

    assert "Another participant already has this acronym." in error.value.messages


def test_participant_all_names_lists_every_name_once():
    participant = ParticipantFactory(name="Socialist Republic of Viet Nam", short_name="Viet Nam")
    ParticipantNameFactory(participant=participant, name="Vietnam")
    country = participant.country.code

    assert participant.all_names() == [
        "Socialist Republic of Viet Nam",
        "Viet Nam",
        country,
        "Vietnam",
    ]


def test_participant_in_list_order_puts_states_before_organisations_by_short_name():
    unhcr = OrganisationFactory(short_name="UNHCR")
    thailand = ParticipantFactory(short_name="Thailand")
    iom = OrganisationFactory(short_name="IOM")
    australia = ParticipantFactory(short_name="australia")

    ordered = list(Participant.objects.in_list_order())

    assert ordered == [australia, thailand, iom, unhcr]


def test_participant_states_and_organisations_split_by_kind():
    state = ParticipantFactory()
    territory = ParticipantFactory(kind=Participant.Kind.TERRITORY)
    organisation = OrganisationFactory(kind=Participant.Kind.REGIONAL_ORGANISATION)

    assert set(Participant.objects.states()) == {state, territory}
    assert list(Participant.objects.organisations()) == [organisation]


def test_alternative_name_is_unique_whatever_its_case():
    ParticipantNameFactory(name="Laos")

    with pytest.raises(ValidationError) as error:
        ParticipantNameFactory(name="LAOS")

    assert error.value.messages == ["This alternative name already belongs to a participant."]


def test_alternative_name_case_duplicate_is_refused_by_the_database():
    name = ParticipantNameFactory(name="ROK")

    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipantName.objects.create(participant=name.participant, name="rok")


# --- Membership status on a date -------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2004, 6, 7), "observer"),
        (datetime.date(2013, 3, 31), "observer"),
        (datetime.date(2013, 4, 1), "member"),
        (datetime.date(2013, 4, 2), "member"),
        (datetime.date(2001, 12, 31), None),
    ],
)
def test_status_periods_are_half_open(day, expected):
    united_states = ParticipantFactory(short_name="United States")
    observer_then_member(united_states)

    participant = Participant.objects.with_status_on(day).get()

    assert participant.status_on_date == expected


def test_status_period_without_start_holds_from_the_beginning_of_the_record():
    MembershipPeriodFactory(status=MembershipPeriod.Status.MEMBER, start_date=None)

    participant = Participant.objects.with_status_on(datetime.date(1990, 1, 1)).get()

    assert participant.status_on_date == "member"


def test_members_on_and_observers_on_follow_the_date():
    united_states = ParticipantFactory()
    observer_then_member(united_states)
    indonesia = ParticipantFactory()
    MembershipPeriodFactory(participant=indonesia, start_date=datetime.date(2002, 2, 26))
    day_2004, day_2013 = datetime.date(2004, 6, 7), datetime.date(2013, 4, 1)

    assert list(Participant.objects.members_on(day_2004)) == [indonesia]
    assert list(Participant.objects.observers_on(day_2004)) == [united_states]
    assert set(Participant.objects.members_on(day_2013)) == {indonesia, united_states}
    assert list(Participant.objects.observers_on(day_2013)) == []


def test_ever_in_status_leaves_out_guests():
    member = MembershipPeriodFactory().participant
    ParticipantFactory()

    assert list(Participant.objects.ever_in_status()) == [member]


def test_current_periods_are_those_covering_today():
    current = MembershipPeriodFactory(start_date=datetime.date(2013, 4, 1))
    MembershipPeriodFactory(
        start_date=datetime.date(2002, 2, 1), end_date=datetime.date(2004, 6, 7)
    )

    assert list(MembershipPeriod.objects.current()) == [current]


def test_status_period_overlapping_another_is_refused():
    united_states = ParticipantFactory(short_name="United States")
    MembershipPeriodFactory(
        participant=united_states,
        status=MembershipPeriod.Status.OBSERVER,
        start_date=datetime.date(2002, 2, 1),
        end_date=OBSERVER_UNTIL,
    )
    overlapping = MembershipPeriod(
        participant=united_states,
        status=MembershipPeriod.Status.MEMBER,
        start_date=datetime.date(2013, 3, 31),
    )

    with pytest.raises(ValidationError) as error:
        overlapping.full_clean()

    assert error.value.messages == [
        "United States already has a status for part of this time: United States: observer "
        "from 1 February 2002 until 1 April 2013. Close that period first or change the dates."
    ]


def test_status_period_starting_on_the_day_the_previous_ends_is_accepted():
    united_states = ParticipantFactory()

    observer_then_member(united_states)

    assert united_states.membership_periods.count() == 2


def test_status_period_overlap_counts_open_ends():
    participant = ParticipantFactory()
    MembershipPeriodFactory(participant=participant, start_date=None, end_date=None)
    later = MembershipPeriod(
        participant=participant,
        status=MembershipPeriod.Status.OBSERVER,
        start_date=datetime.date(2030, 1, 1),
    )

    assert later.overlapping_periods() != []


def test_status_period_must_end_after_it_starts():
    period = MembershipPeriod(
        participant=ParticipantFactory(),
        status=MembershipPeriod.Status.MEMBER,
        start_date=OBSERVER_UNTIL,
        end_date=OBSERVER_UNTIL,
    )

    with pytest.raises(ValidationError) as error:
        period.full_clean()

    assert error.value.message_dict["end_date"] == ["The status must end after it starts."]


def test_status_period_ending_before_it_starts_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipPeriod.objects.create(
            participant=ParticipantFactory(),
            status=MembershipPeriod.Status.MEMBER,
            start_date=OBSERVER_UNTIL,
            end_date=datetime.date(2013, 1, 1),
        )


def test_status_period_dates_are_stored_at_their_precision_and_labelled_so():
    period = MembershipPeriodFactory(
        status=MembershipPeriod.Status.OBSERVER,
        start_date=datetime.date(2002, 2, 27),
        start_precision=DatePrecision.YEAR,
        end_date=datetime.date(2013, 4, 15),
        end_precision=DatePrecision.MONTH,
    )

    assert (period.start_date, period.end_date) == (
        datetime.date(2002, 1, 1),
        datetime.date(2013, 4, 1),
    )
    assert period.period_label == "from 2002 until April 2013"


@pytest.mark.parametrize(
    ("start", "known_since", "end", "label"),
    [
        (None, None, None, "(dates not recorded)"),
        (datetime.date(2013, 4, 1), None, None, "from 1 April 2013"),
        (None, None, datetime.date(2013, 4, 1), "until 1 April 2013"),
        (None, datetime.date(2004, 6, 7), None, "since at least 7 June 2004"),
        (
            None,
            datetime.date(2004, 6, 7),
            datetime.date(2013, 4, 1),
            "since at least 7 June 2004, until 1 April 2013",
        ),
    ],
)
def test_status_period_label_says_what_is_known(start, known_since, end, label):
    period = MembershipPeriodFactory(start_date=start, known_since=known_since, end_date=end)

    assert period.period_label == label


def test_status_period_str_names_participant_status_and_period():
    period = MembershipPeriodFactory(
        participant=OrganisationFactory(short_name="UNODC"),
        status=MembershipPeriod.Status.OBSERVER,
        known_since=None,
        end_date=OBSERVER_UNTIL,
    )

    assert str(period) == "UNODC: observer until 1 April 2013"


def test_status_periods_are_ordered_by_start_with_unknown_first():
    participant = ParticipantFactory()
    later = MembershipPeriodFactory(participant=participant, start_date=OBSERVER_UNTIL)
    first = MembershipPeriodFactory(
        participant=participant,
        status=MembershipPeriod.Status.OBSERVER,
        start_date=None,
        end_date=OBSERVER_UNTIL,
    )

    assert list(participant.membership_periods.all()) == [first, later]


def test_participant_with_status_history_cannot_be_deleted():
    period = MembershipPeriodFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        period.participant.delete()
