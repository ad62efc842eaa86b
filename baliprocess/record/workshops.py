"""Workshop themes (the managed list) and the workshops the seeds name.

The 2004 Report to Ministers reports the AHEG workshops of 2002–2004 and
their hosts; New Zealand's 2008 paper the later ones. Where a workshop's
place is not given, only its host is recorded: city and country stay empty.
"""

from baliprocess.record import keys
from baliprocess.record.facts import MeetingFact, MeetingRoleFact, ThemeFact
from meetings.models import Meeting, MeetingRole

WORKSHOP = Meeting.Kind.WORKSHOP
HOST = MeetingRole.Role.HOST
CO_HOST = MeetingRole.Role.CO_HOST
CO_ORGANISER = MeetingRole.Role.CO_ORGANISER

THEMES = (
    ThemeFact(keys.PUBLIC_AWARENESS, "Public awareness"),
    ThemeFact(keys.VICTIM_SUPPORT, "Victim support"),
    ThemeFact(keys.LEGISLATION, "Legislation"),
    ThemeFact(keys.IDENTITY_AND_DOCUMENT_FRAUD, "Identity and document fraud"),
    ThemeFact(keys.RETURNS, "Returns"),
    ThemeFact(keys.LAW_ENFORCEMENT_AND_TARGETING, "Law enforcement and targeting"),
    ThemeFact(keys.NATIONAL_PLANS_OF_ACTION, "National plans of action"),
    ThemeFact(keys.LOST_AND_STOLEN_PASSPORTS, "Lost and stolen passports"),
    ThemeFact(keys.CHILD_SEX_TOURISM, "Child sex tourism"),
    ThemeFact(keys.IRREGULAR_MOVEMENT_BY_SEA, "Irregular movement by sea"),
    ThemeFact(keys.BORDER_CONTROL_AND_REFUGEE_PROTECTION, "Border control and refugee protection"),
)


def _hosted_by(slug: str) -> tuple[MeetingRoleFact, ...]:
    return (MeetingRoleFact(slug, HOST),)


