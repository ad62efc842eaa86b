"""Participants and their membership statuses.

The 2004 Report to Ministers lists 36 participating states and territories,
UNHCR and IOM, and 11 observer states and 7 observer organisations. The
Co-Chairs' outcomes of the fifth SOM (2013) add the United Arab Emirates and
record three changes of status; the Fourth Ministerial Conference's news
release names ASEAN, and the 2004 Report the Budapest process.

Each participant is named as the seeds name it. Where a seed gives only a
short or informal name ("Iran", "Laos", "Interpol"), the official name is
taken from the body that publishes it (the United Nations' list of its
Member States, the organisation's own site) and cited as such.
"""

from typing import NamedTuple

from django.utils.text import slugify

from baliprocess.record import keys
from baliprocess.record.facts import Cite, MembershipFact, ParticipantFact, StatusFact
from membership.models import MembershipPeriod, Participant

STATE = Participant.Kind.STATE
TERRITORY = Participant.Kind.TERRITORY
INTERNATIONAL = Participant.Kind.INTERNATIONAL_ORGANISATION
REGIONAL = Participant.Kind.REGIONAL_ORGANISATION
MEMBER = MembershipPeriod.Status.MEMBER
OBSERVER = MembershipPeriod.Status.OBSERVER

# The first day of the Brisbane meeting, whose Report lists the participants
# and observers: the earliest date the seeds show those statuses held.
BRISBANE_FIRST_DAY = "2004-06-07"

OFFICIAL_NAME_FROM_PUBLIC_RECORD = (
    "The seed documents call it “{short}”; its official name is from {source}."
)
UN_LIST = "the United Nations' list of its Member States"


def in_participants_list(printed: str) -> Cite:
    """The name as the 2004 Report's Participants section prints it."""
    return Cite(keys.REPORT_2004, printed, at="Participants")


def un_member_state(name: str) -> Cite:
    """The name of a state as the United Nations lists its Member States."""
    return Cite(
        None,
        name,
        title="Member States | United Nations",
        url="https://www.un.org/en/about-us/member-states",
    )


ILO_SITE = Cite(
    None,
    "International Labour Organization",
    title="International Labour Organization",
    url="https://www.ilo.org/",
)
INTERPOL_SITE = Cite(
    None,
    "International Criminal Police Organization",
    title="INTERPOL",
    url="https://www.interpol.int/",
)
ASEAN_SITE = Cite(
    None,
    "Association of Southeast Asian Nations",
    title="ASEAN",
    url="https://asean.org/",
)
IFRC_SITE = Cite(
    None,
    "International Federation of Red Cross and Red Crescent Societies (IFRC)",
    title="IFRC",
    url="https://www.ifrc.org/",
)

OBSERVERS_SENTENCE = Cite(
    keys.REPORT_2004,
    "The following countries and organisations also participated as observers",
    at="Participants",
)
FULL_LIST = Cite(
    keys.REPORT_2004,
    "The full list of participating countries and organisations follows below.",
    at="para. 2",
)


class Listed(NamedTuple):
    """A participant of the 2004 Report's lists, with its name as printed
    there ("the Netherlands"), which is also what its citations quote."""

    printed: str
    fact: ParticipantFact

    @property
    def recorded_name(self) -> str:
        return self.printed.removeprefix("the ")


# `also`: other names a delegation's spreadsheet may use for the participant,
# so the delegate import recognises them. They are aliases for matching, not
# statements of the record, and the loader never deletes one staff added.


def _state(
    printed,
    code,
    *,
    official="",
    short="",
    also=(),
    kind=STATE,
    cites=(),
) -> Listed:
    """A state of the 2004 Report's lists. `official`: the UN's name for a
    state the Report gives only a short name for ("Iran")."""
    name = official or printed.removeprefix("the ")
    description = ""
    cites = (in_participants_list(printed), *cites)
    if official:
        cites += (un_member_state(official),)
        description = OFFICIAL_NAME_FROM_PUBLIC_RECORD.format(short=printed, source=UN_LIST)
    short = short or (printed.removeprefix("the ") if official else name)
    return Listed(
        printed,
        ParticipantFact(
            slug=slugify(short),
            kind=kind,
            name=name,
            short_name=short,
            country=code,
            alternative_names=also,
            description=description,
            cites=cites,
        ),
    )


def _organisation(
    printed, acronym, name, *, also=(), kind=INTERNATIONAL, cites=(), description=""
) -> Listed:
    return Listed(
        printed,
        ParticipantFact(
            slug=slugify(acronym),
            kind=kind,
            name=name,
            short_name=acronym,
            acronym=acronym,
            alternative_names=also,
            description=description,
            cites=(in_participants_list(printed), *cites),
        ),
    )


