"""The meetings list (/meetings/) and a meeting's page (/meetings/<slug>/)."""

import datetime

import pytest

from baliprocess.lib.dates import DatePrecision
from meetings.models import Delegation, Document, Meeting, MeetingRole
from tests import factories
from tests.portal import builders
from tests.portal.html import item_titles, main_text, messages, table_rows
from workshops.models import Outcome, OutcomeStatus

pytestmark = pytest.mark.django_db


# --- The list ---------------------------------------------------------------


def test_meeting_list_shows_published_meetings_newest_first(client):
    factories.MeetingFactory(custom_title="Older", start_date=datetime.date(2003, 4, 1))
    factories.MeetingFactory(custom_title="Newer", start_date=datetime.date(2011, 3, 10))
    factories.MeetingFactory(custom_title="Draft", is_published=False)

    response = client.get("/meetings/")

    assert response.status_code == 200
    assert item_titles(response) == ["Newer", "Older"]


def test_meeting_list_shows_unpublished_meetings_to_staff_labelled(editor_client):
    factories.MeetingFactory(custom_title="Draft", is_published=False)

    response = editor_client.get("/meetings/")

    assert item_titles(response) == ["Draft"]
    assert "Not published" in main_text(response)


def test_meeting_list_names_co_chairs_in_their_order(client):
    meeting = factories.MeetingFactory()
    indonesia = factories.ParticipantFactory(short_name="Indonesia")
    australia = factories.ParticipantFactory(short_name="Australia")
    factories.MeetingRoleFactory(meeting=meeting, participant=indonesia, order=0)
    factories.MeetingRoleFactory(meeting=meeting, participant=australia, order=1)

    response = client.get("/meetings/")

    assert "Co-chaired by Indonesia and Australia." in main_text(response)


def test_meeting_list_shows_dates_at_their_precision(client):
    factories.MeetingFactory(
        start_date=datetime.date(2003, 4, 1), date_precision=DatePrecision.MONTH
    )

    response = client.get("/meetings/")

    assert '<time datetime="2003-04">April 2003</time>' in response.text
    assert "1 April 2003" not in response.text


def test_meeting_list_filters_by_kind(client):
    factories.MeetingFactory(custom_title="A conference", kind=Meeting.Kind.MINISTERIAL_CONFERENCE)
    factories.MeetingFactory(custom_title="A SOM", kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING)

    response = client.get("/meetings/", {"kind": "ministerial_conference"})

    assert item_titles(response) == ["A conference"]


def test_meeting_list_filters_by_year_whatever_the_precision(client):
    factories.MeetingFactory(
        custom_title="Known to the year",
        start_date=datetime.date(2004, 1, 1),
        date_precision=DatePrecision.YEAR,
    )
    factories.MeetingFactory(custom_title="In June", start_date=datetime.date(2004, 6, 7))
    factories.MeetingFactory(custom_title="Other year", start_date=datetime.date(2005, 6, 7))

    response = client.get("/meetings/", {"year": "2004"})

    assert item_titles(response) == ["In June", "Known to the year"]


def test_meeting_list_filters_by_date_range(client):
    factories.MeetingFactory(custom_title="Before", start_date=datetime.date(2004, 5, 31))
    factories.MeetingFactory(custom_title="Inside", start_date=datetime.date(2004, 6, 7))
    factories.MeetingFactory(custom_title="After", start_date=datetime.date(2004, 7, 1))

    response = client.get("/meetings/", {"date_from": "2004-06-01", "date_to": "2004-06-30"})

    assert item_titles(response) == ["Inside"]


def test_meeting_list_filters_by_host_country(client):
    factories.MeetingFactory(custom_title="Brisbane", city="Brisbane", country="AU")
    factories.MeetingFactory(custom_title="Bali", city="Bali", country="ID")

    response = client.get("/meetings/", {"country": "AU"})

    assert item_titles(response) == ["Brisbane"]


def test_meeting_list_finds_a_host_country_by_name(client):
    factories.MeetingFactory(custom_title="Brisbane", country="AU")
    factories.MeetingFactory(custom_title="Suva", country="FJ")

    response = client.get("/meetings/", {"country": "fiji"})

    assert item_titles(response) == ["Suva"]


