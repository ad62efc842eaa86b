"""The demonstration documents: development only, labelled, idempotent, and
each one showing a visibility rule."""

import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command

from baliprocess.record import keys
from baliprocess.record.demo import DEMO_DOCUMENTS, a_year_after, demo_content_ensure
from baliprocess.record.loader import record_load
from meetings.models import Document
from tests.factories import MeetingFactory
from tests.record.tables import table_row_counts

pytestmark = pytest.mark.django_db

DEMO_SLUGS = [demo.slug for demo in DEMO_DOCUMENTS]
MEMBERS_ONLY, _, EMBARGOED = DEMO_SLUGS


@pytest.fixture
def brisbane_som():
    """The one meeting the demonstration documents need, as the record has it."""
    return MeetingFactory(
        slug=keys.BRISBANE_SOM,
        city="Brisbane",
        country="AU",
        start_date=datetime.date(2004, 6, 7),
        end_date=datetime.date(2004, 6, 8),
    )


def load_demo_content() -> list[str]:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue().splitlines()


def visible_demo_slugs(user) -> list[str]:
    visible = Document.objects.visible_to(user).filter(slug__in=DEMO_SLUGS)
    return sorted(visible.values_list("slug", flat=True))


def test_demo_content_is_refused_when_demo_accounts_are_disabled(settings, brisbane_som):
    settings.DEMO_ACCOUNTS_ENABLED = False

    with pytest.raises(CommandError) as failure:
        load_demo_content()

    assert "development only" in str(failure.value)
    assert Document.objects.count() == 0


def test_demo_content_is_refused_before_the_record_is_loaded():
    with pytest.raises(CommandError) as failure:
        load_demo_content()

    assert "run `manage.py load_record` first" in str(failure.value)
    assert Document.objects.count() == 0


def test_demo_content_adds_three_labelled_documents_to_the_brisbane_som(brisbane_som):
    output = load_demo_content()

    documents = Document.objects.filter(slug__in=DEMO_SLUGS).order_by("title")
    assert output[-1] == "Total: 3 created, 0 updated, 0 unchanged."
    assert [(d.title, d.visibility) for d in documents] == [
        ("Demonstration: a members-only document", "members"),
        ("Demonstration: a secretariat-only document", "secretariat"),
        ("Demonstration: an embargoed public document", "public"),
    ]
    for document in documents:
        assert document.text.startswith("This is demonstration content")
        assert document.meeting == brisbane_som
        assert document.date_label == "8 June 2004"


def test_demo_content_twice_changes_nothing(brisbane_som):
    load_demo_content()
    before = table_row_counts()

    output = load_demo_content()

    assert output[-1] == "Total: 0 created, 0 updated, 3 unchanged."
    assert table_row_counts() == before


def test_embargo_is_a_year_ahead_and_kept_until_it_passes(brisbane_som):
    demo_content_ensure(today=datetime.date(2026, 1, 10))
    set_first = Document.objects.get(slug=EMBARGOED).embargo_until

    demo_content_ensure(today=datetime.date(2026, 6, 1))
    kept = Document.objects.get(slug=EMBARGOED).embargo_until
    demo_content_ensure(today=datetime.date(2027, 2, 1))
    renewed = Document.objects.get(slug=EMBARGOED).embargo_until

    assert (set_first, kept, renewed) == (
        datetime.date(2027, 1, 10),
        datetime.date(2027, 1, 10),
        datetime.date(2028, 2, 1),
    )


def test_a_year_after_29_february_is_28_february():
    assert a_year_after(datetime.date(2024, 2, 29)) == datetime.date(2025, 2, 28)


def test_anonymous_visitors_and_plain_users_read_no_demo_document(brisbane_som, plain_user):
    load_demo_content()

    assert visible_demo_slugs(AnonymousUser()) == []
    assert visible_demo_slugs(plain_user) == []


def test_member_officials_read_only_the_members_only_demo_document(brisbane_som, member_user):
    load_demo_content()

    assert visible_demo_slugs(member_user) == [MEMBERS_ONLY]


def test_editors_read_the_members_only_and_embargoed_demo_documents(brisbane_som, editor_user):
    load_demo_content()

    assert visible_demo_slugs(editor_user) == sorted([MEMBERS_ONLY, EMBARGOED])


def test_managers_read_every_demo_document(brisbane_som, manager_user):
    load_demo_content()

    assert visible_demo_slugs(manager_user) == sorted(DEMO_SLUGS)


def test_demo_content_after_the_real_record_leaves_the_record_alone():
    record_load()
    record_documents = set(Document.objects.values_list("slug", flat=True))

    load_demo_content()

    demo = Document.objects.exclude(slug__in=record_documents)
    assert sorted(demo.values_list("slug", flat=True)) == sorted(DEMO_SLUGS)
    assert {d.meeting.slug for d in demo} == {keys.BRISBANE_SOM}
    assert Document.objects.filter(slug__in=record_documents, visibility="public").count() == 5
