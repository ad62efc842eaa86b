"""A record shaped like the seeds, built with factories, for the portal's acceptance tests.

It holds what the questions of the acceptance tests need, as the seed
documents give it (see /work/shared/seeds and docs in DOMAIN.md): the 56
participants of the Brisbane SOM of 2004 with their statuses (and the three
changes of 2013), the ministerial conferences and senior officials meetings
with their co-chairs, the workshops of 2002–2007 with hosts and groups, the
groups with the AHG's terms of reference, and the AHG's recommendation on a
working group on trafficking in persons with what became of it. Names and
slugs follow the record loader's (short name slugified), so a test can ask
the same question of this record and of `load_record`'s.
"""

import datetime
from types import SimpleNamespace

from django.utils.text import slugify

from baliprocess.lib.dates import DatePrecision
from meetings.models import Document, Meeting, MeetingRole
from membership.models import MembershipPeriod, Participant
from membership.services import membership_change
from tests import factories
from workshops.models import Group, Outcome, OutcomeLink, OutcomeStatus

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR

# (ISO code, short name, official name) of the 36 participating states and territories
# of the 2004 Report to Ministers, in its order; France (New Caledonia) is the territory.
MEMBER_STATES_2004 = (
    ("AF", "Afghanistan", "Afghanistan"),
    ("AU", "Australia", "Australia"),
    ("BD", "Bangladesh", "Bangladesh"),
    ("BN", "Brunei Darussalam", "Brunei Darussalam"),
    ("KH", "Cambodia", "Cambodia"),
    ("CN", "China", "People's Republic of China"),
    ("FJ", "Fiji", "Fiji"),
    ("NC", "France (New Caledonia)", "France (New Caledonia)"),
    ("ID", "Indonesia", "Indonesia"),
    ("IR", "Iran", "Islamic Republic of Iran"),
    ("IQ", "Iraq", "Iraq"),
    ("JP", "Japan", "Japan"),
    ("JO", "Jordan", "Jordan"),
    ("KI", "Kiribati", "Kiribati"),
    ("LA", "Laos", "Lao People's Democratic Republic"),
    ("MY", "Malaysia", "Malaysia"),
    ("MN", "Mongolia", "Mongolia"),
    ("MM", "Myanmar", "Myanmar"),
    ("NR", "Nauru", "Nauru"),
    ("NP", "Nepal", "Nepal"),
    ("NZ", "New Zealand", "New Zealand"),
    ("PK", "Pakistan", "Pakistan"),
    ("PW", "Palau", "Palau"),
    ("PG", "Papua New Guinea", "Papua New Guinea"),
    ("PH", "Philippines", "Philippines"),
    ("KR", "Republic of Korea", "Republic of Korea"),
    ("WS", "Samoa", "Samoa"),
    ("SG", "Singapore", "Singapore"),
    ("SB", "Solomon Islands", "Solomon Islands"),
    ("LK", "Sri Lanka", "Sri Lanka"),
    ("TH", "Thailand", "Thailand"),
    ("TL", "Timor-Leste", "Timor-Leste"),
    ("TO", "Tonga", "Tonga"),
    ("TR", "Turkey", "Turkey"),
    ("VU", "Vanuatu", "Vanuatu"),
    ("VN", "Vietnam", "Viet Nam"),
)
MEMBER_ORGANISATIONS_2004 = (
    ("UNHCR", "United Nations High Commissioner for Refugees"),
    ("IOM", "International Organization for Migration"),
)
OBSERVER_STATES_2004 = (
    ("AT", "Austria", "Austria"),
    ("CA", "Canada", "Canada"),
    ("FI", "Finland", "Finland"),
    ("DE", "Germany", "Germany"),
    ("NL", "Netherlands", "Netherlands"),
    ("NO", "Norway", "Norway"),
    ("RU", "Russian Federation", "Russian Federation"),
    ("ZA", "South Africa", "South Africa"),
    ("ES", "Spain", "Spain"),
    ("CH", "Switzerland", "Switzerland"),
    ("US", "United States", "United States of America"),
)
OBSERVER_ORGANISATIONS_2004 = (
    ("APC", "Asia Pacific Consultations on Refugees, Displaced Persons and Migrants"),
    ("ICMPD", "International Centre for Migration Policy Development"),
    ("Interpol", "International Criminal Police Organization"),
    ("UNDP", "United Nations Development Programme"),
    ("UNODC", "United Nations Office on Drugs and Crime"),
    ("ILO", "International Labour Organization"),
    ("IFRC", "International Federation of Red Cross and Red Crescent Societies"),
)
REGIONAL_PROCESSES = {"APC"}

