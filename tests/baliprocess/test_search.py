"""The site-wide search: matching, ranking, snippets, who sees what, bad input."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from baliprocess.search import (
    DOCUMENT,
    PARTICIPANT,
    Alternative,
    excerpt,
    mark_terms,
    marks_to_html,
    parse_query,
    search,
    search_matches,
)
from meetings.models import Document
from tests.factories import (
    DocumentFactory,
    GroupFactory,
    MeetingFactory,
    OrganisationFactory,
    OutcomeFactory,
    ParticipantFactory,
    ParticipantNameFactory,
)

pytestmark = pytest.mark.django_db

# On PostgreSQL the search page's queries run in a savepoint with a time limit:
# SAVEPOINT, the SET of the limit, ROLLBACK TO and RELEASE SAVEPOINT (test_search_vectors.py).
TIME_LIMIT_QUERIES = 4 if connection.vendor == "postgresql" else 0


def result_titles(response) -> list[str]:
    """The plain text of each result's title, in the order shown."""
    titles = re.findall(
        r'<h3 class="search-result__title"><a href="[^"]*">(.*?)</a></h3>', response.text
    )
    return [re.sub(r"</?mark>", "", title) for title in titles]


def result_labels(response) -> list[str]:
    return re.findall(r'<p class="record-meta"><span class="tag">([^<]*)</span>', response.text)


# --- Reading the query ------------------------------------------------------


def test_parse_query_keeps_phrases_and_exclusions_apart():
    query = parse_query('"lost and stolen" passports -child')

    assert query.alternatives == (Alternative(("lost and stolen", "passports"), ("child",)),)
    assert query.terms == ("lost and stolen", "passports")


def test_parse_query_reads_or_as_websearch_does_between_alternatives():
    query = parse_query("thailand malaysia OR fiji -sea or")

    assert query.alternatives == (
        Alternative(("thailand", "malaysia")),
        Alternative(("fiji",), ("sea",)),
    )
    assert query.exact_names == ("thailand malaysia", "fiji")


def test_parse_query_drops_an_alternative_of_exclusions_only():
    assert parse_query("-child or -sea").is_searchable is False


def test_parse_query_drops_punctuation_around_words():
    query = parse_query("trafficking: & (persons)! |")

    assert query.terms == ("trafficking", "persons")
    assert query.is_searchable


def test_parse_query_of_punctuation_only_has_nothing_to_search():
    assert parse_query("!!! && || :").is_searchable is False


# --- Snippets ---------------------------------------------------------------


def test_marks_to_html_escapes_the_text_before_marking():
    html = marks_to_html('<b>a</b> & "\x02smuggling\x03"')

    assert html == "&lt;b&gt;a&lt;/b&gt; &amp; &quot;<mark>smuggling</mark>&quot;"


def test_marks_to_html_drops_markers_that_do_not_pair():
    assert marks_to_html("\x02open \x03close\x03") == "<mark>open </mark>close"


def test_mark_terms_ignores_case_and_removes_stray_markers_from_the_text():
    marked = mark_terms("People \x02smuggling and SMUGGLERS", ("smuggl",))

    assert marked == "People \x02smuggl\x03ing and \x02SMUGGL\x03ERS"


def test_excerpt_cuts_around_the_first_match_at_spaces():
    text = "Opening words. " * 30 + "The regional support office was welcomed. " + "Closing. " * 30

    snippet = excerpt(text, ("support",), width=80)

    assert snippet.startswith("… ")
    assert snippet.endswith(" …")
    assert "\x02support\x03" in snippet
    assert len(snippet) < 100


def test_excerpt_without_a_match_gives_the_start_of_the_text():
    assert excerpt("Short text.", ("absent",)) == "Short text."


# --- The page ---------------------------------------------------------------


def test_search_page_without_a_query_shows_the_form_and_how_to_search(client):
    response = client.get("/search/")

    assert response.status_code == 200
    assert "<h1>Search the record</h1>" in response.text
    assert '<input type="search" name="q"' in response.text
    assert 'for="id_q"' in response.text
    assert "What you can search" in response.text
    assert "search-result" not in response.text


