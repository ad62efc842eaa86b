"""factory_boy factories for every record model.

Each factory saves through `full_clean()` first, as the admin does, so the
generated title, slug and date normalisation are those staff would get.
"""

import datetime

import factory
from django.utils.text import slugify

from baliprocess.lib.dates import DatePrecision
from meetings.models import Delegate, Delegation, Document, Meeting, MeetingRole
from membership.models import MembershipPeriod, Participant, ParticipantName
from workshops.models import (
    Group,
    GroupMembership,
    GroupRole,
    Outcome,
    OutcomeLink,
    OutcomeStatus,
    TermOfReference,
    Theme,
)


class CleanedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        many = {
            name: kwargs.pop(name)
            for name in list(kwargs)
            if name in {field.name for field in model_class._meta.many_to_many}
        }
        instance = model_class(*args, **kwargs)
        instance.full_clean()
        instance.save()
        for name, values in many.items():
            getattr(instance, name).set(values)
        return instance


# ISO codes handed out in order, so factory states never collide.
_COUNTRY_CODES = [
    "AF", "AU", "BD", "BN", "KH", "CN", "FJ", "ID", "IR", "IQ", "JP", "JO", "KI", "LA", "MY",
    "MN", "MM", "NR", "NP", "NZ", "PK", "PW", "PG", "PH", "KR", "WS", "SG", "SB", "LK", "TH",
    "TL", "TO", "TR", "VU", "VN", "AT", "CA", "FI", "DE", "NL", "NO", "RU", "ZA", "ES", "CH",
    "US", "AE", "FR", "GB", "IE", "IT", "PT", "BE", "DK", "SE", "PL", "CZ", "HU", "GR", "RO",
    "BG", "HR", "SI", "SK", "EE", "LV", "LT", "LU", "MT", "CY", "IS", "AL", "BA", "ME", "MK",
    "RS", "UA", "BY", "MD", "GE", "AM", "AZ", "KZ", "KG", "TJ", "TM", "UZ", "MV", "BT", "SA",
    "QA", "KW", "BH", "OM", "YE", "SY", "LB", "IL", "EG", "LY", "TN", "DZ", "MA", "SD", "ET",
    "KE", "UG", "TZ", "RW", "BI", "CD", "CG", "GA", "CM", "NG", "GH", "CI", "SN", "ML", "NE",
    "TD", "CF", "AO", "ZM", "ZW", "MZ", "MW", "NA", "BW", "LS", "SZ", "MG", "MU", "SC", "KM",
    "DJ", "SO", "ER", "SS", "MR", "GM", "GW", "GN", "SL", "LR", "TG", "BJ", "BF", "CV", "ST",
    "GQ", "MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "CU", "JM", "HT", "DO", "BS", "BB",
    "TT", "GD", "LC", "VC", "AG", "DM", "KN", "CO", "VE", "GY", "SR", "EC", "PE", "BO", "PY",
    "CL", "AR", "UY", "BR", "TV", "MH", "FM", "NC", "PF", "CK", "NU", "TK",
]  # fmt: skip