AHG_TERMS_OF_REFERENCE = (
    (
        "(a)",
        "to develop practical outcomes at the operational level to assist countries to "
        "mitigate increased irregular population movements;",
    ),
    ("(b)", "to enhance information sharing arrangements between most-affected countries; and"),
    (
        "(c)",
        "to report to Co-Chairs through the Steering Group with concrete recommendations to "
        "inform future regional cooperation on people smuggling and trafficking in persons.",
    ),
)


def _state(code: str, short: str, name: str) -> Participant:
    kind = Participant.Kind.TERRITORY if code == "NC" else Participant.Kind.STATE
    return factories.ParticipantFactory(
        kind=kind, country=code, short_name=short, name=name, slug=slugify(short)
    )


def _organisation(acronym: str, name: str) -> Participant:
    kind = (
        Participant.Kind.REGIONAL_ORGANISATION
        if acronym in REGIONAL_PROCESSES
        else Participant.Kind.INTERNATIONAL_ORGANISATION
    )
    return factories.OrganisationFactory(
        kind=kind, short_name=acronym, acronym=acronym.upper(), name=name, slug=slugify(acronym)
    )


def _meeting(kind, *, start, precision=DAY, end=None, ordinal=None, title="", **fields):
    return factories.MeetingFactory(
        kind=kind,
        ordinal=ordinal,
        custom_title=title,
        start_date=start,
        end_date=end,
        date_precision=precision,
        **fields,
    )


def _roles(meeting: Meeting, role: str, *participants: Participant, represented_by="") -> None:
    for order, participant in enumerate(participants):
        factories.MeetingRoleFactory(
            meeting=meeting,
            participant=participant,
            role=role,
            order=order,
            represented_by=represented_by,
        )


