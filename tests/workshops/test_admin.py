"""The admin of groups, themes, workshops and outcomes; the whole record entered through the
admin alone; and the rule that every admin list has a query-count test."""

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import (
    Delegate,
    Delegation,
    Document,
    Meeting,
    SeniorOfficialsMeeting,
)
from membership.models import Participant
from tests.factories import (
    DelegationFactory,
    DocumentFactory,
    GroupFactory,
    GroupMembershipFactory,
    GroupRoleFactory,
    MeetingFactory,
    MeetingRoleFactory,
    OutcomeFactory,
    OutcomeLinkFactory,
    OutcomeStatusFactory,
    ParticipantFactory,
    TermOfReferenceFactory,
    ThemeFactory,
    WorkshopFactory,
)
from tests.meetings import test_admin as meetings_admin_tests
from tests.membership import test_admin as membership_admin_tests
from tests.membership.test_admin import (
    AdminForm,
    admin_url,
    change_page_query_count_test,
    errors_of,
    text_of,
)
from workshops.models import (
    Group,
    GroupMembership,
    GroupRole,
    Outcome,
    OutcomeLink,
    OutcomeStatus,
    TermOfReference,
    Theme,
    Workshop,
)

pytestmark = pytest.mark.django_db

BRISBANE = datetime.date(2004, 6, 7)
FIFTH_SOM = datetime.date(2013, 4, 1)


# --- Groups -------------------------------------------------------------------------------


def test_group_added_with_terms_of_reference_coordinator_and_composition(editor_client):
    third_mc = MeetingFactory(kind=Meeting.Kind.MINISTERIAL_CONFERENCE, ordinal=3)
    vietnam = ParticipantFactory(short_name="Vietnam")
    philippines = ParticipantFactory(short_name="Philippines")
    form = AdminForm(editor_client, admin_url(Group, "add"))
    form.set(name="Ad Hoc Group", short_name="AHG", kind="ad_hoc_group", slug="")
    form.set(established_on="2009-04-14", established_by=third_mc.pk)
    form.add_row(
        "terms_of_reference",
        label="(a)",
        text="to develop practical outcomes at the operational level",
        order=1,
        adopted_by=third_mc.pk,
    )
    form.add_row("roles", participant=vietnam.pk, role="co_chair", start_precision="day")
    for participant in (vietnam, philippines):
        form.add_row(
            "composition",
            participant=participant.pk,
            start_date="2013-01-01",
            start_precision="year",
            end_precision="day",
        )

    response = form.post()

    group = Group.objects.get()
    assert errors_of(response) == []
    assert (group.slug, group.established_by) == ("ahg", third_mc)
    assert [str(term) for term in group.terms_of_reference.all()] == [
        "(a) to develop practical outcomes at the operational level"
    ]
    assert [str(role) for role in group.roles.all()] == ["Co-chair: Vietnam"]
    assert sorted(str(place) for place in group.composition.all()) == [
        "Philippines in AHG from 2013",
        "Vietnam in AHG from 2013",
    ]


def test_group_places_overlapping_in_one_save_are_refused(editor_client):
    group = GroupFactory(short_name="AHG")
    vietnam = ParticipantFactory(short_name="Vietnam")
    form = AdminForm(editor_client, admin_url(Group, "change", group.pk))
    for start in ("2009-04-14", "2013-01-01"):
        form.add_row(
            "composition",
            participant=vietnam.pk,
            start_date=start,
            start_precision="day",
            end_precision="day",
        )

    response = form.post()

    assert errors_of(response) == [
        "Vietnam is already in the group from 14 April 2009: a participant has one place in "
        "a group at a time. End that place on the day this one begins."
    ]
    assert GroupMembership.objects.count() == 0


def test_group_place_ended_and_next_begun_in_one_save(editor_client):
    place = GroupMembershipFactory(start_date=datetime.date(2009, 4, 14))
    form = AdminForm(editor_client, admin_url(Group, "change", place.group.pk))
    form.set(**{"composition-0-end_date": "2011-03-30"})
    form.add_row(
        "composition",
        participant=place.participant.pk,
        start_date="2013-01-01",
        start_precision="day",
        end_precision="day",
    )

    response = form.post()

    assert errors_of(response) == []
    assert [(p.start_date, p.end_date) for p in place.group.composition.all()] == [
        (datetime.date(2009, 4, 14), datetime.date(2011, 3, 30)),
        (datetime.date(2013, 1, 1), None),
    ]


