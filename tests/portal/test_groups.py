"""Groups (/groups/) and a group's page (/groups/<slug>/)."""

import datetime

import pytest

from baliprocess.lib.dates import DatePrecision
from meetings.models import Document
from tests import factories
from tests.portal.html import item_titles, main_text, messages, table_rows
from workshops.models import Group, GroupRole

pytestmark = pytest.mark.django_db


def _aheg(number, **fields):
    return factories.GroupFactory(
        name=f"Ad Hoc Experts Group {number}",
        short_name=f"AHEG {number}",
        slug=f"aheg-{number.lower()}",
        kind=Group.Kind.AD_HOC_EXPERTS_GROUP,
        established_on=datetime.date(2002, 1, 1),
        established_precision=DatePrecision.YEAR,
        discontinued_on=datetime.date(2004, 1, 1),
        discontinued_precision=DatePrecision.YEAR,
        **fields,
    )


def _ahg(**fields):
    return factories.GroupFactory(
        name="Ad Hoc Group",
        short_name="AHG",
        slug="ahg",
        kind=Group.Kind.AD_HOC_GROUP,
        established_on=datetime.date(2009, 4, 14),
        **fields,
    )


# --- The list --------------------------------------------------------------------


def test_group_list_shows_every_group_with_kind_and_period(client):
    _aheg("I")
    _ahg()

    response = client.get("/groups/")

    assert table_rows(response) == [
        ["Group", "Kind", "Period", "Under the purview of"],
        [
            "Ad Hoc Experts Group I (AHEG I)",
            "Ad hoc experts group",
            "2002 – 2004 Discontinued",
            "—",
        ],
        ["Ad Hoc Group (AHG)", "Ad hoc group", "since 14 April 2009 Active", "—"],
    ]


def test_group_list_filters_active_discontinued_not_recorded_and_kind(client):
    _aheg("I")
    ahg = _ahg()
    factories.GroupFactory(
        name="Working Group on Trafficking in Persons",
        short_name="TIP WG",
        kind=Group.Kind.WORKING_GROUP,
        parent=ahg,
    )

    active = client.get("/groups/", {"state": "active"})
    discontinued = client.get("/groups/", {"state": "discontinued"})
    not_recorded = client.get("/groups/", {"state": "not_recorded"})
    working = client.get("/groups/", {"kind": "working_group"})

    assert [row[0] for row in table_rows(active)[1:]] == ["Ad Hoc Group (AHG)"]
    assert [row[0] for row in table_rows(discontinued)[1:]] == ["Ad Hoc Experts Group I (AHEG I)"]
    assert [row[0] for row in table_rows(not_recorded)[1:]] == [
        "Working Group on Trafficking in Persons (TIP WG)"
    ]
    assert table_rows(working)[1][2:] == ["Dates not recorded Status not recorded", "AHG"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"state": "dormant"}, "Status: “dormant” is not a status of a group the record knows."),
        ({"kind": "club"}, "Kind: “club” is not a kind of group the record knows."),
    ],
)
def test_group_list_names_a_bad_filter_value(client, query, message):
    _ahg()

    response = client.get("/groups/", query)

    assert message in messages(response)[0]
    assert table_rows(response) == []


@pytest.mark.parametrize("item_count", [1, 3])
def test_group_list_query_count_is_fixed(client, django_assert_num_queries, item_count):
    parent = _ahg()
    for _ in range(item_count):
        factories.GroupFactory(parent=parent)

    # count, page (with parents)
    with django_assert_num_queries(2):
        client.get("/groups/")


@pytest.mark.parametrize("item_count", [1, 3])
def test_group_list_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    parent = _ahg()
    for _ in range(item_count):
        factories.GroupFactory(parent=parent)

    # session and user, then as for the public
    with django_assert_num_queries(4):
        member_client.get("/groups/")


# --- A group's page --------------------------------------------------------------


def test_group_page_lists_terms_of_reference_in_order_with_the_adopting_meeting(client):
    third_mc = factories.MeetingFactory(
        kind="ministerial_conference", ordinal=3, start_date=datetime.date(2009, 4, 14)
    )
    ahg = _ahg(established_by=third_mc)
    for order, label in ((2, "(c)"), (0, "(a)"), (1, "(b)")):
        factories.TermOfReferenceFactory(
            group=ahg, label=label, order=order, text=f"Term {label}", adopted_by=third_mc
        )

    response = client.get("/groups/ahg/")
    text = main_text(response)

    assert response.status_code == 200
    assert "Established by Third Bali Regional Ministerial Conference" in text
    assert text.index("(a) Term (a)") < text.index("(b) Term (b)") < text.index("(c) Term (c)")
    assert (
        "(c) Term (c) Adopted by Third Bali Regional Ministerial Conference (14 April 2009)."
        in (text)
    )
    assert text.count("Adopted by") == 1