def test_meeting_list_finds_only_host_countries_of_visible_meetings(client):
    factories.MeetingFactory(country="AU")
    factories.MeetingFactory(country="FJ", is_published=False)

    response = client.get("/meetings/", {"country": "Fiji"})

    assert messages(response)[0].endswith(
        "Host country: No host country matches “Fiji” among those you can see."
    )
    assert item_titles(response) == []


def test_meeting_list_filters_by_participant_that_attended(client):
    thailand = factories.ParticipantFactory(short_name="Thailand", slug="thailand")
    attended = factories.MeetingFactory(custom_title="Attended")
    factories.MeetingFactory(custom_title="Not attended")
    factories.DelegationFactory(meeting=attended, participant=thailand)

    response = client.get("/meetings/", {"participant": "thailand"})

    assert item_titles(response) == ["Attended"]


def test_meeting_list_filters_by_words_in_title_summary_or_city(client):
    factories.MeetingFactory(custom_title="In Brisbane", city="Brisbane")
    factories.MeetingFactory(custom_title="About passports", summary="Lost and stolen passports")
    factories.MeetingFactory(custom_title="Elsewhere", city="Bali")

    by_city = client.get("/meetings/", {"q": "brisbane"})
    by_summary = client.get("/meetings/", {"q": "stolen passports"})

    assert item_titles(by_city) == ["In Brisbane"]
    assert item_titles(by_summary) == ["About passports"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"year": "abc"}, "Year: “abc” is not a year: write it as four digits, e.g. 2004."),
        ({"year": "20040"}, "Year: Give a year from 1990 to 2100."),
        ({"year": "1066"}, "Year: Give a year from 1990 to 2100."),
        ({"kind": "banquet"}, "Kind: “banquet” is not a kind of meeting the record knows."),
        (
            {"participant": "atlantis"},
            "Attended by: No participant matches “atlantis” among those you can see.",
        ),
        (
            {"participant": "no slug at all!"},
            "Attended by: No participant matches “no slug at all!” among those you can see.",
        ),
        (
            {"country": "XX"},
            "Host country: No host country matches “XX” among those you can see.",
        ),
        (
            {"date_from": "2004-13-45"},
            "From: “2004-13-45” is not a date: write it as YYYY-MM-DD, e.g. 2004-06-07.",
        ),
        (
            {"date_from": "2004-06-30", "date_to": "2004-06-01"},
            "To: The end of the range (1 June 2004) is before its start (30 June 2004).",
        ),
        (
            {"q": "x" * 201},
            "Words: Search text can be at most 200 characters; this has 201.",
        ),
    ],
)
def test_meeting_list_names_a_bad_filter_value_and_lists_nothing(client, query, message):
    factories.MeetingFactory(custom_title="Brisbane")

    response = client.get("/meetings/", query)

    assert response.status_code == 200
    assert messages(response)[0].endswith(message)
    assert item_titles(response) == []


def test_meeting_list_refuses_a_nul_byte_without_an_error(client):
    factories.MeetingFactory()

    response = client.get("/meetings/?participant=a%00b&q=a%00b")

    assert response.status_code == 200
    assert "Words: Null characters are not allowed." in messages(response)[0]
    assert item_titles(response) == []


def test_meeting_list_ignores_parameters_it_does_not_know(client):
    factories.MeetingFactory(custom_title="Brisbane")

    response = client.get("/meetings/", {"utm_source": "newsletter"})

    assert item_titles(response) == ["Brisbane"]
    assert messages(response) == []


def test_meeting_list_paginates_keeping_the_filters(client):
    for day in range(1, 23):
        factories.MeetingFactory(start_date=datetime.date(2004, 6, day))
    factories.MeetingFactory(start_date=datetime.date(2005, 1, 1))

    first = client.get("/meetings/", {"year": "2004"})
    second = client.get("/meetings/", {"year": "2004", "page": "2"})

    assert len(item_titles(first)) == 20
    assert 'href="?year=2004&amp;page=2" rel="next"' in first.text
    assert len(item_titles(second)) == 2
    assert 'href="?year=2004&amp;page=1" rel="prev"' in second.text