def test_group_place_overlapping_one_on_record_is_refused(editor_client):
    place = GroupMembershipFactory(start_date=datetime.date(2009, 4, 14))
    form = AdminForm(editor_client, admin_url(Group, "change", place.group.pk))
    form.add_row(
        "composition",
        participant=place.participant.pk,
        start_date="2013-01-01",
        start_precision="day",
        end_precision="day",
    )

    response = form.post()

    assert errors_of(response) == [
        f"{place.participant} is already in the group from 14 April 2009: a participant has "
        "one place in a group at a time. End that place on the day this one begins."
    ]


def test_group_under_its_own_purview_is_refused(editor_client):
    ahg = GroupFactory(short_name="AHG")
    working_group = GroupFactory(parent=ahg)
    form = AdminForm(editor_client, admin_url(Group, "change", ahg.pk))
    form.set(parent=working_group.pk)

    response = form.post()

    assert errors_of(response) == ["A group cannot be under its own purview."]


def test_group_list_filters_active_discontinued_and_not_recorded(editor_client):
    GroupFactory(name="Ad Hoc Group", established_on=datetime.date(2009, 4, 14))
    GroupFactory(
        name="Ad Hoc Experts Group I",
        established_on=datetime.date(2002, 1, 1),
        discontinued_on=datetime.date(2004, 6, 8),
    )
    GroupFactory(name="Steering Group")

    def listed(query):
        response = editor_client.get(admin_url(Group) + query)
        return [str(group) for group in response.context["cl"].result_list]

    # A group no source dates is neither active nor discontinued.
    assert listed("?active=yes") == ["Ad Hoc Group"]
    assert listed("?active=no") == ["Ad Hoc Experts Group I"]
    assert listed("?active=unknown") == ["Steering Group"]


def test_deleting_a_group_with_a_record_is_refused_naming_it(manager_client):
    group = GroupFactory(short_name="AHEG I")
    term = TermOfReferenceFactory(group=group)
    meeting = MeetingFactory(group=group)
    url = admin_url(Group, "delete", group.pk)

    page = manager_client.get(url)
    response = manager_client.post(url, {"post": "yes"})
    bulk = manager_client.post(
        admin_url(Group),
        {"action": "delete_selected", "_selected_action": [group.pk], "post": "yes"},
    )

    for answer in (page, response, bulk):
        assert "would require deleting the following protected related objects" in answer.text
        assert f"Term of reference: {term}" in text_of(answer)
        assert f"Meeting: {meeting}" in text_of(answer)
    assert Group.objects.filter(pk=group.pk).exists()


# --- Workshops and themes ----------------------------------------------------------------------


def test_workshop_added_with_a_theme_and_a_host(editor_client, editor_user):
    returns = ThemeFactory(name="Returns")
    australia = ParticipantFactory(short_name="Australia")
    form = AdminForm(editor_client, admin_url(Workshop, "add"))
    form.set(custom_title="Workshop on returns", start_date="2004-05-01", date_precision="month")
    form.add_row("Theme_meetings", theme=returns.pk)
    form.add_row("roles", participant=australia.pk, role="host", order=1)

    response = form.post()

    workshop = Meeting.objects.get()
    assert errors_of(response) == []
    assert (workshop.kind, workshop.dates_label) == ("workshop", "May 2004")
    assert list(workshop.themes.all()) == [returns]
    assert [str(role) for role in workshop.roles.all()] == ["Australia (host)"]
    theme_change = returns.history.first()
    assert (theme_change.history_type, theme_change.history_user) == ("~", editor_user)
    assert [row.meeting_id for row in theme_change.meetings.all()] == [workshop.pk]


def test_workshop_theme_removed_is_recorded_in_the_themes_history(manager_client):
    theme = ThemeFactory(name="Returns")
    workshop = WorkshopFactory(custom_title="Workshop on returns")
    theme.meetings.add(workshop)
    form = AdminForm(manager_client, admin_url(Workshop, "change", workshop.pk))
    form.set(**{"Theme_meetings-0-DELETE": True})

    form.post()
    history = manager_client.get(admin_url(Theme, "history", theme.pk))

    assert list(workshop.themes.all()) == []
    assert "<strong>Workshops and meetings:</strong>" in history.text


