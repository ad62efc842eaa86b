"""Outcomes: what the meetings and groups produced, how they relate, and
their status history, each citing the document that records it.

Where the seeds do not say when an outcome was made (a recommendation the
AHG put to the fifth SOM, model legislation in use by 2004), its date is the
date of the meeting or report that records it: the latest date it can have,
stated no more precisely than that record states it.
"""

from baliprocess.record import keys
from baliprocess.record.facts import OutcomeFact, OutcomeLinkFact, OutcomeStatusFact
from workshops.models import Outcome, OutcomeLink, OutcomeStatus

RECOMMENDATION = Outcome.Kind.RECOMMENDATION
ENDORSEMENT = Outcome.Kind.ENDORSEMENT
TASK = Outcome.Kind.TASK
DECISION = Outcome.Kind.DECISION
PLEDGE = Outcome.Kind.PLEDGE
DELIVERABLE = Outcome.Kind.DELIVERABLE
STATEMENT = Outcome.Kind.STATEMENT

PROPOSED = OutcomeStatus.Status.PROPOSED
ENDORSED = OutcomeStatus.Status.ENDORSED
IN_PROGRESS = OutcomeStatus.Status.IN_PROGRESS
COMPLETED = OutcomeStatus.Status.COMPLETED


def _brisbane(**fields) -> OutcomeFact:
    """An outcome of the Senior Officials Meeting, Brisbane 2004."""
    fields.setdefault("source_meeting", keys.BRISBANE_SOM)
    return OutcomeFact(date="2004-06-08", source_document=keys.REPORT_2004, **fields)


def _at_brisbane(status: str, note: str = "") -> tuple[OutcomeStatusFact, ...]:
    return (OutcomeStatusFact(status, "2004-06-08", keys.BRISBANE_SOM, keys.REPORT_2004, note),)


def _fourth_mc(**fields) -> OutcomeFact:
    """An outcome of the Fourth Ministerial Conference, March 2011."""
    fields.setdefault("source_document", keys.OUTCOMES_2013)
    return OutcomeFact(date="2011-03", source_meeting=keys.FOURTH_MC, **fields)


def _fifth_som(**fields) -> OutcomeFact:
    """An outcome recorded by the fifth Senior Officials Meeting, 1 April 2013."""
    if "source_group" not in fields:
        fields["source_meeting"] = keys.FIFTH_SOM
    return OutcomeFact(date="2013-04-01", source_document=keys.OUTCOMES_2013, **fields)


def _at_fifth_som(status: str, note: str = "") -> OutcomeStatusFact:
    return OutcomeStatusFact(status, "2013-04-01", keys.FIFTH_SOM, keys.OUTCOMES_2013, note)


AHG_RECOMMENDATION_STATUSES = (
    _at_fifth_som(
        PROPOSED,
        "Put to the fifth Senior Officials Meeting by the AHG; the record gives no earlier date.",
    ),
    _at_fifth_som(ENDORSED, "Endorsed by the fifth Senior Officials Meeting."),
)

