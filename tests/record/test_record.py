"""The loaded record, checked against what the five seed documents say."""

import datetime
from collections import Counter

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

    assert (
        brisbane.reported_delegate_total,
        brisbane.reported_country_total,
        brisbane.reported_organisation_total,
    ) == (139, 47, 9)
    assert brisbane.attendance == Meeting.Attendance.DELEGATIONS
    assert brisbane.title == "Senior Officials Meeting, Brisbane 2004"
    assert brisbane.dates_label == "7–8 June 2004"
    assert brisbane.place_label == "Brisbane, Australia"
    # The Report says who co-chaired the meeting, not who hosted it.
    assert roles == [("Co-chair", "Australia"), ("Co-chair", "Indonesia")]


def test_brisbane_delegations_carry_the_reports_names_in_its_order():
    delegations = meeting(keys.BRISBANE_SOM).delegations.select_related("participant")

    listed = [
        (delegation.recorded_order, delegation.recorded_name, delegation.participant.slug)
        for delegation in delegations.order_by("recorded_order")
    ]

    assert [order for order, _, _ in listed] == list(range(1, 57))
    assert listed[:3] == [
        (1, "Afghanistan", "afghanistan"),
        (2, "Australia", "australia"),
        (3, "Bangladesh", "bangladesh"),
    ]
    assert (6, "People's Republic of China", "china") in listed
    assert (8, "France (New Caledonia)", "france-new-caledonia") in listed
    assert (10, "Iran", "iran") in listed
    assert (15, "Laos", "laos") in listed
    assert (32, "Timor Leste", "timor-leste") in listed
    assert listed[35:38] == [
        (36, "Vietnam", "vietnam"),
        (37, "United Nations High Commissioner for Refugees", "unhcr"),
        (38, "International Organization for Migration", "iom"),
    ]
    assert listed[38] == (39, "Austria", "austria")
    assert (43, "Netherlands", "netherlands") in listed
    assert (49, "United States of America", "united-states") in listed
    assert listed[49:] == [
        (50, "Asia Pacific Consultations on Refugees, Displaced Persons and Migrants (APC)", "apc"),
        (51, "International Centre for Migration Policy Development Secretariat (ICMPD)", "icmpd"),
        (52, "Interpol", "interpol"),
        (53, "United Nations Development Programme (UNDP)", "undp"),
        (54, "United Nations Office on Drugs and Crime (UNODC)", "unodc"),
        (55, "International Labor Organization (ILO)", "ilo"),
        (56, "International Federation of Red Cross and Red Crescent Societies", "ifrc"),
    ]


def test_brisbane_som_names_three_delegates_and_no_head_of_delegation():
    delegates = Delegate.objects.filter(delegation__meeting__slug=keys.BRISBANE_SOM)

    named = sorted(
        (d.delegation.participant.short_name, d.display_name, d.role)
        for d in delegates.select_related("delegation__participant")
    )

    assert named == [
        ("Australia", "the Hon Alexander Downer MP", "not_recorded"),
        ("New Zealand", "Ms Heather Riddell", "not_recorded"),
        ("Thailand", "Police Major General Krerckphong Pukprayura", "not_recorded"),
    ]


def test_members_on_the_day_of_the_brisbane_som_are_the_36_states_unhcr_and_iom():
    members = members_and_observers_on(BRISBANE_DAY)["member"]

    names = [participant.short_name for participant in members]

    assert len(names) == 38
    assert names[:3] == ["Afghanistan", "Australia", "Bangladesh"]
    assert names[-2:] == ["IOM", "UNHCR"]
    assert "United States" not in names


def test_before_the_brisbane_som_no_status_is_recorded():
    # The Report shows the statuses held on 7 June 2004; it does not say since when.
    day_before = members_and_observers_on(BRISBANE_DAY - datetime.timedelta(days=1))

    assert day_before == {"member": [], "observer": []}


@pytest.mark.parametrize(
    ("slug", "before"),
    [
        (keys.UNITED_STATES, "observer"),
        (keys.UNODC, "observer"),
        # A "past observer" since a date no seed gives: not recorded before 2013.
        (keys.UNITED_ARAB_EMIRATES, None),
    ],
)
def test_observer_until_the_fifth_som_then_member(slug, before):
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

    assert statuses == [before, before, "member", "member"]


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
    assert period.known_since is None
    assert period.end_date == datetime.date(2013, 4, 1)
    assert period.source_document.slug == keys.OUTCOMES_2013
    assert "past observer" in period.note


