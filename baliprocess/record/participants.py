"""Participants and their membership statuses.

The 2004 Report to Ministers lists 36 participating states and territories,
UNHCR and IOM, and 11 observer states and 7 observer organisations. The
Co-Chairs' outcomes of the fifth SOM (2013) add the United Arab Emirates and
record three changes of status; the Fourth Ministerial Conference's news
release names ASEAN, and the 2004 Report the Budapest Process.
"""

from django.utils.text import slugify

from baliprocess.record import keys
from baliprocess.record.facts import MembershipFact, ParticipantFact, StatusFact
from membership.models import MembershipPeriod, Participant

STATE = Participant.Kind.STATE
TERRITORY = Participant.Kind.TERRITORY
INTERNATIONAL = Participant.Kind.INTERNATIONAL_ORGANISATION
REGIONAL = Participant.Kind.REGIONAL_ORGANISATION
MEMBER = MembershipPeriod.Status.MEMBER
OBSERVER = MembershipPeriod.Status.OBSERVER

OFFICIAL_NAME_FROM_PUBLIC_RECORD = (
    "The seed documents call it “{short}”; its official name is from the public record."
)


def _state(code, name, *, short="", also=(), description="") -> ParticipantFact:
    return ParticipantFact(
        slug=slugify(short or name),
        kind=STATE,
        name=name,
        short_name=short or name,
        country=code,
        alternative_names=also,
        description=description,
    )


def _organisation(acronym, name, *, also=(), kind=INTERNATIONAL) -> ParticipantFact:
    return ParticipantFact(
        slug=slugify(acronym),
        kind=kind,
        name=name,
        short_name=acronym,
        acronym=acronym,
        alternative_names=also,
    )


# The 36 participating states and territories of the 2004 Report, in its order.
MEMBER_STATES_2004 = (
    _state("AF", "Afghanistan"),
    _state("AU", "Australia"),
    _state("BD", "Bangladesh"),
    _state("BN", "Brunei Darussalam", also=("Brunei",)),
    _state("KH", "Cambodia"),
    _state("CN", "People's Republic of China", short="China", also=("PRC", "China")),
    _state("FJ", "Fiji"),
    ParticipantFact(
        slug="france-new-caledonia",
        kind=TERRITORY,
        name="France (New Caledonia)",
        short_name="France (New Caledonia)",
        country="NC",
        alternative_names=("New Caledonia",),
    ),
    _state("ID", "Indonesia"),
    _state(
        "IR",
        "Islamic Republic of Iran",
        short="Iran",
        description=OFFICIAL_NAME_FROM_PUBLIC_RECORD.format(short="Iran"),
    ),
    _state("IQ", "Iraq"),
    _state("JP", "Japan"),
    _state("JO", "Jordan"),
    _state("KI", "Kiribati"),
    _state("LA", "Lao People's Democratic Republic", short="Laos", also=("Lao PDR", "Laos")),
    _state("MY", "Malaysia"),
    _state("MN", "Mongolia"),
    _state("MM", "Myanmar"),
    _state("NR", "Nauru"),
    _state("NP", "Nepal"),
    _state("NZ", "New Zealand"),
    _state("PK", "Pakistan"),
    _state("PW", "Palau"),
    _state("PG", "Papua New Guinea", also=("PNG",)),
    _state("PH", "Philippines", also=("The Philippines",)),
    _state("KR", "Republic of Korea", also=("ROK", "Korea", "South Korea")),
    _state("WS", "Samoa"),
    _state("SG", "Singapore"),
    _state("SB", "Solomon Islands"),
    _state("LK", "Sri Lanka"),
    _state("TH", "Thailand"),
    _state("TL", "Timor-Leste", also=("Timor Leste", "East Timor")),
    _state("TO", "Tonga"),
    _state("TR", "Turkey", also=("Türkiye",)),
    _state("VU", "Vanuatu"),
    _state("VN", "Viet Nam", short="Vietnam", also=("Vietnam",)),
)

MEMBER_ORGANISATIONS_2004 = (
    _organisation("UNHCR", "United Nations High Commissioner for Refugees"),
    _organisation("IOM", "International Organization for Migration"),
)

# The 11 observer states of the 2004 Report, in its order.
OBSERVER_STATES_2004 = (
    _state("AT", "Austria"),
    _state("CA", "Canada"),
    _state("FI", "Finland"),
    _state("DE", "Germany"),
    _state("NL", "Netherlands", also=("the Netherlands",)),
    _state("NO", "Norway"),
    _state("RU", "Russian Federation", also=("Russia",)),
    _state("ZA", "South Africa"),
    _state("ES", "Spain"),
    _state("CH", "Switzerland"),
    _state("US", "United States of America", short="United States", also=("USA", "United States")),
)

