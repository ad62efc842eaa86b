"""Members and observers (/members/) and a participant's page (/members/<slug>/)."""

import datetime

import pytest
from django.utils import timezone

from baliprocess.lib.dates import DatePrecision
from meetings.models import Document, MeetingRole
from membership.models import MembershipPeriod, Participant
from membership.services import membership_change
from tests import factories
from tests.portal import builders
from tests.portal.html import item_titles, main_text, messages, table_rows
from workshops.models import GroupRole

pytestmark = pytest.mark.django_db

MEMBER = MembershipPeriod.Status.MEMBER
OBSERVER = MembershipPeriod.Status.OBSERVER
HEADER = ["Name", "Kind", "Status on"]


def _observer_until_2013(short_name, **fields):
    fields.setdefault("name", short_name)
    participant = factories.ParticipantFactory(short_name=short_name, **fields)
    factories.MembershipPeriodFactory(participant=participant, status=OBSERVER)
    membership_change(participant=participant, status=MEMBER, on=datetime.date(2013, 4, 1))
    return participant


def _names(response) -> list[list[str]]:
    """The table's rows without its header: [name, kind, status]."""
    return [row for row in table_rows(response) if row[0] != "Name"]


# --- The list -------------------------------------------------------------------


def test_members_list_shows_today_members_then_observers_states_first(client):
    builders.member(short_name="Thailand")
    builders.member(short_name="Australia")
    factories.MembershipPeriodFactory(
        participant=factories.OrganisationFactory(short_name="IOM", name="IOM"), status=MEMBER
    )
    builders.observer_organisation(short_name="ILO")
    factories.MembershipPeriodFactory(
        participant=factories.ParticipantFactory(short_name="Canada", name="Canada"),
        status=OBSERVER,
    )
    factories.ParticipantFactory(short_name="Never in the record")

    response = client.get("/members/")

    assert _names(response) == [
        ["Australia", "State", "Member"],
        ["Thailand", "State", "Member"],
        ["IOM", "International organisation", "Member"],
        ["Canada", "State", "Observer"],
        ["ILO", "International organisation", "Observer"],
    ]
    assert f"Status on {timezone.localdate():%-d %B %Y} (today)" in main_text(response)


def test_members_list_as_at_a_date_shows_the_status_then(client):
    _observer_until_2013("United States")
    builders.member(short_name="Indonesia")

    in_2004 = client.get("/members/", {"as_at": "2004-06-01"})
    in_2013 = client.get("/members/", {"as_at": "2013-04-01"})

    assert _names(in_2004) == [
        ["Indonesia", "State", "Member"],
        ["United States", "State", "Observer"],
    ]
    assert _names(in_2013) == [
        ["Indonesia", "State", "Member"],
        ["United States", "State", "Member"],
    ]
    assert "Status on 1 June 2004" in main_text(in_2004)


def test_members_list_answers_who_was_a_member_on_a_date(client):
    _observer_until_2013("United States")
    builders.member(short_name="Indonesia")

    response = client.get("/members/", {"as_at": "2004-06-01", "status": "member"})

    assert _names(response) == [["Indonesia", "State", "Member"]]


def test_members_list_before_a_status_began_leaves_it_out(client):
    participant = factories.ParticipantFactory(short_name="Newcomer", name="Newcomer")
    factories.MembershipPeriodFactory(
        participant=participant, status=MEMBER, start_date=datetime.date(2013, 4, 1)
    )

    before = client.get("/members/", {"as_at": "2013-03-31"})
    on_the_day = client.get("/members/", {"as_at": "2013-04-01"})

    assert _names(before) == []
    assert "The record shows no one as a member or observer on 31 March 2013" in main_text(before)
    assert "Status not recorded on 31 March 2013: 1 participant" in main_text(before)
    assert _names(on_the_day) == [["Newcomer", "State", "Member"]]