def test_group_page_cites_each_term_when_different_meetings_adopted_them(client):
    first = factories.MeetingFactory(custom_title="First meeting")
    second = factories.MeetingFactory(custom_title="Second meeting")
    ahg = _ahg()
    factories.TermOfReferenceFactory(group=ahg, label="(a)", text="Term (a)", adopted_by=first)
    factories.TermOfReferenceFactory(group=ahg, label="(b)", text="Term (b)", adopted_by=second)

    response = client.get("/groups/ahg/")
    text = main_text(response)

    assert "(a) Term (a) Adopted by First meeting. (b) Term (b) Adopted by Second meeting." in text


def test_group_page_shows_coordinators_composition_and_subgroups(client):
    fifth_som = factories.MeetingFactory(
        custom_title="Fifth Senior Officials Meeting", start_date=datetime.date(2013, 4, 1)
    )
    ahg = _ahg()
    factories.GroupRoleFactory(
        group=ahg,
        participant=factories.ParticipantFactory(short_name="Indonesia"),
        role=GroupRole.Role.CO_CHAIR,
        person_name="",
    )
    vietnam = factories.ParticipantFactory(short_name="Vietnam")
    factories.GroupMembershipFactory(
        group=ahg,
        participant=vietnam,
        start_date=datetime.date(2013, 1, 1),
        start_precision=DatePrecision.YEAR,
        decided_at=fifth_som,
    )
    factories.GroupFactory(name="Working Group on Trafficking in Persons", parent=ahg)

    response = client.get("/groups/ahg/")
    text = main_text(response)

    assert "Co-chair: Indonesia" in text
    assert ["Vietnam", "from 2013", "Fifth Senior Officials Meeting"] in table_rows(response)
    assert "Groups under it Working Group on Trafficking in Persons" in text


def test_group_page_shows_meetings_outcomes_and_documents_the_viewer_may_see(
    anonymous_client, member_client
):
    aheg = _aheg("II")
    factories.WorkshopFactory(custom_title="Identity workshop", group=aheg)
    factories.WorkshopFactory(custom_title="Draft workshop", group=aheg, is_published=False)
    factories.OutcomeFactory(title="Checklist on returns", source_group=aheg)
    factories.OutcomeFactory(title="Guidelines", responsible_group=aheg)
    factories.DocumentFactory(title="Group report", group=aheg, meeting=None)
    factories.DocumentFactory(
        title="Members note", group=aheg, meeting=None, visibility=Document.Visibility.MEMBERS
    )

    anonymous = anonymous_client.get("/groups/aheg-ii/")
    member = member_client.get("/groups/aheg-ii/")

    assert item_titles(anonymous) == [
        "Identity workshop",
        "Guidelines",  # outcomes newest first: its meeting is the later one
        "Checklist on returns",
        "Group report",
    ]
    assert "Members note" in item_titles(member)
    assert "Draft workshop" not in anonymous.text


def test_group_page_does_not_name_an_unpublished_meeting(client):
    draft = factories.MeetingFactory(custom_title="Unpublished conference", is_published=False)
    ahg = _ahg(established_by=draft)
    factories.TermOfReferenceFactory(group=ahg, adopted_by=draft)

    response = client.get("/groups/ahg/")

    assert response.status_code == 200
    assert "Unpublished conference" not in response.text


def test_unknown_group_is_not_found(client):
    assert client.get("/groups/nothing/").status_code == 404


def _group_with(count):
    meeting = factories.MeetingFactory(start_date=datetime.date(2009, 4, 14))
    parent = factories.GroupFactory()
    ahg = _ahg(established_by=meeting, parent=parent)
    for index in range(count):
        factories.TermOfReferenceFactory(group=ahg, adopted_by=meeting)
        factories.GroupRoleFactory(group=ahg)
        factories.GroupMembershipFactory(group=ahg, decided_at=meeting)
        factories.GroupFactory(parent=ahg)
        factories.WorkshopFactory(group=ahg)
        factories.OutcomeFactory(source_group=ahg, source_meeting=meeting)
        factories.DocumentFactory(group=ahg, meeting=meeting, title=f"Paper {index}")
    return ahg


@pytest.mark.parametrize("item_count", [1, 3])
def test_group_page_query_count_is_fixed(client, django_assert_num_queries, item_count):
    ahg = _group_with(item_count)

    # group, terms, roles, composition, their sources, outcomes concerning it,
    # subgroups, meetings, outcomes, documents
    with django_assert_num_queries(10):
        client.get(ahg.get_absolute_url())


@pytest.mark.parametrize("item_count", [1, 3])
def test_group_page_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    ahg = _group_with(item_count)

    with django_assert_num_queries(14):
        member_client.get(ahg.get_absolute_url())
