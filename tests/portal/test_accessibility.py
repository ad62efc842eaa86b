"""Every portal page, checked for the structure assistive technology relies on.

One h1; headings that never skip a level; every form control labelled; tables
with a caption and header cells with a scope; breadcrumbs ending at the
current page; no inline style or script (the Content Security Policy forbids
them). Checked on the seed-shaped record, for an anonymous visitor and a
member official, with filters wrong and right.
"""

from html.parser import HTMLParser

import pytest

from tests.portal.records import build_seed_shaped_record

pytestmark = pytest.mark.django_db


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[int] = []
        self.controls: list[str] = []  # ids of inputs and selects a reader fills in
        self.labels: set[str] = set()
        self.tables = 0
        self.captions = 0
        self.header_cells_without_scope = 0
        self.inline_styles = 0
        self.scripts = 0
        self.breadcrumbs: list[dict] = []
        self._in_breadcrumbs = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag == "input" and attrs.get("type") not in ("hidden", "submit", "button"):
            self.controls.append(attrs.get("id", ""))
        if tag in ("select", "textarea"):
            self.controls.append(attrs.get("id", ""))
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "th" and "scope" not in attrs:
            self.header_cells_without_scope += 1
        if "style" in attrs:
            self.inline_styles += 1
        if tag == "script":
            self.scripts += 1
        if tag == "nav" and attrs.get("aria-label") == "Breadcrumb":
            self._in_breadcrumbs = True
        if tag == "li" and self._in_breadcrumbs:
            self.breadcrumbs.append(attrs)

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_breadcrumbs = False


def _structure(response) -> _Structure:
    parser = _Structure()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def record(db):
    return build_seed_shaped_record()


def _addresses(record) -> list[str]:
    p = record.participants
    return [
        "/meetings/",
        "/meetings/?year=2004&kind=workshop",
        "/meetings/?year=abc&date_from=2004-13-01&page=99",
        record.brisbane_som.get_absolute_url(),
        record.fifth_som.get_absolute_url(),
        record.workshops["fiji-2004"].get_absolute_url(),
        "/members/",
        "/members/?as_at=2004-06-01&status=observer",
        "/members/?as_at=not-a-date",
        p["United States"].get_absolute_url(),
        p["Thailand"].get_absolute_url(),
        "/groups/",
        record.ahg.get_absolute_url(),
        record.aheg_i.get_absolute_url(),
        "/workshops/",
        "/workshops/?host=thailand",
        "/outcomes/",
        "/outcomes/?status=endorsed",
        record.tip_recommendation.get_absolute_url(),
        record.japan_pledge.get_absolute_url(),
        "/documents/",
        record.report_2004.get_absolute_url(),
        f"{record.report_2004.get_absolute_url()}facts/",
        f"{record.report_2004.get_absolute_url()}facts/?page=abc",
    ]


@pytest.mark.parametrize("who", ["client", "member_client"])
def test_every_portal_page_has_the_structure_assistive_technology_needs(request, record, who):
    client = request.getfixturevalue(who)
    problems = {}
    for address in ["/", *_addresses(record)]:
        response = client.get(address)
        page = _structure(response)
        found = []
        if response.status_code != 200:
            found.append(f"status {response.status_code}")
        if page.headings.count(1) != 1:
            found.append(f"{page.headings.count(1)} h1")
        skips = [
            (before, after)
            for before, after in zip(page.headings, page.headings[1:], strict=False)
            if after > before + 1
        ]
        if skips:
            found.append(f"heading levels skipped: {skips}")
        unlabelled = [control for control in page.controls if control not in page.labels]
        if unlabelled:
            found.append(f"controls without a label: {unlabelled}")
        if page.captions != page.tables:
            found.append(f"{page.tables} tables, {page.captions} captions")
        if page.header_cells_without_scope:
            found.append(f"{page.header_cells_without_scope} th without scope")
        if page.inline_styles or page.scripts:
            found.append("inline style or script")
        if address != "/" and (
            not page.breadcrumbs or page.breadcrumbs[-1].get("aria-current") != "page"
        ):
            found.append("no breadcrumbs ending at this page")
        if found:
            problems[address] = found

    assert problems == {}