# The 36 participating states and territories of the 2004 Report, in its order.
LISTED_MEMBER_STATES_2004 = (
    _state("Afghanistan", "AF"),
    _state("Australia", "AU"),
    _state("Bangladesh", "BD"),
    _state("Brunei Darussalam", "BN", also=("Brunei",)),
    _state("Cambodia", "KH"),
    _state(
        "People's Republic of China",
        "CN",
        short="China",
        also=("PRC", "China"),
        cites=(
            Cite(
                keys.REPORT_2004,
                "model legislation developed by Australia and China",
                at="para. 10",
            ),
        ),
    ),
    _state("Fiji", "FJ"),
    _state("France (New Caledonia)", "NC", kind=TERRITORY, also=("New Caledonia",)),
    _state("Indonesia", "ID"),
    _state("Iran", "IR", official="Iran (Islamic Republic of)", also=("Islamic Republic of Iran",)),
    _state("Iraq", "IQ"),
    _state("Japan", "JP"),
    _state("Jordan", "JO"),
    _state("Kiribati", "KI"),
    _state("Laos", "LA", official="Lao People's Democratic Republic", also=("Lao PDR", "Laos")),
    _state("Malaysia", "MY"),
    _state("Mongolia", "MN"),
    _state("Myanmar", "MM"),
    _state("Nauru", "NR"),
    _state("Nepal", "NP"),
    _state("New Zealand", "NZ"),
    _state("Pakistan", "PK"),
    _state("Palau", "PW"),
    _state("Papua New Guinea", "PG", also=("PNG",)),
    _state(
        "Philippines",
        "PH",
        also=("The Philippines",),
        cites=(
            Cite(
                keys.OUTCOMES_2013,
                "existing Bali Process members Vietnam and the Philippines",
                at="second paragraph",
            ),
        ),
    ),
    _state(
        "Republic of Korea",
        "KR",
        also=("ROK", "Korea", "South Korea"),
        cites=(Cite(keys.REPORT_2004, "the Republic of Korea (ROK)", at="para. 8"),),
    ),
    _state("Samoa", "WS"),
    _state("Singapore", "SG"),
    _state("Solomon Islands", "SB"),
    _state("Sri Lanka", "LK"),
    _state("Thailand", "TH"),
    # The UN's "Timor-Leste" is also the short name, hyphen and all: the
    # Report's "Timor Leste" stays an alternative name.
    _state(
        "Timor Leste",
        "TL",
        official="Timor-Leste",
        short="Timor-Leste",
        also=("Timor Leste", "East Timor"),
    ),
    _state("Tonga", "TO"),
    _state("Turkey", "TR", also=("Türkiye",), cites=(un_member_state("Türkiye"),)),
    _state("Vanuatu", "VU"),
    _state("Vietnam", "VN", official="Viet Nam", also=("Vietnam",)),
)

LISTED_MEMBER_ORGANISATIONS_2004 = (
    _organisation(
        "the United Nations High Commissioner for Refugees",
        "UNHCR",
        "United Nations High Commissioner for Refugees",
        cites=(
            Cite(
                keys.REPORT_2004,
                "the United Nations High Commissioner for Refugees (UNHCR)",
                at="para. 8",
            ),
        ),
    ),
    _organisation(
        "the International Organization for Migration",
        "IOM",
        "International Organization for Migration",
        cites=(
            Cite(
                keys.REPORT_2004,
                "The meeting also received reports from the UNHCR and IOM",
                at="para. 13",
            ),
        ),
    ),
)

# The 11 observer states of the 2004 Report, in its order.
LISTED_OBSERVER_STATES_2004 = (
    _state("Austria", "AT"),
    _state("Canada", "CA"),
    _state("Finland", "FI"),
    _state("Germany", "DE"),
    _state("the Netherlands", "NL", also=("the Netherlands",)),
    _state("Norway", "NO"),
    _state("Russian Federation", "RU", also=("Russia",)),
    _state("South Africa", "ZA"),
    _state("Spain", "ES"),
    _state("Switzerland", "CH"),
    _state(
        "the United States of America",
        "US",
        short="United States",
        also=("USA", "United States"),
        cites=(
            Cite(
                keys.OUTCOMES_2013,
                "new members (past observers) the United States and United Arab Emirates",
                at="second paragraph",
            ),
        ),
    ),
)

