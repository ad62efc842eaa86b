"""`make bench-scale`: the portal under load, as production serves it, on a large record.

Run as `python -m scripts.bench_scale` (the Makefile does). In order, it:

1. creates a throwaway PostgreSQL database (`bp_bench_scale`, through the admin
   connection DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres),
   migrates it and loads the real record (`manage.py load_record`);
2. grows the record with a fixed random seed, by COPY (`record_grow`): about
   5,000 published meetings of every kind with dates at every precision,
   150,000 delegations with 150,000 delegates, 20,000 documents of about 600
   words drawn from the seed texts, 2,000 outcomes; then ANALYZE;
3. starts the production server, gunicorn with 2 workers, with production's
   settings plus one trivial page (baliprocess/settings/bench.py), after
   collectstatic, with the page cache in Redis db 14 (flushed first);
4. loads every key page with wrk (scripts/wrk_report.lua) as an anonymous
   visitor (the same address each time: the page cache answers), as an
   anonymous visitor with a new address each time (every request misses the
   cache) and as a signed-in member official (never cached), plus the
   bare-view ceiling, and counts each page's queries with Django's test client;
5. prints the table, writes it with the machine's description to
   docs/benchmarks.md, then drops the database and stops the server, also
   after an error or Ctrl-C.

Options: --meetings, --delegations, --delegates, --documents, --outcomes,
--big-meeting-delegates and --seed size the record; --duration, --warmup,
--threads, --connections and --workers shape each wrk run and the server;
--only measures only the pages whose name contains a text; --output changes
(or with "" skips) the written page and --note adds a sentence to it;
--database and --redis-url name what is dropped and flushed. The environment's
REDIS_URL is never used: the benchmark flushes the database it is given.
See `python -m scripts.bench_scale --help`.
"""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess  # nosec B404
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT / "baliprocess" / "record" / "sources"
WRK_SCRIPT = ROOT / "scripts" / "wrk_report.lua"
DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"

# --- Growing the record --------------------------------------------------

# A word of the seed texts that the generated documents never use, so that a
# search for it finds one real document among the 20,000 (the "rare word").
RARE_WORD = "Pitsuwan"

CITIES = (
    ("Bali", "ID"),
    ("Jakarta", "ID"),
    ("Brisbane", "AU"),
    ("Canberra", "AU"),
    ("Adelaide", "AU"),
    ("Bangkok", "TH"),
    ("Kuala Lumpur", "MY"),
    ("Manila", "PH"),
    ("Colombo", "LK"),
    ("Wellington", "NZ"),
    ("Suva", "FJ"),
    ("Hanoi", "VN"),
    ("Phnom Penh", "KH"),
    ("Vientiane", "LA"),
    ("Dhaka", "BD"),
    ("Kathmandu", "NP"),
    ("Islamabad", "PK"),
    ("Seoul", "KR"),
    ("Tokyo", "JP"),
    ("Beijing", "CN"),
    ("Singapore", "SG"),
    ("Port Moresby", "PG"),
    ("Apia", "WS"),
    ("Dili", "TL"),
    ("Ulaanbaatar", "MN"),
    ("Vienna", "AT"),
    ("Geneva", "CH"),
    ("Amman", "JO"),
    ("Yangon", "MM"),
    ("Nadi", "FJ"),
)
VENUES = ("", "", "", "Convention Centre", "Grand Hyatt", "Ministry of Foreign Affairs", "Hilton")
WORKSHOP_TOPICS = (
    "victim support",
    "identity and document fraud",
    "legislation against people smuggling",
    "public awareness of trafficking in persons",
    "returns and reintegration",
    "law enforcement and targeting of smugglers",
    "national plans of action",
    "lost and stolen passports",
    "irregular movement by sea",
    "border control and refugee protection",
    "labour migration and exploitation",
    "financial investigation of trafficking",
    "biometrics and border management",
    "child protection",
    "data sharing between border agencies",
)
FIRST_NAMES = (
    "Agus", "Siti", "Budi", "Dewi", "James", "Sarah", "Michael", "Emma", "Nguyen", "Linh",
    "Somchai", "Kanya", "Ahmad", "Nur", "Rahim", "Fatima", "Hiroshi", "Yuki", "Min-jun",
    "Ji-woo", "Wei", "Li", "Maria", "Jose", "Tevita", "Mele", "Sione", "Ana", "Rajesh", "Priya",
    "Tenzin", "Dorji", "Bat-Erdene", "Sarnai", "Peter", "Anna", "Hassan", "Leila", "David", "Ruth",
)  # fmt: skip
SURNAMES = (
    "Santoso", "Wijaya", "Pratama", "Smith", "Nguyen", "Tran", "Srisuk", "Wongsa", "Rahman",
    "Hossain", "Tanaka", "Suzuki", "Kim", "Park", "Wang", "Chen", "Santos", "Reyes", "Fifita",
    "Taufa", "Sharma", "Perera", "Fernando", "Gurung", "Khan", "Ahmadi", "Batbayar", "Brown",
    "Wilson", "Taylor", "Muller", "Hoffmann", "Silva", "Lopez", "Haddad", "Karimi", "Ali",
    "Singh", "Lee", "Ono",
)  # fmt: skip
HONORIFICS = ("Mr", "Ms", "Mrs", "Dr", "H.E.", "Prof.", "Police Colonel", "")
POSITIONS = (
    "Director, People Smuggling and Trafficking Section",
    "Deputy Director-General",
    "First Secretary",
    "Senior Policy Officer",
    "Ambassador",
    "Assistant Secretary, Border Policy",
    "Chief of Mission",
    "Head of Legal Affairs",
    "Immigration Officer",
    "Programme Manager",
)
AGENCIES = (
    "Ministry of Foreign Affairs",
    "Department of Immigration",
    "National Police",
    "Ministry of Justice",
    "Attorney-General's Department",
    "Ministry of Home Affairs",
    "Customs Service",
    "Embassy in Jakarta",
)
OUTCOME_VERBS = (
    "Establish a working group on",
    "Strengthen cooperation on",
    "Develop guidelines on",
    "Review progress on",
    "Support capacity building on",
    "Convene a workshop on",
    "Share information on",
    "Report to Ministers on",
)

