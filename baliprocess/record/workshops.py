"""Workshop themes (the managed list) and the workshops the seeds name.

The 2004 Report to Ministers reports the AHEG workshops of 2003–2004, their
hosts and organisers, and mentions an earlier one of 2002; New Zealand's
2008 paper the later ones. A workshop is put under an AHEG only where the
Report reports it as that group's activity; its title says what the source
says it was "on". Where a workshop's place is not given, only its host is
recorded: city and country stay empty.
"""

from baliprocess.record import keys
from baliprocess.record.facts import Cite, MeetingFact, MeetingRoleFact, Retraction, ThemeFact
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


def report(passage: str, at: str) -> Cite:
    return Cite(keys.REPORT_2004, passage, at=at)


def nz_paper(passage: str, at: str = "") -> Cite:
    return Cite(keys.NZ_PAPER_2008, passage, at=at)


def _hosted_by(slug: str, *cites: Cite) -> tuple[MeetingRoleFact, ...]:
    return (MeetingRoleFact(slug, HOST, cites=cites),)


# The passages that put a workshop under AHEG I or AHEG II: each coordinator
# reported the group's workshops, and the Report lists the presentations on them.
AHEG_I_WORKSHOPS = report(
    "presented to the meeting a report of AHEG I activities since the second Bali Ministerial "
    "Conference",
    at="para. 8",
)
AHEG_I_PRESENTATIONS = report(
    "Presentations of the individual activities under AHEG I were made by the IOM (Bali "
    "process website); ROK (people trafficking/public awareness workshop); Fiji (reconciling "
    "border controls/protection workshop); Australia (returns workshop)",
    at="para. 8",
)
AHEG_II_WORKSHOPS = report(
    "presented a report of AHEG II activities. Three workshops had taken place since Bali II.",
    at="para. 9",
)
AHEG_II_PRESENTATIONS = report(
    "Presentations of the views and experiences on AHEG II workshop outcomes were made by "
    "Malaysia (legislation workshop); New Zealand (identity management workshop); and "
    "Pakistan and Australia (targeting workshop).",
    at="para. 9",
)

MALAYSIA_2003 = report(
    "The first, hosted by Malaysia, in November 2003 was on developing legislation to "
    "criminalise people smuggling and trafficking, following an earlier workshop also hosted "
    "by Malaysia in 2002.",
    at="para. 9",
)
KOREA_2003 = report(
    "The first, hosted by the Republic of Korea (ROK) in September 2003, was on the Prevention "
    "of International Trafficking and Promotion of Public Awareness Campaigns.",
    at="para. 8",
)
THAILAND_MARCH_2004 = report(
    "The second, hosted by Thailand in March 2004, was on identity management and document fraud.",
    at="para. 9",
)
FIJI_2004 = report(
    "The second, hosted by Fiji and organised by Fiji and the United Nations High Commissioner "
    "for Refugees (UNHCR) in April 2004, was on reconciling legitimate state interests to "
    "control immigration with refugee protection.",
    at="para. 8",
)
AUSTRALIA_2004 = report(
    "The third, hosted by Australia, and organised jointly with the Budapest process, in May "
    "2004 was on assisting states to identify the issues involved in returning illegal "
    "immigrants.",
    at="para. 8",
)
THAILAND_MAY_2004 = report(
    "The third, again hosted by Thailand in May 2004, was a pilot workshop developed by the "
    "Australian Federal Police, on intelligence and law enforcement cooperation to target the "
    "smugglers and traffickers.",
    at="para. 9",
)
KOREA_TWO_WORKSHOPS = nz_paper(
    "has hosted two workshops in 2003 and 2004 on the protection of victims of trafficking "
    "and public awareness",
    at="second paragraph",
)
INDONESIA_BALI = nz_paper(
    "has hosted workshops in Bali in 2004 and 2006 focusing on victim support",
    at="second paragraph",
)

