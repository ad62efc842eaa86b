"""Ministerial conferences, senior officials meetings and other meetings, with
the roles and delegations the seeds name.

Workshops are in `workshops.py`. Every meeting here was held and is
published. Where the seeds give only a month, the date is stored at that
precision; where they do not say where a meeting was held, no place is
stored. A role (co-chair, co-host, host) is recorded only where a seed names
the participant that held it: "the Co-Chairs" unnamed is not enough.
"""

from baliprocess.record import keys, participants
from baliprocess.record.facts import (
    Cite,
    DelegateFact,
    DelegationFact,
    MeetingFact,
    MeetingRoleFact,
    Retraction,
)
from meetings.models import Delegate, Delegation, Meeting, MeetingRole

MINISTERIAL = Meeting.Kind.MINISTERIAL_CONFERENCE
SOM = Meeting.Kind.SENIOR_OFFICIALS_MEETING
OTHER = Meeting.Kind.OTHER
CO_CHAIR = MeetingRole.Role.CO_CHAIR
CO_HOST = MeetingRole.Role.CO_HOST
HOST = MeetingRole.Role.HOST


def report(passage: str, at: str) -> Cite:
    return Cite(keys.REPORT_2004, passage, at=at)


def outcomes_2013(passage: str, at: str) -> Cite:
    return Cite(keys.OUTCOMES_2013, passage, at=at)


def news_release(passage: str, at: str) -> Cite:
    return Cite(keys.NEWS_RELEASE_2011, passage, at=at)


def third_mc_page(passage: str, at: str) -> Cite:
    return Cite(keys.THIRD_MC_PAGE_2009, passage, at=at)


# The 2004 Report: the first two conferences were "co-hosted by the Foreign
# Ministers of Australia and Indonesia", in that order, in February 2002 and
# April 2003. It does not say where they were held, nor who chaired them.
CO_HOSTED_BY_FOREIGN_MINISTERS = report(
    "the two Bali Regional Ministerial Conferences on People Smuggling, Trafficking in "
    "Persons and Related Transnational Crime, co-hosted by the Foreign Ministers of Australia "
    "and Indonesia in February 2002 and April 2003",
    at="para. 3",
)
FIRST_AND_SECOND = report(
    "the co-chairs' statements from the first and second Ministerial Conferences", at="para. 6"
)


def _co_hosted_by_foreign_ministers() -> tuple[MeetingRoleFact, ...]:
    return (
        MeetingRoleFact(
            keys.AUSTRALIA,
            CO_HOST,
            order=0,
            represented_by="the Foreign Minister",
            cites=(CO_HOSTED_BY_FOREIGN_MINISTERS,),
        ),
        MeetingRoleFact(
            keys.INDONESIA,
            CO_HOST,
            order=1,
            represented_by="the Foreign Minister",
            cites=(CO_HOSTED_BY_FOREIGN_MINISTERS,),
        ),
    )


FOURTH_MC_CO_CHAIRED = news_release(
    "The Ministerial Meeting was co-chaired by the Foreign Ministers of Indonesia and Australia",
    at="sixth paragraph",
)
NATALEGAWA = news_release("Indonesian Foreign Minister Marty Natalegawa", at="seventh paragraph")
RUDD = news_release("Australian Foreign Minister Kevin Rudd", at="eighth paragraph")
SURIN = news_release("The Secretary-General of ASEAN, Dr Surin Pitsuwan", at="first paragraph")