# Of every 100 generated meetings, how many are of each kind; and how many
# delegations each kind draws relative to the average meeting.
KIND_SHARES = {
    "ministerial_conference": 2,
    "senior_officials_meeting": 8,
    "steering_group_meeting": 8,
    "ad_hoc_group_meeting": 10,
    "working_group_meeting": 15,
    "workshop": 40,
    "other": 17,
}
KIND_SIZES = {
    "ministerial_conference": 3.0,
    "senior_officials_meeting": 2.0,
    "steering_group_meeting": 0.4,
    "ad_hoc_group_meeting": 1.0,
    "working_group_meeting": 0.8,
    "workshop": 1.0,
    "other": 0.7,
}
# The group each kind of meeting is held under (a Group.Kind), where it has one.
KIND_GROUPS = {
    "steering_group_meeting": "steering_group",
    "ad_hoc_group_meeting": "ad_hoc_group",
    "working_group_meeting": "working_group",
}
DOCUMENT_KINDS = {
    "report": 15,
    "co_chairs_statement": 8,
    "concept_paper": 10,
    "agenda": 15,
    "participant_list": 5,
    "media_release": 10,
    "paper": 22,
    "presentation": 10,
    "other": 5,
}
VISIBILITIES = {"public": 60, "members": 30, "secretariat": 10}
OUTCOME_KINDS = {
    "recommendation": 25,
    "endorsement": 10,
    "task": 15,
    "decision": 15,
    "pledge": 10,
    "deliverable": 10,
    "statement": 15,
}
FIRST_DAY = datetime.date(2002, 1, 1)
LAST_DAY = datetime.date(2027, 12, 31)


class _Words:
    """Text made of runs of the seed documents' words, so that common words
    ("trafficking") and phrases ("support office") occur as often as there."""

    def __init__(self, rng: random.Random):
        words = []
        for path in sorted(SOURCES_DIR.glob("*.txt")):
            words += path.read_text(encoding="utf-8").split()
        self.words = [word for word in words if RARE_WORD.lower() not in word.lower()]
        self.rng = rng

    def run(self, count: int) -> str:
        start = self.rng.randrange(len(self.words) - count)
        return " ".join(self.words[start : start + count])

    def text(self, count: int, *, paragraph: int = 0) -> str:
        runs, total = [], 0
        while total < count:
            length = min(self.rng.randint(6, 40), count - total)
            runs.append(self.run(length))
            total += length
            if paragraph and self.rng.random() < length / paragraph:
                runs.append("\n\n")
        return " ".join(runs).replace(" \n\n ", "\n\n").strip()


class _Slugs:
    """Unique slugs the way `meetings.models.unique_slug` makes them ('-2', '-3'…),
    against the slugs already taken, without a query per row."""

    def __init__(self, taken: Iterable[str], max_length: int):
        self.taken = set(taken)
        self.max_length = max_length
        self.next_number: dict[str, int] = {}

    def make(self, text: str, fallback: str) -> str:
        from django.utils.text import slugify

        base = slugify(text)[: self.max_length].strip("-") or fallback
        candidate, number = base, self.next_number.get(base, 2)
        if base in self.taken:
            while candidate in self.taken:
                suffix = f"-{number}"
                candidate = f"{base[: self.max_length - len(suffix)]}{suffix}"
                number += 1
            self.next_number[base] = number
        self.taken.add(candidate)
        return candidate


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _copy(cursor, model, rows: list[dict]) -> int:
    """COPY `rows` (dicts by attribute name) into `model`'s table, naming every
    column Django would write: a value the row lacks is the field's default,
    '' for a blank text field, NULL where allowed; a required field without a
    value is an error. Generated columns are left to the database."""
    from django.db import connection

    if not rows:
        return 0
    primary_key = model._meta.pk
    fields = [
        model_field
        for model_field in model._meta.concrete_fields
        if not getattr(model_field, "generated", False)
        # Rows without ids get them from the table's identity column.
        and (model_field is not primary_key or primary_key.attname in rows[0])
    ]
    missing = object()
    fill = []
    for model_field in fields:
        if model_field.has_default() and callable(model_field.default):
            fill.append(model_field.default)  # called for each row, as save() would
        elif model_field.has_default():
            fill.append(model_field.get_default())
        elif model_field.null:
            fill.append(None)
        elif model_field.blank and model_field.empty_strings_allowed:
            fill.append("")
        else:
            fill.append(missing)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model_field.column) for model_field in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with cursor.copy(sql) as copy:
        for row in rows:
            values = [
                row[model_field.attname]
                if model_field.attname in row
                else (default() if callable(default) else default)
                for model_field, default in zip(fields, fill, strict=True)
            ]
            if missing in values:
                names = [f.name for f, v in zip(fields, values, strict=True) if v is missing]
                raise ValueError(f"{model.__name__} row without a value for {names}: {row}")
            copy.write_row(values)
    return len(rows)


def _first_free_id(cursor, model) -> int:
    # The table name is our own model's, not input.
    cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {model._meta.db_table}")  # noqa: S608  # nosec B608
    return cursor.fetchone()[0]


def _sync_sequence(cursor, model) -> None:
    """After COPY with our own ids, let the next ordinary insert follow them."""
    table = model._meta.db_table  # our own model's table name, not input
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) FROM {table}))",  # noqa: S608  # nosec B608
        [table],
    )


