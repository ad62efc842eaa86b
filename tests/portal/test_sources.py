"""Sources: the passages the record's facts rest on.

Under each fact of a page, "Source: Report to Ministers, para. 24 — “…”"
(meetings.selectors.attach_sources, templates/includes/sources.html); and per
document, every fact that cites it beside the passage it quotes
(/documents/<slug>/facts/).
"""

import datetime
import re
from html import unescape

import pytest

from meetings.models import Citation, Document, MeetingRole
from membership.models import MembershipPeriod
from tests import factories
from tests.portal.builders import cite, member
from tests.portal.html import headings, main_text, messages
from workshops.models import Group, GroupRole, Outcome, OutcomeLink, OutcomeStatus

pytestmark = pytest.mark.django_db


def _report(**fields):
    fields.setdefault("title", "Report to Ministers")
    return factories.DocumentFactory(**fields)


def _brisbane(**fields):
    return factories.MeetingFactory(
        custom_title="Senior Officials Meeting, Brisbane 2004",
        start_date=datetime.date(2004, 6, 7),
        end_date=datetime.date(2004, 6, 8),
        **fields,
    )


def _links(response, href: str) -> list[str]:
    """The words of every link inside <main> to `href`."""
    main = response.content.decode().split("<main", 1)[1]
    found = re.findall(rf'<a href="{re.escape(href)}"[^>]*>(.*?)</a>', main, re.DOTALL)
    return [unescape(re.sub(r"<[^>]+>", "", text)).strip() for text in found]


# --- Source lines under the facts of a page --------------------------------------


def test_meeting_page_shows_the_sources_of_the_meeting_and_its_roles(client):
    report = _report()
    meeting = _brisbane()
    role = factories.MeetingRoleFactory(meeting=meeting, participant=member(short_name="Indonesia"))
    delegation = factories.DelegationFactory(meeting=meeting, participant=member())
    cite(meeting, report, locator="para. 1", passage="held in Brisbane on 7–8 June 2004")
    cite(role, report, locator="para. 2", passage="co-chaired by Indonesia")
    cite(delegation, report, locator="Participants", passage="a delegation not named on the page")

    response = client.get(meeting.get_absolute_url())
    text = main_text(response)

    assert "Source: Report to Ministers, para. 1 — “held in Brisbane on 7–8 June 2004”" in text
    assert "Indonesia Source: Report to Ministers, para. 2 — “co-chaired by Indonesia”" in text
    # The page counts delegations and names none: their sources are not shown.
    assert "a delegation not named on the page" not in text
    assert _links(response, report.get_absolute_url()) == ["Report to Ministers"] * 2


def test_a_source_the_viewer_may_not_read_is_neither_named_nor_quoted(
    anonymous_client, member_client
):
    note = _report(title="Members' note", visibility=Document.Visibility.MEMBERS)
    meeting = _brisbane()
    cite(meeting, note, locator="para. 3", passage="senior officials agreed")

    anonymous = anonymous_client.get(meeting.get_absolute_url())
    official = member_client.get(meeting.get_absolute_url())

    assert "Source: a document you may not read" in main_text(anonymous)
    assert "Members' note" not in anonymous.content.decode()
    assert "senior officials agreed" not in anonymous.content.decode()
    assert _links(anonymous, note.get_absolute_url()) == []
    assert "Source: Members' note, para. 3 — “senior officials agreed”" in main_text(official)
    assert _links(official, note.get_absolute_url()) == ["Members' note"]


def test_an_external_source_is_labelled_as_outside_the_record(client):
    meeting = _brisbane()
    cite(
        meeting,
        external_title="UNODC press release",
        external_url="https://www.unodc.org/press/2004.html",
        passage="the meeting in Brisbane",
    )
    # Written past the form's checks: an address that is not a web address.
    Citation.objects.create(
        fact=meeting, external_title="Pasted note", external_url="javascript:alert(1)", passage="x"
    )

    response = client.get(meeting.get_absolute_url())
    text = main_text(response)

    assert (
        "Other source: UNODC press release (outside the record) — “the meeting in Brisbane”" in text
    )
    assert (
        '<a href="https://www.unodc.org/press/2004.html" rel="external noopener noreferrer">'
        "UNODC press release</a>" in response.text
    )
    assert "Other source: Pasted note (outside the record)" in text
    assert "javascript:" not in response.text


def test_participant_page_shows_the_sources_of_the_participant_and_its_statuses(client):
    report = _report()
    fiji = member(short_name="Fiji")
    cite(fiji, report, locator="Participants", passage="Fiji")
    cite(fiji.membership_periods.get(), report, locator="para. 5", passage="members, Fiji")

    response = client.get(fiji.get_absolute_url())
    text = main_text(response)

    assert "Source: Report to Ministers, Participants — “Fiji”" in text
    assert "Source: Report to Ministers, para. 5 — “members, Fiji”" in text
    assert text.index("Membership status over time") < text.index("para. 5")


