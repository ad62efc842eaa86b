"""Whatever arrives in the address, every list answers with a page, never an error.

Each list gets each of its parameters set to values a crafted or mistyped
address might carry; the page must answer 200 and, when the value is wrong,
name the filter it concerns.
"""

import re

import pytest

from tests import factories
from tests.portal import builders
from tests.portal.html import messages

pytestmark = pytest.mark.django_db

LIST_PARAMETERS = {
    "/meetings/": (
        "q",
        "kind",
        "year",
        "date_from",
        "date_to",
        "country",
        "group",
        "participant",
        "role",
    ),
    "/members/": ("as_at", "status", "kind"),
    "/groups/": ("state", "kind"),
    "/workshops/": ("theme", "host", "year", "group"),
    "/outcomes/": ("kind", "status", "group", "meeting", "participant", "year"),
    "/documents/": ("kind", "meeting", "group", "year"),
}
CRAFTED_VALUES = (
    "\x00",
    "x" * 5000,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "-1",
    "99999999999999999999999999",
    "2004-02-30",
    "日本",
)
CASES = [
    (address, parameter, value)
    for address, parameters in LIST_PARAMETERS.items()
    for parameter in (*parameters, "page")
    for value in CRAFTED_VALUES
]
PAGE_MESSAGES = ("There is no page", "is not a page number", "Pages are numbered from 1")


@pytest.fixture
def some_record(db):
    meeting = factories.WorkshopFactory(group=factories.GroupFactory())
    factories.ThemeFactory().meetings.add(meeting)
    factories.DelegationFactory(meeting=meeting, participant=builders.member())
    factories.DocumentFactory(meeting=meeting)
    factories.OutcomeFactory(source_meeting=meeting)


def _label(response, parameter: str) -> str:
    return re.search(rf'<label for="id_{parameter}">([^<]+)</label>', response.text).group(1)


@pytest.mark.parametrize(
    ("address", "parameter", "value"), CASES, ids=[f"{a}?{p}={v[:12]!r}" for a, p, v in CASES]
)
def test_list_answers_a_crafted_value_with_a_page(client, some_record, address, parameter, value):
    response = client.get(address, {parameter: value})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    for message in messages(response):
        if parameter == "page":
            assert any(words in message for words in PAGE_MESSAGES)
        else:
            assert f" {_label(response, parameter)}: " in message
