"""Filters that name a meeting, a participant, a group or a country by typing.

A meeting or a participant is not offered in a menu of them all (the menu grew
with the record): the reader types a name, part of one, or the slug a shared
link carries. One record fits: the list is filtered by it. Several fit: the
page lists them (ten at most), each a link that chooses it, and lists nothing.
None fits: the page says what was typed. Only records the viewer may see can
fit (baliprocess.lib.filters.RecordFilter).
"""

import re
from html import unescape

import pytest

from baliprocess.lib.filters import MAX_CANDIDATES, MAX_SELECT_OPTIONS
from meetings.models import MeetingRole
from tests import factories
from tests.portal.html import item_titles, messages

pytestmark = pytest.mark.django_db

Role = MeetingRole.Role


def _choices(response) -> list[tuple[str, str]]:
    """The links of the "which one did you mean?" message: (label, address)."""
    alert = re.search(r'<div class="message message--error".*?</div>', response.text, re.DOTALL)
    return [
        (unescape(label), unescape(href))
        for href, label in re.findall(r'<a href="([^"]*)">([^<]*)</a>', alert.group())
    ]


def _documents_of(*titles):
    meetings = [factories.MeetingFactory(custom_title=title) for title in titles]
    for meeting in meetings:
        factories.DocumentFactory(meeting=meeting, title=f"Report of {meeting.title}")
    return meetings


# --- One record fits ------------------------------------------------------------------


def test_meeting_is_found_by_part_of_its_title(client):
    _documents_of("Fourth Ministerial Conference", "Fifth Senior Officials Meeting")

    response = client.get("/documents/", {"meeting": "fourth ministerial"})

    assert item_titles(response) == ["Report of Fourth Ministerial Conference"]
    assert messages(response) == []
    assert "Found: Fourth Ministerial Conference (" in response.text


def test_meeting_is_found_by_its_slug_as_a_shared_link_names_it(client):
    fourth, _ = _documents_of("Fourth Ministerial Conference", "Fourth Ministerial Retreat")

    response = client.get("/documents/", {"meeting": fourth.slug})

    assert item_titles(response) == ["Report of Fourth Ministerial Conference"]


def test_meeting_whose_whole_title_is_typed_is_found_among_longer_titles(client):
    _documents_of("Bali Workshop", "Bali Workshop on Document Fraud")

    response = client.get("/outcomes/", {"meeting": "bali workshop"})

    assert messages(response) == []


def test_meeting_is_found_by_words_of_its_title_and_city(client):
    factories.MeetingFactory(custom_title="Fourth Ministerial Conference", city="Bali")
    meeting = factories.MeetingFactory(custom_title="Fifth Ministerial Conference", city="Bali")
    factories.DocumentFactory(meeting=meeting, title="Co-chairs' statement")

    response = client.get("/documents/", {"meeting": "fifth ministerial bali"})

    assert item_titles(response) == ["Co-chairs' statement"]


@pytest.mark.parametrize(
    "typed", ["thailand", "Thailand", "Kingdom of Thailand", "TH", "siam", "thai"]
)
def test_participant_is_found_by_slug_name_code_or_another_name(client, typed):
    thailand = factories.ParticipantFactory(
        short_name="Thailand", name="Kingdom of Thailand", slug="thailand", country="TH"
    )
    factories.ParticipantNameFactory(participant=thailand, name="Siam")
    attended = factories.MeetingFactory(custom_title="Attended")
    factories.MeetingFactory(custom_title="Not attended")
    factories.DelegationFactory(meeting=attended, participant=thailand)

    response = client.get("/meetings/", {"participant": typed})

    assert item_titles(response) == ["Attended"]


def test_organisation_is_found_by_its_acronym(client):
    unhcr = factories.OrganisationFactory(
        short_name="UNHCR", acronym="UNHCR", name="United Nations High Commissioner for Refugees"
    )
    outcome = factories.OutcomeFactory(responsible_participants=[unhcr], title="Protect")
    factories.OutcomeFactory(title="Other")

    response = client.get("/outcomes/", {"participant": "unhcr"})

    assert item_titles(response) == [outcome.title]


def test_host_country_is_found_by_code_or_name(client):
    factories.MeetingFactory(custom_title="Bangkok", country="TH")
    factories.MeetingFactory(custom_title="Suva", country="FJ")

    by_code = client.get("/meetings/", {"country": "th"})
    by_name = client.get("/meetings/", {"country": "Thai"})

    assert item_titles(by_code) == item_titles(by_name) == ["Bangkok"]


def test_meetings_are_found_by_who_chaired_hosted_or_organised_them(client):
    indonesia = factories.ParticipantFactory(short_name="Indonesia", slug="indonesia")
    roles = {"Chaired": Role.CO_CHAIR, "Hosted": Role.HOST, "Organised": Role.CO_ORGANISER}
    for title, role in roles.items():
        factories.MeetingRoleFactory(
            meeting=factories.MeetingFactory(custom_title=title), participant=indonesia, role=role
        )
    factories.MeetingRoleFactory(meeting=factories.MeetingFactory(custom_title="Elsewhere"))

    response = client.get("/meetings/", {"role": "indonesia"})

    assert sorted(item_titles(response)) == ["Chaired", "Hosted", "Organised"]


def test_meetings_are_found_by_the_group_they_were_held_under(client):
    ahg = factories.GroupFactory(short_name="AHG", slug="ahg")
    factories.MeetingFactory(custom_title="Under the AHG", group=ahg)
    factories.MeetingFactory(custom_title="Plenary")

    response = client.get("/meetings/", {"group": "ahg"})

    assert item_titles(response) == ["Under the AHG"]