class _Grower:
    """The state one growth shares: the seeded generator, the record's
    participants, groups and themes, and the rows written so far."""

    def __init__(self, cursor, *, seed: int):
        from django.utils import timezone

        from membership.models import Participant
        from workshops.models import Group, Theme

        self.cursor = cursor
        self.rng = random.Random(seed)  # noqa: S311 (test data, reproducible on purpose)  # nosec B311
        self.words = _Words(self.rng)
        self.now = timezone.now()
        self.today = timezone.localdate()
        participants = list(Participant.objects.order_by("pk").values_list("pk", "slug", "country"))
        if not participants:
            raise RuntimeError("The record is empty: run `manage.py load_record` first.")
        self.participant_ids = [pk for pk, _slug, _country in participants]
        self.participant_by_slug = {slug: pk for pk, slug, _country in participants}
        self.participant_by_country = {
            country: pk for pk, _slug, country in participants if country
        }
        self.groups = list(Group.objects.order_by("pk").values_list("pk", "kind", "name"))
        self.theme_ids = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
        self.added: dict[str, int] = {}

    def copy(self, name: str, model, rows: list[dict], *, own_ids: bool = False) -> None:
        self.added[name] = _copy(self.cursor, model, rows)
        if own_ids:
            _sync_sequence(self.cursor, model)

    def meetings(self, count: int) -> list[dict]:
        """Published meetings of every kind, the first the big conference."""
        from baliprocess.lib.dates import DatePrecision, normalise
        from meetings.models import Meeting

        rng = self.rng
        groups_of_kind: dict[str, list[int]] = {}
        for pk, kind, _name in self.groups:
            groups_of_kind.setdefault(kind, []).append(pk)
        workshop_groups = groups_of_kind.get("ad_hoc_experts_group", []) + groups_of_kind.get(
            "office", []
        )
        kind_weights = {kind: KIND_SHARES.get(kind, 1) for kind in Meeting.Kind.values}
        slugs = _Slugs(Meeting.objects.values_list("slug", flat=True), 120)
        first_id = _first_free_id(self.cursor, Meeting)
        rows = []
        for number in range(count):
            if number == 0:
                kind, precision = "ministerial_conference", DatePrecision.DAY
                start = datetime.date(2023, 2, 10)
                city, country = "Adelaide", "AU"
            else:
                kind = _pick(rng, kind_weights)
                precision = rng.choices(list(DatePrecision), weights=(75, 18, 7))[0]
                start = FIRST_DAY + datetime.timedelta(rng.randrange((LAST_DAY - FIRST_DAY).days))
                city, country = rng.choice(CITIES)
            start = normalise(start, precision)
            end = None
            if precision == DatePrecision.DAY:
                days = rng.choice((0, 0, 1, 1, 1, 2, 2, 3, 4))
                end = start + datetime.timedelta(days) if days else None
            if start > self.today:
                status = Meeting.Status.PLANNED
            elif number and rng.random() < 0.03:
                status = Meeting.Status.CANCELLED
            else:
                status = Meeting.Status.HELD
            group_id = None
            if groups_of_kind.get(KIND_GROUPS.get(kind, "")):
                group_id = rng.choice(groups_of_kind[KIND_GROUPS[kind]])
            elif kind == "workshop" and workshop_groups and rng.random() < 0.5:
                group_id = rng.choice(workshop_groups)
            custom_title = ""
            if kind == "workshop":
                custom_title = f"Workshop on {rng.choice(WORKSHOP_TOPICS)}, {city} {start.year}"
            # What Meeting.clean() stores: the custom title, else the generated one.
            title = (
                custom_title
                or Meeting(
                    kind=kind, city=city, country=country, start_date=start
                ).generated_title()
            )
            rows.append(
                {
                    "id": first_id + number,
                    "kind": kind,
                    "custom_title": custom_title,
                    "title": title,
                    "slug": slugs.make(title, "meeting"),
                    "start_date": start,
                    "end_date": end,
                    "date_precision": precision,
                    "city": city,
                    "country": country,
                    "venue": rng.choice(VENUES),
                    "status": status,
                    "summary": self.words.text(rng.randint(25, 70)),
                    "group_id": group_id,
                    "is_published": True,
                    "created_at": self.now,
                    "updated_at": self.now,
                }
            )
        self.copy("meetings", Meeting, rows, own_ids=True)
        return rows

    def meeting_roles(self, meetings: list[dict]) -> None:
        """Indonesia and Australia co-chair the conferences and senior officials
        meetings; the participant of the host country hosts."""
        from meetings.models import MeetingRole

        rows = []
        for meeting in meetings:
            if meeting["kind"] in ("ministerial_conference", "senior_officials_meeting"):
                for order, slug in enumerate(("indonesia", "australia")):
                    if slug in self.participant_by_slug:
                        rows.append(
                            {
                                "meeting_id": meeting["id"],
                                "participant_id": self.participant_by_slug[slug],
                                "role": MeetingRole.Role.CO_CHAIR,
                                "order": order,
                            }
                        )
            if meeting["country"] in self.participant_by_country:
                rows.append(
                    {
                        "meeting_id": meeting["id"],
                        "participant_id": self.participant_by_country[meeting["country"]],
                        "role": MeetingRole.Role.HOST,
                    }
                )
        self.copy("meeting roles", MeetingRole, rows)

    def workshop_themes(self, meetings: list[dict]) -> None:
        from workshops.models import Theme

        rows = [
            {"theme_id": theme_id, "meeting_id": meeting["id"]}
            for meeting in meetings
            if meeting["kind"] == "workshop" and self.theme_ids
            for theme_id in self.rng.sample(self.theme_ids, self.rng.randint(0, 2))
        ]
        self.copy("workshop themes", Theme.meetings.through, rows)

    def delegations(self, held: list[dict], count: int, big: dict) -> list[dict]:
        """One delegation per participant per meeting, spread over the held
        meetings by kind; the big conference has every participant."""
        from meetings.models import Delegation

        rng = self.rng
        everyone = len(self.participant_ids)
        weights = [
            0 if meeting is big else KIND_SIZES.get(meeting["kind"], 1.0) * rng.uniform(0.5, 1.5)
            for meeting in held
        ]
        # A meeting has at most one delegation per participant: spread what the
        # full ones cannot take over the rest.
        wanted = max(count - everyone, 0)
        share = wanted / (sum(weights) or 1)
        for _attempt in range(5):
            counts = [min(everyone, round(share * weight)) for weight in weights]
            if sum(counts) >= 0.995 * wanted or not sum(counts):
                break
            share *= wanted / sum(counts)
        first_id = _first_free_id(self.cursor, Delegation)
        rows = []
        for meeting, size in zip(held, counts, strict=True):
            size = everyone if meeting is big else size
            for participant_id in rng.sample(self.participant_ids, size):
                rows.append(
                    {
                        "id": first_id + len(rows),
                        "meeting_id": meeting["id"],
                        "participant_id": participant_id,
                    }
                )
        return rows

    def delegates(self, delegations: list[dict], count: int, *, big: dict, big_count: int):
        """The big conference's delegates spread over its delegations (each led
        by a head); the rest thrown at the other delegations at random, so some
        have several and some none (half of these carry a reported head count)."""
        from meetings.models import Delegate, Delegation

        rng = self.rng
        big_delegations = [row for row in delegations if row["meeting_id"] == big["id"]]
        others = [row for row in delegations if row["meeting_id"] != big["id"]]
        sizes: Counter[int] = Counter()
        big_count = min(big_count, count) if big_delegations else 0
        for number in range(big_count):
            if number < len(big_delegations):
                sizes[big_delegations[number]["id"]] += 1
            else:
                sizes[rng.choice(big_delegations)["id"]] += 1
        if others:
            for row in rng.choices(others, k=count - big_count):
                sizes[row["id"]] += 1
        for row in delegations:
            if not sizes[row["id"]] and rng.random() < 0.5:
                row["reported_head_count"] = rng.randint(1, 6)
        self.copy("delegations", Delegation, delegations, own_ids=True)

        later_roles = (Delegate.Role.DELEGATE, Delegate.Role.ADVISER, Delegate.Role.DELEGATE)
        rows = []
        for delegation in delegations:
            names: set[str] = set()  # unique in a delegation, whatever the case
            for place in range(sizes[delegation["id"]]):
                first, surname = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
                name = f"{first} {surname}"
                while name.lower() in names:
                    name = f"{first} {chr(rng.randint(65, 90))}. {surname}"
                names.add(name.lower())
                if place == 0:
                    role = Delegate.Role.HEAD
                elif place == 1:
                    role = Delegate.Role.ALTERNATE
                else:
                    role = rng.choice(later_roles)
                address = name.lower().replace(". ", ".").replace(" ", ".")
                rows.append(
                    {
                        "delegation_id": delegation["id"],
                        "honorific": rng.choice(HONORIFICS),
                        "name": name,
                        "position": rng.choice(POSITIONS),
                        "agency": rng.choice(AGENCIES),
                        "role": role,
                        "email": f"{address}@example.org",
                        "phone": f"+{rng.randint(1, 99)} {rng.randint(100, 999)} "
                        f"{rng.randint(1000, 9999)}",
                        "may_be_listed": rng.random() > 0.06,
                    }
                )
        self.copy("delegates", Delegate, rows)

    def documents(self, meetings: list[dict], count: int) -> dict[int, list[int]]:
        """Documents of the meetings (most) and the groups, ~600 words each.
        Returns the ids of each meeting's documents."""
        from baliprocess.lib.dates import DatePrecision, normalise
        from meetings.models import Document

        rng = self.rng
        slugs = _Slugs(Document.objects.values_list("slug", flat=True), 120)
        labels = {**dict(Document.Kind.choices), "other": "Information note"}
        first_id = _first_free_id(self.cursor, Document)
        rows = []
        of_meeting: dict[int, list[int]] = {}
        for number in range(count):
            document_id = first_id + number
            kind = _pick(rng, DOCUMENT_KINDS)
            meeting_id = group_id = None
            if self.groups and rng.random() < 0.12:
                group_id, _kind, group_name = rng.choice(self.groups)
                days = (self.today - FIRST_DAY).days
                date = FIRST_DAY + datetime.timedelta(rng.randrange(days))
                precision = DatePrecision.DAY
                title = f"{labels[kind]}: {group_name} on {rng.choice(WORKSHOP_TOPICS)}"
            else:
                meeting = rng.choice(meetings)
                meeting_id = meeting["id"]
                precision = meeting["date_precision"]
                date = meeting["start_date"]
                if precision == DatePrecision.DAY:
                    date += datetime.timedelta(rng.randint(-30, 10))
                title = f"{labels[kind]}, {meeting['title']}"
                of_meeting.setdefault(meeting_id, []).append(document_id)
            date = normalise(date, precision)
            embargo = None
            if rng.random() < 0.03:
                embargo = self.today + datetime.timedelta(rng.randint(1, 120))
            rows.append(
                {
                    "id": document_id,
                    "kind": kind,
                    "title": title[:300],
                    # What Document.clean() makes: from the title and the year.
                    "slug": slugs.make(f"{title} {date.year}", "document"),
                    "date": date,
                    "date_precision": precision,
                    "symbol": f"BP/{date.year}/{document_id:05d}" if rng.random() < 0.4 else "",
                    "text": self.words.text(rng.randint(450, 750), paragraph=110),
                    "summary": self.words.text(rng.randint(25, 60)),
                    "visibility": _pick(rng, VISIBILITIES),
                    "embargo_until": embargo,
                    "meeting_id": meeting_id,
                    "group_id": group_id,
                    "created_at": self.now,
                    "updated_at": self.now,
                }
            )
        self.copy("documents", Document, rows, own_ids=True)
        return of_meeting

    def outcomes(self, held: list[dict], count: int, documents_of: dict[int, list[int]]):
        """Outcomes of held meetings, dated on the meeting (never before it), some
        with a status history; pledges with an amount and who pledged."""
        from workshops.models import Outcome, OutcomeStatus

        rng = self.rng
        group_ids = [pk for pk, _kind, _name in self.groups]
        statuses = list(OutcomeStatus.Status)[:4]  # proposed … completed
        first_id = _first_free_id(self.cursor, Outcome)
        rows, status_rows, pledger_rows = [], [], []
        for number in range(count if held else 0):
            outcome_id = first_id + number
            meeting = rng.choice(held)
            kind = _pick(rng, OUTCOME_KINDS)
            cited = documents_of.get(meeting["id"], [])
            source_document = rng.choice(cited) if cited and rng.random() < 0.5 else None
            row = {
                "id": outcome_id,
                "kind": kind,
                "title": f"{rng.choice(OUTCOME_VERBS)} {rng.choice(WORKSHOP_TOPICS)}",
                "text": self.words.text(rng.randint(40, 150)),
                "date": meeting["start_date"],
                "date_precision": meeting["date_precision"],
                "source_meeting_id": meeting["id"],
                "source_document_id": source_document,
                "paragraph": str(rng.randint(1, 40)) if source_document else "",
                "responsible_group_id": (
                    rng.choice(group_ids) if group_ids and rng.random() < 0.3 else None
                ),
                "created_at": self.now,
                "updated_at": self.now,
            }
            if kind == Outcome.Kind.PLEDGE:
                row["amount"] = Decimal(rng.randrange(10_000, 5_000_000, 1_000))
                row["currency"] = rng.choice(("USD", "AUD", "NZD"))
                pledger_rows += [
                    {"outcome_id": outcome_id, "participant_id": participant_id}
                    for participant_id in rng.sample(self.participant_ids, rng.randint(1, 2))
                ]
            rows.append(row)
            date = meeting["start_date"]
            for status in statuses[: rng.randint(0, len(statuses))]:
                status_rows.append(
                    {
                        "outcome_id": outcome_id,
                        "status": status,
                        "date": date,
                        "date_precision": "day",
                    }
                )
                date += datetime.timedelta(rng.randint(30, 400))
        self.copy("outcomes", Outcome, rows, own_ids=True)
        self.copy("outcome statuses", OutcomeStatus, status_rows)
        self.copy("pledgers", Outcome.responsible_participants.through, pledger_rows)


