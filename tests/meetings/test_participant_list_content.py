"""What every format of a participant list shows, from the outside: the title
block's co-chairs and hosts, the delegates in the order their delegation
sent them, and the notes the page prints ("And 1 more delegate who asked not
to be listed.", "Names not recorded.", a partial record)."""

import pytest

from meetings.models import Delegate, Meeting, MeetingRole
from meetings.selectors import (
    DELEGATE_COLUMNS,
    PARTIAL_ATTENDANCE_NOTE,
    participant_list,
    participant_list_people,
)
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MeetingRoleFactory,
    OrganisationFactory,
    ParticipantFactory,
)
from tests.meetings.participant_list_support import (
    FORMATS,
    csv_rows,
    flat,
    member_delegation,
    text_of,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

DOCUMENTS = ["page", "pdf", "docx"]
CO_CHAIRS = "Co-chairs: Indonesia (Foreign Minister Marty Natalegawa) and Australia"
HOSTS = "Hosts: Indonesia and Thailand (co-host; Royal Thai Police)"
# The order the delegation sent them: head, alternate, then as numbered, then by name.
SENT_ORDER = [
    "Yusuf Head",
    "Xavier Alternate",
    "Zoe Delegate",
    "Mia Delegate",
    "Anna Adviser",
    "Bob Unplaced",
]


@pytest.fixture
def meeting():
    """Indonesia and Australia co-chair, Indonesia hosts with Thailand; Indonesia's
    delegation sent six delegates in its own order, one of whom asked not to be
    listed; Thailand's delegates all asked not to be listed; IOM's names were not
    recorded."""
    meeting = MeetingFactory(custom_title="Fifth Senior Officials Meeting")
    indonesia = member_delegation(meeting, short_name="Indonesia", country="ID")
    australia = ParticipantFactory(short_name="Australia", country="AU")
    thailand = member_delegation(meeting, short_name="Thailand", country="TH")
    roles = [
        (thailand.participant, MeetingRole.Role.CO_HOST, 0, "Royal Thai Police"),
        (australia, MeetingRole.Role.CO_CHAIR, 1, ""),
        (indonesia.participant, MeetingRole.Role.HOST, 2, ""),
        (indonesia.participant, MeetingRole.Role.CO_CHAIR, 0, "Foreign Minister Marty Natalegawa"),
        (australia, MeetingRole.Role.CO_ORGANISER, 0, ""),
    ]
    for participant, role, order, represented_by in roles:
        MeetingRoleFactory(
            meeting=meeting,
            participant=participant,
            role=role,
            order=order,
            represented_by=represented_by,
        )
    for name, role, order in [
        ("Anna Adviser", Delegate.Role.ADVISER, 3),
        ("Bob Unplaced", Delegate.Role.DELEGATE, None),
        ("Zoe Delegate", Delegate.Role.DELEGATE, 1),
        ("Mia Delegate", Delegate.Role.DELEGATE, 2),
        ("Xavier Alternate", Delegate.Role.ALTERNATE, 9),
        ("Yusuf Head", Delegate.Role.HEAD, 8),
    ]:
        DelegateFactory(delegation=indonesia, name=name, role=role, order=order)
    DelegateFactory(delegation=indonesia, name="Quiet Person", may_be_listed=False, order=4)
    DelegateFactory.create_batch(2, delegation=thailand, may_be_listed=False)
    iom = OrganisationFactory(short_name="IOM", acronym="IOM")
    DelegationFactory(meeting=meeting, participant=iom, reported_head_count=3)
    return meeting


def _text(client, meeting, fmt: str, version: str = "circulation") -> str:
    address = f"/meetings/{meeting.slug}/participants/{version}"
    response = client.get(f"{address}/" if fmt == "page" else f"{address}.{fmt}")
    assert response.status_code == 200
    return flat(text_of(response.content, fmt))


# --- The title block --------------------------------------------------------------------


def test_title_block_names_co_chairs_and_hosts_in_their_order():
    meeting = MeetingFactory()
    indonesia, australia, thailand = (
        ParticipantFactory(short_name=name) for name in ("Indonesia", "Australia", "Thailand")
    )
    MeetingRoleFactory(meeting=meeting, participant=thailand, role="co_host", order=0)
    MeetingRoleFactory(meeting=meeting, participant=australia, role="co_chair", order=1)
    MeetingRoleFactory(meeting=meeting, participant=indonesia, role="host", order=5)
    MeetingRoleFactory(
        meeting=meeting,
        participant=indonesia,
        role="co_chair",
        order=0,
        represented_by="Foreign Minister",
    )

    assert participant_list_people(meeting) == [
        "Co-chairs: Indonesia (Foreign Minister) and Australia",
        "Hosts: Indonesia and Thailand (co-host)",
    ]


def test_title_block_says_one_co_chair_or_host_in_the_singular():
    meeting = MeetingFactory()
    MeetingRoleFactory(meeting=meeting, role="host", participant__short_name="Fiji")

    assert participant_list_people(meeting) == ["Host: Fiji"]


@pytest.mark.parametrize("fmt", DOCUMENTS)
@pytest.mark.parametrize("version", ["public", "circulation", "restricted"])
def test_every_document_names_co_chairs_and_hosts(editor_client, meeting, version, fmt):
    text = _text(editor_client, meeting, fmt, version)

    assert CO_CHAIRS in text
    assert HOSTS in text
    # In the title block: before the attendance paragraphs.
    attendance = "The meeting was attended by Indonesia and Thailand."
    assert text.index(CO_CHAIRS) < text.index(HOSTS) < text.index(attendance)
    assert "Co-organiser" not in text


@pytest.mark.parametrize("fmt", DOCUMENTS)
def test_a_record_without_co_chairs_or_hosts_says_nothing_of_them(member_client, fmt):
    meeting = MeetingFactory(custom_title="A meeting of no one in particular")
    member_delegation(meeting, short_name="Fiji")

    text = _text(member_client, meeting, fmt)

    assert "Co-chair" not in text
    assert "Host" not in text


# --- The order of the delegates ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["page", *FORMATS])
@pytest.mark.parametrize("version", ["circulation", "restricted"])
def test_every_format_lists_delegates_in_the_order_their_delegation_sent(
    editor_client, meeting, version, fmt
):
    text = _text(editor_client, meeting, fmt, version)

    places = [text.index(name) for name in SENT_ORDER]
    assert places == sorted(places)
    assert ("Quiet Person" in text) == (version == "restricted")
    if version == "restricted":
        assert places[4] < text.index("Quiet Person") < places[5]


@pytest.mark.parametrize("version", ["circulation", "restricted"])
def test_tables_keep_the_order_in_their_name_column(editor_user, meeting, version):
    from meetings.exporters import render_participant_list_csv, render_participant_list_xlsx

    list_ = participant_list(meeting=meeting, user=editor_user, version=version)
    csv = csv_rows(render_participant_list_csv(list_))
    xlsx = xlsx_rows(render_participant_list_xlsx(list_))

    for rows in (csv, xlsx):
        header = next(number for number, row in enumerate(rows) if "Name" in row)
        name = rows[header].index("Name")
        names = [
            row[name]
            for row in rows[header + 1 :]
            if row[name] and "Delegate Person" not in row[name]
        ]
        expected = [*SENT_ORDER[:5], "Quiet Person", *SENT_ORDER[5:]]
        assert names == (expected if version == "restricted" else SENT_ORDER)


# --- The notes --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["page", *FORMATS])
def test_every_format_prints_the_notes_of_the_page(member_client, meeting, fmt):
    meeting.attendance = Meeting.Attendance.PARTIAL
    meeting.save()

    text = _text(member_client, meeting, fmt)

    assert "And 1 more delegate who asked not to be listed." in text
    assert "2 delegates, not listed by name." in text
    assert "Names not recorded." in text
    assert PARTIAL_ATTENDANCE_NOTE in text
    assert "Quiet Person" not in text


@pytest.mark.parametrize("fmt", DOCUMENTS)
def test_a_partial_record_with_a_reported_total_still_says_it_is_partial(member_client, fmt):
    meeting = MeetingFactory(
        attendance=Meeting.Attendance.PARTIAL, reported_delegate_total=139, summary=""
    )
    member_delegation(meeting, short_name="Fiji")

    text = _text(member_client, meeting, fmt)

    assert "The meeting was attended by 139 delegates." in text
    assert PARTIAL_ATTENDANCE_NOTE in text
    assert "Among those who attended, the record names Fiji." in text


@pytest.mark.parametrize("fmt", ["page", *FORMATS])
def test_the_public_version_has_no_notes_of_names(client, meeting, fmt):
    text = _text(client, meeting, fmt, "public")

    assert "asked not to be listed" not in text
    assert "Names not recorded." not in text


# --- One definition of a row -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "headers", "labels"),
    [
        ("public", [], []),
        (
            "circulation",
            ["Honorific", "Name", "Role", "Position", "Agency"],
            ["Name", "Role", "Position", "Agency"],
        ),
        (
            "restricted",
            ["Honorific", "Name", "Role", "Position", "Agency", "Email", "Phone", "Listed"],
            ["Name", "Role", "Position", "Agency", "Email", "Telephone", "Listed"],
        ),
    ],
)
def test_each_format_shows_the_columns_the_row_definition_gives_its_version(
    editor_client, editor_user, meeting, version, headers, labels
):
    list_ = participant_list(meeting=meeting, user=editor_user, version=version)
    page = editor_client.get(f"/meetings/{meeting.slug}/participants/{version}/").text
    csv_header = csv_rows(
        editor_client.get(f"/meetings/{meeting.slug}/participants/{version}.csv").content
    )[0]

    assert [column.header for column in list_.columns] == headers
    assert [column.label for column in list_.document_columns] == labels
    assert [header for header in csv_header if header in {c.header for c in DELEGATE_COLUMNS}] == (
        headers
    )
    if labels:
        head = "".join(f'<th scope="col">{label}</th>' for label in labels)
        assert f"<tr>{head}</tr>" in page
