"""The delegate import in the admin: upload, preview (layout, columns,
conflicts, notes), confirm or cancel, and who may do what."""

import os
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client, override_settings

from meetings.models import Delegate, Delegation
from tests.factories import DelegateFactory, DelegationFactory, MeetingFactory, ParticipantFactory
from tests.meetings.importing.spreadsheets import csv_bytes, xlsx_bytes
from tests.meetings.importing.wizard import (
    GOOD_CSV,
    columns,
    previewed,
    store,
    token_of,
    upload,
    upload_url,
)

pytestmark = pytest.mark.django_db


def test_upload_page_explains_the_file_and_has_a_labelled_field(editor_client, meeting):
    response = editor_client.get(upload_url(meeting))

    assert response.status_code == 200
    assert '<label class="required" for="id_file">Delegate list:</label>' in response.text
    assert "at most 2.0\xa0MB and 5000 rows" in response.text
    assert (
        '<a href="/admin/meetings/meeting/import-delegates/template.csv" download>CSV</a>'
        in response.text
    )
    assert (
        '<th scope="row">Given name(s) (joined before the family name)</th>'
        "<td>Given name(s), Given name, " in response.text
    )


def test_import_is_refused_to_anonymous_member_officials_and_staff_without_the_right(
    client, member_client, meeting
):
    for visitor in (client, member_client):
        response = visitor.get(upload_url(meeting))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    reader = get_user_model().objects.create_user(username="reader", is_staff=True)
    reader.user_permissions.set(Permission.objects.filter(codename="view_meeting"))
    client.force_login(reader)
    assert client.get(upload_url(meeting)).status_code == 403
    assert upload(client, meeting, GOOD_CSV).status_code == 403
    assert client.get("/admin/meetings/meeting/import-delegates/template.csv").status_code == 403
    assert Delegate.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "delegates.csv", "The submitted file is empty."),
        (b"Country,Name\r\n", "delegates.csv", "has a header row but no rows of delegates"),
        (b"%PDF-1.4", "delegates.csv", "is a PDF document, not a spreadsheet"),
        (b"Country,Name\r\nAustralia,Jane\r\n", "delegates.xlsx", "holds plain text"),
    ],
)
def test_bad_uploads_are_refused_on_the_form_and_nothing_is_kept(
    editor_client, meeting, content, filename, message
):
    before = set(store().tokens())

    response = upload(editor_client, meeting, content, filename)

    assert response.status_code == 200
    assert message in response.text
    assert set(store().tokens()) == before
    assert Delegate.objects.count() == 0


@override_settings(DELEGATE_IMPORT_MAX_BYTES=100)
def test_too_large_upload_names_the_limit(editor_client, meeting):
    response = upload(editor_client, meeting, GOOD_CSV)

    assert "the largest delegate list that can be imported is 100\xa0bytes" in response.text


# --- The preview ------------------------------------------------------------------------------


def test_upload_keeps_the_file_privately_and_previews_without_writing(
    editor_client, meeting, australia, indonesia
):
    preview_url = previewed(editor_client, meeting)

    response = editor_client.get(preview_url)

    assert store().load(token_of(preview_url)) == GOOD_CSV
    assert response.status_code == 200
    text = response.text
    assert "Nothing has been written yet." in text
    assert "Delegates: 2 to add, 0 to update, 0 unchanged. Delegations: 2 to add" in text
    assert (
        '<option value="participant" selected>Participant (country or organisation)</option>'
        in text
    )
    assert "Jane Citizen" in text
    assert 'value="confirm"' in text
    assert Delegate.objects.count() == 0


def test_confirm_writes_everything_deletes_the_file_and_says_what_was_done(
    editor_client, editor_user, meeting, australia, indonesia
):
    preview_url = previewed(editor_client, meeting)
    assert editor_client.get(preview_url).status_code == 200

    response = editor_client.post(
        preview_url,
        {
            "action": "confirm",
            "header_row": "1",
            **columns("participant", "name", "position", "role", "email"),
        },
        follow=True,
    )

    assert response.redirect_chain[0][0] == f"/admin/meetings/meeting/{meeting.pk}/change/"
    assert (
        "Imported “delegates.csv”: 2 delegates added, 0 updated, 0 unchanged; 2 delegations added."
        in response.text
    )
    assert sorted(Delegate.objects.values_list("name", flat=True)) == ["Jane Citizen", "Siti Rahma"]
    assert Delegate.objects.get(name="Jane Citizen").history.get().history_user == editor_user
    assert store().load(token_of(preview_url)) is None
    assert token_of(preview_url) not in editor_client.session.get("delegate_imports", {})


