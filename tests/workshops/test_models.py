"""Groups, their composition, workshops' themes and outcomes with their history: the rules
the models and the database enforce."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from baliprocess.lib.dates import DatePrecision
from meetings.models import Meeting
from tests.factories import (
    GroupFactory,
    GroupMembershipFactory,
    GroupRoleFactory,
    MeetingFactory,
    OutcomeFactory,
    OutcomeLinkFactory,
    OutcomeStatusFactory,
    ParticipantFactory,
    TermOfReferenceFactory,
    ThemeFactory,
    WorkshopFactory,
)
from workshops.models import (
    Group,
    GroupMembership,
    Outcome,
    OutcomeLink,
    OutcomeStatus,
    Workshop,
)

pytestmark = pytest.mark.django_db

FIFTH_SOM = datetime.date(2013, 4, 1)


# --- Groups ------------------------------------------------------------------------


def test_group_known_to_the_year_is_labelled_by_year():
    aheg = GroupFactory(
        established_on=datetime.date(2002, 2, 27),
        established_precision=DatePrecision.YEAR,
        discontinued_on=datetime.date(2004, 6, 8),
        discontinued_precision=DatePrecision.YEAR,
    )

    assert aheg.established_on == datetime.date(2002, 1, 1)
    assert aheg.period_label == "2002 – 2004"
    assert aheg.is_active is False


def test_group_discontinued_before_established_is_refused():
    group = GroupFactory.build(
        established_on=datetime.date(2009, 4, 14), discontinued_on=datetime.date(2004, 1, 1)
    )

    with pytest.raises(ValidationError) as error:
        group.full_clean()

    assert error.value.message_dict["discontinued_on"] == [
        "A group cannot end before it was established."
    ]


def test_group_discontinued_before_established_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Group.objects.create(
            name="Backwards",
            short_name="B",
            slug="b",
            kind=Group.Kind.OTHER,
            established_on=datetime.date(2009, 4, 14),
            discontinued_on=datetime.date(2004, 1, 1),
        )


def test_group_cannot_be_under_its_own_purview_even_through_another():
    ahg = GroupFactory(short_name="AHG")
    working_group = GroupFactory(short_name="WG", parent=ahg)
    ahg.parent = working_group

    with pytest.raises(ValidationError) as error:
        ahg.full_clean()

    assert error.value.message_dict["parent"] == ["A group cannot be under its own purview."]


def test_group_active_on_a_date():
    aheg = GroupFactory(
        established_on=datetime.date(2002, 1, 1), discontinued_on=datetime.date(2004, 6, 8)
    )
    ahg = GroupFactory(established_on=datetime.date(2009, 4, 14))

    assert list(Group.objects.active_on(datetime.date(2003, 1, 1))) == [aheg]
    assert list(Group.objects.active_on(FIFTH_SOM)) == [ahg]
    assert list(Group.objects.active()) == [ahg]
    assert list(Group.objects.discontinued()) == [aheg]


def test_group_composition_overlap_for_one_participant_is_refused():
    place = GroupMembershipFactory(start_date=datetime.date(2013, 1, 1))
    again = GroupMembership(
        group=place.group, participant=place.participant, start_date=datetime.date(2014, 1, 1)
    )

    with pytest.raises(ValidationError) as error:
        again.full_clean()

    assert error.value.messages == [
        f"{place.participant} is already in this group for part of this time."
    ]


def test_group_composition_may_resume_the_day_a_place_ends():
    place = GroupMembershipFactory(
        start_date=datetime.date(2009, 1, 1), end_date=datetime.date(2011, 1, 1)
    )

    later = GroupMembershipFactory(
        group=place.group, participant=place.participant, start_date=datetime.date(2011, 1, 1)
    )

    assert later.period_label == "from 1 January 2011"


def test_group_composition_covering_a_date():
    expanded = GroupMembershipFactory(
        start_date=datetime.date(2013, 1, 1), start_precision=DatePrecision.YEAR
    )
    GroupMembershipFactory(group=expanded.group, end_date=datetime.date(2012, 1, 1))

    assert list(GroupMembership.objects.covering(FIFTH_SOM)) == [expanded]


def test_group_role_and_terms_of_reference_read_as_the_record_does():
    role = GroupRoleFactory(
        participant=ParticipantFactory(short_name="New Zealand"),
        person_name="Ms Heather Riddell",
        start_date=datetime.date(2002, 1, 1),
        start_precision=DatePrecision.YEAR,
    )
    term = TermOfReferenceFactory(label="(a)", text="to develop practical outcomes")

    assert str(role) == "Coordinator: Ms Heather Riddell (New Zealand)"
    assert role.period_label == "from 2002"
    assert str(term) == "(a) to develop practical outcomes"


# --- Workshops and themes -----------------------------------------------------------------


def test_workshop_proxy_lists_only_workshops_with_their_themes():
    workshop = WorkshopFactory(custom_title="Workshop on identity management and document fraud")
    MeetingFactory()
    theme = ThemeFactory(name="Identity and document fraud", meetings=[workshop])

    assert list(Workshop.objects.values_list("title", flat=True)) == [workshop.title]
    assert list(Meeting.objects.get(pk=workshop.pk).themes.all()) == [theme]


# --- Outcomes ---------------------------------------------------------------------------


def test_outcome_needs_a_meeting_or_a_group():
    outcome = Outcome(kind=Outcome.Kind.TASK, title="Report after a year", text="…", date=FIFTH_SOM)

    with pytest.raises(ValidationError) as error:
        outcome.full_clean()

    assert error.value.messages == ["Say which meeting or group the outcome came from."]


def test_outcome_from_a_group_alone_is_accepted():
    outcome = OutcomeFactory(source_meeting=None, source_group=GroupFactory(), date=FIFTH_SOM)

    assert outcome.source_group is not None


def test_pledge_amount_needs_its_currency():
    meeting = MeetingFactory()
    outcome = Outcome(
        kind=Outcome.Kind.PLEDGE,
        title="Japan's pledge",
        text="…",
        date=meeting.start_date,
        source_meeting=meeting,
        amount=Decimal(10000),
    )

    with pytest.raises(ValidationError) as error:
        outcome.full_clean()

    assert error.value.messages == ["An amount needs its currency, and a currency its amount."]


def test_pledge_currency_needs_an_amount_in_the_database():
    meeting = MeetingFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Outcome.objects.create(
            kind=Outcome.Kind.PLEDGE,
            title="Japan's pledge",
            text="…",
            date=meeting.start_date,
            source_meeting=meeting,
            currency="USD",
        )


def test_only_a_pledge_has_an_amount():
    meeting = MeetingFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Outcome.objects.create(
            kind=Outcome.Kind.TASK,
            title="A task with money",
            text="…",
            date=meeting.start_date,
            source_meeting=meeting,
            amount=Decimal(5),
            currency="USD",
        )


def test_pledge_with_amount_and_currency_is_labelled():
    pledge = OutcomeFactory(kind=Outcome.Kind.PLEDGE, amount=Decimal(10000), currency="USD")

    assert pledge.amount_label == "USD 10,000"
    assert OutcomeFactory().amount_label == ""


def test_pledge_currency_is_a_three_letter_code():
    meeting = MeetingFactory()
    outcome = Outcome(
        kind=Outcome.Kind.PLEDGE,
        title="New Zealand's pledge",
        text="…",
        date=meeting.start_date,
        source_meeting=meeting,
        amount=Decimal(30000),
        currency="NZ$",
    )

    with pytest.raises(ValidationError) as error:
        outcome.full_clean()

    assert error.value.message_dict["currency"] == [
        "Give the three-letter ISO 4217 code, e.g. USD."
    ]


def test_outcome_citing_a_meeting_held_after_its_date_is_refused():
    fifth_som = MeetingFactory(ordinal=5, start_date=FIFTH_SOM)
    outcome = Outcome(
        kind=Outcome.Kind.RECOMMENDATION,
        title="Establish a working group",
        text="…",
        date=datetime.date(2011, 3, 30),
        source_meeting=fifth_som,
    )

    with pytest.raises(ValidationError) as error:
        outcome.full_clean()

    assert error.value.message_dict["source_meeting"] == [
        "Fifth Senior Officials Meeting was held on 1 April 2013, after this outcome's date "
        "(30 March 2011). An outcome cannot come from a later meeting."
    ]


def test_outcome_status_citing_a_later_meeting_is_refused():
    brisbane = MeetingFactory(start_date=datetime.date(2004, 6, 7))
    outcome = OutcomeFactory(source_meeting=brisbane, date=datetime.date(2004, 6, 8))
    status = OutcomeStatus(
        outcome=outcome,
        status=OutcomeStatus.Status.ENDORSED,
        date=datetime.date(2004, 6, 8),
        meeting=MeetingFactory(ordinal=5, start_date=FIFTH_SOM),
    )

    with pytest.raises(ValidationError) as error:
        status.full_clean()

    assert error.value.message_dict["meeting"] == [
        "Fifth Senior Officials Meeting was held on 1 April 2013, after this status's date "
        "(8 June 2004). Cite a meeting held on or before it."
    ]


def test_outcome_known_to_the_month_is_stored_on_the_first():
    outcome = OutcomeFactory(
        date=datetime.date(2011, 3, 30),
        date_precision=DatePrecision.MONTH,
        source_meeting=MeetingFactory(start_date=datetime.date(2011, 3, 1)),
    )

    assert (outcome.date, outcome.date_label) == (datetime.date(2011, 3, 1), "March 2011")


def test_current_status_is_the_latest_entry_in_one_query(django_assert_num_queries):
    outcome = OutcomeFactory(date=datetime.date(2011, 3, 30))
    OutcomeStatusFactory(outcome=outcome, status=OutcomeStatus.Status.PROPOSED)
    OutcomeStatusFactory(
        outcome=outcome, status=OutcomeStatus.Status.IN_PROGRESS, date=datetime.date(2012, 1, 1)
    )
    OutcomeStatusFactory(outcome=outcome, status=OutcomeStatus.Status.ENDORSED, date=FIFTH_SOM)
    without = OutcomeFactory()

    with django_assert_num_queries(1):
        rows = {
            o.pk: (o.current_status, o.current_status_date)
            for o in Outcome.objects.with_current_status()
        }

    assert rows == {outcome.pk: ("endorsed", FIFTH_SOM), without.pk: (None, None)}


def test_outcome_link_reads_both_ways():
    link = OutcomeLinkFactory(
        from_outcome__title="Endorsement of the working group",
        to_outcome__title="Establish a working group",
    )

    assert str(link) == "Endorsement of the working group endorses Establish a working group"
    assert link.inverse_label == "endorsed by"
    assert list(link.to_outcome.links_in.all()) == [link]


def test_outcome_cannot_be_linked_to_itself():
    outcome = OutcomeFactory()

    with pytest.raises(ValidationError) as error:
        OutcomeLinkFactory(from_outcome=outcome, to_outcome=outcome)

    assert error.value.messages == ["An outcome cannot be linked to itself."]


def test_outcome_link_is_not_repeated():
    link = OutcomeLinkFactory()

    with pytest.raises(ValidationError) as error:
        OutcomeLinkFactory(
            from_outcome=link.from_outcome, relation=link.relation, to_outcome=link.to_outcome
        )

    assert error.value.messages == ["These outcomes are already linked this way."]


def test_outcome_with_status_history_cannot_be_deleted():
    status = OutcomeStatusFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        status.outcome.delete()


def test_outcome_link_relations_each_have_an_inverse():
    assert set(OutcomeLink.INVERSE_LABELS) == set(OutcomeLink.Relation)


@pytest.mark.parametrize(
    ("role", "sees_unpublished"),
    [("plain_user", False), ("member_user", False), ("editor_user", True), ("manager_user", True)],
)
def test_outcomes_visible_to_each_role(request, role, sees_unpublished):
    public = OutcomeFactory()
    of_a_group = OutcomeFactory(source_meeting=None, source_group=GroupFactory(), date=FIFTH_SOM)
    hidden = OutcomeFactory(source_meeting=MeetingFactory(is_published=False))

    visible = set(Outcome.objects.visible_to(request.getfixturevalue(role)))

    assert visible == ({public, of_a_group, hidden} if sees_unpublished else {public, of_a_group})


def test_public_outcomes_are_what_an_anonymous_visitor_sees():
    public = OutcomeFactory()
    OutcomeFactory(source_meeting=MeetingFactory(is_published=False))

    assert list(Outcome.objects.public()) == [public]
    assert list(Outcome.objects.visible_to(AnonymousUser())) == [public]
