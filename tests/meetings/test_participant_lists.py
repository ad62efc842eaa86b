"""The participant list's structure, order, counts and summary (meetings.selectors);
its attendance paragraphs are in test_participant_list_sentences.py."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Delegate, Delegation, Meeting
from meetings.selectors import (
    count_phrase,
    organisation_kinds_word,
    participant_list,
    participant_list_meeting,
)
from membership.models import Participant
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
    RegionalOrganisationFactory,
    brisbane_som_2004,
)
from tests.meetings.participant_list_support import member_delegation, observer_delegation

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


# --- The 2004 Report to Ministers ---------------------------------------------


def test_brisbane_summary_is_the_report_to_ministers_sentence():
    meeting = brisbane_som_2004()

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.summary == (
        "139 delegates representing 47 countries and nine international and regional organisations"
    )
    assert result.summary_sentence == (
        "The meeting was attended by 139 delegates representing 47 countries and nine "
        "international and regional organisations."
    )


def test_brisbane_attendance_paragraphs_follow_the_report():
    meeting = brisbane_som_2004()

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.attendance == [
        "The meeting was attended by Afghanistan, Australia, Bangladesh, Brunei Darussalam, "
        "Cambodia, China, Fiji, France (New Caledonia), Indonesia, Iran, Iraq, Japan, Jordan, "
        "Kiribati, Laos, Malaysia, Mongolia, Myanmar, Nauru, Nepal, New Zealand, Pakistan, "
        "Palau, Papua New Guinea, the Philippines, the Republic of Korea, Samoa, Singapore, "
        "Solomon Islands, Sri Lanka, Thailand, Timor Leste, Tonga, Turkey, Vanuatu and "
        "Vietnam, as well as representatives of the International Organization for Migration "
        "(IOM) and the United Nations High Commissioner for Refugees (UNHCR).",
        "The following countries and organisations also participated as observers: Austria; "
        "Canada; Finland; Germany; the Netherlands; Norway; the Russian Federation; South "
        "Africa; Spain; Switzerland; the United States of America; the Asia Pacific "
        "Consultations on Refugees, Displaced Persons and Migrants (APC); the International "
        "Centre for Migration Policy Development Secretariat (ICMPD); the International "
        "Federation of Red Cross and Red Crescent Societies; the International Labor "
        "Organization (ILO); Interpol; the United Nations Development Programme (UNDP); and "
        "the United Nations Office on Drugs and Crime (UNODC).",
    ]


def test_brisbane_groups_members_then_observers_states_before_organisations():
    meeting = brisbane_som_2004()

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert [group.heading for group in result.groups] == ["Members", "Observers"]
    members, observers = result.groups
    assert len(members.states) == 36
    assert [entry.participant.short_name for entry in members.delegations[-3:]] == [
        "Vietnam",
        "IOM",
        "UNHCR",
    ]
    assert len(observers.states) == 11
    assert len(observers.organisations) == 7
    assert (result.country_count, result.organisation_count) == (47, 9)


def test_united_states_is_an_observer_in_2004_and_a_member_after_2013():
    brisbane = brisbane_som_2004()
    united_states = Participant.objects.get(short_name="United States of America")
    later = MeetingFactory(start_date=datetime.date(2013, 4, 1))
    DelegationFactory(meeting=later, participant=united_states)

    in_2004 = participant_list(meeting=brisbane, user=ANONYMOUS)
    in_2013 = participant_list(meeting=later, user=ANONYMOUS)

    observers = [entry.participant for entry in in_2004.groups[1].delegations]
    assert united_states in observers
    assert [group.capacity for group in in_2013.groups] == ["member"]


# --- Grouping and order -------------------------------------------------------


def test_capacity_override_wins_over_the_membership_status():
    meeting = MeetingFactory()
    delegation = member_delegation(meeting, short_name="Australia")
    delegation.capacity_override = Delegation.Capacity.SECRETARIAT
    delegation.save()

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert [(group.capacity, group.heading) for group in result.groups] == [
        ("secretariat", "Secretariat")
    ]


def test_participant_without_a_status_attends_as_a_guest():
    meeting = MeetingFactory()
    member_delegation(meeting, short_name="Australia")
    DelegationFactory(meeting=meeting, participant=ParticipantFactory(short_name="Mexico"))

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert [group.heading for group in result.groups] == ["Members", "Guests"]
    assert result.groups[1].delegations[0].participant.short_name == "Mexico"


def test_groups_come_in_capacity_order_and_by_short_name_within():
    meeting = MeetingFactory()
    guest = DelegationFactory(meeting=meeting, participant=ParticipantFactory(short_name="Chile"))
    observer_delegation(meeting, short_name="Canada")
    member_delegation(meeting, short_name="Tonga")
    member_delegation(meeting, short_name="australia")
    organisation = OrganisationFactory(short_name="IOM")
    MembershipPeriodFactory(participant=organisation)
    DelegationFactory(meeting=meeting, participant=organisation)
    secretariat = DelegationFactory(
        meeting=meeting,
        participant=OrganisationFactory(short_name="RSO"),
        capacity_override=Delegation.Capacity.SECRETARIAT,
    )

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert [
        (group.capacity, [entry.participant.short_name for entry in group.delegations])
        for group in result.groups
    ] == [
        ("member", ["australia", "Tonga", "IOM"]),
        ("observer", ["Canada"]),
        ("guest", [guest.participant.short_name]),
        ("secretariat", [secretariat.participant.short_name]),
    ]


def test_delegates_come_head_first_then_alternate_then_by_name_without_an_order(manager_user):
    meeting = MeetingFactory()
    delegation = member_delegation(meeting)
    DelegateFactory(delegation=delegation, name="Zoe Adviser", role=Delegate.Role.ADVISER)
    DelegateFactory(delegation=delegation, name="bob Delegate", role=Delegate.Role.DELEGATE)
    DelegateFactory(delegation=delegation, name="Anna Delegate", role=Delegate.Role.DELEGATE)
    DelegateFactory(delegation=delegation, name="Yusuf Head", role=Delegate.Role.HEAD)
    DelegateFactory(delegation=delegation, name="Xavier Alternate", role=Delegate.Role.ALTERNATE)

    result = participant_list(meeting=meeting, user=manager_user)

    assert [delegate.name for delegate in result.delegations[0].delegates] == [
        "Yusuf Head",
        "Xavier Alternate",
        "Anna Delegate",
        "bob Delegate",
        "Zoe Adviser",
    ]
    assert result.delegations[0].delegates[0].role_label == "Head of delegation"


def test_delegates_after_the_head_and_alternate_come_in_the_order_sent(manager_user):
    meeting = MeetingFactory()
    delegation = member_delegation(meeting)
    DelegateFactory(delegation=delegation, name="Anna Adviser", role=Delegate.Role.ADVISER, order=3)
    DelegateFactory(delegation=delegation, name="Zoe Delegate", order=1)
    DelegateFactory(delegation=delegation, name="Unplaced Person")
    DelegateFactory(delegation=delegation, name="Mia Delegate", order=2)
    DelegateFactory(delegation=delegation, name="Xavier Alternate", role="alternate", order=9)
    DelegateFactory(delegation=delegation, name="Yusuf Head", role=Delegate.Role.HEAD, order=8)

    result = participant_list(meeting=meeting, user=manager_user, version="restricted")

    assert [delegate.name for delegate in result.delegations[0].delegates] == [
        "Yusuf Head",
        "Xavier Alternate",
        "Zoe Delegate",
        "Mia Delegate",
        "Anna Adviser",
        "Unplaced Person",
    ]


# --- Who sees what ------------------------------------------------------------


def _listed_and_unlisted(meeting):
    delegation = member_delegation(meeting)
    DelegateFactory(delegation=delegation, name="Listed Person", role=Delegate.Role.HEAD)
    DelegateFactory(delegation=delegation, name="Unlisted Person", may_be_listed=False)
    return delegation


def test_public_sees_counts_and_no_names():
    meeting = MeetingFactory()
    _listed_and_unlisted(meeting)

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    entry = result.delegations[0]
    assert (result.shows_names, result.shows_contacts) == (False, False)
    assert entry.delegates == []
    assert (entry.named_count, entry.delegate_count, entry.hidden_count) == (2, 2, 2)


def test_plain_signed_in_user_sees_what_the_public_sees(plain_user):
    meeting = MeetingFactory()
    _listed_and_unlisted(meeting)

    result = participant_list(meeting=meeting, user=plain_user)

    assert result.shows_names is False
    assert result.delegations[0].delegates == []


def test_member_official_sees_listed_names_without_contacts(member_user):
    meeting = MeetingFactory()
    _listed_and_unlisted(meeting)

    member_user.has_perm("meetings.see_delegate_names")  # load the permissions first
    with CaptureQueriesContext(connection) as queries:
        result = participant_list(meeting=meeting, user=member_user, with_contacts=True)

    entry = result.delegations[0]
    assert (result.shows_names, result.shows_contacts) == (True, False)
    assert [delegate.name for delegate in entry.delegates] == ["Listed Person"]
    assert (entry.delegates[0].email, entry.delegates[0].phone) == ("", "")
    assert entry.hidden_count == 1
    # Contact details are not even read from the database for this list.
    delegate_queries = [
        q["sql"] for q in queries.captured_queries if "meetings_delegate" in q["sql"]
    ]
    assert delegate_queries
    assert not any('"email"' in sql or '"phone"' in sql for sql in delegate_queries)


def test_secretariat_get_the_circulation_list_unless_they_ask_for_the_restricted_one(
    editor_user,
):
    meeting = MeetingFactory()
    _listed_and_unlisted(meeting)

    by_default = participant_list(meeting=meeting, user=editor_user)
    restricted = participant_list(meeting=meeting, user=editor_user, version="restricted")
    widest = participant_list(meeting=meeting, user=editor_user, with_contacts=True)

    assert by_default.version.key == "circulation"
    assert [delegate.name for delegate in by_default.delegations[0].delegates] == ["Listed Person"]
    assert by_default.delegations[0].note == "And 1 more delegate who asked not to be listed."
    assert by_default.shows_contacts is False
    assert by_default.delegations[0].delegates[0].email == ""
    assert [delegate.name for delegate in restricted.delegations[0].delegates] == [
        "Listed Person",
        "Unlisted Person",
    ]
    assert (restricted.shows_contacts, restricted.delegations[0].note) == (True, "")
    first = restricted.delegations[0].delegates[0]
    assert (first.email, first.phone) != ("", "")
    assert widest.version == restricted.version


def test_unpublished_meeting_is_not_found_for_public_and_member(member_user, editor_user):
    meeting = MeetingFactory(is_published=False)

    for user in (ANONYMOUS, member_user):
        with pytest.raises(Meeting.DoesNotExist):
            participant_list_meeting(meeting.slug, user=user)
    assert participant_list_meeting(meeting.slug, user=editor_user) == meeting


@pytest.mark.parametrize("item_count", [1, 3])
def test_participant_list_reads_a_constant_number_of_queries(
    item_count, member_user, django_assert_num_queries
):
    meeting = MeetingFactory()
    for _ in range(item_count):
        delegation = member_delegation(meeting)
        DelegateFactory.create_batch(item_count, delegation=delegation)
    member_user.has_perm("meetings.see_delegate_names")  # the permissions, loaded once

    # Delegations, delegates, co-chairs and hosts.
    with django_assert_num_queries(3):
        result = participant_list(meeting=meeting, user=member_user)
        names = [
            delegate.display_name for entry in result.delegations for delegate in entry.delegates
        ]

    assert len(names) == item_count * item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_public_participant_list_is_two_queries(item_count, django_assert_num_queries):
    meeting = MeetingFactory()
    for _ in range(item_count):
        DelegateFactory.create_batch(item_count, delegation=member_delegation(meeting))

    # Delegations, and co-chairs and hosts: no names, so no delegates.
    with django_assert_num_queries(2):
        result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.delegate_total == item_count * item_count


# --- Counting delegates -------------------------------------------------------


def test_total_is_the_sum_of_the_larger_of_names_and_reported_head_count(editor_user):
    meeting = MeetingFactory()
    named = member_delegation(meeting)
    DelegateFactory.create_batch(3, delegation=named)
    reported = member_delegation(meeting)
    reported.reported_head_count = 5
    reported.save()
    both = member_delegation(meeting)
    both.reported_head_count = 1
    both.save()
    DelegateFactory.create_batch(2, delegation=both)

    result = participant_list(meeting=meeting, user=editor_user)

    assert [entry.delegate_count for entry in result.delegations] == [3, 5, 2]
    assert result.delegate_total == 10
    assert result.summary == "10 delegates representing three countries"


def test_reported_meeting_total_is_used_when_names_were_not_all_recorded():
    meeting = MeetingFactory(reported_delegate_total=139)
    DelegateFactory.create_batch(2, delegation=member_delegation(meeting))

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.delegate_total == 139


def test_recorded_names_beyond_the_reported_total_are_counted():
    meeting = MeetingFactory(reported_delegate_total=1)
    DelegateFactory.create_batch(2, delegation=member_delegation(meeting))

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.summary == "two delegates representing one country"


def test_no_number_when_nothing_is_known():
    meeting = MeetingFactory()
    member_delegation(meeting)
    observer_delegation(meeting, participant=OrganisationFactory())

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.delegate_total is None
    assert result.delegations[0].delegate_count is None
    assert result.summary == "delegations of one country and one international organisation"
    assert result.summary_sentence == (
        "The meeting was attended by delegations of one country and one international organisation."
    )


def test_meeting_without_delegations_says_so():
    meeting = MeetingFactory()

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert (result.groups, result.summary, result.attendance) == ([], "", [])
    assert result.summary_sentence == "No delegations have been recorded for this meeting."


def test_meeting_with_only_a_reported_total_gives_the_number():
    meeting = MeetingFactory(reported_delegate_total=40)

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.summary_sentence == "The meeting was attended by 40 delegates."


def test_summary_of_a_meeting_not_yet_held_is_in_the_future():
    meeting = MeetingFactory(status=Meeting.Status.PLANNED, reported_delegate_total=12)
    member_delegation(meeting, short_name="Australia")
    observer_delegation(meeting, short_name="Canada")

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.summary_sentence == (
        "The meeting is to be attended by 12 delegates representing two countries."
    )
    assert result.attendance == [
        "The meeting is to be attended by Australia.",
        "Canada is also to participate as an observer.",
    ]


def test_planned_meeting_observers_are_to_participate():
    meeting = MeetingFactory(status=Meeting.Status.PLANNED)
    member_delegation(meeting, short_name="Australia")
    observer_delegation(meeting, short_name="Austria")
    observer_delegation(meeting, short_name="Canada")

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.attendance[1] == (
        "The following countries are also to participate as observers: Austria and Canada."
    )


def test_cancelled_meeting_says_so_and_describes_no_attendance():
    registered = MeetingFactory(status=Meeting.Status.CANCELLED)
    member_delegation(registered, short_name="Australia")
    empty = MeetingFactory(status=Meeting.Status.CANCELLED)

    result = participant_list(meeting=registered, user=ANONYMOUS)

    assert result.summary_sentence == (
        "The meeting was cancelled. Registered: delegations of one country."
    )
    assert result.attendance == []
    assert participant_list(meeting=empty, user=ANONYMOUS).summary_sentence == (
        "The meeting was cancelled."
    )


@pytest.mark.parametrize(
    ("number", "singular", "plural", "expected"),
    [
        (1, "delegate", None, "one delegate"),
        (2, "delegate", None, "two delegates"),
        (9, "international organisation", None, "nine international organisations"),
        (1, "country", "countries", "one country"),
        (10, "country", "countries", "10 countries"),
        (47, "country", "countries", "47 countries"),
        (2000, "delegate", None, "2,000 delegates"),
    ],
)
def test_count_phrase_writes_numbers_below_ten_in_words(number, singular, plural, expected):
    assert count_phrase(number, singular, plural) == expected


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ([Participant.Kind.INTERNATIONAL_ORGANISATION], "international"),
        ([Participant.Kind.REGIONAL_ORGANISATION], "regional"),
        (
            [Participant.Kind.REGIONAL_ORGANISATION, Participant.Kind.INTERNATIONAL_ORGANISATION],
            "international and regional",
        ),
        ([Participant.Kind.STATE], ""),
    ],
)
def test_organisation_kinds_word_follows_the_organisations_kinds(kinds, expected):
    participants = [Participant(kind=kind) for kind in kinds]

    assert organisation_kinds_word(participants) == expected


def test_summary_names_regional_organisations_only():
    meeting = MeetingFactory()
    for _ in range(2):
        observer_delegation(meeting, participant=RegionalOrganisationFactory())
    DelegateFactory(delegation=Delegation.objects.filter(meeting=meeting).first())

    result = participant_list(meeting=meeting, user=ANONYMOUS)

    assert result.summary == "one delegate representing two regional organisations"
