"""Pages whose size does not grow with the record (issue 9).

A record grown to thousands of meetings must not make any page longer than
one page of rows: lists paginate, filters that name a meeting or a participant
are typed rather than offered as a menu of them all, and a page about one
record shows only the start of its long lists (an Excerpt) with a link to the
list filtered by it. Each page is read at a small and a larger size of the
record: the same queries, and bytes within a fixed bound; grown further from
a size past a page of everything, no page gains more than a few bytes.
"""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from baliprocess.lib.excerpts import EXCERPT_ROWS
from baliprocess.lib.filters import MAX_SELECT_OPTIONS
from meetings.models import Document
from tests import factories
from tests.portal import builders
from tests.portal.html import item_titles, main_text, table_rows

pytestmark = pytest.mark.django_db

# LARGE is past a page of every list (meetings, workshops, groups), past the
# excerpts and past the cap of the groups' and themes' menus.
SMALL, PAST_A_PAGE, LARGE, GROWN = 3, EXCERPT_ROWS + 2, 60, 75


class Record:
    """A record that grows by `grow(count)`: each step adds, per count, a meeting
    that Australia attended and co-chaired (every other one a workshop with a
    theme), held under the AHG, with a document; a document and an outcome of
    the Bali meeting, an outcome recorded at it, each in Australia's charge; a
    participant, a group and a theme; and a member official's document."""

    def __init__(self):
        self.australia = builders.member(short_name="Australia", slug="australia")
        self.ahg = factories.GroupFactory(name="Ad Hoc Group", short_name="AHG", slug="ahg")
        self.bali = factories.MeetingFactory(
            custom_title="Bali Regional Ministerial Conference",
            slug="bali",
            start_date=datetime.date(2002, 2, 26),
            group=self.ahg,
        )
        factories.DelegationFactory(meeting=self.bali, participant=self.australia)
        self.outcome = factories.OutcomeFactory(
            source_meeting=self.bali, responsible_participants=[self.australia]
        )
        self.document = factories.DocumentFactory(meeting=self.bali, title="Co-chairs' Statement")
        self.count = 0

    def grow(self, count: int) -> "Record":
        for index in range(self.count, count):
            self._add(index)
        self.count = count
        return self

    def _add(self, index: int):
        day = datetime.date(2004, 1, 1) + datetime.timedelta(days=7 * index)
        factory = factories.WorkshopFactory if index % 2 else factories.MeetingFactory
        meeting = factory(start_date=day, group=self.ahg)
        factories.DelegationFactory(meeting=meeting, participant=self.australia)
        factories.DelegationFactory(meeting=meeting, participant=factories.ParticipantFactory())
        factories.MeetingRoleFactory(meeting=meeting, participant=self.australia)
        theme = factories.ThemeFactory()
        if index % 2:
            theme.meetings.add(meeting)
        factories.GroupFactory()
        factories.DocumentFactory(meeting=meeting, date=day)
        factories.DocumentFactory(meeting=self.bali, date=self.bali.start_date)
        factories.DocumentFactory(meeting=meeting, date=day, visibility=Document.Visibility.MEMBERS)
        factories.DocumentFactory(meeting=None, group=self.ahg, date=day)
        factories.OutcomeFactory(
            source_meeting=self.bali,
            responsible_participants=[self.australia],
            responsible_group=self.ahg,
        )
        elsewhere = factories.OutcomeFactory(
            source_meeting=meeting, responsible_participants=[self.australia]
        )
        factories.OutcomeStatusFactory(outcome=elsewhere, meeting=self.bali, date=day)

    def pages(self) -> dict[str, str]:
        return {
            "home": "/",
            "meetings": "/meetings/",
            "meetings attended by Australia": "/meetings/?participant=australia",
            "meetings, several participants fit": "/meetings/?participant=testland",
            "documents": "/documents/",
            "documents of a meeting typed": "/documents/?meeting=bali+ministerial",
            "outcomes": "/outcomes/",
            "workshops": "/workshops/",
            "groups": "/groups/",
            "members": "/members/",
            "a meeting": self.bali.get_absolute_url(),
            "a participant": self.australia.get_absolute_url(),
            "a group": self.ahg.get_absolute_url(),
            "an outcome": self.outcome.get_absolute_url(),
            "a document": self.document.get_absolute_url(),
            "sitemap index": "/sitemap.xml",
        }


def _read(client, record: Record) -> tuple[dict[str, int], dict[str, int]]:
    """Each page's size in bytes and number of queries, for an anonymous visitor."""
    sizes, queries = {}, {}
    for name, address in record.pages().items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(address)
        assert response.status_code == 200, name
        sizes[name], queries[name] = len(response.content), len(captured)
    return sizes, queries


