"""Every fact of the record cites a passage its source contains.

The checker (baliprocess.record.citations) runs on the record's data as
written; the loaded database is then checked too: each row the record wrote
carries its citations, and each quote is in the text of the document the
portal shows.
"""

import pytest
from django.contrib.contenttypes.models import ContentType

from baliprocess.record import keys
from baliprocess.record.citations import (
    citation_problems,
    cite_problem,
    facts_and_cites,
    source_texts,
    squeezed,
)
from baliprocess.record.facts import Cite
from meetings.models import Citation, Delegate, Delegation, Document, Meeting, MeetingRole
from membership.models import MembershipPeriod, Participant
from workshops.models import (
    Group,
    GroupMembership,
    GroupRole,
    Outcome,
    OutcomeLink,
    OutcomeStatus,
    TermOfReference,
)

FACT_MODELS = [
    Participant,
    MembershipPeriod,
    Document,
    Meeting,
    MeetingRole,
    Delegation,
    Delegate,
    Group,
    GroupRole,
    TermOfReference,
    GroupMembership,
    Outcome,
    OutcomeStatus,
    OutcomeLink,
]


def test_every_fact_of_the_record_cites_a_passage_its_source_contains():
    assert citation_problems() == []


def test_the_record_has_facts_of_every_kind_to_check():
    kinds = {type(fact).__name__ for _, fact in facts_and_cites()}

    assert {"ParticipantFact", "MeetingFact", "OutcomeFact", "GroupFact"} <= kinds
    assert sum(1 for _ in facts_and_cites()) > 300


def test_a_quote_the_source_does_not_contain_is_reported():
    texts = source_texts()
    real = Cite(keys.REPORT_2004, "Japan pledged US\\$10,000 for the upkeep", at="para. 19")
    altered = Cite(keys.REPORT_2004, "Japan pledged US\\$20,000 for the upkeep", at="para. 19")

    assert cite_problem(real, texts) == ""
    assert "does not contain" in cite_problem(altered, texts)


def test_a_quote_that_crosses_a_line_break_still_matches():
    texts = source_texts()
    # 001 breaks this sentence after "welcomed the membership of the".
    cite = Cite(
        keys.OUTCOMES_2013,
        "Participants welcomed the membership of the United States of America",
    )

    assert cite_problem(cite, texts) == ""


@pytest.mark.parametrize(
    ("cite", "problem"),
    [
        (Cite(None, "Viet Nam", title="Member States", url="http://www.un.org/"), "https"),
        (Cite(None, "Viet Nam", url="https://www.un.org/en/about-us/member-states"), "title"),
        (Cite("no-such-document", "Brisbane"), "not a seed document"),
        (Cite(keys.REPORT_2004, "   "), "without quoting"),
    ],
)
def test_a_citation_a_reader_cannot_check_is_reported(cite, problem):
    assert problem in cite_problem(cite, source_texts())


def test_squeezed_makes_every_run_of_whitespace_one_space():
    assert squeezed("  no further\n\nMinisterial\tmeeting ") == "no further Ministerial meeting"


@pytest.mark.django_db
@pytest.mark.usefixtures("loaded_record")
class TestLoadedCitations:
    @pytest.mark.parametrize("model", FACT_MODELS, ids=lambda model: model.__name__)
    def test_every_row_the_record_wrote_cites_its_source(self, model):
        content_type = ContentType.objects.get_for_model(model)
        cited = set(
            Citation.objects.filter(content_type=content_type).values_list("object_id", flat=True)
        )
        rows = set(model.objects.values_list("pk", flat=True))

        assert rows
        assert rows - cited == set()

    def test_every_quote_is_in_the_text_of_the_document_it_cites(self):
        texts = {document.pk: squeezed(document.text) for document in Document.objects.only("text")}
        quoted = Citation.objects.filter(document__isnull=False).values_list("document", "passage")

        missing = [passage for pk, passage in quoted if squeezed(passage) not in texts[pk]]

        assert quoted.exists()
        assert missing == []

    def test_other_sources_are_named_with_their_address(self):
        external = Citation.objects.filter(document__isnull=True)

        assert all(citation.external_title for citation in external)
        assert all(citation.external_url.startswith("https://") for citation in external)

    def test_a_citation_reads_as_its_source_and_place(self):
        pledge = Outcome.objects.get(kind="pledge", responsible_participants__slug=keys.JAPAN)
        citation = pledge.citations.get(document__slug=keys.REPORT_2004)

        assert citation.source_label == "Report to Ministers, para. 19"
        assert "US\\$10,000" in citation.passage
