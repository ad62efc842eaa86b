"""RSS and Atom feeds of what the public may read: new documents, and changes
to the status of outcomes.

Feeds are read by aggregators that never sign in, so each one shows exactly
what an anonymous visitor may see (`Document.objects.public()`,
`Outcome.objects.public()`), whoever asks for it.
"""

import datetime
import re

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html

from meetings.models import Document, Meeting
from workshops.models import Outcome, OutcomeStatus

FEED_LENGTH = 50

# Characters XML 1.0 cannot carry, which Django's feed writer refuses with an
# error: one of them in a single entry would take the whole feed down for every
# reader. A vertical tab or form feed (what Word's Shift+Enter pastes) is a
# line break; the rest are dropped.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(value):
    """`value` without the characters XML cannot carry; anything not text as it is."""
    if isinstance(value, str):
        return _NOT_IN_XML.sub(lambda found: "\n" if found[0] in "\x0b\x0c" else "", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_text(item) for item in value)
    return value


class _XMLTextOnly:
    """A feed writer that cleans every value of an entry (see xml_text)."""

    def add_item(self, *args, **kwargs):
        super().add_item(
            *(xml_text(value) for value in args),
            **{name: xml_text(value) for name, value in kwargs.items()},
        )


class RssFeed(_XMLTextOnly, Rss201rev2Feed):
    pass


class AtomFeed(_XMLTextOnly, Atom1Feed):
    pass


def _sentence(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _paragraphs(*texts: str) -> str:
    """Plain text as the HTML that RSS descriptions and Atom summaries carry:
    escaped, one paragraph per text or blank-line-separated block."""
    blocks = []
    for text in texts:
        blocks += [block.strip() for block in (text or "").split("\n\n") if block.strip()]
    return "".join(format_html("<p>{}</p>", block) for block in blocks)


class DocumentsFeed(Feed):
    feed_type = RssFeed
    title = "Bali Process: new documents"
    description = (
        "Statements, reports, papers and other documents of the Bali Process "
        "as they become public, newest first."
    )

    def link(self):
        return reverse("meetings:document_list")

    def items(self):
        return (
            Document.objects.public()
            .select_related("meeting", "group")
            .defer("text")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item: Document) -> str:
        return item.title

    def item_description(self, item: Document) -> str:
        source = item.meeting or item.group
        heading = _sentence(item.get_kind_display(), item.date_label, str(source or ""))
        return _paragraphs(heading, item.summary)

    def item_pubdate(self, item: Document) -> datetime.datetime:
        # When it was published on the portal: a document dated "June 2004"
        # has no day to give, and the 1st would be invented.
        return item.created_at

    def item_categories(self, item: Document) -> tuple[str, ...]:
        return (item.get_kind_display(),)


class DocumentsAtomFeed(DocumentsFeed):
    feed_type = AtomFeed
    subtitle = DocumentsFeed.description


class OutcomeChangesFeed(Feed):
    feed_type = RssFeed
    title = "Bali Process: outcome changes"
    description = (
        "Each change in the status of a Bali Process recommendation, task, decision, "
        "pledge or deliverable: proposed, endorsed, in progress, completed…, newest first."
    )

    def link(self):
        return reverse("workshops:outcome_list")

    def items(self):
        # The meeting a change was recorded at is named only where the public
        # may see that meeting.
        public_meetings = Meeting.objects.visible_to(AnonymousUser()).filter(pk=OuterRef("meeting"))
        return (
            OutcomeStatus.objects.filter(outcome__in=Outcome.objects.public())
            .select_related("outcome__source_meeting", "outcome__source_group")
            .annotate(recorded_at=Subquery(public_meetings.values("title")[:1]))
            .order_by(F("created_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item: OutcomeStatus) -> str:
        return f"{item.get_status_display()}: {item.outcome.title}"

    def item_link(self, item: OutcomeStatus) -> str:
        # One outcome has many changes, and the link is each entry's identity
        # (guid, Atom id): the fragment tells them apart.
        return f"{item.outcome.get_absolute_url()}#status-{item.pk}"

    def item_description(self, item: OutcomeStatus) -> str:
        outcome = item.outcome
        source = outcome.source_meeting or outcome.source_group
        heading = _sentence(
            f"{item.get_status_display()} on {item.date_label}",
            f"recorded at {item.recorded_at}" if item.recorded_at else "",
        )
        about = _sentence(outcome.get_kind_display(), f"from {source}" if source else "")
        return _paragraphs(heading, about, item.note, outcome.text)

    def item_pubdate(self, item: OutcomeStatus) -> datetime.datetime:
        # When the change was entered on the portal (see DocumentsFeed); an
        # entry older than that field, when its outcome was.
        return item.created_at or item.outcome.created_at

    def item_categories(self, item: OutcomeStatus) -> tuple[str, ...]:
        return (item.get_status_display(), item.outcome.get_kind_display())


class OutcomeChangesAtomFeed(OutcomeChangesFeed):
    feed_type = AtomFeed
    subtitle = OutcomeChangesFeed.description