def record_grow(
    *,
    meetings: int,
    delegations: int,
    delegates: int,
    documents: int,
    outcomes: int,
    big_meeting_delegates: int,
    seed: int,
) -> dict[str, int]:
    """Add generated rows beside the loaded record, by COPY, in one transaction,
    then ANALYZE. Returns the number of rows added to each table.

    Every column Django's save() and clean() would fill is filled the same way:
    titles from `Meeting.generated_title` (or a custom title), unique slugs,
    dates stored at their precision (`normalise`), timestamps. The first
    generated meeting is a ministerial conference attended by every
    participant with `big_meeting_delegates` delegates: the big participant
    list. Needs PostgreSQL and the loaded record (its participants, groups and
    themes are what the rows refer to).
    """
    from django.db import connection, transaction

    from meetings.models import Meeting

    if connection.vendor != "postgresql":
        raise RuntimeError("record_grow writes with PostgreSQL's COPY; DATABASE_URL is not one.")
    with transaction.atomic(), connection.cursor() as wrapper:
        # psycopg's own cursor, which has copy().
        grower = _Grower(wrapper.cursor, seed=seed)
        meeting_rows = grower.meetings(meetings)
        grower.meeting_roles(meeting_rows)
        grower.workshop_themes(meeting_rows)
        held = [row for row in meeting_rows if row["status"] == Meeting.Status.HELD]
        big = meeting_rows[0]
        delegation_rows = grower.delegations(held, delegations, big)
        grower.delegates(delegation_rows, delegates, big=big, big_count=big_meeting_delegates)
        documents_of = grower.documents(meeting_rows, documents)
        grower.outcomes(held, outcomes, documents_of)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return grower.added


