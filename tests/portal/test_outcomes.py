"""The outcome register (/outcomes/) and an outcome's page (/outcomes/<pk>/)."""

import datetime

import pytest

from baliprocess.lib.dates import DatePrecision
from meetings.models import Document
from tests import factories
from tests.portal.html import item_titles, main_text, messages
from workshops.models import Outcome, OutcomeLink, OutcomeStatus

pytestmark = pytest.mark.django_db

STATUS = OutcomeStatus.Status


def _outcome(title, *, statuses=(), **fields):
    outcome = factories.OutcomeFactory(title=title, **fields)
    for status, date in statuses:
        factories.OutcomeStatusFactory(outcome=outcome, status=status, date=date)
    return outcome


# --- The register ---------------------------------------------------------------------


def test_outcome_list_shows_visible_outcomes_newest_first_with_current_status(client):
    som = factories.MeetingFactory(start_date=datetime.date(2004, 6, 7))
    _outcome(
        "Discontinue the AHEGs",
        source_meeting=som,
        statuses=[
            (STATUS.PROPOSED, datetime.date(2004, 6, 8)),
            (STATUS.COMPLETED, datetime.date(2005, 1, 1)),
        ],
    )
    _outcome(
        "Establish a working group",
        source_meeting=factories.MeetingFactory(start_date=datetime.date(2013, 4, 1)),
    )
    _outcome("Draft decision", source_meeting=factories.MeetingFactory(is_published=False))

    response = client.get("/outcomes/")
    text = main_text(response)

    assert item_titles(response) == ["Establish a working group", "Discontinue the AHEGs"]
    assert "Status: Completed" in text


def test_outcome_list_shows_pledges_with_amount_and_who_pledged(client):
    japan = factories.ParticipantFactory(short_name="Japan")
    _outcome(
        "Funding for the website",
        kind=Outcome.Kind.PLEDGE,
        amount=10000,
        currency="USD",
        responsible_participants=[japan],
    )

    response = client.get("/outcomes/")

    assert "Responsible: Japan. Amount: USD 10,000." in main_text(response)


def test_outcome_list_filters_by_kind_status_and_year(client):
    _outcome("A pledge", kind=Outcome.Kind.PLEDGE, amount=1, currency="USD")
    _outcome(
        "Endorsed in 2013",
        date=datetime.date(2013, 4, 1),
        source_meeting=factories.MeetingFactory(start_date=datetime.date(2013, 4, 1)),
        statuses=[(STATUS.ENDORSED, datetime.date(2013, 4, 1))],
    )
    _outcome(
        "Once endorsed, now completed",
        statuses=[
            (STATUS.ENDORSED, datetime.date(2004, 6, 20)),
            (STATUS.COMPLETED, datetime.date(2005, 1, 1)),
        ],
    )

    by_kind = client.get("/outcomes/", {"kind": "pledge"})
    by_status = client.get("/outcomes/", {"status": "endorsed"})
    by_year = client.get("/outcomes/", {"year": "2013"})

    assert item_titles(by_kind) == ["A pledge"]
    assert item_titles(by_status) == ["Endorsed in 2013"]
    assert item_titles(by_year) == ["Endorsed in 2013"]


def test_outcome_list_filters_by_group_from_or_responsible(client):
    ahg = factories.GroupFactory(slug="ahg")
    _outcome("From the AHG", source_group=ahg)
    _outcome("For the AHG", responsible_group=ahg)
    _outcome("Unrelated")

    response = client.get("/outcomes/", {"group": "ahg"})

    assert sorted(item_titles(response)) == ["For the AHG", "From the AHG"]


def test_outcome_list_filters_by_meeting_from_or_recorded_at(client):
    fourth_mc = factories.MeetingFactory(start_date=datetime.date(2011, 3, 1))
    fifth_som = factories.MeetingFactory(start_date=datetime.date(2013, 4, 1), slug="fifth-som")
    _outcome("From the SOM", source_meeting=fifth_som)
    task = _outcome("Task of 2011", source_meeting=fourth_mc)
    factories.OutcomeStatusFactory(
        outcome=task, status=STATUS.IN_PROGRESS, meeting=fifth_som, date=fifth_som.start_date
    )
    _outcome("Unrelated", source_meeting=fourth_mc)

    response = client.get("/outcomes/", {"meeting": "fifth-som"})

    assert item_titles(response) == ["From the SOM", "Task of 2011"]


