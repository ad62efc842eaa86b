"""Portal addresses of the membership app (included at the site root; see baliprocess/urls.py)."""

from django.urls import path

from membership import views

app_name = "membership"

urlpatterns = [
    path("members/", views.ParticipantListView.as_view(), name="participant_list"),
    path("members/<slug:slug>/", views.ParticipantDetailView.as_view(), name="participant_detail"),
]
