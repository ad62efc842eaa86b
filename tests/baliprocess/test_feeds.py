"""RSS and Atom feeds of new public documents and of outcome changes."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from meetings.models import Document
from tests.factories import (
    DocumentFactory,
    GroupFactory,
    MeetingFactory,
    OutcomeFactory,
    OutcomeStatusFactory,
)
from workshops.models import OutcomeStatus

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_xml(content: bytes) -> ET.Element:
    # Our own response, not untrusted input: the standard parser is safe here.
    return ET.fromstring(content)  # noqa: S314


def rss_items(response) -> list[dict[str, str]]:
    channel = parse_xml(response.content).find("channel")
    return [{child.tag: (child.text or "") for child in item} for item in channel.findall("item")]


def atom_entries(response) -> list[ET.Element]:
    return parse_xml(response.content).findall(f"{ATOM}entry")


def entered(row, when: datetime.datetime):
    """Say `row` reached the portal at `when` (the feeds' date), bypassing auto_now_add."""
    type(row).objects.filter(pk=row.pk).update(created_at=when)


ENTERED = datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.UTC)


# --- Documents --------------------------------------------------------------


def test_documents_feed_lists_public_documents_newest_first(client):
    meeting = MeetingFactory(custom_title="Senior Officials Meeting, Brisbane 2004")
    older = DocumentFactory(
        title="Report to Ministers",
        date=datetime.date(2004, 6, 8),
        meeting=meeting,
        summary="Senior officials reviewed progress.",
    )
    newer = DocumentFactory(title="Co-Chairs' outcomes", date=datetime.date(2013, 4, 1))
    entered(older, ENTERED)
    entered(newer, ENTERED + datetime.timedelta(days=1))

    response = client.get("/feeds/documents/")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    items = rss_items(response)
    assert [item["title"] for item in items] == ["Co-Chairs' outcomes", "Report to Ministers"]
    assert items[1]["link"] == f"http://testserver{older.get_absolute_url()}"
    assert items[0]["link"] == f"http://testserver{newer.get_absolute_url()}"
    # Dated by when it reached the portal; its own date is in the description.
    assert items[1]["pubDate"] == "Mon, 02 Nov 2026 09:30:00 +0000"
    assert items[1]["description"] == (
        "<p>Report · 8 June 2004 · Senior Officials Meeting, Brisbane 2004</p>"
        "<p>Senior officials reviewed progress.</p>"
    )
    assert items[1]["category"] == "Report"


def test_documents_feed_never_invents_a_day_for_a_date_known_to_the_month(client):
    paper = DocumentFactory(title="Paper", date=datetime.date(2003, 4, 20), date_precision="month")
    entered(paper, ENTERED)

    items = rss_items(client.get("/feeds/documents/"))

    assert items[0]["pubDate"] == "Mon, 02 Nov 2026 09:30:00 +0000"
    assert "01 Apr 2003" not in items[0]["pubDate"]
    assert items[0]["description"].startswith("<p>Report · April 2003")


def test_documents_feed_escapes_html_in_descriptions(client):
    DocumentFactory(summary='Draft <script>alert("x")</script> & notes')

    items = rss_items(client.get("/feeds/documents/"))

    assert "<script>" not in items[0]["description"]
    assert "&lt;script&gt;" in items[0]["description"]


@pytest.mark.parametrize(
    "restriction",
    [
        {"visibility": Document.Visibility.MEMBERS},
        {"visibility": Document.Visibility.SECRETARIAT},
        {"embargo_until": datetime.date(2999, 1, 1)},
        {"meeting__is_published": False},
    ],
    ids=["members-only", "secretariat-only", "embargoed", "unpublished-meeting"],
)
@pytest.mark.parametrize("url", ["/feeds/documents/", "/feeds/documents/atom/"])
def test_documents_feeds_never_show_restricted_documents_even_to_managers(
    manager_client, restriction, url
):
    DocumentFactory(title="Public paper")
    DocumentFactory(title="Restricted paper", **restriction)

    response = manager_client.get(url)

    assert response.status_code == 200
    assert b"Public paper" in response.content
    assert b"Restricted paper" not in response.content


