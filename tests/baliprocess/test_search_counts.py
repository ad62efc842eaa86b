"""The search counts its matches only up to a limit: a common word's count
does not visit every matching row of the archive."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator

from baliprocess import search as search_module
from baliprocess.search import search
from tests.factories import DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def count_limit(monkeypatch):
    monkeypatch.setattr(search_module, "COUNT_LIMIT", 3)
    return 3


def test_search_counts_each_type_up_to_the_limit(count_limit):
    for number in range(5):
        DocumentFactory(title=f"Trafficking report {number}")
    MeetingFactory(custom_title="Workshop on trafficking")

    results = search(text="trafficking", user=AnonymousUser())

    assert results.counts["document"] == 3
    assert results.counts["meeting"] == 1
    assert results.more_than == {"document"}
    assert results.total == 4
    assert results.total_is_more
    assert len(Paginator(results, 20).page(1).object_list) == 4


def test_search_under_the_limit_counts_exactly(count_limit):
    for number in range(3):
        DocumentFactory(title=f"Trafficking report {number}")

    results = search(text="trafficking", user=AnonymousUser())

    assert results.counts["document"] == 3
    assert results.more_than == frozenset()
    assert not results.count_is_more


def test_search_page_says_there_are_more_than_it_counted(client, count_limit):
    for number in range(5):
        DocumentFactory(title=f"Trafficking report {number}")

    response = client.get("/search/", {"q": "trafficking", "type": "document"})

    assert response.status_code == 200
    assert "More than 3 results for “trafficking” among documents" in response.text
    assert 'Documents <span class="result-types__count">(3+)</span>' in response.text
    assert "The best 3 matches of each kind are shown; add words to narrow the search." in (
        response.text
    )


def test_search_page_under_the_limit_gives_the_exact_count(client):
    DocumentFactory(title="Trafficking report")

    response = client.get("/search/", {"q": "trafficking"})

    assert "1 result for “trafficking”" in response.text
    assert "add words to narrow the search" not in response.text