BRISBANE_2004 = (
    _brisbane(
        key="japan-website-pledge",
        kind=PLEDGE,
        title="Japan's pledge for the upkeep and management of the website",
        text=(
            "In recognition of the value of the website as a critical tool for the Bali "
            "Process, Japan pledged US$10,000 for the upkeep and management of the website."
        ),
        paragraph="19",
        responsible_participants=(keys.JAPAN,),
        amount="10000",
        currency="USD",
    ),
    _brisbane(
        key="new-zealand-website-pledge",
        kind=PLEDGE,
        title="New Zealand's targeted funding for the website",
        text="New Zealand pledged targeted funding of NZ$30,000 for the website.",
        paragraph="19",
        responsible_participants=(keys.NEW_ZEALAND,),
        amount="30000",
        currency="NZD",
    ),
    _brisbane(
        key="australia-website-contribution",
        kind=PLEDGE,
        title="Australia's contribution to website funding",
        text="Australia announced that it would also contribute to website funding.",
        paragraph="19",
        responsible_participants=(keys.AUSTRALIA,),
    ),
    _brisbane(
        key="website-review",
        kind=RECOMMENDATION,
        title="Review and further develop the Bali Process website",
        text=(
            "Senior officials proposed that the website be reviewed and further developed to "
            "include additional information and links to other sites and databases. They "
            "noted the need for secure access for confidential law-enforcement information, "
            "either by making use of the Interpol database or by enhancing the Bali website."
        ),
        paragraph="19",
        statuses=_at_brisbane(PROPOSED),
    ),
    _brisbane(
        key="raise-awareness",
        kind=RECOMMENDATION,
        title="Further work to raise awareness of people smuggling and trafficking",
        text=(
            "Senior officials recommended further work to raise awareness of people smuggling "
            "and trafficking issues – nationally, within the region and in multilateral "
            "forums."
        ),
        paragraph="20",
        statuses=_at_brisbane(PROPOSED),
    ),
    _brisbane(
        key="interaction-with-other-processes",
        kind=RECOMMENDATION,
        title="Continue the interaction with other regional processes",
        text=(
            "Senior officials referred to the value of interaction with other regional "
            "processes and recommended that this continue. They welcomed the positive "
            "engagement of observers and relevant international organisations in the Bali "
            "Process, and encouraged them to participate in future activities as appropriate."
        ),
        paragraph="23",
        statuses=_at_brisbane(PROPOSED),
    ),
    _brisbane(
        key="discontinue-ahegs",
        kind=RECOMMENDATION,
        title="Discontinue the Ad Hoc Experts Groups in their current form",
        text=(
            "Given progress to date and the more targeted approach proposed for future work, "
            "senior officials suggested that the AHEGs be discontinued in their current form, "
            "but that New Zealand coordinate activities on regional and international "
            "cooperation on policy issues and legal frameworks, and Thailand coordinate "
            "activities on regional and international cooperation on policy issues and law "
            "enforcement."
        ),
        paragraph="24",
        responsible_participants=(keys.NEW_ZEALAND, keys.THAILAND),
        statuses=_at_brisbane(PROPOSED),
    ),
    _brisbane(
        key="steering-group-continues",
        kind=DECISION,
        title="The Steering Group to continue its planning and coordination role",
        text=(
            "Senior officials agreed that the Steering Group should continue in its current "
            "planning and coordination role."
        ),
        paragraph="24",
        responsible_group=keys.STEERING_GROUP,
    ),
    _brisbane(
        key="co-chairs-report-after-a-year",
        kind=TASK,
        title="Report after a year on activities and seek views on future directions",
        text=(
            "Senior officials asked the co-chairs to report to countries and organisations "
            "involved in the Bali Process after a year on activities that had taken place, "
            "and to seek their views on future directions."
        ),
        paragraph="26",
        responsible_participants=(keys.INDONESIA, keys.AUSTRALIA),
    ),
    _brisbane(
        key="continue-streamlined",
        kind=RECOMMENDATION,
        title="Continue the Bali Process in a more streamlined way",
        text=(
            "Senior officials recommended to Ministers that the Bali Process continue in a "
            "more streamlined way, and asked the co-chairs, the two coordinators, UNHCR and "
            "IOM to develop proposals for targeted activities, subject to available resources."
        ),
        paragraph="27",
        responsible_participants=(
            keys.INDONESIA,
            keys.AUSTRALIA,
            keys.NEW_ZEALAND,
            keys.THAILAND,
            keys.UNHCR,
            keys.IOM,
        ),
        statuses=_at_brisbane(PROPOSED),
    ),
    _brisbane(
        key="legislation-and-returns-completed",
        kind=STATEMENT,
        title="Work on legislation and returns completed",
        text=(
            "Senior officials agreed that work on legislation to criminalise people smuggling "
            "and trafficking in persons and on returns had now been completed or soon would "
            "be – at least in so far as it could be taken forward in a multilateral process "
            "of this kind."
        ),
        paragraph="17",
    ),
)