def test_documents_atom_feed_has_absolute_links_and_dates(client):
    document = DocumentFactory(title="Report to Ministers", date=datetime.date(2004, 6, 8))
    entered(document, ENTERED)

    response = client.get("/feeds/documents/atom/")

    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = parse_xml(response.content)
    assert root.find(f"{ATOM}title").text == "Bali Process: new documents"
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "http://testserver/feeds/documents/atom/"
    (entry,) = atom_entries(response)
    assert entry.find(f"{ATOM}title").text == "Report to Ministers"
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{document.get_absolute_url()}"
    assert entry.find(f"{ATOM}id").text == link
    assert entry.find(f"{ATOM}published").text == "2026-11-02T09:30:00+00:00"
    assert entry.find(f"{ATOM}summary").get("type") == "html"


def test_documents_feed_of_an_empty_record_is_valid(client):
    response = client.get("/feeds/documents/")

    assert response.status_code == 200
    assert rss_items(response) == []


@pytest.mark.parametrize("url", ["/feeds/documents/", "/feeds/documents/atom/"])
@pytest.mark.parametrize("item_count", [1, 3])
def test_documents_feed_query_count_is_fixed(client, django_assert_num_queries, url, item_count):
    group = GroupFactory()
    for _ in range(item_count):
        DocumentFactory()
        DocumentFactory(meeting=None, group=group)
        DocumentFactory(visibility=Document.Visibility.MEMBERS)

    with django_assert_num_queries(1):
        response = client.get(url)

    assert response.content.count(b"Report to Ministers") == 2 * item_count


# --- Outcome changes --------------------------------------------------------


def test_outcomes_feed_lists_each_status_change_newest_first(client):
    som = MeetingFactory(
        custom_title="Fifth Senior Officials Meeting", start_date=datetime.date(2013, 4, 1)
    )
    ahg = GroupFactory(name="Ad Hoc Group", short_name="AHG", slug="ahg")
    outcome = OutcomeFactory(
        title="Establish a working group on trafficking in persons",
        source_meeting=None,
        source_group=ahg,
        date=datetime.date(2013, 3, 1),
        text="The AHG recommended a working group on trafficking in persons.",
    )
    proposed = OutcomeStatusFactory(
        outcome=outcome, status=OutcomeStatus.Status.PROPOSED, date=datetime.date(2013, 3, 1)
    )
    endorsed = OutcomeStatusFactory(
        outcome=outcome,
        status=OutcomeStatus.Status.ENDORSED,
        date=datetime.date(2013, 4, 1),
        meeting=som,
        note="Endorsed by the fifth SOM.",
    )
    entered(proposed, ENTERED)
    entered(endorsed, ENTERED + datetime.timedelta(days=1))

    response = client.get("/feeds/outcomes/")

    assert response.status_code == 200
    items = rss_items(response)
    assert [item["title"] for item in items] == [
        "Endorsed: Establish a working group on trafficking in persons",
        "Proposed: Establish a working group on trafficking in persons",
    ]
    url = f"http://testserver{outcome.get_absolute_url()}"
    assert items[0]["link"] == f"{url}#status-{endorsed.pk}"
    assert items[1]["link"] == f"{url}#status-{proposed.pk}"
    assert items[0]["guid"] == items[0]["link"]
    assert items[0]["pubDate"] == "Tue, 03 Nov 2026 09:30:00 +0000"
    assert items[0]["description"] == (
        "<p>Endorsed on 1 April 2013 · recorded at Fifth Senior Officials Meeting</p>"
        "<p>Recommendation · from Ad Hoc Group</p>"
        "<p>Endorsed by the fifth SOM.</p>"
        "<p>The AHG recommended a working group on trafficking in persons.</p>"
    )


