"""The admin in a real browser: a secretariat editor signs in and adds a meeting."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from meetings.models import Meeting

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_signs_in_and_adds_a_senior_officials_meeting(page):
    call_command("create_demo_accounts", stdout=StringIO())
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto("/admin/")
    page.get_by_label("Username:").fill("editor")
    page.get_by_label("Password:").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Senior officials meetings").first.click()
    page.get_by_role("link", name="Add senior officials meeting").click()
    page.get_by_label("Ordinal:").fill("5")
    page.get_by_label("Start date:").fill("2013-04-01")
    page.get_by_label("City:").fill("Bali")
    page.get_by_label("Country:").select_option(label="Indonesia")
    page.get_by_label("Summary:").fill("Senior officials endorsed three AHG recommendations.")
    page.get_by_role("button", name="Save", exact=True).click()

    success = page.locator(".messagelist .success").inner_text()
    meeting = Meeting.objects.get()
    assert "was added successfully" in success
    assert (meeting.title, meeting.kind) == (
        "Fifth Senior Officials Meeting",
        Meeting.Kind.SENIOR_OFFICIALS_MEETING,
    )
    assert meeting.dates_label == "1 April 2013"
    assert meeting.is_published is False
    assert meeting.history.get().history_user.username == "editor"
    assert problems == []
