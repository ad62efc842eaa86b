"""The participant list's pages and downloads on the portal and in the admin,
from the outside. Its three versions across every format are in
test_participant_list_versions.py."""

import csv
import io
import itertools
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from meetings.models import Delegate
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    ParticipantFactory,
    brisbane_som_2004,
)
from tests.meetings.participant_list_support import FORMATS, MARKING, text_of

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "secret.contact@example.org"
SECRET_PHONE = "+62 21 555 0199"


def _page(meeting) -> str:
    return f"/meetings/{meeting.slug}/participants/"


def _download(meeting, fmt: str) -> str:
    return f"/meetings/{meeting.slug}/participants.{fmt}"


def _text_of(response, fmt: str) -> str:
    """Everything a downloaded list says, as plain text, whatever its format."""
    return text_of(response.content, fmt)


@pytest.fixture
def meeting():
    meeting = MeetingFactory(custom_title="Fifth Senior Officials Meeting")
    participant = ParticipantFactory(short_name="Indonesia", country="ID")
    MembershipPeriodFactory(participant=participant)
    delegation = DelegationFactory(meeting=meeting, participant=participant)
    DelegateFactory(
        delegation=delegation,
        name="Listed Delegate",
        role=Delegate.Role.HEAD,
        email=SECRET_EMAIL,
        phone=SECRET_PHONE,
    )
    DelegateFactory(
        delegation=delegation, name="Unlisted Delegate", may_be_listed=False, email=SECRET_EMAIL
    )
    return meeting


# --- The page ---------------------------------------------------------------------


def test_public_page_shows_delegations_counts_and_summary_but_no_names(client, meeting):
    response = client.get(_page(meeting))

    assert response.status_code == 200
    text = response.text
    assert "<h1>Participants <span" in text
    assert "The meeting was attended by two delegates representing one country." in text
    assert "The meeting was attended by Indonesia." in text
    assert re.search(
        r'<th scope="row"><a href="/members/[^"]+/">Indonesia</a></th>\s*<td class="num">2</td>',
        text,
    )
    assert "Listed Delegate" not in text
    assert SECRET_EMAIL not in text
    assert "Sign in</a> to see them" in text


def test_member_official_sees_listed_names_and_never_contacts(member_client, meeting):
    response = member_client.get(_page(meeting))

    text = response.text
    assert '<th scope="row">Ms Listed Delegate</th>' in text
    assert "<td>Head of delegation</td>" in text
    assert "Unlisted Delegate" not in text
    assert "And 1 more delegate who asked not to be listed." in text
    assert SECRET_EMAIL not in text
    assert SECRET_PHONE not in text


def test_staff_see_the_circulation_list_on_the_portal_unless_they_ask(editor_client, meeting):
    text = editor_client.get(_page(meeting)).text

    assert '<strong aria-current="page">Circulation</strong>' in text
    assert "Unlisted Delegate" not in text
    assert "And 1 more delegate who asked not to be listed." in text
    assert SECRET_EMAIL not in text
    assert MARKING not in text
    assert f'href="/meetings/{meeting.slug}/participants/restricted/">Restricted</a>' in text


def test_page_links_every_download_of_the_version_it_shows(client, member_user, meeting):
    public = client.get(_page(meeting)).text
    client.force_login(member_user)
    circulation = client.get(_page(meeting)).text

    for fmt in FORMATS:
        assert f'href="/meetings/{meeting.slug}/participants/public.{fmt}" download>' in public
        assert (
            f'href="/meetings/{meeting.slug}/participants/circulation.{fmt}" download>'
            in circulation
        )
    assert "Versions of this list" not in public
    assert "/participants/restricted/" not in circulation


class _Outline(HTMLParser):
    """Headings, tables and their parts, as an accessibility check reads them."""

    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.tables = 0
        self.captions = 0
        self.header_cells_without_scope = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1
        elif tag == "th" and "scope" not in attributes:
            self.header_cells_without_scope += 1


def test_page_has_one_h1_headings_in_order_and_captioned_tables(member_client):
    meeting = brisbane_som_2004()

    outline = _Outline()
    outline.feed(member_client.get(_page(meeting)).text)

    assert outline.headings.count(1) == 1
    steps = [later - earlier for earlier, later in itertools.pairwise(outline.headings)]
    assert max(steps) <= 1
    assert outline.tables == outline.captions == 2
    assert outline.header_cells_without_scope == 0