def test_workshop_deliverables_are_added_once_the_workshop_exists(editor_client):
    add_page = AdminForm(editor_client, admin_url(Workshop, "add"))
    workshop = WorkshopFactory(start_date=datetime.date(2004, 5, 1), custom_title="Returns")
    form = AdminForm(editor_client, admin_url(Workshop, "change", workshop.pk))
    form.add_row(
        "outcomes",
        title="Checklist of issues on the return of smuggled and trafficked people",
        text="A checklist of issues for governments to consider.",
        date="2004-05-01",
        date_precision="month",
    )

    response = form.post()

    assert "outcomes-TOTAL_FORMS" not in add_page.data
    assert errors_of(response) == []
    deliverable = Outcome.objects.get()
    assert (deliverable.kind, deliverable.source_meeting_id) == ("deliverable", workshop.pk)


def test_workshop_deliverable_dated_before_the_workshop_is_refused(editor_client):
    workshop = WorkshopFactory(start_date=datetime.date(2004, 5, 10), custom_title="Returns")
    form = AdminForm(editor_client, admin_url(Workshop, "change", workshop.pk))
    form.add_row("outcomes", title="Checklist", text="…", date="2004-05-01", date_precision="day")

    response = form.post()

    assert errors_of(response) == [
        "Returns was held on 10 May 2004, after this outcome's date (1 May 2004). An outcome "
        "cannot come from a later meeting."
    ]
    assert Outcome.objects.count() == 0


def test_workshop_list_shows_only_workshops_and_filters_by_theme(editor_client):
    returns = ThemeFactory(name="Returns")
    WorkshopFactory(custom_title="Workshop on returns").themes.add(returns)
    WorkshopFactory(custom_title="Workshop on victim support")
    MeetingFactory()

    everything = editor_client.get(admin_url(Workshop))
    on_returns = editor_client.get(admin_url(Workshop) + f"?themes__id__exact={returns.pk}")

    assert len(everything.context["cl"].result_list) == 2
    assert [str(w) for w in on_returns.context["cl"].result_list] == ["Workshop on returns"]


@pytest.mark.parametrize("item_count", [1, 3])
def test_workshop_history_with_its_deliverables_costs_the_same_queries(
    manager_client, django_assert_num_queries, item_count
):
    workshop = WorkshopFactory(custom_title="Workshop on returns", group=GroupFactory())
    ParticipantFactory()
    for number in range(item_count):
        deliverable = OutcomeFactory(
            kind="deliverable", source_meeting=workshop, responsible_group=GroupFactory()
        )
        deliverable.title = f"Checklist {number}"
        deliverable.save()
        deliverable.responsible_participants.set([ParticipantFactory()])
        workshop.city = f"City {number}"
        workshop.save()
    ContentType.objects.clear_cache()

    with django_assert_num_queries(13):
        response = manager_client.get(admin_url(Workshop, "history", workshop.pk))

    deliverables = response.context["related_histories"][2]
    assert deliverables["heading"] == "Changes to its outcomes and deliverables"
    assert len(deliverables["rows"]) == 3 * item_count
    assert "<strong>Title:</strong>" in response.text


def test_theme_slug_is_made_from_its_name(editor_client):
    form = AdminForm(editor_client, admin_url(Theme, "add"))
    form.set(name="Lost and stolen passports", slug="")

    form.post()

    assert Theme.objects.get().slug == "lost-and-stolen-passports"


# --- Outcomes --------------------------------------------------------------------------------


def test_outcome_citing_a_later_meeting_is_refused(editor_client):
    fifth_som = MeetingFactory(ordinal=5, start_date=FIFTH_SOM)
    form = AdminForm(editor_client, admin_url(Outcome, "add"))
    form.set(kind="recommendation", title="Establish a working group", text="…")
    form.set(date="2011-03-30", source_meeting=fifth_som.pk)

    response = form.post()

    assert errors_of(response) == [
        "Fifth Senior Officials Meeting was held on 1 April 2013, after this outcome's date "
        "(30 March 2011). An outcome cannot come from a later meeting."
    ]
    assert Outcome.objects.count() == 0


