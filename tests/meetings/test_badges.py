"""Name badges and table tents (meetings.printing, meetings.views_printing),
read back with pypdf, and who may download them."""

import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from pypdf import PdfReader

from baliprocess.lib.pdf_fonts import installed_scripts
from meetings.models import Delegate
from meetings.printing import (
    BADGES_PER_SHEET,
    Badge,
    badges,
    render_badges_pdf,
    render_table_tents_pdf,
)
from meetings.selectors import participant_list
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()
needs_fonts = pytest.mark.skipif(
    not all(installed_scripts().values()),
    reason="The fonts scripts/install-fonts installs are missing (make test installs them)",
)
A4 = (595.2756, 841.8898)


def _pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def _sizes(content: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(page.mediabox.width), 4), round(float(page.mediabox.height), 4))
        for page in PdfReader(io.BytesIO(content)).pages
    ]


@pytest.fixture
def meeting():
    """Australia (a head, an adviser, a delegate, one not listed) and UNHCR
    (under the name the meeting's record gives it, no names recorded)."""
    meeting = MeetingFactory(custom_title="Senior Officials Meeting, Brisbane 2004")
    australia = ParticipantFactory(short_name="Australia", country="AU")
    MembershipPeriodFactory(participant=australia)
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    DelegateFactory(delegation=delegation, honorific="Ms", name="Jane Citizen", role="head")
    DelegateFactory(delegation=delegation, honorific="Mr", name="Sam Adviser", role="adviser")
    DelegateFactory(delegation=delegation, honorific="Dr", name="Dee Legate", role="delegate")
    DelegateFactory(delegation=delegation, name="Quiet Person", may_be_listed=False)
    unhcr = OrganisationFactory(short_name="UNHCR")
    MembershipPeriodFactory(participant=unhcr)
    DelegationFactory(
        meeting=meeting,
        participant=unhcr,
        recorded_name="Office of the United Nations High Commissioner for Refugees",
    )
    return meeting


# --- Badges -------------------------------------------------------------------------


def test_badges_name_honorific_delegation_and_role_but_not_delegate(meeting, member_user):
    found = list(badges(participant_list(meeting=meeting, user=member_user)))

    assert found == [
        Badge("Ms Jane Citizen", "Australia", "Head of delegation"),
        Badge("Dr Dee Legate", "Australia", ""),
        Badge("Mr Sam Adviser", "Australia", "Adviser"),
    ]


def test_badges_leave_out_a_role_not_recorded(member_user):
    meeting = MeetingFactory()
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting),
        honorific="",
        name="Ana Lima",
        role=Delegate.Role.NOT_RECORDED,
    )

    found = list(badges(participant_list(meeting=meeting, user=member_user)))

    assert [(badge.name, badge.role) for badge in found] == [("Ana Lima", "")]


def test_secretariat_badges_include_delegates_who_are_not_listed(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, with_contacts=True)

    names = [badge.name for badge in badges(list_)]

    assert "Ms Quiet Person" in names
    assert len(names) == 4


def test_badges_pdf_prints_eight_badges_to_an_a4_sheet(member_user):
    meeting = MeetingFactory(custom_title="Regional Workshop on Identity")
    delegation = DelegationFactory(meeting=meeting)
    for number in range(BADGES_PER_SHEET + 1):
        DelegateFactory(delegation=delegation, honorific="Ms", name=f"Person {number:02d}")

    content = render_badges_pdf(participant_list(meeting=meeting, user=member_user))

    pages = _pages(content)
    assert _sizes(content) == [A4, A4]
    assert [page.count("Regional Workshop on Identity\n") for page in pages] == [8, 1]
    assert all(f"Ms Person {number:02d}" in pages[0] for number in range(8))
    assert "Ms Person 08" in pages[1]
    assert "Name badges: Regional Workshop on Identity — sheet 2 of 2" in pages[1]
    metadata = PdfReader(io.BytesIO(content)).metadata
    assert metadata.title == "Name badges: Regional Workshop on Identity"
    assert metadata.author == "Bali Process Secretariat"


