"""Writing an import: everything or nothing, in bulk, with history; the
cached pages retired; the round trip with the exports; writes that collide
with another staff member's."""

import io
import threading
import time

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from meetings.exporters import render_participant_list_csv, render_participant_list_xlsx
from meetings.importers import DelegateImportError, DelegateRow, delegation_import
from meetings.models import Delegate, Delegation
from meetings.selectors import participant_list
from membership.models import MembershipPeriod
from tests.concurrency import (
    OtherStaffMember,
    on_postgresql,
    wait_for_a_transaction_to_wait_on_a_lock,
)
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
)
from tests.meetings.importing.spreadsheets import HEADER, csv_bytes, import_file, preview_of
from tests.meetings.importing.wizard import previewed

pytestmark = pytest.mark.django_db


def test_import_writes_delegations_and_delegates_with_history(meeting, australia, editor_user):
    content = csv_bytes(
        [
            HEADER,
            [
                "Australia",
                "Jane Citizen",
                "First Assistant Secretary",
                "DFAT",
                "Head",
                "jane@example.org",
            ],
        ]
    )
    preview = preview_of(meeting, content)

    plan = delegation_import(
        meeting=meeting,
        rows=preview.rows,
        changed_by=editor_user,
        reason="Imported from delegates.csv",
    )

    delegate = Delegate.objects.get()
    assert (delegate.delegation.meeting, delegate.delegation.participant) == (meeting, australia)
    assert (delegate.name, delegate.position, delegate.agency, delegate.role, delegate.email) == (
        "Jane Citizen",
        "First Assistant Secretary",
        "DFAT",
        Delegate.Role.HEAD,
        "jane@example.org",
    )
    assert (delegate.may_be_listed, delegate.order) == (True, 1)
    history = delegate.history.get()
    assert (history.history_user, history.history_change_reason) == (
        editor_user,
        "Imported from delegates.csv",
    )
    assert delegate.delegation.history.count() == 1
    assert len(plan.created_delegates) == 1


def test_updates_are_written_with_history(meeting, australia, editor_user):
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    DelegateFactory(delegation=delegation, name="Jane Citizen", position="Director", role="head")
    content = csv_bytes(
        [
            ["Country", "Name", "Position", "Role"],
            ["Australia", "Jane Citizen", "Deputy Director", "Alternate"],
        ]
    )

    delegation_import(
        meeting=meeting, rows=preview_of(meeting, content).rows, changed_by=editor_user
    )

    delegate = Delegate.objects.get()
    assert (delegate.position, delegate.role) == ("Deputy Director", "alternate")
    assert [entry.history_type for entry in delegate.history.order_by("history_id")] == ["+", "~"]
    assert delegate.history.latest("history_id").history_user == editor_user


@pytest.mark.parametrize("item_count", [2, 40])
def test_an_import_writes_in_the_same_number_of_queries_for_any_number_of_delegates(
    meeting, django_assert_num_queries, item_count
):
    """Bulk inserts and updates: 2,000 delegates are not 2,000 saves."""
    participants = [ParticipantFactory() for _ in range(2)]
    for participant in participants:
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        for number in range(item_count):
            DelegateFactory(delegation=delegation, name=f"Kept {number}", position="Director")
    rows = [
        DelegateRow(
            row=number,
            participant=participant,
            name=f"Kept {number}",
            values={"position": "Minister"},
        )
        for participant in participants
        for number in range(item_count)
    ] + [
        DelegateRow(row=1000 + number, participant=participant, name=f"New {number}")
        for participant in participants
        for number in range(item_count)
    ]

    # Savepoints (4), the lock, the plan's reads (2), the update and its
    # history (2), the inserts and their history (2).
    with django_assert_num_queries(11):
        plan = delegation_import(meeting=meeting, rows=rows)

    assert (len(plan.updated_delegates), len(plan.created_delegates)) == (
        2 * item_count,
        2 * item_count,
    )
    assert Delegate.objects.filter(position="Minister").count() == 2 * item_count