def test_outcome_list_filters_by_responsible_participant(client):
    japan = factories.ParticipantFactory(short_name="Japan", slug="japan")
    _outcome("Japan's pledge", responsible_participants=[japan])
    _outcome("Nobody's")

    response = client.get("/outcomes/", {"participant": "japan"})

    assert item_titles(response) == ["Japan's pledge"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "wish"}, "Kind: “wish” is not a kind of outcome the record knows."),
        ({"status": "forgotten"}, "Current status: “forgotten” is not a status the record knows."),
        ({"meeting": "nowhere"}, "Meeting: No meeting matches “nowhere” among those you can see."),
        ({"year": "-2004"}, "Year: Give a year from 1990 to 2100."),
    ],
)
def test_outcome_list_names_a_bad_filter_value(client, query, message):
    _outcome("An outcome")

    response = client.get("/outcomes/", query)

    assert messages(response)[0].endswith(message)
    assert item_titles(response) == []


def _register_of(count):
    group = factories.GroupFactory()
    for _ in range(count):
        outcome = _outcome(
            "Outcome",
            source_group=group,
            responsible_group=group,
            responsible_participants=[factories.ParticipantFactory()],
        )
        factories.OutcomeStatusFactory(outcome=outcome)


@pytest.mark.parametrize("item_count", [1, 3])
def test_outcome_list_query_count_is_fixed(client, django_assert_num_queries, item_count):
    _register_of(item_count)

    # count, page (status annotated; sources joined), responsible participants,
    # and the groups menu (a meeting and a participant are typed)
    with django_assert_num_queries(4):
        client.get("/outcomes/")


@pytest.mark.parametrize("item_count", [1, 3])
def test_outcome_list_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    _register_of(item_count)

    with django_assert_num_queries(8):
        member_client.get("/outcomes/")


# --- An outcome's page ---------------------------------------------------------------


def test_outcome_page_shows_source_citation_responsibility_and_amount(client):
    som = factories.MeetingFactory(
        custom_title="Senior Officials Meeting, Brisbane 2004", start_date=datetime.date(2004, 6, 7)
    )
    report = factories.DocumentFactory(title="Report to Ministers", meeting=som)
    japan = factories.ParticipantFactory(short_name="Japan")
    pledge = _outcome(
        "Funding for the website",
        kind=Outcome.Kind.PLEDGE,
        source_meeting=som,
        source_document=report,
        paragraph="19",
        amount=10000,
        currency="USD",
        responsible_participants=[japan],
        text="Japan pledged US$10,000 for the upkeep and management of the website.",
    )

    response = client.get(pledge.get_absolute_url())
    text = main_text(response)

    assert response.status_code == 200
    assert "Date 7 June 2004" in text
    assert "From the meeting Senior Officials Meeting, Brisbane 2004 (7 June 2004)" in text
    assert "Recorded in Report to Ministers, paragraph 19" in text
    assert "Pledged by Japan" in text
    assert "Amount USD 10,000" in text
    assert "Japan pledged US$10,000" in text