def test_members_list_filters_by_kind(client):
    builders.member(short_name="Fiji")
    factories.MembershipPeriodFactory(
        participant=factories.OrganisationFactory(short_name="UNHCR", name="UNHCR"),
        status=MEMBER,
    )
    builders.member(short_name="France (New Caledonia)", kind=Participant.Kind.TERRITORY)

    states = client.get("/members/", {"kind": "states"})
    organisations = client.get("/members/", {"kind": "organisations"})

    assert [row[0] for row in _names(states)] == ["Fiji", "France (New Caledonia)"]
    assert [row[0] for row in _names(organisations)] == ["UNHCR"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"as_at": "2004-02-30"},
            "As at: “2004-02-30” is not a date: write it as YYYY-MM-DD, e.g. 2004-06-07.",
        ),
        (
            {"as_at": "yesterday"},
            "As at: “yesterday” is not a date: write it as YYYY-MM-DD, e.g. 2004-06-07.",
        ),
        ({"status": "chair"}, "Status: “chair” is not a status the record knows."),
        ({"kind": "planets"}, "Kind: “planets” is not a kind of participant the record knows."),
    ],
)
def test_members_list_names_a_bad_filter_value(client, query, message):
    builders.member()

    response = client.get("/members/", query)

    assert response.status_code == 200
    assert messages(response)[0].endswith(message)
    assert _names(response) == []


@pytest.mark.parametrize("item_count", [1, 3])
def test_members_list_query_count_is_fixed(client, django_assert_num_queries, item_count):
    for _ in range(item_count):
        builders.member()
        builders.observer_organisation()

    # count, page (status annotated in the same query), participants whose status is not recorded
    with django_assert_num_queries(3):
        client.get("/members/", {"as_at": "2004-06-07", "status": "member"})


@pytest.mark.parametrize("item_count", [1, 3])
def test_members_list_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    for _ in range(item_count):
        builders.member()
        builders.observer_organisation()

    # session, user, count, page, status not recorded: nothing here depends on permissions
    with django_assert_num_queries(5):
        member_client.get("/members/")


# --- A participant's page ----------------------------------------------------------------


def test_participant_page_tells_when_it_became_a_member_with_citations(client):
    fifth_som = factories.MeetingFactory(
        custom_title="Fifth Senior Officials Meeting", start_date=datetime.date(2013, 4, 1)
    )
    outcomes = factories.DocumentFactory(
        title="Co-Chairs' outcomes", meeting=fifth_som, date=datetime.date(2013, 4, 1)
    )
    united_states = factories.ParticipantFactory(
        short_name="United States", name="United States of America", slug="united-states"
    )
    factories.MembershipPeriodFactory(
        participant=united_states, status=OBSERVER, known_since=datetime.date(2004, 6, 7)
    )
    membership_change(
        participant=united_states,
        status=MEMBER,
        on=datetime.date(2013, 4, 1),
        decided_at=fifth_som,
        source_document=outcomes,
    )

    response = client.get("/members/united-states/")
    text = main_text(response)

    assert response.status_code == 200
    assert "Member of the Bali Process since 1 April 2013." in text
    assert "Observer since at least 7 June 2004, until 1 April 2013" in text
    assert (
        "Member from 1 April 2013 Current Decided at Fifth Senior Officials Meeting. "
        "Source: Co-Chairs' outcomes." in text
    )
    assert "Official name United States of America" in text


def test_participant_page_does_not_cite_what_the_viewer_may_not_see(client):
    draft = factories.MeetingFactory(custom_title="Unpublished SOM", is_published=False)
    note = factories.DocumentFactory(
        title="Secretariat note", visibility=Document.Visibility.SECRETARIAT, meeting=None
    )
    participant = factories.ParticipantFactory()
    factories.MembershipPeriodFactory(
        participant=participant,
        status=MEMBER,
        decided_at=draft,
        source_document=note,
        known_since=None,
    )

    response = client.get(participant.get_absolute_url())

    assert "Unpublished SOM" not in response.text
    assert "Secretariat note" not in response.text
    assert "Member (dates not recorded)" in main_text(response)