def test_confirming_checks_the_record_again(meeting, australia):
    preview = preview_of(
        meeting, csv_bytes([["Country", "Name", "Role"], ["Australia", "John Smith", "Head"]])
    )
    assert preview.can_import
    # Meanwhile a colleague enters a head of delegation in the admin.
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=australia),
        name="Entered Meanwhile",
        role=Delegate.Role.HEAD,
    )

    with pytest.raises(
        DelegateImportError, match="head of delegation is Entered Meanwhile already"
    ):
        delegation_import(meeting=meeting, rows=preview.rows)

    assert list(Delegate.objects.values_list("name", flat=True)) == ["Entered Meanwhile"]


# --- The round trip: export, then import ------------------------------------------------------


def _source_meeting():
    meeting = MeetingFactory()
    australia = ParticipantFactory(short_name="Australia", country="AU")
    MembershipPeriodFactory(participant=australia)
    canada = ParticipantFactory(short_name="Canada", country="CA")
    MembershipPeriodFactory(participant=canada, status=MembershipPeriod.Status.OBSERVER)
    iom = OrganisationFactory(
        short_name="IOM", acronym="IOM", name="International Organization for Migration"
    )
    MembershipPeriodFactory(participant=iom)
    rso = OrganisationFactory(short_name="RSO", acronym="RSO", name="Regional Support Office")
    delegation = DelegationFactory(meeting=meeting, participant=australia)
    DelegateFactory(
        delegation=delegation,
        name="Jane Citizen",
        role=Delegate.Role.HEAD,
        phone="+61 2 6261 1111",
        honorific="H.E.",
    )
    DelegateFactory(
        delegation=delegation,
        name="=Odd Name",
        role=Delegate.Role.ADVISER,
        may_be_listed=False,
        email="",
    )
    DelegateFactory(
        delegation=DelegationFactory(meeting=meeting, participant=canada),
        name="Marie Tremblay",
        position="-",
        agency="IRCC, Ottawa",
    )
    DelegationFactory(meeting=meeting, participant=iom, reported_head_count=4)
    DelegationFactory(
        meeting=meeting, participant=rso, capacity_override=Delegation.Capacity.SECRETARIAT
    )
    return meeting


@pytest.mark.parametrize(
    ("extension", "render"),
    [("csv", render_participant_list_csv), ("xlsx", render_participant_list_xlsx)],
)
def test_an_exported_list_imports_back_to_the_same_list(extension, render, editor_user):
    source = _source_meeting()
    exported = render(participant_list(meeting=source, user=editor_user, with_contacts=True))
    copy = MeetingFactory()

    again = preview_of(source, exported, f"list.{extension}")
    import_file(copy, exported, f"list.{extension}")
    reexported = render(participant_list(meeting=copy, user=editor_user, with_contacts=True))

    assert [change.action for change in again.plan.delegates] == ["unchanged"] * 3
    assert not again.plan.writes_anything
    if extension == "csv":
        assert reexported == exported
    else:
        rows = [
            [cell.value for cell in row]
            for row in openpyxl.load_workbook(io.BytesIO(reexported)).active.iter_rows()
        ]
        original = [
            [cell.value for cell in row]
            for row in openpyxl.load_workbook(io.BytesIO(exported)).active.iter_rows()
        ]
        assert rows == original
    assert (
        participant_list(meeting=copy, user=AnonymousUser()).summary
        == participant_list(meeting=source, user=AnonymousUser()).summary
    )


# --- A write the database refuses after all -----------------------------------------------


CHANGED_WHILE_IMPORTING = [
    "The meeting's delegations changed while the list was being imported, so nothing was "
    "imported. Check the preview again and confirm."
]


