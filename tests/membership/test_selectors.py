"""Reads about participants: status on a date, members and observers, name matching."""

import datetime

import pytest

from membership.models import MembershipPeriod, Participant
from membership.selectors import (
    ParticipantMatcher,
    members_and_observers_on,
    name_key,
    participant_status_history,
    participant_status_on,
    participants_with_status_on,
)
from tests.factories import (
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
    ParticipantNameFactory,
)

pytestmark = pytest.mark.django_db

APRIL_2013 = datetime.date(2013, 4, 1)
BRISBANE = datetime.date(2004, 6, 7)


@pytest.fixture
def region():
    """Participants named the ways the seeds and spreadsheets name them."""
    viet_nam = ParticipantFactory(
        name="Socialist Republic of Viet Nam", short_name="Viet Nam", country="VN"
    )
    ParticipantNameFactory(participant=viet_nam, name="Vietnam")
    laos = ParticipantFactory(
        name="Lao People's Democratic Republic", short_name="Lao PDR", country="LA"
    )
    ParticipantNameFactory(participant=laos, name="Laos")
    korea = ParticipantFactory(
        name="Republic of Korea", short_name="Republic of Korea", country="KR"
    )
    ParticipantNameFactory(participant=korea, name="ROK")
    china = ParticipantFactory(name="People's Republic of China", short_name="China", country="CN")
    netherlands = ParticipantFactory(
        name="Kingdom of the Netherlands", short_name="Netherlands", country="NL"
    )
    unhcr = OrganisationFactory(
        name="United Nations High Commissioner for Refugees", short_name="UNHCR", acronym="UNHCR"
    )
    return {
        "viet_nam": viet_nam,
        "laos": laos,
        "korea": korea,
        "china": china,
        "netherlands": netherlands,
        "unhcr": unhcr,
    }


def united_states_history():
    united_states = ParticipantFactory(short_name="United States", country="US")
    MembershipPeriodFactory(
        participant=united_states,
        status=MembershipPeriod.Status.OBSERVER,
        start_date=datetime.date(2002, 2, 1),
        end_date=APRIL_2013,
    )
    MembershipPeriodFactory(
        participant=united_states, status=MembershipPeriod.Status.MEMBER, start_date=APRIL_2013
    )
    return united_states


# --- Status on a date --------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [(BRISBANE, "observer"), (datetime.date(2013, 3, 31), "observer"), (APRIL_2013, "member")],
)
def test_participant_status_on_reads_the_period_in_force(day, expected):
    united_states = united_states_history()

    assert participant_status_on(united_states, day) == expected


def test_participant_status_on_is_none_for_a_guest():
    assert participant_status_on(ParticipantFactory(), BRISBANE) is None


@pytest.mark.parametrize("count", [1, 4])
def test_participants_with_status_on_annotates_all_in_one_query(count, django_assert_num_queries):
    for _ in range(count):
        MembershipPeriodFactory(status=MembershipPeriod.Status.OBSERVER)

    with django_assert_num_queries(1):
        statuses = [p.status_on_date for p in participants_with_status_on(BRISBANE)]

    assert statuses == ["observer"] * count


def test_participants_with_status_on_keeps_a_given_queryset():
    organisation = OrganisationFactory()
    ParticipantFactory()

    rows = participants_with_status_on(BRISBANE, Participant.objects.organisations())

    assert [(row, row.status_on_date) for row in rows] == [(organisation, None)]


@pytest.mark.parametrize("count", [1, 3])
def test_members_and_observers_on_groups_in_list_order_in_one_query(
    count, django_assert_num_queries
):
    united_states = united_states_history()
    iom = OrganisationFactory(short_name="IOM")
    MembershipPeriodFactory(participant=iom)
    states = [
        ParticipantFactory(short_name=f"State {n}", country=code)
        for n, code in enumerate(["FJ", "TO", "WS"][:count])
    ]
    for state in states:
        MembershipPeriodFactory(participant=state)
    OrganisationFactory(short_name="Guest")

    with django_assert_num_queries(1):
        on_2004 = members_and_observers_on(BRISBANE)

    assert on_2004 == {"member": [*states, iom], "observer": [united_states]}


def test_members_and_observers_on_2013_counts_the_new_member():
    united_states = united_states_history()

    assert members_and_observers_on(APRIL_2013) == {"member": [united_states], "observer": []}


def test_participant_status_history_is_in_date_order():
    united_states = united_states_history()

    history = [period.status for period in participant_status_history(united_states)]

    assert history == ["observer", "member"]


# --- Matching names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("People's Republic of China", "peoplesrepublicofchina"),
        ("peoples republic of china", "peoplesrepublicofchina"),
        ("LAO P.D.R.", "laopdr"),
        ("The Netherlands", "netherlands"),
        ("Bosnia & Herzegovina", "bosniaandherzegovina"),
        ("Côte d’Ivoire", "cotedivoire"),
        ("", ""),
    ],
)
def test_name_key_ignores_case_accents_punctuation_and_the(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Viet Nam", "viet_nam"),
        ("Vietnam", "viet_nam"),
        ("VIETNAM", "viet_nam"),
        ("Socialist Republic of Viet Nam", "viet_nam"),
        ("VN", "viet_nam"),
        ("Lao PDR", "laos"),
        ("Laos", "laos"),
        ("Lao P.D.R.", "laos"),
        ("LA", "laos"),
        ("ROK", "korea"),
        ("Republic of Korea", "korea"),
        ("People's Republic of China", "china"),
        ("China", "china"),
        ("cn", "china"),
        ("The Netherlands", "netherlands"),
        ("UNHCR", "unhcr"),
        ("unhcr", "unhcr"),
        ("United Nations High Commissioner for Refugees", "unhcr"),
    ],
)
def test_participant_matcher_finds_each_known_name(region, text, expected):
    match = ParticipantMatcher().match(text)

    assert match.participant == region[expected]
    assert match.is_ambiguous is False


def test_participant_matcher_never_guesses_between_two(region):
    north = ParticipantFactory(
        name="Democratic People's Republic of Korea", short_name="DPRK", country="KP"
    )
    ParticipantNameFactory(participant=north, name="Korea")
    ParticipantNameFactory(participant=region["korea"], name="Korea, Republic")
    region["korea"].short_name = "Korea"
    region["korea"].save()

    match = ParticipantMatcher().match("Korea")

    assert match.participant is None
    assert match.is_ambiguous is True
    assert match.candidates == [north, region["korea"]]


def test_participant_matcher_returns_nothing_for_an_unknown_name(region):
    match = ParticipantMatcher().match("Atlantis")

    assert (match.participant, match.candidates, match.is_ambiguous) == (None, [], False)


def test_participant_matcher_only_searches_the_given_queryset(region):
    match = ParticipantMatcher(Participant.objects.organisations()).match("Viet Nam")

    assert match.participant is None


@pytest.mark.parametrize("extra", [0, 5])
def test_participant_matcher_loads_in_two_queries_and_matches_in_memory(
    region, extra, django_assert_num_queries
):
    for _ in range(extra):
        ParticipantNameFactory(participant=OrganisationFactory())

    with django_assert_num_queries(2):
        matcher = ParticipantMatcher()
    with django_assert_num_queries(0):
        found = [matcher.match(name).participant for name in ("Vietnam", "ROK", "UNHCR")]

    assert found == [region["viet_nam"], region["korea"], region["unhcr"]]
