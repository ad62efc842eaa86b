"""The admin of meetings of every kind, delegations, delegates and documents: the kind set
by each entry, the checks staff see, publishing rights, restricted documents and contacts,
refused deletions, history, and constant query counts."""

import datetime
import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, connections, transaction
from django.test import Client

from meetings.models import (
    AdHocGroupMeeting,
    Delegate,
    Delegation,
    Document,
    Meeting,
    MeetingRole,
    MinisterialConference,
    OtherMeeting,
    SeniorOfficialsMeeting,
    SteeringGroupMeeting,
    WorkingGroupMeeting,
)
from membership.admin import constraint_message
from membership.models import MembershipPeriod
from tests.concurrency import (
    OtherStaffMember,
    on_postgresql,
    wait_for_a_transaction_to_wait_on_a_lock,
)
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    DocumentFactory,
    MeetingFactory,
    MeetingRoleFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
)
from tests.membership.test_admin import (
    AdminForm,
    admin_url,
    change_page_query_count_test,
    errors_of,
    text_of,
)

pytestmark = pytest.mark.django_db

BRISBANE = datetime.date(2004, 6, 7)
SECRETARIAT_ONLY_REFUSED = "Only secretariat managers may make a document secretariat-only."
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def meeting_form(client, model=Meeting, meeting=None, **values):
    url = admin_url(model, "change", meeting.pk) if meeting else admin_url(model, "add")
    form = AdminForm(client, url)
    form.set(**values)
    return form


# --- One admin entry per kind ------------------------------------------------------------


PROXIES = [
    (
        MinisterialConference,
        Meeting.Kind.MINISTERIAL_CONFERENCE,
        "Bali Regional Ministerial Conference",
    ),
    (SeniorOfficialsMeeting, Meeting.Kind.SENIOR_OFFICIALS_MEETING, "Senior Officials Meeting"),
    (SteeringGroupMeeting, Meeting.Kind.STEERING_GROUP_MEETING, "Steering Group Meeting"),
    (AdHocGroupMeeting, Meeting.Kind.AD_HOC_GROUP_MEETING, "Ad Hoc Group Meeting"),
    (WorkingGroupMeeting, Meeting.Kind.WORKING_GROUP_MEETING, "Working Group Meeting"),
    (OtherMeeting, Meeting.Kind.OTHER, "Meeting"),
]


@pytest.mark.parametrize(("model", "kind", "noun"), PROXIES, ids=[p[1] for p in PROXIES])
def test_per_kind_admin_sets_the_kind_on_add(editor_client, model, kind, noun):
    form = meeting_form(editor_client, model, ordinal=4, start_date="2011-03-30", city="Bali")

    response = form.post()

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.kind, meeting.title) == (kind, f"Fourth {noun}")


def test_per_kind_admin_does_not_offer_the_kind(editor_client):
    response = editor_client.get(admin_url(MinisterialConference, "add"))

    assert '<input type="hidden" name="kind" value="ministerial_conference"' in response.text
    assert '<select name="kind"' not in response.text


def test_per_kind_admin_ignores_a_posted_kind(editor_client):
    form = meeting_form(editor_client, MinisterialConference, ordinal=3, start_date="2009-04-14")

    form.post(kind="workshop")

    assert Meeting.objects.get().kind == Meeting.Kind.MINISTERIAL_CONFERENCE


def test_per_kind_admin_lists_only_its_kind(editor_client):
    MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=3)
    MeetingFactory(kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING, ordinal=5)

    response = editor_client.get(admin_url(MinisterialConference))

    assert [str(m) for m in response.context["cl"].result_list] == [
        "Third Bali Regional Ministerial Conference"
    ]
    assert "field-kind" not in response.text


def test_per_kind_admin_does_not_open_a_meeting_of_another_kind(editor_client):
    som = MeetingFactory(kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING)

    response = editor_client.get(admin_url(MinisterialConference, "change", som.pk))
    history = editor_client.get(admin_url(MinisterialConference, "history", som.pk))

    assert response.status_code == 302
    assert history.status_code == 404


def test_all_meetings_admin_offers_every_kind(editor_client):
    form = meeting_form(editor_client, kind="other", custom_title="UN.GIFT side event")
    form.set(start_date="2008-02-14", city="Vienna", country="AT")

    response = form.post()

    assert response.status_code == 302
    assert Meeting.objects.get().title == "UN.GIFT side event"


def test_meeting_known_to_the_month_is_stored_on_the_first(editor_client):
    form = meeting_form(editor_client, MinisterialConference, ordinal=2, city="Bali")
    form.set(start_date="2003-04-29", date_precision="month")

    form.post()

    meeting = Meeting.objects.get()
    assert (meeting.start_date, meeting.dates_label) == (datetime.date(2003, 4, 1), "April 2003")