# --- Serving and loading -------------------------------------------------

ANONYMOUS = "anonymous"
ANONYMOUS_UNCACHED = "anonymous, uncached"
MEMBER = "member"
WHO = (ANONYMOUS, ANONYMOUS_UNCACHED, MEMBER)

SEARCH_P95_MS = 50
PAGE_P95_MS = 100
CACHED_SHARE_OF_CEILING = 0.30
MAX_BYTES = 150_000
MAX_QUERIES = 12


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    kind: str = "page"  # "page", "search" or "ceiling"


# Measured first and last: the pages are compared with the mean of the two.
CEILING_FIRST = Page("bare-view ceiling, first", "/__bench__/ceiling/", "ceiling")
CEILING_LAST = Page("bare-view ceiling, last", "/__bench__/ceiling/", "ceiling")


@dataclass
class Row:
    page: Page
    who: str
    requests: int  # answered within the measured run
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    size: int
    queries: int
    status: int
    ratio: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return "; ".join(self.misses) if self.misses else "ok"


def key_pages() -> list[Page]:
    """The pages measured, on the grown record: the largest participant list,
    the group with most meetings, the newest public document."""
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone

    from meetings.models import Delegate, Document, Meeting
    from workshops.models import Group

    biggest = (
        Delegate.objects.values("delegation__meeting")
        .annotate(delegates=Count("pk"))
        .order_by("-delegates")
        .first()
    )
    meeting = Meeting.objects.get(pk=biggest["delegation__meeting"])
    group = Group.objects.annotate(meeting_count=Count("meetings")).order_by("-meeting_count")[0]
    today = timezone.localdate()
    document = Document.objects.public().filter(date__lte=today).newest_first().first()
    participants = reverse("meetings:participant_list", kwargs={"slug": meeting.slug})
    # The index is small; its largest section shows what a crawler's request costs.
    try:
        sections = [Page("sitemap: documents", reverse("sitemap_section", args=["documents"]))]
    except NoReverseMatch:
        sections = []
    return [
        Page("home", "/"),
        Page("meeting list", "/meetings/"),
        Page("meeting page (largest)", meeting.get_absolute_url()),
        Page("participant list (largest)", participants),
        Page("members list", "/members/"),
        Page("participant page", "/members/australia/"),
        Page("group list", "/groups/"),
        Page("group page (most meetings)", group.get_absolute_url()),
        Page("workshop list", "/workshops/"),
        Page("outcome list", "/outcomes/"),
        Page("document list", "/documents/"),
        Page("document page", document.get_absolute_url()),
        Page("search: trafficking", "/search/?q=trafficking", "search"),
        Page("search: “support office”", "/search/?q=%22support+office%22", "search"),
        Page(f"search: {RARE_WORD} (rare)", f"/search/?q={RARE_WORD}", "search"),
        Page("sitemap", "/sitemap.xml"),
        *sections,
        Page("feed of documents", "/feeds/documents/"),
        Page("calendar", "/calendar.ics"),
    ]


def redis_command(url: str, *command: str) -> bytes | int | None:
    """One command to the Redis database `url` names, spoken in RESP over a socket
    (the benchmark needs no Redis client library for a FLUSHDB and an INFO)."""
    parts = urllib.parse.urlsplit(url)
    database = (parts.path or "/0").strip("/") or "0"
    with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), 5) as sock:
        stream = sock.makefile("rb")

        def call(*words: str):
            encoded = [word.encode() for word in words]
            payload = b"*%d\r\n" % len(encoded) + b"".join(
                b"$%d\r\n%s\r\n" % (len(word), word) for word in encoded
            )
            sock.sendall(payload)
            line = stream.readline().rstrip(b"\r\n")
            kind, rest = line[:1], line[1:]
            if kind == b"-":
                raise RuntimeError(f"Redis: {rest.decode()}")
            if kind == b":":
                return int(rest)
            if kind == b"$":
                length = int(rest)
                return None if length < 0 else stream.read(length + 2)[:-2]
            return rest

        if parts.password:
            call("AUTH", urllib.parse.unquote(parts.password))
        call("SELECT", database)
        return call(*command)


