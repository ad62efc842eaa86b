from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from baliprocess import discovery_views, feeds, sitemaps, views

admin.site.site_header = "Bali Process Secretariat"
admin.site.site_title = "Bali Process Secretariat"
admin.site.index_title = "The record of the Bali Process"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path(".well-known/security.txt", views.SecurityTxtView.as_view(), name="security_txt"),
    path("", include("membership.urls")),
    path("", include("meetings.urls")),
    path("", include("workshops.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    # --- Search, feeds, calendars and the sitemap ---
    path("search/", discovery_views.SearchView.as_view(), name="search"),
    path("feeds/documents/", feeds.DocumentsFeed(), name="feed_documents"),
    path("feeds/documents/atom/", feeds.DocumentsAtomFeed(), name="feed_documents_atom"),
    path("feeds/outcomes/", feeds.OutcomeChangesFeed(), name="feed_outcomes"),
    path("feeds/outcomes/atom/", feeds.OutcomeChangesAtomFeed(), name="feed_outcomes_atom"),
    path(
        "meetings/<slug:slug>/calendar.ics",
        discovery_views.MeetingCalendarView.as_view(),
        name="meeting_calendar",
    ),
    path("calendar.ics", discovery_views.CalendarFeedView.as_view(), name="calendar"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap_section",
    ),
]

handler400 = "baliprocess.views.bad_request"
handler403 = "baliprocess.views.permission_denied"
handler404 = "baliprocess.views.page_not_found"
handler500 = "baliprocess.views.server_error"