# The 7 observer organisations of the 2004 Report, in its order.
OBSERVER_ORGANISATIONS_2004 = (
    _organisation(
        "APC",
        "Asia Pacific Consultations on Refugees, Displaced Persons and Migrants",
        kind=REGIONAL,
    ),
    _organisation(
        "ICMPD",
        "International Centre for Migration Policy Development",
        also=("International Centre for Migration Policy Development Secretariat",),
    ),
    ParticipantFact(
        slug="interpol",
        kind=INTERNATIONAL,
        name="International Criminal Police Organization",
        short_name="Interpol",
        acronym="INTERPOL",
        description=OFFICIAL_NAME_FROM_PUBLIC_RECORD.format(short="Interpol"),
    ),
    _organisation("UNDP", "United Nations Development Programme"),
    _organisation(
        "UNODC", "United Nations Office on Drugs and Crime", also=("UN Office on Drugs and Crime",)
    ),
    _organisation(
        "ILO", "International Labour Organization", also=("International Labor Organization",)
    ),
    _organisation("IFRC", "International Federation of Red Cross and Red Crescent Societies"),
)

OTHERS = (
    _state("AE", "United Arab Emirates", also=("UAE",)),
    _organisation("ASEAN", "Association of Southeast Asian Nations", kind=REGIONAL),
    ParticipantFact(
        slug="budapest-process",
        kind=REGIONAL,
        name="Budapest Process",
        short_name="Budapest Process",
    ),
)

PARTICIPANTS = (
    MEMBER_STATES_2004
    + MEMBER_ORGANISATIONS_2004
    + OBSERVER_STATES_2004
    + OBSERVER_ORGANISATIONS_2004
    + OTHERS
)

MEMBERS_2004 = tuple(fact.slug for fact in MEMBER_STATES_2004 + MEMBER_ORGANISATIONS_2004)
OBSERVERS_2004 = tuple(fact.slug for fact in OBSERVER_STATES_2004 + OBSERVER_ORGANISATIONS_2004)

MEMBER_SINCE_2004 = StatusFact(
    status=MEMBER,
    source_document=keys.REPORT_2004,
    note=(
        "Listed among the participants in the Report to Ministers of the Senior Officials "
        "Meeting, Brisbane, 7–8 June 2004. The record does not say when membership began."
    ),
)
OBSERVER_SINCE_2004 = StatusFact(
    status=OBSERVER,
    source_document=keys.REPORT_2004,
    note=(
        "Listed among the observers in the Report to Ministers of the Senior Officials "
        "Meeting, Brisbane, 7–8 June 2004. The record does not say when observer status began."
    ),
)


def _member_from_fifth_som(note: str) -> StatusFact:
    return StatusFact(
        status=MEMBER,
        start="2013-04-01",
        decided_at=keys.FIFTH_SOM,
        source_document=keys.OUTCOMES_2013,
        note=note,
    )


WELCOMED_AS_MEMBER = (
    "A past observer. Participants at the fifth Senior Officials Meeting, Bali, 1 April 2013, "
    "welcomed its membership of the Bali Process."
)
CHANGES_OF_STATUS_2013 = {
    keys.UNITED_STATES: (OBSERVER_SINCE_2004, _member_from_fifth_som(WELCOMED_AS_MEMBER)),
    keys.UNODC: (
        OBSERVER_SINCE_2004,
        _member_from_fifth_som(
            "The Co-Chairs sought the fifth Senior Officials Meeting's endorsement of a "
            "Steering Group decision to support UNODC's application to become a member; "
            "participants welcomed its membership of the Bali Process."
        ),
    ),
    keys.UNITED_ARAB_EMIRATES: (
        StatusFact(
            status=OBSERVER,
            source_document=keys.OUTCOMES_2013,
            note=(
                "Called a past observer in the Co-Chairs' outcomes of the fifth Senior "
                "Officials Meeting (1 April 2013). The record does not say when observer "
                "status began."
            ),
        ),
        _member_from_fifth_som(WELCOMED_AS_MEMBER),
    ),
}

MEMBERSHIP = (
    *(MembershipFact(slug, (MEMBER_SINCE_2004,)) for slug in MEMBERS_2004),
    *(
        MembershipFact(slug, CHANGES_OF_STATUS_2013.get(slug, (OBSERVER_SINCE_2004,)))
        for slug in OBSERVERS_2004
    ),
    MembershipFact(keys.UNITED_ARAB_EMIRATES, CHANGES_OF_STATUS_2013[keys.UNITED_ARAB_EMIRATES]),
)