def test_statuses_not_dated_in_the_seeds_have_no_start_date():
    undated = MembershipPeriod.objects.filter(start_date__isnull=True)

    known_since = Counter(undated.values_list("known_since", flat=True))

    assert undated.count() == 57
    assert set(undated.values_list("source_document__slug", flat=True)) == {
        keys.REPORT_2004,
        keys.OUTCOMES_2013,
    }
    # Held since at least the Brisbane meeting, for the 56 it lists; the
    # United Arab Emirates' past observer status has no known date.
    assert known_since == {BRISBANE_DAY: 56, None: 1}


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
    ("slug", "name", "short_name"),
    [
        ("iran", "Iran (Islamic Republic of)", "Iran"),
        ("laos", "Lao People's Democratic Republic", "Laos"),
        ("vietnam", "Viet Nam", "Vietnam"),
        ("timor-leste", "Timor-Leste", "Timor-Leste"),
        ("china", "People's Republic of China", "China"),
        ("netherlands", "Netherlands", "Netherlands"),
        ("ilo", "International Labour Organization", "ILO"),
        ("interpol", "International Criminal Police Organization", "Interpol"),
        ("icmpd", "International Centre for Migration Policy Development", "ICMPD"),
    ],
)
def test_participants_carry_the_seeds_names_or_the_official_ones_they_cite(slug, name, short_name):
    participant = Participant.objects.get(slug=slug)

    assert (participant.name, participant.short_name) == (name, short_name)


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
        ("Iran", "iran"),
        ("Islamic Republic of Iran", "iran"),
        ("Viet Nam", "vietnam"),
        ("International Labour Organization", "ilo"),
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


