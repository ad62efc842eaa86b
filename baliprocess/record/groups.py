"""The standing bodies of the Bali Process: who led them, their terms of
reference, and the composition the seeds record.

A group's dates, roles and members are recorded only where a seed states
them. What senior officials or a meeting suggested, recommended or agreed
is not recorded as done: the AHEGs' discontinuation was suggested in 2004,
and the working group on trafficking in persons agreed in 2013, but no seed
says either happened.
"""

from baliprocess.record import keys
from baliprocess.record.facts import (
    Cite,
    CompositionFact,
    GroupFact,
    GroupRoleFact,
    Retraction,
    TermOfReferenceFact,
)
from workshops.models import Group, GroupRole

CO_CHAIR = GroupRole.Role.CO_CHAIR
COORDINATOR = GroupRole.Role.COORDINATOR
CO_MANAGER = GroupRole.Role.CO_MANAGER


def report(passage: str, at: str) -> Cite:
    return Cite(keys.REPORT_2004, passage, at=at)


def outcomes_2013(passage: str, at: str) -> Cite:
    return Cite(keys.OUTCOMES_2013, passage, at=at)


def third_mc_page(passage: str) -> Cite:
    return Cite(keys.THIRD_MC_PAGE_2009, passage, at="Establishment of Ad-hoc Group")


TWO_AHEGS = report(
    "Ministers had agreed that work on these issues be taken forward as appropriate by two ad "
    "hoc experts groups (AHEGs), the first on international and regional cooperation, "
    "coordinated by New Zealand, and the second on policy, legislation and law enforcement, "
    "coordinated by Thailand.",
    at="para. 7",
)
AHEGS_SUGGESTED_DISCONTINUED = report(
    "they suggested that the AHEGs be discontinued in their current form but that New Zealand "
    "coordinate activities on regional and international cooperation on policy issues and "
    "legal frameworks and Thailand coordinate activities on regional and international "
    "cooperation on policy issues and law enforcement.",
    at="para. 24",
)
STEERING_GROUP_TO_CONTINUE = report(
    "They agreed that the Steering Group should continue in its current planning and "
    "coordination role.",
    at="para. 24",
)
AHG_EXPANDED = outcomes_2013(
    "as directed by Ministers at the Fourth Ministerial Conference in March 2011, the AHG had "
    "been expanded, on the recommendation of the Bali Process Steering Group, to include "
    "existing Bali Process members Vietnam and the Philippines and new members (past "
    "observers) the United States and United Arab Emirates.",
    at="second paragraph",
)
AHG_RETASKED = third_mc_page(
    "Ministers agreed that the Ad Hoc Group (AHG) mechanisms used during the establishment "
    "phase of the Bali Process be retasked to develop regional responses to these current "
    "challenges."
)
AHG_AVAILABLE_ON_REQUEST = third_mc_page(
    "Ministers requested the Co-Chairs of the Steering Group to make available the retasked AHG "
    "to address comprehensively particular situations on a case-by-case basis upon the request "
    "of affected countries."
)
AHG_PARTICIPATION = third_mc_page(
    "The Steering Group would draw participation for the AHG from the most-affected countries "
    "as well as relevant international organisations, and report developments to the wider "
    "membership of the Bali Process as appropriate."
)
RSO_CO_MANAGERS = outcomes_2013(
    "The Indonesian and Australian RSO co-managers provided the meeting with an overview of "
    "operations",
    at="fifth paragraph",
)

AHG_EXPANSION_NOTE = (
    "Added on the recommendation of the Steering Group, as directed by Ministers at the "
    "Fourth Ministerial Conference (March 2011); the fifth Senior Officials Meeting "
    "(1 April 2013) was advised that the expansion had been made. The record does not say "
    "when."
)