def test_outcome_status_citing_a_later_meeting_is_refused(editor_client):
    outcome = OutcomeFactory(source_meeting=MeetingFactory(start_date=BRISBANE), date=BRISBANE)
    fifth_som = MeetingFactory(ordinal=5, start_date=FIFTH_SOM)
    form = AdminForm(editor_client, admin_url(Outcome, "change", outcome.pk))
    form.add_row(
        "status_history",
        status="endorsed",
        date="2004-06-08",
        date_precision="day",
        meeting=fifth_som.pk,
    )

    response = form.post()

    assert errors_of(response) == [
        "Fifth Senior Officials Meeting was held on 1 April 2013, after this status's date "
        "(8 June 2004). Cite a meeting held on or before it."
    ]
    assert OutcomeStatus.objects.count() == 0


def test_outcome_without_a_source_is_refused(editor_client):
    form = AdminForm(editor_client, admin_url(Outcome, "add"))
    form.set(kind="task", title="Report after a year", text="…", date="2004-06-08")

    response = form.post()

    assert errors_of(response) == ["Say which meeting or group the outcome came from."]


def test_pledge_amount_without_currency_is_refused(editor_client):
    meeting = MeetingFactory(start_date=BRISBANE)
    form = AdminForm(editor_client, admin_url(Outcome, "add"))
    form.set(kind="pledge", title="Japan's pledge", text="…", date="2004-06-08")
    form.set(source_meeting=meeting.pk, amount="10000", currency="")

    response = form.post()

    assert errors_of(response) == ["An amount needs its currency, and a currency its amount."]


def test_outcome_links_out_are_edited_and_links_in_are_shown(editor_client):
    recommendation = OutcomeFactory(title="Establish a working group on trafficking")
    endorsement = OutcomeFactory(title="Endorsement of the working group", kind="endorsement")
    form = AdminForm(editor_client, admin_url(Outcome, "change", endorsement.pk))
    form.add_row("links_out", relation="endorses", to_outcome=recommendation.pk)

    form.post()
    target = editor_client.get(admin_url(Outcome, "change", recommendation.pk))

    assert [str(link) for link in OutcomeLink.objects.all()] == [
        "Endorsement of the working group endorses Establish a working group on trafficking"
    ]
    assert "endorsed by" in target.text
    assert "Endorsement of the working group" in target.text
    assert 'name="links_in-0-relation"' not in target.text


def test_outcome_linked_to_itself_is_refused(editor_client):
    outcome = OutcomeFactory()
    form = AdminForm(editor_client, admin_url(Outcome, "change", outcome.pk))
    form.add_row("links_out", relation="relates_to", to_outcome=outcome.pk)

    response = form.post()

    assert errors_of(response) == ["An outcome cannot be linked to itself."]
    assert OutcomeLink.objects.count() == 0


def test_outcome_list_shows_and_filters_the_current_status(editor_client):
    endorsed = OutcomeFactory(
        title="Endorsed one", source_meeting=MeetingFactory(start_date=BRISBANE), date=BRISBANE
    )
    OutcomeStatusFactory(outcome=endorsed, status="proposed", date=BRISBANE)
    OutcomeStatusFactory(outcome=endorsed, status="endorsed", date=datetime.date(2005, 1, 1))
    OutcomeFactory(title="Nothing yet")

    listed = editor_client.get(admin_url(Outcome))
    filtered = editor_client.get(admin_url(Outcome) + "?current_status=endorsed")
    none = editor_client.get(admin_url(Outcome) + "?current_status=none")

    assert '<td class="field-status_now">Endorsed</td>' in listed.text
    assert [str(o) for o in filtered.context["cl"].result_list] == ["Endorsed one"]
    assert [str(o) for o in none.context["cl"].result_list] == ["Nothing yet"]


def test_responsible_participants_are_kept_in_the_outcomes_history(editor_client, editor_user):
    japan = ParticipantFactory(short_name="Japan")
    pledge = OutcomeFactory(kind="pledge", amount=Decimal(10000), currency="USD")
    form = AdminForm(editor_client, admin_url(Outcome, "change", pledge.pk))
    form.set(responsible_participants=[japan.pk])

    form.post()
    history = editor_client.get(admin_url(Outcome, "history", pledge.pk))

    assert list(pledge.responsible_participants.all()) == [japan]
    assert pledge.history.first().history_user == editor_user
    assert "<strong>Participants responsible:</strong>" in history.text