DELIVERABLES = (
    OutcomeFact(
        key="returns-checklist",
        kind=DELIVERABLE,
        title="Checklist of issues on the return of smuggled and trafficked people",
        text=(
            "The returns workshop developed a checklist of issues for governments to consider "
            "on the return of smuggled and trafficked people."
        ),
        date="2004-05",
        source_meeting=keys.RETURNS_WORKSHOP_2004,
        source_document=keys.REPORT_2004,
        paragraph="11",
        statuses=_at_brisbane(COMPLETED, "Reported to senior officials in Brisbane."),
    ),
    OutcomeFact(
        key="return-agreement-paragraphs",
        kind=DELIVERABLE,
        title="Compilation of draft paragraphs for bilateral return agreements",
        text=(
            "The returns workshop developed a compilation of draft paragraphs for countries "
            "to draw on in developing bilateral return agreements."
        ),
        date="2004-05",
        source_meeting=keys.RETURNS_WORKSHOP_2004,
        source_document=keys.REPORT_2004,
        paragraph="11",
        statuses=_at_brisbane(COMPLETED, "Reported to senior officials in Brisbane."),
    ),
    OutcomeFact(
        key="identity-guidelines",
        kind=DELIVERABLE,
        title="Best practice guidelines for the initial establishment of identity",
        text=(
            "The identity workshop had begun useful work on developing best practice "
            "guidelines for the initial establishment of identity."
        ),
        date="2004-03",
        source_meeting=keys.IDENTITY_WORKSHOP_2004,
        source_document=keys.REPORT_2004,
        paragraph="11",
        statuses=_at_brisbane(IN_PROGRESS, "Work had begun, senior officials were told."),
    ),
    _brisbane(
        key="model-legislation",
        kind=DELIVERABLE,
        title="Model legislation developed by Australia and China",
        text=(
            "The legislative workshops assisted many countries to develop their own national "
            "legislation, drawing on model legislation developed by Australia and China. "
            "Senior officials called this a major success of the Bali Process."
        ),
        source_meeting=None,
        source_group=keys.AHEG_II,
        paragraph="10",
        responsible_participants=(keys.AUSTRALIA, keys.CHINA),
        statuses=_at_brisbane(
            COMPLETED,
            "In use by the legislative workshops by June 2004. The record does not say when "
            "the model legislation was developed.",
        ),
    ),
    OutcomeFact(
        key="passport-resource",
        kind=DELIVERABLE,
        title="Resource of technical materials and contact points on passport systems",
        text=(
            "The workshop created a resource of technical materials, contact points and "
            "capacity building opportunities to assist participants to advance border "
            "management and passport authentication systems to better combat trans-national "
            "crime – in particular people smuggling and trafficking."
        ),
        date="2007-08",
        source_meeting=keys.PASSPORTS_WORKSHOP_2007,
        source_document=keys.NZ_PAPER_2008,
        statuses=(
            OutcomeStatusFact(
                COMPLETED,
                "2008-02-14",
                keys.UNGIFT_SIDE_EVENT,
                keys.NZ_PAPER_2008,
                "Reported in New Zealand's paper for the UN.GIFT side event.",
            ),
        ),
    ),
)

THIRD_MC_2009 = (
    OutcomeFact(
        key="retask-ahg",
        kind=DECISION,
        title="Retask the Ad Hoc Group with terms of reference (a)–(c)",
        text=(
            "Ministers agreed that the Ad Hoc Group (AHG) mechanisms used during the "
            "establishment phase of the Bali Process be retasked to develop regional "
            "responses to current challenges, with the following terms of reference: (a) to "
            "develop practical outcomes at the operational level to assist countries to "
            "mitigate increased irregular population movements; (b) to enhance information "
            "sharing arrangements between most-affected countries; and (c) to report to "
            "Co-Chairs through the Steering Group with concrete recommendations to inform "
            "future regional cooperation on people smuggling and trafficking in persons."
        ),
        date="2009-04-14",
        source_meeting=keys.THIRD_MC,
        source_document=keys.THIRD_MC_PAGE_2009,
        responsible_group=keys.AHG,
    ),
    OutcomeFact(
        key="make-ahg-available",
        kind=TASK,
        title="Make the retasked Ad Hoc Group available to affected countries",
        text=(
            "Ministers requested the Co-Chairs of the Steering Group to make available the "
            "retasked AHG to address comprehensively particular situations on a case-by-case "
            "basis upon the request of affected countries."
        ),
        date="2009-04-14",
        source_meeting=keys.THIRD_MC,
        source_document=keys.THIRD_MC_PAGE_2009,
        responsible_group=keys.STEERING_GROUP,
        responsible_participants=(keys.INDONESIA, keys.AUSTRALIA),
    ),
)