def test_badges_pdf_has_cut_marks_along_every_cut_outside_the_badges(meeting, member_user):
    content = render_badges_pdf(participant_list(meeting=meeting, user=member_user))

    stream = PdfReader(io.BytesIO(content)).pages[0].get_contents().get_data().decode("latin-1")
    lines = [
        tuple(float(value) for value in match)
        for match in re.findall(r"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S", stream)
    ]
    # Three vertical cuts (two columns), five horizontal (four rows), marked at both ends.
    assert len(lines) == 2 * 3 + 2 * 5
    left, right = (A4[0] - 2 * 255.1181) / 2, (A4[0] + 2 * 255.1181) / 2
    bottom, top = (A4[1] - 4 * 155.9055) / 2, (A4[1] + 4 * 155.9055) / 2
    for x1, y1, x2, y2 in lines:
        outside = min(y1, y2) > top or max(y1, y2) < bottom or max(x1, x2) < left
        assert outside or min(x1, x2) > right


def test_badges_pdf_shortens_a_name_too_long_for_a_badge(member_user):
    meeting = MeetingFactory()
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting), honorific="", name=" ".join(["Name"] * 40)
    )

    text = _pages(render_badges_pdf(participant_list(meeting=meeting, user=member_user)))[0]

    assert "Name Name…\n" in text  # cut between words


def test_badges_pdf_says_so_when_nobody_is_named(meeting, member_user):
    empty = MeetingFactory()

    content = render_badges_pdf(participant_list(meeting=empty, user=member_user))

    assert _pages(content) == ["No delegates' names are recorded for this meeting."]


@needs_fonts
def test_badges_pdf_prints_names_in_their_scripts(member_user):
    meeting = MeetingFactory()
    names = {"JP": "山田 太郎", "CN": "王小明", "TH": "สมชาย ใจดี", "GR": "Ελένη Παπαδοπούλου"}
    for country, name in names.items():
        participant = ParticipantFactory(country=country)
        MembershipPeriodFactory(participant=participant)
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        DelegateFactory(delegation=delegation, honorific="", name=name)

    content = render_badges_pdf(participant_list(meeting=meeting, user=member_user))

    text = _pages(content)[0]
    assert [name for name in names.values() if name in text] == list(names.values())
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for font in PdfReader(io.BytesIO(content)).pages[0]["/Resources"]["/Font"].values()
    }
    # Japan's names in kanji take the Japanese font: no kana says so.
    assert {"IPAGothic", "WenQuanYiMicroHei-0", "NotoSansThai-Bold"} <= fonts


# --- Table tents --------------------------------------------------------------------


def test_table_tents_pdf_prints_each_delegation_twice_on_a_landscape_sheet(meeting):
    content = render_table_tents_pdf(participant_list(meeting=meeting, user=ANONYMOUS))

    pages = [" ".join(page.split()) for page in _pages(content)]
    assert _sizes(content) == [(A4[1], A4[0])] * 2
    unhcr = "Office of the United Nations High Commissioner for Refugees"
    assert pages == ["Australia Australia", f"{unhcr} {unhcr}"]


def test_table_tents_pdf_turns_the_top_half_upside_down(meeting):
    content = render_table_tents_pdf(participant_list(meeting=meeting, user=ANONYMOUS))

    stream = PdfReader(io.BytesIO(content)).pages[0].get_contents().get_data().decode("latin-1")
    # The second copy turned half a turn about the centre of the sheet.
    upright, turned = stream.split("-1 0 0 -1 841.8898 595.2756 cm")
    assert (upright.count("(Australia) Tj"), turned.count("(Australia) Tj")) == (1, 1)


