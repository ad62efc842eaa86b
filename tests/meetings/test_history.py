"""History is kept for meetings saved through any per-kind proxy."""

import datetime

import pytest

from meetings.models import (
    AdHocGroupMeeting,
    Meeting,
    MinisterialConference,
    OtherMeeting,
    SeniorOfficialsMeeting,
    SteeringGroupMeeting,
    WorkingGroupMeeting,
)
from workshops.models import Workshop

pytestmark = pytest.mark.django_db

PROXIES = [
    (MinisterialConference, Meeting.Kind.MINISTERIAL_CONFERENCE),
    (SeniorOfficialsMeeting, Meeting.Kind.SENIOR_OFFICIALS_MEETING),
    (SteeringGroupMeeting, Meeting.Kind.STEERING_GROUP_MEETING),
    (AdHocGroupMeeting, Meeting.Kind.AD_HOC_GROUP_MEETING),
    (WorkingGroupMeeting, Meeting.Kind.WORKING_GROUP_MEETING),
    (OtherMeeting, Meeting.Kind.OTHER),
    (Workshop, Meeting.Kind.WORKSHOP),
]


@pytest.mark.parametrize(("proxy", "kind"), PROXIES, ids=[p.__name__ for p, _ in PROXIES])
def test_saving_and_deleting_through_a_proxy_is_recorded_in_history(proxy, kind):
    meeting = proxy(kind=kind, start_date=datetime.date(2013, 4, 1), city="Bali")
    meeting.full_clean()
    meeting.save()
    meeting.city = "Jakarta"
    meeting.save()
    pk = meeting.pk

    meeting.delete()

    history = Meeting.history.filter(id=pk).order_by("history_date", "history_id")
    assert [(h.history_type, h.city) for h in history] == [
        ("+", "Bali"),
        ("~", "Jakarta"),
        ("-", "Jakarta"),
    ]


def test_saving_through_meeting_itself_records_one_entry():
    meeting = Meeting(kind=Meeting.Kind.WORKSHOP, start_date=datetime.date(2004, 3, 1))
    meeting.full_clean()
    meeting.save()

    assert Meeting.history.filter(id=meeting.pk).count() == 1
