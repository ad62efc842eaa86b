"""Documents: the list, a document's page and its download, and who may read what.

The rule (meetings.views.readable_document): a document the viewer may not
read answers 403 with the friendly "not available to you" page — which offers
an anonymous visitor the sign-in link — for its page and its file alike,
without its title, text or file; an address no document has answers 404.
"""

import datetime
import os

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from baliprocess.lib.dates import DatePrecision
from meetings.models import Document
from tests import factories
from tests.portal.html import item_titles, main_text, messages

pytestmark = pytest.mark.django_db

SECRET_WORDS = "the confidential law-enforcement annex"


def _document(**fields):
    fields.setdefault("text", f"The full text, including {SECRET_WORDS}.")
    fields.setdefault("file", ContentFile(b"%PDF-1.4 the file itself", name="annex.pdf"))
    return factories.DocumentFactory(**fields)


def members_only():
    return _document(title="Members-only annex", visibility=Document.Visibility.MEMBERS)


def secretariat_only():
    return _document(title="Secretariat-only annex", visibility=Document.Visibility.SECRETARIAT)


def embargoed():
    return _document(
        title="Embargoed annex",
        visibility=Document.Visibility.PUBLIC,
        embargo_until=timezone.localdate() + datetime.timedelta(days=30),
    )


def of_unpublished_meeting():
    meeting = factories.MeetingFactory(is_published=False)
    return _document(title="Draft agenda", meeting=meeting)


def _download_url(document):
    return f"/documents/{document.slug}/download/"


def _assert_refused_without_leaking(response, document):
    assert response.status_code == 403
    assert "<h1>Not available to you</h1>" in response.text
    assert document.title not in response.text
    assert SECRET_WORDS not in response.text
    assert b"the file itself" not in response.content


# --- Who may read what ---------------------------------------------------------


@pytest.mark.parametrize("url_of", [Document.get_absolute_url, _download_url])
def test_members_only_document_is_refused_to_an_anonymous_visitor_with_sign_in(client, url_of):
    document = members_only()

    response = client.get(url_of(document))

    _assert_refused_without_leaking(response, document)
    assert f'href="/accounts/login/?next={url_of(document)}"' in response.text


@pytest.mark.parametrize("url_of", [Document.get_absolute_url, _download_url])
@pytest.mark.parametrize("make", [secretariat_only, embargoed, of_unpublished_meeting])
def test_restricted_document_is_refused_to_a_member_official(member_client, make, url_of):
    document = make()

    response = member_client.get(url_of(document))

    _assert_refused_without_leaking(response, document)
    assert "Sign in</a> if you have an account" not in response.text


@pytest.mark.parametrize("url_of", [Document.get_absolute_url, _download_url])
@pytest.mark.parametrize("make", [secretariat_only, embargoed, of_unpublished_meeting])
def test_restricted_document_is_refused_to_an_anonymous_visitor(client, make, url_of):
    document = make()

    response = client.get(url_of(document))

    _assert_refused_without_leaking(response, document)


def test_member_official_reads_a_members_only_document_an_anonymous_visitor_cannot(
    anonymous_client, member_client
):
    document = members_only()

    refused = anonymous_client.get(document.get_absolute_url())
    page = member_client.get(document.get_absolute_url())
    download = member_client.get(_download_url(document))

    assert refused.status_code == 403
    assert page.status_code == 200
    assert SECRET_WORDS in main_text(page)
    assert "Members only" in main_text(page)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 the file itself"
    download.close()


def test_manager_reads_a_secretariat_only_document(manager_client):
    document = secretariat_only()

    response = manager_client.get(document.get_absolute_url())

    assert response.status_code == 200
    assert "This document is for the secretariat only." in main_text(response)


def test_editor_reads_an_embargoed_document_labelled_with_its_embargo(editor_client):
    document = embargoed()

    response = editor_client.get(document.get_absolute_url())

    assert response.status_code == 200
    assert "Embargoed until" in main_text(response)