# --- The whole record, entered through the admin alone -------------------------------------------


def add(client, model, *, rows=(), files=None, **values):
    """Add one record through its admin add page, as staff would; return it."""
    form = AdminForm(client, admin_url(model, "add"))
    form.set(**values)
    for prefix, row in rows:
        form.add_row(prefix, **row)
    for name, upload in (files or {}).items():
        form[name] = upload
    before = set(model._default_manager.values_list("pk", flat=True))
    response = form.post()
    assert errors_of(response) == []
    assert response.status_code == 302
    return model._default_manager.exclude(pk__in=before).get()


def change(client, model, obj, *, rows=(), **values):
    form = AdminForm(client, admin_url(model, "change", obj.pk))
    form.set(**values)
    for prefix, row in rows:
        form.add_row(prefix, **row)
    response = form.post()
    assert errors_of(response) == []
    assert response.status_code == 302


def test_the_record_is_entered_through_the_admin_alone(editor_client, editor_user):
    assert Participant.objects.count() == Meeting.objects.count() == 0

    def state(name, short_name, country, *statuses, alias=None):
        rows = [("alternative_names", {"name": alias})] if alias else []
        rows += [
            (
                "membership_periods",
                {
                    "status": status,
                    "start_date": start,
                    "start_precision": precision,
                    "end_date": end,
                    "end_precision": "day",
                },
            )
            for status, start, precision, end in statuses
        ]
        return add(
            editor_client,
            Participant,
            kind="state",
            name=name,
            short_name=short_name,
            country=country,
            rows=rows,
        )

    founding = ("member", "2002-02-26", "day", "")
    indonesia = state("Republic of Indonesia", "Indonesia", "ID", founding)
    australia = state("Australia", "Australia", "AU", founding)
    new_zealand = state("New Zealand", "New Zealand", "NZ", founding)
    japan = state("Japan", "Japan", "JP", founding)
    united_states = state(
        "United States of America",
        "United States",
        "US",
        ("observer", "2002-01-01", "year", "2013-04-01"),
        ("member", "2013-04-01", "day", ""),
        alias="USA",
    )
    unhcr = add(
        editor_client,
        Participant,
        kind="international_organisation",
        name="United Nations High Commissioner for Refugees",
        short_name="UNHCR",
        acronym="UNHCR",
        # Its start is not recorded: it holds from the first date a source shows it.
        rows=[
            (
                "membership_periods",
                {"status": "member", "start_precision": "day", "known_since": "2004-06-07"},
            )
        ],
    )

    brisbane = add(
        editor_client,
        SeniorOfficialsMeeting,
        start_date="2004-06-07",
        end_date="2004-06-08",
        city="Brisbane",
        country="AU",
        reported_delegate_total=139,
        rows=[
            ("roles", {"participant": australia.pk, "role": "co_chair", "order": 1}),
            ("roles", {"participant": indonesia.pk, "role": "co_chair", "order": 2}),
            ("delegations", {"participant": new_zealand.pk}),
            ("delegations", {"participant": united_states.pk}),
            ("delegations", {"participant": unhcr.pk, "reported_head_count": 3}),
        ],
    )
    nz_delegation = brisbane.delegations.get(participant=new_zealand)
    change(
        editor_client,
        Delegation,
        nz_delegation,
        rows=[
            (
                "delegates",
                {
                    "honorific": "Ms",
                    "name": "Heather Riddell",
                    "role": "head",
                    "agency": "Ministry of Foreign Affairs and Trade",
                    "email": "riddell@example.org",
                    "may_be_listed": True,
                },
            ),
            ("delegates", {"name": "Second Delegate", "role": "delegate", "may_be_listed": True}),
        ],
    )

    aheg = add(
        editor_client,
        Group,
        name="Ad Hoc Experts Group I",
        short_name="AHEG I",
        kind="ad_hoc_experts_group",
        established_on="2002-01-01",
        established_precision="year",
        discontinued_on="2004-06-08",
        discontinued_by=brisbane.pk,
        rows=[
            (
                "terms_of_reference",
                {"label": "1.", "text": "International and regional cooperation"},
            ),
            (
                "roles",
                {
                    "participant": new_zealand.pk,
                    "role": "coordinator",
                    "person_name": "Ms Heather Riddell",
                    "start_precision": "day",
                    "end_precision": "day",
                },
            ),
            (
                "composition",
                {"participant": new_zealand.pk, "start_precision": "day", "end_precision": "day"},
            ),
            (
                "composition",
                {"participant": australia.pk, "start_precision": "day", "end_precision": "day"},
            ),
        ],
    )

    returns = add(editor_client, Theme, name="Returns")
    workshop = add(
        editor_client,
        Workshop,
        custom_title="Workshop on returns",
        start_date="2004-05-01",
        date_precision="month",
        city="Canberra",
        group=aheg.pk,
        rows=[
            ("Theme_meetings", {"theme": returns.pk}),
            ("roles", {"participant": australia.pk, "role": "host"}),
        ],
    )

    report = add(
        editor_client,
        Document,
        kind="report",
        title="Report to Ministers",
        date="2004-06-08",
        meeting=brisbane.pk,
        visibility="public",
        files={"file": SimpleUploadedFile("report-to-ministers.pdf", meetings_admin_tests.PDF)},
    )

    website = add(
        editor_client,
        Outcome,
        kind="recommendation",
        title="Review and develop the Bali Process website",
        text="Senior officials proposed that the website be reviewed and further developed.",
        date="2004-06-08",
        source_meeting=brisbane.pk,
        source_document=report.pk,
        paragraph="19",
        rows=[
            (
                "status_history",
                {
                    "status": "proposed",
                    "date": "2004-06-08",
                    "date_precision": "day",
                    "meeting": brisbane.pk,
                },
            )
        ],
    )
    pledge = add(
        editor_client,
        Outcome,
        kind="pledge",
        title="Japan's pledge for the website",
        text="Japan pledged US$10,000 for the upkeep and management of the website.",
        date="2004-06-08",
        source_meeting=brisbane.pk,
        paragraph="19",
        responsible_participants=[japan.pk],
        amount="10000",
        currency="USD",
        rows=[("links_out", {"relation": "follows", "to_outcome": website.pk})],
    )

    assert united_states.alternative_names.get().name == "USA"
    assert [p.status for p in united_states.membership_periods.all()] == ["observer", "member"]
    assert brisbane.title == "Senior Officials Meeting, Brisbane 2004"
    assert brisbane.dates_label == "7–8 June 2004"
    assert [role.participant for role in brisbane.roles.all()] == [australia, indonesia]
    capacities = {
        d.participant.short_name: d.capacity for d in brisbane.delegations.with_capacity()
    }
    assert capacities == {"New Zealand": "member", "United States": "observer", "UNHCR": "member"}
    assert [str(d) for d in nz_delegation.delegates.in_list_order()] == [
        "Ms Heather Riddell",
        "Second Delegate",
    ]
    assert Delegate.objects.get(name="Heather Riddell").email == "riddell@example.org"
    assert (aheg.period_label, aheg.discontinued_by) == ("2002 – 8 June 2004", brisbane)
    assert aheg.composition.count() == 2
    assert str(aheg.roles.get()) == "Coordinator: Ms Heather Riddell (New Zealand)"
    assert (workshop.kind, workshop.group, list(workshop.themes.all())) == (
        "workshop",
        aheg,
        [returns],
    )
    assert report.file.name.startswith("documents/2004/report-to-ministers")
    assert Outcome.objects.with_current_status().get(pk=website.pk).current_status == "proposed"
    assert (pledge.amount_label, list(pledge.responsible_participants.all())) == (
        "USD 10,000",
        [japan],
    )
    assert str(pledge.links_out.get()) == (
        "Japan's pledge for the website follows from Review and develop the Bali Process website"
    )
    for model in (Participant, Meeting, Delegation, Delegate, Group, Document, Outcome):
        users = {record.history_user for record in model.history.all()}
        assert users == {editor_user}, model


