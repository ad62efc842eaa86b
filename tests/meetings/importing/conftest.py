"""The meeting and participants most delegate-import tests import into."""

import pytest

from tests.factories import MeetingFactory, MembershipPeriodFactory, ParticipantFactory


@pytest.fixture
def meeting():
    return MeetingFactory(custom_title="Fifth Senior Officials Meeting")


@pytest.fixture
def australia():
    participant = ParticipantFactory(
        name="Commonwealth of Australia", short_name="Australia", country="AU"
    )
    MembershipPeriodFactory(participant=participant)
    return participant


@pytest.fixture
def indonesia():
    participant = ParticipantFactory(
        name="Republic of Indonesia", short_name="Indonesia", country="ID"
    )
    MembershipPeriodFactory(participant=participant)
    return participant


@pytest.fixture
def viet_nam():
    participant = ParticipantFactory(
        name="Socialist Republic of Viet Nam", short_name="Viet Nam", country="VN"
    )
    MembershipPeriodFactory(participant=participant)
    return participant