def http_login(host: str, port: int, username: str, password: str) -> str:
    """Sign in through the login form, as a browser would; the session cookie."""
    from django.conf import settings

    def cookies_of(response) -> dict[str, str]:
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return {name: morsel.value for name, morsel in jar.items()}

    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", "/accounts/login/")
    response = connection.getresponse()
    page = response.read().decode()
    csrf_cookie = cookies_of(response)[settings.CSRF_COOKIE_NAME]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/"}
    )
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request(
        "POST",
        "/accounts/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{settings.CSRF_COOKIE_NAME}={csrf_cookie}",
        },
    )
    response = connection.getresponse()
    response.read()
    session = cookies_of(response).get(settings.SESSION_COOKIE_NAME)
    if response.status != 302 or not session:
        raise RuntimeError(f"Signing in as {username} failed (HTTP {response.status}).")
    return session


def count_queries(path: str, client) -> tuple[int, int, int]:
    """(queries, status, body bytes) of one request through Django's test client."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # Each request empties the query log when it starts, so the capture must too.
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        queries = len(captured.captured_queries)
    body = b"".join(response) if response.streaming else response.content
    return queries, response.status_code, len(body)


def wrk(url: str, *, mode: str, nonce: str, cookie: str, duration: int, options) -> dict:
    command = [
        options.wrk,
        f"-t{options.threads}",
        f"-c{options.connections}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "-s",
        str(WRK_SCRIPT),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command += [url, "--", mode, nonce]
    finished = subprocess.run(  # noqa: S603 (our own arguments)  # nosec B603
        command, capture_output=True, text=True, timeout=duration + 60, check=False
    )
    for line in finished.stdout.splitlines():
        if line.startswith("WRK_RESULT "):
            return json.loads(line.removeprefix("WRK_RESULT "))
    raise RuntimeError(f"wrk printed no result for {url}:\n{finished.stdout}{finished.stderr}")


def load(page: Page, who: str, *, port: int, cookie: str, options) -> dict:
    """One wrk run of `page` as `who`, after a warm-up; what wrk_report.lua printed."""
    url = f"http://127.0.0.1:{port}{page.path}"
    mode = "unique" if who == ANONYMOUS_UNCACHED else "same"
    nonce = secrets.token_hex(4)
    who_cookie = cookie if who == MEMBER else ""
    if options.warmup:
        wrk(
            url,
            mode=mode,
            nonce=f"{nonce}w",
            cookie=who_cookie,
            duration=options.warmup,
            options=options,
        )
        _drain(port, options.workers)
    result = wrk(
        url, mode=mode, nonce=nonce, cookie=who_cookie, duration=options.duration, options=options
    )
    _drain(port, options.workers)
    return result


def judge(row: Row) -> list[str]:
    """The targets this row misses."""
    misses = []
    if row.status != 200:
        misses.append(f"HTTP {row.status}")
    if row.errors:
        misses.append(f"{row.errors} errors")
    if not row.requests:
        misses.append("no answer within the run")
        return misses
    if row.page.kind == "ceiling":
        return misses
    if row.page.kind == "search" and row.p95_ms >= SEARCH_P95_MS:
        misses.append(f"search p95 ≥ {SEARCH_P95_MS} ms")
    if row.who != ANONYMOUS and row.p95_ms >= PAGE_P95_MS:
        misses.append(f"p95 ≥ {PAGE_P95_MS} ms")
    if row.who == ANONYMOUS and row.ratio < CACHED_SHARE_OF_CEILING:
        misses.append(f"< {CACHED_SHARE_OF_CEILING:.0%} of ceiling")
    if row.size > MAX_BYTES:
        misses.append(f"> {MAX_BYTES // 1000} KB")
    if row.queries > MAX_QUERIES:
        misses.append(f"> {MAX_QUERIES} queries")
    return misses


HEADERS = (
    "page",
    "who",
    "requests",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "× ceiling",
    "bytes",
    "queries",
)
NUMERIC = {2, 3, 4, 5, 6, 7, 8, 9}


def _milliseconds(row: Row, value: float) -> str:
    return f"{value:.1f}" if row.requests else "–"


def table_cells(rows: list[Row]) -> list[tuple[str, ...]]:
    return [
        (
            row.page.name,
            row.who,
            f"{row.requests:,}",
            f"{row.requests_per_s:,.0f}"
            if row.requests_per_s >= 10
            else f"{row.requests_per_s:.1f}",
            _milliseconds(row, row.p50_ms),
            _milliseconds(row, row.p95_ms),
            _milliseconds(row, row.p99_ms),
            f"{row.ratio:.0%}",
            f"{row.size:,}",
            str(row.queries),
            row.verdict,
        )
        for row in rows
    ]


def text_table(rows: list[Row]) -> str:
    headers = (*HEADERS, "targets")
    cells = table_cells(rows)
    widths = [max(len(line[i]) for line in [headers, *cells]) for i in range(len(headers))]

    def line(values):
        return "  ".join(
            value.rjust(widths[i]) if i in NUMERIC else value.ljust(widths[i])
            for i, value in enumerate(values)
        ).rstrip()

    return "\n".join([line(headers), "  ".join("-" * width for width in widths), *map(line, cells)])


def markdown_table(rows: list[Row]) -> str:
    headers = (*HEADERS, "targets")
    align = ["---:" if i in NUMERIC else "---" for i in range(len(headers))]
    lines = [f"| {' | '.join(headers)} |", f"| {' | '.join(align)} |"]
    lines += [f"| {' | '.join(cells)} |" for cells in table_cells(rows)]
    return "\n".join(lines)


def machine(redis_url: str, wrk_path: str) -> list[tuple[str, str]]:
    import django
    import gunicorn
    from django.db import connection

    cpu = "unknown"
    memory = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    try:
        info = redis_command(redis_url, "INFO", "server").decode()
        redis = re.search(r"redis_version:(\S+)", info).group(1)
    except OSError:
        redis = "not reachable"
    version = subprocess.run(  # noqa: S603 (our own arguments)  # nosec B603
        [wrk_path, "-v"], capture_output=True, text=True, check=False
    )
    wrk_version = (version.stdout + version.stderr).split("Copyright")[0].strip()
    return [
        ("date", datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", f"{cpu}, {os.cpu_count()} cores"),
        ("memory", memory),
        ("Python", platform.python_version()),
        ("PostgreSQL", postgres),
        ("Django", django.get_version()),
        ("Redis", redis),
        ("gunicorn", gunicorn.__version__),
        ("wrk", wrk_version),
    ]


def write_report(path: Path, *, rows, machine_rows, sizes, timings, cache_entries, options) -> None:
    met = sum(1 for row in rows if not row.misses)
    sizes_table = "\n".join(f"| {name} | {count:,} |" for name, count in sizes.items())
    machine_table = "\n".join(f"| {name} | {value} |" for name, value in machine_rows)
    timing_table = "\n".join(f"| {name} | {seconds:.0f} s |" for name, seconds in timings.items())
    load = (
        f"{options.duration} s after a {options.warmup} s warm-up, with {options.threads} "
        f"threads and {options.connections} connections"
    )
    note = f"\n**Note on this run:** {options.note}\n" if options.note else ""
    text = f"""# Benchmarks

