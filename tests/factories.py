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
