"""Meetings, delegations, delegates and documents: titles, slugs, dates at their precision,
the database's invariants, capacity, list order and who sees what."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from baliprocess.lib.dates import (
    DatePrecision,
    format_date,
    format_range,
    normalise,
    parse_partial_date,
)
from meetings.models import (
    Delegate,
    Delegation,
    Document,
    Meeting,
    MinisterialConference,
    SeniorOfficialsMeeting,
    document_upload_to,
    ordinal_word,
)
from membership.models import MembershipPeriod
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

BRISBANE = datetime.date(2004, 6, 7)
FIFTH_SOM = datetime.date(2013, 4, 1)


# --- Dates known to the day, the month or the year --------------------------------


@pytest.mark.parametrize(
    ("precision", "stored"),
    [
        (DatePrecision.DAY, datetime.date(2003, 4, 29)),
        (DatePrecision.MONTH, datetime.date(2003, 4, 1)),
        (DatePrecision.YEAR, datetime.date(2003, 1, 1)),
    ],
)
def test_normalise_stores_the_first_day_of_what_is_known(precision, stored):
    assert normalise(datetime.date(2003, 4, 29), precision) == stored


def test_normalise_keeps_an_unknown_date_unknown():
    assert normalise(None, DatePrecision.MONTH) is None


@pytest.mark.parametrize(
    ("precision", "label"),
    [(DatePrecision.DAY, "7 June 2004"), (DatePrecision.MONTH, "June 2004"), ("year", "2004")],
)
def test_format_date_shows_only_what_is_known(precision, label):
    assert format_date(BRISBANE, precision) == label


def test_format_date_of_no_date_is_empty():
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("start", "end", "precision", "label"),
    [
        ((2004, 6, 7), (2004, 6, 8), "day", "7–8 June 2004"),
        ((2009, 4, 14), (2009, 4, 15), "day", "14–15 April 2009"),
        ((2013, 3, 18), (2013, 3, 20), "day", "18–20 March 2013"),
        ((2004, 6, 30), (2004, 7, 2), "day", "30 June – 2 July 2004"),
        ((2004, 12, 30), (2005, 1, 2), "day", "30 December 2004 – 2 January 2005"),
        ((2013, 4, 1), (2013, 4, 1), "day", "1 April 2013"),
        ((2013, 4, 1), None, "day", "1 April 2013"),
        ((2003, 4, 1), (2003, 4, 1), "month", "April 2003"),
        ((2011, 3, 1), (2011, 4, 1), "month", "March–April 2011"),
        ((2004, 11, 1), (2005, 2, 1), "month", "November 2004 – February 2005"),
        ((2002, 1, 1), (2002, 1, 1), "year", "2002"),
        ((2002, 1, 1), (2004, 1, 1), "year", "2002–2004"),
        ((2004, 6, 7), (2004, 6, 20), "month", "June 2004"),
        (None, (2004, 6, 8), "day", "8 June 2004"),
        (None, None, "day", ""),
    ],
)
def test_format_range_writes_the_short_way(start, end, precision, label):
    start = datetime.date(*start) if start else None
    end = datetime.date(*end) if end else None

    assert format_range(start, end, precision) == label


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2004", (datetime.date(2004, 1, 1), "year")),
        ("2004-06", (datetime.date(2004, 6, 1), "month")),
        (" 2004-06-07 ", (datetime.date(2004, 6, 7), "day")),
    ],
)
def test_parse_partial_date_reads_year_month_or_day(text, parsed):
    assert parse_partial_date(text) == parsed


@pytest.mark.parametrize("text", ["June 2004", "2004-13", "2004-02-30", "2004-06-07-01", ""])
def test_parse_partial_date_refuses_what_it_cannot_read(text):
    with pytest.raises(ValueError, match="is not a date written as YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_partial_date(text)


def test_meeting_known_to_the_month_is_stored_and_shown_as_the_month():
    meeting = MeetingFactory(
        kind=Meeting.Kind.MINISTERIAL_CONFERENCE,
        ordinal=2,
        start_date=datetime.date(2003, 4, 29),
        date_precision=DatePrecision.MONTH,
    )

    assert meeting.start_date == datetime.date(2003, 4, 1)
    assert meeting.dates_label == "April 2003"


def test_meeting_dates_label_of_the_third_ministerial_conference():
    meeting = MeetingFactory(
        kind=Meeting.Kind.MINISTERIAL_CONFERENCE,
        ordinal=3,
        start_date=datetime.date(2009, 4, 14),
        end_date=datetime.date(2009, 4, 15),
    )

    assert meeting.dates_label == "14–15 April 2009"


# --- Titles and slugs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "word"),
    [
        (1, "First"),
        (4, "Fourth"),
        (20, "Twentieth"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (24, "24th"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
    ],
)
def test_ordinal_word_spells_out_to_twenty_then_uses_digits(number, word):
    assert ordinal_word(number) == word


@pytest.mark.parametrize(
    ("kind", "ordinal", "title"),
    [
        (Meeting.Kind.MINISTERIAL_CONFERENCE, 4, "Fourth Bali Regional Ministerial Conference"),
        (Meeting.Kind.SENIOR_OFFICIALS_MEETING, 5, "Fifth Senior Officials Meeting"),
        (Meeting.Kind.STEERING_GROUP_MEETING, 2, "Second Steering Group Meeting"),
        (Meeting.Kind.AD_HOC_GROUP_MEETING, 1, "First Ad Hoc Group Meeting"),
    ],
)
def test_meeting_title_is_generated_from_kind_and_ordinal(kind, ordinal, title):
    meeting = MeetingFactory(kind=kind, ordinal=ordinal, city="Bali")

    assert meeting.title == title
    assert str(meeting) == title


def test_meeting_title_without_ordinal_names_place_and_year():
    meeting = MeetingFactory(city="Brisbane", country="AU", start_date=BRISBANE)

    assert meeting.title == "Senior Officials Meeting, Brisbane 2004"
    assert meeting.slug == "senior-officials-meeting-brisbane-2004"


def test_meeting_title_without_city_names_the_country():
    meeting = MeetingFactory(kind=Meeting.Kind.OTHER, city="", country="AT", start_date=BRISBANE)

    assert meeting.title == "Meeting, Austria 2004"


def test_meeting_custom_title_wins_over_the_generated_one():
    meeting = MeetingFactory(
        kind=Meeting.Kind.OTHER, custom_title="  Regional Roundtable on Irregular Movements by Sea "
    )

    assert meeting.title == "Regional Roundtable on Irregular Movements by Sea"


def test_meeting_slug_stays_when_the_title_changes():
    meeting = MeetingFactory(city="Brisbane", start_date=BRISBANE)
    slug = meeting.slug

    meeting.ordinal = 2
    meeting.full_clean()
    meeting.save()

    assert meeting.title == "Second Senior Officials Meeting"
    assert meeting.slug == slug == "senior-officials-meeting-brisbane-2004"


def test_meeting_slug_gets_a_number_when_taken():
    first = MeetingFactory(kind=Meeting.Kind.OTHER, custom_title="Side event")
    second = MeetingFactory(kind=Meeting.Kind.OTHER, custom_title="Side event")
    third = MeetingFactory(kind=Meeting.Kind.OTHER, custom_title="Side event")

    assert [first.slug, second.slug, third.slug] == ["side-event", "side-event-2", "side-event-3"]


def test_meeting_place_label_joins_what_is_known():
    meeting = MeetingFactory(venue="Westin Resort", city="Nusa Dua", country="ID")

    assert meeting.place_label == "Westin Resort, Nusa Dua, Indonesia"


def test_document_slug_is_made_from_title_and_year():
    document = DocumentFactory(title="Report to Ministers", date=datetime.date(2004, 6, 8))

    assert document.slug == "report-to-ministers-2004"


# --- Invariants in the database -------------------------------------------------------


def test_meeting_ending_before_it_starts_is_refused_by_clean():
    meeting = Meeting(
        kind=Meeting.Kind.OTHER, start_date=BRISBANE, end_date=datetime.date(2004, 6, 6)
    )

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert error.value.message_dict["end_date"] == ["The meeting cannot end before it starts."]


def test_meeting_ending_before_it_starts_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            kind=Meeting.Kind.OTHER,
            title="Backwards",
            slug="backwards",
            start_date=BRISBANE,
            end_date=datetime.date(2004, 6, 6),
        )


def test_meeting_may_end_the_day_it_starts():
    meeting = MeetingFactory(start_date=FIFTH_SOM, end_date=FIFTH_SOM)

    assert meeting.dates_label == "1 April 2013"


def test_meeting_ordinal_is_unique_per_kind():
    MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=4)

    with pytest.raises(ValidationError) as error:
        MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=4)

    assert error.value.messages == ["Another meeting of this kind already has this ordinal."]


def test_meeting_ordinal_repeats_across_kinds():
    MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=5)

    fifth_som = MeetingFactory(kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING, ordinal=5)

    assert fifth_som.title == "Fifth Senior Officials Meeting"


def test_meeting_ordinal_duplicate_is_refused_by_the_database():
    first = MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=3)

    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            kind=first.kind, ordinal=3, title="Copy", slug="copy", start_date=BRISBANE
        )


def test_delegation_is_one_per_participant_per_meeting():
    delegation = DelegationFactory()

    with pytest.raises(ValidationError) as error:
        DelegationFactory(meeting=delegation.meeting, participant=delegation.participant)

    assert error.value.messages == ["This participant already has a delegation at this meeting."]


def test_second_delegation_is_refused_by_the_database():
    delegation = DelegationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(meeting=delegation.meeting, participant=delegation.participant)


def test_delegation_has_one_head():
    head = DelegateFactory(role=Delegate.Role.HEAD)

    with pytest.raises(ValidationError) as error:
        DelegateFactory(delegation=head.delegation, role=Delegate.Role.HEAD)

    assert error.value.messages == ["This delegation already has a head of delegation."]


def test_second_head_is_refused_by_the_database():
    head = DelegateFactory(role=Delegate.Role.HEAD)

    with pytest.raises(IntegrityError), transaction.atomic():
        Delegate.objects.create(delegation=head.delegation, name="Other", role=Delegate.Role.HEAD)


def test_delegates_of_other_roles_are_many():
    head = DelegateFactory(role=Delegate.Role.HEAD)
    for _ in range(3):
        DelegateFactory(delegation=head.delegation, role=Delegate.Role.ADVISER)

    assert head.delegation.delegates.count() == 4


def test_delegate_name_is_unique_in_a_delegation_whatever_its_case():
    delegate = DelegateFactory(name="Heather Riddell")

    with pytest.raises(ValidationError) as error:
        DelegateFactory(delegation=delegate.delegation, name="HEATHER RIDDELL")

    assert error.value.messages == ["This delegation already has a delegate of this name."]


def test_delegate_display_name_puts_the_honorific_first():
    delegate = DelegateFactory(honorific="Police Major General", name="Krerckphong Pukprayura")

    assert str(delegate) == "Police Major General Krerckphong Pukprayura"


def test_document_symbol_is_unique_when_given():
    DocumentFactory(symbol="BP/SOM/2004/1")
    DocumentFactory(symbol="")
    DocumentFactory(symbol="")

    with pytest.raises(ValidationError) as error:
        DocumentFactory(symbol="BP/SOM/2004/1")

    assert error.value.messages == ["Another document already has this symbol."]


def test_meeting_with_delegations_cannot_be_deleted():
    delegation = DelegationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        delegation.meeting.delete()


# --- Capacity and list order ------------------------------------------------------------


def united_states():
    participant = ParticipantFactory(short_name="United States", country="US")
    MembershipPeriodFactory(
        participant=participant,
        status=MembershipPeriod.Status.OBSERVER,
        start_date=datetime.date(2002, 2, 1),
        end_date=FIFTH_SOM,
    )
    MembershipPeriodFactory(
        participant=participant, status=MembershipPeriod.Status.MEMBER, start_date=FIFTH_SOM
    )
    return participant


@pytest.mark.parametrize(("day", "capacity"), [(BRISBANE, "observer"), (FIFTH_SOM, "member")])
def test_capacity_is_the_status_on_the_meetings_start_date(day, capacity):
    delegation = DelegationFactory(
        meeting=MeetingFactory(start_date=day), participant=united_states()
    )

    assert Delegation.objects.with_capacity().get(pk=delegation.pk).capacity == capacity


def test_capacity_of_a_participant_without_status_is_guest():
    delegation = DelegationFactory()

    assert Delegation.objects.with_capacity().get(pk=delegation.pk).capacity == "guest"


def test_capacity_set_by_staff_wins():
    delegation = DelegationFactory(
        participant=united_states(),
        meeting=MeetingFactory(start_date=BRISBANE),
        capacity_override=Delegation.Capacity.SECRETARIAT,
    )

    annotated = Delegation.objects.with_capacity().get(pk=delegation.pk)

    assert (annotated.capacity, annotated.status_on_meeting_date) == ("secretariat", "observer")


@pytest.mark.parametrize("count", [1, 5])
def test_capacity_of_every_delegation_costs_one_query(count, django_assert_num_queries):
    meeting = MeetingFactory()
    for _ in range(count):
        DelegationFactory(meeting=meeting, participant=MembershipPeriodFactory().participant)

    with django_assert_num_queries(1):
        capacities = [d.capacity for d in meeting.delegations.with_capacity()]

    assert capacities == ["member"] * count


def test_delegations_in_list_order_members_observers_guests_states_first_by_name():
    meeting = MeetingFactory(start_date=BRISBANE)

    def delegation(participant, status=None, override=""):
        if status:
            MembershipPeriodFactory(participant=participant, status=status)
        return DelegationFactory(
            meeting=meeting, participant=participant, capacity_override=override
        )

    member, observer = MembershipPeriod.Status.MEMBER, MembershipPeriod.Status.OBSERVER
    unhcr = delegation(OrganisationFactory(short_name="UNHCR"), member)
    vietnam = delegation(ParticipantFactory(short_name="Vietnam"), member)
    afghanistan = delegation(ParticipantFactory(short_name="afghanistan"), member)
    apc = delegation(OrganisationFactory(short_name="APC"), observer)
    austria = delegation(ParticipantFactory(short_name="Austria"), observer)
    guest = delegation(ParticipantFactory(short_name="Guestland"))
    secretariat = delegation(OrganisationFactory(short_name="IOM"), override="secretariat")

    ordered = list(meeting.delegations.with_capacity().in_list_order())

    assert ordered == [afghanistan, vietnam, unhcr, austria, apc, guest, secretariat]


def test_delegates_in_list_order_head_then_alternate_then_as_sent_then_by_name():
    delegation = DelegationFactory()

    def delegate(name, role, order=None):
        return DelegateFactory(delegation=delegation, name=name, role=role, order=order)

    adviser = delegate("Aziz", Delegate.Role.ADVISER)
    zed = delegate("Zed", Delegate.Role.DELEGATE, order=2)
    bea = delegate("bea", Delegate.Role.DELEGATE)
    sent_first = delegate("Xenia", Delegate.Role.ADVISER, order=1)
    alternate = delegate("Yusuf", Delegate.Role.ALTERNATE, order=7)
    head = delegate("Wirajuda", Delegate.Role.HEAD, order=9)

    assert list(delegation.delegates.in_list_order()) == [
        head,
        alternate,
        sent_first,
        zed,
        adviser,
        bea,
    ]


# --- Named reads ---------------------------------------------------------------------


def test_per_kind_proxies_list_only_their_kind():
    ministerial = MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=3)
    som = MeetingFactory(kind=Meeting.Kind.SENIOR_OFFICIALS_MEETING)
    WorkshopFactory()

    assert list(MinisterialConference.objects.all()) == [ministerial]
    assert list(SeniorOfficialsMeeting.objects.values_list("pk", flat=True)) == [som.pk]
    assert Meeting.objects.of_kind(Meeting.Kind.WORKSHOP).count() == 1


def test_upcoming_and_past_split_on_today_and_leave_cancelled_out_of_upcoming():
    today = datetime.date(2013, 3, 19)
    roundtable = MeetingFactory(
        start_date=datetime.date(2013, 3, 18), end_date=datetime.date(2013, 3, 20)
    )
    fifth_som = MeetingFactory(start_date=FIFTH_SOM)
    MeetingFactory(start_date=datetime.date(2013, 5, 1), status=Meeting.Status.CANCELLED)
    brisbane = MeetingFactory(start_date=BRISBANE, end_date=datetime.date(2004, 6, 8))

    assert set(Meeting.objects.upcoming(today)) == {roundtable, fifth_som}
    assert list(Meeting.objects.past(today)) == [brisbane]


def test_attended_by_in_year_and_newest_first():
    participant = ParticipantFactory()
    older = DelegationFactory(participant=participant, meeting=MeetingFactory(start_date=BRISBANE))
    newer = DelegationFactory(participant=participant, meeting=MeetingFactory(start_date=FIFTH_SOM))
    MeetingFactory(start_date=FIFTH_SOM)

    attended = Meeting.objects.attended_by(participant).newest_first()

    assert list(attended) == [newer.meeting, older.meeting]
    assert list(Meeting.objects.attended_by(participant).in_year(2004)) == [older.meeting]


def test_document_is_embargoed_until_its_date():
    document = DocumentFactory(embargo_until=datetime.date(2030, 1, 1))

    assert document.is_embargoed(datetime.date(2029, 12, 31)) is True
    assert document.is_embargoed(datetime.date(2030, 1, 1)) is False
    assert DocumentFactory().is_embargoed() is False


def test_document_files_are_kept_in_a_folder_per_year():
    document = Document(date=datetime.date(2004, 6, 8))

    assert document_upload_to(document, "report.pdf") == "documents/2004/report.pdf"
    assert document_upload_to(Document(), "note.txt") == "documents/undated/note.txt"


# --- Who sees what -------------------------------------------------------------------


ROLES = ["anonymous", "plain_user", "member_user", "editor_user", "manager_user"]


@pytest.fixture
def as_user(request):
    def user(role):
        return AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)

    return user


@pytest.mark.parametrize(
    ("role", "sees_unpublished"),
    [
        ("anonymous", False),
        ("plain_user", False),
        ("member_user", False),
        ("editor_user", True),
        ("manager_user", True),
    ],
)
def test_meetings_visible_to_each_role(as_user, role, sees_unpublished):
    published = MeetingFactory()
    unpublished = MeetingFactory(is_published=False)

    visible = set(Meeting.objects.visible_to(as_user(role)))

    assert visible == ({published, unpublished} if sees_unpublished else {published})


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", {"public"}),
        ("plain_user", {"public"}),
        ("member_user", {"public", "members"}),
        ("editor_user", {"public", "members", "embargoed", "unpublished meeting's"}),
        (
            "manager_user",
            {"public", "members", "embargoed", "unpublished meeting's", "secretariat"},
        ),
    ],
)
def test_documents_visible_to_each_role(as_user, role, expected):
    documents = {
        "public": DocumentFactory(),
        "members": DocumentFactory(visibility=Document.Visibility.MEMBERS),
        "secretariat": DocumentFactory(visibility=Document.Visibility.SECRETARIAT),
        "embargoed": DocumentFactory(embargo_until=datetime.date(2999, 1, 1)),
        "unpublished meeting's": DocumentFactory(meeting=MeetingFactory(is_published=False)),
    }
    names = {document.pk: name for name, document in documents.items()}

    visible = Document.objects.visible_to(as_user(role))

    assert {names[document.pk] for document in visible} == expected


def test_document_embargo_ends_on_its_date():
    document = DocumentFactory(embargo_until=datetime.date(2030, 1, 1))

    before = Document.objects.visible_to(AnonymousUser(), today=datetime.date(2029, 12, 31))
    on_the_day = Document.objects.visible_to(AnonymousUser(), today=datetime.date(2030, 1, 1))

    assert (list(before), list(on_the_day)) == ([], [document])


def test_public_documents_are_what_an_anonymous_visitor_reads():
    public = DocumentFactory()
    DocumentFactory(visibility=Document.Visibility.MEMBERS)

    assert list(Document.objects.public()) == [public]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", set()),
        ("plain_user", set()),
        ("member_user", {"listed"}),
        ("editor_user", {"listed", "unlisted"}),
        ("manager_user", {"listed", "unlisted"}),
    ],
)
def test_delegates_listable_to_each_role(as_user, role, expected):
    listed = DelegateFactory()
    unlisted = DelegateFactory(may_be_listed=False)
    names = {listed.pk: "listed", unlisted.pk: "unlisted"}

    listable = Delegate.objects.listable_to(as_user(role))

    assert {names[delegate.pk] for delegate in listable} == expected
