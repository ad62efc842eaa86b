"""Ministerial conferences, senior officials meetings and other meetings, with
their co-chairs and hosts, and the delegations the seeds name.

Workshops are in `workshops.py`. Every meeting here was held and is
published. Where the seeds give only a month, the date is stored at that
precision.
"""

from baliprocess.record import keys, participants
from baliprocess.record.facts import DelegateFact, DelegationFact, MeetingFact, MeetingRoleFact
from meetings.models import Delegate, Meeting, MeetingRole

MINISTERIAL = Meeting.Kind.MINISTERIAL_CONFERENCE
SOM = Meeting.Kind.SENIOR_OFFICIALS_MEETING
OTHER = Meeting.Kind.OTHER
CO_CHAIR = MeetingRole.Role.CO_CHAIR
CO_HOST = MeetingRole.Role.CO_HOST
HOST = MeetingRole.Role.HOST

# The Co-Chairs of the Bali Process, named in this order.
CO_CHAIRS = (
    MeetingRoleFact(keys.INDONESIA, CO_CHAIR, order=0),
    MeetingRoleFact(keys.AUSTRALIA, CO_CHAIR, order=1),
)
# The 2004 Report: the first two conferences were "co-hosted by the Foreign
# Ministers of Australia and Indonesia".
CO_HOSTED_BY_FOREIGN_MINISTERS = (
    MeetingRoleFact(keys.AUSTRALIA, CO_HOST, order=0, represented_by="the Foreign Minister"),
    MeetingRoleFact(keys.INDONESIA, CO_HOST, order=1, represented_by="the Foreign Minister"),
)

MINISTERIAL_CONFERENCES = (
    MeetingFact(
        slug=keys.FIRST_MC,
        kind=MINISTERIAL,
        ordinal=1,
        start="2002-02",
        city="Bali",
        country="ID",
        roles=CO_CHAIRS + CO_HOSTED_BY_FOREIGN_MINISTERS,
        summary=(
            "The first Bali Regional Ministerial Conference on People Smuggling, Trafficking "
            "in Persons and Related Transnational Crime, co-hosted by the Foreign Ministers "
            "of Australia and Indonesia. The Bali Process was established in February 2002. "
            "The main goals of the first two conferences were to raise awareness of and "
            "develop greater cooperation among regional countries to combat people "
            "smuggling and trafficking."
        ),
    ),
    MeetingFact(
        slug=keys.SECOND_MC,
        kind=MINISTERIAL,
        ordinal=2,
        start="2003-04",
        city="Bali",
        country="ID",
        roles=CO_CHAIRS + CO_HOSTED_BY_FOREIGN_MINISTERS,
        summary=(
            "The second Bali Regional Ministerial Conference, co-hosted by the Foreign "
            "Ministers of Australia and Indonesia. Ministers at this conference mandated the "
            "Senior Officials Meeting held in Brisbane in June 2004."
        ),
    ),
    MeetingFact(
        slug=keys.THIRD_MC,
        kind=MINISTERIAL,
        ordinal=3,
        start="2009-04-14",
        end="2009-04-15",
        city="Bali",
        country="ID",
        roles=CO_CHAIRS,
        summary=(
            "Ministers reaffirmed their strongest support for a continuing commitment to "
            "combating people smuggling and trafficking in persons, and agreed on the "
            "importance of a victim-centred approach to law enforcement. Considering that "
            "the Bali Process had reached a point of maturity, they agreed that the Ad Hoc "
            "Group (AHG) be retasked to develop regional responses to current challenges of "
            "irregular movement of people, with three terms of reference, and asked the "
            "Co-Chairs of the Steering Group to make it available to affected countries."
        ),
    ),
    MeetingFact(
        slug=keys.FOURTH_MC,
        kind=MINISTERIAL,
        ordinal=4,
        start="2011-03",
        city="Bali",
        country="ID",
        roles=(
            MeetingRoleFact(
                keys.INDONESIA,
                CO_CHAIR,
                order=0,
                represented_by="Foreign Minister Marty Natalegawa",
            ),
            MeetingRoleFact(
                keys.AUSTRALIA, CO_CHAIR, order=1, represented_by="Foreign Minister Kevin Rudd"
            ),
        ),
        summary=(
            "Co-chaired by the Foreign Ministers of Indonesia and Australia and attended by "
            "Ministers and high-level officials of Bali Process countries and partner "
            "regional and international organisations, among them the Secretary-General of "
            "ASEAN. In the Co-Chairs' Statement, Ministers agreed that an inclusive but "
            "non-binding regional cooperation framework would provide a more effective way "
            "for interested parties to cooperate to reduce irregular movement through the "
            "region. Ministers tasked the Ad Hoc Group to operationalise the Regional "
            "Cooperation Framework and to enhance cooperation on trafficking in persons, and "
            "directed that the Ad Hoc Group be expanded."
        ),
    ),
    MeetingFact(
        slug=keys.FIFTH_MC,
        kind=MINISTERIAL,
        ordinal=5,
        start="2013-04-02",
        city="Bali",
        country="ID",
        roles=CO_CHAIRS,
        summary=(
            "The Fifth Bali Regional Ministerial Conference, held in Bali the day after the "
            "fifth Senior Officials Meeting. Its date, 2 April 2013, is from the public "
            "record: the source documents of this record do not describe the conference."
        ),
    ),
)