def test_meeting_ending_before_it_starts_is_refused(editor_client):
    form = meeting_form(editor_client, SeniorOfficialsMeeting, city="Brisbane")
    form.set(start_date="2004-06-08", end_date="2004-06-07")

    response = form.post()

    assert errors_of(response) == ["The meeting cannot end before it starts."]
    assert Meeting.objects.count() == 0


def test_second_meeting_with_the_same_ordinal_is_refused_naming_the_first(editor_client):
    MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=4)
    form = meeting_form(editor_client, MinisterialConference, ordinal=4, start_date="2011-03-30")

    response = form.post()

    assert errors_of(response) == [
        "The Fourth Bali Regional Ministerial Conference already has number 4: each "
        "ministerial conference has its own number."
    ]
    assert Meeting.objects.count() == 1


def test_meeting_change_keeps_its_slug_when_the_title_changes(editor_client):
    meeting = MeetingFactory(city="Brisbane", start_date=BRISBANE)
    form = meeting_form(editor_client, SeniorOfficialsMeeting, meeting, ordinal=1)

    form.post()

    meeting.refresh_from_db()
    assert (meeting.title, meeting.slug) == (
        "First Senior Officials Meeting",
        "senior-officials-meeting-brisbane-2004",
    )


def test_meeting_list_filters_upcoming_and_past(editor_client):
    MeetingFactory(custom_title="Long ago", start_date=BRISBANE)
    MeetingFactory(custom_title="Ahead", start_date=datetime.date(2999, 1, 1))

    upcoming = editor_client.get(admin_url(Meeting) + "?when=upcoming")
    past = editor_client.get(admin_url(Meeting) + "?when=past")

    assert [str(m) for m in upcoming.context["cl"].result_list] == ["Ahead"]
    assert [str(m) for m in past.context["cl"].result_list] == ["Long ago"]


@pytest.mark.parametrize(
    ("model", "query"),
    [
        (Meeting, "?when=someday"),
        (Meeting, "?start_date__year=abc"),
        (Meeting, "?start_date__year=2004&start_date__month=13"),
        (Delegation, "?capacity=emperor"),
        (Document, "?visibility=secretariat&embargo=forever"),
        (Document, "?date__year=20x4"),
    ],
)
def test_meeting_lists_answer_bad_query_strings_without_an_error(editor_client, model, query):
    DocumentFactory(meeting=DelegationFactory().meeting)

    response = editor_client.get(admin_url(model) + query)

    assert response.status_code in (200, 302)


# --- Roles and delegations at a meeting ----------------------------------------------------


def test_meeting_added_with_co_chairs_and_a_delegation(editor_client):
    indonesia = ParticipantFactory(short_name="Indonesia")
    australia = ParticipantFactory(short_name="Australia")
    form = meeting_form(editor_client, SeniorOfficialsMeeting, start_date=BRISBANE, city="Brisbane")
    form.add_row("roles", participant=indonesia.pk, role="co_chair", order=1)
    form.add_row("roles", participant=australia.pk, role="co_chair", order=2)
    form.add_row("delegations", participant=indonesia.pk, reported_head_count=4)

    response = form.post()

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert [str(role) for role in meeting.roles.all()] == [
        "Indonesia (co-chair)",
        "Australia (co-chair)",
    ]
    assert [(d.participant, d.reported_head_count) for d in meeting.delegations.all()] == [
        (indonesia, 4)
    ]


def test_same_participant_twice_in_one_save_is_refused(editor_client):
    fiji = ParticipantFactory(short_name="Fiji")
    meeting = MeetingFactory()
    form = meeting_form(editor_client, SeniorOfficialsMeeting, meeting)
    form.add_row("delegations", participant=fiji.pk)
    form.add_row("delegations", participant=fiji.pk)

    response = form.post()

    assert errors_of(response) == [
        "Fiji is on another row already: a participant has one delegation per meeting."
    ]
    assert Delegation.objects.count() == 0


def test_second_delegation_of_a_participant_is_refused(editor_client):
    delegation = DelegationFactory(participant=ParticipantFactory(short_name="Fiji"))
    form = AdminForm(editor_client, admin_url(Delegation, "add"))
    form.set(meeting=delegation.meeting.pk, participant=delegation.participant.pk)

    response = form.post()

    assert errors_of(response) == ["This participant already has a delegation at this meeting."]
    assert Delegation.objects.count() == 1


def test_same_role_twice_at_a_meeting_is_refused(editor_client):
    role = MeetingRoleFactory()
    form = meeting_form(editor_client, SeniorOfficialsMeeting, role.meeting)
    form.add_row("roles", participant=role.participant.pk, role=role.role, order=9)

    response = form.post()

    assert errors_of(response) == ["This participant already has this role at this meeting."]
    assert MeetingRole.objects.count() == 1


