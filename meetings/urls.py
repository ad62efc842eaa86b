"""Portal addresses of the meetings app (included at the site root; see baliprocess/urls.py)."""

from django.urls import path

from meetings import views, views_printing

app_name = "meetings"

urlpatterns = [
    # --- Portal ---
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("documents/", views.DocumentListView.as_view(), name="document_list"),
    path("documents/<slug:slug>/", views.DocumentDetailView.as_view(), name="document_detail"),
    path(
        "documents/<slug:slug>/facts/",
        views.DocumentFactsView.as_view(),
        name="document_facts",
    ),
    path(
        "documents/<slug:slug>/download/",
        views.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    # --- Participant lists ---
    path(
        "meetings/<slug:slug>/participants/",
        views.ParticipantListView.as_view(),
        name="participant_list",
    ),
    path(
        "meetings/<slug:slug>/participants.<str:format>",
        views.ParticipantListExportView.as_view(),
        name="participant_list_export",
    ),
    # One version of the list: public, circulation or restricted.
    path(
        "meetings/<slug:slug>/participants/<slug:version>/",
        views.ParticipantListView.as_view(),
        name="participant_list_version",
    ),
    path(
        "meetings/<slug:slug>/participants/<slug:version>.<str:format>",
        views.ParticipantListExportView.as_view(),
        name="participant_list_version_export",
    ),
    # --- Badges and table tents (meetings.views_printing) ---
    path(
        "meetings/<slug:slug>/badges.pdf",
        views_printing.BadgesView.as_view(),
        name="badges",
    ),
    path(
        "meetings/<slug:slug>/table-tents.pdf",
        views_printing.TableTentsView.as_view(),
        name="table_tents",
    ),
]
