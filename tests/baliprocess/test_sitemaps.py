"""The sitemap of every public page, and robots.txt pointing to it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from meetings.models import Document
from tests.factories import (
    DocumentFactory,
    GroupFactory,
    MeetingFactory,
    OutcomeFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse_xml(content: bytes) -> ET.Element:
    # Our own response, not untrusted input: the standard parser is safe here.
    return ET.fromstring(content)  # noqa: S314


def locations(response) -> list[str]:
    root = parse_xml(response.content)
    return [url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")]


def test_sitemap_lists_the_list_pages_and_every_public_record(client):
    meeting = MeetingFactory()
    participant = ParticipantFactory()
    group = GroupFactory()
    outcome = OutcomeFactory(source_meeting=meeting)
    document = DocumentFactory(meeting=meeting)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/xml"
    assert locations(response) == [
        "http://testserver/",
        "http://testserver/meetings/",
        "http://testserver/members/",
        "http://testserver/groups/",
        "http://testserver/workshops/",
        "http://testserver/outcomes/",
        "http://testserver/documents/",
        f"http://testserver{meeting.get_absolute_url()}",
        f"http://testserver{participant.get_absolute_url()}",
        f"http://testserver{group.get_absolute_url()}",
        f"http://testserver{outcome.get_absolute_url()}",
        f"http://testserver{document.get_absolute_url()}",
    ]


def test_sitemap_gives_the_last_change_of_records(client):
    meeting = MeetingFactory()

    root = parse_xml(client.get("/sitemap.xml").content)

    entry = next(
        url
        for url in root.findall(f"{SITEMAP}url")
        if url.find(f"{SITEMAP}loc").text.endswith(meeting.get_absolute_url())
    )
    last_change = timezone.localtime(meeting.updated_at).date()
    assert entry.find(f"{SITEMAP}lastmod").text == last_change.isoformat()


def test_sitemap_uses_the_address_it_was_asked_for(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    meeting = MeetingFactory()

    response = client.get("/sitemap.xml", headers={"host": "portal.example.org"}, secure=True)

    assert f"https://portal.example.org{meeting.get_absolute_url()}" in locations(response)


@pytest.mark.parametrize(
    "restriction",
    [
        {"visibility": Document.Visibility.MEMBERS},
        {"visibility": Document.Visibility.SECRETARIAT},
        {"embargo_until": datetime.date(2999, 1, 1)},
    ],
    ids=["members-only", "secretariat-only", "embargoed"],
)
def test_sitemap_never_lists_a_restricted_document(manager_client, restriction):
    document = DocumentFactory(**restriction)

    urls = locations(manager_client.get("/sitemap.xml"))

    assert f"http://testserver{document.get_absolute_url()}" not in urls


def test_sitemap_never_lists_an_unpublished_meeting_or_what_belongs_to_it(manager_client):
    draft = MeetingFactory(is_published=False)
    outcome = OutcomeFactory(source_meeting=draft)
    document = DocumentFactory(meeting=draft)

    urls = locations(manager_client.get("/sitemap.xml"))

    for record in (draft, outcome, document):
        assert f"http://testserver{record.get_absolute_url()}" not in urls
    assert len(urls) == 7  # the list pages only


@pytest.mark.parametrize("item_count", [1, 3])
def test_sitemap_query_count_is_fixed(client, django_assert_num_queries, item_count):
    for _ in range(item_count):
        meeting = MeetingFactory()
        ParticipantFactory()
        GroupFactory()
        OutcomeFactory(source_meeting=meeting)
        DocumentFactory(meeting=meeting)
        DocumentFactory(meeting=meeting, visibility=Document.Visibility.MEMBERS)

    with django_assert_num_queries(10):
        response = client.get("/sitemap.xml")

    assert len(locations(response)) == 7 + 5 * item_count


# --- robots.txt -------------------------------------------------------------


def test_robots_txt_gives_the_sitemap_absolute_address(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.text.splitlines()
    assert "Disallow: /admin/" in response.text.splitlines()


def test_robots_txt_gives_the_sitemap_over_https_when_asked_over_https(client):
    response = client.get("/robots.txt", secure=True)

    assert "Sitemap: https://testserver/sitemap.xml" in response.text.splitlines()