def test_cancel_deletes_the_file_and_changes_nothing(editor_client, meeting, australia, indonesia):
    preview_url = previewed(editor_client, meeting)

    response = editor_client.post(preview_url, {"action": "cancel"}, follow=True)

    assert "Import of “delegates.csv” cancelled: nothing was changed." in response.text
    assert store().load(token_of(preview_url)) is None
    assert Delegate.objects.count() == Delegation.objects.count() == 0


def test_columns_can_be_mapped_by_hand_before_confirming(editor_client, meeting, australia):
    preview_url = previewed(editor_client, meeting, b"Nation,Person\r\nAustralia,Jane Citizen\r\n")

    blocked = editor_client.get(preview_url)
    remapped = editor_client.post(
        preview_url, {"action": "remap", "header_row": "1", **columns("participant", "name")}
    )
    after = editor_client.get(preview_url)
    editor_client.post(
        preview_url, {"action": "confirm", "header_row": "1", **columns("participant", "name")}
    )

    assert "No column gives the participant" in blocked.text
    assert 'value="confirm"' not in blocked.text
    assert remapped.status_code == 302
    assert "Delegates: 1 to add" in after.text
    assert Delegate.objects.get().name == "Jane Citizen"


def test_confirm_with_changed_columns_previews_again_instead_of_importing(
    editor_client, meeting, australia
):
    preview_url = previewed(
        editor_client, meeting, b"Country,Name,Position\r\nAustralia,Jane Citizen,Director\r\n"
    )

    response = editor_client.post(
        preview_url,
        {"action": "confirm", "header_row": "1", **columns("participant", "name", "")},
        follow=True,
    )

    assert "The sheet, header row or columns changed, so nothing was imported yet" in response.text
    assert Delegate.objects.count() == 0


def test_invalid_column_choices_are_shown_on_the_preview(editor_client, meeting, australia):
    preview_url = previewed(editor_client, meeting, b"Country,Name\r\nAustralia,Jane\r\n")

    response = editor_client.post(
        preview_url, {"action": "remap", "header_row": "1", **columns("name", "name")}
    )

    assert response.status_code == 200
    assert "Columns A “Country” and B “Name” both fill “Name”" in response.text


def test_rows_with_problems_block_the_import_until_the_file_is_fixed(
    editor_client, meeting, australia
):
    content = b"Country,Name,Email\r\nAustralia,Jane Citizen,jane@example.org\r\nAtlantis,Nemo,\r\n"
    preview_url = previewed(editor_client, meeting, content)

    page = editor_client.get(preview_url)
    forced = editor_client.post(
        preview_url,
        {"action": "confirm", "header_row": "1", **columns("participant", "name", "email")},
    )

    assert "1 problem blocks this import. Correct the spreadsheet" in page.text
    assert "<td>No participant is called “Atlantis”" in page.text
    assert 'value="confirm"' not in page.text
    assert forced.status_code == 200
    assert Delegate.objects.count() == 0


def test_formula_cells_are_refused_through_the_admin_too(editor_client, meeting, australia):
    content = xlsx_bytes([["Country", "Name"], ["Australia", '=HYPERLINK("http://x")']])
    preview_url = previewed(editor_client, meeting, content, "delegates.xlsx")

    page = editor_client.get(preview_url)

    assert "<td>Name (B2)</td><td>The cell holds a formula" in page.text


# --- Whose import it is --------------------------------------------------------------------------


def test_a_token_from_another_session_is_refused_and_its_file_kept(
    editor_client, manager_user, meeting, australia
):
    preview_url = previewed(editor_client, meeting)
    stranger = Client()
    stranger.force_login(manager_user)

    response = stranger.post(preview_url, {"action": "cancel"}, follow=True)

    assert "That import is not one you started for this meeting" in response.text
    assert store().load(token_of(preview_url)) == GOOD_CSV