# The 7 observer organisations of the 2004 Report, in its order.
LISTED_OBSERVER_ORGANISATIONS_2004 = (
    _organisation(
        "the Asia Pacific Consultations on Refugees, Displaced Persons and Migrants (APC)",
        "APC",
        "Asia Pacific Consultations on Refugees, Displaced Persons and Migrants",
        kind=REGIONAL,
    ),
    _organisation(
        "the International Centre for Migration Policy Development Secretariat (ICMPD)",
        "ICMPD",
        "International Centre for Migration Policy Development",
        also=("International Centre for Migration Policy Development Secretariat",),
        cites=(
            Cite(
                keys.REPORT_2004,
                "the International Centre for Migration Policy Development on behalf of the "
                "Budapest process",
                at="para. 23",
            ),
        ),
    ),
    Listed(
        "Interpol",
        ParticipantFact(
            slug="interpol",
            kind=INTERNATIONAL,
            name="International Criminal Police Organization",
            short_name="Interpol",
            acronym="INTERPOL",
            description=OFFICIAL_NAME_FROM_PUBLIC_RECORD.format(
                short="Interpol", source="INTERPOL's own site"
            ),
            cites=(
                in_participants_list("Interpol"),
                Cite(
                    keys.NZ_PAPER_2008,
                    "through INTERPOL and APEC's Regional Movement Alerts System",
                ),
                INTERPOL_SITE,
            ),
        ),
    ),
    _organisation(
        "the United Nations Development Programme (UNDP)",
        "UNDP",
        "United Nations Development Programme",
    ),
    _organisation(
        "the United Nations Office on Drugs and Crime (UNODC)",
        "UNODC",
        "United Nations Office on Drugs and Crime",
        also=("UN Office on Drugs and Crime",),
        cites=(Cite(keys.REPORT_2004, "the UN Office on Drugs and Crime", at="para. 23"),),
    ),
    _organisation(
        "the International Labor Organization (ILO)",
        "ILO",
        "International Labour Organization",
        also=("International Labor Organization",),
        cites=(ILO_SITE,),
        description=OFFICIAL_NAME_FROM_PUBLIC_RECORD.format(
            short="International Labor Organization", source="the ILO's own site"
        ),
    ),
    # The Report gives no acronym; "IFRC" is the Federation's own.
    _organisation(
        "the International Federation of Red Cross and Red Crescent Societies",
        "IFRC",
        "International Federation of Red Cross and Red Crescent Societies",
        cites=(IFRC_SITE,),
    ),
)

OTHERS = (
    ParticipantFact(
        slug="united-arab-emirates",
        kind=STATE,
        name="United Arab Emirates",
        short_name="United Arab Emirates",
        country="AE",
        alternative_names=("UAE",),
        cites=(
            Cite(
                keys.OUTCOMES_2013,
                "new members (past observers) the United States and United Arab Emirates",
                at="second paragraph",
            ),
        ),
    ),
    # The news release says only "ASEAN"; the full name is ASEAN's own.
    ParticipantFact(
        slug="asean",
        kind=REGIONAL,
        name="Association of Southeast Asian Nations",
        short_name="ASEAN",
        acronym="ASEAN",
        description=OFFICIAL_NAME_FROM_PUBLIC_RECORD.format(
            short="ASEAN", source="ASEAN's own site"
        ),
        cites=(
            Cite(
                keys.NEWS_RELEASE_2011,
                "The Secretary-General of ASEAN, Dr Surin Pitsuwan",
                at="first paragraph",
            ),
            Cite(
                keys.NEWS_RELEASE_2011,
                "partner regional and international organisations",
                at="sixth paragraph",
            ),
            ASEAN_SITE,
        ),
    ),
    ParticipantFact(
        slug="budapest-process",
        kind=REGIONAL,
        name="Budapest Process",
        short_name="Budapest Process",
        cites=(
            Cite(keys.REPORT_2004, "organised jointly with the Budapest process", at="para. 8"),
            Cite(
                keys.REPORT_2004,
                "Interaction with other regional processes, observers and international "
                "organisations",
                at="para. 23",
            ),
        ),
    ),
)

LISTED_MEMBERS_2004 = LISTED_MEMBER_STATES_2004 + LISTED_MEMBER_ORGANISATIONS_2004
LISTED_OBSERVERS_2004 = LISTED_OBSERVER_STATES_2004 + LISTED_OBSERVER_ORGANISATIONS_2004

PARTICIPANTS = tuple(listed.fact for listed in LISTED_MEMBERS_2004 + LISTED_OBSERVERS_2004) + OTHERS

MEMBERS_2004 = tuple(listed.fact.slug for listed in LISTED_MEMBERS_2004)
OBSERVERS_2004 = tuple(listed.fact.slug for listed in LISTED_OBSERVERS_2004)


