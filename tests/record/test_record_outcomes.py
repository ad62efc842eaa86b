"""The record's outcomes, checked against what the seed documents say."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest

from baliprocess.record import keys
from baliprocess.record.citations import source_texts, squeezed
from baliprocess.record.loader import record_load
from workshops.models import Outcome, OutcomeLink, OutcomeStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_record")]

BRISBANE_DATES = "7–8 June 2004"


def outcome(title: str) -> Outcome:
    return Outcome.objects.get(title=title)


def responsible(outcome: Outcome) -> set[str]:
    return set(outcome.responsible_participants.values_list("short_name", flat=True))


def history(outcome: Outcome) -> list[tuple[str, str, str | None]]:
    return [
        (s.status, s.date_label, s.meeting.slug if s.meeting else None)
        for s in outcome.status_history.select_related("meeting").order_by("date", "pk")
    ]


def test_outcomes_count_by_kind_and_source():
    outcomes = Outcome.objects.all()

    by_kind = Counter(outcomes.values_list("kind", flat=True))
    from_brisbane = outcomes.filter(source_meeting__slug=keys.BRISBANE_SOM).count()

    assert by_kind == {
        "statement": 16,
        "recommendation": 14,
        "task": 8,
        "note": 5,
        "announcement": 5,
        "decision": 5,
        "deliverable": 5,
        "pledge": 3,
        "endorsement": 3,
    }
    assert from_brisbane == 32
    assert OutcomeStatus.objects.count() == 26
    assert OutcomeLink.objects.count() == 10


def test_brisbane_outcomes_and_their_statuses_carry_the_meetings_two_days():
    outcomes = Outcome.objects.filter(source_meeting__slug=keys.BRISBANE_SOM)
    statuses = OutcomeStatus.objects.filter(meeting__slug=keys.BRISBANE_SOM)

    assert {o.date_label for o in outcomes} == {BRISBANE_DATES}
    assert {s.date_label for s in statuses} == {BRISBANE_DATES}
    assert statuses.count() == 14


def test_brisbane_outcomes_cite_their_paragraph_of_the_report():
    outcomes = Outcome.objects.filter(source_meeting__slug=keys.BRISBANE_SOM)

    paragraphs = Counter(outcomes.values_list("paragraph", flat=True))

    assert paragraphs == {
        "8": 1,
        "9": 1,
        "15": 3,
        "16": 1,
        "17": 1,
        "18": 2,
        "19": 4,
        "20": 4,
        "21": 3,
        "22": 1,
        "23": 2,
        "24": 3,
        "25": 2,
        "26": 2,
        "27": 2,
    }
    assert set(outcomes.values_list("source_document__slug", flat=True)) == {keys.REPORT_2004}


def test_outcomes_of_the_ministerial_conferences_are_dated_as_the_sources_date_them():
    third = Outcome.objects.filter(source_meeting__slug=keys.THIRD_MC)
    fourth = Outcome.objects.filter(source_meeting__slug=keys.FOURTH_MC)
    fifth_som = Outcome.objects.filter(source_meeting__slug=keys.FIFTH_SOM)

    assert {o.date_label for o in third} == {"14–15 April 2009"}
    assert {o.date_label for o in fourth} == {"March 2011"}
    assert {o.date_label for o in fifth_som} == {"1 April 2013"}
    assert (third.count(), fourth.count(), fifth_som.count()) == (7, 9, 7)


def test_workshop_deliverables_keep_the_workshops_precision():
    deliverables = Outcome.objects.of_kind("deliverable").filter(source_meeting__kind="workshop")

    found = {o.title: o.date_label for o in deliverables}

    assert found == {
        "Checklist of issues on the return of smuggled and trafficked people": "May 2004",
        "Compilation of draft paragraphs for bilateral return agreements": "May 2004",
        "Best practice guidelines for the initial establishment of identity": "March 2004",
        "Resource of technical materials and contact points on passport systems": "August 2007",
    }


def test_every_outcome_status_and_link_cites_a_passage_its_source_contains():
    texts = source_texts()
    rows = [
        *Outcome.objects.all(),
        *OutcomeStatus.objects.all(),
        *OutcomeLink.objects.all(),
    ]

    uncited = [str(row) for row in rows if not row.citations.exists()]
    not_found = [
        citation.passage[:60]
        for row in rows
        for citation in row.citations.select_related("document")
        if squeezed(citation.passage) not in texts[citation.document.slug]
    ]

    assert uncited == []
    assert not_found == []


def test_no_status_rests_on_another_document_than_the_one_it_names():
    statuses = OutcomeStatus.objects.select_related("document")

    mismatched = [
        (str(status.outcome), status.status)
        for status in statuses
        if set(status.citations.values_list("document__slug", flat=True)) != {status.document.slug}
    ]

    assert mismatched == []


def test_brisbane_recorded_proposals_and_what_the_workshops_had_produced_nothing_more():
    statuses = OutcomeStatus.objects.filter(meeting__slug=keys.BRISBANE_SOM)

    by_kind = Counter(statuses.values_list("outcome__kind", "status"))

    assert by_kind == {
        ("recommendation", "proposed"): 10,
        ("deliverable", "completed"): 3,
        ("deliverable", "in_progress"): 1,
    }


def test_suggestion_to_discontinue_the_ahegs_stays_a_proposal():
    discontinue = outcome("Discontinue the Ad Hoc Experts Groups in their current form")

    assert discontinue.kind == "recommendation"
    assert history(discontinue) == [("proposed", BRISBANE_DATES, keys.BRISBANE_SOM)]
    assert "suggested" in discontinue.text
    assert set(discontinue.concerned_groups.values_list("slug", flat=True)) == {
        keys.AHEG_I,
        keys.AHEG_II,
    }


def test_working_group_that_would_be_established_has_no_status():
    establishment = outcome(
        "Establish the working group on trafficking in persons under the AHG's purview"
    )

    assert establishment.kind == "decision"
    assert "would be established" in establishment.text
    assert history(establishment) == []


def test_unodc_decision_was_put_to_the_fifth_som_not_recorded_as_endorsed():
    decision = outcome("Support UNODC's application to become a member")

    assert decision.source_group.slug == keys.STEERING_GROUP
    assert history(decision) == [("proposed", "1 April 2013", keys.FIFTH_SOM)]


def test_work_on_legislation_and_returns_is_completed_or_soon_would_be():
    statement = outcome("Work on legislation and returns had been completed or soon would be")

    assert statement.kind == "statement"
    assert history(statement) == []
    assert not Outcome.objects.filter(title="Work on legislation and returns completed").exists()


def test_fifth_som_endorsed_three_ahg_recommendations():
    endorsements = Outcome.objects.filter(source_meeting__slug=keys.FIFTH_SOM, kind="endorsement")

    endorsed = (
        Outcome.objects.filter(
            links_in__from_outcome__in=endorsements, links_in__relation="endorses"
        )
        .with_current_status()
        .order_by("title")
    )

    assert [(o.source_group.short_name, o.kind, o.current_status) for o in endorsed] == [
        ("AHG", "recommendation", "endorsed")
    ] * 3
    assert [o.title for o in endorsed] == [
        "Develop regional policy guides on criminalising people smuggling and trafficking",
        "Establish a working group on trafficking in persons",
        "Establish cooperation between the Regional Support Office and JCLEC",
    ]
    assert {o.current_status_date for o in endorsed} == {datetime.date(2013, 4, 1)}


def test_ahg_recommendations_were_proposed_then_endorsed():
    statuses = OutcomeStatus.objects.filter(
        outcome__title="Establish a working group on trafficking in persons"
    ).order_by("date", "pk")

    assert [(s.status, s.meeting.slug, s.document.slug) for s in statuses] == [
        ("proposed", keys.FIFTH_SOM, keys.OUTCOMES_2013),
        ("endorsed", keys.FIFTH_SOM, keys.OUTCOMES_2013),
    ]


def test_working_group_establishment_follows_the_recommendation_and_the_2011_task():
    establishment = outcome(
        "Establish the working group on trafficking in persons under the AHG's purview"
    )

    chain = []
    current = establishment
    while link := OutcomeLink.objects.filter(from_outcome=current, relation="follows").first():
        current = link.to_outcome
        chain.append((current.kind, current.date_label))

    assert chain == [("recommendation", "1 April 2013"), ("task", "March 2011")]


def test_task_to_operationalise_the_rcf_is_recorded_in_progress_only_in_2013():
    task = outcome("Operationalise the Regional Cooperation Framework")

    assert history(task) == [("in_progress", "1 April 2013", keys.FIFTH_SOM)]
    assert "Regional Support Office" in task.status_history.get().note
    assert OutcomeLink.objects.filter(
        from_outcome=task,
        relation="follows",
        to_outcome__title="An inclusive but non-binding Regional Cooperation Framework",
    ).exists()


def test_pledges_for_the_website_with_their_amounts_and_currencies():
    pledges = Outcome.objects.of_kind("pledge").prefetch_related("responsible_participants")

    found = {
        pledge.responsible_participants.get().short_name: (
            pledge.amount,
            pledge.currency,
            pledge.paragraph,
            pledge.date_label,
        )
        for pledge in pledges
    }

    assert found == {
        "Japan": (Decimal("10000.00"), "USD", "19", BRISBANE_DATES),
        "New Zealand": (Decimal("30000.00"), "NZD", "19", BRISBANE_DATES),
        "Australia": (None, "", "19", BRISBANE_DATES),
    }


def test_workshops_announced_or_offered_in_brisbane_and_by_asean():
    announcements = Outcome.objects.of_kind("announcement")

    found = {(o.paragraph, frozenset(responsible(o))) for o in announcements}

    assert found == {
        ("20", frozenset({"Republic of Korea"})),
        ("20", frozenset({"Japan", "Thailand"})),
        ("20", frozenset({"Afghanistan"})),
        ("21", frozenset()),
        ("", frozenset({"ASEAN"})),
    }


def test_koreas_announced_second_workshop_is_recorded_held_by_the_2008_paper():
    announcement = outcome(
        "The Republic of Korea to hold a second people trafficking/public awareness campaign "
        "workshop"
    )

    assert "in late 2004" in announcement.text
    assert history(announcement) == [("completed", "14 February 2008", keys.UNGIFT_SIDE_EVENT)]
    assert announcement.status_history.get().document.slug == keys.NZ_PAPER_2008


def test_presentations_to_the_brisbane_som_one_note_per_paragraph():
    notes = Outcome.objects.of_kind("note").filter(
        source_meeting__slug=keys.BRISBANE_SOM, paragraph__in=["8", "9", "23"]
    )

    presenters = {note.paragraph: responsible(note) for note in notes}

    assert presenters == {
        "8": {"New Zealand", "IOM", "Republic of Korea", "Fiji", "Australia", "Vietnam"},
        "9": {"Thailand", "Malaysia", "New Zealand", "Pakistan", "Australia"},
        "23": {"United States", "UNODC", "ICMPD", "ILO", "Interpol", "IFRC"},
    }


def test_funding_appeal_follow_up_is_a_task_for_the_co_chairs_and_coordinators():
    task = outcome("Follow up with the countries willing to consider contributions")

    assert (task.kind, task.paragraph) == ("task", "25")
    assert "had not generated sufficient funds" in task.text
    assert responsible(task) == {"Australia", "Indonesia", "New Zealand", "Thailand"}
    assert history(task) == []


def test_no_further_ministerial_meeting_was_planned_and_co_chairs_report_after_a_year():
    paragraph_26 = Outcome.objects.filter(source_meeting__slug=keys.BRISBANE_SOM, paragraph="26")

    found = {(o.kind, o.title) for o in paragraph_26}

    assert found == {
        ("statement", "Another Ministerial meeting is for Ministers to decide; none was planned"),
        ("task", "Report after a year on activities and seek views on future directions"),
    }


def test_recommendation_to_continue_streamlined_is_apart_from_the_task_it_gave():
    recommendation = outcome("Continue the Bali Process in a more streamlined way")
    task = outcome("Develop proposals for targeted activities")

    assert responsible(recommendation) == set()
    assert responsible(task) == {
        "Australia",
        "Indonesia",
        "New Zealand",
        "Thailand",
        "UNHCR",
        "IOM",
    }
    assert OutcomeLink.objects.filter(
        from_outcome=task, relation="follows", to_outcome=recommendation
    ).exists()


def test_co_chairs_statements_of_the_third_and_fourth_conferences():
    statements = Outcome.objects.of_kind("statement")

    third = statements.filter(source_meeting__slug=keys.THIRD_MC)
    fourth = statements.filter(source_meeting__slug=keys.FOURTH_MC)

    assert third.count() == 5
    assert set(third.values_list("source_document__slug", flat=True)) == {keys.THIRD_MC_PAGE_2009}
    assert fourth.count() == 4
    assert set(fourth.values_list("source_document__slug", flat=True)) == {keys.NEWS_RELEASE_2011}
    assert sorted(o.title for o in third.filter(title__icontains="victim-centred")) == [
        "The importance of a victim-centred approach to law enforcement"
    ]
    assert sorted(o.title for o in fourth.filter(title__icontains="victim-centred")) == [
        "The importance of promoting a victim-centred approach to law enforcement"
    ]


def test_welcome_of_new_members_is_a_statement_not_a_decision():
    welcome = outcome(
        "The membership of the United States, the United Arab Emirates and UNODC welcomed"
    )

    assert welcome.kind == "statement"
    assert not Outcome.objects.filter(
        title="Welcome the United States, the United Arab Emirates and UNODC as members"
    ).exists()


def test_reload_renames_outcomes_and_retracts_unsupported_statuses():
    statement = outcome("Work on legislation and returns had been completed or soon would be")
    statement.title = "Work on legislation and returns completed"
    statement.save()
    task = outcome("Operationalise the Regional Cooperation Framework")
    fourth_mc = task.source_meeting
    OutcomeStatus.objects.create(
        outcome=task,
        status="in_progress",
        date=datetime.date(2011, 3, 1),
        date_precision="month",
        meeting=fourth_mc,
        document=task.source_document,
    )

    record_load()

    titles = Outcome.objects.filter(source_meeting__slug=keys.BRISBANE_SOM, paragraph="17")
    assert list(titles.values_list("title", flat=True)) == [
        "Work on legislation and returns had been completed or soon would be"
    ]
    assert history(task) == [("in_progress", "1 April 2013", keys.FIFTH_SOM)]
