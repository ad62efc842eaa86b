"""The sitemap of every public page, and robots.txt pointing to it."""

import datetime
import xml.etree.ElementTree as ET
from itertools import chain
from urllib.parse import urlsplit

import pytest
from django.http import QueryDict
from django.utils import timezone

from baliprocess.sitemaps import SITEMAPS, MeetingSitemap
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
    """The addresses a section's page lists."""
    root = parse_xml(response.content)
    return [url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")]


def index_locations(response) -> list[str]:
    """The section pages the index lists."""
    root = parse_xml(response.content)
    return [entry.find(f"{SITEMAP}loc").text for entry in root.findall(f"{SITEMAP}sitemap")]


def every_location(client, **request) -> list[str]:
    """Every address of the sitemap: the index, then each page of each section."""
    urls = []
    for section in index_locations(client.get("/sitemap.xml", **request)):
        path, _, query = urlsplit(section)[2:5]
        urls += locations(client.get(path, QueryDict(query), **request))
    return urls


SECTIONS = ("pages", "meetings", "participants", "groups", "outcomes", "documents")


def test_sitemap_is_an_index_of_its_sections(client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/xml"
    assert index_locations(response) == [
        f"http://testserver/sitemap-{section}.xml" for section in SECTIONS
    ]


def test_sitemap_lists_the_list_pages_and_every_public_record(client):
    meeting = MeetingFactory()
    participant = ParticipantFactory()
    group = GroupFactory()
    outcome = OutcomeFactory(source_meeting=meeting)
    document = DocumentFactory(meeting=meeting)

    urls = every_location(client)

    assert urls == [
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


def test_sitemap_section_answers_as_xml(client):
    MeetingFactory()

    response = client.get("/sitemap-meetings.xml")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/xml"


def test_sitemap_section_that_does_not_exist_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_gives_the_last_change_of_records_and_of_their_section(client):
    meeting = MeetingFactory()
    last_change = timezone.localtime(meeting.updated_at).date().isoformat()

    section = parse_xml(client.get("/sitemap-meetings.xml").content)
    index = parse_xml(client.get("/sitemap.xml").content)

    entry = section.find(f"{SITEMAP}url")
    assert entry.find(f"{SITEMAP}loc").text.endswith(meeting.get_absolute_url())
    assert entry.find(f"{SITEMAP}lastmod").text == last_change
    meetings_entry = next(
        entry
        for entry in index.findall(f"{SITEMAP}sitemap")
        if entry.find(f"{SITEMAP}loc").text.endswith("/sitemap-meetings.xml")
    )
    assert meetings_entry.find(f"{SITEMAP}lastmod").text.startswith(last_change)


def test_sitemap_uses_the_address_it_was_asked_for(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    meeting = MeetingFactory()
    request = {"headers": {"host": "portal.example.org"}, "secure": True}

    index = index_locations(client.get("/sitemap.xml", **request))
    urls = every_location(client, **request)

    assert "https://portal.example.org/sitemap-meetings.xml" in index
    assert f"https://portal.example.org{meeting.get_absolute_url()}" in urls


def test_sitemap_section_comes_in_pages_of_at_most_its_limit(client, monkeypatch):
    monkeypatch.setattr(MeetingSitemap, "limit", 2)
    meetings = [MeetingFactory() for _ in range(5)]

    index = index_locations(client.get("/sitemap.xml"))
    pages = [locations(client.get("/sitemap-meetings.xml", {"p": number})) for number in (1, 2, 3)]

    assert [url for url in index if "meetings" in url] == [
        "http://testserver/sitemap-meetings.xml",
        "http://testserver/sitemap-meetings.xml?p=2",
        "http://testserver/sitemap-meetings.xml?p=3",
    ]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert list(chain(*pages)) == [
        f"http://testserver{meeting.get_absolute_url()}" for meeting in meetings
    ]
    assert client.get("/sitemap-meetings.xml", {"p": 4}).status_code == 404


def test_sitemap_sections_hold_at_most_five_hundred_addresses():
    assert {section: sitemap.limit for section, sitemap in SITEMAPS.items()} == dict.fromkeys(
        SECTIONS, 500
    )


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

    urls = every_location(manager_client)

    assert f"http://testserver{document.get_absolute_url()}" not in urls


def test_sitemap_never_lists_an_unpublished_meeting_or_what_belongs_to_it(manager_client):
    draft = MeetingFactory(is_published=False)
    outcome = OutcomeFactory(source_meeting=draft)
    document = DocumentFactory(meeting=draft)

    urls = every_location(manager_client)

    for record in (draft, outcome, document):
        assert f"http://testserver{record.get_absolute_url()}" not in urls
    assert len(urls) == 7  # the list pages only


def _records(item_count):
    for _ in range(item_count):
        meeting = MeetingFactory()
        ParticipantFactory()
        GroupFactory()
        OutcomeFactory(source_meeting=meeting)
        DocumentFactory(meeting=meeting)
        DocumentFactory(meeting=meeting, visibility=Document.Visibility.MEMBERS)


@pytest.mark.parametrize("item_count", [1, 3])
def test_sitemap_index_query_count_is_fixed(client, django_assert_num_queries, item_count):
    _records(item_count)

    # for each of the five record sections, its size; for the four with a last
    # change, the latest
    with django_assert_num_queries(9):
        response = client.get("/sitemap.xml")

    assert len(index_locations(response)) == 6


@pytest.mark.parametrize("section", SECTIONS[1:])
@pytest.mark.parametrize("item_count", [1, 3])
def test_sitemap_section_query_count_is_fixed(
    client, django_assert_num_queries, item_count, section
):
    _records(item_count)

    # the section's size, then its page
    with django_assert_num_queries(2):
        response = client.get(f"/sitemap-{section}.xml")

    assert len(locations(response)) == item_count


# --- robots.txt -------------------------------------------------------------


def test_robots_txt_gives_the_sitemap_absolute_address(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.text.splitlines()
    assert "Disallow: /admin/" in response.text.splitlines()


def test_robots_txt_gives_the_sitemap_over_https_when_asked_over_https(client):
    response = client.get("/robots.txt", secure=True)

    assert "Sitemap: https://testserver/sitemap.xml" in response.text.splitlines()