FOURTH_MC_2011 = (
    _fourth_mc(
        key="regional-cooperation-framework",
        kind=DECISION,
        title="An inclusive, non-binding Regional Cooperation Framework",
        text=(
            "Ministers agreed that an inclusive but non-binding regional cooperation "
            "framework would provide a more effective way for interested parties to cooperate "
            "to reduce irregular movement through the region. The framework could be "
            "operationalised through interested States entering into practical bilateral or "
            "other sub-regional arrangements."
        ),
        source_document=keys.NEWS_RELEASE_2011,
    ),
    _fourth_mc(
        key="operationalise-rcf",
        kind=TASK,
        title="Operationalise the Regional Cooperation Framework",
        text=(
            "The Fourth Ministerial Conference agreed to focus on ways to harmonise processes "
            "for dealing with the irregular movement of people in the region under a Regional "
            "Cooperation Framework (RCF), and tasked the AHG to operationalise the RCF."
        ),
        responsible_group=keys.AHG,
        statuses=(
            OutcomeStatusFact(
                IN_PROGRESS,
                "2011-03",
                keys.FOURTH_MC,
                keys.OUTCOMES_2013,
                "Ministers tasked the AHG, as the Co-Chairs recalled in 2013.",
            ),
            _at_fifth_som(
                IN_PROGRESS,
                "The meeting welcomed the operationalisation of the RCF through the "
                "establishment of the Regional Support Office in Bangkok.",
            ),
        ),
    ),
    _fourth_mc(
        key="enhance-tip-cooperation",
        kind=TASK,
        title="Enhance cooperation on trafficking in persons issues",
        text="Ministers tasked the AHG to enhance cooperation on trafficking in persons issues.",
        responsible_group=keys.AHG,
    ),
    _fourth_mc(
        key="expand-ahg",
        kind=TASK,
        title="Expand the Ad Hoc Group",
        text="Ministers at the Fourth Ministerial Conference directed that the AHG be expanded.",
        statuses=(
            _at_fifth_som(
                COMPLETED,
                "The Co-Chairs advised that the AHG had been expanded, on the recommendation of "
                "the Steering Group, to include existing members Vietnam and the Philippines "
                "and new members the United States and the United Arab Emirates.",
            ),
        ),
    ),
)