def test_ministerial_conferences_are_numbered_with_the_places_and_co_chairs_the_seeds_give():
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

    # No seed says where the first two were held, and only the Fourth's
    # co-chairs are named ("co-chaired by the Foreign Ministers of Indonesia
    # and Australia").
    assert rows == [
        (1, "", []),
        (2, "", []),
        (3, "Bali, Indonesia", []),
        (4, "Bali, Indonesia", ["Indonesia", "Australia"]),
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


def test_no_seed_describes_a_fifth_ministerial_conference():
    assert not Meeting.objects.filter(slug=keys.FIFTH_MC).exists()
    assert not Meeting.objects.of_kind("ministerial_conference").filter(ordinal=5).exists()


def test_fourth_conference_co_chairs_and_delegations_with_asean_capacity_not_recorded():
    fourth = meeting(keys.FOURTH_MC)

    co_chairs = [
        (role.participant.short_name, role.represented_by)
        for role in fourth.roles.filter(role="co_chair").order_by("order")
    ]
    delegations = {
        delegation.participant.short_name: delegation.capacity
        for delegation in fourth.delegations.with_capacity().select_related("participant")
    }
    delegates = sorted(
        (d.display_name, d.role) for d in Delegate.objects.filter(delegation__meeting=fourth)
    )

    assert fourth.attendance == Meeting.Attendance.PARTIAL
    assert co_chairs == [
        ("Indonesia", "Foreign Minister Marty Natalegawa"),
        ("Australia", "Foreign Minister Kevin Rudd"),
    ]
    assert delegations == {"Indonesia": "member", "Australia": "member", "ASEAN": "not_recorded"}
    assert delegates == [
        ("Dr Surin Pitsuwan", "not_recorded"),
        ("Kevin Rudd", "not_recorded"),
        ("Marty Natalegawa", "not_recorded"),
    ]


def test_no_delegate_is_called_head_of_delegation():
    assert set(Delegate.objects.values_list("role", flat=True)) == {"not_recorded"}


def test_meetings_other_than_brisbane_record_partial_attendance():
    attendance = dict(Meeting.objects.values_list("slug", "attendance"))

    assert attendance.pop(keys.BRISBANE_SOM) == "delegations"
    assert set(attendance.values()) == {"partial"}


def test_fifth_som_was_hosted_by_the_co_chairs_the_outcomes_do_not_name():
    fifth = meeting(keys.FIFTH_SOM)

    assert fifth.ordinal == 5
    assert fifth.title == "Fifth Senior Officials Meeting"
    assert not fifth.roles.exists()
    assert "Hosted in Bali by the Co-Chairs of the Bali Process" in fifth.summary
    assert "welcomed advice from the Co-Chairs that the Ad Hoc Group" in fifth.summary


def test_roundtable_was_held_under_the_rso_with_no_host_named():
    roundtable = meeting(keys.ROUNDTABLE_2013)

    assert roundtable.kind == "other"
    assert roundtable.group.short_name == "RSO"
    assert roundtable.place_label == "Jakarta, Indonesia"
    assert not roundtable.roles.exists()
    assert "a report from UNHCR and Indonesia" in roundtable.summary
    assert list(roundtable.themes.values_list("name", flat=True)) == ["Irregular movement by sea"]


def test_every_meeting_is_published_and_held():
    meetings = Meeting.objects.all()

    assert meetings.count() == 22
    assert set(meetings.values_list("is_published", "status")) == {(True, "held")}


# Each workshop: (dates, group, [(role, participant) in order]).
WORKSHOPS = {
    # Mentioned in AHEG II's report, but not as one of its workshops.
    keys.LEGISLATION_WORKSHOP_2002: ("2002", None, [("host", "Malaysia")]),
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
    keys.TARGETING_WORKSHOP_2004: ("May 2004", "AHEG II", [("host", "Thailand")]),
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


def test_targeting_workshop_was_developed_by_the_afp_not_organised_by_australia():
    workshop = meeting(keys.TARGETING_WORKSHOP_2004)

    assert not workshop.roles.filter(role=MeetingRole.Role.CO_ORGANISER).exists()
    assert "developed by the Australian Federal Police" in workshop.summary


def test_the_2002_workshop_says_only_what_the_report_does():
    workshop = meeting(keys.LEGISLATION_WORKSHOP_2002)

    assert workshop.title == "Workshop hosted by Malaysia in 2002"
    assert workshop.group is None
    assert not workshop.themes.exists()


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
        "Legislation": 1,
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


def test_ahegs_were_suggested_for_discontinuation_not_recorded_as_discontinued():
    ahegs = Group.objects.filter(kind="ad_hoc_experts_group").order_by("name")

    rows = [
        (g.short_name, g.established_on, g.discontinued_on, g.discontinued_by, g.status_label)
        for g in ahegs
    ]

    # Senior officials "suggested that the AHEGs be discontinued in their
    # current form" (004 para 24); no seed dates their start or says they ended.
    assert rows == [
        ("AHEG I", None, None, None, "Status not recorded"),
        ("AHEG II", None, None, None, "Status not recorded"),
    ]
    for aheg in ahegs:
        assert "suggested that the AHEGs be discontinued" in aheg.description


def test_aheg_coordinators_are_new_zealand_and_thailand_with_their_named_officials():
    roles = GroupRole.objects.filter(role="coordinator").order_by("group__name")

    rows = [(r.group.short_name, r.participant.short_name, r.person_name) for r in roles]

    assert rows == [
        ("AHEG I", "New Zealand", "Ms Heather Riddell"),
        ("AHEG II", "Thailand", "Police Major General Krerckphong Pukprayura"),
    ]


def test_ahg_had_been_expanded_by_april_2013_with_four_participants():
    expansion = GroupMembership.objects.filter(group__slug=keys.AHG)

    rows = {(m.participant.short_name, m.start_date, m.period_label) for m in expansion}

    # "Had been expanded" by the meeting of 1 April 2013: the day it was made
    # is not given.
    assert rows == {
        ("Vietnam", None, "since at least 1 April 2013"),
        ("Philippines", None, "since at least 1 April 2013"),
        ("United States", None, "since at least 1 April 2013"),
        ("United Arab Emirates", None, "since at least 1 April 2013"),
    }


def test_steering_group_has_no_members_or_co_chairs_the_seeds_do_not_name():
    steering = group(keys.STEERING_GROUP)

    assert not steering.composition.exists()
    assert not steering.roles.exists()
    assert "planning and coordination role" in steering.description
    assert "do not say who its members or its Co-Chairs are" in steering.description


def test_working_group_on_trafficking_was_agreed_not_recorded_as_established():
    working_group = group(keys.TIP_WORKING_GROUP)

    assert working_group.parent.slug == keys.AHG
    assert working_group.established_on is None
    assert working_group.established_by is None
    assert working_group.status_label == "Status not recorded"
    assert "endorsed the AHG recommendation" in working_group.description
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
        (keys.REPORT_2004, "Report to Ministers", "June 2004", keys.BRISBANE_SOM),
    ],
)
def test_seed_documents_titles_dates_and_meetings(slug, title, date_label, meeting_slug):
    document = Document.objects.get(slug=slug)

    assert (document.title, document.date_label, document.meeting.slug) == (
        title,
        date_label,
        meeting_slug,
    )