@pytest.mark.parametrize(
    "url", ["/documents/no-such-document/", "/documents/no-such-document/download/"]
)
def test_unknown_document_is_not_found(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


# --- The download --------------------------------------------------------------


def test_download_sends_the_file_as_an_attachment_with_its_type(client):
    document = _document(title="Report to Ministers", visibility=Document.Visibility.PUBLIC)

    response = client.get(_download_url(document))

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{document.filename}"'
    assert response.headers["Cache-Control"] == "private"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the file itself"
    response.close()


def test_download_of_a_text_file_says_its_encoding(client):
    document = _document(file=ContentFile(b"Bali", name="statement.txt"))

    response = client.get(_download_url(document))

    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    response.close()


def test_download_of_a_document_without_a_file_is_not_found(client):
    document = factories.DocumentFactory()

    response = client.get(_download_url(document))

    assert response.status_code == 404


def test_download_of_a_file_missing_from_storage_is_not_found(client):
    document = _document()
    os.remove(document.file.path)

    response = client.get(_download_url(document))

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


# --- A document's page --------------------------------------------------------------


def test_document_page_shows_its_metadata_summary_text_and_download_link(client):
    meeting = factories.MeetingFactory(custom_title="Senior Officials Meeting, Brisbane 2004")
    document = _document(
        title="Report to Ministers",
        kind=Document.Kind.REPORT,
        date=datetime.date(2004, 6, 8),
        symbol="BP/SOM/2004/1",
        summary="What senior officials recommended to Ministers.",
        meeting=meeting,
        visibility=Document.Visibility.PUBLIC,
    )

    response = client.get(document.get_absolute_url())
    text = main_text(response)

    assert response.status_code == 200
    assert "Kind Report Date 8 June 2004 Symbol BP/SOM/2004/1" in text
    assert "Meeting Senior Officials Meeting, Brisbane 2004" in text
    assert "Who may read it Public" in text
    assert "What senior officials recommended to Ministers." in text
    assert SECRET_WORDS in text
    assert f'href="/documents/{document.slug}/download/"' in response.text


def test_document_page_shows_a_date_known_to_the_month_without_a_day(client):
    document = factories.DocumentFactory(
        date=datetime.date(2011, 3, 1), date_precision=DatePrecision.MONTH
    )

    response = client.get(document.get_absolute_url())

    assert "Date March 2011" in main_text(response)
    assert "1 March 2011" not in response.text


@pytest.mark.parametrize("item_count", [1, 3])
def test_document_page_query_count_is_fixed(client, django_assert_num_queries, item_count):
    group = factories.GroupFactory()
    document = _document(group=group)
    for _ in range(item_count):
        _document(meeting=document.meeting)

    # the document with its meeting and group, its own sources, the facts that cite it
    with django_assert_num_queries(3):
        client.get(document.get_absolute_url())


@pytest.mark.parametrize("item_count", [1, 3])
def test_document_page_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    document = members_only()
    for _ in range(item_count):
        members_only()

    with django_assert_num_queries(7):
        member_client.get(document.get_absolute_url())


@pytest.mark.parametrize("item_count", [1, 3])
def test_refusal_query_count_is_fixed(client, django_assert_num_queries, item_count):
    documents = [members_only() for _ in range(item_count)]

    # the visible document (none), then whether the address exists
    with django_assert_num_queries(2):
        client.get(documents[0].get_absolute_url())


# --- The list ---------------------------------------------------------------------


def test_document_list_shows_only_what_the_viewer_may_read_newest_first(
    anonymous_client, member_client
):
    factories.DocumentFactory(title="Older public", date=datetime.date(2004, 6, 8))
    factories.DocumentFactory(title="Newer public", date=datetime.date(2013, 4, 1))
    members_only()
    secretariat_only()
    embargoed()
    of_unpublished_meeting()

    anonymous = anonymous_client.get("/documents/")
    member = member_client.get("/documents/")

    assert item_titles(anonymous) == ["Newer public", "Older public"]
    assert sorted(item_titles(member)) == ["Members-only annex", "Newer public", "Older public"]
    assert "Members only" in main_text(member)


def test_document_list_filters_by_kind_meeting_group_and_year(client):
    meeting = factories.MeetingFactory()
    group = factories.GroupFactory(slug="ahg")
    factories.DocumentFactory(title="Report", kind=Document.Kind.REPORT, meeting=meeting)
    factories.DocumentFactory(title="Agenda", kind=Document.Kind.AGENDA, meeting=None)
    factories.DocumentFactory(title="Group paper", group=group, meeting=None)
    factories.DocumentFactory(title="Later", date=datetime.date(2013, 4, 1), meeting=None)

    by_kind = client.get("/documents/", {"kind": "agenda"})
    by_meeting = client.get("/documents/", {"meeting": meeting.slug})
    by_group = client.get("/documents/", {"group": "ahg"})
    by_year = client.get("/documents/", {"year": "2013"})

    assert item_titles(by_kind) == ["Agenda"]
    assert item_titles(by_meeting) == ["Report"]
    assert item_titles(by_group) == ["Group paper"]
    assert item_titles(by_year) == ["Later"]


def test_document_list_does_not_accept_an_unpublished_meeting(client):
    draft = factories.MeetingFactory(is_published=False, slug="draft-meeting")

    response = client.get("/documents/", {"meeting": draft.slug})

    assert messages(response)[0].endswith(
        "Meeting: No meeting matches “draft-meeting” among those you can see."
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "memo"}, "Kind: “memo” is not a kind of document the record knows."),
        ({"group": "nothing"}, "Group: No group matches “nothing” among those you can see."),
        ({"year": "twenty"}, "Year: “twenty” is not a year: write it as four digits, e.g. 2004."),
    ],
)
def test_document_list_names_a_bad_filter_value(client, query, message):
    factories.DocumentFactory()

    response = client.get("/documents/", query)

    assert response.status_code == 200
    assert messages(response)[0].endswith(message)
    assert item_titles(response) == []


@pytest.mark.parametrize("item_count", [1, 3])
def test_document_list_query_count_is_fixed(client, django_assert_num_queries, item_count):
    group = factories.GroupFactory()
    for _ in range(item_count):
        factories.DocumentFactory(group=group)
        members_only()

    # count, page (with meeting and group), the groups menu (a meeting is typed)
    with django_assert_num_queries(3):
        client.get("/documents/")


@pytest.mark.parametrize("item_count", [1, 3])
def test_document_list_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    group = factories.GroupFactory()
    for _ in range(item_count):
        factories.DocumentFactory(group=group)
        members_only()

    with django_assert_num_queries(7):
        member_client.get("/documents/")


@pytest.mark.parametrize("item_count", [1, 3])
def test_download_query_count_is_fixed(client, django_assert_num_queries, item_count):
    documents = [_document(visibility=Document.Visibility.PUBLIC) for _ in range(item_count)]

    # the document the viewer may read; the file comes from storage
    with django_assert_num_queries(1):
        response = client.get(_download_url(documents[-1]))
    response.close()


@pytest.mark.parametrize("item_count", [1, 3])
def test_download_query_count_is_fixed_for_a_member_official(
    member_client, django_assert_num_queries, item_count
):
    documents = [members_only() for _ in range(item_count)]

    with django_assert_num_queries(5):
        response = member_client.get(_download_url(documents[-1]))
    response.close()