Written by `make bench-scale` (`scripts/bench_scale.py`), which overwrites this
page on every run. It measures the portal as production serves it, on a record
grown far past the real one, under load.

## How it is made

1. A throwaway PostgreSQL database (`{options.database}`) is migrated and given
   the real record (`manage.py load_record`).
2. The record is grown by COPY with the random seed {options.seed} to the sizes
   below: published meetings of every kind with dates known to the day, month or
   year; one delegation per participant per meeting; documents of about 600 words
   drawn from the seed texts in `baliprocess/record/sources/`, so "trafficking" and
   "support office" occur as they do there (and *{RARE_WORD}* stays in the one real
   document that names him); outcomes with status histories. Then ANALYZE.
3. gunicorn serves it with {options.workers} sync workers and production's
   settings (`baliprocess.settings.bench` adds only the bare-view ceiling,
   `/__bench__/ceiling/`: "ok" through the same middleware, no template, no
   query), the page cache in Redis.
4. wrk loads each page for {load}, on the same {os.cpu_count()} cores as the
   server and the database. With as many connections as workers, every worker
   is kept busy and no request waits in a queue for one, so a latency is what
   one request costs; with more connections than workers it would include
   that wait (about connections ÷ requests per second).

Who asks:

- **{ANONYMOUS}**: the same address every time, as many visitors would; after
  the first request the page cache answers.
- **{ANONYMOUS_UNCACHED}**: a new query string on every request (`?_bench=…`,
  which the pages ignore), so every request misses the page cache and the page
  is rendered and stored: the cost of a page nobody has asked for yet.
- **{MEMBER}**: a member official, signed in once through the login form;
  signed-in visitors are never served from the cache.

"requests" is how many were answered within the measured seconds (the
percentiles of a handful say little; "–" when none was). "× ceiling" is the
page's requests per second over the ceiling's, asked the same way (the mean of
its first and last runs). Queries and bytes are counted once per page with
Django's test client against the same database; for {ANONYMOUS} on a cache miss.

Targets: search p95 < {SEARCH_P95_MS} ms; every page p95 < {PAGE_P95_MS} ms
uncached, anonymous and member; anonymous cached ≥ {CACHED_SHARE_OF_CEILING:.0%}
of the ceiling's requests per second; no page over {MAX_BYTES // 1000} KB
({MAX_BYTES:,} bytes); no page over {MAX_QUERIES} queries.

## How to rerun

Needs PostgreSQL and Redis on 127.0.0.1:6379 (its database 14 is flushed);
wrk is installed by `scripts/install-wrk`. About 10 minutes on 2 cores.

```sh
make bench-scale
# another PostgreSQL (the admin connection: the benchmark creates and drops
# its own database), longer runs, a larger record:
DATABASE_URL=postgres://postgres@db.example:5432/postgres \\
  make bench-scale BENCH_SCALE_ARGS="--duration 10 --documents 40000"
```

`.venv/bin/python -m scripts.bench_scale --help` lists the options.

## Machine

| | |
| --- | --- |
{machine_table}

## Record

| rows added to the real record | |
| --- | ---: |
{sizes_table}

| step | time |
| --- | ---: |
{timing_table}

## Results

