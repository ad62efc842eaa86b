"""The import wizard's preview: where the list was found (sheet, header
row) and how staff change it, conflicts, the notes staff read before
confirming, input that is refused without a 500; and the blank template."""

import io

import openpyxl
import pytest

from meetings.admin_imports import SESSION_KEY
from meetings.models import Delegate
from tests.factories import DelegateFactory, DelegationFactory
from tests.meetings.importing.spreadsheets import csv_bytes, preview_of, problems_of, xlsx_bytes
from tests.meetings.importing.wizard import columns, previewed, token_of

pytestmark = pytest.mark.django_db


def _filled(template: bytes, extension: str, row: list[str]) -> bytes:
    if extension == "csv":
        return template + ",".join(row).encode() + b"\r\n"
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_the_blank_template_has_the_recognised_headers_and_imports_once_filled(
    editor_client, meeting, australia, extension
):
    response = editor_client.get(f"/admin/meetings/meeting/import-delegates/template.{extension}")
    row = [
        "Australia",
        "Ms",
        "Jane Citizen",
        "Director",
        "DFAT",
        "Head",
        "jane@example.org",
        "",
        "",
    ]

    preview = preview_of(meeting, _filled(response.content, extension, row), f"list.{extension}")

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="delegate-list.{extension}"'
    assert preview.sheet.headers == [
        "Country or organisation",
        "Honorific",
        "Name",
        "Position",
        "Agency",
        "Role",
        "Email",
        "Telephone",
        "Listed",
    ]
    assert list(preview.mapping.values()) == [
        "participant",
        "honorific",
        "name",
        "position",
        "agency",
        "role",
        "email",
        "phone",
        "may_be_listed",
    ]
    assert problems_of(preview) == []
    assert [change.name for change in preview.plan.created_delegates] == ["Jane Citizen"]


def test_an_unknown_template_format_is_a_404(editor_client):
    assert (
        editor_client.get("/admin/meetings/meeting/import-delegates/template.pdf").status_code
        == 404
    )


def test_the_preview_shows_each_thing_staff_should_know_as_a_message(
    editor_client, meeting, viet_nam
):
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=viet_nam), name="Nguyễn Văn Thành"
    )
    content = xlsx_bytes(
        [
            ["Delegation of Viet Nam to the Fifth Ministerial Conference"],
            ["Country", "Full name", "E-mail", "Dietary needs"],
            ["Viet Nam", "H.E. Mr Nguyen Van Thanh", "N/A", "none"],
            ["Viet Nam", "Trần Thị Lan", "lan@example.org", ""],
        ]
    )
    preview_url = previewed(editor_client, meeting, content, "delegates.xlsx")

    text = editor_client.get(preview_url).text

    assert "Row 1 above the header row (row 2) was skipped" in text
    assert "Not imported: column D “Dietary needs”." in text
    assert "1 cell of column C “E-mail” holds a placeholder (“N/A”), read as empty: row 3." in text
    assert "Honorifics were taken out of 1 name into the honorific" in text
    assert "Row 3: “Nguyen Van Thanh” is taken to be Nguyễn Văn Thành of Viet Nam" in text
    assert "Delegates: 1 to add, 1 to update, 0 unchanged." in text
    assert 'value="confirm"' in text


def test_a_conflict_is_shown_and_resolved_in_the_preview(editor_client, meeting, australia):
    content = csv_bytes([["Country", "Name", "Full name"], ["Australia", "Jane", "Jane Citizen"]])
    preview_url = previewed(editor_client, meeting, content)

    page = editor_client.get(preview_url)
    editor_client.post(
        preview_url, {"action": "remap", "header_row": "1", **columns("participant", "", "name")}
    )
    after = editor_client.get(preview_url)
    editor_client.post(
        preview_url, {"action": "confirm", "header_row": "1", **columns("participant", "", "name")}
    )

    assert "Columns B “Name” and C “Full name” both fill “Name”" in page.text
    assert 'value="confirm"' not in page.text
    assert "Delegates: 1 to add" in after.text
    assert Delegate.objects.get().name == "Jane Citizen"