# --- Query counts of the lists ----------------------------------------------------------------


def build_groups(count):
    parent = GroupFactory()
    for _ in range(count):
        group = GroupFactory(parent=parent, established_on=datetime.date(2009, 4, 14))
        TermOfReferenceFactory(group=group, adopted_by=MeetingFactory())
        GroupRoleFactory(group=group)
        GroupMembershipFactory(group=group, decided_at=MeetingFactory())


def build_workshops(count):
    theme = ThemeFactory()
    for _ in range(count):
        workshop = WorkshopFactory(group=GroupFactory())
        theme.meetings.add(workshop)
        ThemeFactory(meetings=[workshop])


def build_outcomes(count):
    for _ in range(count):
        status = OutcomeStatusFactory(outcome__source_group=GroupFactory())
        OutcomeStatusFactory(outcome=status.outcome, status="endorsed")
        OutcomeLinkFactory(to_outcome=status.outcome)
        OutcomeFactory(kind="pledge", amount=Decimal(10), currency="USD")


CHANGELISTS = [
    # (model, query string, builder, rows per item, queries)
    (Group, "", build_groups, 1, 7),
    (Group, "?active=yes&q=Test", build_groups, 1, 7),
    (TermOfReference, "", build_groups, 1, 8),
    (GroupRole, "", build_groups, 1, 8),
    (GroupMembership, "", build_groups, 1, 8),
    (Theme, "", build_workshops, 1, 7),
    (Workshop, "", build_workshops, 1, 11),
    (Outcome, "", build_outcomes, 3, 11),
    (Outcome, "?current_status=endorsed", build_outcomes, 1, 11),
    (OutcomeStatus, "", build_outcomes, 2, 9),
    (OutcomeLink, "", build_outcomes, 1, 7),
]