def test_page_of_a_meeting_without_delegations_says_so(client):
    meeting = MeetingFactory()

    response = client.get(_page(meeting))

    assert "No delegations have been recorded for this meeting." in response.text
    assert "Download this list" not in response.text


def test_unpublished_meeting_is_404_to_public_and_member_officials(client, member_client):
    meeting = MeetingFactory(is_published=False)

    for fmt in ["page", *FORMATS]:
        address = _page(meeting) if fmt == "page" else _download(meeting, fmt)
        assert client.get(address).status_code == 404
        assert member_client.get(address).status_code == 404


def test_staff_preview_an_unpublished_meeting_list(editor_client):
    meeting = MeetingFactory(is_published=False)

    assert editor_client.get(_page(meeting)).status_code == 200


def test_unknown_meeting_and_unknown_format_are_404_pages(client, meeting):
    missing = client.get("/meetings/no-such-meeting/participants/")
    wrong_format = client.get(f"/meetings/{meeting.slug}/participants.exe")

    assert (missing.status_code, wrong_format.status_code) == (404, 404)
    assert "<h1>Page not found</h1>" in wrong_format.text


# --- Downloads ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_download_is_an_attachment_named_after_meeting_version_date_and_revision(
    client, meeting, fmt
):
    response = client.get(_download(meeting, fmt))

    assert response.status_code == 200
    assert re.fullmatch(
        rf'attachment; filename="participants-{meeting.slug}-public-'
        rf'\d{{4}}-\d{{2}}-\d{{2}}-r[0-9a-f]{{7}}\.{fmt}"',
        response["Content-Disposition"],
    )
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_anonymous_download_has_counts_and_no_names_or_contacts(client, meeting, fmt):
    text = _text_of(client.get(_download(meeting, fmt)), fmt)

    assert "Indonesia" in text
    assert "Listed Delegate" not in text
    assert "Unlisted Delegate" not in text
    assert SECRET_EMAIL not in text
    assert SECRET_PHONE not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_member_download_has_listed_names_and_no_contacts(member_client, meeting, fmt):
    text = _text_of(member_client.get(_download(meeting, fmt)), fmt)

    assert "Listed Delegate" in text
    assert "Unlisted Delegate" not in text
    assert SECRET_EMAIL not in text
    assert SECRET_PHONE not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_staff_portal_download_is_the_circulation_list(editor_client, meeting, fmt):
    response = editor_client.get(_download(meeting, fmt))

    text = _text_of(response, fmt)
    assert "Listed Delegate" in text
    assert "Unlisted Delegate" not in text
    assert SECRET_EMAIL not in text
    assert f"participants-{meeting.slug}-circulation-" in response["Content-Disposition"]