def build_seed_shaped_record() -> SimpleNamespace:
    """Create the record and return handles to what the tests ask about."""
    r = SimpleNamespace()
    p = r.participants = {}
    for code, short, name in MEMBER_STATES_2004 + OBSERVER_STATES_2004:
        p[short] = _state(code, short, name)
    for acronym, name in MEMBER_ORGANISATIONS_2004 + OBSERVER_ORGANISATIONS_2004:
        p[acronym] = _organisation(acronym, name)
    p["United Arab Emirates"] = _state("AE", "United Arab Emirates", "United Arab Emirates")
    p["Budapest Process"] = factories.OrganisationFactory(
        kind=Participant.Kind.REGIONAL_ORGANISATION,
        short_name="Budapest Process",
        name="Budapest Process",
        acronym="",
        slug="budapest-process",
    )
    indonesia, australia = p["Indonesia"], p["Australia"]
    thailand, new_zealand = p["Thailand"], p["New Zealand"]

    # Meetings -----------------------------------------------------------------
    mc = Meeting.Kind.MINISTERIAL_CONFERENCE
    som = Meeting.Kind.SENIOR_OFFICIALS_MEETING
    bali = {"city": "Bali", "country": "ID"}
    r.first_mc = _meeting(mc, ordinal=1, start=datetime.date(2002, 2, 1), precision=MONTH, **bali)
    r.second_mc = _meeting(mc, ordinal=2, start=datetime.date(2003, 4, 1), precision=MONTH, **bali)
    r.third_mc = _meeting(
        mc, ordinal=3, start=datetime.date(2009, 4, 14), end=datetime.date(2009, 4, 15), **bali
    )
    r.fourth_mc = _meeting(mc, ordinal=4, start=datetime.date(2011, 3, 1), precision=MONTH, **bali)
    r.brisbane_som = _meeting(
        som,
        start=datetime.date(2004, 6, 7),
        end=datetime.date(2004, 6, 8),
        city="Brisbane",
        country="AU",
        reported_delegate_total=139,
        summary="Senior officials reviewed progress since the second Ministerial Conference.",
    )
    r.bali_som_2011 = _meeting(som, start=datetime.date(2011, 3, 10), **bali)
    r.fifth_som = _meeting(som, ordinal=5, start=datetime.date(2013, 4, 1), **bali)
    for meeting in (r.first_mc, r.second_mc, r.third_mc, r.fourth_mc, r.fifth_som):
        _roles(meeting, MeetingRole.Role.CO_CHAIR, indonesia, australia)
    _roles(r.brisbane_som, MeetingRole.Role.CO_CHAIR, australia, indonesia)
    _roles(r.brisbane_som, MeetingRole.Role.HOST, australia)

    # The Brisbane SOM's delegations: capacity follows each status on 7 June 2004.
    members_2004 = [p[short] for _, short, _ in MEMBER_STATES_2004] + [
        p[acronym] for acronym, _ in MEMBER_ORGANISATIONS_2004
    ]
    observers_2004 = [p[short] for _, short, _ in OBSERVER_STATES_2004] + [
        p[acronym] for acronym, _ in OBSERVER_ORGANISATIONS_2004
    ]
    r.observers_2004 = observers_2004
    for participant in members_2004 + observers_2004:
        factories.DelegationFactory(meeting=r.brisbane_som, participant=participant)

    # Documents ----------------------------------------------------------------
    r.report_2004 = factories.DocumentFactory(
        kind=Document.Kind.REPORT,
        title="Report to Ministers",
        date=datetime.date(2004, 6, 8),
        meeting=r.brisbane_som,
        visibility=Document.Visibility.PUBLIC,
    )
    r.outcomes_2013 = factories.DocumentFactory(
        kind=Document.Kind.CO_CHAIRS_STATEMENT,
        title="Co-Chairs' outcomes of the fifth Senior Officials Meeting",
        date=datetime.date(2013, 4, 1),
        meeting=r.fifth_som,
        visibility=Document.Visibility.PUBLIC,
        text="The meeting endorsed the AHG recommendation to establish a working group.",
    )
    r.members_only_document = factories.DocumentFactory(
        kind=Document.Kind.PAPER,
        title="Demonstration: secure access for confidential law-enforcement information",
        date=datetime.date(2004, 6, 8),
        meeting=r.brisbane_som,
        visibility=Document.Visibility.MEMBERS,
        text="Demonstration content: a members-only paper on information sharing.",
    )

    # Statuses: members and observers since at least the Brisbane SOM, as the
    # record has them (the UAE's past observer status is not dated); three
    # changes in 2013.
    brisbane_day = datetime.date(2004, 6, 7)
    for participant in members_2004:
        factories.MembershipPeriodFactory(
            participant=participant,
            status=MembershipPeriod.Status.MEMBER,
            source_document=r.report_2004,
            known_since=brisbane_day,
        )
    for participant in observers_2004:
        factories.MembershipPeriodFactory(
            participant=participant,
            status=MembershipPeriod.Status.OBSERVER,
            source_document=r.report_2004,
            known_since=brisbane_day,
        )
    factories.MembershipPeriodFactory(
        participant=p["United Arab Emirates"],
        status=MembershipPeriod.Status.OBSERVER,
        source_document=r.outcomes_2013,
        known_since=None,
    )
    for short in ("United States", "United Arab Emirates", "UNODC"):
        membership_change(
            participant=p[short],
            status=MembershipPeriod.Status.MEMBER,
            on=datetime.date(2013, 4, 1),
            decided_at=r.fifth_som,
            source_document=r.outcomes_2013,
            note="Welcomed as a member by the fifth Senior Officials Meeting.",
        )

    # Groups ---------------------------------------------------------------------
    r.steering_group = factories.GroupFactory(
        name="Steering Group",
        short_name="Steering Group",
        slug="steering-group",
        kind=Group.Kind.STEERING_GROUP,
        mandate="Plans and coordinates the Bali Process.",
    )
    r.aheg_i, r.aheg_ii = (
        factories.GroupFactory(
            name=f"Ad Hoc Experts Group {number}",
            short_name=f"AHEG {number}",
            slug=f"aheg-{number.lower()}",
            kind=Group.Kind.AD_HOC_EXPERTS_GROUP,
            mandate=mandate,
            established_on=datetime.date(2002, 1, 1),
            established_precision=YEAR,
            discontinued_on=datetime.date(2004, 1, 1),
            discontinued_precision=YEAR,
            discontinued_by=r.brisbane_som,
        )
        for number, mandate in (
            ("I", "International and regional cooperation."),
            ("II", "Policy, legislation and law enforcement."),
        )
    )
    factories.GroupRoleFactory(
        group=r.aheg_i,
        participant=new_zealand,
        person_name="Ms Heather Riddell",
        person_position="New Zealand Ministry of Foreign Affairs and Trade",
    )
    factories.GroupRoleFactory(
        group=r.aheg_ii,
        participant=thailand,
        person_name="Police Major General Krerckphong Pukprayura",
        person_position="Royal Thai Police",
    )
    r.ahg = factories.GroupFactory(
        name="Ad Hoc Group",
        short_name="AHG",
        slug="ahg",
        kind=Group.Kind.AD_HOC_GROUP,
        mandate="Retasked to develop regional responses to irregular movements of people.",
        established_on=datetime.date(2009, 4, 14),
        established_by=r.third_mc,
    )
    for order, (label, text) in enumerate(AHG_TERMS_OF_REFERENCE):
        factories.TermOfReferenceFactory(
            group=r.ahg, label=label, text=text, order=order, adopted_by=r.third_mc
        )
    for short in ("Vietnam", "Philippines", "United States", "United Arab Emirates"):
        factories.GroupMembershipFactory(
            group=r.ahg,
            participant=p[short],
            start_date=datetime.date(2013, 1, 1),
            start_precision=YEAR,
            decided_at=r.fifth_som,
        )
    r.tip_working_group = factories.GroupFactory(
        name="Working Group on Trafficking in Persons",
        short_name="Working Group on TIP",
        slug="working-group-on-trafficking-in-persons",
        kind=Group.Kind.WORKING_GROUP,
        parent=r.ahg,
        mandate="Open to all interested members, under the purview of the AHG.",
        established_on=datetime.date(2013, 4, 1),
        established_by=r.fifth_som,
    )
    r.rso = factories.GroupFactory(
        name="Regional Support Office",
        short_name="RSO",
        slug="rso",
        kind=Group.Kind.OFFICE,
        mandate="Operationalises the Regional Cooperation Framework, from Bangkok.",
    )

    # Workshops (and the 2013 roundtable) ---------------------------------------------
    themes = {
        name: factories.ThemeFactory(name=name)
        for name in (
            "Legislation",
            "Public awareness",
            "Identity and document fraud",
            "Border control and refugee protection",
            "Returns",
            "Law enforcement and targeting",
            "Victim support",
            "National plans of action",
            "Lost and stolen passports",
            "Irregular movement by sea",
        )
    }
    r.workshops = {}

    def workshop(key, title, start, precision, group, theme, hosts, organisers=(), **fields):
        # The seeds name no city for most workshops: the record leaves the place empty.
        fields = {"city": "", "country": "", **fields}
        meeting = _meeting(
            Meeting.Kind.WORKSHOP,
            title=title,
            start=start,
            precision=precision,
            group=group,
            **fields,
        )
        _roles(meeting, MeetingRole.Role.HOST, *hosts)
        _roles(meeting, MeetingRole.Role.CO_ORGANISER, *organisers)
        themes[theme].meetings.add(meeting)
        r.workshops[key] = meeting
        return meeting

    workshop(
        "malaysia-2002",
        "Workshop on legislation",
        datetime.date(2002, 1, 1),
        YEAR,
        r.aheg_ii,
        "Legislation",
        [p["Malaysia"]],
    )
    workshop(
        "korea-2003",
        "Workshop on public awareness",
        datetime.date(2003, 9, 1),
        MONTH,
        r.aheg_i,
        "Public awareness",
        [p["Republic of Korea"]],
    )
    workshop(
        "malaysia-2003",
        "Workshop on developing legislation",
        datetime.date(2003, 11, 1),
        MONTH,
        r.aheg_ii,
        "Legislation",
        [p["Malaysia"]],
    )
    workshop(
        "thailand-march-2004",
        "Workshop on identity management and document fraud",
        datetime.date(2004, 3, 1),
        MONTH,
        r.aheg_ii,
        "Identity and document fraud",
        [thailand],
    )
    workshop(
        "fiji-2004",
        "Workshop on border control and refugee protection",
        datetime.date(2004, 4, 1),
        MONTH,
        r.aheg_i,
        "Border control and refugee protection",
        [p["Fiji"]],
        [p["UNHCR"]],
    )
    workshop(
        "australia-2004",
        "Workshop on returns",
        datetime.date(2004, 5, 1),
        MONTH,
        r.aheg_i,
        "Returns",
        [australia],
        [p["Budapest Process"]],
    )
    workshop(
        "thailand-may-2004",
        "Workshop on targeting smugglers and traffickers",
        datetime.date(2004, 5, 1),
        MONTH,
        r.aheg_ii,
        "Law enforcement and targeting",
        [thailand],
        [australia],
    )
    workshop(
        "indonesia-2004",
        "Workshop on victim support",
        datetime.date(2004, 1, 1),
        YEAR,
        None,
        "Victim support",
        [indonesia],
    )
    workshop(
        "japan-2004",
        "Workshop on national plans of action",
        datetime.date(2004, 1, 1),
        YEAR,
        None,
        "National plans of action",
        [p["Japan"]],
    )
    workshop(
        "passports-2007",
        "Third Lost and Stolen Passport Information Sharing Workshop",
        datetime.date(2007, 8, 1),
        MONTH,
        None,
        "Lost and stolen passports",
        [new_zealand, australia],
    )
    r.roundtable = _meeting(
        Meeting.Kind.OTHER,
        title="Regional Roundtable on Irregular Movements by Sea",
        start=datetime.date(2013, 3, 18),
        end=datetime.date(2013, 3, 20),
        city="Jakarta",
        country="ID",
        group=r.rso,
    )
    _roles(r.roundtable, MeetingRole.Role.HOST, indonesia)
    themes["Irregular movement by sea"].meetings.add(r.roundtable)

    # Outcomes: the recommendation on a working group on trafficking in persons ---------
    r.tip_task = factories.OutcomeFactory(
        kind=Outcome.Kind.TASK,
        title="Enhance cooperation on trafficking in persons",
        text="Ministers tasked the AHG to enhance cooperation on trafficking in persons issues.",
        source_meeting=r.fourth_mc,
        date=datetime.date(2011, 3, 1),
        date_precision=MONTH,
        responsible_group=r.ahg,
    )
    r.tip_recommendation = factories.OutcomeFactory(
        kind=Outcome.Kind.RECOMMENDATION,
        title="Establish a working group on trafficking in persons",
        text="The AHG recommended establishing a working group on trafficking in persons.",
        source_meeting=None,
        source_group=r.ahg,
        date=datetime.date(2013, 1, 1),
        date_precision=YEAR,
        source_document=r.outcomes_2013,
    )
    factories.OutcomeStatusFactory(
        outcome=r.tip_recommendation,
        status=OutcomeStatus.Status.PROPOSED,
        date=datetime.date(2013, 1, 1),
        date_precision=YEAR,
    )
    factories.OutcomeStatusFactory(
        outcome=r.tip_recommendation,
        status=OutcomeStatus.Status.ENDORSED,
        date=datetime.date(2013, 4, 1),
        meeting=r.fifth_som,
        document=r.outcomes_2013,
    )
    r.tip_endorsement = factories.OutcomeFactory(
        kind=Outcome.Kind.ENDORSEMENT,
        title="Endorsement of the working group on trafficking in persons",
        text="The meeting endorsed the AHG recommendation to establish a working group.",
        source_meeting=r.fifth_som,
        date=datetime.date(2013, 4, 1),
    )
    r.tip_establishment = factories.OutcomeFactory(
        kind=Outcome.Kind.DECISION,
        title="Establish the Working Group on Trafficking in Persons under the AHG",
        text="Members agreed the working group would be established under the purview of the AHG.",
        source_meeting=r.fifth_som,
        date=datetime.date(2013, 4, 1),
        responsible_group=r.tip_working_group,
    )
    factories.OutcomeLinkFactory(
        from_outcome=r.tip_endorsement,
        relation=OutcomeLink.Relation.ENDORSES,
        to_outcome=r.tip_recommendation,
    )
    factories.OutcomeLinkFactory(
        from_outcome=r.tip_recommendation,
        relation=OutcomeLink.Relation.FOLLOWS,
        to_outcome=r.tip_task,
    )
    factories.OutcomeLinkFactory(
        from_outcome=r.tip_establishment,
        relation=OutcomeLink.Relation.FOLLOWS,
        to_outcome=r.tip_recommendation,
    )
    r.japan_pledge = factories.OutcomeFactory(
        kind=Outcome.Kind.PLEDGE,
        title="Funding for the upkeep and management of the website",
        text="Japan pledged US$10,000 for the upkeep and management of the website.",
        source_meeting=r.brisbane_som,
        date=datetime.date(2004, 6, 8),
        source_document=r.report_2004,
        paragraph="19",
        amount=10000,
        currency="USD",
        responsible_participants=[p["Japan"]],
    )
    return r
