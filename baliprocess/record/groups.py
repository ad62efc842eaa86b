"""The standing bodies of the Bali Process: who led them, their terms of
reference, and the composition the seeds record."""

from baliprocess.record import keys
from baliprocess.record.facts import (
    CompositionFact,
    GroupFact,
    GroupRoleFact,
    TermOfReferenceFact,
)
from workshops.models import Group, GroupRole

CO_CHAIR = GroupRole.Role.CO_CHAIR
COORDINATOR = GroupRole.Role.COORDINATOR
CO_MANAGER = GroupRole.Role.CO_MANAGER

AHG_EXPANSION_NOTE = (
    "Added on the recommendation of the Steering Group, as directed by Ministers at the "
    "Fourth Ministerial Conference (March 2011); reported to the fifth Senior Officials "
    "Meeting (1 April 2013)."
)

GROUPS = (
    GroupFact(
        slug=keys.STEERING_GROUP,
        name="Steering Group",
        short_name="Steering Group",
        kind=Group.Kind.STEERING_GROUP,
        mandate="Plans and coordinates the work of the Bali Process.",
        description=(
            "Made up of the Co-Chairs, Indonesia and Australia; the coordinators, New Zealand "
            "and Thailand; UNHCR and IOM. In June 2004 senior officials agreed that the "
            "Steering Group should continue in its current planning and coordination role."
        ),
        roles=(
            GroupRoleFact(keys.INDONESIA, CO_CHAIR, order=0),
            GroupRoleFact(keys.AUSTRALIA, CO_CHAIR, order=1),
        ),
        composition=(
            CompositionFact(keys.INDONESIA, note="Co-Chair"),
            CompositionFact(keys.AUSTRALIA, note="Co-Chair"),
            CompositionFact(keys.NEW_ZEALAND, note="Coordinator"),
            CompositionFact(keys.THAILAND, note="Coordinator"),
            CompositionFact(keys.UNHCR),
            CompositionFact(keys.IOM),
        ),
    ),
    GroupFact(
        slug=keys.AHEG_I,
        name="Ad Hoc Experts Group I",
        short_name="AHEG I",
        kind=Group.Kind.AD_HOC_EXPERTS_GROUP,
        mandate="International and regional cooperation.",
        established="2002",
        # Discontinued by the Brisbane SOM of 7–8 June 2004 (004 para 24); the month is
        # the meeting's, so the groups count as active until then.
        discontinued="2004-06",
        discontinued_by=keys.BRISBANE_SOM,
        description=(
            "The first of the two ad hoc experts groups through which Ministers agreed the "
            "work of the Bali Process be taken forward, coordinated by New Zealand. In June "
            "2004 senior officials suggested that the groups be discontinued in their "
            "current form, with New Zealand to coordinate activities on regional and "
            "international cooperation on policy issues and legal frameworks."
        ),
        roles=(
            GroupRoleFact(
                keys.NEW_ZEALAND,
                COORDINATOR,
                person_name="Ms Heather Riddell",
                person_position="New Zealand Ministry of Foreign Affairs and Trade",
            ),
        ),
    ),
    GroupFact(
        slug=keys.AHEG_II,
        name="Ad Hoc Experts Group II",
        short_name="AHEG II",
        kind=Group.Kind.AD_HOC_EXPERTS_GROUP,
        mandate="Policy, legislation and law enforcement.",
        established="2002",
        # Discontinued by the Brisbane SOM of 7–8 June 2004 (004 para 24); the month is
        # the meeting's, so the groups count as active until then.
        discontinued="2004-06",
        discontinued_by=keys.BRISBANE_SOM,
        description=(
            "The second of the two ad hoc experts groups through which Ministers agreed the "
            "work of the Bali Process be taken forward, coordinated by Thailand. In June 2004 "
            "senior officials suggested that the groups be discontinued in their current "
            "form, with Thailand to coordinate activities on regional and international "
            "cooperation on policy issues and law enforcement."
        ),
        roles=(
            GroupRoleFact(
                keys.THAILAND,
                COORDINATOR,
                person_name="Police Major General Krerckphong Pukprayura",
                person_position="Royal Thai Police",
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
            "retasked. The Steering Group draws participation for the AHG from the "
            "most-affected countries and relevant international organisations, and reports "
            "developments to the wider membership. The Fourth Ministerial Conference (March "
            "2011) tasked the AHG to operationalise the Regional Cooperation Framework and to "
            "enhance cooperation on trafficking in persons, and directed that it be "
            "expanded. The record does not list its members before the 2013 expansion."
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
            ),
            TermOfReferenceFact(
                "(b)",
                "to enhance information sharing arrangements between most-affected countries",
                order=2,
                adopted_by=keys.THIRD_MC,
            ),
            TermOfReferenceFact(
                "(c)",
                "to report to Co-Chairs through the Steering Group with concrete "
                "recommendations to inform future regional cooperation on people smuggling "
                "and trafficking in persons",
                order=3,
                adopted_by=keys.THIRD_MC,
            ),
        ),
        composition=tuple(
            CompositionFact(slug, start="2013", note=AHG_EXPANSION_NOTE)
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
        parent=keys.AHG,
        established="2013-04-01",
        established_by=keys.FIFTH_SOM,
        mandate=(
            "A coordination mechanism to better focus Bali Process activities on members' "
            "capacity needs and to help inform Bali Process responses to trafficking in "
            "persons issues."
        ),
        description=(
            "Established under the purview of the Ad Hoc Group, on the AHG recommendation "
            "that the fifth Senior Officials Meeting endorsed on 1 April 2013. It is open to "
            "all interested Bali Process members, and engages with civil society, "
            "non-government organisations and the business community in undertaking its "
            "work."
        ),
    ),
    GroupFact(
        slug=keys.RSO,
        name="Regional Support Office",
        short_name="RSO",
        kind=Group.Kind.OFFICE,
        mandate="Operationalises the Regional Cooperation Framework (RCF).",
        description=(
            "Based in Bangkok and co-managed by Indonesia and Australia. The fifth Senior "
            "Officials Meeting (1 April 2013) welcomed the operationalisation of the RCF "
            "through the establishment of the RSO, as a significant achievement for "
            "enhancing regional cooperation and capacity building in addressing irregular "
            "migration, including people smuggling and trafficking in persons. The record "
            "does not give the date of its establishment."
        ),
        roles=(
            GroupRoleFact(keys.INDONESIA, CO_MANAGER, order=0),
            GroupRoleFact(keys.AUSTRALIA, CO_MANAGER, order=1),
        ),
    ),
)