WORKSHOPS = (
    MeetingFact(
        slug=keys.LEGISLATION_WORKSHOP_2002,
        kind=WORKSHOP,
        title="Workshop on people smuggling and trafficking legislation",
        start="2002",
        group=keys.AHEG_II,
        roles=_hosted_by(keys.MALAYSIA),
        themes=(keys.LEGISLATION,),
        summary=(
            "A legislation workshop hosted by Malaysia in 2002, which the workshop Malaysia "
            "hosted in November 2003 followed. The legislative workshops assisted many "
            "countries to develop their own national legislation, drawing on model "
            "legislation developed by Australia and China."
        ),
    ),
    MeetingFact(
        slug=keys.AWARENESS_WORKSHOP_2003,
        kind=WORKSHOP,
        title=(
            "Workshop on the Prevention of International Trafficking and Promotion of Public "
            "Awareness Campaigns"
        ),
        start="2003-09",
        group=keys.AHEG_I,
        roles=_hosted_by(keys.REPUBLIC_OF_KOREA),
        themes=(keys.PUBLIC_AWARENESS,),
        summary=(
            "Hosted by the Republic of Korea: the first of the three substantive regional "
            "workshops that the AHEG I coordinator reported to senior officials in June 2004."
        ),
    ),
    MeetingFact(
        slug=keys.LEGISLATION_WORKSHOP_2003,
        kind=WORKSHOP,
        title="Workshop on developing legislation to criminalise people smuggling and trafficking",
        start="2003-11",
        group=keys.AHEG_II,
        roles=_hosted_by(keys.MALAYSIA),
        themes=(keys.LEGISLATION,),
        summary=(
            "Hosted by Malaysia, following an earlier workshop also hosted by Malaysia in "
            "2002. Malaysia presented the workshop's outcomes to senior officials in Brisbane "
            "in June 2004."
        ),
    ),
    MeetingFact(
        slug=keys.IDENTITY_WORKSHOP_2004,
        kind=WORKSHOP,
        title="Workshop on identity management and document fraud",
        start="2004-03",
        group=keys.AHEG_II,
        roles=_hosted_by(keys.THAILAND),
        themes=(keys.IDENTITY_AND_DOCUMENT_FRAUD,),
        summary=(
            "Hosted by Thailand. The workshop began work on developing best practice "
            "guidelines for the initial establishment of identity; New Zealand presented its "
            "outcomes to senior officials in Brisbane in June 2004."
        ),
    ),
    MeetingFact(
        slug=keys.BORDER_PROTECTION_WORKSHOP_2004,
        kind=WORKSHOP,
        title=(
            "Workshop on reconciling legitimate state interests to control immigration with "
            "refugee protection"
        ),
        start="2004-04",
        group=keys.AHEG_I,
        roles=(
            MeetingRoleFact(keys.FIJI, HOST),
            MeetingRoleFact(keys.FIJI, CO_ORGANISER, order=0),
            MeetingRoleFact(keys.UNHCR, CO_ORGANISER, order=1),
        ),
        themes=(keys.BORDER_CONTROL_AND_REFUGEE_PROTECTION,),
        summary=(
            "Hosted by Fiji and organised by Fiji and the United Nations High Commissioner "
            "for Refugees (UNHCR). Fiji presented the workshop to senior officials in "
            "Brisbane in June 2004."
        ),
    ),
    MeetingFact(
        slug=keys.RETURNS_WORKSHOP_2004,
        kind=WORKSHOP,
        title="Workshop on the issues involved in returning illegal immigrants",
        start="2004-05",
        group=keys.AHEG_I,
        roles=(
            MeetingRoleFact(keys.AUSTRALIA, HOST),
            MeetingRoleFact(keys.AUSTRALIA, CO_ORGANISER, order=0),
            MeetingRoleFact(keys.BUDAPEST_PROCESS, CO_ORGANISER, order=1),
        ),
        themes=(keys.RETURNS,),
        summary=(
            "Hosted by Australia and organised jointly with the Budapest Process, to assist "
            "states to identify the issues involved in returning illegal immigrants. It "
            "developed a checklist of issues for governments to consider on the return of "
            "smuggled and trafficked people, and a compilation of draft paragraphs for "
            "countries to draw on in developing bilateral return agreements."
        ),
    ),
    MeetingFact(
        slug=keys.TARGETING_WORKSHOP_2004,
        kind=WORKSHOP,
        title=(
            "Pilot workshop on intelligence and law enforcement cooperation to target "
            "smugglers and traffickers"
        ),
        start="2004-05",
        group=keys.AHEG_II,
        roles=(
            MeetingRoleFact(keys.THAILAND, HOST),
            MeetingRoleFact(
                keys.AUSTRALIA, CO_ORGANISER, represented_by="the Australian Federal Police"
            ),
        ),
        themes=(keys.LAW_ENFORCEMENT_AND_TARGETING,),
        summary=(
            "Hosted by Thailand: a pilot workshop developed by the Australian Federal Police. "
            "Pakistan and Australia presented its outcomes to senior officials in Brisbane in "
            "June 2004."
        ),
    ),
    MeetingFact(
        slug=keys.AWARENESS_WORKSHOP_2004,
        kind=WORKSHOP,
        title="Second workshop on people trafficking and public awareness campaigns",
        # "in late 2004": the year is all the seeds support.
        start="2004",
        roles=_hosted_by(keys.REPUBLIC_OF_KOREA),
        themes=(keys.PUBLIC_AWARENESS,),
        summary=(
            "The Republic of Korea told senior officials in Brisbane in June 2004 that it "
            "would hold a second people trafficking/public awareness campaign workshop in "
            "late 2004. New Zealand's paper of 2008 records that Korea hosted two workshops, "
            "in 2003 and 2004, on the protection of victims of trafficking and public "
            "awareness."
        ),
    ),
    MeetingFact(
        slug=keys.VICTIM_SUPPORT_WORKSHOP_2004,
        kind=WORKSHOP,
        title="Workshop on victim support, Bali 2004",
        start="2004",
        city="Bali",
        country="ID",
        roles=_hosted_by(keys.INDONESIA),
        themes=(keys.VICTIM_SUPPORT,),
        summary="Hosted by Indonesia in Bali, focusing on victim support.",
    ),
    MeetingFact(
        slug=keys.VICTIM_SUPPORT_WORKSHOP_2006,
        kind=WORKSHOP,
        title="Workshop on victim support, Bali 2006",
        start="2006",
        city="Bali",
        country="ID",
        roles=_hosted_by(keys.INDONESIA),
        themes=(keys.VICTIM_SUPPORT,),
        summary="Hosted by Indonesia in Bali, focusing on victim support.",
    ),
    MeetingFact(
        slug=keys.ACTION_PLANS_WORKSHOP_2004,
        kind=WORKSHOP,
        title="Workshop on developing National Plans of Action to combat trafficking",
        start="2004",
        roles=_hosted_by(keys.JAPAN),
        themes=(keys.NATIONAL_PLANS_OF_ACTION,),
        summary="Hosted by Japan, on developing National Plans of Action to combat trafficking.",
    ),
    MeetingFact(
        slug=keys.BALI_BUDAPEST_WORKSHOP_2005,
        kind=WORKSHOP,
        title=(
            "Joint Bali–Budapest Process workshop on harmonising National Plans of Action to "
            "Prevent Trafficking"
        ),
        start="2005",
        city="Vienna",
        country="AT",
        roles=(MeetingRoleFact(keys.BUDAPEST_PROCESS, CO_ORGANISER),),
        themes=(keys.NATIONAL_PLANS_OF_ACTION,),
        summary=(
            "A joint workshop of the Bali Process and the Budapest Process, held in Vienna, "
            "on harmonising National Plans of Action to Prevent Trafficking."
        ),
    ),
    MeetingFact(
        slug=keys.PASSPORTS_WORKSHOP_2007,
        kind=WORKSHOP,
        title="Third Bali Process Lost and Stolen Passport Information Sharing Workshop",
        start="2007-08",
        roles=(
            MeetingRoleFact(keys.NEW_ZEALAND, CO_HOST, order=0),
            MeetingRoleFact(keys.AUSTRALIA, CO_HOST, order=1),
        ),
        themes=(keys.LOST_AND_STOLEN_PASSPORTS,),
        summary=(
            "Co-hosted by New Zealand and Australia. The workshop provided information on "
            "emerging systems such as APEC's Regional Movement Alerts System (RMAS) and "
            "INTERPOL's Stolen and Lost Travel Document System, and created a resource of "
            "technical materials, contact points and capacity building opportunities to "
            "help participants advance border management and passport authentication "
            "systems."
        ),
    ),
)