def test_search_page_with_an_empty_query_shows_the_hint(client):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    assert "What you can search" in response.text


def test_search_finds_every_type_with_its_label(client):
    MeetingFactory(custom_title="Regional Roundtable on Irregular Movements by Sea")
    ParticipantFactory(name="Republic of Seaside", short_name="Seaside", slug="seaside")
    GroupFactory(name="Working Group on Sea Movements", short_name="WGSM", slug="wgsm")
    OutcomeFactory(title="Share information on irregular movement by sea")
    DocumentFactory(title="Paper on maritime ventures", text="Loss of life at sea.")

    response = client.get("/search/", {"q": "sea"})

    assert response.status_code == 200
    assert sorted(result_labels(response)) == [
        "Document",
        "Group",
        "Meeting",
        "Outcome",
        "Participant",
    ]


def test_search_reads_the_full_text_of_documents(client):
    DocumentFactory(title="Report to Ministers", text="The RCF was operationalised in Bangkok.")

    response = client.get("/search/", {"q": "Bangkok"})

    assert result_titles(response) == ["Report to Ministers"]
    assert "<mark>Bangkok</mark>" in response.text


def test_search_highlights_matches_in_titles_and_snippets(client):
    OutcomeFactory(
        title="Establish a working group on trafficking in persons",
        text="The meeting endorsed the AHG recommendation on trafficking in persons.",
    )

    response = client.get("/search/", {"q": "trafficking"})

    assert "<mark>trafficking</mark> in persons</a></h3>" in response.text
    assert re.search(r'<p class="snippet">[^<]*<mark>trafficking</mark>', response.text)


def test_search_snippets_escape_the_stored_text(client):
    DocumentFactory(
        title="Concept paper <em>draft</em>",
        summary='A concept paper. <script>alert("x")</script>',
        text='Cooperation with JCLEC & the RSO, where 5 < 6 and "quotes" too.',
    )

    response = client.get("/search/", {"q": "JCLEC"})

    snippet = re.search(r'<p class="snippet">(.*?)</p>', response.text).group(1)
    assert "<script" not in response.text
    assert re.findall(r"</?\w+", snippet) == ["<mark", "</mark"]
    assert "<mark>JCLEC</mark> &amp; the RSO, where 5 &lt; 6 and &quot;quotes" in snippet
    assert "Concept paper &lt;em&gt;draft&lt;/em&gt;</a></h3>" in response.text


def test_search_shows_counts_per_type_and_filters_by_type(client):
    MeetingFactory(summary="Border management was discussed.")
    DocumentFactory(text="Border management and visa systems.")
    DocumentFactory(text="Cooperation on border control.")

    everything = client.get("/search/", {"q": "border"})
    documents = client.get("/search/", {"q": "border", "type": "document"})

    assert 'All types <span class="result-types__count">(3)</span>' in everything.text
    assert 'Meetings <span class="result-types__count">(1)</span>' in everything.text
    assert 'Documents <span class="result-types__count">(2)</span>' in everything.text
    assert result_labels(everything).count("Meeting") == 1
    assert result_labels(documents) == ["Document", "Document"]
    assert "2 results for “border” among documents" in documents.text


def test_search_type_links_keep_the_query(client):
    DocumentFactory(text="Returns and readmission.")

    response = client.get("/search/", {"q": "returns & readmission"})

    assert 'href="?q=returns+%26+readmission&amp;type=document"' in response.text


def test_search_with_an_unknown_type_says_so_and_searches_every_type(client):
    MeetingFactory(summary="Victim support was the theme.")

    response = client.get("/search/", {"q": "victim", "type": "treaties"})

    assert response.status_code == 200
    assert "There is no result type “treaties”" in response.text
    assert result_labels(response) == ["Meeting"]


def test_search_over_200_characters_says_so_and_does_not_search(client):
    MeetingFactory(summary="aaaa")

    response = client.get("/search/", {"q": "a" * 201})

    assert response.status_code == 200
    assert "Search for at most 200 characters; this search has 201." in response.text
    assert result_labels(response) == []


def test_search_of_exactly_200_characters_is_accepted(client):
    response = client.get("/search/", {"q": "word " * 40})

    assert response.status_code == 200
    assert "at most 200 characters" not in response.text
    assert "0 results for" in response.text


