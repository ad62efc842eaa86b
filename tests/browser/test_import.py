"""Importing a delegate list in a real browser, and reading the list it fills."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from meetings.models import Delegate
from tests.factories import DelegateFactory, DelegationFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db(transaction=True)

DELEGATES_CSV = (
    b"Country,Full name,Designation,Role,E-mail\r\n"
    b"Australia,Jane Citizen,First Assistant Secretary,Head of delegation,jane@example.org\r\n"
    b"Indonesia,Siti Rahma,Director,,siti@example.org\r\n"
)


def test_editor_uploads_checks_and_confirms_a_delegate_list(page):
    call_command("create_demo_accounts", stdout=StringIO())
    meeting = MeetingFactory(custom_title="Fifth Senior Officials Meeting")
    ParticipantFactory(short_name="Australia", country="AU")
    ParticipantFactory(short_name="Indonesia", country="ID")
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(f"/admin/meetings/meeting/{meeting.pk}/change/")
    page.get_by_label("Username:").fill("editor")
    page.get_by_label("Password:").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Import delegates").click()
    page.get_by_label("Delegate list:").set_input_files(
        {"name": "delegates.csv", "mimeType": "text/csv", "buffer": DELEGATES_CSV}
    )
    page.get_by_role("button", name="Upload and preview").click()

    plan = page.locator("#import-plan").inner_text()
    assert "Delegates: 2 to add, 0 to update, 0 unchanged." in plan
    assert Delegate.objects.count() == 0
    assert page.get_by_label("E-mail (column E):").input_value() == "email"

    page.get_by_role("button", name="Import into Fifth Senior Officials Meeting").click()

    success = page.locator(".messagelist .success").inner_text()
    assert "Imported “delegates.csv”: 2 delegates added, 0 updated, 0 unchanged" in success
    assert sorted(Delegate.objects.values_list("name", flat=True)) == [
        "Jane Citizen",
        "Siti Rahma",
    ]
    assert Delegate.objects.get(name="Jane Citizen").history.get().history_user.username == (
        "editor"
    )
    assert problems == []


def test_participant_list_fits_a_320_pixel_screen(phone_page):
    meeting = MeetingFactory(custom_title="Fifth Senior Officials Meeting")
    delegation = DelegationFactory(
        meeting=meeting, participant=ParticipantFactory(short_name="Papua New Guinea")
    )
    DelegateFactory(
        delegation=delegation,
        name="Police Major General Krerckphong Pukprayura",
        position="Commissioner, Immigration and Border Protection Directorate",
    )

    phone_page.goto(f"/meetings/{meeting.slug}/participants/")

    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    assert phone_page.get_by_role("heading", level=1).inner_text().startswith("Participants")
    assert phone_page.get_by_role("link", name="Participant list as PDF (.pdf)").is_visible()


def test_editor_resolves_a_conflict_and_imports_a_list_with_a_title_row(page):
    call_command("create_demo_accounts", stdout=StringIO())
    meeting = MeetingFactory(custom_title="Fifth Senior Officials Meeting")
    ParticipantFactory(short_name="Australia", country="AU")
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    content = (
        b"Delegation of Australia\r\n"
        b"\r\n"
        b"Country,Name,Full name,E-mail\r\n"
        b"Australia,Jane,H.E. Ms Jane Citizen,N/A\r\n"
    )

    page.goto(f"/admin/meetings/meeting/{meeting.pk}/import-delegates/")
    page.get_by_label("Username:").fill("editor")
    page.get_by_label("Password:").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Delegate list:").set_input_files(
        {"name": "delegates.csv", "mimeType": "text/csv", "buffer": content}
    )
    page.get_by_role("button", name="Upload and preview").click()

    assert "both fill “Name”" in page.locator("#import-problems").inner_text()
    notes = page.locator("#import-notes").inner_text()
    assert "Row 1 above the header row (row 3) was skipped" in notes
    assert (
        page.get_by_role("button", name="Import into Fifth Senior Officials Meeting").count() == 0
    )

    page.get_by_label("Name (column B):").select_option("")
    page.get_by_role("button", name="Use these columns").click()
    assert "Delegates: 1 to add" in page.locator("#import-plan").inner_text()
    page.get_by_role("button", name="Import into Fifth Senior Officials Meeting").click()

    assert "1 delegate added" in page.locator(".messagelist .success").inner_text()
    delegate = Delegate.objects.get()
    assert (delegate.honorific, delegate.name, delegate.email) == ("H.E. Ms", "Jane Citizen", "")
    assert problems == []
