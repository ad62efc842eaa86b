"""The loaded record, checked against what the five seed documents say."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from baliprocess.record import keys
from baliprocess.record.loader import SOURCES_DIR
from meetings.models import Delegate, Document, Meeting, MeetingRole
from membership.models import MembershipPeriod, Participant
from membership.selectors import (
    ParticipantMatcher,
    members_and_observers_on,
    participant_status_on,
)
from workshops.models import (
    Group,
    GroupMembership,
    GroupRole,
    Outcome,
    OutcomeLink,
    OutcomeStatus,
    Theme,
    Workshop,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_record")]

BRISBANE_DAY = datetime.date(2004, 6, 7)


def meeting(slug: str) -> Meeting:
    return Meeting.objects.get(slug=slug)


def group(slug: str) -> Group:
    return Group.objects.get(slug=slug)


def test_brisbane_som_has_47_countries_and_9_organisations_by_capacity():
    delegations = meeting(keys.BRISBANE_SOM).delegations.with_capacity()

    by_capacity = Counter(
        (delegation.capacity, "state" if delegation.participant.is_state else "organisation")
        for delegation in delegations.select_related("participant")
    )

    assert by_capacity == {
        ("member", "state"): 36,
        ("member", "organisation"): 2,
        ("observer", "state"): 11,
        ("observer", "organisation"): 7,
    }


def test_brisbane_som_reports_139_delegates_and_was_co_chaired_by_australia_and_indonesia():
    brisbane = meeting(keys.BRISBANE_SOM)

    roles = [
        (role.get_role_display(), role.participant.short_name)
        for role in brisbane.roles.order_by("role", "order")
    ]

    assert brisbane.reported_delegate_total == 139
    assert brisbane.title == "Senior Officials Meeting, Brisbane 2004"
    assert brisbane.dates_label == "7–8 June 2004"
    assert brisbane.place_label == "Brisbane, Australia"
    assert roles == [("Co-chair", "Australia"), ("Co-chair", "Indonesia"), ("Host", "Australia")]


def test_brisbane_som_names_three_delegates_and_no_head_of_delegation():
    delegates = Delegate.objects.filter(delegation__meeting__slug=keys.BRISBANE_SOM)

    named = sorted(
        (d.delegation.participant.short_name, d.display_name, d.role)
        for d in delegates.select_related("delegation__participant")
    )

    assert named == [
        ("Australia", "the Hon Alexander Downer MP", "delegate"),
        ("New Zealand", "Ms Heather Riddell", "delegate"),
        ("Thailand", "Police Major General Krerckphong Pukprayura", "delegate"),
    ]


def test_members_on_the_day_of_the_brisbane_som_are_the_36_states_unhcr_and_iom():
    members = members_and_observers_on(BRISBANE_DAY)["member"]

    names = [participant.short_name for participant in members]

    assert len(names) == 38
    assert names[:3] == ["Afghanistan", "Australia", "Bangladesh"]
    assert names[-2:] == ["IOM", "UNHCR"]
    assert "United States" not in names


@pytest.mark.parametrize("slug", [keys.UNITED_STATES, keys.UNODC, keys.UNITED_ARAB_EMIRATES])
def test_observer_until_the_fifth_som_then_member(slug):
    participant = Participant.objects.get(slug=slug)

    statuses = [
        participant_status_on(participant, day)
        for day in (
            BRISBANE_DAY,
            datetime.date(2013, 3, 31),
            datetime.date(2013, 4, 1),
            datetime.date(2013, 4, 2),
        )
    ]

    assert statuses == ["observer", "observer", "member", "member"]


@pytest.mark.parametrize("slug", [keys.UNITED_STATES, keys.UNODC, keys.UNITED_ARAB_EMIRATES])
def test_membership_of_2013_cites_the_fifth_som_and_its_outcomes(slug):
    period = MembershipPeriod.objects.get(participant__slug=slug, status="member")

    assert period.start_date == datetime.date(2013, 4, 1)
    assert period.start_precision == "day"
    assert period.end_date is None
    assert period.decided_at.slug == keys.FIFTH_SOM
    assert period.source_document.slug == keys.OUTCOMES_2013


def test_unodc_membership_note_names_the_steering_group_decision():
    period = MembershipPeriod.objects.get(participant__slug=keys.UNODC, status="member")

    assert "Steering Group decision" in period.note
    assert "endorsement" in period.note


def test_uae_observer_status_cites_the_2013_outcomes_as_past_observer():
    period = MembershipPeriod.objects.get(
        participant__slug=keys.UNITED_ARAB_EMIRATES, status="observer"
    )

    assert period.start_date is None
    assert period.end_date == datetime.date(2013, 4, 1)
    assert period.source_document.slug == keys.OUTCOMES_2013
    assert "past observer" in period.note


def test_statuses_not_dated_in_the_seeds_have_no_start_date():
    undated = MembershipPeriod.objects.filter(start_date__isnull=True)

    assert undated.count() == 57
    assert set(undated.values_list("source_document__slug", flat=True)) == {
        keys.REPORT_2004,
        keys.OUTCOMES_2013,
    }


def test_participants_are_59_with_codes_for_states_and_acronyms_for_organisations():
    participants = Participant.objects.all()

    kinds = Counter(participants.values_list("kind", flat=True))
    new_caledonia = Participant.objects.get(slug="france-new-caledonia")

    assert kinds == {
        "state": 47,
        "territory": 1,
        "international_organisation": 8,
        "regional_organisation": 3,
    }
    assert (new_caledonia.kind, new_caledonia.country.code) == ("territory", "NC")
    assert participants.states().filter(country="").count() == 0
    assert list(participants.organisations().filter(acronym="").values_list("slug", flat=True)) == [
        "budapest-process"
    ]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Lao PDR", "laos"),
        ("ROK", "republic-of-korea"),
        ("South Korea", "republic-of-korea"),
        ("Timor Leste", "timor-leste"),
        ("Türkiye", "turkey"),
        ("the Netherlands", "netherlands"),
        ("USA", "united-states"),
        ("United States of America", "united-states"),
        ("UAE", "united-arab-emirates"),
        ("PRC", "china"),
        ("People's Republic of China", "china"),
        ("International Labor Organization", "ilo"),
        ("UN Office on Drugs and Crime", "unodc"),
        ("International Centre for Migration Policy Development Secretariat", "icmpd"),
        ("Interpol", "interpol"),
        ("New Caledonia", "france-new-caledonia"),
    ],
)
def test_names_used_in_the_seeds_match_their_participant(name, slug):
    match = ParticipantMatcher().match(name)

    assert match.participant.slug == slug


def test_third_ministerial_conference_was_14_to_15_april_2009():
    third = meeting(keys.THIRD_MC)

    assert (third.start_date, third.end_date) == (
        datetime.date(2009, 4, 14),
        datetime.date(2009, 4, 15),
    )
    assert third.date_precision == "day"
    assert third.dates_label == "14–15 April 2009"
    assert third.title == "Third Bali Regional Ministerial Conference"


@pytest.mark.parametrize(
    ("slug", "label"),
    [
        (keys.FIRST_MC, "February 2002"),
        (keys.SECOND_MC, "April 2003"),
        (keys.FOURTH_MC, "March 2011"),
        (keys.FIFTH_MC, "2 April 2013"),
        (keys.BALI_SOM_2011, "10 March 2011"),
        (keys.FIFTH_SOM, "1 April 2013"),
        (keys.UNGIFT_SIDE_EVENT, "14 February 2008"),
        (keys.ROUNDTABLE_2013, "18–20 March 2013"),
        (keys.LEGISLATION_WORKSHOP_2002, "2002"),
        (keys.AWARENESS_WORKSHOP_2004, "2004"),
        (keys.PASSPORTS_WORKSHOP_2007, "August 2007"),
    ],
)
def test_meeting_dates_are_as_precise_as_the_seeds(slug, label):
    assert meeting(slug).dates_label == label


def test_ministerial_conferences_are_numbered_and_co_chaired_by_indonesia_then_australia():
    conferences = Meeting.objects.of_kind("ministerial_conference").order_by("ordinal")

    rows = [
        (
            conference.ordinal,
            conference.place_label,
            [
                role.participant.short_name
                for role in conference.roles.filter(role="co_chair").order_by("order")
            ],
        )
        for conference in conferences
    ]

    assert rows == [
        (number, "Bali, Indonesia", ["Indonesia", "Australia"]) for number in (1, 2, 3, 4, 5)
    ]


def test_first_two_conferences_were_co_hosted_by_the_foreign_ministers():
    co_hosts = MeetingRole.objects.filter(role="co_host", meeting__kind="ministerial_conference")

    rows = sorted(
        (role.meeting.ordinal, role.order, role.participant.short_name, role.represented_by)
        for role in co_hosts.select_related("meeting", "participant")
    )

    assert rows == [
        (1, 0, "Australia", "the Foreign Minister"),
        (1, 1, "Indonesia", "the Foreign Minister"),
        (2, 0, "Australia", "the Foreign Minister"),
        (2, 1, "Indonesia", "the Foreign Minister"),
    ]


def test_fifth_ministerial_conference_says_its_date_is_public_record():
    fifth = meeting(keys.FIFTH_MC)

    assert "public record" in fifth.summary


def test_fourth_conference_co_chairs_and_delegations_with_asean_as_guest():
    fourth = meeting(keys.FOURTH_MC)

    co_chairs = [
        (role.participant.short_name, role.represented_by)
        for role in fourth.roles.filter(role="co_chair").order_by("order")
    ]
    delegations = {
        delegation.participant.short_name: delegation.capacity
        for delegation in fourth.delegations.with_capacity().select_related("participant")
    }
    heads = sorted(
        d.display_name for d in Delegate.objects.filter(delegation__meeting=fourth, role="head")
    )

    assert co_chairs == [
        ("Indonesia", "Foreign Minister Marty Natalegawa"),
        ("Australia", "Foreign Minister Kevin Rudd"),
    ]
    assert delegations == {"Indonesia": "member", "Australia": "member", "ASEAN": "guest"}
    assert heads == ["Dr Surin Pitsuwan", "Kevin Rudd", "Marty Natalegawa"]


def test_fifth_som_was_hosted_and_co_chaired_by_the_co_chairs():
    fifth = meeting(keys.FIFTH_SOM)

    roles = [
        (role.role, role.participant.short_name) for role in fifth.roles.order_by("role", "order")
    ]

    assert fifth.ordinal == 5
    assert fifth.title == "Fifth Senior Officials Meeting"
    assert roles == [
        ("co_chair", "Indonesia"),
        ("co_chair", "Australia"),
        ("co_host", "Indonesia"),
        ("co_host", "Australia"),
    ]


def test_roundtable_was_held_under_the_rso_hosted_by_indonesia():
    roundtable = meeting(keys.ROUNDTABLE_2013)

    hosts = list(roundtable.roles.values_list("role", "participant__short_name"))

    assert roundtable.kind == "other"
    assert roundtable.group.short_name == "RSO"
    assert roundtable.place_label == "Jakarta, Indonesia"
    assert hosts == [("host", "Indonesia")]
    assert "UNHCR and Indonesia reported" in roundtable.summary
    assert list(roundtable.themes.values_list("name", flat=True)) == ["Irregular movement by sea"]


def test_every_meeting_is_published_and_held():
    meetings = Meeting.objects.all()

    assert meetings.count() == 23
    assert set(meetings.values_list("is_published", "status")) == {(True, "held")}


# Each workshop: (dates, group, [(role, participant) in order]).
WORKSHOPS = {
    keys.LEGISLATION_WORKSHOP_2002: ("2002", "AHEG II", [("host", "Malaysia")]),
    keys.AWARENESS_WORKSHOP_2003: ("September 2003", "AHEG I", [("host", "Republic of Korea")]),
    keys.LEGISLATION_WORKSHOP_2003: ("November 2003", "AHEG II", [("host", "Malaysia")]),
    keys.IDENTITY_WORKSHOP_2004: ("March 2004", "AHEG II", [("host", "Thailand")]),
    keys.BORDER_PROTECTION_WORKSHOP_2004: (
        "April 2004",
        "AHEG I",
        [("co_organiser", "Fiji"), ("co_organiser", "UNHCR"), ("host", "Fiji")],
    ),
    keys.RETURNS_WORKSHOP_2004: (
        "May 2004",
        "AHEG I",
        [
            ("co_organiser", "Australia"),
            ("co_organiser", "Budapest Process"),
            ("host", "Australia"),
        ],
    ),
    keys.TARGETING_WORKSHOP_2004: (
        "May 2004",
        "AHEG II",
        [("co_organiser", "Australia"), ("host", "Thailand")],
    ),
    keys.AWARENESS_WORKSHOP_2004: ("2004", None, [("host", "Republic of Korea")]),
    keys.VICTIM_SUPPORT_WORKSHOP_2004: ("2004", None, [("host", "Indonesia")]),
    keys.VICTIM_SUPPORT_WORKSHOP_2006: ("2006", None, [("host", "Indonesia")]),
    keys.ACTION_PLANS_WORKSHOP_2004: ("2004", None, [("host", "Japan")]),
    keys.BALI_BUDAPEST_WORKSHOP_2005: ("2005", None, [("co_organiser", "Budapest Process")]),
    keys.PASSPORTS_WORKSHOP_2007: (
        "August 2007",
        None,
        [("co_host", "New Zealand"), ("co_host", "Australia")],
    ),
}


def test_workshops_their_dates_groups_hosts_and_organisers():
    workshops = Workshop.objects.select_related("group").prefetch_related("roles__participant")

    found = {
        workshop.slug: (
            workshop.dates_label,
            workshop.group.short_name if workshop.group else None,
            [(role.role, role.participant.short_name) for role in workshop.roles.all()],
        )
        for workshop in workshops
    }

    assert found == WORKSHOPS


def test_thailand_hosted_two_workshops_in_march_and_may_2004():
    hosted = Workshop.objects.filter(
        roles__role=MeetingRole.Role.HOST, roles__participant__slug=keys.THAILAND
    ).order_by("start_date")

    assert [workshop.dates_label for workshop in hosted] == ["March 2004", "May 2004"]


def test_targeting_workshop_was_co_organised_by_australia_through_the_afp():
    role = MeetingRole.objects.get(meeting__slug=keys.TARGETING_WORKSHOP_2004, role="co_organiser")

    assert (role.participant.slug, role.represented_by) == (
        keys.AUSTRALIA,
        "the Australian Federal Police",
    )


def test_only_workshops_whose_place_the_seeds_give_have_one():
    placed = Workshop.objects.exclude(city="").order_by("start_date")

    assert [(w.slug, w.place_label) for w in placed] == [
        (keys.VICTIM_SUPPORT_WORKSHOP_2004, "Bali, Indonesia"),
        (keys.BALI_BUDAPEST_WORKSHOP_2005, "Vienna, Austria"),
        (keys.VICTIM_SUPPORT_WORKSHOP_2006, "Bali, Indonesia"),
    ]
    assert Workshop.objects.filter(city="").exclude(country="").count() == 0


def test_themes_are_the_managed_list_with_their_workshops():
    counts = {theme.name: theme.meetings.count() for theme in Theme.objects.all()}

    assert counts == {
        "Border control and refugee protection": 1,
        "Child sex tourism": 0,
        "Identity and document fraud": 1,
        "Irregular movement by sea": 1,
        "Law enforcement and targeting": 1,
        "Legislation": 2,
        "Lost and stolen passports": 1,
        "National plans of action": 2,
        "Public awareness": 2,
        "Returns": 1,
        "Victim support": 2,
    }


def test_ahg_terms_of_reference_are_those_the_third_conference_adopted():
    source = Document.objects.get(slug=keys.THIRD_MC_PAGE_2009).text

    terms = list(group(keys.AHG).terms_of_reference.order_by("order"))

    assert [term.label for term in terms] == ["(a)", "(b)", "(c)"]
    assert {term.adopted_by.slug for term in terms} == {keys.THIRD_MC}
    for term in terms:
        assert f"{term.label} {term.text}" in source


def test_ahegs_ran_from_2002_until_discontinued_by_the_brisbane_som_in_2004():
    ahegs = Group.objects.filter(kind="ad_hoc_experts_group").order_by("name")

    rows = [
        (g.short_name, g.period_label, g.discontinued_precision, g.discontinued_by.slug)
        for g in ahegs
    ]

    assert rows == [
        ("AHEG I", "2002 – June 2004", "month", keys.BRISBANE_SOM),
        ("AHEG II", "2002 – June 2004", "month", keys.BRISBANE_SOM),
    ]
    assert (
        Group.objects.active_on(datetime.date(2004, 3, 1))
        .filter(kind="ad_hoc_experts_group")
        .count()
        == 2
    )
    assert not Group.objects.active_on(datetime.date(2005, 1, 1)).filter(
        kind="ad_hoc_experts_group"
    )


def test_aheg_coordinators_are_new_zealand_and_thailand_with_their_named_officials():
    roles = GroupRole.objects.filter(role="coordinator").order_by("group__name")

    rows = [(r.group.short_name, r.participant.short_name, r.person_name) for r in roles]

    assert rows == [
        ("AHEG I", "New Zealand", "Ms Heather Riddell"),
        ("AHEG II", "Thailand", "Police Major General Krerckphong Pukprayura"),
    ]


def test_ahg_was_expanded_in_2013_with_four_participants():
    expansion = GroupMembership.objects.filter(group__slug=keys.AHG)

    rows = {(m.participant.short_name, m.period_label) for m in expansion}

    assert rows == {
        ("Vietnam", "from 2013"),
        ("Philippines", "from 2013"),
        ("United States", "from 2013"),
        ("United Arab Emirates", "from 2013"),
    }


def test_steering_group_is_the_co_chairs_coordinators_unhcr_and_iom():
    steering = group(keys.STEERING_GROUP)

    composition = set(steering.composition.values_list("participant__short_name", flat=True))
    co_chairs = list(
        steering.roles.filter(role="co_chair")
        .order_by("order")
        .values_list("participant__short_name", flat=True)
    )

    assert composition == {"Indonesia", "Australia", "New Zealand", "Thailand", "UNHCR", "IOM"}
    assert co_chairs == ["Indonesia", "Australia"]


def test_working_group_on_trafficking_is_under_the_ahg_established_by_the_fifth_som():
    working_group = group(keys.TIP_WORKING_GROUP)

    assert working_group.parent.slug == keys.AHG
    assert working_group.established_on == datetime.date(2013, 4, 1)
    assert working_group.established_by.slug == keys.FIFTH_SOM
    assert "open to all interested Bali Process members" in working_group.description


def test_rso_is_an_office_co_managed_by_indonesia_and_australia():
    rso = group(keys.RSO)

    co_managers = list(
        rso.roles.filter(role="co_manager")
        .order_by("order")
        .values_list("participant__short_name", flat=True)
    )

    assert rso.kind == "office"
    assert rso.established_on is None
    assert co_managers == ["Indonesia", "Australia"]


def test_fifth_som_endorsed_three_ahg_recommendations():
    endorsements = Outcome.objects.filter(source_meeting__slug=keys.FIFTH_SOM, kind="endorsement")

    endorsed = (
        Outcome.objects.filter(
            links_in__from_outcome__in=endorsements, links_in__relation="endorses"
        )
        .with_current_status()
        .order_by("title")
    )

    assert [(o.source_group.short_name, o.kind, o.current_status) for o in endorsed] == [
        ("AHG", "recommendation", "endorsed")
    ] * 3
    assert [o.title for o in endorsed] == [
        "Develop regional policy guides on criminalising people smuggling and trafficking",
        "Establish a working group on trafficking in persons",
        "Establish cooperation between the Regional Support Office and JCLEC",
    ]
    assert {o.current_status_date for o in endorsed} == {datetime.date(2013, 4, 1)}


def test_ahg_recommendations_were_proposed_then_endorsed():
    history = OutcomeStatus.objects.filter(
        outcome__title="Establish a working group on trafficking in persons"
    ).order_by("date", "pk")

    assert [(s.status, s.meeting.slug, s.document.slug) for s in history] == [
        ("proposed", keys.FIFTH_SOM, keys.OUTCOMES_2013),
        ("endorsed", keys.FIFTH_SOM, keys.OUTCOMES_2013),
    ]


def test_working_group_establishment_follows_the_recommendation_and_the_2011_task():
    establishment = Outcome.objects.get(
        title="Establish the working group on trafficking in persons under the AHG's purview"
    )

    chain = []
    outcome = establishment
    while link := OutcomeLink.objects.filter(from_outcome=outcome, relation="follows").first():
        outcome = link.to_outcome
        chain.append((outcome.kind, outcome.date_label))

    assert chain == [("recommendation", "1 April 2013"), ("task", "March 2011")]


def test_task_to_operationalise_the_rcf_was_in_progress_in_2011_and_2013():
    history = OutcomeStatus.objects.filter(
        outcome__title="Operationalise the Regional Cooperation Framework"
    ).order_by("date")

    assert [(s.status, s.date_label, s.meeting.slug) for s in history] == [
        ("in_progress", "March 2011", keys.FOURTH_MC),
        ("in_progress", "1 April 2013", keys.FIFTH_SOM),
    ]
    assert "Regional Support Office" in history.last().note


def test_pledges_for_the_website_with_their_amounts_and_currencies():
    pledges = Outcome.objects.of_kind("pledge").prefetch_related("responsible_participants")

    found = {
        pledge.responsible_participants.get().short_name: (
            pledge.amount,
            pledge.currency,
            pledge.paragraph,
        )
        for pledge in pledges
    }

    assert found == {
        "Japan": (Decimal("10000.00"), "USD", "19"),
        "New Zealand": (Decimal("30000.00"), "NZD", "19"),
        "Australia": (None, "", "19"),
    }


def test_outcomes_count_by_kind_and_source():
    outcomes = Outcome.objects.all()

    by_kind = Counter(outcomes.values_list("kind", flat=True))
    from_brisbane = outcomes.filter(source_meeting__slug=keys.BRISBANE_SOM).count()

    assert by_kind == {
        "recommendation": 9,
        "endorsement": 3,
        "task": 5,
        "decision": 6,
        "pledge": 3,
        "deliverable": 5,
        "statement": 1,
    }
    assert from_brisbane == 11


def test_every_fact_cites_a_seed_document():
    seed_documents = set(Document.objects.values_list("pk", flat=True))

    cited = (
        set(MembershipPeriod.objects.values_list("source_document", flat=True))
        | set(Outcome.objects.values_list("source_document", flat=True))
        | set(OutcomeStatus.objects.values_list("document", flat=True))
    )

    assert cited == seed_documents


@pytest.mark.parametrize("path", sorted(SOURCES_DIR.glob("*.txt")), ids=lambda path: path.name)
def test_every_seed_document_is_public_with_its_full_text_and_file(path):
    content = path.read_bytes()

    document = Document.objects.get(text=content.decode("utf-8").strip())

    assert document.visibility == "public"
    assert document in Document.objects.visible_to(AnonymousUser())
    assert document.meeting.is_published
    with document.file.open("rb") as stored:
        assert stored.read() == content
    assert document.file.name.startswith(f"documents/{document.date.year}/{document.slug}")


@pytest.mark.parametrize(
    ("slug", "title", "date_label", "meeting_slug"),
    [
        (
            keys.NEWS_RELEASE_2011,
            "ASEAN news release on the Fourth Bali Process Regional Ministerial Meeting",
            "March 2011",
            keys.FOURTH_MC,
        ),
        (
            keys.OUTCOMES_2013,
            "Co-Chairs' outcomes of the fifth Senior Officials Meeting",
            "1 April 2013",
            keys.FIFTH_SOM,
        ),
        (keys.THIRD_MC_PAGE_2009, "Third Ministerial Conference", "April 2009", keys.THIRD_MC),
        (
            keys.NZ_PAPER_2008,
            "The Bali Process: A Model for Regional Cooperation in the Fight against Human "
            "Trafficking",
            "14 February 2008",
            keys.UNGIFT_SIDE_EVENT,
        ),
        (keys.REPORT_2004, "Report to Ministers", "8 June 2004", keys.BRISBANE_SOM),
    ],
)
def test_seed_documents_titles_dates_and_meetings(slug, title, date_label, meeting_slug):
    document = Document.objects.get(slug=slug)

    assert (document.title, document.date_label, document.meeting.slug) == (
        title,
        date_label,
        meeting_slug,
    )