def test_search_with_a_null_character_says_so(client):
    response = client.get("/search/", {"q": "smuggling\x00"})

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.text


def test_search_of_punctuation_only_asks_for_a_word(client):
    response = client.get("/search/", {"q": "!!! &&"})

    assert response.status_code == 200
    assert "There is no word to look for in this search" in response.text


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced quote',
        "title:smuggling",
        "smuggling & trafficking",
        "!smuggling",
        "smuggling | trafficking",
        "smuggling <-> trafficking",
        "(smuggling",
        "smuggling:*",
        "'; DROP TABLE meetings_document; --",
        "\\",
        "-",
        '"" - ""',
        "smuggling !!! ||| &&& ::: ()",
    ],
)
def test_search_with_tsquery_syntax_never_fails(client, text):
    DocumentFactory(text="People smuggling and trafficking in persons.")

    response = client.get("/search/", {"q": text})

    assert response.status_code == 200
    answered = re.search(r"\d+ results? for “", response.text) or (
        "There is no word to look for in this search" in response.text
    )
    assert answered


def test_search_with_a_minus_leaves_out_what_contains_the_word(client):
    DocumentFactory(title="Victim support workshop", text="Support for victims of trafficking.")
    DocumentFactory(title="Child sex tourism workshop", text="Support for child victims.")

    response = client.get("/search/", {"q": "victims -child"})

    assert result_titles(response) == ["Victim support workshop"]


def test_search_needs_every_word(client):
    DocumentFactory(title="Both", text="Identity management and document fraud.")
    DocumentFactory(title="One", text="Identity management only.")

    response = client.get("/search/", {"q": "identity fraud"})

    assert result_titles(response) == ["Both"]


def test_search_with_or_finds_either_word(client):
    DocumentFactory(title="Thailand workshop", text="Hosted in Bangkok.")
    DocumentFactory(title="Malaysia workshop", text="Hosted in Kuala Lumpur.")
    DocumentFactory(title="Japan workshop", text="Hosted in Tokyo.")
    ParticipantFactory(name="Kingdom of Thailand", short_name="Thailand", slug="thailand")

    response = client.get("/search/", {"q": "bangkok or lumpur or thailand"})

    assert sorted(result_titles(response)) == ["Malaysia workshop", "Thailand", "Thailand workshop"]


def test_search_with_many_distinct_words_answers(client):
    text = " ".join(f"{first}{second}" for first in "abcdefgh" for second in "ijklmnop")[:200]
    DocumentFactory(text=text)

    response = client.get("/search/", {"q": text})

    assert response.status_code == 200
    assert len(result_titles(response)) == 1


def test_search_ranks_a_match_in_the_title_above_one_in_the_text(client):
    DocumentFactory(
        title="Media release", text="Extradition was discussed.", date=datetime.date(2013, 4, 1)
    )
    DocumentFactory(title="Extradition and mutual legal assistance", date=datetime.date(2004, 6, 8))

    response = client.get("/search/", {"q": "extradition"})

    assert result_titles(response) == [
        "Extradition and mutual legal assistance",
        "Media release",
    ]


def test_search_ranks_an_exact_participant_name_above_a_partial_one(client):
    ParticipantFactory(name="Kingdom of Thailand Islands", short_name="Thailand Islands")
    ParticipantFactory(name="Kingdom of Thailand", short_name="Thailand", slug="thailand")

    response = client.get("/search/", {"q": "thailand", "type": "participant"})

    assert result_titles(response) == ["Thailand", "Thailand Islands"]


def test_search_finds_participants_by_alternative_name_and_acronym(client):
    korea = ParticipantFactory(name="Republic of Korea", short_name="Korea", slug="korea")
    ParticipantNameFactory(participant=korea, name="ROK")
    OrganisationFactory(
        name="Asia Pacific Consultations on Refugees, Displaced Persons and Migrants",
        short_name="APC",
        acronym="APC",
        slug="apc",
    )

    by_alias = client.get("/search/", {"q": "rok", "type": "participant"})
    by_acronym = client.get("/search/", {"q": "apc", "type": "participant"})

    assert result_titles(by_alias) == ["Korea"]
    assert "also known as <mark>ROK</mark>" in by_alias.text
    assert result_titles(by_acronym) == ["APC"]