def test_group_page_shows_the_sources_of_the_group_roles_terms_and_composition(client):
    report = _report()
    group = factories.GroupFactory(name="Ad Hoc Experts Group II", short_name="AHEG II")
    cite(group, report, locator="para. 10", passage="the AHEG II on regional cooperation")
    role = factories.GroupRoleFactory(group=group, participant=member(short_name="Thailand"))
    cite(role, report, locator="para. 11", passage="coordinated by Thailand")
    term = factories.TermOfReferenceFactory(group=group, label="(a)", text="Term (a)")
    cite(term, report, locator="Annex A", passage="to enhance information sharing")
    seat = factories.GroupMembershipFactory(group=group, participant=member(short_name="Nauru"))
    cite(seat, report, locator="para. 12", passage="Nauru joined the group")

    response = client.get(group.get_absolute_url())
    text = main_text(response)

    assert "Source: Report to Ministers, para. 10 — “the AHEG II on regional cooperation”" in text
    assert "Thailand, Ms Heather Riddell Source: Report to Ministers, para. 11" in text
    assert "(a) Term (a) Source: Report to Ministers, Annex A" in text
    assert "Source: Report to Ministers, para. 12 — “Nauru joined the group”" in text
    assert "Status not recorded" in text


def test_group_page_lists_the_outcomes_concerning_it_as_proposals_or_acts(
    anonymous_client, editor_client
):
    aheg = factories.GroupFactory(name="Ad Hoc Experts Group I", short_name="AHEG I")
    brisbane = _brisbane()
    proposal = factories.OutcomeFactory(
        title="Senior officials suggested the AHEGs be discontinued",
        source_meeting=brisbane,
        date=datetime.date(2004, 6, 7),
        end_date=datetime.date(2004, 6, 8),
        concerned_groups=[aheg],
    )
    factories.OutcomeStatusFactory(outcome=proposal, status=OutcomeStatus.Status.PROPOSED)
    factories.OutcomeFactory(
        title="A draft decision",
        source_meeting=factories.MeetingFactory(is_published=False),
        concerned_groups=[aheg],
    )

    anonymous = anonymous_client.get(aheg.get_absolute_url())
    staff = editor_client.get(aheg.get_absolute_url())
    text = main_text(anonymous)

    assert ("h2", "Proposals and decisions about the AHEG I") in headings(anonymous)
    assert (
        "Senior officials suggested the AHEGs be discontinued Recommendation · 7–8 June 2004 · "
        "from Senior Officials Meeting, Brisbane 2004 · Status: Proposed" in text
    )
    assert "A draft decision" not in text
    assert "A draft decision" in main_text(staff)


def test_outcome_page_shows_the_sources_of_the_outcome_its_statuses_and_links(client):
    report = _report()
    outcome = factories.OutcomeFactory(title="Guidelines on returns")
    status = factories.OutcomeStatusFactory(outcome=outcome, status=OutcomeStatus.Status.ENDORSED)
    link = factories.OutcomeLinkFactory(to_outcome=outcome)
    cite(outcome, report, locator="para. 20", passage="guidelines on returns")
    cite(status, report, locator="para. 21", passage="ministers endorsed the guidelines")
    cite(link, report, locator="para. 22", passage="endorsing the guidelines")

    text = main_text(client.get(outcome.get_absolute_url()))

    assert "Source: Report to Ministers, para. 20 — “guidelines on returns”" in text
    assert "Endorsed Source: Report to Ministers, para. 21" in text
    assert "Source: Report to Ministers, para. 22 — “endorsing the guidelines”" in text


def test_document_page_shows_its_own_sources_and_how_often_the_record_cites_it(client):
    report = _report()
    cite(report, report, locator="cover", passage="Report to Ministers, 8 June 2004")
    cite(_brisbane(), report, locator="para. 1", passage="held in Brisbane")

    response = client.get(report.get_absolute_url())
    text = main_text(response)

    assert "Source: Report to Ministers, cover — “Report to Ministers, 8 June 2004”" in text
    assert "The record cites this document 2 times for its facts." in text
    assert _links(response, f"{report.get_absolute_url()}facts/") == [
        "See each fact beside the passage it quotes →"
    ]


# --- What the record takes from a document ----------------------------------------


def _facts_url(document) -> str:
    return f"{document.get_absolute_url()}facts/"