def test_a_token_for_another_meeting_or_made_up_is_refused(editor_client, meeting, australia):
    token = token_of(previewed(editor_client, meeting))
    other = MeetingFactory()

    elsewhere = editor_client.get(
        f"/admin/meetings/meeting/{other.pk}/import-delegates/{token}/", follow=True
    )
    made_up = editor_client.get(
        f"/admin/meetings/meeting/{meeting.pk}/import-delegates/{'0' * 32}/", follow=True
    )

    assert "That import is not one you started for this meeting" in elsewhere.text
    assert "That import is not one you started for this meeting" in made_up.text
    assert store().load(token) == GOOD_CSV


def test_a_stale_upload_is_refused(editor_client, meeting, australia):
    preview_url = previewed(editor_client, meeting)
    token = token_of(preview_url)
    past = time.time() - 7 * 3600
    folder = Path(store().storage.path(token))
    for path in (folder, folder / "upload.csv"):
        os.utime(path, (past, past))

    response = editor_client.get(preview_url, follow=True)

    assert "That upload has expired" in response.text
    assert not Path(store().storage.path(token)).exists()


def test_an_unknown_action_is_a_404(editor_client, meeting, australia):
    assert (
        editor_client.post(previewed(editor_client, meeting), {"action": "explode"}).status_code
        == 404
    )


@pytest.mark.parametrize("item_count", [1, 3])
def test_preview_query_count_is_constant(
    editor_client, meeting, django_assert_num_queries, item_count
):
    rows = [["Country", "Name"]]
    for number in range(item_count):
        participant = ParticipantFactory(short_name=f"Land {number}")
        rows += [
            [participant.short_name, f"Person {number}-{person}"] for person in range(item_count)
        ]
    preview_url = previewed(editor_client, meeting, csv_bytes(rows))

    # Session, user, permissions (two), meeting, participants and their names (the
    # matcher), delegations and statuses (the plan); the delegates are not read for a
    # meeting without delegations.
    with django_assert_num_queries(9):
        response = editor_client.get(preview_url)

    assert f"Delegates: {item_count * item_count} to add" in response.text


def test_confirm_checks_the_record_again_and_writes_nothing_when_it_changed(
    editor_client, meeting, australia
):
    preview_url = previewed(
        editor_client, meeting, b"Country,Name,Role\r\nAustralia,John Smith,Head\r\n"
    )
    assert 'value="confirm"' in editor_client.get(preview_url).text
    # Meanwhile a colleague enters a head of delegation in the admin.
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=australia),
        name="Entered Meanwhile",
        role=Delegate.Role.HEAD,
    )

    response = editor_client.post(
        preview_url,
        {"action": "confirm", "header_row": "1", **columns("participant", "name", "role")},
    )

    assert response.status_code == 200
    assert "head of delegation is Entered Meanwhile already" in response.text
    assert list(Delegate.objects.values_list("name", flat=True)) == ["Entered Meanwhile"]


def test_staff_who_may_add_but_not_change_delegates_cannot_overwrite_them(
    client, meeting, australia
):
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=australia),
        name="Jane Citizen",
        position="Director",
    )
    adder = get_user_model().objects.create_user(username="adder", is_staff=True)
    adder.user_permissions.set(
        Permission.objects.filter(codename__in=["view_meeting", "add_delegate"])
    )
    client.force_login(adder)
    preview_url = previewed(
        client, meeting, b"Country,Name,Position\r\nAustralia,Jane Citizen,Deputy Director\r\n"
    )

    response = client.post(
        preview_url,
        {"action": "confirm", "header_row": "1", **columns("participant", "name", "position")},
    )

    assert "you may add delegates but not change them" in response.text
    assert Delegate.objects.get().position == "Director"


def test_preview_is_refused_to_staff_without_the_right(client, editor_client, meeting, australia):
    preview_url = previewed(editor_client, meeting)
    reader = get_user_model().objects.create_user(username="reader", is_staff=True)
    reader.user_permissions.set(Permission.objects.filter(codename="view_meeting"))
    client.force_login(reader)

    assert client.get(preview_url).status_code == 403


def test_a_session_keeps_at_most_ten_unfinished_imports(editor_client, meeting, australia):
    tokens = [token_of(previewed(editor_client, meeting)) for _ in range(11)]

    pending = editor_client.session["delegate_imports"]

    assert len(pending) == 10
    assert tokens[0] not in pending
    assert store().load(tokens[0]) is None
    assert store().load(tokens[-1]) == GOOD_CSV
