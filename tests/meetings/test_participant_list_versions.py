"""The three versions of a participant list — public, circulation and
restricted — from the outside: who may have which
(meetings.selectors.participant_list_versions), what each holds and how it is
marked and named in every format, its revision, and its queries."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Permission
from django.utils import timezone

from meetings.exporters import render_participant_list_docx, render_participant_list_pdf
from meetings.models import Delegate
from meetings.selectors import participant_list, participant_list_versions
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MeetingRoleFactory,
    MembershipPeriodFactory,
    ParticipantFactory,
)
from tests.meetings.participant_list_support import (
    FORMATS,
    MARKING,
    docx_document,
    flat,
    pdf_pages,
    text_of,
)

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "secret.contact@example.org"
VERSIONS = ["public", "circulation", "restricted"]
LABELS = {"public": "Public", "circulation": "Circulation", "restricted": "Restricted"}


@pytest.fixture
def meeting():
    meeting = MeetingFactory(custom_title="Fifth Senior Officials Meeting")
    participant = ParticipantFactory(short_name="Indonesia", country="ID")
    MembershipPeriodFactory(participant=participant)
    delegation = DelegationFactory(meeting=meeting, participant=participant)
    DelegateFactory(
        delegation=delegation, name="Listed Delegate", role=Delegate.Role.HEAD, email=SECRET_EMAIL
    )
    DelegateFactory(
        delegation=delegation, name="Unlisted Delegate", may_be_listed=False, email=SECRET_EMAIL
    )
    return meeting


def _address(meeting, version: str, fmt: str) -> str:
    if fmt == "page":
        return f"/meetings/{meeting.slug}/participants/{version}/"
    return f"/meetings/{meeting.slug}/participants/{version}.{fmt}"


def _admin(meeting, version: str, fmt: str) -> str:
    return f"/admin/meetings/meeting/{meeting.pk}/participants/{version}.{fmt}"


def _clerk(role_groups):
    """Staff who may see names but not contact details."""
    clerk = get_user_model().objects.create_user(username="clerk", is_staff=True)
    clerk.user_permissions.set(
        Permission.objects.filter(codename__in=["view_meeting", "see_delegate_names"])
    )
    return clerk


# --- Who may have which -----------------------------------------------------------------


def test_who_may_have_which_version(plain_user, member_user, editor_user, role_groups):
    def keys(user):
        return [version.key for version in participant_list_versions(user)]

    assert keys(AnonymousUser()) == ["public"]
    assert keys(plain_user) == ["public"]
    assert keys(member_user) == ["public", "circulation"]
    assert keys(_clerk(role_groups)) == ["public", "circulation"]
    assert keys(editor_user) == ["public", "circulation", "restricted"]


@pytest.mark.parametrize("fmt", ["page", *FORMATS])
def test_restricted_version_is_refused_to_an_anonymous_visitor_with_sign_in(client, meeting, fmt):
    address = _address(meeting, "restricted", fmt)

    response = client.get(address)

    assert response.status_code == 403
    assert "<h1>Not available to you</h1>" in response.text
    assert f'href="/accounts/login/?next={address}"' in response.text
    assert "Listed Delegate" not in response.text
    assert SECRET_EMAIL not in response.text


@pytest.mark.parametrize("fmt", ["page", *FORMATS])
def test_restricted_version_is_refused_to_a_member_official(member_client, meeting, fmt):
    response = member_client.get(_address(meeting, "restricted", fmt))

    assert response.status_code == 403
    assert "<h1>Not available to you</h1>" in response.text
    assert "Unlisted Delegate" not in response.text
    assert SECRET_EMAIL not in response.text


@pytest.mark.parametrize("fmt", ["page", *FORMATS])
def test_circulation_version_is_refused_to_an_anonymous_visitor(client, meeting, fmt):
    response = client.get(_address(meeting, "circulation", fmt))

    assert response.status_code == 403
    assert "Listed Delegate" not in response.text


@pytest.mark.parametrize("fmt", FORMATS)
def test_admin_restricted_download_is_refused_without_the_contacts_right(
    client, meeting, role_groups, fmt
):
    client.force_login(_clerk(role_groups))

    refused = client.get(_admin(meeting, "restricted", fmt))
    circulation = client.get(_admin(meeting, "circulation", fmt))

    assert refused.status_code == 403
    assert SECRET_EMAIL.encode() not in refused.content
    assert circulation.status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_admin_version_downloads_refuse_anonymous_and_member_officials(
    client, member_user, meeting, fmt
):
    anonymous = client.get(_admin(meeting, "circulation", fmt))
    client.force_login(member_user)
    member = client.get(_admin(meeting, "restricted", fmt))

    for response in (anonymous, member):
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_an_unknown_version_is_404(editor_client, meeting):
    addresses = [
        f"/meetings/{meeting.slug}/participants/secret/",
        f"/meetings/{meeting.slug}/participants/secret.pdf",
        _admin(meeting, "secret", "pdf"),
    ]

    assert [editor_client.get(address).status_code for address in addresses] == [404] * 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_staff_download_the_circulation_version_they_hand_out(editor_client, meeting, fmt):
    for address in (_address(meeting, "circulation", fmt), _admin(meeting, "circulation", fmt)):
        response = editor_client.get(address)

        text = text_of(response.content, fmt)
        assert response.status_code == 200
        assert "Listed Delegate" in text
        assert "And 1 more delegate who asked not to be listed." in text
        assert "Unlisted Delegate" not in text
        assert SECRET_EMAIL not in text
        assert MARKING not in text
        assert f"participants-{meeting.slug}-circulation-" in response["Content-Disposition"]


# --- Each version in every format -----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["page", *FORMATS])
@pytest.mark.parametrize("version", VERSIONS)
def test_every_version_in_every_format_holds_what_it_should_and_says_which_it_is(
    editor_client, editor_user, meeting, version, fmt
):
    expected = participant_list(meeting=meeting, user=editor_user, version=version)

    response = editor_client.get(_address(meeting, version, fmt))

    text = flat(text_of(response.content, fmt))
    assert response.status_code == 200
    assert ("Listed Delegate" in text) == (version != "public")
    assert ("Unlisted Delegate" in text) == (version == "restricted")
    assert (SECRET_EMAIL in text) == (version == "restricted")
    assert (MARKING in text) == (version == "restricted")
    issued = timezone.localdate()
    issue_line = (
        f"{LABELS[version]} version, issued {issued.day} {issued:%B %Y}, "
        f"revision {expected.revision}"
    )
    # A CSV file has no title block or footer: its name says it (below).
    assert (issue_line in text) == (fmt != "csv")
    assert ("no-store" in response.get("Cache-Control", "")) == (version == "restricted")
    if fmt != "page":
        assert response["Content-Disposition"] == (
            f'attachment; filename="participants-{meeting.slug}-{version}-'
            f'{issued.isoformat()}-r{expected.revision}.{fmt}"'
        )


def test_restricted_pdf_is_marked_at_the_head_and_foot_of_every_page(editor_user):
    meeting = MeetingFactory(custom_title="A long meeting")
    for number in range(12):
        participant = ParticipantFactory(short_name=f"Country {number:02d}")
        MembershipPeriodFactory(participant=participant)
        DelegateFactory.create_batch(
            9, delegation=DelegationFactory(meeting=meeting, participant=participant)
        )
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    pages = pdf_pages(render_participant_list_pdf(list_))

    assert len(pages) >= 2
    # At the head and the foot of every page, and in the first one's title block.
    assert [flat(page).count(MARKING) for page in pages] == [3] + [2] * (len(pages) - 1)
    assert all(f"{MARKING} — {list_.issue_line}" in flat(page) for page in pages)


def test_restricted_docx_is_marked_in_its_header_footer_and_title_block(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, version="restricted")

    document = docx_document(render_participant_list_docx(list_))

    section = document.sections[0]
    assert [paragraph.text for paragraph in section.header.paragraphs] == [MARKING]
    assert section.footer.paragraphs[0].text.startswith(f"{MARKING} — {list_.issue_line}")
    assert document.paragraphs[0].text == MARKING


def test_page_offers_each_version_the_viewer_may_have(editor_client, meeting):
    text = editor_client.get(_address(meeting, "restricted", "page")).text

    assert text.count(f'<p class="participant-list__marking">{MARKING}</p>') == 2
    assert '<strong aria-current="page">Restricted</strong>' in text
    for version in ("public", "circulation"):
        assert f'href="/meetings/{meeting.slug}/participants/{version}/">' in text


# --- The revision ----------------------------------------------------------------------------


def _revisions(meeting, user) -> dict[str, str]:
    return {
        version: participant_list(meeting=meeting, user=user, version=version).revision
        for version in VERSIONS
    }


def test_revision_stays_while_nothing_changes(meeting, editor_user):
    before = _revisions(meeting, editor_user)
    delegate = Delegate.objects.get(name="Listed Delegate")
    delegate.save()  # saved again, unchanged: a history row, not a new list

    assert _revisions(meeting, editor_user) == before
    assert len(set(before.values())) == 3


def test_revision_changes_when_a_delegate_is_added_edited_or_removed(meeting, editor_user):
    seen = [_revisions(meeting, editor_user)]
    delegation = meeting.delegations.get()

    added = DelegateFactory(delegation=delegation, name="New Delegate")
    seen.append(_revisions(meeting, editor_user))
    added.position = "Deputy Director"
    added.save()
    seen.append(_revisions(meeting, editor_user))
    added.delete()
    seen.append(_revisions(meeting, editor_user))

    for version in ("circulation", "restricted"):
        revisions = [revisions[version] for revisions in seen]
        assert len(set(revisions[:3])) == 3, version
        assert revisions[3] == revisions[0], version  # the same list as before, again
    # The public version names nobody: only the count changes it.
    assert [revisions["public"] for revisions in seen] == [
        seen[0]["public"],
        seen[1]["public"],
        seen[1]["public"],
        seen[0]["public"],
    ]


def test_a_version_revision_follows_only_what_that_version_shows(meeting, editor_user):
    before = _revisions(meeting, editor_user)
    unlisted = Delegate.objects.get(name="Unlisted Delegate")
    unlisted.phone = "+62 21 999 9999"
    unlisted.save()

    after = _revisions(meeting, editor_user)

    assert after["restricted"] != before["restricted"]
    assert (after["public"], after["circulation"]) == (before["public"], before["circulation"])


def test_revision_changes_when_the_title_block_changes(meeting, editor_user):
    before = _revisions(meeting, editor_user)

    MeetingRoleFactory(meeting=meeting, participant=ParticipantFactory(short_name="Australia"))

    after = _revisions(meeting, editor_user)
    assert all(after[version] != before[version] for version in VERSIONS)


def test_date_of_issue_is_today_and_not_part_of_the_revision(meeting, editor_user):
    list_ = participant_list(meeting=meeting, user=editor_user, version="circulation")
    revision = list_.revision

    list_.issued = datetime.date(2030, 1, 1)

    assert participant_list(meeting=meeting, user=editor_user).issued == timezone.localdate()
    assert list_.revision == revision
    assert "issued 1 January 2030" in list_.issue_line


# --- Queries ---------------------------------------------------------------------------------


def _meeting_of(item_count: int):
    meeting = MeetingFactory()
    MeetingRoleFactory.create_batch(item_count, meeting=meeting)
    for _ in range(item_count):
        participant = ParticipantFactory()
        MembershipPeriodFactory(participant=participant)
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        DelegateFactory(delegation=delegation, role=Delegate.Role.HEAD)
        DelegateFactory.create_batch(item_count - 1, delegation=delegation, may_be_listed=False)
    return meeting


# Session, user, the user's and the groups' permissions, meeting, delegations,
# delegates (none for the public version, which names nobody), co-chairs and hosts.
QUERIES = {"public": 7, "circulation": 8, "restricted": 8}


@pytest.mark.parametrize("item_count", [1, 3])
@pytest.mark.parametrize("fmt", ["page", *FORMATS])
@pytest.mark.parametrize("version", VERSIONS)
def test_each_version_costs_the_same_queries_at_any_size(
    editor_client, django_assert_num_queries, item_count, fmt, version
):
    meeting = _meeting_of(item_count)

    with django_assert_num_queries(QUERIES[version]):
        response = editor_client.get(_address(meeting, version, fmt))

    assert response.status_code == 200
    names = len(re.findall(r"Delegate Person \d{5}", flat(text_of(response.content, fmt))))
    assert names == {"public": 0, "circulation": item_count, "restricted": item_count**2}[version]


@pytest.mark.parametrize("item_count", [1, 3])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("version", ["circulation", "restricted"])
def test_each_admin_version_download_costs_the_same_queries_at_any_size(
    editor_client, django_assert_num_queries, item_count, fmt, version
):
    meeting = _meeting_of(item_count)

    # Session, user, permissions (two), meeting, delegations, delegates, co-chairs and hosts.
    with django_assert_num_queries(8):
        response = editor_client.get(_admin(meeting, version, fmt))

    assert response.status_code == 200
