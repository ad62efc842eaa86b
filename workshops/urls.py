"""Portal addresses of the workshops app (included at the site root; see baliprocess/urls.py)."""

from django.urls import path

from workshops import views

app_name = "workshops"

urlpatterns = [
    path("groups/", views.GroupListView.as_view(), name="group_list"),
    path("groups/<slug:slug>/", views.GroupDetailView.as_view(), name="group_detail"),
    path("workshops/", views.WorkshopListView.as_view(), name="workshop_list"),
    path("outcomes/", views.OutcomeListView.as_view(), name="outcome_list"),
    path("outcomes/<int:pk>/", views.OutcomeDetailView.as_view(), name="outcome_detail"),
]