class Importer(threading.Thread):
    def __init__(self, meeting, rows):
        super().__init__(daemon=True)
        self.meeting, self.rows, self.refused = meeting, rows, None

    def run(self):
        try:
            delegation_import(meeting=self.meeting, rows=self.rows)
        except DelegateImportError as error:
            self.refused = error.messages
        finally:
            connections.close_all()

    def start_and_wait_for_a_lock(self):
        """Start the import, and return once it waits on the other transaction's rows."""
        self.start()
        wait_for_a_transaction_to_wait_on_a_lock()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_import_racing_another_write_is_refused_whole_with_a_message(meeting, australia):
    """Someone adds Australia's delegation in the admin while the import, which planned to
    create it, is writing: the database refuses the second one, and the import writes
    nothing and says why instead of failing."""
    other = OtherStaffMember(
        lambda: Delegation.objects.create(meeting=meeting, participant=australia)
    )
    importer = Importer(
        meeting,
        [
            DelegateRow(row=2, participant=australia, name="Jane Citizen", values={"role": "head"}),
            DelegateRow(row=3, participant=australia, name="John Citizen"),
        ],
    )
    other.start()
    other.take_step()  # Australia's delegation, not committed

    importer.start_and_wait_for_a_lock()
    other.commit()
    importer.join(30)

    assert importer.refused == CHANGED_WHILE_IMPORTING
    assert Delegation.objects.filter(meeting=meeting).count() == 1
    assert Delegate.objects.count() == 0


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_import_the_database_aborts_in_a_deadlock_is_refused_whole(
    meeting, australia, indonesia
):
    """The import and another staff member each add a head of delegation the other adds
    too, in the opposite order: PostgreSQL aborts the import to break the deadlock, and
    the import says so instead of failing."""
    delegations = {
        participant: DelegationFactory(meeting=meeting, participant=participant)
        for participant in (australia, indonesia)
    }

    def add_head(participant, *, slow_to_detect_deadlocks=False):
        def step():
            if slow_to_detect_deadlocks:
                # So the import, waiting first, finds the deadlock first and is aborted.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL deadlock_timeout = '30s'")
            Delegate.objects.create(
                delegation=delegations[participant], name=f"Head of {participant}", role="head"
            )

        return step

    other = OtherStaffMember(
        add_head(australia, slow_to_detect_deadlocks=True), add_head(indonesia)
    )
    importer = Importer(
        meeting,
        [
            DelegateRow(row=2, participant=indonesia, name="Ina Head", values={"role": "head"}),
            DelegateRow(row=3, participant=australia, name="Aus Head", values={"role": "head"}),
        ],
    )
    other.start()
    other.take_step()  # Australia's head, not committed

    importer.start_and_wait_for_a_lock()  # it added Indonesia's head, and waits on Australia's
    other.take_step(wait=False)  # Indonesia's head: it waits on the import in turn
    importer.join(30)
    other.finished.get(timeout=30)
    other.commit()

    assert importer.refused == CHANGED_WHILE_IMPORTING
    assert sorted(Delegate.objects.values_list("name", flat=True)) == [
        "Head of Australia",
        "Head of Indonesia",
    ]


def test_2000_delegates_are_added_and_updated_through_the_wizard_in_bulk(editor_client, meeting):
    """The list of a large meeting, imported and then imported again with every
    position changed: each confirm writes in a few dozen queries, not thousands,
    and takes seconds, not the 19–42 seconds of a save per delegate."""
    participants = [ParticipantFactory(short_name=f"Land {number:03d}") for number in range(150)]

    def delegate_list(position):
        rows = [["Country", "Honorific", "Name", "Position", "Role", "Email", "Phone"]]
        rows += [
            [
                participants[number % 150].short_name,
                "Ms",
                f"Delegate {number:04d}",
                position,
                "Head" if number < 150 else "Delegate",
                f"delegate{number}@example.org",
                "+62 21 384 8626 ext. 12",
            ]
            for number in range(2000)
        ]
        return csv_bytes(rows)

    timings = []
    for position in ("Director", "Director General"):
        preview_url = previewed(editor_client, meeting, delegate_list(position))
        form = editor_client.get(preview_url).context["form"]
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = editor_client.post(
                preview_url,
                {"action": "confirm", **{name: form[name].value() for name in form.fields}},
            )
        timings.append((time.perf_counter() - started, len(captured.captured_queries)))
        assert response.status_code == 302

    assert Delegate.objects.filter(position="Director General").count() == 2000
    assert all(seconds < 5 and queries < 100 for seconds, queries in timings), timings
