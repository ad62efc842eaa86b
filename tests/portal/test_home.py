"""The home page: what the Bali Process is, its meetings, outcomes, documents and figures."""

import datetime

import pytest
from django.utils import timezone

from meetings.models import Document, Meeting
from membership.models import MembershipPeriod
from tests import factories
from tests.portal import builders
from tests.portal.html import headings, main_text

pytestmark = pytest.mark.django_db


def _days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _section(response, heading: str) -> str:
    """The words of the home page's section under the h2 `heading`, up to the next h2."""
    text = main_text(response)
    sections = [name for level, name in headings(response) if level in ("h1", "h2")]
    start = text.index(heading)
    following = sections[sections.index(heading) + 1 :]
    end = text.index(following[0], start) if following else len(text)
    return text[start:end]


def test_home_page_says_what_the_bali_process_is(client):
    response = client.get("/")

    assert response.status_code == 200
    assert headings(response)[0] == ("h1", "The record of the Bali Process")
    assert "founded in February 2002 and is co-chaired by Indonesia and Australia" in (
        main_text(response)
    )


def test_home_page_lists_upcoming_and_recent_meetings_the_viewer_may_see(client):
    factories.MeetingFactory(
        custom_title="Next SOM", start_date=_days_from_today(30), status=Meeting.Status.PLANNED
    )
    factories.MeetingFactory(
        custom_title="Unannounced", start_date=_days_from_today(60), is_published=False
    )
    factories.MeetingFactory(custom_title="Last SOM", start_date=_days_from_today(-30))
    factories.MeetingFactory(
        custom_title="Cancelled", start_date=_days_from_today(10), status=Meeting.Status.CANCELLED
    )

    response = client.get("/")

    assert "Next SOM" in _section(response, "Upcoming meetings")
    assert "Last SOM" in _section(response, "Recent meetings")
    assert "Unannounced" not in response.text
    assert "Cancelled" not in _section(response, "Upcoming meetings")


def test_home_page_lists_recent_outcomes_and_documents_the_viewer_may_see(
    anonymous_client, member_client
):
    factories.DocumentFactory(title="Public statement")
    factories.DocumentFactory(title="Members paper", visibility=Document.Visibility.MEMBERS)
    factories.OutcomeFactory(title="Public outcome")
    factories.OutcomeFactory(
        title="Draft outcome", source_meeting=factories.MeetingFactory(is_published=False)
    )

    anonymous = anonymous_client.get("/")
    member = member_client.get("/")

    assert "Public statement" in _section(anonymous, "Recent documents")
    assert "Members paper" not in anonymous.text
    assert "Members paper" in _section(member, "Recent documents")
    assert "Public outcome" in _section(anonymous, "Recent outcomes")
    assert "Draft outcome" not in anonymous.text


def test_home_page_counts_members_observers_meetings_and_workshops(client):
    for _ in range(3):
        builders.member()
    builders.observer_organisation()
    former = factories.ParticipantFactory()
    factories.MembershipPeriodFactory(
        participant=former,
        status=MembershipPeriod.Status.OBSERVER,
        end_date=datetime.date(2013, 4, 1),
    )
    factories.MeetingFactory(start_date=datetime.date(2004, 6, 7))
    factories.MeetingFactory(start_date=datetime.date(2013, 4, 1))
    factories.MeetingFactory(start_date=_days_from_today(30), status=Meeting.Status.PLANNED)
    factories.MeetingFactory(is_published=False)
    factories.WorkshopFactory(start_date=datetime.date(2004, 3, 1))

    response = client.get("/")
    text = main_text(response)

    assert "3 members today" in text
    assert "1 observer today" in text
    assert "2 meetings held" in text
    assert "1 workshop held" in text


def _home_of(count):
    for index in range(count):
        builders.full_meeting(start_date=_days_from_today(-10 - index))
        factories.MeetingFactory(start_date=_days_from_today(10 + index))


@pytest.mark.parametrize("item_count", [1, 3])
def test_home_page_query_count_is_fixed(client, django_assert_num_queries, item_count):
    _home_of(item_count)

    # statuses today, meeting figures, upcoming, recent, outcomes, documents
    with django_assert_num_queries(6):
        client.get("/")


@pytest.mark.parametrize("item_count", [1, 3])
def test_home_page_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    _home_of(item_count)

    with django_assert_num_queries(10):
        member_client.get("/")
