"""The questions of the issue, asked of the portal as a reader would ask them.

Each question is asked of two records: one built with factories in the shape
of the seeds (tests/portal/records.py), and the one `manage.py load_record`
(with `load_demo_content`) loads from the seed documents. The tests find
records by what a reader knows (a name, a kind, a year), never by how a
record was built.
"""

import io
import re

import pytest
from django.core.management import call_command, get_commands

from meetings.models import Document, Meeting
from membership.models import Participant
from tests.portal.html import item_titles, main_text, table_rows
from tests.portal.records import build_seed_shaped_record
from workshops.models import Group, Outcome

pytestmark = pytest.mark.django_db

OBSERVERS_AT_BRISBANE = (
    "Austria",
    "Canada",
    "Finland",
    "Germany",
    "Netherlands",
    "Norway",
    "Russian Federation",
    "South Africa",
    "Spain",
    "Switzerland",
    "United States",
    "APC",
    "ICMPD",
    "Interpol",
    "UNDP",
    "UNODC",
    "ILO",
    "IFRC",
)


@pytest.fixture(params=["factories", "load_record"])
def record(request, db):
    if request.param == "factories":
        build_seed_shaped_record()
        return request.param
    commands = get_commands()
    if "load_record" not in commands:
        pytest.skip("The record loader (manage.py load_record) does not exist yet.")
    call_command("load_record", stdout=io.StringIO())
    if "load_demo_content" in commands:
        call_command("load_demo_content", stdout=io.StringIO())
    return request.param


def _participant(short_name: str) -> Participant:
    return Participant.objects.get(short_name=short_name)


def _brisbane_som() -> Meeting:
    return Meeting.objects.get(
        kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING, start_date__year=2004, city="Brisbane"
    )


def test_which_meetings_were_held_in_2004_and_who_co_chaired_them(client, record):
    every_meeting = client.get("/meetings/", {"year": "2004"})
    officials = client.get("/meetings/", {"year": "2004", "kind": "senior_officials_meeting"})
    text = main_text(every_meeting)

    assert item_titles(officials) == [_brisbane_som().title]
    assert "7–8 June 2004 · Brisbane, Australia Co-chaired by Australia and Indonesia." in text
    assert text.count("Co-chaired by") == 1  # the workshops of 2004 had hosts, not co-chairs
    dates = re.findall(r'<time datetime="([0-9-]+)">', every_meeting.text)
    assert len(dates) == len(item_titles(every_meeting)) >= 7
    assert {date[:4] for date in dates} == {"2004"}
    assert "Workshop · March 2004" in text
    assert "Hosted by Thailand." in text


def test_who_were_the_observers_at_the_brisbane_som(client, record):
    meeting = _brisbane_som()

    page = client.get(meeting.get_absolute_url())
    full_list = client.get(f"/meetings/{meeting.slug}/participants/")

    assert ["Observers", "11", "7", "18"] in table_rows(page)
    assert ["Members", "36", "2", "38"] in table_rows(page)
    assert "The record reports 139 delegates in all." in main_text(page)
    assert f'href="/meetings/{meeting.slug}/participants/"' in page.text
    assert full_list.status_code == 200
    listed = main_text(full_list)
    observers = listed[listed.index("Observers") :]
    for name in OBSERVERS_AT_BRISBANE:
        participant = _participant(name)
        assert participant.short_name in observers or participant.name in observers
    assert "United Arab Emirates" not in listed


def test_when_the_united_states_became_a_member(client, record):
    united_states = _participant("United States")

    response = client.get(united_states.get_absolute_url())
    text = main_text(response)

    assert "Member of the Bali Process since 1 April 2013." in text
    # The record does not say when it became an observer: only since when it shows it.
    assert "Observer since at least 7 June 2004, until 1 April 2013" in text
    assert "Member from 1 April 2013 Current Decided at Fifth Senior Officials Meeting." in text


def test_what_the_ad_hoc_groups_terms_of_reference_are(client, record):
    ahg = Group.objects.get(short_name="AHG")

    response = client.get(ahg.get_absolute_url())
    text = main_text(response)

    starts = (
        "(a) to develop practical outcomes at the operational level to assist countries",
        "(b) to enhance information sharing arrangements between most-affected countries",
        "(c) to report to Co-Chairs through the Steering Group with concrete recommendations",
    )
    positions = [text.index(start) for start in starts]
    assert positions == sorted(positions)
    assert "Adopted by Third Bali Regional Ministerial Conference (14–15 April 2009)." in text


def test_which_workshops_thailand_hosted(client, record):
    thailand = _participant("Thailand")

    response = client.get("/workshops/", {"host": thailand.slug})
    text = main_text(response)

    assert len(item_titles(response)) == 2
    assert re.findall(r"Workshop · (\w+ \d{4})", text) == ["May 2004", "March 2004"]
    assert text.count("Hosted by Thailand.") == 2


def test_what_happened_to_the_recommendation_on_a_working_group_on_trafficking(client, record):
    recommendation = Outcome.objects.get(
        kind=Outcome.Kind.RECOMMENDATION,
        title__icontains="working group on trafficking in persons",
    )

    register = client.get("/outcomes/", {"status": "endorsed", "kind": "recommendation"})
    response = client.get(recommendation.get_absolute_url())
    text = main_text(response)

    assert recommendation.title in item_titles(register)
    assert "Recommendation, now endorsed." in text
    assert "1 April 2013: Endorsed At Fifth Senior Officials Meeting." in text
    assert "This recommendation is endorsed by" in text
    assert "This recommendation is followed by" in text
    assert (
        "Working Group on Trafficking in Persons"
        in client.get(
            Group.objects.get(name="Working Group on Trafficking in Persons").get_absolute_url()
        ).content.decode()
    )


def test_a_member_official_reads_a_members_only_document_an_anonymous_visitor_cannot(
    anonymous_client, member_client, record
):
    document = Document.objects.filter(visibility=Document.Visibility.MEMBERS).first()
    assert document is not None, "the record has no members-only document"

    refused = anonymous_client.get(document.get_absolute_url())
    read = member_client.get(document.get_absolute_url())
    listed_to_anonymous = item_titles(anonymous_client.get("/documents/"))
    listed_to_member = item_titles(member_client.get("/documents/", {"year": document.date.year}))

    assert refused.status_code == 403
    assert document.title not in refused.text
    assert read.status_code == 200
    assert document.title in main_text(read)
    assert document.title not in listed_to_anonymous
    assert document.title in listed_to_member