MINISTERIAL_CONFERENCES = (
    MeetingFact(
        slug=keys.FIRST_MC,
        kind=MINISTERIAL,
        ordinal=1,
        start="2002-02",
        roles=_co_hosted_by_foreign_ministers(),
        summary=(
            "The first Bali Regional Ministerial Conference on People Smuggling, Trafficking "
            "in Persons and Related Transnational Crime, co-hosted by the Foreign Ministers "
            "of Australia and Indonesia. The Bali Process was established in February 2002. "
            "The main goals of the first two conferences were to raise awareness of and "
            "develop greater cooperation among regional countries to combat people "
            "smuggling and trafficking."
        ),
        cites=(
            CO_HOSTED_BY_FOREIGN_MINISTERS,
            FIRST_AND_SECOND,
            Cite(
                keys.NZ_PAPER_2008,
                "related Trans-national Crime (Bali Process), established in February 2002",
                at="first paragraph",
            ),
            report(
                "the main goals of the two Bali Regional Ministerial Conferences",
                at="para. 3",
            ),
            report(
                "were to raise awareness of and develop greater cooperation among regional "
                "countries to combat people smuggling and trafficking",
                at="para. 3",
            ),
        ),
    ),
    MeetingFact(
        slug=keys.SECOND_MC,
        kind=MINISTERIAL,
        ordinal=2,
        start="2003-04",
        roles=_co_hosted_by_foreign_ministers(),
        summary=(
            "The second Bali Regional Ministerial Conference, co-hosted by the Foreign "
            "Ministers of Australia and Indonesia. Ministers at this conference mandated the "
            "Senior Officials Meeting held in Brisbane in June 2004."
        ),
        cites=(
            CO_HOSTED_BY_FOREIGN_MINISTERS,
            FIRST_AND_SECOND,
            report(
                "in Brisbane from 7 to 8 June 2004, as mandated by Ministers at the second Bali "
                "Ministerial Conference on this subject",
                at="para. 1",
            ),
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
        summary=(
            "Ministers reaffirmed their strongest support for a continuing commitment to "
            "combating people smuggling and trafficking in persons, and agreed on the "
            "importance of a victim-centred approach to law enforcement. Considering that "
            "the Bali Process had reached a point of maturity, they agreed that the Ad Hoc "
            "Group (AHG) mechanisms be retasked to develop regional responses to current "
            "situations concerning the irregular movement of people, with three terms of "
            "reference, and requested the Co-Chairs of the Steering Group to make the "
            "retasked AHG available upon the request of affected countries."
        ),
        cites=(
            third_mc_page(
                "At the third Ministerial Conference, which took place in Bali, Indonesia over "
                "14-15 April 2009, Ministers reaffirmed their strongest support for a "
                "continuing commitment to combating people smuggling and trafficking in "
                "persons.",
                at="first paragraph",
            ),
            third_mc_page(
                "Ministers also agreed on the importance of a victim-centred approach to law "
                "enforcement",
                at="fifth paragraph",
            ),
            third_mc_page(
                "had now reached a point of maturity where it was timely to take a new step "
                "in its development",
                at="Establishment of Ad-hoc Group",
            ),
            third_mc_page(
                "Noting the persistence of current situations concerning the irregular "
                "movement of people in the Asia-Pacific region",
                at="Establishment of Ad-hoc Group",
            ),
            third_mc_page(
                "Ministers agreed that the Ad Hoc Group (AHG) mechanisms used during the "
                "establishment phase of the Bali Process be retasked to develop regional "
                "responses to these current challenges.",
                at="Establishment of Ad-hoc Group",
            ),
            third_mc_page(
                "Ministers requested the Co-Chairs of the Steering Group to make available the "
                "retasked AHG to address comprehensively particular situations on a "
                "case-by-case basis upon the request of affected countries.",
                at="Establishment of Ad-hoc Group",
            ),
            third_mc_page(
                "The AHG would have the following terms of reference",
                at="Establishment of Ad-hoc Group",
            ),
        ),
    ),
    MeetingFact(
        slug=keys.FOURTH_MC,
        kind=MINISTERIAL,
        ordinal=4,
        start="2011-03",
        city="Bali",
        country="ID",
        # Ministers, high-level officials and partner organisations attended;
        # the release names three people, so the record of attendance is partial.
        attendance=Meeting.Attendance.PARTIAL,
        roles=(
            MeetingRoleFact(
                keys.INDONESIA,
                CO_CHAIR,
                order=0,
                represented_by="Foreign Minister Marty Natalegawa",
                cites=(FOURTH_MC_CO_CHAIRED, NATALEGAWA),
            ),
            MeetingRoleFact(
                keys.AUSTRALIA,
                CO_CHAIR,
                order=1,
                represented_by="Foreign Minister Kevin Rudd",
                cites=(FOURTH_MC_CO_CHAIRED, RUDD),
            ),
        ),
        summary=(
            "Co-chaired by the Foreign Ministers of Indonesia and Australia and attended by "
            "the Ministers and high-level officials in charge of relevant issues from Bali "
            "Process countries and partner regional and international organisations. There "
            "the Secretary-General of ASEAN, Dr Surin Pitsuwan, said ASEAN was ready to share "
            "its experience in addressing irregular movement of people. In the Co-Chairs' "
            "Statement, Ministers agreed that an inclusive but non-binding regional "
            "cooperation framework would provide a more effective way for interested parties "
            "to cooperate to reduce irregular movement through the region. Ministers tasked "
            "the Ad Hoc Group to operationalise the Regional Cooperation Framework and to "
            "enhance cooperation on trafficking in persons issues, and directed that the Ad "
            "Hoc Group be expanded."
        ),
        cites=(
            outcomes_2013(
                "as directed by Ministers at the Fourth Ministerial Conference in March 2011, "
                "the AHG had been expanded",
                at="second paragraph",
            ),
            news_release(
                "the Fourth Bali Process Regional Ministerial Meeting on People Smuggling, "
                "Trafficking in Persons and Related Transnational Crime, held this week in "
                "Bali, Indonesia",
                at="first paragraph",
            ),
            news_release(
                "The Ministerial Meeting was co-chaired by the Foreign Ministers of Indonesia "
                "and Australia and attended by the Ministers and high-level officials in "
                "charge of relevant issues from Bali Process Countries and partner regional "
                "and international organisations.",
                at="sixth paragraph",
            ),
            news_release(
                "ASEAN is ready to share its experience in addressing irregular movement of people",
                at="first paragraph",
            ),
            news_release(
                "The Secretary-General of ASEAN, Dr Surin Pitsuwan, conveyed these points "
                "during the Fourth Bali Process Regional Ministerial Meeting",
                at="first paragraph",
            ),
            news_release(
                "agreed that an inclusive but non-binding regional cooperation framework would "
                "provide a more effective way for interested parties to cooperate to reduce "
                "irregular movement through the region",
                at="last paragraph",
            ),
            outcomes_2013(
                "had tasked the AHG to operationalise the RCF. Ministers had also tasked the "
                "AHG to enhance cooperation on trafficking in persons issues.",
                at="third paragraph",
            ),
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
        # Every delegation is listed; only three delegates are named.
        attendance=Meeting.Attendance.DELEGATIONS,
        reported_delegate_total=139,
        reported_country_total=47,
        reported_organisation_total=9,
        roles=(
            # "Australia and Indonesia co-chaired", in the Report's order.
            MeetingRoleFact(
                keys.AUSTRALIA,
                CO_CHAIR,
                order=0,
                cites=(report("Australia and Indonesia co-chaired a meeting", at="para. 1"),),
            ),
            MeetingRoleFact(
                keys.INDONESIA,
                CO_CHAIR,
                order=1,
                cites=(report("Australia and Indonesia co-chaired a meeting", at="para. 1"),),
            ),
        ),
        summary=(
            "Senior officials met in Brisbane, as mandated by Ministers at the second Bali "
            "Ministerial Conference, and reviewed progress against the objectives set by "
            "Ministers, discussed future directions and the administration and organisation "
            "of the Bali Process. The meeting was attended by 139 delegates representing 47 "
            "countries and nine international and regional organisations. Senior officials "
            "recommended that the Bali Process continue in a more streamlined way, and "
            "suggested that the Ad Hoc Experts Groups be discontinued in their current form."
        ),
        cites=(
            report("Senior Officials Meeting, Brisbane, 7 to 8 June 2004", at="heading"),
            report(
                "Australia and Indonesia co-chaired a meeting of senior officials involved in the "
                "Bali process on People Smuggling, Trafficking in Persons and Related "
                "Transnational Crime in Brisbane from 7 to 8 June 2004, as mandated by Ministers "
                "at the second Bali Ministerial Conference on this subject.",
                at="para. 1",
            ),
            report(
                "Senior officials reviewed progress against the objectives set by Ministers and "
                "discussed future directions. They also discussed the administration and "
                "organisation of the Bali process. The meeting was attended by 139 delegates "
                "representing 47 countries and nine international and regional organisations. "
                "The full list of participating countries and organisations follows below.",
                at="para. 2",
            ),
            report(
                "Senior officials recommended that the Bali process continue in a more "
                "streamlined way",
                at="para. 27",
            ),
            report(
                "they suggested that the AHEGs be discontinued in their current form",
                at="para. 24",
            ),
        ),
    ),
    MeetingFact(
        slug=keys.BALI_SOM_2011,
        kind=SOM,
        start="2011-03-10",
        city="Bali",
        country="ID",
        summary=(
            "A Senior Officials Meeting in Bali on 10 March 2011. The Co-Chairs recalled its "
            "outcomes, with the Co-Chairs' Statement of the Fourth Ministerial Conference, at "
            "the fifth Senior Officials Meeting in 2013."
        ),
        cites=(
            outcomes_2013(
                "The Co-Chairs recalled the outcomes from the Senior Officials Meeting in Bali "
                "on 10 March 2011 and the Co-Chairs’ Statement from the Fourth Ministerial "
                "Conference.",
                at="third paragraph",
            ),
        ),
    ),
    MeetingFact(
        slug=keys.FIFTH_SOM,
        kind=SOM,
        ordinal=5,
        start="2013-04-01",
        city="Bali",
        country="ID",
        summary=(
            "Hosted in Bali by the Co-Chairs of the Bali Process. The meeting welcomed advice "
            "from the Co-Chairs that the Ad Hoc Group (AHG) had been expanded to include "
            "Vietnam, the Philippines, the United States and the United Arab Emirates; "
            "participants welcomed the membership of the United States, the United Arab "
            "Emirates and UNODC; and the meeting welcomed the operationalisation of the "
            "Regional Cooperation Framework through the establishment of the Regional Support "
            "Office in Bangkok. It endorsed three AHG recommendations: to establish "
            "cooperation between the Regional Support Office and the Jakarta Centre for Law "
            "Enforcement Cooperation, to establish a working group on trafficking in persons, "
            "and to develop regional policy guides on criminalising people smuggling and "
            "trafficking in persons."
        ),
        cites=(
            outcomes_2013(
                "The Co-Chairs of the Bali Process on People Smuggling, Trafficking in Persons "
                "and related Transnational Crime (Bali Process) hosted the fifth Senior "
                "Officials Meeting in Bali on 1 April 2013.",
                at="first paragraph",
            ),
            outcomes_2013(
                "The meeting welcomed advice from the Co-Chairs that, as directed by Ministers "
                "at the Fourth Ministerial Conference in March 2011, the AHG had been "
                "expanded, on the recommendation of the Bali Process Steering Group, to "
                "include existing Bali Process members Vietnam and the Philippines and new "
                "members (past observers) the United States and United Arab Emirates.",
                at="second paragraph",
            ),
            outcomes_2013(
                "Participants welcomed the membership of the United States of America, the "
                "United Arab Emirates and UNODC to the Bali Process",
                at="second paragraph",
            ),
            outcomes_2013(
                "The meeting welcomed the operationalization of the RCF through the "
                "establishment of the Regional Support Office (RSO) in Bangkok.",
                at="fifth paragraph",
            ),
            outcomes_2013(
                "The meeting endorsed the AHG recommendation to establish cooperation between "
                "the Bali Process RSO and the Jakarta Centre for Law Enforcement Cooperation "
                "(JCLEC).",
                at="Way forwards",
            ),
            outcomes_2013(
                "The meeting endorsed the AHG recommendation to establish a working group on "
                "trafficking in persons.",
                at="Way forwards",
            ),
            outcomes_2013(
                "The meeting endorsed the AHG recommendation to develop regional policy guides "
                "on criminalising people smuggling and trafficking in persons",
                at="Way forwards",
            ),
        ),
    ),
)

OTHER_MEETINGS = (
    MeetingFact(
        slug=keys.UNGIFT_SIDE_EVENT,
        kind=OTHER,
        title="Bali Process Side Event at the UNGIFT meeting",
        start="2008-02-14",
        city="Vienna",
        country="AT",
        summary=(
            "A Bali Process side event at the UNGIFT meeting in Vienna. New Zealand prepared "
            "the paper “The Bali Process: A Model for Regional Cooperation in the Fight "
            "against Human Trafficking” for it."
        ),
        cites=(
            Cite(
                keys.NZ_PAPER_2008,
                "Paper prepared by New Zealand for UNGIFT meeting, Vienna, Bali Process Side "
                "Event, 14 February 2008",
                at="heading",
            ),
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
        themes=(keys.IRREGULAR_MOVEMENT_BY_SEA,),
        summary=(
            "Held in Jakarta under the purview of the Regional Support Office. The fifth "
            "Senior Officials Meeting welcomed a report from UNHCR and Indonesia on its "
            "outcomes and proposals; members recommended that the outcomes be presented to "
            "Ministers for consideration."
        ),
        cites=(
            outcomes_2013(
                "The meeting welcomed a report from UNHCR and Indonesia on outcomes and "
                "proposals emanating from the Regional Roundtable on Irregular Movements by Sea "
                "held in Jakarta under the purview of the RSO from 18-20 March 2013.",
                at="Way forwards",
            ),
            outcomes_2013(
                "Members recommended the outcomes be presented to Ministers for consideration",
                at="Way forwards",
            ),
        ),
    ),
)

MEETINGS = MINISTERIAL_CONFERENCES + SENIOR_OFFICIALS_MEETINGS + OTHER_MEETINGS

# No seed calls anyone a head of delegation, or gives anyone's place in a
# delegation: every delegate's role is "not recorded".
NOT_RECORDED = Delegate.Role.NOT_RECORDED

# Brisbane 2004: every participant and observer the Report lists sent a
# delegation; the Report names three people and gives no head counts.
BRISBANE_NAMED_DELEGATES = {
    keys.AUSTRALIA: (
        DelegateFact(
            honorific="the Hon",
            name="Alexander Downer MP",
            position="Minister for Foreign Affairs",
            role=NOT_RECORDED,
            cites=(
                report(
                    "The Australian Minister for Foreign Affairs, the Hon Alexander Downer MP, "
                    "provided an overview",
                    at="para. 1",
                ),
            ),
        ),
    ),
    keys.NEW_ZEALAND: (
        DelegateFact(
            honorific="Ms",
            name="Heather Riddell",
            position="AHEG I coordinator",
            agency="Ministry of Foreign Affairs and Trade",
            role=NOT_RECORDED,
            cites=(
                report(
                    "AHEG I coordinator, Ms Heather Riddell, New Zealand Ministry of Foreign "
                    "Affairs and Trade, presented to the meeting",
                    at="para. 8",
                ),
            ),
        ),
    ),
    keys.THAILAND: (
        DelegateFact(
            honorific="Police Major General",
            name="Krerckphong Pukprayura",
            position="AHEG II coordinator",
            agency="Royal Thai Police",
            role=NOT_RECORDED,
            cites=(
                report(
                    "AHEG II coordinator, Police Major General Krerckphong Pukprayura, of the "
                    "Royal Thai Police, presented a report of AHEG II activities",
                    at="para. 9",
                ),
            ),
        ),
    ),
}

BRISBANE_LIST = report(
    "The meeting was attended by 139 delegates representing 47 countries and nine "
    "international and regional organisations. The full list of participating countries and "
    "organisations follows below.",
    at="para. 2",
)


def _brisbane_delegation(order: int, listed: participants.Listed, *, observer: bool):
    """A delegation of the Report's lists, under its name there and in its place:
    members 1–38 (UNHCR and IOM last), observers on from 39."""
    cites = (BRISBANE_LIST, participants.in_participants_list(listed.printed))
    if observer:
        cites += (participants.OBSERVERS_SENTENCE,)
    return DelegationFact(
        keys.BRISBANE_SOM,
        listed.fact.slug,
        BRISBANE_NAMED_DELEGATES.get(listed.fact.slug, ()),
        recorded_name=listed.recorded_name,
        recorded_order=order,
        cites=cites,
    )


BRISBANE_DELEGATIONS = tuple(
    _brisbane_delegation(order, listed, observer=order > len(participants.LISTED_MEMBERS_2004))
    for order, listed in enumerate(
        participants.LISTED_MEMBERS_2004 + participants.LISTED_OBSERVERS_2004, start=1
    )
)

# The Fourth Ministerial Conference, as ASEAN's news release tells it: three
# people named, and no delegation's size.
FOURTH_MC_DELEGATIONS = (
    DelegationFact(
        keys.FOURTH_MC,
        keys.INDONESIA,
        (
            DelegateFact(
                name="Marty Natalegawa",
                position="Foreign Minister",
                role=NOT_RECORDED,
                cites=(NATALEGAWA,),
            ),
        ),
        cites=(FOURTH_MC_CO_CHAIRED, NATALEGAWA),
    ),
    DelegationFact(
        keys.FOURTH_MC,
        keys.AUSTRALIA,
        (
            DelegateFact(
                name="Kevin Rudd", position="Foreign Minister", role=NOT_RECORDED, cites=(RUDD,)
            ),
        ),
        cites=(FOURTH_MC_CO_CHAIRED, RUDD),
    ),
    # ASEAN has no membership status, and the release gives it none: it
    # counts among the "partner regional and international organisations".
    DelegationFact(
        keys.FOURTH_MC,
        keys.ASEAN,
        (
            DelegateFact(
                honorific="Dr",
                name="Surin Pitsuwan",
                position="Secretary-General of ASEAN",
                role=NOT_RECORDED,
                cites=(SURIN,),
            ),
        ),
        capacity=Delegation.Capacity.NOT_RECORDED,
        cites=(
            SURIN,
            news_release("partner regional and international organisations", at="sixth paragraph"),
        ),
    ),
)

DELEGATIONS = BRISBANE_DELEGATIONS + FOURTH_MC_DELEGATIONS


def _role(meeting: str, participant: str, role: str, reason: str) -> Retraction:
    return Retraction("meeting_role", (meeting, participant, role), reason)


NO_SEED_NAMES_THE_CO_CHAIRS = (
    "No seed names this conference's co-chairs: the 2004 Report says only that the first two "
    "conferences were co-hosted by the Foreign Ministers of Australia and Indonesia."
)
THIRD_MC_CO_CHAIRS = (
    "No seed names the Third Ministerial Conference's co-chairs: its page mentions the "
    "Co-Chairs' Statement and the Co-Chairs of the Steering Group without naming them."
)
FIFTH_MC_UNDESCRIBED = (
    "No seed describes a Fifth Ministerial Conference of 2 April 2013; the date was from "
    "outside the record's sources."
)
FIFTH_SOM_CO_CHAIRS = (
    "The 2013 outcomes say the meeting was hosted by 'the Co-Chairs of the Bali Process' "
    "without naming them."
)

# Children before their parents: the roles before the meeting they belong to.
RETRACTIONS = (
    _role(keys.FIRST_MC, keys.INDONESIA, CO_CHAIR, NO_SEED_NAMES_THE_CO_CHAIRS),
    _role(keys.FIRST_MC, keys.AUSTRALIA, CO_CHAIR, NO_SEED_NAMES_THE_CO_CHAIRS),
    _role(keys.SECOND_MC, keys.INDONESIA, CO_CHAIR, NO_SEED_NAMES_THE_CO_CHAIRS),
    _role(keys.SECOND_MC, keys.AUSTRALIA, CO_CHAIR, NO_SEED_NAMES_THE_CO_CHAIRS),
    _role(keys.THIRD_MC, keys.INDONESIA, CO_CHAIR, THIRD_MC_CO_CHAIRS),
    _role(keys.THIRD_MC, keys.AUSTRALIA, CO_CHAIR, THIRD_MC_CO_CHAIRS),
    _role(keys.FIFTH_MC, keys.INDONESIA, CO_CHAIR, FIFTH_MC_UNDESCRIBED),
    _role(keys.FIFTH_MC, keys.AUSTRALIA, CO_CHAIR, FIFTH_MC_UNDESCRIBED),
    Retraction("meeting", (keys.FIFTH_MC,), FIFTH_MC_UNDESCRIBED),
    _role(
        keys.BRISBANE_SOM,
        keys.AUSTRALIA,
        HOST,
        "The 2004 Report says Australia and Indonesia co-chaired the meeting in Brisbane; it "
        "does not say who hosted it.",
    ),
    _role(keys.FIFTH_SOM, keys.INDONESIA, CO_CHAIR, FIFTH_SOM_CO_CHAIRS),
    _role(keys.FIFTH_SOM, keys.AUSTRALIA, CO_CHAIR, FIFTH_SOM_CO_CHAIRS),
    _role(keys.FIFTH_SOM, keys.INDONESIA, CO_HOST, FIFTH_SOM_CO_CHAIRS),
    _role(keys.FIFTH_SOM, keys.AUSTRALIA, CO_HOST, FIFTH_SOM_CO_CHAIRS),
    _role(
        keys.ROUNDTABLE_2013,
        keys.INDONESIA,
        HOST,
        "The 2013 outcomes say the roundtable was held in Jakarta under the purview of the RSO, "
        "and that UNHCR and Indonesia reported on it; they do not say who hosted it.",
    ),
)