@pytest.mark.parametrize(
    ("page", "message", "shown"),
    [
        ("999", "There is no page 999; this list has 2 pages. Here is page 2.", 1),
        ("abc", "“abc” is not a page number; here is the first page.", 20),
        ("0", "Pages are numbered from 1; “0” is not one. Here is the first page.", 20),
        ("-3", "Pages are numbered from 1; “-3” is not one. Here is the first page.", 20),
        (
            "9" * 40,
            "There is no page 99999999999999999999…; this list has 2 pages. Here is page 2.",
            1,
        ),
        ("last", None, 1),
    ],
)
def test_meeting_list_answers_a_bad_page_number_with_a_message(client, page, message, shown):
    for day in range(1, 22):
        factories.MeetingFactory(start_date=datetime.date(2004, 6, day))

    response = client.get("/meetings/", {"page": page})

    assert response.status_code == 200
    assert messages(response) == ([message] if message else [])
    assert len(item_titles(response)) == shown


def test_meeting_list_past_the_end_of_an_empty_list_says_so(client):
    response = client.get("/meetings/", {"page": "2"})

    assert response.status_code == 200
    assert messages(response) == ["There is no page 2; this list has one page. Here is page 1."]


def _meetings_with_everything(count):
    return [
        builders.full_meeting(start_date=datetime.date(2004, 6, 7 + index))
        for index in range(count)
    ]


@pytest.mark.parametrize("item_count", [1, 3])
def test_meeting_list_query_count_is_fixed_for_the_public(
    client, django_assert_num_queries, item_count
):
    _meetings_with_everything(item_count)

    # count, page, roles with participants, the groups menu (typed filters cost nothing)
    with django_assert_num_queries(4):
        client.get("/meetings/")


@pytest.mark.parametrize("item_count", [1, 3])
def test_meeting_list_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    _meetings_with_everything(item_count)

    # session, user, the user's and the groups' permissions, then as for the public
    with django_assert_num_queries(8):
        member_client.get("/meetings/")


@pytest.mark.parametrize("item_count", [1, 3])
def test_meeting_list_query_count_is_fixed_when_filtered(
    client, django_assert_num_queries, item_count
):
    meetings = _meetings_with_everything(item_count)
    slug = meetings[0].delegations.first().participant.slug

    # as unfiltered, plus the participant named in the address
    with django_assert_num_queries(5):
        client.get("/meetings/", {"participant": slug, "year": "2004"})


# --- A meeting's page --------------------------------------------------------


def test_meeting_page_says_who_co_chaired_in_order_and_where_when(client):
    meeting = factories.MeetingFactory(
        kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING,
        start_date=datetime.date(2004, 6, 7),
        end_date=datetime.date(2004, 6, 8),
        city="Brisbane",
        country="AU",
    )
    australia = factories.ParticipantFactory(short_name="Australia")
    indonesia = factories.ParticipantFactory(short_name="Indonesia")
    factories.MeetingRoleFactory(meeting=meeting, participant=australia, order=0)
    factories.MeetingRoleFactory(meeting=meeting, participant=indonesia, order=1)
    factories.MeetingRoleFactory(meeting=meeting, participant=australia, role=MeetingRole.Role.HOST)

    response = client.get(meeting.get_absolute_url())
    text = main_text(response)

    assert response.status_code == 200
    assert "Senior Officials Meeting, Brisbane 2004 Co-chaired by Australia and Indonesia." in text
    assert "Dates 7–8 June 2004" in text
    assert "Place Brisbane, Australia" in text
    assert "Host Australia" in text


def test_meeting_page_shows_ordinal_and_month_without_inventing_a_day(client):
    meeting = factories.MeetingFactory(
        kind=Meeting.Kind.MINISTERIAL_CONFERENCE,
        ordinal=4,
        start_date=datetime.date(2011, 3, 1),
        date_precision=DatePrecision.MONTH,
    )

    response = client.get(meeting.get_absolute_url())
    text = main_text(response)

    assert "Fourth Bali Regional Ministerial Conference" in text
    assert "Number Fourth (4)" in text
    assert "Dates March 2011" in text
    assert "1 March 2011" not in text
    assert 'datetime="2011-03"' in response.text