def test_csv_download_reads_back_with_the_csv_module(member_client, meeting):
    response = member_client.get(_download(meeting, "csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows[1][:5] == ["Member", "Indonesia", "Ms", "Listed Delegate", "Head of delegation"]
    assert response["Content-Type"] == "text/csv; charset=utf-8"


# --- Query counts -------------------------------------------------------------------


def _meeting_of(item_count: int):
    meeting = MeetingFactory()
    for _ in range(item_count):
        participant = ParticipantFactory()
        MembershipPeriodFactory(participant=participant)
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        DelegateFactory(delegation=delegation, role=Delegate.Role.HEAD)
        DelegateFactory.create_batch(item_count - 1, delegation=delegation)
    return meeting


@pytest.mark.parametrize("item_count", [1, 3])
@pytest.mark.parametrize("fmt", ["page", *FORMATS])
def test_anonymous_list_query_count_is_constant(client, django_assert_num_queries, item_count, fmt):
    meeting = _meeting_of(item_count)
    address = _page(meeting) if fmt == "page" else _download(meeting, fmt)

    # Meeting, delegations, co-chairs and hosts.
    with django_assert_num_queries(3):
        response = client.get(address)

    assert response.status_code == 200


@pytest.mark.parametrize("item_count", [1, 3])
@pytest.mark.parametrize("fmt", ["page", *FORMATS])
def test_member_list_query_count_is_constant(
    member_client, django_assert_num_queries, item_count, fmt
):
    meeting = _meeting_of(item_count)
    address = _page(meeting) if fmt == "page" else _download(meeting, fmt)

    # Session, user, the user's and the role's permissions, meeting, delegations,
    # delegates, co-chairs and hosts.
    with django_assert_num_queries(8):
        response = member_client.get(address)

    assert response.status_code == 200
    assert _text_of(response, "csv" if fmt == "page" else fmt).count("Delegate Person") == (
        item_count * item_count
    )


# --- The secretariat's downloads in the admin ------------------------------------------


def _admin_download(meeting, fmt: str, model: str = "meeting") -> str:
    return f"/admin/meetings/{model}/{meeting.pk}/participants.{fmt}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_admin_download_has_everyone_and_contact_details(editor_client, meeting, fmt):
    response = editor_client.get(_admin_download(meeting, fmt))

    text = _text_of(response, fmt)
    assert response.status_code == 200
    assert "Unlisted Delegate" in text
    assert SECRET_EMAIL in text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_admin_download_refuses_anonymous_and_member_officials(client, member_client, meeting, fmt):
    for visitor in (client, member_client):
        response = visitor.get(_admin_download(meeting, fmt))

        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        assert SECRET_EMAIL.encode() not in response.content


def test_staff_without_the_contacts_right_get_no_contacts(client, meeting, role_groups):
    clerk = get_user_model().objects.create_user(username="clerk", is_staff=True)
    clerk.user_permissions.set(
        Permission.objects.filter(codename__in=["view_meeting", "see_delegate_names"])
    )
    client.force_login(clerk)

    text = _text_of(client.get(_admin_download(meeting, "csv")), "csv")

    assert "Listed Delegate" in text
    assert SECRET_EMAIL not in text


def test_change_page_offers_both_versions_staff_use_in_every_format(editor_client, meeting):
    response = editor_client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")

    text = response.text
    for version in ("circulation", "restricted"):
        for fmt, label in (("csv", "CSV"), ("xlsx", "Excel"), ("pdf", "PDF"), ("docx", "Word")):
            assert (
                f'<a href="/admin/meetings/meeting/{meeting.pk}/participants/{version}.{fmt}">'
                f"Participants: {version} ({label})</a>" in text
            )
    assert "participants/public." not in text
    assert f'<a href="/admin/meetings/meeting/{meeting.pk}/import-delegates/">' in text
    assert ">History</a>" in text


def test_every_meeting_admin_has_the_downloads(editor_client):
    senior_officials = MeetingFactory()
    workshop = MeetingFactory(kind="workshop", custom_title="Workshop on returns")

    per_kind = editor_client.get(
        f"/admin/meetings/seniorofficialsmeeting/{senior_officials.pk}/change/"
    )
    workshops = editor_client.get(f"/admin/workshops/workshop/{workshop.pk}/change/")
    download = editor_client.get(f"/admin/workshops/workshop/{workshop.pk}/participants.csv")

    assert (
        f"/admin/meetings/seniorofficialsmeeting/{senior_officials.pk}/participants/circulation.pdf"
        in per_kind.text
    )
    assert f"/admin/workshops/workshop/{workshop.pk}/participants/restricted.pdf" in workshops.text
    assert download.status_code == 200


def test_admin_download_of_an_unknown_format_or_meeting_is_404(editor_client, meeting):
    assert editor_client.get(_admin_download(meeting, "exe")).status_code == 404
    assert editor_client.get("/admin/meetings/meeting/999999/participants.csv").status_code == 404


@pytest.mark.parametrize("item_count", [1, 3])
@pytest.mark.parametrize("fmt", FORMATS)
def test_admin_download_query_count_is_constant(
    editor_client, django_assert_num_queries, item_count, fmt
):
    meeting = _meeting_of(item_count)

    # Session, user, permissions (two), meeting, delegations, delegates, co-chairs and hosts.
    with django_assert_num_queries(8):
        response = editor_client.get(_admin_download(meeting, fmt))

    assert response.status_code == 200
