from django.contrib import admin
from django.urls import include, path

from baliprocess import views

admin.site.site_header = "Bali Process Secretariat"
admin.site.site_title = "Bali Process Secretariat"
admin.site.index_title = "The record of the Bali Process"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("", include("membership.urls")),
    path("", include("meetings.urls")),
    path("", include("workshops.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "baliprocess.views.bad_request"
handler403 = "baliprocess.views.permission_denied"
handler404 = "baliprocess.views.page_not_found"
handler500 = "baliprocess.views.server_error"
