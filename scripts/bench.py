"""`make bench`: how fast the heavy pages and downloads are, on a throwaway database.

Run as `python -m scripts.bench` with DJANGO_SETTINGS_MODULE=baliprocess.settings.test
(the Makefile does). It creates its own test database the way the test runner
does (`test_<name>` from DATABASE_URL on PostgreSQL, in memory on SQLite),
loads the Bali Process record and builds beside it a meeting of 2,000
delegates in 150 delegations, requests every case
through Django's test Client (a warm-up, then the measured runs) and prints,
for each case, the median and 90th-percentile time, the number of queries,
the size of the response and its target. The database is dropped at the end.

A case is a name, an address, who asks and a target; add page benchmarks by
appending to the list `cases()` returns. Options: --runs, --warmup,
--delegates, --delegations, --only (a substring of the case names),
--fail-on-miss (exit 1 when a case misses its target: use on PostgreSQL,
where the targets are set).
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    """One thing to measure: an address requested as one kind of user."""

    name: str
    who: str  # a key of the clients dict: "anonymous", "member", "staff"
    path: str
    target_ms: float | None
    expected_type: str = ""


@dataclass
class Measurement:
    case: Case
    times_ms: list[float]
    queries: int
    size: int
    status: int
    first_ms: float

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p90(self) -> float:
        if len(self.times_ms) < 2:
            return self.times_ms[0]
        return statistics.quantiles(self.times_ms, n=10, method="inclusive")[8]

    @property
    def verdict(self) -> str:
        if self.status != 200:
            return f"HTTP {self.status}"
        if self.case.target_ms is None:
            return ""
        return "ok" if self.median <= self.case.target_ms else "MISSED"


# Targets on PostgreSQL (milliseconds, median of the measured runs). Every
# download is laid out afresh: nothing is cached between requests.
TARGETS_MS = {"html": 150, "csv": 100, "xlsx": 500, "docx": 1000, "pdf": 2000}
# Portal pages, search, feeds and calendars: what a visitor waits for.
PAGE_TARGET_MS = 150
CONTENT_TYPES = {
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def page_cases(meeting) -> list[Case]:
    """The portal's pages on the loaded record plus the large meeting, as the
    public and as a member official (who sees more, with more queries)."""
    from meetings.models import Document
    from workshops.models import Outcome

    outcome = Outcome.objects.order_by("pk").first()
    document = Document.objects.public().order_by("pk").first()
    pages = [
        ("home", "/"),
        ("meeting list", "/meetings/"),
        ("meeting list, filtered", "/meetings/?year=2004&kind=workshop"),
        ("meeting page, 150 delegations", meeting.get_absolute_url()),
        ("meeting page, Brisbane 2004", "/meetings/senior-officials-meeting-brisbane-2004/"),
        ("members list", "/members/"),
        ("members list as at 2004", "/members/?as_at=2004-06-01"),
        ("participant page", "/members/australia/"),
        ("group list", "/groups/"),
        ("group page", "/groups/ahg/"),
        ("workshop list", "/workshops/"),
        ("outcome list", "/outcomes/"),
        ("outcome page", outcome.get_absolute_url()),
        ("document list", "/documents/"),
        ("document page", document.get_absolute_url()),
        ("search", "/search/?q=trafficking+in+persons"),
        ("feed of documents", "/feeds/documents/"),
        ("feed of outcomes", "/feeds/outcomes/"),
        ("calendar", "/calendar.ics"),
        ("sitemap", "/sitemap.xml"),
    ]
    return [
        Case(name, who, path, PAGE_TARGET_MS)
        for name, path in pages
        for who in ("anonymous", "member")
    ]


def cases(meeting) -> list[Case]:
    """Everything `make bench` measures: pages, then the participant list's
    formats, then badges and table tents."""
    from django.urls import NoReverseMatch, reverse

    found = page_cases(meeting)
    page = reverse("meetings:participant_list", kwargs={"slug": meeting.slug})
    for who in ("anonymous", "staff"):
        found.append(Case("participant list html", who, page, TARGETS_MS["html"], "text/html"))
    for fmt in ("csv", "xlsx", "docx", "pdf"):
        path = reverse(
            "meetings:participant_list_export", kwargs={"slug": meeting.slug, "format": fmt}
        )
        found += [
            Case(f"participant list {fmt}", who, path, TARGETS_MS[fmt], CONTENT_TYPES[fmt])
            for who in ("anonymous", "staff")
        ]
    # The secretariat's downloads in the admin, with contact details.
    for fmt in ("csv", "xlsx", "docx", "pdf"):
        try:
            path = reverse(
                "admin:meetings_meeting_participant_list_export",
                kwargs={"object_id": meeting.pk, "format": fmt},
            )
        except NoReverseMatch:
            continue
        found.append(
            Case(
                f"admin participant list {fmt}", "staff", path, TARGETS_MS[fmt], CONTENT_TYPES[fmt]
            )
        )
    # Name badges (every delegate: 250 sheets for 2,000) and table tents (a
    # sheet per delegation), as the secretariat and the public print them.
    for name, route, who in (
        ("badges pdf", "meetings:badges", "staff"),
        ("table tents pdf", "meetings:table_tents", "anonymous"),
    ):
        path = reverse(route, kwargs={"slug": meeting.slug})
        found.append(Case(name, who, path, TARGETS_MS["pdf"], CONTENT_TYPES["pdf"]))
    return found


def build_meeting(*, delegates: int, delegations: int):
    """A held meeting with `delegations` delegations (members, observers and
    guests; states and organisations) sharing `delegates` named delegates."""
    import datetime

    from django_countries import countries

    from meetings.models import Delegate, Delegation, Meeting
    from membership.models import MembershipPeriod, Participant

    meeting = Meeting(
        kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING,
        city="Brisbane",
        country="AU",
        start_date=datetime.date(2004, 6, 7),
        end_date=datetime.date(2004, 6, 8),
        is_published=True,
        summary="Benchmark meeting.",
    )
    meeting.full_clean()
    meeting.save()

    # Codes the loaded record already uses are left to it (a country is one participant).
    taken = set(Participant.objects.exclude(country="").values_list("country", flat=True))
    codes = [code for code, _name in countries if code not in taken][: int(delegations * 0.8)]
    participants = [
        Participant(
            kind=Participant.Kind.STATE,
            name=f"State of {name}",
            short_name=str(name)[:90],
            slug=f"bench-{code.lower()}",
            country=code,
        )
        for code, name in ((code, countries.name(code)) for code in codes)
    ]
    for number in range(delegations - len(participants)):
        kind = (
            Participant.Kind.REGIONAL_ORGANISATION
            if number % 3 == 0
            else Participant.Kind.INTERNATIONAL_ORGANISATION
        )
        participants.append(
            Participant(
                kind=kind,
                name=f"Benchmark Organisation for Migration {number:03d}",
                short_name=f"BOM{number:03d}",
                slug=f"bench-bom{number:03d}",
                acronym=f"BOM{number:03d}",
            )
        )
    participants = Participant.objects.bulk_create(participants)
    periods = []
    for index, participant in enumerate(participants):
        if index % 10 == 9:
            continue  # a guest: no status on the meeting's date
        status = MembershipPeriod.Status.OBSERVER if index % 4 == 3 else "member"
        periods.append(MembershipPeriod(participant=participant, status=status))
    MembershipPeriod.objects.bulk_create(periods)

    delegation_rows = Delegation.objects.bulk_create(
        [Delegation(meeting=meeting, participant=participant) for participant in participants]
    )
    roles = [Delegate.Role.ALTERNATE, Delegate.Role.DELEGATE, Delegate.Role.ADVISER]
    people = []
    for number in range(delegates):
        delegation = delegation_rows[number % len(delegation_rows)]
        first_of_delegation = number < len(delegation_rows)
        people.append(
            Delegate(
                delegation=delegation,
                honorific="Ms" if number % 2 else "Mr",
                name=f"Delegate {number:05d} Surname",
                position="Director, People Smuggling and Trafficking Section",
                agency="Ministry of Foreign Affairs and International Cooperation",
                role=Delegate.Role.HEAD if first_of_delegation else roles[number % 3],
                email=f"delegate{number:05d}@example.org",
                phone="+62 21 384 8626",
                may_be_listed=number % 17 != 0,
            )
        )
    Delegate.objects.bulk_create(people, batch_size=500)
    return meeting


def make_clients() -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from baliprocess import roles

    roles.roles_sync()
    users = get_user_model().objects
    # Signed in with force_login: the accounts need no password.
    staff = users.create_user(username="bench-staff", is_staff=True)
    staff.groups.add(Group.objects.get(name=roles.MANAGERS))
    member = users.create_user(username="bench-member")
    member.groups.add(Group.objects.get(name=roles.MEMBER_OFFICIALS))
    clients = {"anonymous": Client(), "member": Client(), "staff": Client()}
    clients["member"].force_login(member)
    clients["staff"].force_login(staff)
    return clients


def measure(case: Case, client, *, runs: int, warmup: int) -> Measurement:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # The warm-up also counts the queries; the timed runs capture nothing.
    # Each request empties the query log when it starts (request_started), so
    # the capture must start from an empty log too.
    reset_queries()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(case.path)
    # Read now: the next request empties the log the capture reads from.
    queries = len(captured.captured_queries)
    first_ms = (time.perf_counter() - started) * 1000
    for _ in range(warmup - 1):
        client.get(case.path)
    status = response.status_code
    if status == 200 and case.expected_type:
        # A benchmark checking what it measured, not a guard of the application.
        assert response["Content-Type"].startswith(case.expected_type), response["Content-Type"]  # nosec B101
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(case.path)
        body = response.content
        times.append((time.perf_counter() - started) * 1000)
    return Measurement(case, times, queries, len(body), status, first_ms)


def print_table(results: list[Measurement], *, out=sys.stdout) -> None:
    headers = (
        "case",
        "who",
        "first ms",
        "median ms",
        "p90 ms",
        "queries",
        "bytes",
        "target ms",
        "",
    )
    rows = [
        (
            result.case.name,
            result.case.who,
            f"{result.first_ms:.1f}",
            f"{result.median:.1f}",
            f"{result.p90:.1f}",
            str(result.queries),
            f"{result.size:,}",
            "" if result.case.target_ms is None else f"< {result.case.target_ms:g}",
            result.verdict,
        )
        for result in results
    ]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    numeric = {2, 3, 4, 5, 6}

    def line(values):
        cells = [
            value.rjust(widths[i]) if i in numeric else value.ljust(widths[i])
            for i, value in enumerate(values)
        ]
        return "  ".join(cells).rstrip()

    print(line(headers), file=out)
    print("  ".join("-" * width for width in widths), file=out)
    for row in rows:
        print(line(row), file=out)


def run(argv: list[str] | None = None, *, out=sys.stdout) -> list[Measurement]:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="measured runs per case (10)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs first (1)")
    parser.add_argument("--delegates", type=int, default=2000)
    parser.add_argument("--delegations", type=int, default=150)
    parser.add_argument("--only", default="", help="measure only cases whose name has this")
    parser.add_argument("--fail-on-miss", action="store_true", help="exit 1 if a target is missed")
    options = parser.parse_args(argv)
    if options.runs < 1 or options.warmup < 1:
        parser.error("--runs and --warmup must be at least 1")

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baliprocess.settings.test")
    django.setup()
    from django.conf import settings
    from django.db import connection

    # Every run renders its page: after the warm-up, the anonymous page cache
    # would answer, and the medians would time cache hits. The cache has its
    # own numbers in `make bench-scale`.
    settings.PAGE_CACHE_ENABLED = False
    from django.test.utils import (
        setup_databases,
        setup_test_environment,
        teardown_databases,
        teardown_test_environment,
    )

    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        vendor = connection.vendor
        print(
            f"Database: {vendor} ({connection.settings_dict['NAME']}); "
            f"{options.delegates:,} delegates in {options.delegations} delegations; "
            f"{options.warmup} warm-up + {options.runs} runs per case.",
            file=out,
        )
        from baliprocess.record.loader import record_load

        record_load()
        meeting = build_meeting(delegates=options.delegates, delegations=options.delegations)
        clients = make_clients()
        selected = [case for case in cases(meeting) if options.only in case.name]
        results = [
            measure(case, clients[case.who], runs=options.runs, warmup=options.warmup)
            for case in selected
        ]
        if any(options.only in name for name in IMPORT_CASES):
            # Each run imports 4,000 rows: three runs tell enough.
            results += import_measurements(meeting, clients["staff"], runs=min(options.runs, 3))
    finally:
        teardown_databases(old_config, verbosity=0)
        teardown_test_environment()
    print_table(results, out=out)
    if vendor != "postgresql":
        print("The targets are for PostgreSQL; on SQLite the numbers are indicative.", file=out)
    return results


def main(argv: list[str] | None = None, exit: Callable[[int], None] = sys.exit) -> None:
    fail_on_miss = "--fail-on-miss" in (argv if argv is not None else sys.argv[1:])
    results = run(argv)
    missed = [result for result in results if result.verdict not in ("ok", "")]
    if missed and fail_on_miss:
        exit(1)


# --- The delegate import: 2,000 delegates through the admin's wizard ------------------------

# Upload, preview and confirm together, as staff wait for them (milliseconds).
IMPORT_TARGET_MS = 5000
IMPORT_CASES = ("delegate import, 2,000 added", "delegate import, 2,000 updated")


def delegate_list_csv(meeting, *, position_suffix: str = "") -> bytes:
    """The delegates of `meeting` as the CSV list a secretariat would import:
    participants by ISO code or acronym, one row per delegate."""
    import csv
    import io

    from meetings.models import Delegate

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["Country", "Honorific", "Name", "Position", "Agency", "Role", "Email", "Phone"]
    )
    delegates = (
        Delegate.objects.filter(delegation__meeting=meeting)
        .select_related("delegation__participant")
        .order_by("delegation_id", "pk")
    )
    for delegate in delegates:
        participant = delegate.delegation.participant
        writer.writerow(
            [
                participant.country or participant.acronym,
                delegate.honorific,
                delegate.name,
                delegate.position + position_suffix,
                delegate.agency,
                delegate.get_role_display(),
                delegate.email,
                delegate.phone,
            ]
        )
    return buffer.getvalue().encode()


def _import_through_the_wizard(client, meeting, content: bytes) -> tuple[float, int, int, int]:
    """Upload, preview and confirm `content` into `meeting`: (ms, queries, preview
    bytes, status — 200 when the import was written, else the status met)."""
    import io

    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    upload = io.BytesIO(content)
    upload.name = "delegates.csv"
    url = reverse("admin:meetings_meeting_delegate_import", kwargs={"object_id": meeting.pk})
    reset_queries()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        uploaded = client.post(url, {"file": upload})
        queries = len(captured.captured_queries)
    if uploaded.status_code != 302:
        return (time.perf_counter() - started) * 1000, queries, 0, uploaded.status_code
    with CaptureQueriesContext(connection) as captured:
        page = client.get(uploaded["Location"])
        form = page.context["form"]
        queries += len(captured.captured_queries)
    with CaptureQueriesContext(connection) as captured:
        done = client.post(
            uploaded["Location"],
            {"action": "confirm", **{name: form[name].value() for name in form.fields}},
        )
        queries += len(captured.captured_queries)
    elapsed = (time.perf_counter() - started) * 1000
    written = done.status_code == 302 and done["Location"].endswith("/change/")
    return elapsed, queries, len(page.content), 200 if written else done.status_code or 500


def import_measurements(source, client, *, runs: int) -> list[Measurement]:
    """The import of the large meeting's 2,000 delegates into a new meeting
    (all added), then again with every position changed (all updated), as
    staff, `runs` times each."""
    import datetime

    from meetings.models import Meeting

    added = delegate_list_csv(source)
    updated = delegate_list_csv(source, position_suffix=" (acting)")
    timings: dict[str, list] = {name: [] for name in IMPORT_CASES}
    for run_number in range(runs):
        meeting = Meeting(
            kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING,
            city="Bali",
            country="ID",
            start_date=datetime.date(2005 + run_number, 3, 1),
            end_date=datetime.date(2005 + run_number, 3, 2),
            summary="Benchmark import.",
        )
        meeting.full_clean()
        meeting.save()
        for name, content in zip(IMPORT_CASES, (added, updated), strict=True):
            timings[name].append(_import_through_the_wizard(client, meeting, content))
    path = "/admin/meetings/meeting/<id>/import-delegates/"
    return [
        Measurement(
            Case(name, "staff", path, IMPORT_TARGET_MS),
            [elapsed for elapsed, *_rest in measured],
            measured[0][1],
            measured[0][2],
            max(status for *_rest, status in measured),
            measured[0][0],
        )
        for name, measured in timings.items()
    ]


if __name__ == "__main__":
    main()