def test_staff_choose_the_sheet_and_the_header_row(editor_client, meeting, australia, indonesia):
    content = xlsx_bytes(
        sheets=[
            ("Delegates", [["Country", "Name"], ["Australia", "Jane Citizen"]]),
            ("Late", [["Added late"], ["Country", "Name"], ["Indonesia", "Siti Rahma"]]),
        ]
    )
    preview_url = previewed(editor_client, meeting, content, "delegates.xlsx")

    first = editor_client.get(preview_url)
    editor_client.post(
        preview_url,
        {"action": "remap", "sheet": "1", "header_row": "1", **columns("participant", "name")},
    )
    second = editor_client.get(preview_url)
    editor_client.post(preview_url, {"action": "remap", "sheet": "1", "header_row": "1"})
    header_first = editor_client.get(preview_url)

    assert '<option value="0" selected>Delegates</option>' in first.text
    assert "Jane Citizen" in first.text
    assert "sheet “Late”" in second.text
    assert "Siti Rahma" in second.text
    assert "Row 1 above the header row (row 2) was skipped" in second.text
    assert "No column gives the participant" in header_first.text  # "Added late" is no header


def test_changing_the_layout_on_confirm_previews_again_instead_of_importing(
    editor_client, meeting, australia
):
    content = csv_bytes([["List"], ["Country", "Name"], ["Australia", "Jane Citizen"]])
    preview_url = previewed(editor_client, meeting, content)

    response = editor_client.post(
        preview_url,
        {"action": "confirm", "header_row": "1", **columns("participant", "name")},
        follow=True,
    )

    assert "The sheet, header row or columns changed, so nothing was imported yet" in response.text
    assert "Row 1: List" in response.text  # the header row chosen is shown
    assert Delegate.objects.count() == 0


def test_a_header_row_with_nothing_below_is_refused_on_the_form(editor_client, meeting, australia):
    content = csv_bytes([["Country", "Name"], ["Australia", "Jane Citizen"]])
    preview_url = previewed(editor_client, meeting, content)

    response = editor_client.post(preview_url, {"action": "remap", "header_row": "2"}, follow=True)

    assert response.status_code == 200
    assert (
        "has a header row but no rows of delegates below it. (The header row is row 2.)"
        in response.text
    )
    assert "Delegates: 1 to add" in response.text
    assert Delegate.objects.count() == 0


# --- Input that is refused, never a 500 -----------------------------------------------------


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"header_row": "abc"}, "Select a valid choice. abc is not one of the available choices."),
        ({"header_row": "1", "column_0": "bogus"}, "Select a valid choice. bogus is not one of"),
        ({"header_row": "99"}, "Select a valid choice. 99 is not one of the available choices."),
    ],
)
def test_tampered_choices_are_refused_on_the_form(
    editor_client, meeting, australia, posted, message
):
    preview_url = previewed(
        editor_client, meeting, csv_bytes([["Country", "Name"], ["AU", "Jane"]])
    )

    response = editor_client.post(preview_url, {"action": "confirm", **posted})

    assert response.status_code == 200
    assert message in response.text
    assert Delegate.objects.count() == 0


def test_a_sheet_that_does_not_exist_is_refused_on_the_form(editor_client, meeting, australia):
    content = xlsx_bytes(sheets=[("A", [["Country", "Name"], ["AU", "Jane"]]), ("B", [["x"]])])
    preview_url = previewed(editor_client, meeting, content, "delegates.xlsx")

    response = editor_client.post(preview_url, {"action": "remap", "sheet": "7", "header_row": "1"})

    assert response.status_code == 200
    assert "Select a valid choice. 7 is not one of the available choices." in response.text


def test_a_layout_that_no_longer_reads_is_found_again_with_a_message(
    editor_client, meeting, australia
):
    preview_url = previewed(
        editor_client, meeting, csv_bytes([["Country", "Name"], ["AU", "Jane"]])
    )
    session = editor_client.session
    session[SESSION_KEY][token_of(preview_url)]["layout"] = {"sheet": None, "header_row": 50}
    session.save()

    refused = editor_client.get(preview_url)
    again = editor_client.get(preview_url)

    assert (refused.status_code, refused["Location"]) == (302, preview_url)
    assert "Row 50 of “delegates.csv” is empty or not among its first rows" in again.text
    assert "The sheet and header row were found afresh" in again.text
    assert "Delegates: 1 to add" in again.text