FIFTH_SOM_2013 = (
    _fifth_som(
        key="rso-jclec-recommendation",
        kind=RECOMMENDATION,
        source_group=keys.AHG,
        title="Establish cooperation between the Regional Support Office and JCLEC",
        text=(
            "The AHG recommended establishing cooperation between the Bali Process Regional "
            "Support Office (RSO) and the Jakarta Centre for Law Enforcement Cooperation "
            "(JCLEC), outlined in a concept paper developed by Indonesia and Australia in "
            "consultation with JCLEC and the RSO."
        ),
        statuses=AHG_RECOMMENDATION_STATUSES,
    ),
    _fifth_som(
        key="tip-working-group-recommendation",
        kind=RECOMMENDATION,
        source_group=keys.AHG,
        title="Establish a working group on trafficking in persons",
        text=(
            "The AHG recommended establishing a working group on trafficking in persons, as a "
            "coordination mechanism to better focus Bali Process activities to address "
            "members' capacity needs and to help inform Bali Process responses to "
            "trafficking in persons issues."
        ),
        statuses=AHG_RECOMMENDATION_STATUSES,
    ),
    _fifth_som(
        key="policy-guides-recommendation",
        kind=RECOMMENDATION,
        source_group=keys.AHG,
        title="Develop regional policy guides on criminalising people smuggling and trafficking",
        text=(
            "The AHG recommended developing regional policy guides on criminalising people "
            "smuggling and trafficking in persons, targeted at policy makers and "
            "practitioners, to promote a consistent understanding of legal obligations under "
            "the UNTOC and its Protocols on Smuggling of Migrants and Trafficking in Persons, "
            "and to assist countries in developing effective legislation."
        ),
        statuses=AHG_RECOMMENDATION_STATUSES,
    ),
    _fifth_som(
        key="rso-jclec-endorsement",
        kind=ENDORSEMENT,
        title="Endorsement of cooperation between the Regional Support Office and JCLEC",
        text=(
            "The meeting endorsed the AHG recommendation to establish cooperation between the "
            "Bali Process RSO and the Jakarta Centre for Law Enforcement Cooperation (JCLEC). "
            "Participants welcomed the potential benefits of a partnership with JCLEC."
        ),
    ),
    _fifth_som(
        key="tip-working-group-endorsement",
        kind=ENDORSEMENT,
        title="Endorsement of a working group on trafficking in persons",
        text=(
            "The meeting endorsed the AHG recommendation to establish a working group on "
            "trafficking in persons."
        ),
    ),
    _fifth_som(
        key="policy-guides-endorsement",
        kind=ENDORSEMENT,
        title="Endorsement of regional policy guides on criminalisation",
        text=(
            "The meeting endorsed the AHG recommendation to develop regional policy guides on "
            "criminalising people smuggling and trafficking in persons targeted at policy "
            "makers and practitioners."
        ),
    ),
    _fifth_som(
        key="unodc-membership-decision",
        kind=DECISION,
        source_group=keys.STEERING_GROUP,
        title="Support UNODC's application to become a member",
        text=(
            "The Steering Group decided to support the UNODC's application to become a member "
            "of the Bali Process. The Co-Chairs sought the endorsement of the fifth Senior "
            "Officials Meeting for the decision."
        ),
        statuses=(_at_fifth_som(ENDORSED, "Endorsed by the fifth Senior Officials Meeting."),),
    ),
    _fifth_som(
        key="welcome-new-members",
        kind=DECISION,
        title="Welcome the United States, the United Arab Emirates and UNODC as members",
        text=(
            "Participants welcomed the membership of the United States of America, the United "
            "Arab Emirates and UNODC to the Bali Process and looked forward to their "
            "strengthened engagement."
        ),
    ),
    _fifth_som(
        key="establish-tip-working-group",
        kind=DECISION,
        title="Establish the working group on trafficking in persons under the AHG's purview",
        text=(
            "Members agreed that the working group would be established under the purview of "
            "the AHG but would be open to all interested Bali Process members, and would "
            "engage with civil society, non government organizations and the business "
            "community in undertaking its work."
        ),
        responsible_group=keys.AHG,
    ),
    _fifth_som(
        key="roundtable-outcomes-to-ministers",
        kind=RECOMMENDATION,
        title="Present the Roundtable's outcomes to Ministers and explore a protection-sensitive "
        "regional approach",
        text=(
            "Members recommended that the outcomes of the Regional Roundtable on Irregular "
            "Movements by Sea be presented to Ministers for consideration, and that affected "
            "States further explore ways in which cooperation in managing irregular maritime "
            "movements could be strengthened in practical ways, including through the "
            "development of a protection-sensitive regional approach."
        ),
        statuses=(_at_fifth_som(PROPOSED),),
    ),
)

OUTCOMES = BRISBANE_2004 + DELIVERABLES + THIRD_MC_2009 + FOURTH_MC_2011 + FIFTH_SOM_2013

ENDORSES = OutcomeLink.Relation.ENDORSES
FOLLOWS = OutcomeLink.Relation.FOLLOWS

OUTCOME_LINKS = (
    OutcomeLinkFact("rso-jclec-endorsement", ENDORSES, "rso-jclec-recommendation"),
    OutcomeLinkFact("tip-working-group-endorsement", ENDORSES, "tip-working-group-recommendation"),
    OutcomeLinkFact("policy-guides-endorsement", ENDORSES, "policy-guides-recommendation"),
    OutcomeLinkFact("establish-tip-working-group", FOLLOWS, "tip-working-group-recommendation"),
    OutcomeLinkFact("tip-working-group-recommendation", FOLLOWS, "enhance-tip-cooperation"),
)
