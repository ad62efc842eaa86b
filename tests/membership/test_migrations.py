"""A status entered before `known_since` existed keeps counting after the upgrade."""

import datetime

import pytest
from django.apps import apps

from baliprocess.lib.migrations import FillKnownSince
from membership.models import MembershipPeriod
from tests.factories import MembershipPeriodFactory

pytestmark = pytest.mark.django_db


def test_an_undated_status_is_known_from_the_day_it_was_entered():
    entered = MembershipPeriodFactory(start_date=None, known_since=None)
    entered.history.update(history_date=datetime.datetime(2020, 5, 4, 12, tzinfo=datetime.UTC))
    dated = MembershipPeriodFactory(start_date=datetime.date(2013, 4, 1), known_since=None)
    # The loader's own: known since a source's date, left as it is.
    sourced = MembershipPeriodFactory(start_date=None, known_since=datetime.date(2004, 6, 7))

    FillKnownSince("membership", "MembershipPeriod").code(apps, None)

    assert MembershipPeriod.objects.get(pk=entered.pk).known_since == datetime.date(2020, 5, 4)
    assert MembershipPeriod.objects.get(pk=dated.pk).known_since is None
    assert MembershipPeriod.objects.get(pk=sourced.pk).known_since == datetime.date(2004, 6, 7)
    assert MembershipPeriod.objects.current().filter(pk=entered.pk).exists()