{met} of {len(rows)} rows meet every target. The page cache held
{cache_entries:,} entries in Redis after the runs.
{note}
{markdown_table(rows)}
"""
    path.write_text(text, encoding="utf-8")


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(admin_url: str, name: str) -> str:
    return urllib.parse.urlsplit(admin_url)._replace(path=f"/{name}").geturl()


def _manage(*arguments: str, env: dict) -> None:
    subprocess.run(  # noqa: S603 (our own arguments)  # nosec B603
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True
    )


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_until_serving(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/__bench__/ceiling/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer within 60 s:\n{log.read_text()[-3000:]}")


def _drain(port: int, workers: int) -> None:
    """Wait until the server has finished what the last run left queued.

    wrk stops on time, but requests it had sent wait in the listen queue and a
    sync worker still serves each one; the next run would wait behind them.
    One ceiling request per worker, sent together, returns once the queue
    ahead of them is empty."""

    def ask(_number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        connection.request("GET", "/__bench__/ceiling/")
        connection.getresponse().read()

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(ask, range(workers)))


def parse_options(argv: list[str] | None):
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_scale", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    sizes = parser.add_argument_group("the grown record")
    sizes.add_argument("--meetings", type=int, default=5000)
    sizes.add_argument("--delegations", type=int, default=150_000)
    sizes.add_argument("--delegates", type=int, default=150_000)
    sizes.add_argument("--documents", type=int, default=20_000)
    sizes.add_argument("--outcomes", type=int, default=2000)
    sizes.add_argument("--big-meeting-delegates", type=int, default=2000)
    sizes.add_argument("--seed", type=int, default=2002)
    load = parser.add_argument_group("the load")
    load.add_argument("--duration", type=int, default=5, help="seconds measured per run (5)")
    load.add_argument("--warmup", type=int, default=1, help="seconds first, unmeasured (1)")
    load.add_argument("--threads", type=int, default=2)
    # As many as the workers: latencies without queueing (see the written page).
    load.add_argument("--connections", type=int, default=2)
    load.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    load.add_argument("--only", default="", help="measure only pages whose name has this")
    parser.add_argument("--database", default="bp_bench_scale", help="throwaway database name")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="flushed at the start")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="'' to write nothing")
    parser.add_argument("--note", default="", help="a sentence to print above the results")
    options = parser.parse_args(argv)
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", options.database):
        parser.error("--database: lower-case letters, digits and _ only")
    if options.meetings < 1 or options.duration <= 0 or options.warmup < 0:
        parser.error("--meetings must be at least 1 and --duration more than 0")
    return options


def run(options) -> list[Row]:
    import psycopg
    from psycopg import sql

    started = time.monotonic()
    admin_url = os.environ.get("DATABASE_URL", "").strip() or DEFAULT_ADMIN_URL
    if not admin_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(f"bench-scale needs PostgreSQL: DATABASE_URL is {admin_url!r}.")
    if urllib.parse.urlsplit(admin_url).path.strip("/") == options.database:
        raise SystemExit(f"DATABASE_URL names {options.database}, the database to be dropped.")
    options.wrk = shutil.which("wrk")
    if options.wrk is None:
        # The project's own installer script.
        subprocess.run([str(ROOT / "scripts" / "install-wrk")], check=True)  # noqa: S603  # nosec B603
        options.wrk = shutil.which("wrk")
    scratch = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "baliprocess.settings.bench",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": _database_url(admin_url, options.database),
        "REDIS_URL": options.redis_url,
        "DJANGO_STATIC_ROOT": str(scratch / "static"),
        "DJANGO_MEDIA_ROOT": str(scratch / "media"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    timings: dict[str, float] = {}
    server = None
    database = sql.Identifier(options.database)

    def phase(name: str, since: float) -> float:
        timings[name] = time.monotonic() - since
        print(f"  {name}: {timings[name]:.1f} s", flush=True)
        return time.monotonic()

    try:
        now = time.monotonic()
        print(f"Database {options.database} (dropped at the end)", flush=True)
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(database))
        _manage("migrate", "--no-input", "-v0", env=env)
        _manage("load_record", "-v0", env=env)
        now = phase("migrate and load the record", now)

        os.environ.update(env)
        import django

        django.setup()
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.test import Client

        from baliprocess import roles

        print("Growing the record", flush=True)
        sizes = record_grow(
            meetings=options.meetings,
            delegations=options.delegations,
            delegates=options.delegates,
            documents=options.documents,
            outcomes=options.outcomes,
            big_meeting_delegates=options.big_meeting_delegates,
            seed=options.seed,
        )
        for name, count in sizes.items():
            print(f"    {name}: {count:,}")
        now = phase("grow the record (COPY, ANALYZE)", now)

        password = secrets.token_urlsafe(16)
        member = get_user_model().objects.create_user(username="bench-member", password=password)
        member.groups.add(Group.objects.get(name=roles.MEMBER_OFFICIALS))
        pages = [page for page in key_pages() if options.only in page.name]
        _manage("collectstatic", "--no-input", "-v0", env=env)
        try:
            redis_command(options.redis_url, "FLUSHDB")
        except OSError as error:
            print(f"  Redis at {options.redis_url} not reachable ({error}): no page cache")

        # Queries of an anonymous request on a cache miss: before anything filled it.
        anonymous = Client(SERVER_NAME="127.0.0.1")
        counted = {
            (page.path, ANONYMOUS): count_queries(page.path, anonymous)
            for page in [CEILING_FIRST, *pages]
        }

        port = _free_port()
        log = scratch / "gunicorn.log"
        with open(log, "w") as log_file:
            server = subprocess.Popen(  # noqa: S603 (our own arguments)  # nosec B603
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "baliprocess.wsgi",
                    f"--workers={options.workers}",
                    f"--bind=127.0.0.1:{port}",
                    "--log-level=warning",
                ],
                cwd=ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _wait_until_serving(server, port, log)
        session = http_login("127.0.0.1", port, member.username, password)
        cookie = f"{settings.SESSION_COOKIE_NAME}={session}"
        signed_in = Client(SERVER_NAME="127.0.0.1")
        signed_in.cookies[settings.SESSION_COOKIE_NAME] = session
        for page in [CEILING_FIRST, *pages]:
            counted[page.path, MEMBER] = count_queries(page.path, signed_in)
        now = phase("collectstatic, start gunicorn, sign in, count queries", now)

        plan = [(page, who) for page in [CEILING_FIRST, *pages, CEILING_LAST] for who in WHO]
        print(f"Loading {len(pages)} pages and the ceiling {len(WHO)} ways with wrk", flush=True)
        rows = []
        for number, (page, who) in enumerate(plan, 1):
            queries, status, size = counted[page.path, MEMBER if who == MEMBER else ANONYMOUS]
            result = load(page, who, port=port, cookie=cookie, options=options)
            if not result["requests"] and log.read_text().strip():
                print(f"  no request answered; gunicorn's log ends:\n{log.read_text()[-2000:]}")
            row = Row(
                page=page,
                who=who,
                requests=result["requests"],
                requests_per_s=result["requests"] / (result["duration_us"] / 1e6),
                p50_ms=result["p50_us"] / 1000,
                p95_ms=result["p95_us"] / 1000,
                p99_ms=result["p99_us"] / 1000,
                errors=sum(value for key, value in result.items() if key.startswith("errors_")),
                size=size,
                queries=queries,
                status=status,
            )
            rows.append(row)
            print(
                f"  [{number}/{len(plan)}] {page.name}, {who}: {row.requests_per_s:,.1f} req/s, "
                f"p95 {row.p95_ms:.1f} ms",
                flush=True,
            )
        for who in WHO:
            ceiling = statistics.mean(
                row.requests_per_s for row in rows if row.page.kind == "ceiling" and row.who == who
            )
            for row in rows:
                if row.who == who:
                    row.ratio = row.requests_per_s / ceiling if ceiling else 0
                    row.misses = judge(row)
        now = phase("load with wrk", now)
        try:
            cache_entries = redis_command(options.redis_url, "DBSIZE")
        except OSError:
            cache_entries = 0
        print(f"Page cache: {cache_entries:,} entries in Redis after the runs.")
        machine_rows = machine(options.redis_url, options.wrk)
        timings["total"] = time.monotonic() - started
        print()
        print(text_table(rows))
        missed = [row for row in rows if row.misses]
        print(f"\n{len(rows) - len(missed)} of {len(rows)} rows meet every target.")
        if options.output:
            output = Path(options.output)
            write_report(
                output,
                rows=rows,
                machine_rows=machine_rows,
                sizes=sizes,
                timings=timings,
                cache_entries=cache_entries,
                options=options,
            )
            print(f"Written to {output}.")
        return rows
    finally:
        _stop(server)
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))
        with contextlib.suppress(OSError):
            redis_command(options.redis_url, "FLUSHDB")
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"Dropped {options.database}; total {time.monotonic() - started:.0f} s.", flush=True)


def main(argv: list[str] | None = None) -> None:
    # Ctrl-C and a polite kill both end in run()'s cleanup. SIGINT too, because a
    # shell starts a background job with it ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    run(parse_options(argv))


if __name__ == "__main__":
    main()