def test_delegations_show_their_capacity(editor_client):
    meeting = MeetingFactory(start_date=BRISBANE)
    observer = MembershipPeriodFactory(status=MembershipPeriod.Status.OBSERVER).participant
    DelegationFactory(meeting=meeting, participant=observer)
    DelegationFactory(meeting=meeting, capacity_override=Delegation.Capacity.SECRETARIAT)

    response = editor_client.get(admin_url(Delegation))
    meeting_page = editor_client.get(admin_url(SeniorOfficialsMeeting, "change", meeting.pk))

    assert '<td class="field-capacity">Observer</td>' in response.text
    assert '<td class="field-capacity">Secretariat (set by staff)</td>' in response.text
    assert "Secretariat (set by staff)" in meeting_page.text


def test_delegation_change_link_leads_to_its_delegates(editor_client):
    delegation = DelegationFactory()

    response = editor_client.get(admin_url(SeniorOfficialsMeeting, "change", delegation.meeting.pk))

    assert admin_url(Delegation, "change", delegation.pk) in response.text


# --- Delegates ---------------------------------------------------------------------------


def delegation_form(client, delegation):
    return AdminForm(client, admin_url(Delegation, "change", delegation.pk))


def test_delegates_added_to_a_delegation(editor_client):
    delegation = DelegationFactory()
    form = delegation_form(editor_client, delegation)
    form.add_row("delegates", honorific="H.E.", name="Hassan Wirajuda", role="head")
    form.add_row("delegates", name="Adviser One", role="adviser", may_be_listed=True)

    response = form.post()

    assert response.status_code == 302
    assert [str(d) for d in delegation.delegates.in_list_order()] == [
        "H.E. Hassan Wirajuda",
        "Adviser One",
    ]


def test_two_heads_in_one_save_are_refused(editor_client):
    delegation = DelegationFactory()
    form = delegation_form(editor_client, delegation)
    form.add_row("delegates", name="Ms First", role="head")
    form.add_row("delegates", name="Mr Second", role="head")

    response = form.post()

    assert errors_of(response) == [
        "Ms First is already the head of this delegation, which has one head. "
        "Make one of them alternate head."
    ]
    assert Delegate.objects.count() == 0


def test_second_head_of_a_delegation_is_refused(editor_client):
    head = DelegateFactory(role=Delegate.Role.HEAD)
    form = AdminForm(editor_client, admin_url(Delegate, "add"))
    form.set(delegation=head.delegation.pk, name="Mr Second", role="head")

    response = form.post()

    assert errors_of(response) == ["This delegation already has a head of delegation."]
    assert Delegate.objects.count() == 1


def test_second_head_added_next_to_the_head_on_record_is_refused(editor_client):
    head = DelegateFactory(role=Delegate.Role.HEAD, honorific="Ms", name="First")
    form = delegation_form(editor_client, head.delegation)
    form.add_row("delegates", name="Mr Second", role="head")

    response = form.post()

    assert errors_of(response) == [
        "Ms First is already the head of this delegation, which has one head. "
        "Make one of them alternate head."
    ]


def test_headship_handed_over_in_one_save(editor_client):
    old_head = DelegateFactory(role=Delegate.Role.HEAD, name="Old Head")
    alternate = DelegateFactory(
        delegation=old_head.delegation, role=Delegate.Role.ALTERNATE, name="Alternate"
    )
    form = delegation_form(editor_client, old_head.delegation)
    rows = {form[f"delegates-{i}-name"]: i for i in range(2)}
    form.set(**{f"delegates-{rows['Alternate']}-role": "head"})
    form.set(**{f"delegates-{rows['Old Head']}-role": "alternate"})

    response = form.post()

    assert response.status_code == 302
    old_head.refresh_from_db()
    alternate.refresh_from_db()
    assert (old_head.role, alternate.role) == ("alternate", "head")
    assert old_head.history.first().role == "alternate"


def test_head_removed_and_new_head_added_in_one_save(manager_client):
    old_head = DelegateFactory(role=Delegate.Role.HEAD, name="Old Head")
    form = delegation_form(manager_client, old_head.delegation)
    form.set(**{"delegates-0-DELETE": True})
    form.add_row("delegates", name="New Head", role="head")

    response = form.post()

    assert response.status_code == 302
    assert [(d.name, d.role) for d in Delegate.objects.all()] == [("New Head", "head")]


def test_delegate_named_twice_in_a_delegation_is_refused(editor_client):
    delegate = DelegateFactory(name="Heather Riddell")
    form = delegation_form(editor_client, delegate.delegation)
    form.add_row("delegates", name="heather riddell", role="delegate")

    response = form.post()

    assert errors_of(response) == ["“heather riddell” is already in this delegation."]
    assert Delegate.objects.count() == 1


