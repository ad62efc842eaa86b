"""Outcomes: what the meetings and groups produced, how they relate, and
their status history, each citing the passage of the document that records it.

Texts keep the sources' own words. Kinds follow the verb the source uses:
what was "recommended", "proposed", "suggested" or "encouraged" is a
recommendation; "asked", "tasked", "requested" or "directed", a task;
"pledged", a pledge; what a participant "announced" or offered, an
announcement; what a meeting was told (a report, a presentation), a note;
a position Ministers or officials "agreed", "noted", "acknowledged" or
"reaffirmed", a statement; what they agreed to do, a decision. A status is
recorded only where a source records the act: a recommendation is proposed
when it is made, and stays so until a later source records more.

Where the seeds do not say when an outcome was made (a recommendation the
AHG put to the fifth SOM, model legislation in use by 2004), its date is the
date of the meeting or report that records it: the latest date it can have,
stated no more precisely than that record states it. An outcome of a meeting
of several days carries the meeting's first and last day, as the record does
not say on which day it was made.
"""

from baliprocess.record import keys
from baliprocess.record.facts import (
    Cite,
    OutcomeFact,
    OutcomeLinkFact,
    OutcomeStatusFact,
    Retraction,
)
from workshops.models import Outcome, OutcomeLink, OutcomeStatus

RECOMMENDATION = Outcome.Kind.RECOMMENDATION
ENDORSEMENT = Outcome.Kind.ENDORSEMENT
TASK = Outcome.Kind.TASK
DECISION = Outcome.Kind.DECISION
PLEDGE = Outcome.Kind.PLEDGE
DELIVERABLE = Outcome.Kind.DELIVERABLE
STATEMENT = Outcome.Kind.STATEMENT
ANNOUNCEMENT = Outcome.Kind.ANNOUNCEMENT
NOTE = Outcome.Kind.NOTE

PROPOSED = OutcomeStatus.Status.PROPOSED
ENDORSED = OutcomeStatus.Status.ENDORSED
IN_PROGRESS = OutcomeStatus.Status.IN_PROGRESS
COMPLETED = OutcomeStatus.Status.COMPLETED

BRISBANE_FIRST_DAY = "2004-06-07"
BRISBANE_LAST_DAY = "2004-06-08"
THIRD_MC_FIRST_DAY = "2009-04-14"
THIRD_MC_LAST_DAY = "2009-04-15"
FIFTH_SOM_DAY = "2013-04-01"


# -- Citations ---------------------------------------------------------------


def _report(paragraph: int, *passages: str) -> tuple[Cite, ...]:
    """Passages of the Brisbane Report to Ministers (2004); its Introduction
    is paragraph 1."""
    return tuple(Cite(keys.REPORT_2004, passage, at=f"para. {paragraph}") for passage in passages)


def _page_2009(*passages: str, at: str = "") -> tuple[Cite, ...]:
    """Passages of the portal page of the Third Ministerial Conference."""
    return tuple(Cite(keys.THIRD_MC_PAGE_2009, passage, at=at) for passage in passages)


def _release_2011(*passages: str, at: str = "") -> tuple[Cite, ...]:
    """Passages of the ASEAN news release on the Fourth Ministerial Meeting."""
    return tuple(Cite(keys.NEWS_RELEASE_2011, passage, at=at) for passage in passages)


def _outcomes_2013(*passages: str, at: str = "") -> tuple[Cite, ...]:
    """Passages of the Co-Chairs' outcomes of the fifth SOM."""
    return tuple(Cite(keys.OUTCOMES_2013, passage, at=at) for passage in passages)


def _paper_2008(*passages: str) -> tuple[Cite, ...]:
    """Passages of New Zealand's paper for the UN.GIFT side event."""
    return tuple(Cite(keys.NZ_PAPER_2008, passage) for passage in passages)


# Who "the co-chairs" and "the two coordinators" of the 2004 Report are.
CO_CHAIRS_2004 = _report(
    1,
    "Australia and Indonesia co-chaired a meeting of senior officials involved in the Bali process",
)
COORDINATORS_2004 = _report(
    7,
    "the first on international and regional cooperation, coordinated by New Zealand, and "
    "the second on policy, legislation and law enforcement, coordinated by Thailand.",
)
CO_CHAIRS_AND_COORDINATORS_2004 = (
    keys.INDONESIA,
    keys.AUSTRALIA,
    keys.NEW_ZEALAND,
    keys.THAILAND,
)
WAY_FORWARDS = "Way forwards"
CO_CHAIRS_STATEMENT_2011 = "Co-Chairs’ Statement"
AHG_2009 = "Establishment of Ad-hoc Group"


# -- Brisbane, 7–8 June 2004 -------------------------------------------------


def _at_brisbane(status: str, cites: tuple[Cite, ...], note: str = "") -> OutcomeStatusFact:
    """A status the Brisbane SOM recorded, carrying the meeting's two days."""
    return OutcomeStatusFact(
        status,
        BRISBANE_FIRST_DAY,
        keys.BRISBANE_SOM,
        keys.REPORT_2004,
        note,
        end=BRISBANE_LAST_DAY,
        cites=cites,
    )


def _brisbane(
    paragraph: int,
    *,
    quotes: tuple[str, ...] = (),
    also_cites: tuple[Cite, ...] = (),
    proposed: bool = False,
    **fields,
) -> OutcomeFact:
    """An outcome recorded by the Brisbane SOM's Report to Ministers, at its
    paragraph. `quotes`, passages of that paragraph, are its text word for
    word and its citations (with `also_cites`); otherwise give `text` and
    `cites`. `proposed` records the proposal, citing the same passages."""
    if quotes:
        fields["text"] = " ".join(quotes)
        fields["cites"] = _report(paragraph, *quotes) + also_cites
    fields.setdefault("source_meeting", keys.BRISBANE_SOM)
    if proposed:
        fields["statuses"] = (_at_brisbane(PROPOSED, fields["cites"]),)
    return OutcomeFact(
        date=BRISBANE_FIRST_DAY,
        end_date=BRISBANE_LAST_DAY,
        source_document=keys.REPORT_2004,
        paragraph=str(paragraph),
        **fields,
    )


