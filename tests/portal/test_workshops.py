"""Workshops (/workshops/): workshops and other working-level meetings."""

import datetime

import pytest

from baliprocess.lib.dates import DatePrecision
from meetings.models import Meeting, MeetingRole
from tests import factories
from tests.portal.html import item_titles, main_text, messages

pytestmark = pytest.mark.django_db


def _workshop(title, *, host=None, co_organiser=None, theme=None, **fields):
    fields.setdefault("start_date", datetime.date(2004, 3, 1))
    fields.setdefault("date_precision", DatePrecision.MONTH)
    workshop = factories.WorkshopFactory(custom_title=title, **fields)
    if host is not None:
        factories.MeetingRoleFactory(meeting=workshop, participant=host, role="host")
    if co_organiser is not None:
        factories.MeetingRoleFactory(
            meeting=workshop, participant=co_organiser, role=MeetingRole.Role.CO_ORGANISER
        )
    if theme is not None:
        theme.meetings.add(workshop)
    return workshop


def test_workshop_list_shows_workshops_and_other_working_meetings_only(client):
    _workshop("Workshop on returns", start_date=datetime.date(2004, 5, 1))
    factories.MeetingFactory(
        kind=Meeting.Kind.OTHER,
        custom_title="Regional Roundtable on Irregular Movements by Sea",
        start_date=datetime.date(2013, 3, 18),
    )
    factories.MeetingFactory(kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING, custom_title="A SOM")
    _workshop("Draft workshop", is_published=False)

    response = client.get("/workshops/")

    assert item_titles(response) == [
        "Regional Roundtable on Irregular Movements by Sea",
        "Workshop on returns",
    ]


def test_workshop_list_links_each_to_its_meeting_page_with_hosts_and_themes(client):
    fiji = factories.ParticipantFactory(short_name="Fiji")
    unhcr = factories.OrganisationFactory(short_name="UNHCR")
    theme = factories.ThemeFactory(name="Border control and refugee protection")
    group = factories.GroupFactory(short_name="AHEG I")
    workshop = _workshop(
        "Workshop on border control", host=fiji, co_organiser=unhcr, theme=theme, group=group
    )

    response = client.get("/workshops/")
    text = main_text(response)

    assert f'<a href="{workshop.get_absolute_url()}">Workshop on border control</a>' in (
        response.text
    )
    assert "Workshop · March 2004" in text
    assert "under AHEG I" in text
    assert "Hosted by Fiji. Organised with UNHCR." in text
    assert "Border control and refugee protection" in text


def test_workshop_list_filters_by_host_not_co_organiser(client):
    thailand = factories.ParticipantFactory(short_name="Thailand", slug="thailand")
    australia = factories.ParticipantFactory(short_name="Australia", slug="australia")
    _workshop("Identity", host=thailand)
    _workshop("Targeting", host=thailand, co_organiser=australia)
    _workshop("Returns", host=australia)

    thailand_hosted = client.get("/workshops/", {"host": "thailand"})
    australia_hosted = client.get("/workshops/", {"host": "australia"})

    assert sorted(item_titles(thailand_hosted)) == ["Identity", "Targeting"]
    assert item_titles(australia_hosted) == ["Returns"]


def test_workshop_list_filters_by_theme_year_and_group(client):
    theme = factories.ThemeFactory(name="Victim support", slug="victim-support")
    group = factories.GroupFactory(slug="aheg-ii")
    _workshop("Victim support 2004", theme=theme, start_date=datetime.date(2004, 1, 1))
    _workshop("Victim support 2006", theme=theme, start_date=datetime.date(2006, 1, 1))
    _workshop("Legislation", group=group, start_date=datetime.date(2003, 11, 1))

    by_theme = client.get("/workshops/", {"theme": "victim-support"})
    by_year = client.get("/workshops/", {"year": "2006"})
    by_group = client.get("/workshops/", {"group": "aheg-ii"})

    assert item_titles(by_theme) == ["Victim support 2006", "Victim support 2004"]
    assert item_titles(by_year) == ["Victim support 2006"]
    assert item_titles(by_group) == ["Legislation"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"theme": "cooking"}, "Theme: No theme matches “cooking” among those you can see."),
        ({"host": "atlantis"}, "Hosted by: No host matches “atlantis” among those you can see."),
        ({"group": "x" * 300}, "Held under: Type at most 200 characters; this has 300."),
        ({"year": "2004.5"}, "Year: “2004.5” is not a year: write it as four digits, e.g. 2004."),
    ],
)
def test_workshop_list_names_a_bad_filter_value(client, query, message):
    _workshop("Workshop")

    response = client.get("/workshops/", query)

    assert message in messages(response)[0]
    assert item_titles(response) == []


@pytest.mark.parametrize("item_count", [1, 3])
def test_workshop_list_query_count_is_fixed(client, django_assert_num_queries, item_count):
    group = factories.GroupFactory()
    theme = factories.ThemeFactory()
    for _ in range(item_count):
        _workshop(
            "Workshop",
            host=factories.ParticipantFactory(),
            co_organiser=factories.OrganisationFactory(),
            theme=theme,
            group=group,
        )

    # count, page (with group), roles, themes, and the themes and groups menus
    with django_assert_num_queries(6):
        client.get("/workshops/")


@pytest.mark.parametrize("item_count", [1, 3])
def test_workshop_list_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    theme = factories.ThemeFactory()
    for _ in range(item_count):
        _workshop("Workshop", host=factories.ParticipantFactory(), theme=theme)

    with django_assert_num_queries(10):
        member_client.get("/workshops/")


def test_workshop_list_never_finds_a_host_of_unpublished_workshops_only(client):
    seen = factories.ParticipantFactory(short_name="Seen", slug="seen")
    unseen = factories.ParticipantFactory(short_name="Unseen", slug="unseen")
    _workshop("Published", host=seen)
    _workshop("Draft", host=unseen, is_published=False)

    seen_response = client.get("/workshops/", {"host": "seen"})
    unseen_response = client.get("/workshops/", {"host": "unseen"})

    assert item_titles(seen_response) == ["Published"]
    assert messages(unseen_response)[0].endswith(
        "Hosted by: No host matches “unseen” among those you can see."
    )