# The queries of each page, the same whatever the size of the record.
QUERIES = {
    "home": 6,
    "meetings": 4,
    "meetings attended by Australia": 5,
    "meetings, several participants fit": 2,
    "documents": 3,
    "documents of a meeting typed": 4,
    "outcomes": 4,
    "workshops": 6,
    "groups": 2,
    "members": 3,  # and how many have no status recorded on the day
    "a meeting": 9,
    "a participant": 9,
    "a group": 10,
    "an outcome": 6,
    "a document": 3,
    "sitemap index": 9,
}
# At most this many bytes, however large the record: a page of rows and no more.
BYTES = {
    "home": 10_000,
    "meetings": 17_000,
    "meetings attended by Australia": 17_000,
    "meetings, several participants fit": 10_000,
    "documents": 12_000,
    "documents of a meeting typed": 13_000,
    "outcomes": 20_000,
    "workshops": 16_000,
    "groups": 25_000,
    "members": 6_000,
    "a meeting": 21_000,
    "a participant": 25_000,
    "a group": 21_000,
    "an outcome": 4_500,
    "a document": 4_500,
    "sitemap index": 1_000,
}


@pytest.mark.parametrize("item_count", [SMALL, LARGE])
def test_every_page_has_fixed_queries_and_bounded_size(client, item_count):
    record = Record().grow(item_count)

    sizes, queries = _read(client, record)

    assert queries == QUERIES
    assert {name: size for name, size in sizes.items() if size > BYTES[name]} == {}


def test_no_page_grows_when_the_record_grows_past_a_page(client):
    record = Record().grow(LARGE)
    before, _ = _read(client, record)

    after, _ = _read(client, record.grow(GROWN))

    # A count gains a digit, a title a character or two: never another row.
    grown = {name: after[name] - before[name] for name in after}
    assert {name: growth for name, growth in grown.items() if growth > 100} == {}


# --- What the excerpts show -----------------------------------------------------------


def _link(response, text: str) -> str:
    """The address of the link whose words begin with `text`."""
    found = re.search(rf'<a href="([^"]*)">{re.escape(text)}', response.content.decode())
    assert found, text
    return unescape(found.group(1))


def test_participant_page_shows_the_latest_and_links_to_lists_of_them_all(client):
    record = Record().grow(PAST_A_PAGE)

    response = client.get(record.australia.get_absolute_url())

    attended = [row for row in table_rows(response) if row and row[-1] == "Member"]
    assert len(attended) == EXCERPT_ROWS
    assert f"{EXCERPT_ROWS} of {PAST_A_PAGE + 1} shown." in main_text(response)
    links = {
        "attended": _link(response, f"All {PAST_A_PAGE + 1} meetings attended by Australia"),
        "chaired": _link(response, "All meetings Australia chaired, hosted or organised"),
        "outcomes": _link(
            response, f"All {2 * PAST_A_PAGE + 1} outcomes Australia is responsible for"
        ),
    }
    assert links == {
        "attended": "/meetings/?participant=australia",
        "chaired": "/meetings/?role=australia",
        "outcomes": "/outcomes/?participant=australia",
    }
    # Each list holds as many as the page counted.
    assert {name: client.get(link).context["paginator"].count for name, link in links.items()} == {
        "attended": PAST_A_PAGE + 1,
        "chaired": PAST_A_PAGE,
        "outcomes": 2 * PAST_A_PAGE + 1,
    }


def test_participant_page_without_more_rows_than_it_shows_links_to_nothing_more(client):
    record = Record().grow(SMALL)

    response = client.get(record.australia.get_absolute_url())

    assert "shown." not in main_text(response)
    assert "/meetings/?participant=australia" not in response.text


def test_group_page_shows_the_latest_meetings_outcomes_and_documents(client):
    record = Record().grow(PAST_A_PAGE)

    response = client.get(record.ahg.get_absolute_url())

    assert _link(response, f"All {PAST_A_PAGE + 1} meetings and workshops held under the AHG") == (
        "/meetings/?group=ahg"
    )
    assert _link(response, f"All {PAST_A_PAGE} outcomes from the AHG or in its charge") == (
        "/outcomes/?group=ahg"
    )
    assert _link(response, f"All {PAST_A_PAGE} documents of the AHG") == "/documents/?group=ahg"
    assert len(item_titles(response)) == 3 * EXCERPT_ROWS
    assert client.get("/meetings/", {"group": "ahg"}).context["paginator"].count == (
        PAST_A_PAGE + 1
    )


def test_meeting_page_shows_the_first_documents_and_outcomes(client):
    record = Record().grow(PAST_A_PAGE)

    response = client.get(record.bali.get_absolute_url())

    assert _link(response, f"All {PAST_A_PAGE + 1} documents of this meeting") == (
        "/documents/?meeting=bali"
    )
    assert _link(response, "All outcomes of this meeting or decided at it") == (
        "/outcomes/?meeting=bali"
    )
    assert len(item_titles(response)) == 3 * EXCERPT_ROWS
    assert client.get("/documents/", {"meeting": "bali"}).context["paginator"].count == (
        PAST_A_PAGE + 1
    )


def test_groups_menu_becomes_a_text_box_past_its_cap(client):
    for _ in range(MAX_SELECT_OPTIONS):
        factories.GroupFactory()
    few = client.get("/documents/")
    factories.GroupFactory()

    many = client.get("/documents/")

    menu = re.search(r'<select name="group".*?</select>', few.text, re.DOTALL)
    assert menu.group().count("<option") == MAX_SELECT_OPTIONS + 1  # and "Any group"
    assert '<select name="group"' not in many.text
    assert re.search(r'<input type="text" name="group"', many.text)