def test_search_merges_types_by_rank_then_type_order_then_date(client):
    ParticipantFactory(name="Republic of Fiji", short_name="Fiji", slug="fiji")
    MeetingFactory(custom_title="Workshop in Fiji", start_date=datetime.date(2004, 4, 1))
    MeetingFactory(custom_title="Second workshop in Fiji", start_date=datetime.date(2005, 4, 1))

    response = client.get("/search/", {"q": "fiji"})

    assert result_titles(response)[0] == "Fiji"
    assert result_labels(response)[0] == "Participant"
    assert set(result_titles(response)[1:]) == {"Workshop in Fiji", "Second workshop in Fiji"}


def test_search_results_link_to_the_records(client):
    meeting = MeetingFactory(custom_title="Regional Ministerial Conference on Returns")

    response = client.get("/search/", {"q": "returns"})

    assert f'<a href="{meeting.get_absolute_url()}">' in response.text


# --- Pages of results -------------------------------------------------------


def test_search_results_are_paginated_and_pages_keep_the_query(client):
    for number in range(25):
        DocumentFactory(title=f"Pledge report {number}", text="A pledge for the website.")

    first = client.get("/search/", {"q": "pledge", "type": "document"})
    second = client.get("/search/", {"q": "pledge", "type": "document", "page": "2"})

    assert len(result_titles(first)) == 20
    assert len(result_titles(second)) == 5
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert 'href="?q=pledge&amp;type=document&amp;page=2" rel="next"' in first.text
    assert "Page 2 of 2" in second.text
    assert '<ol class="record-list search-results__list" start="21">' in second.text


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "“abc” is not a page number. Showing the first page."),
        ("1.5", "“1.5” is not a page number. Showing the first page."),
        ("0", "There is no page 0: these results fill 1 page. Showing the first page."),
        ("-3", "There is no page -3: these results fill 1 page. Showing the first page."),
        ("999", "There is no page 999: these results fill 1 page. Showing the first page."),
        (
            "99999999999999999999999",
            "There is no page 99999999999999999999: these results fill 1 page.",
        ),
    ],
)
def test_search_with_a_bad_page_number_says_so_and_shows_the_first_page(client, page, message):
    DocumentFactory(title="National plans of action", text="Plans of action.")

    response = client.get("/search/", {"q": "plans", "page": page})

    assert response.status_code == 200
    assert message in response.text
    assert result_titles(response) == ["National plans of action"]


def test_search_with_no_match_says_so(client):
    response = client.get("/search/", {"q": "xylophone"})

    assert response.status_code == 200
    assert "0 results for “xylophone”" in response.text
    assert "Nothing matches “xylophone”." in response.text


# --- Who sees what ----------------------------------------------------------


def test_search_never_shows_a_members_only_document_to_the_public(client):
    DocumentFactory(
        title="Confidential law-enforcement brief",
        text="Zanzibarite routes.",
        visibility=Document.Visibility.MEMBERS,
    )

    response = client.get("/search/", {"q": "zanzibarite"})

    assert result_titles(response) == []
    assert "0 results" in response.text


def test_search_shows_a_members_only_document_to_a_member_official(member_client):
    DocumentFactory(
        title="Confidential law-enforcement brief",
        text="Zanzibarite routes.",
        visibility=Document.Visibility.MEMBERS,
    )

    response = member_client.get("/search/", {"q": "zanzibarite"})

    assert result_titles(response) == ["Confidential law-enforcement brief"]
    assert '<span class="tag tag--restricted">Members only</span>' in response.text


@pytest.mark.parametrize(
    "restriction",
    [
        {"visibility": Document.Visibility.SECRETARIAT},
        {"embargo_until": datetime.date(2999, 1, 1)},
        {"meeting__is_published": False},
    ],
    ids=["secretariat-only", "embargoed", "unpublished-meeting"],
)
def test_search_never_shows_a_restricted_document_to_a_member_official(member_client, restriction):
    DocumentFactory(title="Restricted paper", text="Quokkasomething details.", **restriction)

    response = member_client.get("/search/", {"q": "quokkasomething"})

    assert result_titles(response) == []
    assert 'Documents <span class="result-types__count">(0)</span>' in response.text