test_changelist_query_count_is_constant = meetings_admin_tests.changelist_query_count_test(
    CHANGELISTS
)


def test_every_record_admin_list_has_a_query_count_test():
    tested = {
        model
        for module in (membership_admin_tests, meetings_admin_tests)
        for model, *_ in module.CHANGELISTS
    } | {model for model, *_ in CHANGELISTS}

    registered = set(membership_admin_tests.record_admins())

    assert registered == tested


# --- Query counts of the change pages ----------------------------------------------------------


def build_group_page(count):
    """A group with `count` terms of reference, coordinators and members, each citing the
    meeting that adopted or decided it."""
    group = GroupFactory()
    for _ in range(count):
        TermOfReferenceFactory(group=group, adopted_by=MeetingFactory())
        GroupRoleFactory(group=group)
        GroupMembershipFactory(group=group, decided_at=MeetingFactory())
    return group


def build_workshop_page(count):
    """A workshop with `count` themes, co-chairs, deliverables, delegations and documents."""
    workshop = WorkshopFactory(group=GroupFactory())
    for _ in range(count):
        ThemeFactory(meetings=[workshop])
        participant = ParticipantFactory()
        MeetingRoleFactory(meeting=workshop, participant=participant)
        OutcomeFactory(
            kind="deliverable", source_meeting=workshop, responsible_group=GroupFactory()
        )
        DelegationFactory(meeting=workshop, participant=participant)
        DocumentFactory(meeting=workshop)
    return workshop


def build_outcome_page(count):
    """An outcome with `count` statuses (each citing a meeting and a document), links to
    other outcomes and links from them."""
    outcome = OutcomeFactory()
    for number in range(count):
        meeting = MeetingFactory(start_date=outcome.date)
        OutcomeStatusFactory(
            outcome=outcome,
            status="endorsed",
            date=outcome.date + datetime.timedelta(days=number + 1),
            meeting=meeting,
            document=DocumentFactory(meeting=meeting),
        )
        OutcomeLinkFactory(from_outcome=outcome, relation="follows")
        OutcomeLinkFactory(to_outcome=outcome)
    return outcome


CHANGE_PAGES = [
    # (model, builder, queries): the same literal count whatever the number of inline rows.
    # The inline of each page's citations adds its content type and its rows.
    (Group, build_group_page, 10),
    (Workshop, build_workshop_page, 16),
    (Outcome, build_outcome_page, 13),
]


test_change_page_query_count_is_constant = change_page_query_count_test(CHANGE_PAGES)


def test_every_record_admin_with_inlines_has_a_change_page_query_count_test():
    tested = {
        model
        for module in (membership_admin_tests, meetings_admin_tests)
        for model, *_ in module.CHANGE_PAGES
    } | {model for model, *_ in CHANGE_PAGES}

    with_inlines = {
        model
        for model in membership_admin_tests.record_admins()
        if admin.site._registry[model].inlines
    }

    assert with_inlines <= tested
