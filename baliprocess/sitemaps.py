"""The sitemap: every public page of the portal, for search engines.

/sitemap.xml is an index of sections (/sitemap-meetings.xml…), each cut into
pages of at most SECTION_LIMIT addresses (/sitemap-documents.xml?p=2), so no
answer grows with the record. Crawlers never sign in, so every section lists
what an anonymous visitor may see, through the models' own rules
(`visible_to`, `public()`). URLs are absolute, built from the address the
sitemap was asked for.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from meetings.models import Document, Meeting
from membership.models import Participant
from workshops.models import Group, Outcome

# Addresses per page of a section. The protocol allows 50,000 and the issue
# asked for at most 10,000; at 10,000 a page is 1.6 MB and takes about a
# second to render, at 500 about 85 KB and 50 ms (measured on the grown
# record), as light as the portal's own pages. Crawlers follow the index, so
# smaller pages cost them nothing.
SECTION_LIMIT = 500


class SectionSitemap(Sitemap):
    """A section of the sitemap, in pages of SECTION_LIMIT addresses."""

    limit = SECTION_LIMIT

    def get_latest_lastmod(self):
        """The section's latest change, for the index, in one query (Django's
        default would read every record of the section)."""
        if not hasattr(self, "lastmod"):
            return None
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ListPagesSitemap(SectionSitemap):
    """The home page and the portal's lists, which change whenever the record does."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return [
            "home",
            "meetings:meeting_list",
            "membership:participant_list",
            "workshops:group_list",
            "workshops:workshop_list",
            "workshops:outcome_list",
            "meetings:document_list",
        ]

    def location(self, item):
        return reverse(item)


class MeetingSitemap(SectionSitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.visible_to(AnonymousUser()).order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ParticipantSitemap(SectionSitemap):
    changefreq = "monthly"

    def items(self):
        return Participant.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class GroupSitemap(SectionSitemap):
    changefreq = "monthly"

    def items(self):
        return Group.objects.order_by("pk").only("slug")


class OutcomeSitemap(SectionSitemap):
    changefreq = "monthly"

    def items(self):
        return Outcome.objects.public().order_by("pk").only("pk", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class DocumentSitemap(SectionSitemap):
    changefreq = "yearly"

    def items(self):
        return Document.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "pages": ListPagesSitemap,
    "meetings": MeetingSitemap,
    "participants": ParticipantSitemap,
    "groups": GroupSitemap,
    "outcomes": OutcomeSitemap,
    "documents": DocumentSitemap,
}
