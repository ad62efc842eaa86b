"""The admin of participants and their status, who may use the admin at all, and the form
reader every admin test uses to submit forms the way a browser does."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from membership.admin import StatusTodayFilter
from membership.models import MembershipPeriod, Participant, ParticipantName
from tests.factories import (
    DelegationFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantFactory,
    ParticipantNameFactory,
)

pytestmark = pytest.mark.django_db

APRIL_2013 = datetime.date(2013, 4, 1)
RECORD_APPS = ("membership", "meetings", "workshops")


# --- Submitting admin forms as a browser does ------------------------------------------


class _FormReader(HTMLParser):
    """Collects what a browser would submit from one form: text and hidden inputs, checked
    boxes, each select's selected options (or its first), and textareas."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.found = False
        self.fields: list[tuple[str, str]] = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            self.found = self.found or self.inside
            return
        name = attrs.get("name")
        if not self.inside or "disabled" in attrs:
            if tag == "option" and self._select is not None:
                self._option(attrs)
            return
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value") or "on"))
                return
            self.fields.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._option(attrs)
        elif tag == "textarea" and name:
            self._textarea = (name, [])

    def _option(self, attrs):
        self._select["options"].append((attrs.get("value") or "", "selected" in attrs))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not self._select["multiple"]:
                chosen = [options[0][0]]
            self.fields.extend((self._select["name"], value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, parts = self._textarea
            # Browsers drop the newline that follows <textarea>.
            self.fields.append((name, "".join(parts).removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)


class AdminForm:
    """An admin page's form as a browser holds it: read it from a GET, fill it in (inline
    rows included, through their management forms) and post it."""

    def __init__(self, client, url, form_id=None):
        self.client = client
        self.url = url
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        form_id = form_id or f"{response.context['opts'].model_name}_form"
        reader = _FormReader(form_id)
        reader.feed(response.text)
        assert reader.found, f"no form {form_id} on {url}"
        self.data: dict[str, list[str]] = {}
        for name, value in reader.fields:
            self.data.setdefault(name, []).append(value)

    def __getitem__(self, name):
        values = self.data[name]
        return values[0] if len(values) == 1 else values

    def set(self, **values):
        for name, value in values.items():
            self[name] = value
        return self

    def __setitem__(self, name, value):
        if isinstance(value, list | tuple):
            self.data[name] = [str(item) for item in value]
        elif hasattr(value, "read"):
            self.data[name] = [value]
        elif value is None or value is False:
            self.data.pop(name, None)
        elif value is True:
            self.data[name] = ["on"]
        elif isinstance(value, datetime.date):
            self.data[name] = [value.isoformat()]
        else:
            self.data[name] = [str(value)]

    def prefixes(self) -> list[str]:
        return [name.removesuffix("-TOTAL_FORMS") for name in self.data if "TOTAL_FORMS" in name]

    def add_row(self, prefix, **values):
        """Fill in a new inline row, as clicking "Add another" (which copies the empty row
        with its defaults) and typing would."""
        total = f"{prefix}-TOTAL_FORMS"
        assert total in self.data, f"no inline {prefix}; there are {self.prefixes()}"
        index = int(self[total])
        template = f"{prefix}-__prefix__-"
        for name, defaults in list(self.data.items()):
            if name.startswith(template):
                self.data[f"{prefix}-{index}-{name.removeprefix(template)}"] = list(defaults)
        for name, value in values.items():
            self[f"{prefix}-{index}-{name}"] = value
        self[total] = index + 1
        return index

    def post(self, **extra):
        payload = {**self.data}
        for name, value in extra.items():
            payload[name] = value
        return self.client.post(self.url, payload)


def errors_of(response) -> list[str]:
    """Every error message the admin shows on a refused form (form, inlines, their rows)."""
    messages = []
    if response.context is None:
        return messages
    form = response.context.get("adminform")
    if form is not None:
        for errors in form.form.errors.values():
            messages.extend(errors)
    for inline in response.context.get("inline_admin_formsets", []):
        messages.extend(inline.formset.non_form_errors())
        for row in inline.formset.errors:
            for errors in row.values():
                messages.extend(errors)
    return messages


def text_of(response) -> str:
    """The page's text without its tags, as a reader sees it."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def record_admins():
    return [model for model in admin.site._registry if model._meta.app_label in RECORD_APPS]


# --- Who may use the admin ---------------------------------------------------------------


def test_admin_sends_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/"


@pytest.mark.parametrize("model", record_admins(), ids=lambda model: model._meta.label)
def test_admin_refuses_anonymous_visitors_every_record_list(client, model):
    response = client.get(admin_url(model))

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("model", record_admins(), ids=lambda model: model._meta.label)
def test_admin_refuses_member_officials_every_record_list(member_client, model):
    response = member_client.get(admin_url(model))

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("view", ["add", "change", "history", "delete"])
@pytest.mark.parametrize("who", ["anonymous", "member official"])
def test_admin_refuses_every_page_of_a_record_to_non_staff(client, member_user, view, who):
    participant = ParticipantFactory()
    if who == "member official":
        client.force_login(member_user)
    url = (
        admin_url(Participant, view)
        if view == "add"
        else admin_url(Participant, view, participant.pk)
    )

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_admin_tells_a_member_official_why_they_are_refused(member_client):
    response = member_client.get("/admin/", follow=True)

    assert "You are authenticated as official, but are not authorized" in response.text


def test_member_official_cannot_post_a_participant(member_client):
    response = member_client.post(
        admin_url(Participant, "add"),
        {"kind": "state", "name": "Atlantis", "short_name": "Atlantis", "country": "AQ"},
    )

    assert response.status_code == 302
    assert Participant.objects.count() == 0


def test_admin_index_groups_the_record_by_app_for_editors(editor_client):
    response = editor_client.get("/admin/")

    headings = re.findall(r'<a href="/admin/(\w+)/" class="section">', response.text)
    assert headings[:3] == ["membership", "meetings", "workshops"]
    assert set(headings) == {"membership", "meetings", "workshops"}
    assert "Users" not in response.text


def test_admin_index_offers_managers_the_user_accounts(manager_client):
    response = manager_client.get("/admin/")

    headings = re.findall(r'<a href="/admin/(\w+)/" class="section">', response.text)
    assert headings == ["membership", "meetings", "workshops", "auth", "axes"]


def test_editor_may_add_and_change_a_participant_but_not_delete_it(editor_client):
    participant = ParticipantFactory()

    add = editor_client.get(admin_url(Participant, "add"))
    change = editor_client.get(admin_url(Participant, "change", participant.pk))
    delete = editor_client.get(admin_url(Participant, "delete", participant.pk))
    changelist = editor_client.get(admin_url(Participant) + "?status_today=all")

    assert (add.status_code, change.status_code, delete.status_code) == (200, 200, 403)
    assert "delete_selected" not in changelist.text
    assert "record_membership_change" in changelist.text


def test_editor_post_to_delete_changes_nothing(editor_client):
    participant = ParticipantFactory()

    response = editor_client.post(admin_url(Participant, "delete", participant.pk), {"post": "yes"})

    assert response.status_code == 403
    assert Participant.objects.filter(pk=participant.pk).exists()


# --- The list of participants ------------------------------------------------------------


@pytest.fixture
def members_observers_and_a_guest():
    member = MembershipPeriodFactory(participant=ParticipantFactory(short_name="Indonesia"))
    observer = MembershipPeriodFactory(
        participant=OrganisationFactory(short_name="UNODC"),
        status=MembershipPeriod.Status.OBSERVER,
    )
    former = MembershipPeriodFactory(
        participant=ParticipantFactory(short_name="Formerland"),
        start_date=datetime.date(2002, 1, 1),
        end_date=datetime.date(2004, 1, 1),
    )
    guest = ParticipantFactory(short_name="Guestland")
    return member.participant, observer.participant, former.participant, guest


def listed(response):
    return [str(row) for row in response.context["cl"].result_list]


def test_participant_list_shows_members_and_observers_by_default(
    editor_client, members_observers_and_a_guest
):
    response = editor_client.get(admin_url(Participant))

    status_filter = response.context["cl"].filter_specs[0]
    assert listed(response) == ["Indonesia", "UNODC"]
    assert (type(status_filter), status_filter.value()) == (StatusTodayFilter, "current")
    assert '<li class="selected">\n    <a href="?status_today=current">' in response.text


@pytest.mark.parametrize(
    ("choice", "names"),
    [
        ("all", ["Formerland", "Guestland", "Indonesia", "UNODC"]),
        ("member", ["Indonesia"]),
        ("observer", ["UNODC"]),
        ("none", ["Formerland", "Guestland"]),
    ],
)
def test_participant_list_filters_by_status_today(
    editor_client, members_observers_and_a_guest, choice, names
):
    response = editor_client.get(admin_url(Participant) + f"?status_today={choice}")

    assert listed(response) == names


def test_participant_list_shows_each_status_today(editor_client, members_observers_and_a_guest):
    response = editor_client.get(admin_url(Participant) + "?status_today=all")

    assert '<td class="field-status_today">Member</td>' in response.text
    assert '<td class="field-status_today">Observer</td>' in response.text


def test_participant_search_finds_alternative_names(editor_client):
    viet_nam = ParticipantFactory(short_name="Viet Nam")
    ParticipantNameFactory(participant=viet_nam, name="Vietnam")
    ParticipantFactory(short_name="Thailand")

    response = editor_client.get(admin_url(Participant) + "?status_today=all&q=vietnam")

    assert listed(response) == ["Viet Nam"]


@pytest.mark.parametrize(
    "query",
    [
        "?status_today=bogus",
        "?kind=spaceship",
        "?in_force=maybe",
        "?o=99",
        "?p=9999",
        "?q=%00%27%22",
        "?nonsense=1",
    ],
)
def test_participant_list_answers_bad_query_strings_without_an_error(manager_client, query):
    MembershipPeriodFactory()

    response = manager_client.get(admin_url(Participant) + query)

    assert response.status_code in (200, 302)


# --- Adding and changing participants -----------------------------------------------------


def test_participant_added_with_alternative_name_and_status_history(editor_client, editor_user):
    form = AdminForm(editor_client, admin_url(Participant, "add"))
    form.set(kind="state", name="United States of America", short_name="United States")
    form.set(country="US", slug="")
    form.add_row("alternative_names", name="USA")
    form.add_row(
        "membership_periods",
        status="observer",
        start_date="2002-01-01",
        start_precision="year",
        end_date=APRIL_2013,
        end_precision="day",
    )
    form.add_row(
        "membership_periods",
        status="member",
        start_date=APRIL_2013,
        start_precision="day",
        end_precision="day",
    )

    response = form.post()

    assert errors_of(response) == []
    participant = Participant.objects.get(short_name="United States")
    assert participant.slug == "united-states"
    assert [n.name for n in participant.alternative_names.all()] == ["USA"]
    assert [str(p) for p in participant.membership_periods.all()] == [
        "United States: observer from 2002 until 1 April 2013",
        "United States: member from 1 April 2013",
    ]
    assert participant.history.get().history_user == editor_user


def test_participant_status_closed_and_next_opened_in_one_save(editor_client):
    unodc = OrganisationFactory(short_name="UNODC")
    observer = MembershipPeriodFactory(participant=unodc, status="observer")
    form = AdminForm(editor_client, admin_url(Participant, "change", unodc.pk))
    form.set(**{"membership_periods-0-end_date": APRIL_2013})
    form.add_row(
        "membership_periods",
        status="member",
        start_date=APRIL_2013,
        start_precision="day",
        end_precision="day",
    )

    response = form.post()

    assert errors_of(response) == []
    observer.refresh_from_db()
    assert observer.end_date == APRIL_2013
    assert [p.status for p in unodc.membership_periods.all()] == ["observer", "member"]


def test_participant_statuses_overlapping_each_other_in_one_save_are_refused(editor_client):
    unodc = OrganisationFactory(short_name="UNODC")
    form = AdminForm(editor_client, admin_url(Participant, "change", unodc.pk))
    form.add_row(
        "membership_periods",
        status="observer",
        start_date="2002-02-01",
        start_precision="day",
        end_date="2013-04-02",
        end_precision="day",
    )
    form.add_row(
        "membership_periods",
        status="member",
        start_date=APRIL_2013,
        start_precision="day",
        end_precision="day",
    )

    response = form.post()

    assert errors_of(response) == [
        "This member status overlaps the observer status from 1 February 2002 until "
        "2 April 2013: a participant has one status at a time. To record a change, end the "
        "old status on the day the new one begins."
    ]
    assert unodc.membership_periods.count() == 0


def test_participant_status_overlapping_an_open_one_left_open_is_refused(editor_client):
    unodc = OrganisationFactory(short_name="UNODC")
    MembershipPeriodFactory(participant=unodc, status="observer")
    form = AdminForm(editor_client, admin_url(Participant, "change", unodc.pk))
    form.add_row(
        "membership_periods",
        status="member",
        start_date=APRIL_2013,
        start_precision="day",
        end_precision="day",
    )

    response = form.post()

    assert errors_of(response) == [
        "This member status overlaps the observer status with no dates: a participant has "
        "one status at a time. To record a change, end the old status on the day the new "
        "one begins."
    ]
    assert unodc.membership_periods.count() == 1


def test_participant_status_ending_before_it_starts_is_refused(editor_client):
    participant = ParticipantFactory()
    form = AdminForm(editor_client, admin_url(Participant, "change", participant.pk))
    form.add_row(
        "membership_periods",
        status="member",
        start_date=APRIL_2013,
        start_precision="day",
        end_date="2013-03-01",
        end_precision="day",
    )

    response = form.post()

    assert errors_of(response) == ["The status must end after it starts."]
    assert participant.membership_periods.count() == 0


def test_alternative_name_entered_twice_in_one_save_is_refused(editor_client):
    laos = ParticipantFactory(short_name="Lao PDR")
    form = AdminForm(editor_client, admin_url(Participant, "change", laos.pk))
    form.add_row("alternative_names", name="Laos")
    form.add_row("alternative_names", name="LAOS")

    response = form.post()

    assert errors_of(response) == ["“LAOS” is entered twice; keep one of them."]
    assert ParticipantName.objects.count() == 0


def test_alternative_name_of_another_participant_is_refused(editor_client):
    ParticipantNameFactory(name="Korea")
    participant = ParticipantFactory()
    form = AdminForm(editor_client, admin_url(Participant, "change", participant.pk))
    form.add_row("alternative_names", name="korea")

    response = form.post()

    assert errors_of(response) == ["This alternative name already belongs to a participant."]
    assert participant.alternative_names.count() == 0


def test_state_without_country_is_refused_with_the_rule(editor_client):
    form = AdminForm(editor_client, admin_url(Participant, "add"))
    form.set(kind="state", name="Republic of Nowhere", short_name="Nowhere", country="")

    response = form.post()

    assert errors_of(response) == [
        "States and territories need an ISO 3166 country and no acronym; "
        "organisations have no country."
    ]
    assert Participant.objects.count() == 0


def test_participant_country_taken_is_refused(editor_client):
    ParticipantFactory(country="ID")
    form = AdminForm(editor_client, admin_url(Participant, "add"))
    form.set(kind="state", name="Republic of Indonesia", short_name="Indonesia", country="ID")

    response = form.post()

    assert errors_of(response) == ["Another participant already has this country."]


# --- Recording a change of status for several participants ----------------------------------


def action_post(client, participants, **fields):
    data = {
        "action": "record_membership_change",
        "_selected_action": [participant.pk for participant in participants],
        **fields,
    }
    return client.post(admin_url(Participant) + "?status_today=all", data)


def test_record_membership_change_asks_for_the_status_and_date(editor_client):
    united_states = ParticipantFactory(short_name="United States")

    response = action_post(editor_client, [united_states], index="0")

    assert response.status_code == 200
    assert "Record a change of membership status" in response.text
    assert '<th scope="row">United States</th>' in response.text


@pytest.mark.parametrize("item_count", [1, 3])
def test_record_membership_change_page_query_count_is_constant(
    editor_client, django_assert_num_queries, item_count
):
    participants = [MembershipPeriodFactory().participant for _ in range(item_count)]

    with django_assert_num_queries(7):
        response = action_post(editor_client, participants, index="0")

    assert len(response.context["participants"]) == item_count


def test_record_membership_change_records_it_for_each_selected_participant(editor_client):
    fifth_som = MeetingFactory(ordinal=5, start_date=APRIL_2013)
    united_states = ParticipantFactory(short_name="United States")
    uae = ParticipantFactory(short_name="United Arab Emirates")
    for participant in (united_states, uae):
        MembershipPeriodFactory(participant=participant, status="observer")

    response = action_post(
        editor_client,
        [united_states, uae],
        apply="Record the change",
        status="member",
        start_date="2013-04-01",
        start_precision="day",
        decided_at=fifth_som.pk,
        note="Welcomed by the fifth Senior Officials Meeting.",
    )

    assert response.status_code == 302
    for participant in (united_states, uae):
        history = [
            (p.status, p.start_date, p.end_date) for p in participant.membership_periods.all()
        ]
        assert history == [("observer", None, APRIL_2013), ("member", APRIL_2013, None)]
    page = editor_client.get(response.url)
    assert "Recorded: United Arab Emirates, United States, member from 1 April 2013." in page.text


def test_record_membership_change_refused_for_one_changes_none(editor_client):
    united_states = ParticipantFactory(short_name="United States")
    MembershipPeriodFactory(participant=united_states, status="observer")
    indonesia = ParticipantFactory(short_name="Indonesia")
    MembershipPeriodFactory(participant=indonesia, status="member")

    response = action_post(
        editor_client,
        [united_states, indonesia],
        apply="Record the change",
        status="member",
        start_date="2013-04-01",
        start_precision="day",
    )

    assert response.status_code == 200
    assert (
        "Indonesia is already a member (dates not recorded)."
        in response.context["form"].non_field_errors()[0]
    )
    assert MembershipPeriod.objects.filter(end_date__isnull=False).count() == 0
    assert MembershipPeriod.objects.count() == 2


def test_record_membership_change_without_a_date_says_so(editor_client):
    united_states = ParticipantFactory(short_name="United States")

    response = action_post(
        editor_client, [united_states], apply="Record the change", status="member", start_date=""
    )

    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == ["This field is required."]
    assert MembershipPeriod.objects.count() == 0


# --- Deleting what others depend on ----------------------------------------------------------


def test_deleting_a_participant_that_attended_meetings_is_refused_naming_them(manager_client):
    delegation = DelegationFactory(participant=ParticipantFactory(short_name="Fiji"))
    MembershipPeriodFactory(participant=delegation.participant)
    url = admin_url(Participant, "delete", delegation.participant.pk)

    page = manager_client.get(url)
    response = manager_client.post(url, {"post": "yes"})

    for answer in (page, response):
        assert answer.status_code == 200
        assert "would require deleting the following protected related objects" in answer.text
        assert f"Delegation: {delegation}" in text_of(answer)
        assert "Membership status: Fiji: member since at least 1 January 1990" in text_of(answer)
    assert Participant.objects.filter(pk=delegation.participant.pk).exists()


def test_bulk_deleting_participants_others_depend_on_is_refused(manager_client):
    attended = DelegationFactory(participant=ParticipantFactory(short_name="Fiji")).participant
    alone = ParticipantFactory(short_name="Nobody")

    response = manager_client.post(
        admin_url(Participant) + "?status_today=all",
        {"action": "delete_selected", "_selected_action": [attended.pk, alone.pk], "post": "yes"},
    )

    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in response.text
    assert "Delegation: Fiji at" in text_of(response)
    assert Participant.objects.count() == 2


def test_deleting_a_participant_nothing_depends_on_takes_its_names_with_it(manager_client):
    name = ParticipantNameFactory(name="Atlantis")

    response = manager_client.post(
        admin_url(Participant, "delete", name.participant.pk), {"post": "yes"}
    )

    assert response.status_code == 302
    assert (Participant.objects.count(), ParticipantName.objects.count()) == (0, 0)


# --- History ---------------------------------------------------------------------------


def test_participant_history_records_who_changed_what(editor_client, editor_user):
    participant = ParticipantFactory(short_name="Viet Nam", name="Viet Nam")
    form = AdminForm(editor_client, admin_url(Participant, "change", participant.pk))
    form.set(name="Socialist Republic of Viet Nam")

    form.post()
    response = editor_client.get(admin_url(Participant, "history", participant.pk))

    latest = participant.history.first()
    assert (latest.history_type, latest.history_user) == ("~", editor_user)
    assert "<strong>Official name:</strong> Viet Nam → Socialist Republic of Viet Nam" in (
        response.text
    )
    assert "editor-user" in response.text


def test_history_shows_choices_dates_and_emptiness_as_entered(editor_client):
    period = MembershipPeriodFactory(status="observer")
    form = AdminForm(editor_client, admin_url(MembershipPeriod, "change", period.pk))
    form.set(status="member", start_date=APRIL_2013)

    form.post()
    response = editor_client.get(admin_url(MembershipPeriod, "history", period.pk))

    assert "<strong>Status:</strong> Observer → Member" in response.text
    assert "<strong>From:</strong> (empty) → 1 April 2013" in response.text


def test_inline_status_change_is_recorded_with_its_user(editor_client, editor_user):
    period = MembershipPeriodFactory(status="observer")
    form = AdminForm(editor_client, admin_url(Participant, "change", period.participant.pk))
    form.set(**{"membership_periods-0-end_date": APRIL_2013})

    form.post()

    latest = period.history.first()
    assert (latest.end_date, latest.history_user) == (APRIL_2013, editor_user)


def test_history_of_a_deleted_status_stays_readable(manager_client):
    period = MembershipPeriodFactory(status="observer")
    pk = period.pk
    period.delete()

    response = manager_client.get(admin_url(MembershipPeriod, "history", pk))

    assert response.status_code == 200
    assert "Deleted" in response.text


def test_participant_history_shows_changes_to_its_statuses_deleted_ones_too(
    manager_client, manager_user
):
    period = MembershipPeriodFactory(status="observer")
    form = AdminForm(manager_client, admin_url(Participant, "change", period.participant.pk))
    form.set(**{"membership_periods-0-end_date": APRIL_2013})
    form.post()
    form = AdminForm(manager_client, admin_url(Participant, "change", period.participant.pk))
    form.set(**{"membership_periods-0-DELETE": True})
    form.post()

    response = manager_client.get(admin_url(Participant, "history", period.participant.pk))

    section = response.context["related_histories"][1]
    assert section["heading"] == "Changes to its membership statuses"
    assert [
        (row["record"].get_history_type_display(), row["record"].history_user)
        for row in section["rows"]
    ] == [
        ("Deleted", manager_user),
        ("Changed", manager_user),
        ("Created", None),
    ]
    assert "<strong>Until:</strong> (empty) → 1 April 2013" in response.text
    assert (
        f"{period.participant}: observer since at least 1 January 1990, until 1 April 2013"
        in response.text
    )
    assert MembershipPeriod.objects.count() == 0


@pytest.mark.parametrize("item_count", [1, 3])
def test_history_page_query_count_is_constant(
    manager_client, django_assert_num_queries, item_count
):
    participant = ParticipantFactory()
    for number in range(item_count):
        participant.name = f"Name {number}"
        participant.save()
        period = MembershipPeriodFactory(
            participant=participant,
            start_date=datetime.date(2000 + number, 1, 1),
            end_date=datetime.date(2000 + number, 6, 1),
            decided_at=MeetingFactory(),
        )
        period.note = "Corrected"
        period.save()
        ParticipantNameFactory(participant=participant)

    # The page looks up the user model's content type; count it whatever ran before.
    ContentType.objects.clear_cache()
    with django_assert_num_queries(13):
        response = manager_client.get(admin_url(Participant, "history", participant.pk))

    assert len(response.context["page_obj"].object_list) == item_count + 1
    assert len(response.context["related_histories"][1]["rows"]) == 2 * item_count


@pytest.mark.parametrize("object_id", ["999999", "not-a-number"])
def test_history_of_an_unknown_record_is_not_found(editor_client, object_id):
    response = editor_client.get(admin_url(Participant, "history", object_id))

    assert response.status_code == 404


def test_old_version_is_shown_but_not_reverted(editor_client):
    participant = ParticipantFactory(name="Old name")
    participant.name = "New name"
    participant.save()
    version = participant.history.last()
    url = reverse("admin:membership_participant_simple_history", args=[participant.pk, version.pk])

    page = editor_client.get(url)
    refused = editor_client.post(url, {"name": "Old name"})

    assert page.status_code == 200
    assert 'value="Old name"' in page.text
    assert 'value="Revert"' not in page.text
    assert refused.status_code == 405
    participant.refresh_from_db()
    assert participant.name == "New name"


# --- Query counts of the lists -------------------------------------------------------------


def build_participants(count):
    for _ in range(count):
        participant = MembershipPeriodFactory().participant
        ParticipantNameFactory(participant=participant)


CHANGELISTS = [
    # (model, query string, builder, queries): the same literal count at every size.
    (Participant, "", build_participants, 7),
    (Participant, "?status_today=all&q=Testland", build_participants, 7),
    (ParticipantName, "", build_participants, 7),
    (MembershipPeriod, "?in_force=yes", build_participants, 7),
]


@pytest.mark.parametrize("item_count", [1, 3])
@pytest.mark.parametrize(
    ("model", "query", "build", "queries"),
    CHANGELISTS,
    ids=[f"{model._meta.model_name}{query}" for model, query, _, _ in CHANGELISTS],
)
def test_changelist_query_count_is_constant(
    manager_client, django_assert_num_queries, model, query, build, queries, item_count
):
    build(item_count)
    url = admin_url(model) + query

    with django_assert_num_queries(queries):
        response = manager_client.get(url)

    assert response.status_code == 200
    assert response.context["cl"].result_count == item_count


# --- Query counts of the change pages ------------------------------------------------------


def build_participant_page(count):
    """A participant with `count` alternative names and `count` dated statuses, each
    citing the meeting that decided it and its source document."""
    participant = ParticipantFactory()
    statuses = [MembershipPeriod.Status.OBSERVER, MembershipPeriod.Status.MEMBER]
    for number in range(count):
        ParticipantNameFactory(participant=participant)
        meeting = MeetingFactory()
        MembershipPeriodFactory(
            participant=participant,
            status=statuses[number % 2],
            start_date=datetime.date(2000 + 2 * number, 1, 1),
            end_date=datetime.date(2001 + 2 * number, 12, 31),
            decided_at=meeting,
            source_document=DocumentFactory(meeting=meeting),
        )
    return participant


CHANGE_PAGES = [
    # (model, builder, queries): the same literal count whatever the number of inline rows.
    (Participant, build_participant_page, 8),
]


def change_page_query_count_test(change_pages):
    """The test that each change page in `change_pages` (model, builder, queries) costs the
    same literal number of queries with 1 and with 4 inline rows."""

    @pytest.mark.parametrize("item_count", [1, 4])
    @pytest.mark.parametrize(
        ("model", "build", "queries"),
        change_pages,
        ids=[model._meta.model_name for model, *_ in change_pages],
    )
    def test(manager_client, model, build, queries, item_count):
        assert_change_page_query_count(
            manager_client, model, build(item_count), queries, item_count
        )

    return test


test_change_page_query_count_is_constant = change_page_query_count_test(CHANGE_PAGES)


def assert_change_page_query_count(client, model, record, queries, rows):
    """The change page of `record` costs `queries` and shows at least `rows` inline rows:
    tests call it at two sizes with the same literal count."""
    ContentType.objects.clear_cache()

    with CaptureQueriesContext(connection) as captured:
        response = client.get(admin_url(model, "change", record.pk))

    assert response.status_code == 200
    shown = [
        formset.formset.total_form_count() for formset in response.context["inline_admin_formsets"]
    ]
    assert max(shown) >= rows
    assert len(captured) == queries, "\n".join(query["sql"] for query in captured)