@pytest.fixture
def staff_without_contacts(client, role_groups):
    """Staff who may edit delegates but not see their contact details."""
    user = get_user_model().objects.create_user(
        username="clerk", password="a-long-test-password", is_staff=True
    )
    codenames = ["view_delegate", "change_delegate", "view_delegation", "change_delegation"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def test_delegate_contacts_are_hidden_from_staff_without_the_right(staff_without_contacts):
    delegate = DelegateFactory(email="riddell@example.org", phone="+64 4 000 0000")

    change = staff_without_contacts.get(admin_url(Delegate, "change", delegate.pk))
    changelist = staff_without_contacts.get(admin_url(Delegate))
    delegation = staff_without_contacts.get(admin_url(Delegation, "change", delegate.delegation.pk))

    for response in (change, changelist, delegation):
        assert response.status_code == 200
        assert "riddell@example.org" not in response.text
        assert "+64 4 000 0000" not in response.text


def test_delegate_contacts_are_kept_when_staff_without_the_right_save(staff_without_contacts):
    delegate = DelegateFactory(email="riddell@example.org", position="Director")
    form = AdminForm(staff_without_contacts, admin_url(Delegate, "change", delegate.pk))
    form.set(position="Deputy Secretary")

    form.post()

    delegate.refresh_from_db()
    assert (delegate.position, delegate.email) == ("Deputy Secretary", "riddell@example.org")


def test_delegate_contact_changes_are_hidden_from_their_history(staff_without_contacts):
    delegate = DelegateFactory(email="old@example.org")
    delegate.email = "new@example.org"
    delegate.position = "Minister"
    delegate.save()

    response = staff_without_contacts.get(admin_url(Delegate, "history", delegate.pk))

    assert "<strong>Position:</strong>" in response.text
    assert "new@example.org" not in response.text


def test_delegation_history_hides_delegates_contacts_from_staff_without_the_right(
    staff_without_contacts, editor_user
):
    delegate = DelegateFactory(email="old@example.org")
    delegate.email = "new@example.org"
    delegate.position = "Minister"
    delegate.save()
    url = admin_url(Delegation, "history", delegate.delegation.pk)
    editor_client = Client()
    editor_client.force_login(editor_user)

    hidden = staff_without_contacts.get(url)
    shown = editor_client.get(url)

    assert "<strong>Position:</strong> Director → Minister" in hidden.text
    assert "new@example.org" not in hidden.text
    assert "<strong>Email:</strong> old@example.org → new@example.org" in shown.text


def test_delegate_contacts_are_shown_to_editors(editor_client):
    DelegateFactory(email="riddell@example.org")

    response = editor_client.get(admin_url(Delegate))

    assert "riddell@example.org" in response.text


# --- Publishing --------------------------------------------------------------------------


def test_editor_sees_publishing_but_cannot_change_it(editor_client):
    meeting = MeetingFactory(is_published=False)
    form = meeting_form(editor_client, SeniorOfficialsMeeting, meeting)

    response = form.post(is_published="on")

    meeting.refresh_from_db()
    assert "is_published" not in form.data
    assert response.status_code == 302
    assert meeting.is_published is False


def test_editor_is_not_offered_the_publishing_actions(editor_client):
    meeting = MeetingFactory(is_published=False)

    page = editor_client.get(admin_url(Meeting))
    response = editor_client.post(
        admin_url(Meeting), {"action": "publish", "_selected_action": [meeting.pk], "index": 0}
    )

    meeting.refresh_from_db()
    assert 'value="publish"' not in page.text
    assert response.status_code == 200
    assert meeting.is_published is False


def test_manager_publishes_through_the_form(manager_client, manager_user):
    meeting = MeetingFactory(is_published=False)
    form = meeting_form(manager_client, SeniorOfficialsMeeting, meeting, is_published=True)

    form.post()

    meeting.refresh_from_db()
    assert meeting.is_published is True
    assert meeting.history.first().history_user == manager_user


def test_manager_publishes_and_withdraws_with_the_actions(manager_client, manager_user):
    first = MeetingFactory(is_published=False, custom_title="First")
    second = MeetingFactory(is_published=True, custom_title="Second")
    selected = [first.pk, second.pk]

    published = manager_client.post(
        admin_url(Meeting),
        {"action": "publish", "_selected_action": selected, "index": 0},
        follow=True,
    )
    after_publish = set(Meeting.objects.values_list("is_published", flat=True))
    manager_client.post(
        admin_url(Meeting), {"action": "unpublish", "_selected_action": selected, "index": 0}
    )

    assert after_publish == {True}
    assert "Published: First." in published.text
    assert "1 of the selected meetings were already published." in published.text
    assert set(Meeting.objects.values_list("is_published", flat=True)) == {False}
    assert first.history.first().history_user == manager_user


# --- Documents, and the ones only managers see -------------------------------------------


@pytest.fixture
def secretariat_document():
    return DocumentFactory(
        title="Confidential law-enforcement information",
        visibility=Document.Visibility.SECRETARIAT,
    )


def test_editor_does_not_see_secretariat_documents_in_the_list(editor_client, secretariat_document):
    DocumentFactory(title="Report to Ministers")

    response = editor_client.get(admin_url(Document))

    assert [str(d) for d in response.context["cl"].result_list] == ["Report to Ministers"]
    assert "Secretariat only" not in response.text


def test_manager_sees_secretariat_documents(manager_client, secretariat_document):
    response = manager_client.get(admin_url(Document) + "?visibility=secretariat")

    assert [str(d) for d in response.context["cl"].result_list] == [str(secretariat_document)]


def test_editor_is_refused_a_secretariat_document_by_its_address(
    editor_client, secretariat_document
):
    url = admin_url(Document, "change", secretariat_document.pk)

    page = editor_client.get(url, follow=True)
    posted = editor_client.post(url, {"title": "Leaked", "visibility": "public"})
    history = editor_client.get(admin_url(Document, "history", secretariat_document.pk))
    version = secretariat_document.history.get()
    old_version = editor_client.get(
        f"/admin/meetings/document/{secretariat_document.pk}/history/{version.pk}/"
    )

    secretariat_document.refresh_from_db()
    assert page.redirect_chain[0][1] == 302
    assert "Confidential law-enforcement information" not in page.text
    assert "doesn’t exist" in page.text
    assert posted.status_code == 302
    assert (secretariat_document.title, secretariat_document.visibility) == (
        "Confidential law-enforcement information",
        "secretariat",
    )
    assert (history.status_code, old_version.status_code) == (404, 404)


def test_editor_is_not_offered_secretariat_only(editor_client):
    response = editor_client.get(admin_url(Document, "add"))

    assert '<option value="members" selected>Members only</option>' in response.text
    assert 'value="secretariat"' not in response.text


def test_editor_cannot_make_a_document_secretariat_only(editor_client):
    form = AdminForm(editor_client, admin_url(Document, "add"))
    form.set(kind="report", title="Operational notes", date="2004-06-08")

    response = form.post(visibility="secretariat")

    assert errors_of(response) == [SECRETARIAT_ONLY_REFUSED]
    assert Document.objects.count() == 0


def test_editor_cannot_make_a_meetings_document_secretariat_only_inline(editor_client):
    meeting = MeetingFactory()
    form = meeting_form(editor_client, SeniorOfficialsMeeting, meeting)
    form.add_row(
        "documents",
        title="Operational notes",
        kind="paper",
        date=BRISBANE,
        date_precision="day",
        visibility="secretariat",
    )

    response = form.post()

    assert errors_of(response) == [SECRETARIAT_ONLY_REFUSED]
    assert Document.objects.count() == 0


def test_meeting_page_lists_only_the_documents_the_editor_may_see(
    editor_client, secretariat_document
):
    DocumentFactory(meeting=secretariat_document.meeting, title="Report to Ministers")

    response = editor_client.get(
        admin_url(SeniorOfficialsMeeting, "change", secretariat_document.meeting.pk)
    )

    assert "Report to Ministers" in response.text
    assert "Confidential law-enforcement information" not in response.text


def test_manager_makes_a_document_secretariat_only(manager_client):
    form = AdminForm(manager_client, admin_url(Document, "add"))
    form.set(kind="report", title="Operational notes", date="2004-06-08")

    form.post(visibility="secretariat")

    assert Document.objects.get().visibility == Document.Visibility.SECRETARIAT


def test_public_document_embargoed_until_a_past_date_is_refused(editor_client):
    form = AdminForm(editor_client, admin_url(Document, "add"))
    form.set(kind="media_release", title="Media release", date="2011-03-30")
    form.set(visibility="public", embargo_until="2011-03-29")

    response = form.post()

    assert errors_of(response) == [
        "29 March 2011 is in the past: an embargo keeps a public document back until a "
        "future date. Leave it empty to make the document public now."
    ]
    assert Document.objects.count() == 0


def test_public_document_embargoed_until_a_future_date_is_accepted(editor_client):
    form = AdminForm(editor_client, admin_url(Document, "add"))
    form.set(kind="media_release", title="Media release", date="2011-03-30")
    form.set(visibility="public", embargo_until="2999-01-01")

    form.post()

    assert Document.objects.get().embargo_until == datetime.date(2999, 1, 1)


def test_past_embargo_left_unchanged_does_not_block_other_changes(editor_client):
    document = DocumentFactory(embargo_until=datetime.date(2011, 3, 31), title="Old title")
    form = AdminForm(editor_client, admin_url(Document, "change", document.pk))
    form.set(title="New title")

    response = form.post()

    document.refresh_from_db()
    assert response.status_code == 302
    assert document.title == "New title"


def test_document_uploaded_with_its_file(editor_client):
    form = AdminForm(editor_client, admin_url(Document, "add"))
    form.set(kind="report", title="Report to Ministers", date="2004-06-08", visibility="public")
    form.set(file=SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf"))

    response = form.post()

    document = Document.objects.get()
    assert response.status_code == 302
    assert document.file.name.startswith("documents/2004/report")
    with document.file.open("rb") as stored:
        assert stored.read() == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "report.pdf",
            b"Just some text pretending to be a PDF.",
            "“report.pdf” is not a PDF file: its content does not match its name. "
            "Attach the document itself, saved in its own format.",
        ),
        (
            "list.xlsx",
            b"name,country\n",
            "“list.xlsx” is not a XLSX file: its content does not match its name. "
            "Attach the document itself, saved in its own format.",
        ),
        ("notes.txt", b"\x00\x01binary", "“notes.txt” is not a text file: it holds binary data."),
        (
            "virus.exe",
            b"MZ\x90\x00",
            "File extension “exe” is not allowed. Allowed extensions are: pdf, doc, docx, xls, "
            "xlsx, ppt, pptx, odt, txt, rtf, csv.",
        ),
    ],
)
def test_document_file_that_is_not_what_it_claims_is_refused(editor_client, name, content, message):
    form = AdminForm(editor_client, admin_url(Document, "add"))
    form.set(kind="report", title="Report", date="2004-06-08")
    form.set(file=SimpleUploadedFile(name, content))

    response = form.post()

    assert errors_of(response) == [message]
    assert Document.objects.count() == 0