def test_meeting_page_lists_only_documents_the_viewer_may_read(anonymous_client, member_client):
    meeting = factories.MeetingFactory()
    factories.DocumentFactory(meeting=meeting, title="Public report")
    factories.DocumentFactory(
        meeting=meeting, title="Members paper", visibility=Document.Visibility.MEMBERS
    )
    factories.DocumentFactory(
        meeting=meeting, title="Secretariat note", visibility=Document.Visibility.SECRETARIAT
    )

    anonymous = anonymous_client.get(meeting.get_absolute_url())
    member = member_client.get(meeting.get_absolute_url())

    assert item_titles(anonymous) == ["Public report"]
    assert item_titles(member) == ["Members paper", "Public report"]


def test_meeting_page_counts_delegations_by_capacity_and_kind(client):
    meeting = factories.MeetingFactory(reported_delegate_total=139)
    for _ in range(2):
        factories.DelegationFactory(meeting=meeting, participant=builders.member())
    factories.DelegationFactory(meeting=meeting, participant=builders.observer_organisation())
    factories.DelegationFactory(
        meeting=meeting,
        participant=factories.OrganisationFactory(),
        capacity_override=Delegation.Capacity.SECRETARIAT,
    )

    response = client.get(meeting.get_absolute_url())

    assert table_rows(response) == [
        ["Capacity", "States and territories", "Organisations", "Delegations"],
        ["Members", "2", "0", "2"],
        ["Observers", "0", "1", "1"],
        ["Secretariat", "0", "1", "1"],
        ["All", "2", "2", "4"],
    ]
    assert "The record reports 139 delegates in all." in main_text(response)


def test_meeting_page_links_to_the_full_participant_list(client):
    meeting = factories.MeetingFactory()

    response = client.get(meeting.get_absolute_url())

    assert f'<a href="/meetings/{meeting.slug}/participants/">' in response.text


def test_meeting_page_shows_outcomes_from_it_and_decided_at_it(client):
    earlier = factories.MeetingFactory(start_date=datetime.date(2011, 3, 1))
    meeting = factories.MeetingFactory(start_date=datetime.date(2013, 4, 1))
    own = factories.OutcomeFactory(source_meeting=meeting, title="Welcome new members")
    factories.OutcomeStatusFactory(outcome=own, status=OutcomeStatus.Status.COMPLETED)
    task = factories.OutcomeFactory(
        kind=Outcome.Kind.TASK, source_meeting=earlier, title="Operationalise the RCF"
    )
    factories.OutcomeStatusFactory(
        outcome=task,
        status=OutcomeStatus.Status.IN_PROGRESS,
        meeting=meeting,
        date=datetime.date(2013, 4, 1),
    )

    response = client.get(meeting.get_absolute_url())
    text = main_text(response)

    assert item_titles(response) == ["Welcome new members", "Operationalise the RCF"]
    assert "Status: Completed" in text
    assert "Task · In progress 1 April 2013" in text


def test_meeting_page_hides_outcomes_of_unpublished_meetings(client):
    draft = factories.MeetingFactory(is_published=False, start_date=datetime.date(2013, 1, 1))
    meeting = factories.MeetingFactory(start_date=datetime.date(2013, 4, 1))
    hidden = factories.OutcomeFactory(source_meeting=draft, title="Not yet public")
    factories.OutcomeStatusFactory(outcome=hidden, meeting=meeting, date=meeting.start_date)

    response = client.get(meeting.get_absolute_url())

    assert "Not yet public" not in response.text


def test_meeting_page_links_previous_and_next_of_the_same_kind(client):
    kind = Meeting.Kind.MINISTERIAL_CONFERENCE
    second = factories.MeetingFactory(kind=kind, ordinal=2, start_date=datetime.date(2003, 4, 1))
    third = factories.MeetingFactory(kind=kind, ordinal=3, start_date=datetime.date(2009, 4, 14))
    factories.MeetingFactory(
        kind=kind, ordinal=4, start_date=datetime.date(2011, 3, 1), is_published=False
    )
    factories.MeetingFactory(
        kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING, start_date=datetime.date(2010, 1, 1)
    )

    response = client.get(third.get_absolute_url())
    text = main_text(response)

    assert f'href="{second.get_absolute_url()}" rel="prev"' in response.text
    assert "Previous ministerial conference: Second Bali Regional Ministerial Conference" in text
    assert "Next ministerial conference" not in text