def test_table_tents_pdf_says_so_when_no_delegation_is_recorded():
    content = render_table_tents_pdf(participant_list(meeting=MeetingFactory(), user=ANONYMOUS))

    assert _pages(content) == ["No delegations are recorded for this meeting."]


# --- Who may download them ----------------------------------------------------------


def _badges(meeting) -> str:
    return f"/meetings/{meeting.slug}/badges.pdf"


def _tents(meeting) -> str:
    return f"/meetings/{meeting.slug}/table-tents.pdf"


def test_urls_are_named():
    slug = {"slug": "som-2004"}

    addresses = [
        reverse("meetings:badges", kwargs=slug),
        reverse("meetings:table_tents", kwargs=slug),
    ]

    assert addresses == ["/meetings/som-2004/badges.pdf", "/meetings/som-2004/table-tents.pdf"]


def test_member_official_downloads_badges_of_listed_delegates(member_client, meeting):
    response = member_client.get(_badges(meeting))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (f'attachment; filename="{meeting.slug}-badges.pdf"')
    assert "private" in response["Cache-Control"]
    text = " ".join(_pages(response.content))
    assert "Ms Jane Citizen" in text
    assert "Quiet Person" not in text


def test_secretariat_downloads_badges_of_every_delegate(editor_client, meeting):
    response = editor_client.get(_badges(meeting))

    assert response.status_code == 200
    assert "Quiet Person" in " ".join(_pages(response.content))


def test_anonymous_visitor_is_refused_badges(client, meeting):
    response = client.get(_badges(meeting))

    assert response.status_code == 403
    assert b"Jane Citizen" not in response.content


def test_signed_in_user_without_the_right_to_names_is_refused_badges(client, plain_user, meeting):
    client.force_login(plain_user)

    response = client.get(_badges(meeting))

    assert response.status_code == 403


def test_anonymous_visitor_downloads_table_tents(client, meeting):
    response = client.get(_tents(meeting))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{meeting.slug}-table-tents.pdf"'
    )
    assert "private" in response["Cache-Control"]
    assert "Australia" in _pages(response.content)[0]


@pytest.mark.parametrize("address", [_badges, _tents])
def test_an_unpublished_meeting_is_not_found(client, member_user, address):
    meeting = MeetingFactory(is_published=False)

    anonymous = client.get(address(meeting))
    client.force_login(member_user)
    member = client.get(address(meeting))

    assert (anonymous.status_code, member.status_code) == (404, 404)


@pytest.mark.parametrize("address", [_badges, _tents])
def test_secretariat_prints_for_an_unpublished_meeting(editor_client, address):
    meeting = MeetingFactory(is_published=False)

    assert editor_client.get(address(meeting)).status_code == 200


@pytest.mark.parametrize("address", [_badges, _tents])
def test_a_meeting_that_does_not_exist_is_not_found(editor_client, address):
    missing = MeetingFactory.build(slug="no-such-meeting")

    assert editor_client.get(address(missing)).status_code == 404


# --- Query counts -------------------------------------------------------------------


def _meeting_of(item_count: int):
    meeting = MeetingFactory()
    for _ in range(item_count):
        participant = ParticipantFactory()
        MembershipPeriodFactory(participant=participant)
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        DelegateFactory.create_batch(item_count, delegation=delegation)
    return meeting


@pytest.mark.parametrize("item_count", [1, 3])
def test_badges_query_count_is_constant(member_client, django_assert_num_queries, item_count):
    meeting = _meeting_of(item_count)

    # Session, user, the user's and the role's permissions, then the participant list.
    with django_assert_num_queries(8):
        response = member_client.get(_badges(meeting))

    assert response.status_code == 200


@pytest.mark.parametrize("item_count", [1, 3])
def test_table_tents_query_count_is_constant(client, django_assert_num_queries, item_count):
    meeting = _meeting_of(item_count)

    with django_assert_num_queries(3):
        response = client.get(_tents(meeting))

    assert response.status_code == 200