def test_document_file_over_the_size_limit_is_refused(editor_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1024
    form = AdminForm(editor_client, admin_url(Document, "add"))
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)
    form.set(kind="report", title="Report", date="2004-06-08", file=big)

    response = form.post()

    assert errors_of(response) == [
        "“big.pdf” is 2.1\xa0KB; the largest file a document can have is 1.0\xa0KB."
    ]


def test_document_filter_offers_editors_no_secretariat_level(editor_client):
    response = editor_client.get(admin_url(Document))

    assert "?visibility=members" in response.text
    assert "?visibility=secretariat" not in response.text


# --- Refused deletions --------------------------------------------------------------------


def test_deleting_a_meeting_with_a_record_is_refused_naming_it(manager_client):
    delegation = DelegationFactory(participant=ParticipantFactory(short_name="Fiji"))
    document = DocumentFactory(meeting=delegation.meeting, title="Report to Ministers")
    url = admin_url(SeniorOfficialsMeeting, "delete", delegation.meeting.pk)

    page = manager_client.get(url)
    response = manager_client.post(url, {"post": "yes"})

    for answer in (page, response):
        assert "Cannot delete senior officials meeting" in answer.text
        assert f"Delegation: {delegation}" in text_of(answer)
        assert f"Document: {document}" in text_of(answer)
    assert Meeting.objects.filter(pk=delegation.meeting.pk).exists()