def test_workshop_page_shows_its_group_themes_and_organisers(client):
    group = factories.GroupFactory(name="Ad Hoc Experts Group II", short_name="AHEG II")
    theme = factories.ThemeFactory(name="Identity and document fraud")
    workshop = factories.WorkshopFactory(
        custom_title="Workshop on identity management",
        group=group,
        start_date=datetime.date(2004, 3, 1),
        date_precision=DatePrecision.MONTH,
    )
    theme.meetings.add(workshop)
    thailand = factories.ParticipantFactory(short_name="Thailand")
    unhcr = factories.OrganisationFactory(short_name="UNHCR")
    factories.MeetingRoleFactory(meeting=workshop, participant=thailand, role="host")
    factories.MeetingRoleFactory(meeting=workshop, participant=unhcr, role="co_organiser")

    response = client.get(workshop.get_absolute_url())
    text = main_text(response)

    assert "Held under Ad Hoc Experts Group II" in text
    assert "Theme Identity and document fraud" in text
    assert "Host Thailand" in text
    assert "Organised with UNHCR" in text
    assert "Dates March 2004" in text


@pytest.mark.parametrize("who", ["client", "member_client"])
def test_unpublished_meeting_page_is_not_found(request, who):
    meeting = factories.MeetingFactory(is_published=False)

    response = request.getfixturevalue(who).get(meeting.get_absolute_url())

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


def test_unpublished_meeting_page_is_previewed_by_staff(editor_client):
    meeting = factories.MeetingFactory(is_published=False)

    response = editor_client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert "This meeting is not published" in main_text(response)


def test_unknown_meeting_is_not_found(client):
    response = client.get("/meetings/no-such-meeting/")

    assert response.status_code == 404


def _meeting_with(count):
    """A meeting with `count` of everything: roles, delegations, documents, outcomes, themes."""
    group = factories.GroupFactory()
    meeting = builders.full_meeting(group=group, start_date=datetime.date(2004, 6, 7))
    for _ in range(count - 1):
        factories.DelegationFactory(meeting=meeting, participant=builders.member())
        factories.MeetingRoleFactory(meeting=meeting, participant=factories.ParticipantFactory())
        factories.DocumentFactory(meeting=meeting)
        factories.DocumentFactory(meeting=meeting, visibility=Document.Visibility.MEMBERS)
        outcome = factories.OutcomeFactory(source_meeting=meeting)
        factories.OutcomeStatusFactory(outcome=outcome)
        elsewhere = factories.OutcomeFactory(
            source_meeting=factories.MeetingFactory(start_date=datetime.date(2003, 1, 1))
        )
        factories.OutcomeStatusFactory(outcome=elsewhere, meeting=meeting, date=meeting.start_date)
        factories.ThemeFactory().meetings.add(meeting)
    for _ in range(count):
        factories.MeetingFactory(kind=meeting.kind, start_date=datetime.date(2003, 1, 1))
    return meeting


@pytest.mark.parametrize("item_count", [1, 3])
def test_meeting_page_query_count_is_fixed_for_the_public(
    client, django_assert_num_queries, item_count
):
    meeting = _meeting_with(item_count)

    # meeting, roles, themes, the sources of the meeting and its roles,
    # documents, delegation counts, two kinds of outcome, previous and next together
    with django_assert_num_queries(9):
        client.get(meeting.get_absolute_url())


@pytest.mark.parametrize("item_count", [1, 3])
def test_meeting_page_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    meeting = _meeting_with(item_count)

    with django_assert_num_queries(13):
        member_client.get(meeting.get_absolute_url())


def test_meeting_list_never_finds_who_attended_only_an_unpublished_meeting(client):
    published = factories.MeetingFactory()
    draft = factories.MeetingFactory(is_published=False)
    factories.DelegationFactory(
        meeting=published, participant=factories.ParticipantFactory(short_name="Seen", slug="seen")
    )
    factories.DelegationFactory(
        meeting=draft, participant=factories.ParticipantFactory(short_name="Unseen", slug="unseen")
    )

    seen = client.get("/meetings/", {"participant": "Seen"})
    unseen = client.get("/meetings/", {"participant": "Unseen"})

    assert item_titles(seen) == [published.title]
    assert messages(unseen)[0].endswith(
        "Attended by: No participant matches “Unseen” among those you can see."
    )