SENIOR_OFFICIALS_MEETINGS = (
    MeetingFact(
        slug=keys.BRISBANE_SOM,
        kind=SOM,
        start="2004-06-07",
        end="2004-06-08",
        city="Brisbane",
        country="AU",
        reported_delegate_total=139,
        roles=(
            # "Australia and Indonesia co-chaired", in the Report's order.
            MeetingRoleFact(keys.AUSTRALIA, CO_CHAIR, order=0),
            MeetingRoleFact(keys.INDONESIA, CO_CHAIR, order=1),
            MeetingRoleFact(keys.AUSTRALIA, HOST),
        ),
        summary=(
            "Senior officials met in Brisbane, as mandated by Ministers at the second Bali "
            "Ministerial Conference, to review progress against the objectives set by "
            "Ministers, discuss future directions and the administration of the Bali "
            "Process, and adopt a Report to Ministers. The meeting was attended by 139 "
            "delegates representing 47 countries and nine international and regional "
            "organisations. Senior officials recommended that the Bali Process continue in a "
            "more streamlined way and that the Ad Hoc Experts Groups be discontinued in "
            "their current form."
        ),
    ),
    MeetingFact(
        slug=keys.BALI_SOM_2011,
        kind=SOM,
        start="2011-03-10",
        city="Bali",
        country="ID",
        summary=(
            "Senior officials met in Bali on 10 March 2011. The Co-Chairs recalled its "
            "outcomes, with the Co-Chairs' Statement of the Fourth Ministerial Conference, at "
            "the fifth Senior Officials Meeting in 2013."
        ),
    ),
    MeetingFact(
        slug=keys.FIFTH_SOM,
        kind=SOM,
        ordinal=5,
        start="2013-04-01",
        city="Bali",
        country="ID",
        roles=(
            *CO_CHAIRS,
            MeetingRoleFact(keys.INDONESIA, CO_HOST, order=0),
            MeetingRoleFact(keys.AUSTRALIA, CO_HOST, order=1),
        ),
        summary=(
            "Hosted by the Co-Chairs in Bali. The meeting welcomed the expansion of the Ad "
            "Hoc Group (AHG) to include Vietnam, the Philippines, the United States and the "
            "United Arab Emirates; welcomed the United States, the United Arab Emirates and "
            "UNODC as members; and welcomed the operationalisation of the Regional "
            "Cooperation Framework through the Regional Support Office in Bangkok. It "
            "endorsed three AHG recommendations: cooperation between the Regional Support "
            "Office and the Jakarta Centre for Law Enforcement Cooperation, a working group "
            "on trafficking in persons, and regional policy guides on criminalising people "
            "smuggling and trafficking in persons."
        ),
    ),
)