def test_bulk_deleting_meetings_with_a_record_is_refused(manager_client):
    delegation = DelegationFactory()
    empty = MeetingFactory()

    response = manager_client.post(
        admin_url(Meeting),
        {
            "action": "delete_selected",
            "_selected_action": [delegation.meeting.pk, empty.pk],
            "post": "yes",
        },
    )

    assert "would require deleting the following protected related objects" in response.text
    assert f"Delegation: {delegation}" in text_of(response)
    assert Meeting.objects.count() == 2


def test_deleting_a_meeting_without_a_record_is_recorded(manager_client, manager_user):
    meeting = MeetingFactory()

    manager_client.post(admin_url(SeniorOfficialsMeeting, "delete", meeting.pk), {"post": "yes"})

    assert Meeting.objects.count() == 0
    deletion = Meeting.history.first()
    assert (deletion.history_type, deletion.history_user) == ("-", manager_user)


def test_bulk_deletion_of_meetings_is_recorded(manager_client, manager_user):
    meetings = [MeetingFactory(), MeetingFactory()]

    manager_client.post(
        admin_url(SeniorOfficialsMeeting),
        {"action": "delete_selected", "_selected_action": [m.pk for m in meetings], "post": "yes"},
    )

    deletions = Meeting.history.filter(history_type="-")
    assert Meeting.objects.count() == 0
    assert [d.history_user for d in deletions] == [manager_user, manager_user]


def test_removing_a_delegation_with_delegates_from_the_meeting_is_refused(manager_client):
    delegate = DelegateFactory()
    form = meeting_form(manager_client, SeniorOfficialsMeeting, delegate.delegation.meeting)
    form.set(**{"delegations-0-DELETE": True})

    response = form.post()

    assert errors_of(response) == [
        f"Deleting delegation {delegate.delegation} would require deleting the following "
        f"protected related objects: delegate {delegate}"
    ]
    assert Delegation.objects.count() == 1


# --- History of meetings entered through a per-kind entry --------------------------------------


def test_change_through_a_per_kind_entry_is_recorded(editor_client, editor_user):
    meeting = MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=4, city="Bali")
    form = meeting_form(editor_client, MinisterialConference, meeting, city="Nusa Dua")

    form.post()
    response = editor_client.get(admin_url(MinisterialConference, "history", meeting.pk))

    latest = meeting.history.first()
    assert (latest.city, latest.history_user) == ("Nusa Dua", editor_user)
    assert "<strong>City:</strong> Bali → Nusa Dua" in response.text