def test_search_shows_a_secretariat_only_document_to_a_manager(manager_client):
    DocumentFactory(
        title="Restricted paper",
        text="Quokkasomething details.",
        visibility=Document.Visibility.SECRETARIAT,
    )

    response = manager_client.get("/search/", {"q": "quokkasomething"})

    assert result_titles(response) == ["Restricted paper"]


def test_search_never_shows_an_unpublished_meeting_or_its_outcomes(client, member_client):
    meeting = MeetingFactory(custom_title="Draft Wombatine meeting", is_published=False)
    OutcomeFactory(source_meeting=meeting, title="Wombatine recommendation")

    for viewer in (client, member_client):
        response = viewer.get("/search/", {"q": "wombatine"})

        assert result_titles(response) == []


def test_search_shows_an_unpublished_meeting_to_staff_as_a_preview(editor_client):
    MeetingFactory(custom_title="Draft Wombatine meeting", is_published=False)

    response = editor_client.get("/search/", {"q": "wombatine"})

    assert result_titles(response) == ["Draft Wombatine meeting"]
    assert '<span class="tag tag--restricted">Not published</span>' in response.text


def test_search_selector_counts_only_what_the_viewer_may_see(member_user):
    DocumentFactory(text="Numbat", visibility=Document.Visibility.PUBLIC)
    DocumentFactory(text="Numbat", visibility=Document.Visibility.MEMBERS)
    DocumentFactory(text="Numbat", visibility=Document.Visibility.SECRETARIAT)

    public = search(text="numbat", user=AnonymousUser())
    members = search(text="numbat", user=member_user)

    assert public.counts[DOCUMENT.key] == 1
    assert members.counts[DOCUMENT.key] == 2
    assert len(members[0:20]) == 2


def test_search_selector_rejects_an_unknown_type():
    with pytest.raises(ValueError, match="Unknown result type"):
        search(text="x", user=AnonymousUser(), result_type="treaty")


# --- Cost -------------------------------------------------------------------


def _record_matching(word: str, item_count: int) -> None:
    for number in range(item_count):
        meeting = MeetingFactory(summary=f"Senior officials discussed {word}.")
        ParticipantFactory(name=f"Republic of {word.title()} {number}")
        GroupFactory(mandate=f"To coordinate work against {word}.")
        OutcomeFactory(source_meeting=meeting, text=f"Regional responses to {word}.")
        DocumentFactory(meeting=meeting, text=f"A paper on {word}.")
        DocumentFactory(meeting=meeting, text=f"Members' notes on {word}.", visibility="members")


@pytest.mark.parametrize("item_count", [1, 3])
def test_search_query_count_is_fixed_for_anonymous(client, django_assert_num_queries, item_count):
    _record_matching("smuggling", item_count)

    with django_assert_num_queries(7 + TIME_LIMIT_QUERIES):
        response = client.get("/search/", {"q": "smuggling"})

    assert len(result_titles(response)) == 5 * item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_search_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    _record_matching("smuggling", item_count)

    with django_assert_num_queries(11 + TIME_LIMIT_QUERIES):
        response = member_client.get("/search/", {"q": "smuggling"})

    assert len(result_titles(response)) == 6 * item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_search_of_one_type_query_count_is_fixed(client, django_assert_num_queries, item_count):
    _record_matching("smuggling", item_count)

    with django_assert_num_queries(3 + TIME_LIMIT_QUERIES):
        response = client.get("/search/", {"q": "smuggling", "type": "meeting"})

    assert result_labels(response) == ["Meeting"] * item_count


def test_participants_are_matched_on_every_database():
    ParticipantFactory(
        name="Socialist Republic of Viet Nam", short_name="Viet Nam", slug="viet-nam"
    )

    matches = search_matches(PARTICIPANT.key, text="viet", user=AnonymousUser())

    assert list(matches.values_list("short_name", flat=True)) == ["Viet Nam"]
