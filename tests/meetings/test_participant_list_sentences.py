"""The participant list's sentences: names in running text and the attendance
paragraphs (meetings.selectors)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from meetings.models import Delegation
from meetings.selectors import (
    attendance_paragraphs,
    join_in_text,
    participant_list,
    participant_name_in_text,
)
from membership.models import Participant
from tests.factories import (
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
)
from tests.meetings.participant_list_support import member_delegation, observer_delegation

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


# --- Names in running text, and the attendance paragraphs ----------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "state", "short_name": "Australia"}, "Australia"),
        (
            {"kind": "state", "short_name": "United States of America"},
            "the United States of America",
        ),
        ({"kind": "state", "short_name": "Republic of Korea"}, "the Republic of Korea"),
        ({"kind": "state", "short_name": "Russian Federation"}, "the Russian Federation"),
        ({"kind": "state", "short_name": "Netherlands"}, "the Netherlands"),
        ({"kind": "state", "short_name": "Philippines"}, "the Philippines"),
        ({"kind": "state", "short_name": "Solomon Islands"}, "Solomon Islands"),
        ({"kind": "territory", "short_name": "France (New Caledonia)"}, "France (New Caledonia)"),
        (
            {
                "kind": "international_organisation",
                "name": "International Labor Organization",
                "acronym": "ILO",
            },
            "the International Labor Organization (ILO)",
        ),
        ({"kind": "international_organisation", "name": "Interpol", "acronym": ""}, "Interpol"),
        (
            {"kind": "regional_organisation", "name": "The Budapest Process", "acronym": ""},
            "the Budapest Process",
        ),
        ({"kind": "regional_organisation", "name": "ASEAN", "acronym": "ASEAN"}, "ASEAN"),
    ],
)
def test_participant_name_in_text_follows_the_documented_rules(fields, expected):
    participant = Participant(**{"name": fields.get("short_name", ""), **fields})

    assert participant_name_in_text(participant) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["Austria"], "Austria"),
        (["Austria", "Canada"], "Austria and Canada"),
        (["Austria", "Canada", "Finland"], "Austria, Canada and Finland"),
    ],
)
def test_join_in_text_uses_and_before_the_last(items, expected):
    assert join_in_text(items) == expected


def test_join_in_text_with_semicolons_as_the_observers_paragraph():
    assert (
        join_in_text(["Austria", "Canada", "Finland"], separator="; ", last="; and ")
        == "Austria; Canada; and Finland"
    )


def _paragraphs(meeting):
    result = participant_list(meeting=meeting, user=ANONYMOUS)
    return attendance_paragraphs(meeting, result.groups)


def test_one_member_and_one_observer():
    meeting = MeetingFactory()
    member_delegation(meeting, short_name="Australia")
    observer_delegation(meeting, short_name="United States of America")

    assert _paragraphs(meeting) == [
        "The meeting was attended by Australia.",
        "The United States of America also participated as an observer.",
    ]


def test_two_members_two_organisations_and_two_observer_states():
    meeting = MeetingFactory()
    member_delegation(meeting, short_name="Australia")
    member_delegation(meeting, short_name="Indonesia")
    for acronym, name in (
        ("IOM", "International Organization for Migration"),
        ("UNHCR", "UN Refugee Agency"),
    ):
        organisation = OrganisationFactory(short_name=acronym, acronym=acronym, name=name)
        MembershipPeriodFactory(participant=organisation)
        DelegationFactory(meeting=meeting, participant=organisation)
    observer_delegation(meeting, short_name="Austria")
    observer_delegation(meeting, short_name="Canada")

    assert _paragraphs(meeting) == [
        "The meeting was attended by Australia and Indonesia, as well as representatives of "
        "the International Organization for Migration (IOM) and the UN Refugee Agency (UNHCR).",
        "The following countries also participated as observers: Austria and Canada.",
    ]


def test_members_only_organisations_and_observers_only_organisations():
    meeting = MeetingFactory()
    organisation = OrganisationFactory(
        short_name="IOM", acronym="IOM", name="International Organization for Migration"
    )
    MembershipPeriodFactory(participant=organisation)
    DelegationFactory(meeting=meeting, participant=organisation)
    for acronym in ("ILO", "UNDP", "UNODC"):
        observer_delegation(
            meeting,
            participant=OrganisationFactory(
                short_name=acronym, acronym=acronym, name=f"The {acronym} Office"
            ),
        )

    assert _paragraphs(meeting) == [
        "The meeting was attended by representatives of the International Organization for "
        "Migration (IOM).",
        "The following organisations also participated as observers: the ILO Office (ILO); "
        "the UNDP Office (UNDP); and the UNODC Office (UNODC).",
    ]


def test_observers_without_members_are_not_also():
    meeting = MeetingFactory()
    observer_delegation(meeting, short_name="Austria")

    assert _paragraphs(meeting) == ["Austria participated as an observer."]


def test_guests_and_secretariat_have_their_own_sentences():
    meeting = MeetingFactory()
    member_delegation(meeting, short_name="Australia")
    DelegationFactory(meeting=meeting, participant=ParticipantFactory(short_name="Mexico"))
    DelegationFactory(meeting=meeting, participant=ParticipantFactory(short_name="Chile"))
    DelegationFactory(
        meeting=meeting,
        participant=OrganisationFactory(
            short_name="RSO", acronym="RSO", name="Regional Support Office"
        ),
        capacity_override=Delegation.Capacity.SECRETARIAT,
    )

    assert _paragraphs(meeting) == [
        "The meeting was attended by Australia.",
        "The following countries also attended as guests: Chile and Mexico.",
        "Secretariat support was provided by the Regional Support Office (RSO).",
    ]