def test_document_facts_page_lists_each_fact_by_kind_with_locator_and_passage(client):
    report = _report()
    meeting = _brisbane()
    indonesia = member(short_name="Indonesia")
    role = factories.MeetingRoleFactory(meeting=meeting, participant=indonesia)
    group = factories.GroupFactory(name="Ad Hoc Group", short_name="AHG")
    outcome = factories.OutcomeFactory(title="Guidelines on returns", source_meeting=meeting)
    status = factories.OutcomeStatusFactory(outcome=outcome)
    # Cited out of the order the page lists them in.
    cite(status, report, locator="para. 9", passage="proposed guidelines")
    cite(group, report, locator="para. 7", passage="the Ad Hoc Group")
    cite(indonesia.membership_periods.get(), report, locator="para. 4", passage="members")
    cite(role, report, locator="para. 2", passage="co-chaired by Indonesia")
    cite(meeting, report, locator="para. 1", passage="held in Brisbane")
    cite(outcome, report, locator="para. 8", passage="guidelines on returns")
    cite(meeting, _report(title="Another report"), passage="not this document's")

    response = client.get(_facts_url(report))
    text = main_text(response)

    assert headings(response) == [
        ("h1", "What the record takes from Report to Ministers"),
        ("h2", "6 citations of this document"),
        ("h3", "Meetings"),
        ("h3", "Co-chairs, hosts and co-organisers"),
        ("h3", "Membership statuses"),
        ("h3", "Groups"),
        ("h3", "Outcomes"),
        ("h3", "Status of outcomes"),
    ]
    assert "Senior Officials Meeting, Brisbane 2004 para. 1: “held in Brisbane”" in text
    assert (
        "Indonesia (co-chair) on the page of Senior Officials Meeting, Brisbane 2004 "
        "para. 2: “co-chaired by Indonesia”" in text
    )
    assert (
        "Indonesia: member since at least 1 January 1990 on the page of Indonesia "
        "para. 4: “members”" in text
    )
    assert "on the page of Guidelines on returns para. 9: “proposed guidelines”" in text
    assert "not this document's" not in text
    assert _links(response, meeting.get_absolute_url()) == [
        "Senior Officials Meeting, Brisbane 2004",
        "Senior Officials Meeting, Brisbane 2004",
    ]
    assert _links(response, group.get_absolute_url()) == ["Ad Hoc Group"]


def _unpublished_meeting_cited_by(report):
    draft = factories.MeetingFactory(custom_title="Draft conference", is_published=False)
    role = factories.MeetingRoleFactory(meeting=draft, role=MeetingRole.Role.HOST)
    outcome = factories.OutcomeFactory(title="Draft outcome", source_meeting=draft)
    for fact in (draft, role, outcome):
        cite(fact, report, passage=f"unpublished {fact._meta.model_name}")
    cite(_brisbane(), report, passage="published meeting")


def test_document_facts_page_hides_the_facts_of_an_unpublished_meeting(
    anonymous_client, member_client
):
    report = _report()
    _unpublished_meeting_cited_by(report)

    for response in (
        anonymous_client.get(_facts_url(report)),
        member_client.get(_facts_url(report)),
    ):
        text = main_text(response)
        assert "1 citation of this document" in text
        assert "published meeting" in text
        assert "unpublished" not in text
        assert "Draft" not in text


def test_document_facts_page_shows_staff_the_facts_of_an_unpublished_meeting(editor_client):
    report = _report()
    _unpublished_meeting_cited_by(report)

    text = main_text(editor_client.get(_facts_url(report)))

    assert "4 citations of this document" in text
    for passage in ("unpublished meeting", "unpublished meetingrole", "unpublished outcome"):
        assert f"“{passage}”" in text


def test_document_facts_page_shows_delegates_only_to_those_who_may_see_their_names(
    anonymous_client, member_client
):
    report = _report()
    delegate = factories.DelegateFactory(name="Jane Citizen")
    cite(delegate, report, locator="Participants", passage="Ms Jane Citizen")

    assert "Jane Citizen" not in main_text(anonymous_client.get(_facts_url(report)))
    assert "Ms Jane Citizen on the page of" in main_text(member_client.get(_facts_url(report)))


def test_document_facts_page_is_refused_as_the_document_is(client):
    secret = _report(title="Secretariat note", visibility=Document.Visibility.SECRETARIAT)

    assert client.get(_facts_url(secret)).status_code == 403
    assert client.get("/documents/no-such-document/facts/").status_code == 404