def test_outcome_page_shows_its_status_timeline_with_citations(client):
    fifth_som = factories.MeetingFactory(
        custom_title="Fifth Senior Officials Meeting", start_date=datetime.date(2013, 4, 1)
    )
    outcomes_2013 = factories.DocumentFactory(title="Co-Chairs' outcomes", meeting=fifth_som)
    recommendation = _outcome(
        "Establish a working group on trafficking in persons",
        source_meeting=None,
        source_group=factories.GroupFactory(),
        date=datetime.date(2013, 1, 1),
        date_precision=DatePrecision.YEAR,
    )
    factories.OutcomeStatusFactory(
        outcome=recommendation,
        status=STATUS.PROPOSED,
        date=datetime.date(2013, 1, 1),
        date_precision=DatePrecision.YEAR,
    )
    factories.OutcomeStatusFactory(
        outcome=recommendation,
        status=STATUS.ENDORSED,
        date=datetime.date(2013, 4, 1),
        meeting=fifth_som,
        document=outcomes_2013,
    )

    response = client.get(recommendation.get_absolute_url())
    text = main_text(response)

    assert "Recommendation, now endorsed." in text
    assert (
        "2013: Proposed 1 April 2013: Endorsed At Fifth Senior Officials Meeting. "
        "Recorded in Co-Chairs' outcomes." in text
    )
    assert "1 January 2013" not in text


def test_outcome_page_does_not_cite_what_the_viewer_may_not_read(client):
    note = factories.DocumentFactory(
        title="Secretariat note", visibility=Document.Visibility.SECRETARIAT
    )
    outcome = _outcome("Outcome", source_document=note, paragraph="4")
    factories.OutcomeStatusFactory(outcome=outcome, document=note)

    response = client.get(outcome.get_absolute_url())

    assert "Secretariat note" not in response.text
    assert "Paragraph 4" in main_text(response)


def test_outcome_page_shows_its_links_both_ways(client):
    task = _outcome("Enhance cooperation on trafficking", kind=Outcome.Kind.TASK)
    recommendation = _outcome("Establish a working group")
    endorsement = _outcome("Endorse the working group", kind=Outcome.Kind.ENDORSEMENT)
    hidden = _outcome(
        "Draft follow-up", source_meeting=factories.MeetingFactory(is_published=False)
    )
    factories.OutcomeLinkFactory(
        from_outcome=recommendation, relation=OutcomeLink.Relation.FOLLOWS, to_outcome=task
    )
    factories.OutcomeLinkFactory(from_outcome=endorsement, to_outcome=recommendation)
    factories.OutcomeLinkFactory(
        from_outcome=hidden, relation=OutcomeLink.Relation.FOLLOWS, to_outcome=recommendation
    )

    response = client.get(recommendation.get_absolute_url())
    text = main_text(response)

    assert "This recommendation follows from Enhance cooperation on trafficking (task," in text
    assert "This recommendation is endorsed by Endorse the working group (endorsement," in text
    assert "Draft follow-up" not in text


@pytest.mark.parametrize("who", ["client", "member_client"])
def test_outcome_of_an_unpublished_meeting_is_not_found(request, who):
    outcome = _outcome("Draft", source_meeting=factories.MeetingFactory(is_published=False))

    response = request.getfixturevalue(who).get(outcome.get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/outcomes/999999/", "/outcomes/" + "9" * 30 + "/"])
def test_unknown_outcome_is_not_found(client, url):
    assert client.get(url).status_code == 404


def _outcome_with(count):
    document = factories.DocumentFactory()
    outcome = _outcome(
        "Outcome",
        source_group=factories.GroupFactory(),
        responsible_group=factories.GroupFactory(),
        source_document=document,
    )
    for _ in range(count):
        outcome.responsible_participants.add(factories.ParticipantFactory())
        factories.OutcomeStatusFactory(
            outcome=outcome, meeting=outcome.source_meeting, document=document
        )
        factories.OutcomeLinkFactory(from_outcome=outcome)
        factories.OutcomeLinkFactory(to_outcome=outcome)
    return outcome


@pytest.mark.parametrize("item_count", [1, 3])
def test_outcome_page_query_count_is_fixed(client, django_assert_num_queries, item_count):
    outcome = _outcome_with(item_count)

    # outcome, responsible participants, timeline, links out, links in, and the
    # sources of them all
    with django_assert_num_queries(6):
        client.get(outcome.get_absolute_url())


@pytest.mark.parametrize("item_count", [1, 3])
def test_outcome_page_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    outcome = _outcome_with(item_count)

    with django_assert_num_queries(10):
        member_client.get(outcome.get_absolute_url())