def test_participant_page_lists_meetings_attended_with_capacity_visible_only(client):
    participant = _observer_until_2013("United States")
    brisbane = factories.MeetingFactory(
        custom_title="Brisbane SOM", start_date=datetime.date(2004, 6, 7)
    )
    fifth = factories.MeetingFactory(custom_title="Fifth SOM", start_date=datetime.date(2013, 4, 1))
    draft = factories.MeetingFactory(custom_title="Draft meeting", is_published=False)
    for meeting in (brisbane, fifth, draft):
        factories.DelegationFactory(meeting=meeting, participant=participant)

    response = client.get(participant.get_absolute_url())

    assert [row for row in table_rows(response) if row[0].endswith("SOM")] == [
        ["Fifth SOM", "1 April 2013", "Member"],
        ["Brisbane SOM", "7 June 2004", "Observer"],
    ]
    assert "Draft meeting" not in response.text


def test_participant_page_lists_workshops_hosted_and_groups_led(client):
    thailand = builders.member(short_name="Thailand", slug="thailand")
    workshop = factories.WorkshopFactory(
        custom_title="Workshop on identity management",
        start_date=datetime.date(2004, 3, 1),
        date_precision=DatePrecision.MONTH,
    )
    factories.MeetingRoleFactory(meeting=workshop, participant=thailand, role=MeetingRole.Role.HOST)
    aheg = factories.GroupFactory(name="Ad Hoc Experts Group II", short_name="AHEG II")
    factories.GroupRoleFactory(
        group=aheg,
        participant=thailand,
        role=GroupRole.Role.COORDINATOR,
        person_name="Police Major General Krerckphong Pukprayura",
        person_position="Royal Thai Police",
    )

    response = client.get("/members/thailand/")
    text = main_text(response)

    assert ["Workshop on identity management", "Host", "March 2004"] in table_rows(response)
    assert (
        "Coordinator of Ad Hoc Experts Group II: Police Major General Krerckphong "
        "Pukprayura, Royal Thai Police" in text
    )


def test_participant_page_lists_its_pledges(client):
    japan = builders.member(short_name="Japan")
    pledge = factories.OutcomeFactory(
        kind="pledge",
        title="Funding for the website",
        amount=10000,
        currency="USD",
        responsible_participants=[japan],
    )
    hidden = factories.OutcomeFactory(
        title="Pledge at a draft meeting",
        source_meeting=factories.MeetingFactory(is_published=False),
        responsible_participants=[japan],
    )

    response = client.get(japan.get_absolute_url())

    assert pledge.title in item_titles(response)
    assert hidden.title not in response.text


def test_participant_page_of_a_guest_says_it_has_no_status(client):
    asean = factories.OrganisationFactory(short_name="ASEAN")

    response = client.get(asean.get_absolute_url())

    assert "Not a member or an observer of the Bali Process today." in main_text(response)
    assert "it has taken part as a guest" in main_text(response)


def test_unknown_participant_is_not_found(client):
    response = client.get("/members/atlantis/")

    assert response.status_code == 404


def _participant_with(count):
    participant = _observer_until_2013("United States")
    factories.ParticipantNameFactory(participant=participant, name="USA")
    group = factories.GroupFactory()
    for index in range(count):
        meeting = factories.MeetingFactory(start_date=datetime.date(2013, 4, 1 + index))
        factories.DelegationFactory(meeting=meeting, participant=participant)
        factories.MeetingRoleFactory(meeting=meeting, participant=participant)
        factories.GroupRoleFactory(group=factories.GroupFactory(), participant=participant)
        factories.GroupMembershipFactory(
            group=factories.GroupFactory(), participant=participant, decided_at=meeting
        )
        factories.OutcomeFactory(
            source_meeting=meeting, responsible_participants=[participant], source_group=group
        )
    return participant


@pytest.mark.parametrize("item_count", [1, 3])
def test_participant_page_query_count_is_fixed(client, django_assert_num_queries, item_count):
    participant = _participant_with(item_count)

    # participant, its names, statuses, the sources of both, delegations, roles
    # at meetings, roles in groups, places in groups, outcomes
    with django_assert_num_queries(9):
        client.get(participant.get_absolute_url())


@pytest.mark.parametrize("item_count", [1, 3])
def test_participant_page_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    participant = _participant_with(item_count)

    with django_assert_num_queries(13):
        member_client.get(participant.get_absolute_url())
