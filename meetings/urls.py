"""Portal addresses of the meetings app (included at the site root; see baliprocess/urls.py)."""

from django.urls import path

from meetings import views

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
]