BRISBANE_2004 = (
    _brisbane(
        8,
        key="aheg-i-report-and-presentations",
        kind=NOTE,
        title="Report of AHEG I activities and presentations of its individual activities",
        responsible_participants=(
            keys.NEW_ZEALAND,
            keys.IOM,
            keys.REPUBLIC_OF_KOREA,
            keys.FIJI,
            keys.AUSTRALIA,
            keys.VIETNAM,
        ),
        quotes=(
            "AHEG I coordinator, Ms Heather Riddell, New Zealand Ministry of Foreign Affairs "
            "and Trade, presented to the meeting a report of AHEG I activities since the "
            "second Bali Ministerial Conference.",
            "Presentations of the individual activities under AHEG I were made by the IOM "
            "(Bali process website); ROK (people trafficking/public awareness workshop); Fiji "
            "(reconciling border controls/protection workshop); Australia (returns "
            "workshop); and Vietnam (national workshops).",
        ),
    ),
    _brisbane(
        9,
        key="aheg-ii-report-and-presentations",
        kind=NOTE,
        title="Report of AHEG II activities and presentations on its workshop outcomes",
        responsible_participants=(
            keys.THAILAND,
            keys.MALAYSIA,
            keys.NEW_ZEALAND,
            keys.PAKISTAN,
            keys.AUSTRALIA,
        ),
        quotes=(
            "AHEG II coordinator, Police Major General Krerckphong Pukprayura, of the Royal "
            "Thai Police, presented a report of AHEG II activities.",
            "Presentations of the views and experiences on AHEG II workshop outcomes were made "
            "by Malaysia (legislation workshop); New Zealand (identity management workshop); "
            "and Pakistan and Australia (targeting workshop).",
        ),
    ),
    _brisbane(
        15,
        key="continue-practical-cooperation",
        kind=STATEMENT,
        title="The Bali process should continue, focusing on practical operational cooperation",
        quotes=(
            "Senior officials considered regional and international challenges posed by "
            "people smuggling and trafficking in persons and agreed that the Bali process "
            "should continue, focusing on practical operational cooperation in areas where it "
            "could best add value.",
        ),
    ),
    _brisbane(
        15,
        key="root-causes-2004",
        kind=STATEMENT,
        title="The need to address the root causes of illegal people movements",
        quotes=(
            "Senior officials reiterated the need to address the root causes of illegal "
            "people movements and noted that this issue was being addressed in other forums.",
        ),
    ),
    _brisbane(
        15,
        key="further-trafficking-work",
        kind=RECOMMENDATION,
        title="Further work on trafficking in persons, in addition to people smuggling",
        proposed=True,
        quotes=(
            "Many participants noted an increasing focus on trafficking in persons issues and "
            "suggested that the Bali process could usefully undertake further work in this "
            "area, in addition to continuing work on people smuggling issues.",
        ),
    ),
    _brisbane(
        16,
        key="streamline-future-activities",
        kind=STATEMENT,
        title="The future activities of the Bali process needed to be streamlined",
        quotes=(
            "Senior officials agreed that given the success of the Bali process in promoting "
            "increasingly self-sustaining regional cooperation to combat people smuggling and "
            "trafficking, its future activities needed to be streamlined.",
        ),
    ),
    _brisbane(
        17,
        key="legislation-and-returns-completed",
        kind=STATEMENT,
        title="Work on legislation and returns had been completed or soon would be",
        former_titles=("Work on legislation and returns completed",),
        quotes=(
            "Senior officials agreed that work on legislation to criminalise people smuggling "
            "and trafficking in persons and returns had now been completed or soon would be – "
            "at least in so far as it could be taken forward in a multilateral process of "
            "this kind.",
        ),
    ),
    _brisbane(
        18,
        key="feed-back-on-other-forums",
        kind=RECOMMENDATION,
        title="Feed back information on related work in other forums",
        proposed=True,
        quotes=(
            "Senior officials encouraged participants in the Bali process to feed back to the "
            "co-chairs and/or the coordinators information on related work in other forums.",
        ),
    ),
    _brisbane(
        18,
        key="website-links-to-other-forums",
        kind=RECOMMENDATION,
        title="Explore website links between the Bali process and other forums",
        proposed=True,
        quotes=("Website links between the Bali process and other forums should be explored.",),
    ),
    _brisbane(
        19,
        key="website-review",
        kind=RECOMMENDATION,
        title="Review and further develop the Bali Process website",
        text=(
            "Senior officials proposed that the website be reviewed and further developed to "
            "include additional information and links to other sites and databases. They "
            "noted the need for secure access for confidential law-enforcement information "
            "either by making use of the Interpol database or enhancing the Bali website."
        ),
        proposed=True,
        cites=_report(
            19,
            "They proposed that the website be reviewed and further developed to include "
            "additional information and links to other sites and databases.",
            "They noted the need for secure access for confidential law-enforcement "
            "information either by making use of the Interpol database or enhancing the Bali "
            "website.",
        ),
    ),
    _brisbane(
        19,
        key="japan-website-pledge",
        kind=PLEDGE,
        title="Japan's pledge for the upkeep and management of the website",
        text=(
            "In recognition of the value of the website as a critical tool for the Bali "
            "Process, Japan pledged US$10,000 for the upkeep and management of the website."
        ),
        responsible_participants=(keys.JAPAN,),
        amount="10000",
        currency="USD",
        cites=_report(
            19,
            "In recognition of the value of the website as a critical tool for the Bali "
            "Process, Japan pledged US\\$10,000 for the upkeep and management of the website",
        ),
    ),
    _brisbane(
        19,
        key="new-zealand-website-pledge",
        kind=PLEDGE,
        title="New Zealand's targeted funding for the website",
        text="New Zealand pledged targeted funding of NZ$30,000 for the website.",
        responsible_participants=(keys.NEW_ZEALAND,),
        amount="30000",
        currency="NZD",
        cites=_report(19, "New Zealand pledged targeted funding of NZ\\$30,000 for the website"),
    ),
    _brisbane(
        19,
        key="australia-website-contribution",
        kind=PLEDGE,
        title="Australia's contribution to website funding",
        responsible_participants=(keys.AUSTRALIA,),
        quotes=("Australia announced that it would also contribute to website funding.",),
    ),
    _brisbane(
        20,
        key="raise-awareness",
        kind=RECOMMENDATION,
        title="Further work to raise awareness of people smuggling and trafficking",
        proposed=True,
        quotes=(
            "Senior officials recommended further work to raise awareness of people smuggling "
            "and trafficking issues – nationally, within the region and in multilateral "
            "forums.",
        ),
    ),
    _brisbane(
        20,
        key="korea-second-awareness-workshop",
        kind=ANNOUNCEMENT,
        title=(
            "The Republic of Korea to hold a second people trafficking/public awareness "
            "campaign workshop"
        ),
        responsible_participants=(keys.REPUBLIC_OF_KOREA,),
        quotes=(
            "Senior officials welcomed advice from the ROK that it would hold a second people "
            "trafficking/public awareness campaign workshop in late 2004.",
        ),
        statuses=(
            OutcomeStatusFact(
                COMPLETED,
                "2008-02-14",
                keys.UNGIFT_SIDE_EVENT,
                keys.NZ_PAPER_2008,
                "New Zealand's paper of February 2008 records that Korea hosted two workshops, "
                "in 2003 and 2004, on the protection of victims of trafficking and public "
                "awareness; it does not give the second one's month.",
                cites=_paper_2008(
                    "**Korea** has hosted two workshops in 2003 and 2004 on the protection of "
                    "victims of trafficking and public awareness"
                ),
            ),
        ),
    ),
    _brisbane(
        20,
        key="japan-thailand-national-workshops",
        kind=ANNOUNCEMENT,
        title="Japan and Thailand planning further national workshops",
        responsible_participants=(keys.JAPAN, keys.THAILAND),
        quotes=(
            "Japan and Thailand announced that they were planning to hold further national "
            "workshops in the second half of 2004.",
        ),
    ),
    _brisbane(
        20,
        key="afghanistan-offer-to-host",
        kind=ANNOUNCEMENT,
        title="Afghanistan willing to host a future workshop",
        responsible_participants=(keys.AFGHANISTAN,),
        quotes=("Afghanistan announced that it would be willing to host a future workshop.",),
    ),
    _brisbane(
        21,
        key="areas-for-further-work",
        kind=RECOMMENDATION,
        title="Productive areas for possible further work on law enforcement and trafficking",
        proposed=True,
        quotes=(
            "Senior officials also noted the importance of ongoing work to promote regional "
            "law enforcement cooperation.",
            "Senior officials noted the following as productive areas for possible further "
            "work: law enforcement and border control issues; assisting national capacity "
            "building including through the development of regional training programs in "
            "trafficking and law enforcement issues; an enhanced focus on trafficking in "
            "persons and on child sex tourism; and development of policy and/or legislation "
            "on lost and stolen passports.",
        ),
        also_cites=_report(22, "these proposals were non-binding"),
    ),
    _brisbane(
        21,
        key="mutual-assistance-and-extradition",
        kind=RECOMMENDATION,
        title="Further legislative work on mutual assistance and extradition",
        proposed=True,
        quotes=(
            "On legislative issues, further work could be taken forward in establishing "
            "domestic procedures and mechanisms including for mutual assistance and "
            "extradition and encouraging the development of mutual assistance and "
            "extradition relationships.",
        ),
        also_cites=_report(22, "these proposals were non-binding"),
    ),
    _brisbane(
        21,
        key="further-law-enforcement-workshops",
        kind=ANNOUNCEMENT,
        title="Further workshops on law enforcement and targeting people smugglers/traffickers",
        quotes=(
            "Participants noted the intention to hold further workshops on law enforcement "
            "and targeting people smugglers/traffickers.",
        ),
    ),
    _brisbane(
        22,
        key="proposals-non-binding",
        kind=STATEMENT,
        title="The proposals are non-binding and participation voluntary",
        quotes=(
            "Senior officials noted that consistent with the spirit of the Bali process since "
            "its inception, these proposals were non-binding and participation in any "
            "activities developed as a result would be voluntary.",
        ),
    ),
    _brisbane(
        23,
        key="presentations-by-other-processes-and-organisations",
        kind=NOTE,
        title="Presentations by the United States, UNODC, ICMPD, the ILO, Interpol and IFRC",
        responsible_participants=(
            keys.UNITED_STATES,
            keys.UNODC,
            keys.ICMPD,
            keys.ILO,
            keys.INTERPOL,
            keys.IFRC,
        ),
        quotes=(
            "Presentations were made to the meeting by representatives of the United States "
            "of America; the UN Office on Drugs and Crime; the International Centre for "
            "Migration Policy Development on behalf of the Budapest process; the "
            "International Labor Organization; Interpol; and the International Federation of "
            "Red Cross and Red Crescent Societies.",
        ),
    ),
    _brisbane(
        23,
        key="interaction-with-other-processes",
        kind=RECOMMENDATION,
        title="Continue the interaction with other regional processes",
        proposed=True,
        quotes=(
            "Senior officials referred to the value of interaction with other regional "
            "processes and recommended that this continue.",
            "They also welcomed the positive engagement of observers and relevant "
            "international organisations in the Bali process, including at practical "
            "workshops, and encouraged them to participate in future Bali process activities "
            "as appropriate.",
        ),
    ),
    _brisbane(
        24,
        key="continue-direction-and-coordination",
        kind=TASK,
        title=(
            "Continue the work of the co-chairs, the AHEG coordinators, UNHCR and IOM in "
            "directing and coordinating the Bali process"
        ),
        responsible_participants=(*CO_CHAIRS_AND_COORDINATORS_2004, keys.UNHCR, keys.IOM),
        quotes=(
            "Senior officials noted the valuable role played by the co-chairs, the AHEG "
            "coordinators, and UNHCR and IOM in helping direct and coordinate the work of the "
            "Bali process, consistent with the outcomes of the two Ministerial meetings and in "
            "consultation with participating countries. They asked for this work to continue.",
        ),
        also_cites=CO_CHAIRS_2004 + COORDINATORS_2004,
    ),
    _brisbane(
        24,
        key="discontinue-ahegs",
        kind=RECOMMENDATION,
        title="Discontinue the Ad Hoc Experts Groups in their current form",
        text=(
            "Given progress to date and the more targeted approach proposed for its future "
            "work, senior officials suggested that the AHEGs be discontinued in their current "
            "form but that New Zealand coordinate activities on regional and international "
            "cooperation on policy issues and legal frameworks and Thailand coordinate "
            "activities on regional and international cooperation on policy issues and law "
            "enforcement."
        ),
        responsible_participants=(keys.NEW_ZEALAND, keys.THAILAND),
        concerns_groups=(keys.AHEG_I, keys.AHEG_II),
        proposed=True,
        cites=_report(
            24,
            "Given progress to date and the more targeted approach proposed for its future "
            "work, they suggested that the AHEGs be discontinued in their current form but "
            "that New Zealand coordinate activities on regional and international cooperation "
            "on policy issues and legal frameworks and Thailand coordinate activities on "
            "regional and international cooperation on policy issues and law enforcement.",
        ),
    ),
    _brisbane(
        24,
        key="steering-group-continues",
        kind=DECISION,
        title="The Steering Group to continue in its current planning and coordination role",
        former_titles=("The Steering Group to continue its planning and coordination role",),
        text=(
            "Senior officials agreed that the Steering Group should continue in its current "
            "planning and coordination role."
        ),
        responsible_group=keys.STEERING_GROUP,
        concerns_groups=(keys.STEERING_GROUP,),
        cites=_report(
            24,
            "They agreed that the Steering Group should continue in its current planning and "
            "coordination role.",
        ),
    ),
    _brisbane(
        25,
        key="iom-funding-report",
        kind=NOTE,
        title="IOM report on funding issues",
        responsible_participants=(keys.IOM,),
        quotes=(
            "Senior officials received a report from the IOM on funding issues.",
            "They noted that future activities were likely to be funded on an ad hoc basis "
            "largely by targeted contributions and contributions in kind.",
        ),
    ),
    _brisbane(
        25,
        key="follow-up-funding-appeal",
        kind=TASK,
        title="Follow up with the countries willing to consider contributions",
        text=(
            "Senior officials noted that the last appeal had not generated sufficient funds to "
            "provide a secure central budget and encouraged further contributions to the IOM "
            "appeal. They welcomed advice from the co-chairs that several countries had "
            "indicated a willingness to consider such contributions and asked the co-chairs "
            "and the two coordinators to follow up with the countries concerned."
        ),
        responsible_participants=CO_CHAIRS_AND_COORDINATORS_2004,
        cites=_report(
            25,
            "They noted that the last appeal had not generated sufficient funds to provide a "
            "secure central budget and encouraged further contributions to the IOM appeal.",
            "They welcomed advice from the co-chairs that several countries had indicated a "
            "willingness to consider such contributions and asked the co-chairs and the two "
            "coordinators to follow up with the countries concerned.",
        )
        + CO_CHAIRS_2004
        + COORDINATORS_2004,
    ),
    _brisbane(
        26,
        key="no-further-ministerial-meeting-planned",
        kind=STATEMENT,
        title="Another Ministerial meeting is for Ministers to decide; none was planned",
        quotes=(
            "Senior officials agreed that the decision on whether to hold another Ministerial "
            "meeting was one for Ministers to take but noted that, at this stage, no further "
            "Ministerial meeting was planned.",
        ),
    ),
    _brisbane(
        26,
        key="co-chairs-report-after-a-year",
        kind=TASK,
        title="Report after a year on activities and seek views on future directions",
        text=(
            "Senior officials asked the co-chairs to report to countries and organisations "
            "involved in the Bali process after a year on activities that had taken place and "
            "to seek their views on future directions."
        ),
        responsible_participants=(keys.INDONESIA, keys.AUSTRALIA),
        cites=_report(
            26,
            "They asked the co-chairs to report to countries and organisations involved in the "
            "Bali process after a year on activities that had taken place and to seek their "
            "views on future directions.",
        )
        + CO_CHAIRS_2004,
    ),
    _brisbane(
        27,
        key="continue-streamlined",
        kind=RECOMMENDATION,
        title="Continue the Bali Process in a more streamlined way",
        text=(
            "Part IV, recommendation to Ministers: senior officials recommended that the Bali "
            "process continue in a more streamlined way."
        ),
        proposed=True,
        cites=_report(
            27,
            "Part IV: recommendation to Ministers",
            "Senior officials recommended that the Bali process continue in a more streamlined way",
        ),
    ),
    _brisbane(
        27,
        key="develop-targeted-activity-proposals",
        kind=TASK,
        title="Develop proposals for targeted activities",
        text=(
            "Senior officials asked the co-chairs, the two coordinators, UNHCR and the IOM to "
            "develop proposals for targeted activities consistent with Parts II and III of "
            "this report and subject to available resources."
        ),
        responsible_participants=(*CO_CHAIRS_AND_COORDINATORS_2004, keys.UNHCR, keys.IOM),
        cites=_report(
            27,
            "asked the co-chairs, the two coordinators, UNHCR and the IOM to develop proposals "
            "for targeted activities consistent with Parts II and III of this report and "
            "subject to available resources.",
        )
        + CO_CHAIRS_2004
        + COORDINATORS_2004,
    ),
)