OTHER_MEETINGS = (
    MeetingFact(
        slug=keys.UNGIFT_SIDE_EVENT,
        kind=OTHER,
        title="Bali Process Side Event at the UN.GIFT meeting",
        start="2008-02-14",
        city="Vienna",
        country="AT",
        summary=(
            "A Bali Process side event at the UN.GIFT meeting in Vienna. New Zealand prepared "
            "the paper “The Bali Process: A Model for Regional Cooperation in the Fight "
            "against Human Trafficking” for it."
        ),
    ),
    MeetingFact(
        slug=keys.ROUNDTABLE_2013,
        kind=OTHER,
        title="Regional Roundtable on Irregular Movements by Sea",
        start="2013-03-18",
        end="2013-03-20",
        city="Jakarta",
        country="ID",
        group=keys.RSO,
        roles=(MeetingRoleFact(keys.INDONESIA, HOST),),
        themes=(keys.IRREGULAR_MOVEMENT_BY_SEA,),
        summary=(
            "Held in Jakarta under the purview of the Regional Support Office. UNHCR and "
            "Indonesia reported its outcomes and proposals to the fifth Senior Officials "
            "Meeting, where members recommended that the outcomes be presented to Ministers "
            "for consideration."
        ),
    ),
)

MEETINGS = MINISTERIAL_CONFERENCES + SENIOR_OFFICIALS_MEETINGS + OTHER_MEETINGS

DELEGATE = Delegate.Role.DELEGATE
HEAD = Delegate.Role.HEAD

# Brisbane 2004: every participant and observer the Report lists sent a
# delegation; the Report names three people and gives no head counts. None of
# the three is called head of delegation, so none is recorded as one.
BRISBANE_NAMED_DELEGATES = {
    keys.AUSTRALIA: (
        DelegateFact(
            honorific="the Hon",
            name="Alexander Downer MP",
            position="Minister for Foreign Affairs",
            role=DELEGATE,
        ),
    ),
    keys.NEW_ZEALAND: (
        DelegateFact(
            honorific="Ms",
            name="Heather Riddell",
            position="AHEG I coordinator",
            agency="Ministry of Foreign Affairs and Trade",
            role=DELEGATE,
        ),
    ),
    keys.THAILAND: (
        DelegateFact(
            honorific="Police Major General",
            name="Krerckphong Pukprayura",
            position="AHEG II coordinator",
            agency="Royal Thai Police",
            role=DELEGATE,
        ),
    ),
}

DELEGATIONS = (
    *(
        DelegationFact(keys.BRISBANE_SOM, slug, BRISBANE_NAMED_DELEGATES.get(slug, ()))
        for slug in participants.MEMBERS_2004 + participants.OBSERVERS_2004
    ),
    # The Fourth Ministerial Conference, as ASEAN's news release tells it. ASEAN
    # has no membership status, so its delegation counts as a guest.
    DelegationFact(
        keys.FOURTH_MC,
        keys.INDONESIA,
        (DelegateFact(name="Marty Natalegawa", position="Foreign Minister", role=HEAD),),
    ),
    DelegationFact(
        keys.FOURTH_MC,
        keys.AUSTRALIA,
        (DelegateFact(name="Kevin Rudd", position="Foreign Minister", role=HEAD),),
    ),
    DelegationFact(
        keys.FOURTH_MC,
        keys.ASEAN,
        (
            DelegateFact(
                honorific="Dr",
                name="Surin Pitsuwan",
                position="Secretary-General of ASEAN",
                role=HEAD,
            ),
        ),
    ),
)