def _member_since_2004(listed: Listed) -> StatusFact:
    return StatusFact(
        status=MEMBER,
        source_document=keys.REPORT_2004,
        known_since=BRISBANE_FIRST_DAY,
        note=(
            "Listed among the participants, not the observers, in the Report to Ministers of "
            "the Senior Officials Meeting, Brisbane, 7–8 June 2004. The record does not say "
            "when membership began."
        ),
        cites=(in_participants_list(listed.printed), FULL_LIST),
    )


def _observer_since_2004(listed: Listed) -> StatusFact:
    return StatusFact(
        status=OBSERVER,
        source_document=keys.REPORT_2004,
        known_since=BRISBANE_FIRST_DAY,
        note=(
            "Listed among the observers in the Report to Ministers of the Senior Officials "
            "Meeting, Brisbane, 7–8 June 2004. The record does not say when observer status "
            "began."
        ),
        cites=(in_participants_list(listed.printed), OBSERVERS_SENTENCE),
    )


WELCOMED = Cite(
    keys.OUTCOMES_2013,
    "Participants welcomed the membership of the United States of America, the United Arab "
    "Emirates and UNODC to the Bali Process",
    at="second paragraph",
)
NEW_MEMBERS_PAST_OBSERVERS = Cite(
    keys.OUTCOMES_2013,
    "new members (past observers) the United States and United Arab Emirates",
    at="second paragraph",
)


def _member_from_fifth_som(note: str, *cites: Cite) -> StatusFact:
    # A change of status needs a day to close the status before it; the
    # meeting that welcomed the membership is the first the seeds show it
    # held, and the note says so.
    return StatusFact(
        status=MEMBER,
        start="2013-04-01",
        decided_at=keys.FIFTH_SOM,
        source_document=keys.OUTCOMES_2013,
        note=note,
        cites=cites,
    )


# The Co-Chairs' advice to the meeting already called these two "new
# members": the seeds do not say when they became members.
WELCOMED_AS_MEMBER = (
    "A past observer. Participants at the fifth Senior Officials Meeting, Bali, 1 April 2013, "
    "welcomed its membership of the Bali Process; the Co-Chairs' advice to that meeting "
    "already called it a new member. The record does not say when membership began, and "
    "dates it from that meeting."
)

_BY_SLUG = {listed.fact.slug: listed for listed in LISTED_OBSERVERS_2004}

CHANGES_OF_STATUS_2013 = {
    keys.UNITED_STATES: (
        _observer_since_2004(_BY_SLUG[keys.UNITED_STATES]),
        _member_from_fifth_som(WELCOMED_AS_MEMBER, NEW_MEMBERS_PAST_OBSERVERS, WELCOMED),
    ),
    keys.UNODC: (
        _observer_since_2004(_BY_SLUG[keys.UNODC]),
        _member_from_fifth_som(
            "The Co-Chairs sought the fifth Senior Officials Meeting's endorsement of a "
            "Steering Group decision to support UNODC's application to become a member; "
            "participants welcomed its membership of the Bali Process.",
            Cite(
                keys.OUTCOMES_2013,
                "Co-Chairs also sought the endorsement of the meeting for a Steering Group "
                "decision to support the UNODC’s application to become a member of the Bali "
                "Process.",
                at="second paragraph",
            ),
            WELCOMED,
        ),
    ),
    keys.UNITED_ARAB_EMIRATES: (
        StatusFact(
            status=OBSERVER,
            source_document=keys.OUTCOMES_2013,
            # The seeds give no date on which the United Arab Emirates was an observer.
            known_since=None,
            note=(
                "Called a past observer in the Co-Chairs' outcomes of the fifth Senior "
                "Officials Meeting (1 April 2013). The record does not say when observer "
                "status began."
            ),
            cites=(NEW_MEMBERS_PAST_OBSERVERS,),
        ),
        _member_from_fifth_som(WELCOMED_AS_MEMBER, NEW_MEMBERS_PAST_OBSERVERS, WELCOMED),
    ),
}

MEMBERSHIP = (
    *(
        MembershipFact(listed.fact.slug, (_member_since_2004(listed),))
        for listed in LISTED_MEMBERS_2004
    ),
    *(
        MembershipFact(
            listed.fact.slug,
            CHANGES_OF_STATUS_2013.get(listed.fact.slug, (_observer_since_2004(listed),)),
        )
        for listed in LISTED_OBSERVERS_2004
    ),
    MembershipFact(keys.UNITED_ARAB_EMIRATES, CHANGES_OF_STATUS_2013[keys.UNITED_ARAB_EMIRATES]),
)

# Nothing an earlier version of this module loaded has been withdrawn.
RETRACTIONS = ()