# -- Deliverables of workshops -----------------------------------------------


def _reported_at_brisbane(status: str, note: str, *passages: str) -> tuple[OutcomeStatusFact, ...]:
    return (_at_brisbane(status, _report(11, *passages), note),)


RETURNS_CHECKLIST = (
    "the returns workshop had developed a checklist of issues for governments to consider on "
    "the return of smuggled and trafficked people"
)
RETURN_PARAGRAPHS = (
    "a compilation of draft paragraphs for countries to draw on in developing bilateral "
    "return agreements"
)
IDENTITY_GUIDELINES = (
    "The identity workshop had begun useful work on developing best practice guidelines for "
    "the initial establishment of identity."
)
MODEL_LEGISLATION = (
    "the legislative workshops had assisted many countries develop their own national "
    "legislation, drawing on model legislation developed by Australia and China. This had "
    "been a major success of the Bali process"
)

DELIVERABLES = (
    OutcomeFact(
        key="returns-checklist",
        kind=DELIVERABLE,
        title="Checklist of issues on the return of smuggled and trafficked people",
        text=(
            "The returns workshop had developed a checklist of issues for governments to "
            "consider on the return of smuggled and trafficked people."
        ),
        date="2004-05",
        source_meeting=keys.RETURNS_WORKSHOP_2004,
        source_document=keys.REPORT_2004,
        paragraph="11",
        cites=_report(11, RETURNS_CHECKLIST),
        statuses=_reported_at_brisbane(
            COMPLETED, "The Report to Ministers records it as developed.", RETURNS_CHECKLIST
        ),
    ),
    OutcomeFact(
        key="return-agreement-paragraphs",
        kind=DELIVERABLE,
        title="Compilation of draft paragraphs for bilateral return agreements",
        text=(
            "The returns workshop had developed a compilation of draft paragraphs for "
            "countries to draw on in developing bilateral return agreements."
        ),
        date="2004-05",
        source_meeting=keys.RETURNS_WORKSHOP_2004,
        source_document=keys.REPORT_2004,
        paragraph="11",
        cites=_report(11, RETURNS_CHECKLIST, RETURN_PARAGRAPHS),
        statuses=_reported_at_brisbane(
            COMPLETED,
            "The Report to Ministers records it as developed.",
            RETURNS_CHECKLIST,
            RETURN_PARAGRAPHS,
        ),
    ),
    OutcomeFact(
        key="identity-guidelines",
        kind=DELIVERABLE,
        title="Best practice guidelines for the initial establishment of identity",
        text=IDENTITY_GUIDELINES,
        date="2004-03",
        source_meeting=keys.IDENTITY_WORKSHOP_2004,
        source_document=keys.REPORT_2004,
        paragraph="11",
        cites=_report(11, IDENTITY_GUIDELINES),
        statuses=_reported_at_brisbane(
            IN_PROGRESS,
            "The identity workshop had begun useful work on the guidelines.",
            IDENTITY_GUIDELINES,
        ),
    ),
    _brisbane(
        10,
        key="model-legislation",
        kind=DELIVERABLE,
        title="Model legislation developed by Australia and China",
        text=(
            "The legislative workshops had assisted many countries develop their own national "
            "legislation, drawing on model legislation developed by Australia and China. This "
            "had been a major success of the Bali process."
        ),
        source_meeting=None,
        source_group=keys.AHEG_II,
        responsible_participants=(keys.AUSTRALIA, keys.CHINA),
        cites=_report(10, MODEL_LEGISLATION)
        + _report(
            9,
            "The first, hosted by Malaysia, in November 2003 was on developing legislation to "
            "criminalise people smuggling and trafficking, following an earlier workshop also "
            "hosted by Malaysia in 2002.",
        ),
        statuses=(
            _at_brisbane(
                COMPLETED,
                _report(10, MODEL_LEGISLATION),
                "Drawn on in the legislative workshops, as the Report to Ministers records; "
                "it does not say when the model legislation was developed.",
            ),
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
        cites=_paper_2008(
            "New Zealand and Australia co-hosted the third Bali Process Lost & Stolen Passport "
            "Information Sharing Workshop in August 2007.",
            "created a resource of technical materials, contact points and capacity building "
            "opportunities to assist participants to advance border management and passport "
            "authentication systems to better combat trans-national crime – in particular "
            "people smuggling and trafficking.",
        ),
        statuses=(
            OutcomeStatusFact(
                COMPLETED,
                "2008-02-14",
                keys.UNGIFT_SIDE_EVENT,
                keys.NZ_PAPER_2008,
                "Reported in New Zealand's paper for the UN.GIFT side event.",
                cites=_paper_2008(
                    "The workshop provided information on emerging systems such as the RMAS "
                    "and INTERPOL's Stolen and Lost Travel Document System (INTERPOL "
                    "MIND/FIND), and created a resource of technical materials, contact "
                    "points and capacity building opportunities",
                ),
            ),
        ),
    ),
)


# -- Third Ministerial Conference, 14–15 April 2009 --------------------------


def _third_mc(**fields) -> OutcomeFact:
    """An outcome of the Third Ministerial Conference, carrying its two days."""
    return OutcomeFact(
        date=THIRD_MC_FIRST_DAY,
        end_date=THIRD_MC_LAST_DAY,
        source_meeting=keys.THIRD_MC,
        source_document=keys.THIRD_MC_PAGE_2009,
        **fields,
    )


RETASK_AHG = (
    "To this end, Ministers agreed that the Ad Hoc Group (AHG) mechanisms used during the "
    "establishment phase of the Bali Process be retasked to develop regional responses to "
    "these current challenges."
)
AHG_TERMS_OF_REFERENCE = (
    "The AHG would have the following terms of reference: (a) to develop practical outcomes "
    "at the operational level to assist countries to mitigate increased irregular population "
    "movements; (b) to enhance information sharing arrangements between most-affected "
    "countries; and (c) to report to Co-Chairs through the Steering Group with concrete "
    "recommendations to inform future regional cooperation on people smuggling and "
    "trafficking in persons."
)
MAKE_AHG_AVAILABLE = (
    "Accordingly, Ministers requested the Co-Chairs of the Steering Group to make available "
    "the retasked AHG to address comprehensively particular situations on a case-by-case "
    "basis upon the request of affected countries."
)


def _statement_2009(key: str, title: str, *passages: str) -> OutcomeFact:
    """A point of the Third Ministerial Conference's Co-Chairs' Statement, in
    the portal page's words."""
    return _third_mc(
        key=key,
        kind=STATEMENT,
        title=title,
        text=" ".join(passages),
        cites=_page_2009(*passages),
    )


THIRD_MC_2009 = (
    _statement_2009(
        "reaffirm-commitment-2009",
        "Strongest support for a continuing commitment to combating people smuggling and "
        "trafficking in persons",
        "Ministers reaffirmed their strongest support for a continuing commitment to "
        "combating people smuggling and trafficking in persons.",
    ),
    _statement_2009(
        "smugglers-disregard-rights-and-laws-2009",
        "People smugglers and traffickers operated without regard to human rights principles "
        "or national legal frameworks",
        "Ministers expressed their concern that transnational criminal organisations continue "
        "to profit from the smuggling and trafficking of human beings, with disregard for the "
        "safety or human rights of those being smuggled and trafficked.",
        "Ministers agreed that people smugglers and traffickers operated without regard to "
        "international human rights principles and instruments or national legal frameworks.",
    ),
    _statement_2009(
        "increase-efforts-2009",
        "The importance of source, transit and destination countries increasing efforts",
        "Ministers underlined the importance of source, transit and destination countries "
        "increasing efforts to combat people smuggling and trafficking in persons, including "
        "by enhancing national legislation to criminalise these activities.",
    ),
    _statement_2009(
        "victim-centred-approach-2009",
        "The importance of a victim-centred approach to law enforcement",
        "Ministers also agreed on the importance of a victim-centred approach to law "
        "enforcement, especially in relation to trafficking in persons, which can only enhance "
        "prosecution and prevent re-victimisation.",
    ),
    _statement_2009(
        "sovereign-right-2009",
        "Cooperation based on each State's sovereign right to develop and implement its own laws",
        "Ministers agreed that cooperation should be based on an acknowledgment that each "
        "State had a sovereign right and legitimate interest to develop and implement its own "
        "laws to address people smuggling and trafficking in persons, reflecting the "
        "non-binding nature of the Co-Chairs' Statement.",
    ),
    _third_mc(
        key="retask-ahg",
        kind=DECISION,
        title="Retask the Ad Hoc Group with terms of reference (a)–(c)",
        text=(
            "Ministers considered that the Bali Process was well positioned to assist affected "
            "countries upon request. " + RETASK_AHG + " " + AHG_TERMS_OF_REFERENCE
        ),
        responsible_group=keys.AHG,
        concerns_groups=(keys.AHG,),
        cites=_page_2009(
            "Ministers considered that the Bali Process was well positioned to assist "
            "affected countries upon request.",
            RETASK_AHG,
            AHG_TERMS_OF_REFERENCE,
            at=AHG_2009,
        ),
    ),
    _third_mc(
        key="make-ahg-available",
        kind=TASK,
        title="Make the retasked Ad Hoc Group available to affected countries",
        text=(
            "Ministers requested the Co-Chairs of the Steering Group to make available the "
            "retasked AHG to address comprehensively particular situations on a case-by-case "
            "basis upon the request of affected countries."
        ),
        responsible_group=keys.STEERING_GROUP,
        concerns_groups=(keys.AHG,),
        cites=_page_2009(MAKE_AHG_AVAILABLE, at=AHG_2009),
    ),
)


# -- Fourth Ministerial Conference, March 2011 -------------------------------


def _fourth_mc(**fields) -> OutcomeFact:
    """An outcome of the Fourth Ministerial Conference, March 2011: the month
    is all the seeds give."""
    fields.setdefault("source_document", keys.OUTCOMES_2013)
    return OutcomeFact(date="2011-03", source_meeting=keys.FOURTH_MC, **fields)


def _statement_2011(key: str, title: str, text: str, *passages: str) -> OutcomeFact:
    """A point of the Fourth Ministerial Meeting's Co-Chairs' Statement, as the
    ASEAN news release reports it."""
    return _fourth_mc(
        key=key,
        kind=STATEMENT,
        title=title,
        text=text,
        source_document=keys.NEWS_RELEASE_2011,
        cites=_release_2011(
            "In the Co-Chairs’ Statement adopted at the end of the meeting",
            *passages,
            at=CO_CHAIRS_STATEMENT_2011,
        ),
    )


RCF_AND_TASK_2011 = (
    "The Fourth Ministerial Conference had agreed to focus on ways to harmonise processes for "
    "dealing with the irregular movement of people in the region under a Regional Cooperation "
    "Framework (RCF) and had tasked the AHG to operationalise the RCF."
)
RSO_OPERATIONALISES_RCF = (
    "The meeting welcomed the operationalization of the RCF through the establishment of the "
    "Regional Support Office (RSO) in Bangkok."
)
AHG_EXPANDED = (
    "The meeting welcomed advice from the Co-Chairs that, as directed by Ministers at the "
    "Fourth Ministerial Conference in March 2011, the AHG had been expanded, on the "
    "recommendation of the Bali Process Steering Group, to include existing Bali Process "
    "members Vietnam and the Philippines and new members (past observers) the United States "
    "and United Arab Emirates."
)
TIP_TASK_2011 = (
    "Ministers had also tasked the AHG to enhance cooperation on trafficking in persons issues."
)

FOURTH_MC_2011 = (
    _statement_2011(
        "root-causes-2011",
        "The root causes of people movement within the region are numerous and multi-dimensional",
        "Ministers acknowledged that the root causes of people movement within the region "
        "were numerous and multi-dimensional, involving economic, social and political aspect.",
        "the Ministers acknowledged that the root causes of people movement within the region "
        "were numerous and multi-dimensional, involving economic, social and political aspect.",
    ),
    _statement_2011(
        "trafficking-ongoing-concern-2011",
        "Trafficking in persons an issue of ongoing concern to many countries in the region",
        "Ministers highlighted that trafficking in persons in particular was an issue of "
        "ongoing concern to many countries in the region.",
        "The Ministers highlighted that trafficking in persons in particular was an issue of "
        "ongoing concern to many countries in the region.",
    ),
    _statement_2011(
        "victim-centred-approach-2011",
        "The importance of promoting a victim-centred approach to law enforcement",
        "Noting the particular vulnerability of victims of trafficking, especially women and "
        "children, Ministers agreed on the importance of promoting a victim-centred approach "
        "to law enforcement, in relation to trafficking in persons for identified victims of "
        "trafficking, in order to enhance prosecution and prevent re-victimisation.",
        "Noting the particular vulnerability of victims of trafficking, especially women and "
        "children, Ministers agreed on the importance of promoting a victim-centred approach "
        "to law enforcement, in relation to trafficking in persons for identified victims of "
        "trafficking, in order to enhance prosecution and prevent re-victimisation.",
    ),
    _statement_2011(
        "collective-responsibility-2011",
        "The collective responsibility of source, transit and destination countries",
        "Ministers underlined the collective responsibility of source, transit and destination "
        "countries in responding to complex migratory movements.",
        "The Ministers underlined the collective responsibility of source, transit and "
        "destination countries in responding to complex migratory movements",
    ),
    _fourth_mc(
        key="asean-offer-to-work-more-closely",
        kind=ANNOUNCEMENT,
        title="ASEAN's offer to work more closely on thematic issues",
        text=(
            "The Secretary-General of ASEAN, Dr Surin Pitsuwan, conveyed that ASEAN is ready to "
            "share its experience in addressing irregular movement of people and to work "
            "closely with countries and international organisations in the Bali Process to "
            "tackle the growing transnational problem. “Encouraged by the progress attained "
            "through the Bali Process, on behalf of ASEAN, I warmly offer to be working more "
            "closely on thematic issues,” Dr Surin added."
        ),
        source_document=keys.NEWS_RELEASE_2011,
        responsible_participants=(keys.ASEAN,),
        cites=_release_2011(
            "ASEAN is ready to share its experience in addressing irregular movement of people "
            "and to work closely with countries and international organisations in the Bali "
            "Process to tackle the growing transnational problem. The Secretary-General of "
            "ASEAN, Dr Surin Pitsuwan, conveyed these points during the Fourth Bali Process "
            "Regional Ministerial Meeting",
            "“Encouraged by the progress attained through the Bali Process, on behalf of "
            "ASEAN, I warmly offer to be working more closely on thematic issues,” Dr Surin "
            "added.",
        ),
    ),
    _fourth_mc(
        key="regional-cooperation-framework",
        kind=DECISION,
        title="An inclusive but non-binding Regional Cooperation Framework",
        former_titles=("An inclusive, non-binding Regional Cooperation Framework",),
        text=(
            "Ministers agreed that an inclusive but non-binding regional cooperation framework "
            "would provide a more effective way for interested parties to cooperate to reduce "
            "irregular movement through the region. The regional cooperation framework could "
            "be operationalised through interested States entering into practical bilateral or "
            "other sub-regional arrangements. The Fourth Ministerial Conference had agreed to "
            "focus on ways to harmonise processes for dealing with the irregular movement of "
            "people in the region under a Regional Cooperation Framework (RCF)."
        ),
        source_document=keys.NEWS_RELEASE_2011,
        cites=_release_2011(
            "agreed that an inclusive but non-binding regional cooperation framework would "
            "provide a more effective way for interested parties to cooperate to reduce "
            "irregular movement through the region. The regional cooperation framework could "
            "be operationalised through interested States entering into practical bilateral "
            "or other sub-regional arrangements.",
            at=CO_CHAIRS_STATEMENT_2011,
        )
        + _outcomes_2013(RCF_AND_TASK_2011),
    ),
    _fourth_mc(
        key="operationalise-rcf",
        kind=TASK,
        title="Operationalise the Regional Cooperation Framework",
        text="The Fourth Ministerial Conference had tasked the AHG to operationalise the RCF.",
        responsible_group=keys.AHG,
        cites=_outcomes_2013(RCF_AND_TASK_2011),
        statuses=(
            OutcomeStatusFact(
                IN_PROGRESS,
                FIFTH_SOM_DAY,
                keys.FIFTH_SOM,
                keys.OUTCOMES_2013,
                "The meeting welcomed the operationalization of the RCF through the "
                "establishment of the Regional Support Office (RSO) in Bangkok; the RSO "
                "co-managers outlined projects underway.",
                cites=_outcomes_2013(
                    RSO_OPERATIONALISES_RCF,
                    "The Indonesian and Australian RSO co-managers provided the meeting with an "
                    "overview of operations and an outline of projects underway.",
                ),
            ),
        ),
    ),
    _fourth_mc(
        key="enhance-tip-cooperation",
        kind=TASK,
        title="Enhance cooperation on trafficking in persons issues",
        text="Ministers tasked the AHG to enhance cooperation on trafficking in persons issues.",
        responsible_group=keys.AHG,
        cites=_outcomes_2013(TIP_TASK_2011),
    ),
    _fourth_mc(
        key="expand-ahg",
        kind=TASK,
        title="Expand the Ad Hoc Group",
        text="Ministers at the Fourth Ministerial Conference directed that the AHG be expanded.",
        concerns_groups=(keys.AHG,),
        cites=_outcomes_2013(AHG_EXPANDED),
        statuses=(
            OutcomeStatusFact(
                COMPLETED,
                FIFTH_SOM_DAY,
                keys.FIFTH_SOM,
                keys.OUTCOMES_2013,
                "The Co-Chairs advised the fifth Senior Officials Meeting that the AHG had been "
                "expanded, on the recommendation of the Bali Process Steering Group, to include "
                "existing Bali Process members Vietnam and the Philippines and new members "
                "(past observers) the United States and United Arab Emirates. The record does "
                "not say when.",
                cites=_outcomes_2013(AHG_EXPANDED),
            ),
        ),
    ),
)


# -- Fifth Senior Officials Meeting, 1 April 2013 ----------------------------


def _fifth_som(**fields) -> OutcomeFact:
    """An outcome recorded by the fifth Senior Officials Meeting, 1 April 2013."""
    if "source_group" not in fields:
        fields["source_meeting"] = keys.FIFTH_SOM
    return OutcomeFact(date=FIFTH_SOM_DAY, source_document=keys.OUTCOMES_2013, **fields)


def _at_fifth_som(status: str, cites: tuple[Cite, ...], note: str = "") -> OutcomeStatusFact:
    return OutcomeStatusFact(
        status, FIFTH_SOM_DAY, keys.FIFTH_SOM, keys.OUTCOMES_2013, note, cites=cites
    )


def _ahg_recommendation_statuses(endorsed: str) -> tuple[OutcomeStatusFact, ...]:
    """An AHG recommendation the fifth SOM endorsed: proposed no later than
    the meeting (the record gives no earlier date), endorsed there."""
    cites = _outcomes_2013(endorsed, at=WAY_FORWARDS)
    return (
        _at_fifth_som(
            PROPOSED,
            cites,
            "Put to the fifth Senior Officials Meeting by the AHG; the record gives no "
            "earlier date.",
        ),
        _at_fifth_som(ENDORSED, cites, "Endorsed by the fifth Senior Officials Meeting."),
    )


RSO_JCLEC_ENDORSED = (
    "The meeting endorsed the AHG recommendation to establish cooperation between the Bali "
    "Process RSO and the Jakarta Centre for Law Enforcement Cooperation (JCLEC)."
)
RSO_JCLEC_CONCEPT_PAPER = (
    "Participants welcomed the potential benefits of a partnership with JCLEC, outlined in a "
    "concept paper developed by Indonesia and Australia in consultation with JCLEC and the RSO."
)
TIP_WORKING_GROUP_ENDORSED = (
    "The meeting endorsed the AHG recommendation to establish a working group on trafficking "
    "in persons."
)
TIP_WORKING_GROUP_OVERVIEW = (
    "Participants welcomed an overview by Indonesia which outlined the potential benefits of a "
    "working group including as a coordination mechanism to better focus Bali Process "
    "activities to address members’ capacity needs and to assist inform Bali Process "
    "responses to trafficking in persons issues."
)
TIP_WORKING_GROUP_AGREED = (
    "Members agreed that the working group would be established under the purview of the AHG "
    "but would be open to all interested Bali Process members, and would engage with civil "
    "society, non government organizations and the business community in undertaking its work."
)
POLICY_GUIDES_ENDORSED = (
    "The meeting endorsed the AHG recommendation to develop regional policy guides on "
    "criminalising people smuggling and trafficking in persons targeted at policy makers and "
    "practitioners."
)
POLICY_GUIDES_CONCEPT_PAPER = (
    "participants welcomed a concept paper developed by Thailand and Australia outlining the "
    "potential benefits of the policy guides which could be used by countries across a range "
    "of domestic agencies to promote a consistent understanding of legal obligations under the "
    "UNTOC and its Protocols on Smuggling of Migrants and Trafficking in Persons, and to assist "
    "countries in developing effective legislation."
)
UNODC_DECISION = (
    "Co-Chairs also sought the endorsement of the meeting for a Steering Group decision to "
    "support the UNODC’s application to become a member of the Bali Process."
)
NEW_MEMBERS_WELCOMED = (
    "Participants welcomed the membership of the United States of America, the United Arab "
    "Emirates and UNODC to the Bali Process and looked forward to their strengthened "
    "engagement."
)
ROUNDTABLE_REPORT = (
    "The meeting welcomed a report from UNHCR and Indonesia on outcomes and proposals "
    "emanating from the Regional Roundtable on Irregular Movements by Sea held in Jakarta "
    "under the purview of the RSO from 18-20 March 2013."
)
ROUNDTABLE_RECOMMENDATION = (
    "Members recommended the outcomes be presented to Ministers for consideration and that "
    "affected States further explore ways in which cooperation in managing irregular maritime "
    "movements could be strengthened in practical ways, including through the development of "
    "a protection-sensitive regional approach."
)

FIFTH_SOM_2013 = (
    _fifth_som(
        key="rso-jclec-recommendation",
        kind=RECOMMENDATION,
        source_group=keys.AHG,
        title="Establish cooperation between the Regional Support Office and JCLEC",
        text=(
            "The AHG recommendation to establish cooperation between the Bali Process RSO and "
            "the Jakarta Centre for Law Enforcement Cooperation (JCLEC). The potential "
            "benefits of a partnership with JCLEC were outlined in a concept paper developed "
            "by Indonesia and Australia in consultation with JCLEC and the RSO."
        ),
        concerns_groups=(keys.RSO,),
        cites=_outcomes_2013(RSO_JCLEC_ENDORSED, RSO_JCLEC_CONCEPT_PAPER, at=WAY_FORWARDS),
        statuses=_ahg_recommendation_statuses(RSO_JCLEC_ENDORSED),
    ),
    _fifth_som(
        key="tip-working-group-recommendation",
        kind=RECOMMENDATION,
        source_group=keys.AHG,
        title="Establish a working group on trafficking in persons",
        text=(
            "The AHG recommendation to establish a working group on trafficking in persons. "
            "An overview by Indonesia outlined the potential benefits of a working group "
            "including as a coordination mechanism to better focus Bali Process activities to "
            "address members’ capacity needs and to assist inform Bali Process responses to "
            "trafficking in persons issues."
        ),
        concerns_groups=(keys.TIP_WORKING_GROUP,),
        cites=_outcomes_2013(
            TIP_WORKING_GROUP_ENDORSED, TIP_WORKING_GROUP_OVERVIEW, at=WAY_FORWARDS
        ),
        statuses=_ahg_recommendation_statuses(TIP_WORKING_GROUP_ENDORSED),
    ),
    _fifth_som(
        key="policy-guides-recommendation",
        kind=RECOMMENDATION,
        source_group=keys.AHG,
        title="Develop regional policy guides on criminalising people smuggling and trafficking",
        text=(
            "The AHG recommendation to develop regional policy guides on criminalising people "
            "smuggling and trafficking in persons targeted at policy makers and practitioners. "
            "A concept paper developed by Thailand and Australia outlined the potential "
            "benefits of the policy guides, which could be used by countries across a range of "
            "domestic agencies to promote a consistent understanding of legal obligations "
            "under the UNTOC and its Protocols on Smuggling of Migrants and Trafficking in "
            "Persons, and to assist countries in developing effective legislation."
        ),
        cites=_outcomes_2013(POLICY_GUIDES_ENDORSED, POLICY_GUIDES_CONCEPT_PAPER, at=WAY_FORWARDS),
        statuses=_ahg_recommendation_statuses(POLICY_GUIDES_ENDORSED),
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
        concerns_groups=(keys.RSO,),
        cites=_outcomes_2013(RSO_JCLEC_ENDORSED, RSO_JCLEC_CONCEPT_PAPER, at=WAY_FORWARDS),
    ),
    _fifth_som(
        key="tip-working-group-endorsement",
        kind=ENDORSEMENT,
        title="Endorsement of a working group on trafficking in persons",
        text=(
            "The meeting endorsed the AHG recommendation to establish a working group on "
            "trafficking in persons."
        ),
        concerns_groups=(keys.TIP_WORKING_GROUP,),
        cites=_outcomes_2013(TIP_WORKING_GROUP_ENDORSED, at=WAY_FORWARDS),
    ),
    _fifth_som(
        key="policy-guides-endorsement",
        kind=ENDORSEMENT,
        title="Endorsement of regional policy guides on criminalisation",
        text=POLICY_GUIDES_ENDORSED,
        cites=_outcomes_2013(POLICY_GUIDES_ENDORSED, at=WAY_FORWARDS),
    ),
    _fifth_som(
        key="unodc-membership-decision",
        kind=DECISION,
        source_group=keys.STEERING_GROUP,
        title="Support UNODC's application to become a member",
        text=(
            "A Steering Group decision to support the UNODC’s application to become a member "
            "of the Bali Process. The Co-Chairs sought the endorsement of the fifth Senior "
            "Officials Meeting for the decision."
        ),
        cites=_outcomes_2013(UNODC_DECISION),
        statuses=(
            _at_fifth_som(
                PROPOSED,
                _outcomes_2013(UNODC_DECISION),
                "The Co-Chairs sought the endorsement of the fifth Senior Officials Meeting "
                "for the decision; the record does not say in words that it was given, but "
                "participants welcomed UNODC's membership.",
            ),
        ),
    ),
    _fifth_som(
        key="welcome-new-members",
        kind=STATEMENT,
        title="The membership of the United States, the United Arab Emirates and UNODC welcomed",
        former_titles=("Welcome the United States, the United Arab Emirates and UNODC as members",),
        text=NEW_MEMBERS_WELCOMED,
        cites=_outcomes_2013(NEW_MEMBERS_WELCOMED),
    ),
    _fifth_som(
        key="establish-tip-working-group",
        kind=DECISION,
        title="Establish the working group on trafficking in persons under the AHG's purview",
        text=TIP_WORKING_GROUP_AGREED,
        responsible_group=keys.AHG,
        concerns_groups=(keys.TIP_WORKING_GROUP,),
        cites=_outcomes_2013(TIP_WORKING_GROUP_AGREED, at=WAY_FORWARDS),
    ),
    _fifth_som(
        key="roundtable-report",
        kind=NOTE,
        title="Report on the Regional Roundtable on Irregular Movements by Sea",
        text=ROUNDTABLE_REPORT,
        responsible_participants=(keys.UNHCR, keys.INDONESIA),
        cites=_outcomes_2013(ROUNDTABLE_REPORT, at=WAY_FORWARDS),
    ),
    _fifth_som(
        key="roundtable-outcomes-to-ministers",
        kind=RECOMMENDATION,
        title="Present the Roundtable's outcomes to Ministers and explore a protection-sensitive "
        "regional approach",
        text=(
            "Members recommended that the outcomes of the Regional Roundtable on Irregular "
            "Movements by Sea be presented to Ministers for consideration and that affected "
            "States further explore ways in which cooperation in managing irregular maritime "
            "movements could be strengthened in practical ways, including through the "
            "development of a protection-sensitive regional approach."
        ),
        cites=_outcomes_2013(ROUNDTABLE_REPORT, ROUNDTABLE_RECOMMENDATION, at=WAY_FORWARDS),
        statuses=(
            _at_fifth_som(PROPOSED, _outcomes_2013(ROUNDTABLE_RECOMMENDATION, at=WAY_FORWARDS)),
        ),
    ),
)

OUTCOMES = BRISBANE_2004 + DELIVERABLES + THIRD_MC_2009 + FOURTH_MC_2011 + FIFTH_SOM_2013


# -- Links -------------------------------------------------------------------

ENDORSES = OutcomeLink.Relation.ENDORSES
FOLLOWS = OutcomeLink.Relation.FOLLOWS
RELATES_TO = OutcomeLink.Relation.RELATES_TO

OUTCOME_LINKS = (
    OutcomeLinkFact(
        "rso-jclec-endorsement",
        ENDORSES,
        "rso-jclec-recommendation",
        cites=_outcomes_2013(RSO_JCLEC_ENDORSED, at=WAY_FORWARDS),
    ),
    OutcomeLinkFact(
        "tip-working-group-endorsement",
        ENDORSES,
        "tip-working-group-recommendation",
        cites=_outcomes_2013(TIP_WORKING_GROUP_ENDORSED, at=WAY_FORWARDS),
    ),
    OutcomeLinkFact(
        "policy-guides-endorsement",
        ENDORSES,
        "policy-guides-recommendation",
        cites=_outcomes_2013(POLICY_GUIDES_ENDORSED, at=WAY_FORWARDS),
    ),
    OutcomeLinkFact(
        "establish-tip-working-group",
        FOLLOWS,
        "tip-working-group-recommendation",
        cites=_outcomes_2013(TIP_WORKING_GROUP_ENDORSED, TIP_WORKING_GROUP_AGREED, at=WAY_FORWARDS),
    ),
    # The record puts the two side by side without saying in words that one
    # answers the other: the recommendation is on a working group on
    # trafficking in persons, the task on cooperation on trafficking issues.
    OutcomeLinkFact(
        "tip-working-group-recommendation",
        FOLLOWS,
        "enhance-tip-cooperation",
        cites=_outcomes_2013(TIP_TASK_2011)
        + _outcomes_2013(TIP_WORKING_GROUP_ENDORSED, TIP_WORKING_GROUP_OVERVIEW, at=WAY_FORWARDS),
    ),
    OutcomeLinkFact(
        "make-ahg-available",
        FOLLOWS,
        "retask-ahg",
        cites=_page_2009(RETASK_AHG, MAKE_AHG_AVAILABLE, at=AHG_2009),
    ),
    OutcomeLinkFact(
        "operationalise-rcf",
        FOLLOWS,
        "regional-cooperation-framework",
        cites=_outcomes_2013(RCF_AND_TASK_2011),
    ),
    OutcomeLinkFact(
        "develop-targeted-activity-proposals",
        FOLLOWS,
        "continue-streamlined",
        cites=_report(
            27,
            "Senior officials recommended that the Bali process continue in a more streamlined "
            "way and asked the co-chairs, the two coordinators, UNHCR and the IOM to develop "
            "proposals for targeted activities",
        ),
    ),
    OutcomeLinkFact(
        "roundtable-outcomes-to-ministers",
        FOLLOWS,
        "roundtable-report",
        cites=_outcomes_2013(ROUNDTABLE_REPORT, ROUNDTABLE_RECOMMENDATION, at=WAY_FORWARDS),
    ),
    OutcomeLinkFact(
        "welcome-new-members",
        RELATES_TO,
        "unodc-membership-decision",
        cites=_outcomes_2013(UNODC_DECISION, NEW_MEMBERS_WELCOMED),
    ),
)


# -- Retractions -------------------------------------------------------------

RETRACTIONS = (
    Retraction(
        "outcome_status",
        ("operationalise-rcf", IN_PROGRESS, keys.FOURTH_MC),
        "The Co-Chairs' outcomes of 2013 record that Ministers tasked the AHG to "
        "operationalise the RCF in March 2011, not that the work was then in progress.",
    ),
    Retraction(
        "outcome_status",
        ("unodc-membership-decision", ENDORSED, keys.FIFTH_SOM),
        "The Co-Chairs' outcomes of 2013 record that the Co-Chairs sought the meeting's "
        "endorsement of the Steering Group decision, not that it was given; the decision is "
        "now recorded as proposed to the meeting.",
    ),
)