def test_document_facts_page_shows_a_hundred_citations_a_page(client):
    report = _report()
    meeting = _brisbane()
    for order in range(101):
        cite(meeting, report, locator=f"para. {order + 1}", passage="held", order=order)

    first = client.get(_facts_url(report))
    second = client.get(_facts_url(report), {"page": "2"})

    assert headings(first)[1] == ("h2", "101 citations of this document, 1–100 shown")
    assert main_text(first).count("“held”") == 100
    assert headings(second)[1:] == [
        ("h2", "101 citations of this document, 101–101 shown"),
        ("h3", "Meetings"),
    ]
    assert "para. 101: “held”" in main_text(second)
    assert _links(first, "?page=2") == ["Page 2", "Next page"]


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "“abc” is not a page number; here is the first page."),
        ("0", "Pages are numbered from 1; “0” is not one. Here is the first page."),
        ("9", "There is no page 9; this list has one page. Here is page 1."),
    ],
)
def test_document_facts_page_answers_a_bad_page_number_with_a_message(client, page, message):
    report = _report()
    cite(_brisbane(), report, passage="held in Brisbane")

    response = client.get(_facts_url(report), {"page": page})

    assert response.status_code == 200
    assert messages(response) == [message]
    assert "“held in Brisbane”" in main_text(response)


def _every_kind_citing(report):
    """One fact of each kind the record cites, each citing `report`."""
    meeting = _brisbane()
    participant = member()
    delegation = factories.DelegationFactory(meeting=meeting, participant=participant)
    group = factories.GroupFactory()
    outcome = factories.OutcomeFactory(source_meeting=meeting)
    facts = (
        meeting,
        factories.MeetingRoleFactory(meeting=meeting, participant=participant),
        delegation,
        factories.DelegateFactory(delegation=delegation),
        factories.DocumentFactory(meeting=meeting),
        participant,
        MembershipPeriod.objects.get(participant=participant),
        group,
        factories.GroupRoleFactory(group=group, role=GroupRole.Role.CHAIR),
        factories.TermOfReferenceFactory(group=group),
        factories.GroupMembershipFactory(group=group, participant=participant),
        outcome,
        factories.OutcomeStatusFactory(outcome=outcome),
        factories.OutcomeLinkFactory(
            to_outcome=outcome,
            relation=OutcomeLink.Relation.ENDORSES,
            from_outcome__kind=(Outcome.Kind.ENDORSEMENT),
        ),
    )
    for fact in facts:
        cite(fact, report, locator="para. 1", passage="as printed")


@pytest.mark.parametrize("item_count", [1, 3])
def test_document_facts_page_query_count_is_fixed(client, django_assert_num_queries, item_count):
    report = _report()
    for _ in range(item_count):
        _every_kind_citing(report)

    # the document, the count, the page of citations, then the facts of each
    # kind on it: 13 kinds (no delegates' names for the public)
    with django_assert_num_queries(16):
        response = client.get(_facts_url(report))
    assert main_text(response).count("“as printed”") == 13 * item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_document_facts_page_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    report = _report()
    for _ in range(item_count):
        _every_kind_citing(report)

    # session, user, the user's and the groups' permissions, then as for the
    # public, with the delegates as a 14th kind
    with django_assert_num_queries(21):
        response = member_client.get(_facts_url(report))
    assert main_text(response).count("“as printed”") == 14 * item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_group_page_reads_the_sources_of_all_its_parts_in_one_query(
    client, django_assert_num_queries, item_count
):
    report = _report()
    group = factories.GroupFactory(established_on=datetime.date(2009, 4, 14))
    cite(group, report, passage="the group")
    for _ in range(item_count):
        for fact in (
            factories.GroupRoleFactory(group=group),
            factories.TermOfReferenceFactory(group=group),
            factories.GroupMembershipFactory(group=group),
        ):
            cite(fact, report, passage="a part of the group")
            cite(fact, external_title="Elsewhere", external_url="https://example.org/", passage="x")

    # as without sources (test_groups): the sources of every part are one query
    with django_assert_num_queries(10):
        response = client.get(group.get_absolute_url())
    assert main_text(response).count("“a part of the group”") == 3 * item_count
    assert "Active" in main_text(response)


def test_group_list_shows_each_status_of_a_group(client):
    factories.GroupFactory(name="Active group", established_on=datetime.date(2009, 4, 14))
    factories.GroupFactory(
        name="Ended group",
        established_on=datetime.date(2002, 1, 1),
        discontinued_on=datetime.date(2004, 1, 1),
    )
    factories.GroupFactory(name="Undated group", kind=Group.Kind.WORKING_GROUP)

    text = main_text(client.get("/groups/"))

    assert "Active group" in text
    assert "since 14 April 2009 Active" in text
    assert "1 January 2002 – 1 January 2004 Discontinued" in text
    assert "Undated group" in text
    assert "Dates not recorded Status not recorded" in text