# --- Several fit, or none ---------------------------------------------------------------


def test_several_meetings_fit_the_page_lists_each_as_a_link_and_nothing_else(client):
    fourth, fifth = _documents_of("Fourth Ministerial Conference", "Fifth Ministerial Conference")

    response = client.get("/documents/", {"meeting": "ministerial", "kind": "report", "page": "2"})

    assert messages(response)[0].startswith("One filter could not be used")
    assert "Meeting: “ministerial” fits 2 meetings; choose one of them." in messages(response)[0]
    assert _choices(response) == [
        (f"{meeting.title} ({meeting.dates_label})", f"?meeting={meeting.slug}&kind=report")
        for meeting in sorted((fourth, fifth), key=lambda m: m.start_date, reverse=True)
    ]
    assert item_titles(response) == []


def test_a_chosen_link_lists_the_documents_of_that_meeting(client):
    _documents_of("Fourth Ministerial Conference", "Fifth Ministerial Conference")
    listed = client.get("/documents/", {"meeting": "ministerial"})

    response = client.get(f"/documents/{_choices(listed)[0][1]}")

    assert item_titles(response) == ["Report of Fifth Ministerial Conference"]


def test_many_participants_fit_the_page_lists_the_first_ten(client):
    meeting = factories.MeetingFactory()
    for _ in range(MAX_CANDIDATES + 2):
        factories.DelegationFactory(meeting=meeting)  # "Testland 0001"…

    response = client.get("/meetings/", {"participant": "testland"})

    assert "fits more than 10 participants; type more of the name" in messages(response)[0]
    assert len(_choices(response)) == MAX_CANDIDATES
    assert item_titles(response) == []


def test_no_meeting_fits_the_page_names_what_was_typed(client):
    _documents_of("Fourth Ministerial Conference")

    response = client.get("/documents/", {"meeting": "xyz"})

    assert messages(response)[0].endswith(
        "Meeting: No meeting matches “xyz” among those you can see."
    )
    assert item_titles(response) == []


# --- What the viewer may see -------------------------------------------------------------


@pytest.mark.parametrize("typed", ["draft-meeting", "Secret Retreat", "secret"])
def test_unpublished_meeting_never_fits_for_the_public(anonymous_client, typed):
    factories.MeetingFactory(
        custom_title="Secret Retreat", slug="draft-meeting", is_published=False
    )

    response = anonymous_client.get("/outcomes/", {"meeting": typed})

    assert messages(response)[0].endswith(
        f"Meeting: No meeting matches “{typed}” among those you can see."
    )
    assert 'href="/meetings/draft-meeting/"' not in response.text


def test_unpublished_meeting_is_never_offered_among_several(anonymous_client):
    factories.MeetingFactory(custom_title="Secret Retreat One", is_published=False)
    factories.MeetingFactory(custom_title="Open Retreat One")
    factories.MeetingFactory(custom_title="Open Retreat Two")

    response = anonymous_client.get("/documents/", {"meeting": "retreat"})

    assert [label.split(" (")[0] for label, _ in _choices(response)] == [
        "Open Retreat Two",
        "Open Retreat One",
    ]


def test_unpublished_meeting_is_found_by_the_secretariat(editor_client):
    draft = factories.MeetingFactory(custom_title="Secret Retreat", is_published=False)
    factories.DocumentFactory(meeting=draft, title="Draft agenda")

    response = editor_client.get("/documents/", {"meeting": "secret retreat"})

    assert item_titles(response) == ["Draft agenda"]


# --- Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("x" * 5000, "Meeting: Type at most 200 characters; this has 5000."),
        ("a\x00b", "Meeting: What was typed holds a NUL character, which no name has."),
        ("- – —", "Meeting: No meeting matches “- – —” among those you can see."),
        ("%", "Meeting: No meeting matches “%” among those you can see."),
    ],
    ids=["5000 characters", "NUL byte", "only dashes", "a LIKE wildcard"],
)
def test_bad_input_gets_a_message_not_an_error(client, value, message):
    _documents_of("Fourth Ministerial Conference")

    response = client.get("/documents/", {"meeting": value})

    assert response.status_code == 200
    assert messages(response)[0].endswith(message)
    assert item_titles(response) == []


def test_bad_input_never_reaches_the_database(client, django_assert_num_queries):
    # the groups menu only: no search for a name, and a refused filter lists nothing
    with django_assert_num_queries(1):
        client.get("/documents/", {"meeting": "a\x00b"})


# --- Short tables keep a menu ------------------------------------------------------------------


def test_groups_menu_marks_the_group_found_by_name(client):
    factories.GroupFactory(name="Ad Hoc Group", short_name="AHG", slug="ahg")

    response = client.get("/documents/", {"group": "ad hoc group"})

    assert '<option value="ahg" selected>Ad Hoc Group</option>' in response.text
    assert messages(response) == []


def test_themes_menu_becomes_a_text_box_past_its_cap(client):
    factories.ThemeFactory(name="Victim support", slug="victim-support")
    for _ in range(MAX_SELECT_OPTIONS):
        factories.ThemeFactory()

    response = client.get("/workshops/", {"theme": "victim-support"})

    assert '<select name="theme"' not in response.text
    assert '<input type="text" name="theme" value="victim-support"' in response.text
    assert "Found: Victim support" in response.text