def test_meeting_added_through_a_per_kind_entry_is_recorded(editor_client, editor_user):
    form = meeting_form(editor_client, OtherMeeting, start_date="2008-02-14", city="Vienna")

    form.post()

    creation = Meeting.history.get()
    assert (creation.history_type, creation.history_user) == ("+", editor_user)


# --- Database refusals as messages ---------------------------------------------------------------


def test_constraint_message_names_a_partial_unique_index_violation():
    head = DelegateFactory(role=Delegate.Role.HEAD)

    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Delegate.objects.create(delegation=head.delegation, name="Second", role="head")

    assert constraint_message(error.value) == "This delegation already has a head of delegation."


def test_constraint_message_names_a_plain_unique_violation():
    delegation = DelegationFactory()

    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Delegation.objects.create(meeting=delegation.meeting, participant=delegation.participant)

    assert constraint_message(error.value) == (
        "This participant already has a delegation at this meeting."
    )


def test_constraint_message_names_a_check_violation():
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Meeting.objects.create(
            kind="other",
            title="Backwards",
            slug="backwards",
            start_date=BRISBANE,
            end_date=datetime.date(2004, 6, 1),
        )

    assert constraint_message(error.value) == "The meeting cannot end before it starts."


def test_constraint_message_falls_back_to_a_plain_explanation():
    assert constraint_message(IntegrityError("something else")) == (
        "it conflicts with a record someone else saved at the same time. "
        "Reload the page to see the record as it is now, and try again."
    )


# --- Query counts of the lists -----------------------------------------------------------------


def build_meetings(count, kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING):
    for _ in range(count):
        meeting = MeetingFactory(kind=kind, country="ID")
        MeetingRoleFactory(meeting=meeting)
        delegation = DelegationFactory(meeting=meeting)
        DelegateFactory(delegation=delegation)
        DocumentFactory(meeting=meeting)
        DocumentFactory(meeting=meeting, visibility=Document.Visibility.SECRETARIAT)


def build_delegations(count):
    meeting = MeetingFactory()
    for _ in range(count):
        participant = MembershipPeriodFactory().participant
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        DelegateFactory(delegation=delegation, role="head")
        DelegateFactory(delegation=delegation)
    DelegationFactory(meeting=MeetingFactory(), participant=OrganisationFactory())


def kind_builder(kind):
    return lambda count: build_meetings(count, kind)


CHANGELISTS = [
    # (model, query string, builder, rows per item, queries)
    (Meeting, "", build_meetings, 1, 10),
    (Meeting, "?when=past&q=Senior", build_meetings, 1, 10),
    *[(model, "", kind_builder(kind), 1, 10) for model, kind, _ in PROXIES],
    (MeetingRole, "", build_meetings, 1, 7),
    (Delegation, "?capacity=member", build_delegations, 1, 7),
    (Delegate, "", build_delegations, 2, 7),
    (Document, "", build_meetings, 2, 9),
    (Document, "?visibility=public&embargo=none", build_meetings, 1, 9),
]


def changelist_query_count_test(changelists):
    """The test that each changelist in `changelists` (model, query string, builder, rows
    per item, queries) costs the same literal number of queries with 1 and 3 items."""

    @pytest.mark.parametrize("item_count", [1, 3])
    @pytest.mark.parametrize(
        ("model", "query", "build", "rows", "queries"),
        changelists,
        ids=[f"{model._meta.model_name}{query}" for model, query, *_ in changelists],
    )
    def test(
        manager_client, django_assert_num_queries, model, query, build, rows, queries, item_count
    ):
        build(item_count)

        with django_assert_num_queries(queries):
            response = manager_client.get(admin_url(model) + query)

        assert response.status_code == 200
        assert len(response.context["cl"].result_list) >= rows * item_count

    return test


test_changelist_query_count_is_constant = changelist_query_count_test(CHANGELISTS)


# --- Query counts of the change pages ----------------------------------------------------------


def build_meeting_page(count, kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING):
    """A meeting with `count` co-chairs, delegations of two delegates and documents."""
    meeting = MeetingFactory(kind=kind)
    for _ in range(count):
        participant = MembershipPeriodFactory().participant
        MeetingRoleFactory(meeting=meeting, participant=participant)
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        DelegateFactory(delegation=delegation, role="head")
        DelegateFactory(delegation=delegation)
        DocumentFactory(meeting=meeting)
        DocumentFactory(meeting=meeting, visibility=Document.Visibility.SECRETARIAT)
    return meeting


def build_delegation_page(count):
    delegation = DelegationFactory()
    DelegateFactory.create_batch(count, delegation=delegation)
    return delegation