class ParticipantFactory(CleanedFactory):
    class Meta:
        model = Participant

    kind = Participant.Kind.STATE
    country = factory.Sequence(lambda n: _COUNTRY_CODES[n % len(_COUNTRY_CODES)])
    name = factory.Sequence(lambda n: f"Republic of Testland {n}")
    short_name = factory.Sequence(lambda n: f"Testland {n:04d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.short_name))
    acronym = ""


class OrganisationFactory(ParticipantFactory):
    kind = Participant.Kind.INTERNATIONAL_ORGANISATION
    country = ""
    name = factory.Sequence(lambda n: f"International Organisation for Testing {n}")
    short_name = factory.Sequence(lambda n: f"IOT{n:04d}")
    acronym = factory.LazyAttribute(lambda o: o.short_name)


class ParticipantNameFactory(CleanedFactory):
    class Meta:
        model = ParticipantName

    participant = factory.SubFactory(ParticipantFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class MembershipPeriodFactory(CleanedFactory):
    class Meta:
        model = MembershipPeriod

    participant = factory.SubFactory(ParticipantFactory)
    status = MembershipPeriod.Status.MEMBER
    start_date = None
    # An undated status counts only from the first date a source shows it:
    # by default, one well before any meeting the tests make.
    known_since = factory.LazyAttribute(
        lambda period: datetime.date(1990, 1, 1) if period.start_date is None else None
    )
    end_date = None


class MeetingFactory(CleanedFactory):
    class Meta:
        model = Meeting

    kind = Meeting.Kind.SENIOR_OFFICIALS_MEETING
    ordinal = None
    city = factory.Sequence(lambda n: f"City {n}")
    country = "ID"
    start_date = factory.Sequence(lambda n: datetime.date(2004, 6, 7) + datetime.timedelta(days=n))
    end_date = None
    date_precision = DatePrecision.DAY
    status = Meeting.Status.HELD
    summary = "Senior officials reviewed progress and discussed future directions."
    is_published = True


class WorkshopFactory(MeetingFactory):
    kind = Meeting.Kind.WORKSHOP
    custom_title = factory.Sequence(lambda n: f"Workshop on document fraud {n}")


class MeetingRoleFactory(CleanedFactory):
    class Meta:
        model = MeetingRole

    meeting = factory.SubFactory(MeetingFactory)
    participant = factory.SubFactory(ParticipantFactory)
    role = MeetingRole.Role.CO_CHAIR
    order = factory.Sequence(lambda n: n)


class DelegationFactory(CleanedFactory):
    class Meta:
        model = Delegation

    meeting = factory.SubFactory(MeetingFactory)
    participant = factory.SubFactory(ParticipantFactory)


class DelegateFactory(CleanedFactory):
    class Meta:
        model = Delegate

    delegation = factory.SubFactory(DelegationFactory)
    honorific = "Ms"
    name = factory.Sequence(lambda n: f"Delegate Person {n:05d}")
    position = "Director"
    agency = "Ministry of Foreign Affairs"
    role = Delegate.Role.DELEGATE
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    phone = "+62 21 000 0000"


class GroupFactory(CleanedFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Ad Hoc Test Group {n}")
    short_name = factory.Sequence(lambda n: f"ATG {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.short_name))
    kind = Group.Kind.AD_HOC_GROUP
    mandate = "To develop practical outcomes at the operational level."


class DocumentFactory(CleanedFactory):
    class Meta:
        model = Document

    kind = Document.Kind.REPORT
    title = factory.Sequence(lambda n: f"Report to Ministers {n}")
    date = datetime.date(2004, 6, 8)
    text = "Senior officials noted that the Bali process had moved to practical results."
    visibility = Document.Visibility.PUBLIC
    meeting = factory.SubFactory(MeetingFactory)


class TermOfReferenceFactory(CleanedFactory):
    class Meta:
        model = TermOfReference

    group = factory.SubFactory(GroupFactory)
    label = factory.Sequence(lambda n: f"({chr(97 + n % 26)})")
    text = "To enhance information sharing arrangements between most-affected countries."
    order = factory.Sequence(lambda n: n)


class GroupRoleFactory(CleanedFactory):
    class Meta:
        model = GroupRole

    group = factory.SubFactory(GroupFactory)
    participant = factory.SubFactory(ParticipantFactory)
    role = GroupRole.Role.COORDINATOR
    person_name = "Ms Heather Riddell"


class GroupMembershipFactory(CleanedFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(GroupFactory)
    participant = factory.SubFactory(ParticipantFactory)


class ThemeFactory(CleanedFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class OutcomeFactory(CleanedFactory):
    class Meta:
        model = Outcome

    kind = Outcome.Kind.RECOMMENDATION
    title = factory.Sequence(lambda n: f"Establish a working group {n}")
    text = "The meeting endorsed the recommendation to establish a working group."
    source_meeting = factory.SubFactory(MeetingFactory)
    date = factory.LazyAttribute(lambda o: o.source_meeting.start_date)


class OutcomeStatusFactory(CleanedFactory):
    class Meta:
        model = OutcomeStatus

    outcome = factory.SubFactory(OutcomeFactory)
    status = OutcomeStatus.Status.PROPOSED
    date = factory.LazyAttribute(lambda o: o.outcome.date)


class OutcomeLinkFactory(CleanedFactory):
    class Meta:
        model = OutcomeLink

    from_outcome = factory.SubFactory(OutcomeFactory, kind=Outcome.Kind.ENDORSEMENT)
    relation = OutcomeLink.Relation.ENDORSES
    to_outcome = factory.SubFactory(OutcomeFactory)


# --- Participant lists -------------------------------------------------------


class RegionalOrganisationFactory(OrganisationFactory):
    kind = Participant.Kind.REGIONAL_ORGANISATION
    name = factory.Sequence(lambda n: f"Regional Consultation for Testing {n}")
    short_name = factory.Sequence(lambda n: f"RCT{n:04d}")


# The Brisbane SOM of 7–8 June 2004 as its Report to Ministers lists it
# (seed 004): (ISO code or acronym, official name, short name, kind).
BRISBANE_2004_MEMBERS = [
    ("AF", "Islamic Republic of Afghanistan", "Afghanistan"),
    ("AU", "Commonwealth of Australia", "Australia"),
    ("BD", "People's Republic of Bangladesh", "Bangladesh"),
    ("BN", "Brunei Darussalam", "Brunei Darussalam"),
    ("KH", "Kingdom of Cambodia", "Cambodia"),
    ("CN", "People's Republic of China", "China"),
    ("FJ", "Republic of Fiji", "Fiji"),
    ("NC", "France (New Caledonia)", "France (New Caledonia)"),
    ("ID", "Republic of Indonesia", "Indonesia"),
    ("IR", "Islamic Republic of Iran", "Iran"),
    ("IQ", "Republic of Iraq", "Iraq"),
    ("JP", "Japan", "Japan"),
    ("JO", "Hashemite Kingdom of Jordan", "Jordan"),
    ("KI", "Republic of Kiribati", "Kiribati"),
    ("LA", "Lao People's Democratic Republic", "Laos"),
    ("MY", "Malaysia", "Malaysia"),
    ("MN", "Mongolia", "Mongolia"),
    ("MM", "Republic of the Union of Myanmar", "Myanmar"),
    ("NR", "Republic of Nauru", "Nauru"),
    ("NP", "Nepal", "Nepal"),
    ("NZ", "New Zealand", "New Zealand"),
    ("PK", "Islamic Republic of Pakistan", "Pakistan"),
    ("PW", "Republic of Palau", "Palau"),
    ("PG", "Independent State of Papua New Guinea", "Papua New Guinea"),
    ("PH", "Republic of the Philippines", "Philippines"),
    ("KR", "Republic of Korea", "Republic of Korea"),
    ("WS", "Independent State of Samoa", "Samoa"),
    ("SG", "Republic of Singapore", "Singapore"),
    ("SB", "Solomon Islands", "Solomon Islands"),
    ("LK", "Democratic Socialist Republic of Sri Lanka", "Sri Lanka"),
    ("TH", "Kingdom of Thailand", "Thailand"),
    ("TL", "Democratic Republic of Timor-Leste", "Timor Leste"),
    ("TO", "Kingdom of Tonga", "Tonga"),
    ("TR", "Republic of Turkey", "Turkey"),
    ("VU", "Republic of Vanuatu", "Vanuatu"),
    ("VN", "Socialist Republic of Viet Nam", "Vietnam"),
]
BRISBANE_2004_MEMBER_ORGANISATIONS = [
    ("UNHCR", "United Nations High Commissioner for Refugees", "UNHCR", "international"),
    ("IOM", "International Organization for Migration", "IOM", "international"),
]
BRISBANE_2004_OBSERVERS = [
    ("AT", "Republic of Austria", "Austria"),
    ("CA", "Canada", "Canada"),
    ("FI", "Republic of Finland", "Finland"),
    ("DE", "Federal Republic of Germany", "Germany"),
    ("NL", "Kingdom of the Netherlands", "Netherlands"),
    ("NO", "Kingdom of Norway", "Norway"),
    ("RU", "Russian Federation", "Russian Federation"),
    ("ZA", "Republic of South Africa", "South Africa"),
    ("ES", "Kingdom of Spain", "Spain"),
    ("CH", "Swiss Confederation", "Switzerland"),
    ("US", "United States of America", "United States of America"),
]
BRISBANE_2004_OBSERVER_ORGANISATIONS = [
    (
        "APC",
        "Asia Pacific Consultations on Refugees, Displaced Persons and Migrants",
        "APC",
        "regional",
    ),
    (
        "ICMPD",
        "International Centre for Migration Policy Development Secretariat",
        "ICMPD",
        "international",
    ),
    ("", "Interpol", "Interpol", "international"),
    ("UNDP", "United Nations Development Programme", "UNDP", "international"),
    ("UNODC", "United Nations Office on Drugs and Crime", "UNODC", "international"),
    ("ILO", "International Labor Organization", "ILO", "international"),
    (
        "",
        "International Federation of Red Cross and Red Crescent Societies",
        "IFRC",
        "international",
    ),
]


def _seed_participant(code_or_acronym, name, short_name, kind=None):
    if kind is None:
        kind = Participant.Kind.TERRITORY if code_or_acronym == "NC" else Participant.Kind.STATE
        return ParticipantFactory(
            kind=kind, country=code_or_acronym, name=name, short_name=short_name
        )
    kind = (
        Participant.Kind.REGIONAL_ORGANISATION
        if kind == "regional"
        else Participant.Kind.INTERNATIONAL_ORGANISATION
    )
    return OrganisationFactory(kind=kind, name=name, short_name=short_name, acronym=code_or_acronym)


def brisbane_som_2004(**meeting_fields) -> Meeting:
    """The Senior Officials Meeting, Brisbane, 7–8 June 2004: 36 member states
    and territories, UNHCR and IOM, 11 observer states and seven observer
    organisations, "139 delegates" reported and no names recorded. The
    United States is an observer until 1 April 2013 and a member from then."""
    meeting = MeetingFactory(
        city="Brisbane",
        country="AU",
        venue="",
        start_date=datetime.date(2004, 6, 7),
        end_date=datetime.date(2004, 6, 8),
        reported_delegate_total=139,
        **meeting_fields,
    )
    groups = [
        (BRISBANE_2004_MEMBERS, MembershipPeriod.Status.MEMBER),
        (BRISBANE_2004_MEMBER_ORGANISATIONS, MembershipPeriod.Status.MEMBER),
        (BRISBANE_2004_OBSERVERS, MembershipPeriod.Status.OBSERVER),
        (BRISBANE_2004_OBSERVER_ORGANISATIONS, MembershipPeriod.Status.OBSERVER),
    ]
    for rows, status in groups:
        for row in rows:
            participant = _seed_participant(*row)
            if participant.short_name == "United States of America":
                MembershipPeriodFactory(
                    participant=participant,
                    status=MembershipPeriod.Status.OBSERVER,
                    end_date=datetime.date(2013, 4, 1),
                )
                MembershipPeriodFactory(
                    participant=participant,
                    status=MembershipPeriod.Status.MEMBER,
                    start_date=datetime.date(2013, 4, 1),
                )
            else:
                MembershipPeriodFactory(participant=participant, status=status)
            DelegationFactory(meeting=meeting, participant=participant)
    return meeting
