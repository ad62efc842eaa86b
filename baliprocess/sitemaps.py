"""The sitemap: every public page of the portal, for search engines.

Crawlers never sign in, so every section lists what an anonymous visitor may
see, through the models' own rules (`visible_to`, `public()`). URLs are
absolute, built from the address the sitemap was asked for.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from meetings.models import Document, Meeting
from membership.models import Participant
from workshops.models import Group, Outcome


class ListPagesSitemap(Sitemap):
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


class MeetingSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.visible_to(AnonymousUser()).order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ParticipantSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Participant.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class GroupSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Group.objects.order_by("pk").only("slug")


class OutcomeSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Outcome.objects.public().order_by("pk").only("pk", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class DocumentSitemap(Sitemap):
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