CHANGE_PAGES = [
    # (model, builder, queries): the same literal count whatever the number of inline rows.
    # The inline of each page's citations adds its rows and its content type
    # (a proxy's too, for the proxy's own permission check).
    (Meeting, build_meeting_page, 11),
    *[
        (model, lambda count, kind=kind: build_meeting_page(count, kind), 12)
        for model, kind, _ in PROXIES
    ],
    (Delegation, build_delegation_page, 12),
]


test_change_page_query_count_is_constant = change_page_query_count_test(CHANGE_PAGES)


def selected_options(html: str, name: str) -> list[tuple[str, str]]:
    """The (value, label) of the options selected in the select named `name`."""
    select = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select {name}"
    return re.findall(r'<option value="([^"]*)" selected>([^<]*)</option>', select.group(1))


def test_inline_rows_show_the_participant_they_hold_without_asking_again(manager_client):
    meeting = MeetingFactory()
    australia = ParticipantFactory(short_name="Australia")
    DelegationFactory(meeting=meeting, participant=australia)
    MeetingRoleFactory(meeting=meeting, participant=australia)

    html = manager_client.get(admin_url(Meeting, "change", meeting.pk)).text

    assert selected_options(html, "delegations-0-participant") == [(str(australia.pk), "Australia")]
    assert selected_options(html, "roles-0-participant") == [(str(australia.pk), "Australia")]


def test_a_changed_choice_sent_back_with_errors_shows_the_new_choice(manager_client):
    meeting = MeetingFactory()
    DelegationFactory(meeting=meeting, participant=ParticipantFactory(short_name="Australia"))
    indonesia = ParticipantFactory(short_name="Indonesia")
    form = meeting_form(manager_client, meeting=meeting)
    form["delegations-0-participant"] = indonesia.pk
    form["start_date"] = "not a date"

    response = form.post()

    assert response.status_code == 200
    assert selected_options(response.text, "delegations-0-participant") == [
        (str(indonesia.pk), "Indonesia")
    ]
    assert Delegation.objects.get().participant.short_name == "Australia"


# --- Saves that collide with another staff member's ------------------------------------------


class AdminSave(threading.Thread):
    """Posts an admin form from its own thread (and so its own database connection)."""

    def __init__(self, form):
        super().__init__(daemon=True)
        self.form, self.response = form, None

    def run(self):
        try:
            self.response = self.form.post()
        finally:
            connections.close_all()


def messages_after(client, response) -> list[str]:
    assert response.status_code == 302, errors_of(response)
    return [str(message) for message in client.get(response.url).context["messages"]]


def two_new_delegations(client, meeting, *participants):
    form = meeting_form(client, meeting=meeting)
    for participant in participants:
        form.add_row("delegations", participant=participant.pk)
    return AdminSave(form)


def add_delegation(meeting, participant, *, slow_to_detect_deadlocks=False):
    def step():
        if slow_to_detect_deadlocks:
            # So the admin's save, waiting first, finds the deadlock first and is aborted.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL deadlock_timeout = '30s'")
        Delegation.objects.create(meeting=meeting, participant=participant)

    return step


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_save_refused_by_a_constraint_another_save_met_first_says_which(manager_user):
    meeting = MeetingFactory()
    australia = ParticipantFactory(short_name="Australia")
    client = Client()
    client.force_login(manager_user)
    save = two_new_delegations(client, meeting, australia)
    other = OtherStaffMember(add_delegation(meeting, australia))
    other.start()
    other.take_step()  # Australia's delegation, not committed: the form's checks pass

    save.start()
    wait_for_a_transaction_to_wait_on_a_lock()
    other.commit()
    save.join(30)

    assert messages_after(client, save.response) == [
        "Nothing was saved: This participant already has a delegation at this meeting."
    ]
    assert Delegation.objects.filter(meeting=meeting).count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_save_the_database_aborts_in_a_deadlock_is_refused_with_a_message(manager_user):
    meeting = MeetingFactory()
    australia = ParticipantFactory(short_name="Australia")
    indonesia = ParticipantFactory(short_name="Indonesia")
    client = Client()
    client.force_login(manager_user)
    save = two_new_delegations(client, meeting, australia, indonesia)
    other = OtherStaffMember(
        add_delegation(meeting, indonesia, slow_to_detect_deadlocks=True),
        add_delegation(meeting, australia),
    )
    other.start()
    other.take_step()  # Indonesia's delegation, not committed

    save.start()
    wait_for_a_transaction_to_wait_on_a_lock()  # the save added Australia's, waits on Indonesia's
    other.take_step(wait=False)  # Australia's: it waits on the save in turn
    save.join(30)
    other.finished.get(timeout=30)
    other.commit()

    assert messages_after(client, save.response) == [
        "Nothing was saved: it conflicts with a record someone else saved at the same time. "
        "Reload the page to see the record as it is now, and try again."
    ]
    assert sorted(
        Delegation.objects.filter(meeting=meeting).values_list("participant__short_name", flat=True)
    ) == ["Australia", "Indonesia"]
    assert meeting.history.count() == 1  # the admin's save left no trace