GROUPS = (
    GroupFact(
        slug=keys.STEERING_GROUP,
        name="Steering Group",
        short_name="Steering Group",
        kind=Group.Kind.STEERING_GROUP,
        mandate="A planning and coordination role.",
        description=(
            "In June 2004 senior officials agreed that the Steering Group should continue in "
            "its current planning and coordination role. In April 2009 Ministers requested "
            "the Co-Chairs of the Steering Group to make the retasked Ad Hoc Group available "
            "upon the request of affected countries; the Steering Group would draw "
            "participation for the Ad Hoc Group from the most-affected countries and relevant "
            "international organisations, and report developments to the wider membership. "
            "By April 2013 the Ad Hoc Group had been expanded on its recommendation, and it "
            "had decided to support UNODC's application to become a member. The sources do "
            "not say who its members or its Co-Chairs are."
        ),
        cites=(
            STEERING_GROUP_TO_CONTINUE,
            AHG_AVAILABLE_ON_REQUEST,
            AHG_PARTICIPATION,
            AHG_EXPANDED,
            outcomes_2013(
                "a Steering Group decision to support the UNODC’s application to become a "
                "member of the Bali Process",
                at="second paragraph",
            ),
        ),
    ),
    GroupFact(
        slug=keys.AHEG_I,
        name="Ad Hoc Experts Group I",
        short_name="AHEG I",
        kind=Group.Kind.AD_HOC_EXPERTS_GROUP,
        mandate="International and regional cooperation.",
        description=(
            "The first of the two ad hoc experts groups by which Ministers had agreed that "
            "work on the issues they identified be taken forward, on international and "
            "regional cooperation, coordinated by New Zealand. In June 2004 senior officials "
            "suggested that the AHEGs be discontinued in their current form, with New "
            "Zealand to coordinate activities on regional and international cooperation on "
            "policy issues and legal frameworks. The sources say neither when the group was "
            "established nor that it was discontinued."
        ),
        cites=(TWO_AHEGS, AHEGS_SUGGESTED_DISCONTINUED),
        roles=(
            GroupRoleFact(
                keys.NEW_ZEALAND,
                COORDINATOR,
                person_name="Ms Heather Riddell",
                person_position="New Zealand Ministry of Foreign Affairs and Trade",
                cites=(
                    TWO_AHEGS,
                    report(
                        "AHEG I coordinator, Ms Heather Riddell, New Zealand Ministry of "
                        "Foreign Affairs and Trade",
                        at="para. 8",
                    ),
                ),
            ),
        ),
    ),
    GroupFact(
        slug=keys.AHEG_II,
        name="Ad Hoc Experts Group II",
        short_name="AHEG II",
        kind=Group.Kind.AD_HOC_EXPERTS_GROUP,
        mandate="Policy, legislation and law enforcement.",
        description=(
            "The second of the two ad hoc experts groups by which Ministers had agreed that "
            "work on the issues they identified be taken forward, on policy, legislation and "
            "law enforcement, coordinated by Thailand. In June 2004 senior officials "
            "suggested that the AHEGs be discontinued in their current form, with Thailand "
            "to coordinate activities on regional and international cooperation on policy "
            "issues and law enforcement. The sources say neither when the group was "
            "established nor that it was discontinued."
        ),
        cites=(TWO_AHEGS, AHEGS_SUGGESTED_DISCONTINUED),
        roles=(
            GroupRoleFact(
                keys.THAILAND,
                COORDINATOR,
                person_name="Police Major General Krerckphong Pukprayura",
                person_position="Royal Thai Police",
                cites=(
                    TWO_AHEGS,
                    report(
                        "AHEG II coordinator, Police Major General Krerckphong Pukprayura, of "
                        "the Royal Thai Police",
                        at="para. 9",
                    ),
                ),
            ),
        ),
    ),
    GroupFact(
        slug=keys.AHG,
        name="Ad Hoc Group",
        short_name="AHG",
        kind=Group.Kind.AD_HOC_GROUP,
        mandate=(
            "To develop regional responses to current challenges of irregular movement of "
            "people, and to address particular situations comprehensively, on a case-by-case "
            "basis, upon the request of affected countries."
        ),
        description=(
            "Ministers at the Third Ministerial Conference (April 2009) agreed that the Ad Hoc "
            "Group mechanisms used during the establishment phase of the Bali Process be "
            "retasked. The Steering Group would draw participation for the AHG from the "
            "most-affected countries and relevant international organisations, and report "
            "developments to the wider membership. The Fourth Ministerial Conference (March "
            "2011) tasked the AHG to operationalise the Regional Cooperation Framework and to "
            "enhance cooperation on trafficking in persons issues, and directed that it be "
            "expanded. The record does not list its members before the expansion reported "
            "in April 2013."
        ),
        cites=(
            third_mc_page(
                "Noting the persistence of current situations concerning the irregular "
                "movement of people in the Asia-Pacific region"
            ),
            AHG_RETASKED,
            AHG_AVAILABLE_ON_REQUEST,
            AHG_PARTICIPATION,
            outcomes_2013(
                "had tasked the AHG to operationalise the RCF. Ministers had also tasked the "
                "AHG to enhance cooperation on trafficking in persons issues.",
                at="third paragraph",
            ),
            AHG_EXPANDED,
        ),
        # The wording of the Third Ministerial Conference's page, without the
        # "; and" that joins the items in the source.
        terms_of_reference=(
            TermOfReferenceFact(
                "(a)",
                "to develop practical outcomes at the operational level to assist countries "
                "to mitigate increased irregular population movements",
                order=1,
                adopted_by=keys.THIRD_MC,
                cites=(
                    third_mc_page(
                        "The AHG would have the following terms of reference: (a) to develop "
                        "practical outcomes at the operational level to assist countries to "
                        "mitigate increased irregular population movements"
                    ),
                ),
            ),
            TermOfReferenceFact(
                "(b)",
                "to enhance information sharing arrangements between most-affected countries",
                order=2,
                adopted_by=keys.THIRD_MC,
                cites=(
                    third_mc_page(
                        "(b) to enhance information sharing arrangements between most-affected "
                        "countries"
                    ),
                ),
            ),
            TermOfReferenceFact(
                "(c)",
                "to report to Co-Chairs through the Steering Group with concrete "
                "recommendations to inform future regional cooperation on people smuggling "
                "and trafficking in persons",
                order=3,
                adopted_by=keys.THIRD_MC,
                cites=(
                    third_mc_page(
                        "(c) to report to Co-Chairs through the Steering Group with concrete "
                        "recommendations to inform future regional cooperation on people "
                        "smuggling and trafficking in persons"
                    ),
                ),
            ),
        ),
        # "Had been expanded" by the meeting of 1 April 2013, after Ministers
        # directed it in March 2011: the day it was made is not given.
        composition=tuple(
            CompositionFact(
                slug,
                start=None,
                known_since="2013-04-01",
                note=AHG_EXPANSION_NOTE,
                cites=(AHG_EXPANDED,),
            )
            for slug in (
                keys.VIETNAM,
                keys.PHILIPPINES,
                keys.UNITED_STATES,
                keys.UNITED_ARAB_EMIRATES,
            )
        ),
    ),
    GroupFact(
        slug=keys.TIP_WORKING_GROUP,
        name="Working Group on Trafficking in Persons",
        short_name="Working Group on Trafficking in Persons",
        kind=Group.Kind.WORKING_GROUP,
        # Where members agreed it would sit: "under the purview of the AHG".
        parent=keys.AHG,
        mandate=(
            "Trafficking in persons. Indonesia outlined the potential benefits of a working "
            "group, including as a coordination mechanism to better focus Bali Process "
            "activities to address members' capacity needs and to assist inform Bali Process "
            "responses to trafficking in persons issues."
        ),
        description=(
            "The fifth Senior Officials Meeting (1 April 2013) endorsed the AHG recommendation "
            "to establish a working group on trafficking in persons. Members agreed that it "
            "would be established under the purview of the AHG but would be open to all "
            "interested Bali Process members, and would engage with civil society, "
            "non-government organisations and the business community in undertaking its "
            "work. The sources do not say that it was established."
        ),
        cites=(
            outcomes_2013(
                "The meeting endorsed the AHG recommendation to establish a working group on "
                "trafficking in persons.",
                at="Way forwards",
            ),
            outcomes_2013(
                "Participants welcomed an overview by Indonesia which outlined the potential "
                "benefits of a working group including as a coordination mechanism to better "
                "focus Bali Process activities to address members’ capacity needs and to "
                "assist inform Bali Process responses to trafficking in persons issues.",
                at="Way forwards",
            ),
            outcomes_2013(
                "Members agreed that the working group would be established under the purview "
                "of the AHG but would be open to all interested Bali Process members, and would "
                "engage with civil society, non government organizations and the business "
                "community in undertaking its work.",
                at="Way forwards",
            ),
        ),
    ),
    GroupFact(
        slug=keys.RSO,
        name="Regional Support Office",
        short_name="RSO",
        kind=Group.Kind.OFFICE,
        mandate="The operationalisation of the Regional Cooperation Framework (RCF).",
        description=(
            "Established in Bangkok, with Indonesian and Australian co-managers. The fifth "
            "Senior Officials Meeting (1 April 2013) welcomed the operationalisation of the "
            "RCF through the establishment of the RSO, and welcomed the RSO as a significant "
            "achievement for enhancing regional cooperation and capacity building in "
            "addressing irregular migration, including people smuggling and trafficking in "
            "persons. The record does not give the date of its establishment."
        ),
        cites=(
            outcomes_2013(
                "The meeting welcomed the operationalization of the RCF through the "
                "establishment of the Regional Support Office (RSO) in Bangkok.",
                at="fifth paragraph",
            ),
            RSO_CO_MANAGERS,
            outcomes_2013(
                "The meeting welcomed the RSO as a significant achievement for enhancing "
                "regional cooperation and capacity building in addressing irregular migration, "
                "including people smuggling and trafficking in persons.",
                at="fifth paragraph",
            ),
        ),
        roles=(
            GroupRoleFact(keys.INDONESIA, CO_MANAGER, order=0, cites=(RSO_CO_MANAGERS,)),
            GroupRoleFact(keys.AUSTRALIA, CO_MANAGER, order=1, cites=(RSO_CO_MANAGERS,)),
        ),
    ),
)

STEERING_GROUP_CO_CHAIRS = (
    "The Third Ministerial Conference's page mentions 'the Co-Chairs of the Steering Group' "
    "without naming them; no other seed does."
)
STEERING_GROUP_COMPOSITION = "No seed says who the Steering Group's members are."

RETRACTIONS = (
    Retraction(
        "group_role",
        (keys.STEERING_GROUP, keys.INDONESIA, CO_CHAIR),
        STEERING_GROUP_CO_CHAIRS,
    ),
    Retraction(
        "group_role",
        (keys.STEERING_GROUP, keys.AUSTRALIA, CO_CHAIR),
        STEERING_GROUP_CO_CHAIRS,
    ),
    *(
        Retraction(
            "group_membership", (keys.STEERING_GROUP, participant), STEERING_GROUP_COMPOSITION
        )
        for participant in (
            keys.INDONESIA,
            keys.AUSTRALIA,
            keys.NEW_ZEALAND,
            keys.THAILAND,
            keys.UNHCR,
            keys.IOM,
        )
    ),
)