def test_outcomes_feed_never_shows_outcomes_of_an_unpublished_meeting(manager_client):
    draft = MeetingFactory(is_published=False)
    hidden = OutcomeFactory(source_meeting=draft, title="Hidden recommendation")
    OutcomeStatusFactory(outcome=hidden)
    shown = OutcomeFactory(title="Public recommendation")
    OutcomeStatusFactory(outcome=shown)

    for url in ("/feeds/outcomes/", "/feeds/outcomes/atom/"):
        response = manager_client.get(url)

        assert b"Public recommendation" in response.content
        assert b"Hidden recommendation" not in response.content


def test_outcomes_feed_does_not_name_an_unpublished_meeting_a_change_was_recorded_at(client):
    outcome = OutcomeFactory(title="Public recommendation")
    later = MeetingFactory(
        custom_title="Draft Steering Group Meeting",
        is_published=False,
        start_date=outcome.date,
    )
    OutcomeStatusFactory(outcome=outcome, status=OutcomeStatus.Status.ENDORSED, meeting=later)

    response = client.get("/feeds/outcomes/")

    assert b"Public recommendation" in response.content
    assert b"Draft Steering Group Meeting" not in response.content


def test_outcomes_atom_feed_gives_each_change_its_own_id(client):
    outcome = OutcomeFactory()
    OutcomeStatusFactory(outcome=outcome, status=OutcomeStatus.Status.PROPOSED)
    OutcomeStatusFactory(outcome=outcome, status=OutcomeStatus.Status.ENDORSED)

    entries = atom_entries(client.get("/feeds/outcomes/atom/"))

    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == 2
    assert all(id_.startswith("http://testserver/") for id_ in ids)


@pytest.mark.parametrize("url", ["/feeds/outcomes/", "/feeds/outcomes/atom/"])
@pytest.mark.parametrize("item_count", [1, 3])
def test_outcomes_feed_query_count_is_fixed(client, django_assert_num_queries, url, item_count):
    group = GroupFactory()
    for _ in range(item_count):
        outcome = OutcomeFactory()
        OutcomeStatusFactory(outcome=outcome, meeting=outcome.source_meeting)
        OutcomeStatusFactory(outcome=outcome, status=OutcomeStatus.Status.ENDORSED)
        by_group = OutcomeFactory(source_meeting=None, source_group=group, date=outcome.date)
        OutcomeStatusFactory(outcome=by_group, status=OutcomeStatus.Status.COMPLETED)

    with django_assert_num_queries(1):
        response = client.get(url)

    assert response.content.count(b"Establish a working group") == 3 * item_count


# --- Finding the feeds --------------------------------------------------------


def test_every_page_announces_the_feeds_and_links_to_them_and_the_calendar(client):
    response = client.get("/search/")

    assert (
        '<link rel="alternate" type="application/atom+xml" title="Bali Process: new documents" '
        'href="/feeds/documents/atom/">'
    ) in response.text
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Bali Process: outcome changes" '
        'href="/feeds/outcomes/atom/">'
    ) in response.text
    for href in ("/feeds/documents/", "/feeds/outcomes/", "/calendar.ics"):
        assert f'<a href="{href}">' in response.text


# --- Text XML cannot carry -------------------------------------------------

DOCUMENT_TEXT = ("Bali report", "First line\nsecond line.")
OUTCOME_TEXT = ("Regional guide", "Endorsed\nby officials")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/feeds/documents/", DOCUMENT_TEXT),
        ("/feeds/documents/atom/", DOCUMENT_TEXT),
        ("/feeds/outcomes/", OUTCOME_TEXT),
        ("/feeds/outcomes/atom/", OUTCOME_TEXT),
    ],
)
def test_feeds_carry_text_with_control_characters_as_line_breaks(client, path, expected):
    # A vertical tab is what Word's Shift+Enter pastes into a text box.
    DocumentFactory(title="Bali\x01 report", summary="First line\x0bsecond line\x07.")
    OutcomeStatusFactory(
        outcome=OutcomeFactory(title="Regional\x1f guide", text="Agreed\x0cnoted"),
        note="Endorsed\x0bby officials",
    )

    response = client.get(path)

    assert response.status_code == 200
    text = response.content.decode()
    assert [character for character in "\x01\x07\x0b\x0c\x1f" if character in text] == []
    assert [part for part in expected if part not in text] == []