WORKSHOPS = (
    # Mentioned only in passing, in AHEG II's report: the Report neither says
    # what it was on nor puts it under a group.
    MeetingFact(
        slug=keys.LEGISLATION_WORKSHOP_2002,
        kind=WORKSHOP,
        title="Workshop hosted by Malaysia in 2002",
        start="2002",
        roles=_hosted_by(keys.MALAYSIA, MALAYSIA_2003),
        summary=(
            "An earlier workshop, also hosted by Malaysia, which the workshop Malaysia hosted "
            "in November 2003 on developing legislation to criminalise people smuggling and "
            "trafficking followed. The Report to Ministers does not say what it was on."
        ),
        cites=(MALAYSIA_2003,),
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
        roles=_hosted_by(keys.REPUBLIC_OF_KOREA, KOREA_2003),
        themes=(keys.PUBLIC_AWARENESS,),
        summary=(
            "Hosted by the Republic of Korea: the first of the three substantive regional "
            "workshops that the AHEG I coordinator reported to senior officials in June 2004."
        ),
        cites=(
            KOREA_2003,
            report("She noted that three substantive regional workshops had been held.", "para. 8"),
            AHEG_I_WORKSHOPS,
            AHEG_I_PRESENTATIONS,
        ),
    ),
    MeetingFact(
        slug=keys.LEGISLATION_WORKSHOP_2003,
        kind=WORKSHOP,
        title="Workshop on developing legislation to criminalise people smuggling and trafficking",
        start="2003-11",
        group=keys.AHEG_II,
        roles=_hosted_by(keys.MALAYSIA, MALAYSIA_2003),
        themes=(keys.LEGISLATION,),
        summary=(
            "Hosted by Malaysia, following an earlier workshop also hosted by Malaysia in "
            "2002. Malaysia presented its views and experiences on the workshop's outcomes to "
            "senior officials in Brisbane in June 2004."
        ),
        cites=(MALAYSIA_2003, AHEG_II_WORKSHOPS, AHEG_II_PRESENTATIONS),
    ),
    MeetingFact(
        slug=keys.IDENTITY_WORKSHOP_2004,
        kind=WORKSHOP,
        title="Workshop on identity management and document fraud",
        start="2004-03",
        group=keys.AHEG_II,
        roles=_hosted_by(keys.THAILAND, THAILAND_MARCH_2004),
        themes=(keys.IDENTITY_AND_DOCUMENT_FRAUD,),
        summary=(
            "Hosted by Thailand. The workshop had begun work on developing best practice "
            "guidelines for the initial establishment of identity; New Zealand presented its "
            "views and experiences on the workshop's outcomes to senior officials in Brisbane "
            "in June 2004."
        ),
        cites=(
            THAILAND_MARCH_2004,
            AHEG_II_WORKSHOPS,
            AHEG_II_PRESENTATIONS,
            report(
                "The identity workshop had begun useful work on developing best practice "
                "guidelines for the initial establishment of identity.",
                at="para. 11",
            ),
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
            MeetingRoleFact(keys.FIJI, HOST, cites=(FIJI_2004,)),
            MeetingRoleFact(keys.FIJI, CO_ORGANISER, order=0, cites=(FIJI_2004,)),
            MeetingRoleFact(keys.UNHCR, CO_ORGANISER, order=1, cites=(FIJI_2004,)),
        ),
        themes=(keys.BORDER_CONTROL_AND_REFUGEE_PROTECTION,),
        summary=(
            "Hosted by Fiji and organised by Fiji and the United Nations High Commissioner "
            "for Refugees (UNHCR). Fiji presented the workshop to senior officials in "
            "Brisbane in June 2004."
        ),
        cites=(FIJI_2004, AHEG_I_WORKSHOPS, AHEG_I_PRESENTATIONS),
    ),
    MeetingFact(
        slug=keys.RETURNS_WORKSHOP_2004,
        kind=WORKSHOP,
        title=(
            "Workshop on assisting states to identify the issues involved in returning illegal "
            "immigrants"
        ),
        start="2004-05",
        group=keys.AHEG_I,
        roles=(
            MeetingRoleFact(keys.AUSTRALIA, HOST, cites=(AUSTRALIA_2004,)),
            MeetingRoleFact(keys.AUSTRALIA, CO_ORGANISER, order=0, cites=(AUSTRALIA_2004,)),
            MeetingRoleFact(keys.BUDAPEST_PROCESS, CO_ORGANISER, order=1, cites=(AUSTRALIA_2004,)),
        ),
        themes=(keys.RETURNS,),
        summary=(
            "Hosted by Australia and organised jointly with the Budapest Process, on assisting "
            "states to identify the issues involved in returning illegal immigrants. It "
            "developed a checklist of issues for governments to consider on the return of "
            "smuggled and trafficked people, and a compilation of draft paragraphs for "
            "countries to draw on in developing bilateral return agreements."
        ),
        cites=(
            AUSTRALIA_2004,
            AHEG_I_WORKSHOPS,
            AHEG_I_PRESENTATIONS,
            report(
                "the returns workshop had developed a checklist of issues for governments to "
                "consider on the return of smuggled and trafficked people as well as a "
                "compilation of draft paragraphs for countries to draw on in developing "
                "bilateral return agreements",
                at="para. 11",
            ),
        ),
    ),
    MeetingFact(
        slug=keys.TARGETING_WORKSHOP_2004,
        kind=WORKSHOP,
        title=(
            "Pilot workshop on intelligence and law enforcement cooperation to target the "
            "smugglers and traffickers"
        ),
        start="2004-05",
        group=keys.AHEG_II,
        # "Developed by the Australian Federal Police": the Report does not
        # say the AFP, or Australia, organised it, so no such role is recorded.
        roles=_hosted_by(keys.THAILAND, THAILAND_MAY_2004),
        themes=(keys.LAW_ENFORCEMENT_AND_TARGETING,),
        summary=(
            "Hosted by Thailand: a pilot workshop developed by the Australian Federal Police. "
            "Pakistan and Australia presented their views and experiences on its outcomes to "
            "senior officials in Brisbane in June 2004."
        ),
        cites=(THAILAND_MAY_2004, AHEG_II_WORKSHOPS, AHEG_II_PRESENTATIONS),
    ),
    MeetingFact(
        slug=keys.AWARENESS_WORKSHOP_2004,
        kind=WORKSHOP,
        title=("Second workshop on the protection of victims of trafficking and public awareness"),
        # "in late 2004" was the plan in June 2004; the 2008 paper says only
        # that it was held in 2004.
        start="2004",
        roles=_hosted_by(keys.REPUBLIC_OF_KOREA, KOREA_TWO_WORKSHOPS),
        themes=(keys.PUBLIC_AWARENESS,),
        summary=(
            "The Republic of Korea told senior officials in Brisbane in June 2004 that it "
            "would hold a second people trafficking/public awareness campaign workshop in "
            "late 2004. New Zealand's paper of 2008 records that Korea hosted two workshops, "
            "in 2003 and 2004, on the protection of victims of trafficking and public "
            "awareness."
        ),
        cites=(
            report(
                "Senior officials welcomed advice from the ROK that it would hold a second "
                "people trafficking/public awareness campaign workshop in late 2004.",
                at="para. 20",
            ),
            KOREA_TWO_WORKSHOPS,
        ),
    ),
    MeetingFact(
        slug=keys.VICTIM_SUPPORT_WORKSHOP_2004,
        kind=WORKSHOP,
        title="Workshop on victim support, Bali 2004",
        start="2004",
        city="Bali",
        country="ID",
        roles=_hosted_by(keys.INDONESIA, INDONESIA_BALI),
        themes=(keys.VICTIM_SUPPORT,),
        summary="Hosted by Indonesia in Bali, focusing on victim support.",
        cites=(INDONESIA_BALI,),
    ),
    MeetingFact(
        slug=keys.VICTIM_SUPPORT_WORKSHOP_2006,
        kind=WORKSHOP,
        title="Workshop on victim support, Bali 2006",
        start="2006",
        city="Bali",
        country="ID",
        roles=_hosted_by(keys.INDONESIA, INDONESIA_BALI),
        themes=(keys.VICTIM_SUPPORT,),
        summary="Hosted by Indonesia in Bali, focusing on victim support.",
        cites=(INDONESIA_BALI,),
    ),
    MeetingFact(
        slug=keys.ACTION_PLANS_WORKSHOP_2004,
        kind=WORKSHOP,
        title="Workshop on developing National Plans of Action to combat trafficking",
        start="2004",
        roles=_hosted_by(
            keys.JAPAN,
            nz_paper(
                "has hosted a workshop in 2004 on developing National Plans of Action to combat "
                "trafficking",
                at="second paragraph",
            ),
        ),
        themes=(keys.NATIONAL_PLANS_OF_ACTION,),
        summary="Hosted by Japan, on developing National Plans of Action to combat trafficking.",
        cites=(
            nz_paper(
                "has hosted a workshop in 2004 on developing National Plans of Action to combat "
                "trafficking",
                at="second paragraph",
            ),
        ),
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
        # A "joint Bali-Budapest Process workshop": the Budapest Process held
        # it with the Bali Process. No state is named as its host.
        roles=(
            MeetingRoleFact(
                keys.BUDAPEST_PROCESS,
                CO_ORGANISER,
                cites=(
                    nz_paper("A joint **Bali-Budapest Process workshop**", at="second paragraph"),
                ),
            ),
        ),
        themes=(keys.NATIONAL_PLANS_OF_ACTION,),
        summary=(
            "A joint workshop of the Bali Process and the Budapest Process, held in Vienna, "
            "on harmonising National Plans of Action to Prevent Trafficking."
        ),
        cites=(
            nz_paper(
                "A joint **Bali-Budapest Process workshop** on harmonising National Plans of "
                "Action to Prevent Trafficking also took place in Vienna 2005.",
                at="second paragraph",
            ),
        ),
    ),
    MeetingFact(
        slug=keys.PASSPORTS_WORKSHOP_2007,
        kind=WORKSHOP,
        title="Third Bali Process Lost and Stolen Passport Information Sharing Workshop",
        start="2007-08",
        roles=(
            MeetingRoleFact(
                keys.NEW_ZEALAND,
                CO_HOST,
                order=0,
                cites=(nz_paper("New Zealand and Australia co-hosted the third Bali Process"),),
            ),
            MeetingRoleFact(
                keys.AUSTRALIA,
                CO_HOST,
                order=1,
                cites=(nz_paper("New Zealand and Australia co-hosted the third Bali Process"),),
            ),
        ),
        themes=(keys.LOST_AND_STOLEN_PASSPORTS,),
        summary=(
            "Co-hosted by New Zealand and Australia. The workshop provided information on "
            "emerging systems such as APEC's Regional Movement Alerts System (RMAS) and "
            "INTERPOL's Stolen and Lost Travel Document System, and created a resource of "
            "technical materials, contact points and capacity building opportunities to "
            "assist participants to advance border management and passport authentication "
            "systems."
        ),
        cites=(
            nz_paper(
                "New Zealand and Australia co-hosted the third Bali Process Lost & Stolen "
                "Passport Information Sharing Workshop in August 2007."
            ),
            nz_paper("APEC's Regional Movement Alerts System (RMAS)"),
            nz_paper(
                "The workshop provided information on emerging systems such as the RMAS and "
                "INTERPOL's Stolen and Lost Travel Document System (INTERPOL MIND/FIND), and "
                "created a resource of technical materials, contact points and capacity "
                "building opportunities to assist participants to advance border management "
                "and passport authentication systems"
            ),
        ),
    ),
)

RETRACTIONS = (
    Retraction(
        "meeting_role",
        (keys.TARGETING_WORKSHOP_2004, keys.AUSTRALIA, CO_ORGANISER),
        "The 2004 Report says the workshop was 'developed by the Australian Federal Police'; "
        "it does not say Australia organised it.",
    ),
    Retraction(
        "meeting_theme",
        (keys.LEGISLATION_WORKSHOP_2002, keys.LEGISLATION),
        "The 2004 Report names the 2002 workshop only as 'an earlier workshop also hosted by "
        "Malaysia in 2002'; it does not say what it was on.",
    ),
)
