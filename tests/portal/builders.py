"""Small records for the portal's page tests: a meeting with everything a page shows."""

from meetings.models import Citation, Document, MeetingRole
from membership.models import MembershipPeriod
from tests import factories


def member(**fields):
    """A state that has been a member since before the record begins; its
    official name is its short name unless given."""
    if "short_name" in fields:
        fields.setdefault("name", fields["short_name"])
    participant = factories.ParticipantFactory(**fields)
    factories.MembershipPeriodFactory(
        participant=participant, status=MembershipPeriod.Status.MEMBER
    )
    return participant


def observer_organisation(**fields):
    if "short_name" in fields:
        fields.setdefault("name", fields["short_name"])
    organisation = factories.OrganisationFactory(**fields)
    factories.MembershipPeriodFactory(
        participant=organisation, status=MembershipPeriod.Status.OBSERVER
    )
    return organisation


def full_meeting(*, group=None, theme=None, **fields):
    """A published meeting with co-chairs, a host, a co-organiser, a member's and an
    observer's delegation (each with a delegate), a public and a members-only
    document, and an outcome with a status — every part the portal shows."""
    meeting = factories.MeetingFactory(group=group, **fields)
    first, second = member(), member()
    organisation = observer_organisation()
    factories.MeetingRoleFactory(meeting=meeting, participant=first, order=0)
    factories.MeetingRoleFactory(meeting=meeting, participant=second, order=1)
    factories.MeetingRoleFactory(meeting=meeting, participant=first, role=MeetingRole.Role.HOST)
    factories.MeetingRoleFactory(
        meeting=meeting, participant=organisation, role=MeetingRole.Role.CO_ORGANISER
    )
    for participant in (first, organisation):
        delegation = factories.DelegationFactory(meeting=meeting, participant=participant)
        factories.DelegateFactory(delegation=delegation)
    factories.DocumentFactory(meeting=meeting, visibility=Document.Visibility.PUBLIC)
    factories.DocumentFactory(meeting=meeting, visibility=Document.Visibility.MEMBERS)
    outcome = factories.OutcomeFactory(
        source_meeting=meeting, responsible_participants=[first, second]
    )
    factories.OutcomeStatusFactory(outcome=outcome, meeting=meeting)
    if theme is not None:
        theme.meetings.add(meeting)
    return meeting


def cite(fact, document=None, *, passage="As the source prints it.", locator="", **fields):
    """A citation of `fact` (any row of the record): a passage of `document`, or
    with `external_title` and `external_url`, a source outside the record."""
    citation = Citation(fact=fact, document=document, passage=passage, locator=locator, **fields)
    citation.full_clean()
    citation.save()
    return citation
